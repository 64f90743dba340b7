package dedup

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/draftlint/draftlint/internal/synth"
)

// Recall and precision on synthetic near-duplicates of the clean corpus
// sentences. Each mutation gets its own document: every base sentence once,
// then a mutated copy of each, so the true pairs are (i, n+i) and every
// other reported pair is a false positive.

var mutations = []synth.Mutation{
	{Op: synth.Exact}, {Op: synth.Width}, {Op: synth.Prefix}, {Op: synth.Suffix},
	{Op: synth.Subst, Rate: 0.01}, {Op: synth.Subst, Rate: 0.03}, {Op: synth.Subst, Rate: 0.05}, {Op: synth.Subst, Rate: 0.10},
	{Op: synth.Delete, Rate: 0.01}, {Op: synth.Delete, Rate: 0.03}, {Op: synth.Delete, Rate: 0.05}, {Op: synth.Delete, Rate: 0.10},
	{Op: synth.Digits},
}

var (
	basesOnce sync.Once
	bases     []string
)

// cleanBases are the corpus sentences long enough for the finder, one per
// key, minus those that already repeat one another in the corpus (the
// exact duplicates of the ECSpell set and the parallel articles of the
// constitution, see TestCorpusFalsePositives).
func cleanBases(tb testing.TB) []string {
	basesOnce.Do(func() {
		seen := make(map[string]bool)
		var cand []string
		for _, s := range loadCorpus(tb).sentences {
			k := string(Normalize(s, 0))
			if len([]rune(k)) < 15 || seen[k] {
				continue
			}
			seen[k] = true
			cand = append(cand, s)
		}
		units := make([]Unit, len(cand))
		for i, s := range cand {
			units[i] = Unit{Text: s}
		}
		drop := make(map[int]bool)
		for _, p := range FindRepeats(units, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30}).Pairs {
			drop[p.A], drop[p.B] = true, true
		}
		for i, s := range cand {
			if !drop[i] {
				bases = append(bases, s)
			}
		}
	})
	return bases
}

type evalResult struct {
	positives, found   int
	reported, falsePos int
}

func (r evalResult) recall() float64 {
	if r.positives == 0 {
		return 1
	}
	return float64(r.found) / float64(r.positives)
}

func (r evalResult) precision() float64 {
	if r.reported == 0 {
		return 1
	}
	return float64(r.reported-r.falsePos) / float64(r.reported)
}

// mutatedDoc returns the units of one mutation's document and, for each
// unit, the index of its base sentence.
func mutatedDoc(tb testing.TB, m synth.Mutation, seed uint64) (texts []string, base []int, positives int) {
	bs := cleanBases(tb)
	g := synth.New(seed, bs)
	texts = append(texts, bs...)
	for i := range bs {
		base = append(base, i)
	}
	for i, s := range bs {
		if !synth.Applicable(s, m) {
			continue
		}
		texts = append(texts, g.Apply(s, m))
		base = append(base, i)
		positives++
	}
	return texts, base, positives
}

// evalFinder counts a positive only when the mutated copy still has the
// finder's minimum length (10 % deletions push some 15-rune sentences under
// it, and units under it are out of scope by definition).
func evalFinder(tb testing.TB, m synth.Mutation, opt FindOptions) evalResult {
	texts, base, _ := mutatedDoc(tb, m, 7)
	n := len(cleanBases(tb))
	pos := 0
	inScope := make([]bool, len(texts))
	for u := n; u < len(texts); u++ {
		if len(Normalize(texts[u], 0)) >= 15 {
			inScope[u] = true
			pos++
		}
	}
	units := make([]Unit, len(texts))
	for i, s := range texts {
		units[i] = Unit{Text: s}
	}
	res := FindRepeats(units, opt)
	r := evalResult{positives: pos}
	group := make(map[int]int)
	for gi, g := range res.Groups {
		for _, u := range g.Units {
			group[u] = gi + 1
		}
	}
	nv := make(map[[2]int]bool)
	for _, p := range res.Pairs {
		r.reported++
		if base[p.A] != base[p.B] {
			r.falsePos++
			if testing.Verbose() {
				tb.Logf("%v: false %v pair\n  %s\n  %s", m, p.Relation, texts[p.A], texts[p.B])
			}
		}
		if p.Relation == NumberVariant {
			nv[[2]int{p.A, p.B}] = true
		}
	}
	for u := n; u < len(texts); u++ {
		b := base[u]
		if !inScope[u] {
			continue
		}
		if m.Op == synth.Digits {
			if nv[[2]int{b, u}] {
				r.found++
			}
		} else if group[b] != 0 && group[b] == group[u] {
			r.found++
		}
	}
	return r
}

