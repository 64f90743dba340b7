package dedup

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffContext is how many runes of an unchanged stretch CharDiff keeps on
// each side of a change.
const DiffContext = 10

// CharDiff renders how b differs from a, character by character, for
// display: text only in a as [-…-], text only in b as {+…+}, unchanged text
// as is, with long unchanged stretches cut in the middle to DiffContext
// runes on each side of a change and "…". It uses diff-match-patch in
// character mode with semantic cleanup and no time limit, so the output is
// the same on every run.
func CharDiff(a, b string) string {
	var sb strings.Builder
	ops := charDiffOps(a, b)
	for i, d := range ops {
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			sb.WriteString("[-")
			sb.WriteString(d.Text)
			sb.WriteString("-]")
		case diffmatchpatch.DiffInsert:
			sb.WriteString("{+")
			sb.WriteString(d.Text)
			sb.WriteString("+}")
		default:
			sb.WriteString(elide(d.Text, i > 0, i < len(ops)-1))
		}
	}
	return sb.String()
}

func charDiffOps(a, b string) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // a deadline would make the result depend on speed
	return dmp.DiffCleanupSemantic(dmp.DiffMain(a, b, false))
}

// elide shortens an unchanged stretch: it keeps DiffContext runes after a
// preceding change and before a following one.
func elide(s string, before, after bool) string {
	r := []rune(s)
	keepHead, keepTail := 0, 0
	if before || !after {
		keepHead = DiffContext
	}
	if after || !before {
		keepTail = DiffContext // no change at all: keep both ends
	}
	if len(r) <= keepHead+keepTail+1 {
		return s
	}
	return string(r[:keepHead]) + "…" + string(r[len(r)-keepTail:])
}
