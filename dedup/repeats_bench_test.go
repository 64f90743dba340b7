package dedup

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

// draftUnits returns the sentences of the 4 MB Markov draft that
// rules.BenchmarkEachRule uses, as the duplicate rules pass them, and the
// draft's size.
func draftUnits(tb testing.TB) ([]Unit, int) {
	src, err := benchdata.Chinese("..", 4<<20)
	if err != nil {
		tb.Fatal(err)
	}
	doc := lint.Parse("bench.txt", src, lint.FormatText)
	var units []Unit
	for _, s := range doc.Sentences() {
		if k := s.Block.Kind; k == lint.Paragraph || k == lint.ListItem || k == lint.Quote {
			units = append(units, Unit{Text: s.Block.Text()[s.Start:s.End], Group: s.Block.Index})
		}
	}
	return units, len(src)
}

// BenchmarkFindRepeatsDraft runs the finder on the sentences of the 4 MB
// Markov draft that rules.BenchmarkEachRule uses (CPU-time MB/s with -cpu
// 1): the duplicate rules' shared analysis without the rules around it.
func BenchmarkFindRepeatsDraft(b *testing.B) {
	units, size := draftUnits(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		FindRepeats(units, SentenceOptions())
	}
	benchdata.ReportCPU(b, int64(size), b.N, start)
}
