package layout

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// BenchmarkLayoutRules measures the layout rules on the 4 MB Chinese
// benchmark document (parsing included, as in a real run): all of them,
// and blank-lines alone, so the difference is the artefact rules' cost.
func BenchmarkLayoutRules(b *testing.B) {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	for _, set := range []struct {
		name  string
		rules []*lint.Rule
	}{{"all", Rules()}, {"blank-lines", []*lint.Rule{BlankLines}}} {
		b.Run(set.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				doc := lint.Parse("bench.txt", src, lint.FormatText)
				if _, errs := lint.Check(doc, set.rules); len(errs) > 0 {
					b.Fatal(errs[0])
				}
			}
		})
	}
}

// BenchmarkParse is the parsing share of BenchmarkLayoutRules.
func BenchmarkParse(b *testing.B) {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		lint.Parse("bench.txt", src, lint.FormatText)
	}
}
