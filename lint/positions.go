package lint

import (
	"slices"
	"unicode/utf8"
)

// posQuery is one offset of a finding whose position is wanted.
type posQuery struct {
	off int
	dst *Position
	// line receives the source line text for a finding's start.
	line *string
}

// fillAllPositions does what fillPositions does for every finding, but
// with one sweep over the offsets in order: columns are counted from the
// previous offset on the same line rather than from the line start each
// time, and findings that start on the same line share one copy of its
// text. Counting a long paragraph line again for each of its findings was
// the larger part of the runner's own cost.
func fillAllPositions(doc *Document, diags []Diagnostic) {
	if doc.paras != nil {
		// Paragraph documents are small and their last-line rule is
		// special: the plain path.
		for i := range diags {
			fillPositions(doc, &diags[i])
		}
		return
	}
	// Two streams of offsets in order: the starts, already sorted when the
	// findings are (the runner sorts them first), and the rest sorted here.
	starts := make([]posQuery, 0, len(diags))
	n := len(diags)
	for i := range diags {
		n += 2 * len(diags[i].Related)
	}
	rest := make([]posQuery, 0, n)
	for i := range diags {
		dg := &diags[i]
		dg.Path = doc.Path
		starts = append(starts, posQuery{off: dg.Span.Start, dst: &dg.Start, line: &dg.SourceLine})
		rest = append(rest, posQuery{off: dg.Span.End, dst: &dg.End})
		if dg.Fixes == nil {
			dg.Fixes = []Fix{}
		}
		if dg.Related == nil {
			dg.Related = []Related{}
		}
		for k := range dg.Related {
			rel := &dg.Related[k]
			if rel.Doc != nil && rel.Doc != doc {
				rel.Path = rel.Doc.Path
				rel.Start = rel.Doc.Pos(rel.Span.Start)
				rel.End = rel.Doc.Pos(rel.Span.End)
				continue
			}
			rel.Path = doc.Path
			rest = append(rest, posQuery{off: rel.Span.Start, dst: &rel.Start}, posQuery{off: rel.Span.End, dst: &rel.End})
		}
	}
	clamp := func(qs []posQuery) {
		for i := range qs {
			qs[i].off = min(max(qs[i].off, 0), len(doc.Src))
		}
	}
	clamp(starts)
	clamp(rest)
	byOff := func(a, b posQuery) int { return a.off - b.off }
	if !slices.IsSortedFunc(starts, byOff) {
		rest = append(rest, starts...)
		starts = starts[:0]
	}
	if !slices.IsSortedFunc(rest, byOff) {
		slices.SortFunc(rest, byOff)
	}
	src := doc.Src
	line, lineEnd := 0, -1 // current 1-based line; offset where the next one starts
	lastOff, lastCol := 0, 0
	srcLine, srcLineN := "", 0
	for len(starts) > 0 || len(rest) > 0 {
		var q posQuery
		if len(rest) == 0 || len(starts) > 0 && starts[0].off <= rest[0].off {
			q, starts = starts[0], starts[1:]
		} else {
			q, rest = rest[0], rest[1:]
		}
		off := q.off
		if off >= lineEnd {
			line = doc.Line(off)
			lineEnd = len(src) + 1
			if line < len(doc.lines) {
				lineEnd = doc.lines[line]
			}
			lastOff, lastCol = doc.lines[line-1], 1
		}
		// Counting on from the previous offset gives the same count as
		// from the line start when the previous offset does not split a
		// character: a byte that is not a continuation byte ends every
		// decoding that began before it.
		if lastOff < len(src) && src[lastOff]&0xC0 == 0x80 && lastOff != doc.lines[line-1] {
			lastOff, lastCol = doc.lines[line-1], 1
		}
		col := lastCol + runeCount(src[lastOff:off])
		lastOff, lastCol = off, col
		*q.dst = Position{Line: line, Column: col, Offset: off}
		if q.line != nil {
			if srcLineN != line {
				srcLine, srcLineN = doc.LineText(line), line
			}
			*q.line = srcLine
		}
	}
}

// runeCount is utf8.RuneCount with the three-byte characters of Chinese
// text counted inline: the library's count decodes each through a call.
// E1–EC and EE–EF followed by two continuation bytes are always one valid
// character; anything else goes to the library's decoder.
func runeCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); n++ {
		c := p[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(p) && p[i+1]&0xC0 == 0x80 && p[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		_, size := utf8.DecodeRune(p[i:])
		i += size
	}
	return n
}