func evalIndex(tb testing.TB, m synth.Mutation, iopt IndexOptions, copt ClusterOptions) evalResult {
	texts, base, pos := mutatedDoc(tb, m, 7)
	ix := NewIndexWith(iopt)
	for i, s := range texts {
		ix.Add(uint64(i), s)
	}
	cl, _, err := ix.Clusters(func(u int, id uint64) (string, error) { return texts[id], nil }, copt)
	if err != nil {
		tb.Fatal(err)
	}
	r := evalResult{positives: pos}
	cluster := make(map[int]int)
	for ci, c := range cl {
		for i, u := range c.Units {
			cluster[u] = ci + 1
			for _, v := range c.Units[:i] {
				r.reported++
				if base[u] != base[v] {
					r.falsePos++
				}
			}
		}
	}
	n := len(cleanBases(tb))
	for u := n; u < len(texts); u++ {
		if b := base[u]; cluster[b] != 0 && cluster[b] == cluster[u] {
			r.found++
		}
	}
	return r
}

func checkEval(t *testing.T, name string, m synth.Mutation, r evalResult) {
	t.Helper()
	t.Logf("%-28s %-12s positives %4d recall %.4f precision %.4f (reported %d, false %d)",
		name, m, r.positives, r.recall(), r.precision(), r.reported, r.falsePos)
	minRecall := 0.95
	if m.Op == synth.Exact || m.Op == synth.Width {
		minRecall = 1
	}
	if r.recall() < minRecall {
		t.Errorf("%s %v: recall %.4f < %.2f", name, m, r.recall(), minRecall)
	}
	if r.precision() < 0.98 {
		t.Errorf("%s %v: precision %.4f < 0.98", name, m, r.precision())
	}
}

func TestSyntheticFinder(t *testing.T) {
	if n := len(cleanBases(t)); n < 1000 {
		t.Fatalf("only %d clean base sentences", n)
	}
	for _, m := range mutations {
		checkEval(t, "finder/pairwise", m, evalFinder(t, m, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30}))
		checkEval(t, "finder/lsh", m, evalFinder(t, m, FindOptions{PairwiseMax: 1}))
	}
}

func TestSyntheticIndex(t *testing.T) {
	for _, m := range mutations {
		if m.Op == synth.Digits {
			continue // number variants are an in-document class
		}
		checkEval(t, "index/default", m, evalIndex(t, m, IndexOptions{}, ClusterOptions{}))
		checkEval(t, "index/high-recall", m, evalIndex(t, m, HighRecallIndexOptions, ClusterOptions{}))
	}
	// The prefilter never costs recall: off, every mutation finds the same.
	for _, m := range mutations {
		if m.Rate < 0.10 {
			continue
		}
		on := evalIndex(t, m, IndexOptions{}, ClusterOptions{})
		off := evalIndex(t, m, IndexOptions{}, ClusterOptions{Prefilter: -1})
		if on.found != off.found || on.reported != off.reported {
			t.Errorf("%v: prefilter changes the result: %+v vs %+v", m, on, off)
		}
	}
}

func TestSynthDeterministic(t *testing.T) {
	bs := cleanBases(t)
	a, b := synth.New(5, bs), synth.New(5, bs)
	for _, m := range mutations {
		for _, s := range bs[:50] {
			if x, y := a.Apply(s, m), b.Apply(s, m); x != y {
				t.Fatalf("%v: %q vs %q", m, x, y)
			}
		}
	}
	if x, y := a.Sentence(), b.Sentence(); x != y {
		t.Fatalf("Sentence: %q vs %q", x, y)
	}
	var sb strings.Builder
	g := synth.New(1, bs)
	for _, m := range mutations {
		fmt.Fprintf(&sb, "%v: %s\n", m, g.Apply(bs[0], m))
	}
	t.Log("\n" + sb.String())
}

func TestSyntheticMisses(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("diagnostic: run with -v")
	}
	m := synth.Mutation{Op: synth.Delete, Rate: 0.01}
	texts, base, _ := mutatedDoc(t, m, 7)
	n := len(cleanBases(t))
	units := make([]Unit, len(texts))
	for i, s := range texts {
		units[i] = Unit{Text: s}
	}
	res := FindRepeats(units, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30})
	group := make(map[int]int)
	for gi, g := range res.Groups {
		for _, u := range g.Units {
			group[u] = gi + 1
		}
	}
	for u := n; u < len(texts); u++ {
		if b := base[u]; len(Normalize(texts[u], 0)) >= 15 && (group[b] == 0 || group[b] != group[u]) {
			ka, kb := Normalize(texts[b], 0), Normalize(texts[u], 0)
			t.Logf("missed %v: %q / %q edit %.3f infix %.3f", m, texts[b], texts[u], EditSimilarity(ka, kb), InfixContainment(ka, kb))
		}
	}
}
