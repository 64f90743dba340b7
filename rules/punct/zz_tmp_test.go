package punct

import (
	"fmt"
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

func TestZZCount(t *testing.T) {
	src, _ := benchdata.Chinese("../..", 4<<20)
	doc := lint.Parse("bench.txt", src, lint.FormatText)
	diags, _ := lint.Check(doc, Rules())
	n := map[string]int{}
	ex := map[string]string{}
	for _, d := range diags {
		n[d.Rule]++
		ex[d.Rule] = d.Message + " | " + d.SourceLine
	}
	fmt.Println(len(doc.Blocks), n)
	for k, v := range ex {
		if len(v) > 300 {
			v = v[:300]
		}
		fmt.Println(k, v)
	}
}
