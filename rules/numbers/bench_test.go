package numbers

import (
	"testing"
	"time"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// BenchmarkNumberRules measures the number rules alone on the 4 MB Chinese
// benchmark document, parsing excluded (MB/s per core with -cpu 1). The
// machine may be shared, so it also reports throughput per second of
// process CPU time (cpu-MB/s), which other load disturbs less.
func BenchmarkNumberRules(b *testing.B) {
	src, err := benchdata.Chinese(root, 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc := lint.Parse("bench.txt", src, lint.FormatText)
		for _, bl := range doc.Blocks {
			bl.Prose()
			bl.Sentences()
		}
		t0 := benchdata.CPUTime()
		b.StartTimer()
		if _, errs := lint.Check(doc, Rules()); len(errs) > 0 {
			b.Fatal(errs[0])
		}
		b.StopTimer()
		cpu += benchdata.CPUTime() - t0
		b.StartTimer()
	}
	if cpu > 0 {
		b.ReportMetric(float64(len(src))*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}
