package lint

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// lineSeg is one source line of a block's content, without its line ending;
// nl is the offset of the '\n' that ends it, or -1 on the last line of the
// file.
type lineSeg struct {
	start, end int
	nl         int
}

// isBlankLine reports whether a line holds only white space (ASCII space,
// tab, CR, U+3000 ideographic space, U+00A0).
func isBlankLine(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, n := utf8.DecodeRune(b[i:])
		if r != '\u3000' && r != '\u00a0' {
			return false
		}
		i += n
	}
	return true
}

// findComments returns the spans of HTML comments <!-- … --> in src[from:to].
// An unclosed comment runs to the end.
func findComments(src []byte, from, to int) []Span {
	var out []Span
	i := from
	for i < to {
		k := bytes.Index(src[i:to], []byte("<!--"))
		if k < 0 {
			break
		}
		s := i + k
		e := bytes.Index(src[s+4:to], []byte("-->"))
		if e < 0 {
			out = append(out, Span{s, to})
			break
		}
		end := s + 4 + e + 3
		out = append(out, Span{s, end})
		i = end
	}
	return out
}

// parseText: paragraphs are runs of non-blank lines. A one-line paragraph
// starting with "# " … "###### " is a heading, because many drafts exported
// as .txt keep Markdown-style headings. Lines holding only HTML comments
// separate paragraphs and are never linted.
func parseText(d *Document) {
	src := d.Src
	d.Comments = findComments(src, 0, len(src))
	d.Regions = append(d.Regions, d.Comments...)
	nLines := len(d.lines)
	var cur []lineSeg
	blank := 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		b := d.newBlock()
		b.Kind, b.BlankBefore = Paragraph, blank
		if len(cur) == 1 {
			if lvl, skip := atxMarker(src[cur[0].start:cur[0].end]); lvl > 0 {
				b.Kind = Heading
				b.Level = lvl
				b.Marker = string(src[cur[0].start : cur[0].start+lvl])
				cur[0].start += skip
			}
		}
		b.pieces = scanInline(src, cur, false, d)
		if len(b.pieces) > 0 {
			b.Span = Span{b.pieces[0].src, b.pieces[len(b.pieces)-1].end}
			d.Blocks = append(d.Blocks, b)
		}
		cur = cur[:0]
		blank = 0
	}
	ci := 0 // next comment index
	for ln := 1; ln <= nLines; ln++ {
		sp := d.LineSpan(ln)
		if sp.Start == len(src) && ln == nLines && ln > 1 {
			break // the empty "line" after a final newline
		}
		line := src[sp.Start:sp.End]
		nl := -1
		if ln < nLines {
			nl = d.lines[ln] - 1
		}
		if isBlankLine(line) {
			flush()
			blank++
			continue
		}
		// Is the line entirely comments and white space?
		for ci < len(d.Comments) && d.Comments[ci].End <= sp.Start {
			ci++
		}
		if ci < len(d.Comments) && commentOnly(src, sp, d.Comments[ci:]) {
			flush()
			continue
		}
		cur = append(cur, lineSeg{sp.Start, sp.End, nl})
	}
	flush()
}

// commentOnly reports whether the line span holds only comments (from the
// sorted list cs, which starts at or after the line) and white space.
func commentOnly(src []byte, sp Span, cs []Span) bool {
	pos := sp.Start
	found := false
	for _, c := range cs {
		if c.Start >= sp.End {
			break
		}
		if c.Start > pos && !isBlankLine(src[pos:c.Start]) {
			return false
		}
		found = true
		pos = c.End
		if pos >= sp.End {
			return true
		}
	}
	return found && isBlankLine(src[pos:sp.End])
}

// atxMarker recognises "#… " at the start of a line: level and bytes to
// skip (marker plus following spaces).
func atxMarker(line []byte) (level, skip int) {
	n := 0
	for n < len(line) && n < 7 && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(line) || (line[n] != ' ' && line[n] != '\t') {
		return 0, 0
	}
	k := n
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	if k == len(line) {
		return 0, 0
	}
	return n, k
}

var mdParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// frontMatterEnd returns the end offset of a YAML/TOML front matter block at
// the very start of the source, or 0.
func frontMatterEnd(src []byte) int {
	var fence []byte
	switch {
	case bytes.HasPrefix(src, []byte("---\n")), bytes.HasPrefix(src, []byte("---\r\n")):
		fence = []byte("---")
	case bytes.HasPrefix(src, []byte("+++\n")), bytes.HasPrefix(src, []byte("+++\r\n")):
		fence = []byte("+++")
	default:
		return 0
	}
	i := bytes.IndexByte(src, '\n') + 1
	for i < len(src) {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		line := bytes.TrimRight(src[i:end], "\r \t")
		if bytes.Equal(line, fence) || (fence[0] == '-' && bytes.Equal(line, []byte("..."))) {
			if j >= 0 {
				return end + 1
			}
			return end
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	return 0
}

func parseMarkdown(d *Document) {
	src := d.Src
	fm := frontMatterEnd(src)
	input := src
	if fm > 0 {
		// Blank the front matter for the Markdown parser, keeping offsets.
		input = make([]byte, len(src))
		copy(input, src)
		for i := 0; i < fm; i++ {
			if input[i] != '\n' && input[i] != '\r' {
				input[i] = ' '
			}
		}
		d.Regions = append(d.Regions, Span{0, fm})
	}
	root := mdParser.Parse(text.NewReader(input))
	var comments []Span
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			d.Regions = append(d.Regions, fencedSpan(d, n))
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			d.Regions = append(d.Regions, linesSpan(d, n.Lines(), nil))
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			var closure *text.Segment
			if n.HasClosure() {
				c := n.ClosureLine
				closure = &c
			}
			sp := linesSpan(d, n.Lines(), closure)
			d.Regions = append(d.Regions, sp)
			comments = append(comments, findComments(src, sp.Start, sp.End)...)
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			lines := segLines(d, n.Lines())
			if len(lines) == 0 {
				return ast.WalkSkipChildren, nil
			}
			b := d.newBlock()
			b.Kind, b.Level = Heading, n.Level
			if lvl, _ := atxMarker(bytes.TrimLeft(src[d.lines[d.Line(lines[0].start)-1]:lines[0].end], " ")); lvl > 0 {
				b.Marker = string(bytes.Repeat([]byte("#"), lvl))
			}
			b.pieces = scanInline(src, lines, true, d)
			addBlock(d, b)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			kind, marker := containerKind(src, n)
			lines := segLines(d, n.Lines())
			if len(lines) == 0 {
				return ast.WalkSkipChildren, nil
			}
			if rows := tableRows(src, lines); rows != nil {
				for _, cell := range rows {
					b := d.newBlock()
					b.Kind = TableCell
					b.pieces = scanInline(src, []lineSeg{cell}, true, d)
					addBlock(d, b)
				}
				return ast.WalkSkipChildren, nil
			}
			b := d.newBlock()
			b.Kind, b.Marker = kind, marker
			b.pieces = scanInline(src, lines, true, d)
			addBlock(d, b)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Inline comments were added to d.Comments by scanInline.
	d.Comments = append(d.Comments, comments...)
	sort.Slice(d.Comments, func(i, j int) bool { return d.Comments[i].Start < d.Comments[j].Start })
	d.Regions = mergeSpans(d.Regions)
	// Blocks arrive in document order from the walk; compute blank-line
	// counts between consecutive blocks.
	prevEnd := 0
	for _, b := range d.Blocks {
		b.BlankBefore = countBlankLines(d, prevEnd, b.Span.Start)
		prevEnd = b.Span.End
	}
}

func addBlock(d *Document, b *Block) {
	if len(b.pieces) == 0 {
		return
	}
	b.Span = Span{b.pieces[0].src, b.pieces[len(b.pieces)-1].end}
	d.Blocks = append(d.Blocks, b)
}

// countBlankLines counts blank lines strictly between the line holding
// offset from (exclusive, unless from is 0) and the line holding to.
func countBlankLines(d *Document, from, to int) int {
	first := 1
	if from > 0 {
		first = d.Line(from) + 1
	}
	last := d.Line(to) - 1
	n := 0
	for ln := first; ln <= last; ln++ {
		sp := d.LineSpan(ln)
		if isBlankLine(d.Src[sp.Start:sp.End]) {
			n++
		}
	}
	return n
}

func containerKind(src []byte, n ast.Node) (BlockKind, string) {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p := p.(type) {
		case *ast.ListItem:
			marker := ""
			if p.FirstChild() == n && p.Pos() >= 0 {
				marker = listMarker(src[p.Pos():])
			}
			return ListItem, marker
		case *ast.Blockquote:
			return Quote, ">"
		}
	}
	return Paragraph, ""
}

func listMarker(b []byte) string {
	i := 0
	for i < len(b) && b[i] == ' ' {
		i++
	}
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j < len(b) && (b[j] == '.' || b[j] == ')' || (j == i && (b[j] == '-' || b[j] == '*' || b[j] == '+'))) {
		return string(b[i : j+1])
	}
	return ""
}

// segLines turns goldmark line segments into lines without line endings.
func segLines(d *Document, segs *text.Segments) []lineSeg {
	out := make([]lineSeg, 0, segs.Len())
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		start, end := s.Start, s.Stop
		nl := -1
		if end > start && d.Src[end-1] == '\n' {
			nl = end - 1
			end--
		}
		if end > start && d.Src[end-1] == '\r' {
			end--
		}
		if nl < 0 {
			// The newline may follow trailing text goldmark trimmed.
			k := bytes.IndexByte(d.Src[end:], '\n')
			if k >= 0 && i < segs.Len()-1 {
				nl = end + k
			}
		}
		out = append(out, lineSeg{start, end, nl})
	}
	return out
}

