package punct

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

func benchDoc(b *testing.B) []byte {
	src, err := benchdata.Chinese("../..", 4<<20)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkScanMarks measures the shared scan alone (prose views built
// beforehand).
func BenchmarkScanMarks(b *testing.B) {
	src := benchDoc(b)
	doc := lint.Parse("bench.txt", src, lint.FormatText)
	for _, bl := range doc.Blocks {
		bl.Prose()
	}
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scanMarks(doc)
	}
}

// BenchmarkRules measures each punctuation rule on a document whose prose
// views and shared scan are ready, as they are when the whole default set
// runs.
func BenchmarkRules(b *testing.B) {
	src := benchDoc(b)
	for _, r := range Rules() {
		b.Run(r.ID, func(b *testing.B) {
			doc := lint.Parse("bench.txt", src, lint.FormatText)
			docMarks(doc)
			set := []*lint.Rule{r}
			b.SetBytes(int64(len(src)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, errs := lint.Check(doc, set); len(errs) > 0 {
					b.Fatal(errs[0])
				}
			}
		})
	}
}
