package lint

import (
	"strings"
	"testing"
)

// Blocks take their text from shared stretches of the source; the texts
// are the same as copies of their own, on both sides of a stretch boundary
// and for blocks that cross one.
func TestProseFromChunks(t *testing.T) {
	var sb strings.Builder
	for i := 0; sb.Len() < 3*proseChunk; i++ {
		sb.WriteString(strings.Repeat("全省共建成基站", 1+i%37))
		sb.WriteString("。\n")
		if i%3 == 0 {
			sb.WriteString("\n")
		}
	}
	src := []byte(sb.String())
	doc := Parse("t.txt", src, FormatText)
	crossing := 0
	for _, b := range doc.Blocks {
		if len(b.pieces) != 1 {
			t.Fatalf("block %d has %d pieces", b.Index, len(b.pieces))
		}
		p := b.pieces[0]
		if p.src/proseChunk != (p.end-1)/proseChunk {
			crossing++
		}
		if got, want := b.Text(), string(src[p.src:p.end]); got != want {
			t.Fatalf("block %d: text %q, want %q", b.Index, got, want)
		}
	}
	if crossing == 0 || len(doc.chunks) != (len(src)+proseChunk-1)/proseChunk {
		t.Errorf("%d blocks cross a boundary, %d stretches: the test misses its case", crossing, len(doc.chunks))
	}
}
