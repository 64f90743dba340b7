package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffContext is the number of unchanged lines shown around each change.
const diffContext = 3

// maxDistinctLines is how many distinct lines the line-to-rune encoding can
// represent: every code point but the surrogates. A variable so tests can
// exercise the fallback without gigabytes of input.
var maxDistinctLines = int(utf8.MaxRune) + 1 - 0x800

// exactDiffLines bounds the size (changed region, old plus new lines) up to
// which the line diff runs without a deadline, so that ordinary diffs are
// minimal and identical on every machine; the worst case there (nothing in
// common) takes about a second. Beyond it, go-diff gets diffDeadline and may
// return a longer but still correct diff rather than run for minutes (Myers
// is O(N·D)).
const (
	exactDiffLines = 20000
	diffDeadline   = 2 * time.Second
)

// UnifiedDiff returns a unified diff from old to new of the file at path
// (--- a/path, +++ b/path, @@ hunks with three lines of context; hunks whose
// context overlaps are merged), in the form git apply and patch -p1 accept.
// Lines are compared byte for byte, so CRLF endings and invalid UTF-8 come
// through unchanged; a last line without a newline is marked with
// "\ No newline at end of file". It returns "" when old and new are equal.
func UnifiedDiff(path string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	changes := diffLines(a, b)

	var out strings.Builder
	p := strings.TrimPrefix(filepath.ToSlash(path), "./")
	out.WriteString("--- " + quotePath("a/"+p) + "\n")
	out.WriteString("+++ " + quotePath("b/"+p) + "\n")

	line := func(prefix byte, s string) {
		out.WriteByte(prefix)
		out.WriteString(s)
		if !strings.HasSuffix(s, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
	for i := 0; i < len(changes); {
		// Gather the changes whose context overlaps into one hunk.
		j := i + 1
		for j < len(changes) && changes[j].a1-changes[j-1].a2 <= 2*diffContext {
			j++
		}
		first, last := changes[i], changes[j-1]
		a1 := max(first.a1-diffContext, 0)
		a2 := min(last.a2+diffContext, len(a))
		b1 := a1 + (first.b1 - first.a1) // equal lines keep the offset
		b2 := a2 + (last.b2 - last.a2)
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(a1, a2-a1), hunkRange(b1, b2-b1))
		pos := a1
		for _, c := range changes[i:j] {
			for ; pos < c.a1; pos++ {
				line(' ', a[pos])
			}
			for k := c.a1; k < c.a2; k++ {
				line('-', a[k])
			}
			for k := c.b1; k < c.b2; k++ {
				line('+', b[k])
			}
			pos = c.a2
		}
		for ; pos < a2; pos++ {
			line(' ', a[pos])
		}
		i = j
	}
	return out.String()
}

// hunkRange formats one side of a hunk header from a 0-based start and a
// line count, as GNU diff does: "l" for one line, "l,n" otherwise, and for
// an empty range the line before it ("0,0" at the top of the file).
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return strconv.Itoa(start) + ",0"
	case 1:
		return strconv.Itoa(start + 1)
	}
	return strconv.Itoa(start+1) + "," + strconv.Itoa(n)
}

// quotePath quotes a diff header path the way git does when it holds
// characters that would end or confuse the header (git apply unquotes it);
// other names, spaces and non-ASCII included, are written as they are.
func quotePath(p string) string {
	if !strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7F || r == '"' || r == '\\' }) {
		return p
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < 0x20 || c == 0x7F {
				fmt.Fprintf(&b, `\%03o`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// splitLines cuts s after every "\n"; the last line may lack one. Empty
// input has no lines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// change replaces old lines [a1,a2) by new lines [b1,b2); one side may be
// empty. Changes are in order and separated by at least one equal line.
type change struct{ a1, a2, b1, b2 int }

// diffLines computes the line changes from a to b with go-diff's line mode:
// each distinct line becomes one rune, DiffMainRunes diffs the rune strings.
// The encoding is done here rather than with DiffLinesToRunes so that the
// number of distinct lines is checked before it overflows the code point
// range (go-diff panics there); beyond that the changed region is reported
// as one replacement, which is correct if not minimal.
func diffLines(a, b []string) []change {
	// Common prefix and suffix need no diffing (and no encoding).
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	whole := []change{{pre, pre + len(am), pre, pre + len(bm)}}
	if len(am) == 0 && len(bm) == 0 {
		return nil
	}
	if len(am) == 0 || len(bm) == 0 {
		return whole
	}

	codes := make(map[string]rune, len(am)+len(bm))
	next := 0
	encode := func(lines []string) []rune {
		rs := make([]rune, len(lines))
		for i, l := range lines {
			r, ok := codes[l]
			if !ok {
				if next >= maxDistinctLines {
					return nil
				}
				r = rune(next)
				if r >= 0xD800 {
					r += 0x800 // skip the surrogates: they do not survive string conversion
				}
				codes[l] = r
				next++
			}
			rs[i] = r
		}
		return rs
	}
	ra := encode(am)
	rb := encode(bm)
	if ra == nil || rb == nil {
		return whole
	}

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	if len(am)+len(bm) > exactDiffLines {
		dmp.DiffTimeout = diffDeadline
	}
	diffs := dmp.DiffMainRunes(ra, rb, false)

	// Walk the diff by rune counts (one rune per line), checking that it
	// accounts for every line and that "equal" lines are equal; anything
	// else would be a go-diff bug, answered with the safe whole replacement.
	var changes []change
	i, j := 0, 0
	var cur *change
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if i+n > len(am) || j+n > len(bm) {
				return whole
			}
			for k := 0; k < n; k++ {
				if am[i+k] != bm[j+k] {
					return whole
				}
			}
			i += n
			j += n
			cur = nil
			continue
		case diffmatchpatch.DiffDelete:
			if i+n > len(am) {
				return whole
			}
		case diffmatchpatch.DiffInsert:
			if j+n > len(bm) {
				return whole
			}
		}
		if cur == nil {
			changes = append(changes, change{pre + i, pre + i, pre + j, pre + j})
			cur = &changes[len(changes)-1]
		}
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
			cur.a2 = pre + i
		} else {
			j += n
			cur.b2 = pre + j
		}
	}
	if i != len(am) || j != len(bm) {
		return whole
	}
	return changes
}
