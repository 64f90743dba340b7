package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/dup"
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

// BenchmarkDefaultRulesWithoutDup is the default set without the rules of
// rules/dup, parsing included: the share of everything else (engine,
// parsing and the other families) in the budget.
func BenchmarkDefaultRulesWithoutDup(b *testing.B) {
	benchRules(b, lint.FormatText, "bench.txt", dup.Rules()...)
}

func benchRules(b *testing.B, format lint.Format, name string, without ...*lint.Rule) {
	src, err := benchdata.Chinese("..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	var def []*lint.Rule
	for _, r := range All() {
		if r.DefaultIn("official") && !slices.Contains(without, r) {
			def = append(def, r)
		}
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		doc := lint.Parse(name, src, format)
		if _, errs := lint.Check(doc, def); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
	benchdata.ReportCPU(b, int64(len(src)), b.N, start)
}

// BenchmarkEachRule measures every default rule alone (parse excluded) so
// the expensive ones stand out: go test -run XXX -bench EachRule -cpu 1 ./rules/
func BenchmarkEachRule(b *testing.B) {
	src, err := benchdata.Chinese("..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range All() {
		if !r.DefaultIn("official") || r.Run == nil {
			continue
		}
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				doc := lint.Parse("bench.txt", src, lint.FormatText)
				for _, bl := range doc.Blocks {
					_ = bl.Prose()
				}
				start := benchdata.CPUTime()
				b.StartTimer()
				if _, errs := lint.Check(doc, []*lint.Rule{r}); len(errs) > 0 {
					b.Fatal(errs[0])
				}
				b.StopTimer()
				cpu += benchdata.CPUTime() - start
				b.StartTimer()
			}
			if cpu > 0 {
				b.ReportMetric(float64(len(src))*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
			}
		})
	}
}
