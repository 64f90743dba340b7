package dedup

import (
	"math/rand/v2"
	"testing"

	"github.com/draftlint/draftlint/internal/synth"
)

// The quick slack test of prefilter only drops pairs that the exact bounds
// drop too: over random pairs of a synthetic document (every base sentence
// and a copy with 10 % of its characters substituted), under the sentence
// and the paragraph options, prefilter agrees with the bounds and the
// 128-bit sketches tested directly.
func TestPrefilterSound(t *testing.T) {
	texts, _, _ := mutatedDoc(t, synth.Mutation{Op: synth.Subst, Rate: 0.10}, 3)
	units := make([]Unit, len(texts))
	for i, s := range texts {
		units[i] = Unit{Text: s}
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, o := range []FindOptions{SentenceOptions(), ParagraphOptions(), {EditSim: 0.5, Containment: 0.6}} {
		f := newFinder(units, o, new(scratch))
		f.run()
		n := len(f.rs)
		kept := 0
		for k := range 200000 {
			ea, eb := rng.IntN(n), rng.IntN(n)
			if k%2 == 0 && ea+n/2 < n {
				eb = ea + n/2 // mostly a sentence and its copy
			}
			if ea == eb {
				continue
			}
			ea, eb = min(ea, eb), max(ea, eb)
			_, got := f.prefilter(ea, eb)
			want := false
			if lim, ok := f.limits(ea, eb); ok {
				ma, mb := &f.pre[ea].mini, &f.pre[eb].mini
				c := popcount(ma[0]&mb[0]) + popcount(ma[1]&mb[1])
				want = popcount(ma[0])+popcount(ma[1])-c <= lim.a && popcount(mb[0])+popcount(mb[1])-c <= lim.b
			}
			if got != want {
				t.Fatalf("%+v: prefilter(%d, %d) = %v, want %v", o, ea, eb, got, want)
			}
			if got {
				kept++
			}
		}
		if kept == 0 {
			t.Errorf("%+v: no pair passed: the test proves nothing", o)
		}
	}
}
