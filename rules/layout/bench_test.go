package layout

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// BenchmarkLayoutRules measures the layout rules alone on the 4 MB Chinese
// benchmark document (parsing included, as in a real run).
func BenchmarkLayoutRules(b *testing.B) {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	rules := Rules()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := lint.Parse("bench.txt", src, lint.FormatText)
		if _, errs := lint.Check(doc, rules); len(errs) > 0 {
			b.Fatal(errs[0])
		}
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
