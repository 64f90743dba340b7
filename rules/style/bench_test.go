package style

import (
	"testing"
	"time"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// BenchmarkStyleRules measures the style rules on by default in the
// official profile over a 4 MB Chinese document. Parsing and building the
// prose views, shared with every other rule and measured by
// rules.BenchmarkDefaultRules, are left out. cpu-MB/s counts CPU time only,
// which a busy machine disturbs less than wall time.
func BenchmarkStyleRules(b *testing.B) {
	benchStyle(b, officialDefaults())
}

// BenchmarkEachStyleRule shows which rule costs what; each one pays for
// the shared feature scan here, which a full run pays once.
func BenchmarkEachStyleRule(b *testing.B) {
	for _, r := range Rules() {
		b.Run(r.ID, func(b *testing.B) { benchStyle(b, []*lint.Rule{r}) })
	}
}

func benchStyle(b *testing.B, rules []*lint.Rule) {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc := lint.Parse("bench.txt", src, lint.FormatText)
		for _, blk := range doc.Blocks {
			blk.Prose()
		}
		start := benchdata.CPUTime()
		b.StartTimer()
		if _, errs := lint.Check(doc, rules); len(errs) > 0 {
			b.Fatal(errs[0])
		}
		b.StopTimer()
		cpu += benchdata.CPUTime() - start
		b.StartTimer()
	}
	if cpu > 0 {
		b.ReportMetric(float64(len(src))*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}
