package dedup

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/draftlint/draftlint/internal/synth"
)

// bandGraphComponents labels units by the connected components of the
// graph joining units with equal exact hashes or equal band keys (same
// band): what the SQL of docs/dedup.md computes.
func bandGraphComponents(ix *Index) []int32 {
	uf := NewUnionFind(ix.Len())
	first := map[[2]uint64]int{}
	join := func(k [2]uint64, u int) {
		if v, ok := first[k]; ok {
			uf.Union(u, v)
		} else {
			first[k] = u
		}
	}
	for u := range ix.Len() {
		join([2]uint64{1 << 40, ix.Sig(u).Exact}, u)
	}
	for r := range ix.BandRows() {
		join([2]uint64{uint64(r.Band), r.Key}, r.Unit)
	}
	g := make([]int32, ix.Len())
	for u := range g {
		g[u] = int32(uf.Find(u))
	}
	return g
}

func mixedTexts(t *testing.T) []string {
	var texts []string
	for i, m := range []synth.Mutation{{Op: synth.Subst, Rate: 0.10}, {Op: synth.Prefix}, {Op: synth.Delete, Rate: 0.05}} {
		tx, _, _ := mutatedDoc(t, m, uint64(20+i))
		if i > 0 {
			tx = tx[len(cleanBases(t)):] // the bases once
		}
		texts = append(texts, tx...)
	}
	return append(texts, indexFixture()...)
}

func TestClustersWithinEqualsClusters(t *testing.T) {
	texts := mixedTexts(t)
	ix := NewIndex()
	for i, s := range ix.SignAll(texts, 2) {
		ix.AddSig(uint64(i), s)
	}
	text := func(u int, _ uint64) (string, error) { return texts[u], nil }
	ref, rst, err := ix.Clusters(text, ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ref) < 1000 {
		t.Fatalf("only %d clusters", len(ref))
	}
	g := bandGraphComponents(ix)
	got, gst, err := ix.ClustersWithin(g, text, ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(ref) {
		t.Fatal("ClustersWithin over the band-graph components differs from Clusters")
	}
	if gst.Accepted != rst.Accepted || gst.ExactUnions != rst.ExactUnions {
		t.Errorf("stats differ: %+v vs %+v", gst, rst)
	}
	t.Logf("%d units, %d clusters, stats %+v", len(texts), len(ref), rst)

	// Finer labels: units of different labels are never joined, and
	// unlabelled units stay out.
	for u := range g {
		if u%2 == 1 {
			g[u] = -1
		}
	}
	got, _, _ = ix.ClustersWithin(g, text, ClusterOptions{})
	for _, c := range got {
		for _, u := range c.Units {
			if u%2 == 1 || g[u] != g[c.Units[0]] {
				t.Fatalf("cluster %v crosses labels", c.Units)
			}
		}
	}
	if _, _, err := ix.ClustersWithin(g[:3], text, ClusterOptions{}); err == nil {
		t.Error("short label slice accepted")
	}
}

// The 2-bit sketch estimates the index shingling's Jaccard.
func TestSigBitsEstimate(t *testing.T) {
	bs := cleanBases(t)
	g := synth.New(4, bs)
	var s Signer
	var sumErr float64
	n, unrel, passed := 0, 0, 0
	for i, b := range bs[:400] {
		var c string
		switch i % 3 {
		case 0:
			c = g.Apply(b, synth.Mutation{Op: synth.Subst, Rate: 0.10})
		case 1:
			c = g.Apply(b, synth.Mutation{Op: synth.Prefix})
		default:
			c = bs[(i+7)%len(bs)] // unrelated
		}
		sa, sb := s.Sign(b), s.Sign(c)
		if sa.Bands == nil || sb.Bands == nil {
			continue
		}
		j := Jaccard(IndexShingling.Set(nil, Normalize(b, WordBreaks)), IndexShingling.Set(nil, Normalize(c, WordBreaks)))
		e := sa.Bits.EstimateJaccard(&sb.Bits)
		sumErr += math.Abs(e - j)
		n++
		if i%3 != 2 && e < 0.2 { // above the 0.15 prefilter: 64 slots give ±0.08
			t.Errorf("copy with Jaccard %.2f estimated %.2f", j, e)
		}
		if i%3 == 2 {
			unrel++
			if e >= 0.15 {
				passed++
			}
		}
	}
	if mae := sumErr / float64(n); mae > 0.08 {
		t.Errorf("mean absolute error %.3f", mae)
	}
	// The prefilter (0.15) lets few unrelated pairs through to the text.
	if passed*10 > unrel {
		t.Errorf("%d of %d unrelated pairs pass the prefilter", passed, unrel)
	}
}

func TestRadixSortHigh32(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 100, 5000} {
		a := make([]uint64, n)
		for i := range a {
			// Few distinct keys, so stability shows; low bits ascending.
			a[i] = uint64(rng.IntN(50))<<40 | uint64(rng.IntN(3))<<32 | uint64(i)
		}
		want := slices.Clone(a)
		slices.SortStableFunc(want, func(x, y uint64) int { return int(x>>32) - int(y>>32) })
		radixSortHigh32(a, make([]uint64, n))
		if !slices.Equal(a, want) {
			t.Fatalf("n=%d: not a stable sort", n)
		}
	}
}

func TestIndexIDs(t *testing.T) {
	ix := NewIndex()
	for i, s := range indexFixture() {
		id := uint64(i)
		if i == 5 {
			id = 99 // the first id that differs from its unit
		}
		ix.AddSig(id, ix.signer.Sign(s))
	}
	for u := range ix.Len() {
		want := uint64(u)
		if u == 5 {
			want = 99
		}
		if ix.ID(u) != want {
			t.Fatalf("ID(%d) = %d", u, ix.ID(u))
		}
	}
}
