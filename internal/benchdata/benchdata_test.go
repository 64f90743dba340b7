package benchdata

import (
	"bytes"
	"strings"
	"testing"
)

// The generated document is deterministic, about the asked size, and made
// of sentences that rarely repeat.
func TestChinese(t *testing.T) {
	a, err := Chinese("../..", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Chinese("../..", 1<<20)
	if !bytes.Equal(a, b) {
		t.Fatal("not deterministic")
	}
	if len(a) < 1<<20 || len(a) > 1<<20+8192 {
		t.Errorf("size %d", len(a))
	}
	seen := map[string]int{}
	total := 0
	for _, s := range strings.SplitAfter(string(a), "。") {
		if len([]rune(s)) >= 15 {
			seen[s]++
			total++
		}
	}
	if rep := total - len(seen); rep*100 > total {
		t.Errorf("%d of %d long sentences repeat", rep, total)
	}
}
