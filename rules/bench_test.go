package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// BenchmarkDefaultRulesDrafts measures the whole default set on real
// documents of the sizes editors check (the sample report, 22 KB, and the
// clean corpora, 50–60 KB each), parsing included: what a draft costs
// beyond its bytes (per-document setup, the all-pairs duplicate check of a
// few hundred sentences) shows here and not in the 4 MB benchmarks, whose
// Markov text is also far more repetitive than real prose (every 4-gram
// of its 63,000-character training text recurs some twenty times).
func BenchmarkDefaultRulesDrafts(b *testing.B) {
	files := []string{"sample-report.txt", "corpora/ecspell-odw-target.txt",
		"corpora/ud-gsdsimp-test.txt", "corpora/lawrefbook-constitution.md"}
	var def, nodup []*lint.Rule
	for _, r := range All() {
		if r.DefaultIn("official") {
			def = append(def, r)
			if !slices.Contains(dup.Rules(), r) {
				nodup = append(nodup, r)
			}
		}
	}
	for _, set := range []struct {
		name  string
		rules []*lint.Rule
	}{{"all", def}, {"without-dup", nodup}} {
		for _, f := range files {
			src, err := os.ReadFile(filepath.Join("..", "testdata", f))
			if err != nil {
				b.Fatal(err)
			}
			format := lint.FormatText
			if strings.HasSuffix(f, ".md") {
				format = lint.FormatMarkdown
			}
			b.Run(set.name+"/"+filepath.Base(f), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				start := benchdata.CPUTime()
				for b.Loop() {
					doc := lint.Parse(f, src, format)
					if _, errs := lint.Check(doc, set.rules); len(errs) > 0 {
						b.Fatal(errs[0])
					}
				}
				benchdata.ReportCPU(b, int64(len(src)), b.N, start)
			})
		}
	}
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
