package dedup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveJoin is ophJoin with a map: every pair of entries sharing a key in
// a band, each later entry paired with at most 64 earlier ones.
func naiveJoin(keys []uint32, stride, bands int, reps []int32) []uint64 {
	var out []uint64
	for b := range bands {
		seen := map[uint32][]int{}
		for i := range reps {
			k := keys[b*stride+i]
			prev := seen[k]
			for j := len(prev) - 1; j >= 0 && j >= len(prev)-64; j-- {
				out = append(out, uint64(reps[prev[j]])<<32|uint64(reps[i]))
			}
			seen[k] = append(prev, i)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestOPHJoin(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var js joinScratch
	for _, n := range []int{0, 1, 7, 300, 5000, 70000} {
		for _, distinct := range []int{1, 3, 50, 1 << 30} {
			if n*min(64, n/distinct) > 200_000 {
				continue // too many pairs for the map
			}
			const bands = 3
			stride := n + 5 // as in lshState: capacity, not length
			keys := make([]uint32, bands*stride)
			for i := range keys {
				keys[i] = uint32(rng.IntN(min(distinct, 1<<31))) * 0x9E3779B1
			}
			reps := make([]int32, n)
			for i := range reps {
				reps[i] = int32(2*i + 1) // ascending, not the identity
			}
			got := ophJoin(keys, stride, bands, reps, &js, nil, nil)
			slices.Sort(got)
			got = slices.Compact(got)
			want := naiveJoin(keys, stride, bands, reps)
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d distinct=%d: %d pairs, want %d", n, distinct, len(got), len(want))
			}
			for _, c := range got {
				if c>>32 >= uint64(uint32(c)) {
					t.Fatalf("pair %d,%d not ordered", c>>32, uint32(c))
				}
			}
		}
	}
}

// Equal keys give equal band keys, whatever the order of the shingles;
// a key and a near copy share bands, unrelated keys do not.
func TestOPHBands(t *testing.T) {
	bands := func(key []rune) [ophBands]uint32 {
		hs := make([]uint64, len(key))
		for j := 1; j < len(key); j++ {
			hs[j] = mixShingle(uint64(key[j-1])<<21 | uint64(key[j]))
		}
		bins := emptyBins
		mask := ophSketch(key, hs, &bins)
		var bk [ophBands]uint32
		ophBandKeys(&bins, mask, &bk)
		return bk
	}
	shared := func(a, b string) int {
		x, y := bands([]rune(a)), bands([]rune(b))
		n := 0
		for i := range x {
			if x[i] == y[i] {
				n++
			}
		}
		return n
	}
	s := "全省上下要坚定信心凝心聚力推动高质量发展取得新成效"
	if n := shared(s, s); n != ophBands {
		t.Errorf("a key shares %d of %d bands with itself", n, ophBands)
	}
	if n := shared(s, "全省上下要坚定信心凝心聚力推动高质量发展取得新进展"); n == 0 {
		t.Error("a near copy shares no band")
	}
	if n := shared(s, "会议号召全省广大科技工作者要勇攀高峰敢为人先"); n != 0 {
		t.Errorf("unrelated keys share %d bands", n)
	}
	// Mixed keys: Latin trigrams and one-rune runs are shingles too.
	m := "第3季度gdp增长5个百分点abc"
	if n := shared(m, m); n != ophBands {
		t.Errorf("a mixed key shares %d of %d bands with itself", n, ophBands)
	}
}

// FindRepeats reuses pooled buffers: calls of different sizes and options,
// one after another and at once, give the results of fresh calls.
func TestFindRepeatsReuse(t *testing.T) {
	mk := func(texts []string) []Unit {
		us := make([]Unit, len(texts))
		for i, s := range texts {
			us[i] = Unit{Text: s, Group: i % 7}
		}
		return us
	}
	bs := cleanBases(t)
	big := mk(append(slices.Clone(bs), bs[:300]...))
	small := mk(bs[:40])
	opts := []FindOptions{{PairwiseMax: 1}, {}, ParagraphOptions(), {PairwiseMax: 1, SameGroup: true, NoNumberVariants: true}}
	want := make([]Repeats, len(opts))
	for i, o := range opts {
		want[i] = FindRepeats(big, o)
	}
	for i, o := range opts {
		FindRepeats(small, o)
		if got := FindRepeats(big, o); !sameRepeats(got, want[i]) {
			t.Errorf("options %d: result changed after a smaller call", i)
		}
	}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			i := g % len(opts)
			done <- sameRepeats(FindRepeats(big, opts[i]), want[i])
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("concurrent calls disagree")
		}
	}
}

func sameRepeats(a, b Repeats) bool {
	if !slices.Equal(a.Pairs, b.Pairs) || len(a.Groups) != len(b.Groups) {
		return false
	}
	for i := range a.Groups {
		if a.Groups[i].Keeper != b.Groups[i].Keeper || !slices.Equal(a.Groups[i].Units, b.Groups[i].Units) {
			return false
		}
	}
	return true
}
