package rules

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// BenchmarkDefaultRules measures the whole default rule set on a 4 MB
// Chinese document (MB/s per core with -cpu 1). Parsing is included, as in
// a real run.
func BenchmarkDefaultRules(b *testing.B) {
	benchRules(b, lint.FormatText, "bench.txt")
}

// BenchmarkDefaultRulesMarkdown is the same document parsed as Markdown.
func BenchmarkDefaultRulesMarkdown(b *testing.B) {
	benchRules(b, lint.FormatMarkdown, "bench.md")
}

func benchRules(b *testing.B, format lint.Format, name string) {
	src, err := benchdata.Chinese("..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	var def []*lint.Rule
	for _, r := range All() {
		if r.DefaultIn("official") {
			def = append(def, r)
		}
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := lint.Parse(name, src, format)
		if _, errs := lint.Check(doc, def); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}
