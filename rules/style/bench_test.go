package style

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// BenchmarkStyleRules measures the style rules on by default in the
// official profile over a 4 MB Chinese document. Parsing and building the
// prose views, shared with every other rule and measured by
// rules.BenchmarkDefaultRules, are left out of the timing.
func BenchmarkStyleRules(b *testing.B) {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	rules := officialDefaults()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc := lint.Parse("bench.txt", src, lint.FormatText)
		for _, blk := range doc.Blocks {
			blk.Prose()
		}
		b.StartTimer()
		if _, errs := lint.Check(doc, rules); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// BenchmarkEachStyleRule shows which rule costs what on a parsed document
// (the shared feature scan is cached after the first round, so the rules
// that use it show only their own work).
func BenchmarkEachStyleRule(b *testing.B) {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	doc := lint.Parse("bench.txt", src, lint.FormatText)
	for _, blk := range doc.Blocks {
		blk.Prose()
	}
	for _, r := range Rules() {
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, errs := lint.Check(doc, []*lint.Rule{r}); len(errs) > 0 {
					b.Fatal(errs[0])
				}
			}
		})
	}
}