// linesSpan covers whole source lines from the first segment (and the
// optional closure line) to the last.
func linesSpan(d *Document, segs *text.Segments, closure *text.Segment) Span {
	if segs.Len() == 0 && closure == nil {
		return Span{}
	}
	start, end := len(d.Src), 0
	if segs.Len() > 0 {
		start = segs.At(0).Start
		end = segs.At(segs.Len() - 1).Stop
	}
	if closure != nil {
		if closure.Start < start {
			start = closure.Start
		}
		if closure.Stop > end {
			end = closure.Stop
		}
	}
	ls := d.LineSpan(d.Line(start))
	le := d.LineSpan(d.Line(max(end-1, start)))
	return Span{ls.Start, le.End}
}

// fencedSpan covers a fenced code block from its opening to its closing
// fence line.
func fencedSpan(d *Document, n *ast.FencedCodeBlock) Span {
	startLine := d.Line(max(n.Pos(), 0))
	lastLine := startLine
	if l := n.Lines(); l.Len() > 0 {
		lastLine = d.Line(max(l.At(l.Len()-1).Stop-1, l.At(l.Len()-1).Start))
	}
	// The closing fence, if any, is the next line starting with the fence
	// character after optional indentation.
	open := bytes.TrimLeft([]byte(d.LineText(startLine)), " ")
	if len(open) > 0 && lastLine+1 <= d.LineCount() {
		next := bytes.TrimLeft([]byte(d.LineText(lastLine+1)), " ")
		if len(next) >= 3 && next[0] == open[0] && (next[0] == '`' || next[0] == '~') {
			lastLine++
		}
	}
	return Span{d.LineSpan(startLine).Start, d.LineSpan(lastLine).End}
}

func mergeSpans(s []Span) []Span {
	if len(s) == 0 {
		return s
	}
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x.Start <= last.End {
			if x.End > last.End {
				last.End = x.End
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// tableRows recognises a GFM table (header row, delimiter row, body rows)
// and returns its cells, one lineSeg each, trimmed of spaces; nil otherwise.
func tableRows(src []byte, lines []lineSeg) []lineSeg {
	if len(lines) < 2 || !isDelimiterRow(src[lines[1].start:lines[1].end]) {
		return nil
	}
	if bytes.IndexByte(src[lines[0].start:lines[0].end], '|') < 0 {
		return nil
	}
	var cells []lineSeg
	for i, l := range lines {
		if i == 1 {
			continue
		}
		cells = append(cells, splitCells(src, l)...)
	}
	return cells
}

func isDelimiterRow(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return false
	}
	dash := false
	for _, c := range b {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

func splitCells(src []byte, l lineSeg) []lineSeg {
	var out []lineSeg
	start := l.start
	line := src[l.start:l.end]
	// A leading pipe opens the first cell.
	k := 0
	for k < len(line) && line[k] == ' ' {
		k++
	}
	if k < len(line) && line[k] == '|' {
		start = l.start + k + 1
	}
	inCode := false
	for i := start; i <= l.end; i++ {
		if i < l.end {
			c := src[i]
			if c == '`' {
				inCode = !inCode
			}
			if c == '\\' {
				i++
				continue
			}
			if c != '|' || inCode {
				continue
			}
		}
		s, e := start, i
		for s < e && (src[s] == ' ' || src[s] == '\t') {
			s++
		}
		for e > s && (src[e-1] == ' ' || src[e-1] == '\t') {
			e--
		}
		if i < l.end || s < e {
			if s < e {
				out = append(out, lineSeg{s, e, -1})
			}
		}
		start = i + 1
	}
	return out
}
