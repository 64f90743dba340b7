package lint_test

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

func benchParse(b *testing.B, format lint.Format) {
	src, err := benchdata.Chinese("..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	start := benchdata.CPUTime()
	for i := 0; i < b.N; i++ {
		d := lint.Parse("bench", src, format)
		for _, bl := range d.Blocks {
			_ = bl.Prose()
			_ = bl.Sentences()
		}
	}
	benchdata.ReportCPU(b, int64(len(src)), b.N, start)
}

// BenchmarkParseText: plain text parsing with prose views and sentences.
func BenchmarkParseText(b *testing.B) { benchParse(b, lint.FormatText) }

// BenchmarkParseMarkdown: the same through goldmark and the inline scanner.
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, lint.FormatMarkdown) }
