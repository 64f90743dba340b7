package dedup

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/draftlint/draftlint/internal/synth"
)

// naiveWinnow is winnow by its definition: the rightmost smallest
// fingerprint of every window of w k-grams, each position once.
func naiveWinnow(fps []uint32, n int) []uint32 {
	if n < anchorK {
		return []uint32{fps[n-1]}
	}
	g := fps[anchorK-1 : n]
	w := min(anchorWindow(n), len(g))
	var out []uint32
	last := -1
	for j := w - 1; j < len(g); j++ {
		mi := j
		for t := j - 1; t > j-w; t-- {
			if g[t] < g[mi] {
				mi = t
			}
		}
		if mi != last {
			out = append(out, g[mi])
			last = mi
		}
	}
	return out
}

func winnowKey(key []rune) []uint32 {
	fps := make([]uint32, len(key))
	keyPrints(key, fps)
	var a anchorState
	a.winnow(fps, len(key), 7)
	out := make([]uint32, len(a.keys))
	for i, x := range a.keys {
		if uint32(x) != 7 {
			panic("wrong representative")
		}
		out[i] = uint32(x >> 32)
	}
	return out
}

// winnow equals its definition, and two keys sharing a stretch of
// w+k−1 runes (w of the longer key) share a fingerprint.
func TestWinnow(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	han := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经")
	randKey := func(n int) []rune {
		k := make([]rune, n)
		for i := range k {
			k[i] = han[rng.IntN(len(han))]
		}
		return k
	}
	for range 3000 {
		key := randKey(1 + rng.IntN(120))
		fps := make([]uint32, len(key))
		keyPrints(key, fps)
		if got, want := winnowKey(key), naiveWinnow(fps, len(key)); !slices.Equal(got, want) {
			t.Fatalf("%q: winnow %v, want %v", string(key), got, want)
		}
	}
	for range 3000 {
		a, b := randKey(15+rng.IntN(100)), randKey(15+rng.IntN(100))
		w := max(anchorWindow(len(a)), anchorWindow(len(b)))
		// A shared stretch of w+k−1 runes put somewhere in each.
		s := randKey(w + anchorK - 1)
		copy(a[rng.IntN(len(a)-len(s)+1):], s)
		copy(b[rng.IntN(len(b)-len(s)+1):], s)
		fa, fb := winnowKey(a), winnowKey(b)
		if !slices.ContainsFunc(fa, func(x uint32) bool { return slices.Contains(fb, x) }) {
			t.Fatalf("%q and %q share %q but no fingerprint", string(a), string(b), string(s))
		}
	}
}

// The anchors find a sentence's close copy and, through a fingerprint of
// four units, its templated relative and that one's copy too: a pairing
// made once leaves the anchors that only repeat it free.
func TestAnchorsReachRelatives(t *testing.T) {
	bs := cleanBases(t)
	x := "全国各族人民、一切国家机关和武装力量、各政党和各社会团体、各企业事业组织，都必须以宪法为根本的活动准则。"
	y := "一切国家机关和武装力量、各政党和各社会团体、各企业事业组织都必须遵守宪法。"
	texts := append(slices.Clone(bs), x, x[:len(x)-6]+"。", y, y[:len(y)-6]+"。")
	units := make([]Unit, len(texts))
	for i, s := range texts {
		units[i] = Unit{Text: s}
	}
	want := pairSet(FindRepeats(units, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30}))
	got := pairSet(FindRepeats(units, FindOptions{PairwiseMax: 1}))
	n := len(texts) - 4
	for _, p := range [][2]int{{n, n + 1}, {n, n + 2}, {n + 1, n + 2}, {n + 2, n + 3}} {
		if _, ok := want[p]; !ok {
			t.Fatalf("pair %v is not a repeat: the test proves nothing", p)
		}
		if _, ok := got[p]; !ok {
			t.Errorf("anchors miss %v:\n  %s\n  %s", p, texts[p[0]], texts[p[1]])
		}
	}
}

func pairSet(r Repeats) map[[2]int]Relation {
	m := make(map[[2]int]Relation, len(r.Pairs))
	for _, p := range r.Pairs {
		m[[2]int{p.A, p.B}] = p.Relation
	}
	return m
}

// missed counts the pairs of want that FindRepeats with opt (the
// candidate path of large documents) does not report, and the pairs it
// reports beyond want.
func missed(units []Unit, want map[[2]int]Relation, oph bool) (miss, extra int) {
	defer func(old bool) { useOPH = old }(useOPH)
	useOPH = oph
	got := pairSet(FindRepeats(units, FindOptions{PairwiseMax: 1}))
	for k := range want {
		if _, ok := got[k]; !ok {
			miss++
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			extra++
		}
	}
	return miss, extra
}

// On synthetic documents (the clean corpus sentences and an edited copy of
// each), the anchors find the pairs that checking every pair finds, up to a
// few in ten thousand, and never report one it does not (every candidate is
// verified). The one-permutation LSH, kept for comparison, is logged.
func TestAnchorsVsExhaustive(t *testing.T) {
	seeds := 3
	if os.Getenv("DEDUP_EXHAUSTIVE") != "" {
		seeds = 20
	}
	for _, m := range []synth.Mutation{{Op: synth.Subst, Rate: 0.10}, {Op: synth.Insert, Rate: 0.10},
		{Op: synth.Delete, Rate: 0.10}, {Op: synth.Prefix}, {Op: synth.SuffixCut}} {
		total, missA, missO := 0, 0, 0
		for seed := range seeds {
			texts, _, _ := mutatedDoc(t, m, uint64(seed+1))
			units := make([]Unit, len(texts))
			for i, s := range texts {
				units[i] = Unit{Text: s}
			}
			want := pairSet(FindRepeats(units, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30}))
			total += len(want)
			a, extra := missed(units, want, false)
			if extra > 0 {
				t.Errorf("%v seed %d: %d pairs beyond checking every pair", m, seed+1, extra)
			}
			o, _ := missed(units, want, true)
			missA += a
			missO += o
		}
		t.Logf("%-12v %6d pairs: anchors miss %d, one-permutation LSH %d", m, total, missA, missO)
		if missA*1000 > total {
			t.Errorf("%v: anchors miss %d of %d pairs", m, missA, total)
		}
	}
}

// TestAnchorsDraft compares the anchors and the LSH with checking every
// pair on the 4 MB benchmark draft (about 8 s of exhaustive checks: run
// with DEDUP_EXHAUSTIVE=1).
func TestAnchorsDraft(t *testing.T) {
	if os.Getenv("DEDUP_EXHAUSTIVE") == "" {
		t.Skip("set DEDUP_EXHAUSTIVE=1")
	}
	units, _ := draftUnits(t)
	want := pairSet(FindRepeats(units, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30}))
	var st anchorStats
	anchorStatsHook = func(s anchorStats) { st = s }
	a, extra := missed(units, want, false)
	anchorStatsHook = nil
	o, _ := missed(units, want, true)
	t.Logf("%d pairs: anchors miss %d (extra %d), one-permutation LSH %d; %+v", len(want), a, extra, o, st)
	if extra > 0 || a > len(want)/100 {
		t.Errorf("anchors miss %d of %d pairs, %d extra", a, len(want), extra)
	}
}
