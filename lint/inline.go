package lint

import (
	"bytes"
	"sort"
)

// Inline scanning turns a block's lines into prose pieces. In Markdown it
// removes markup (emphasis delimiters, link syntax, inline HTML, escapes)
// and turns inline code, images and autolinks into opaque placeholders. In
// both formats HTML comments are removed and bare URLs and e-mail addresses
// become placeholders, because rules must not "fix" them.

type evKind uint8

const (
	evDrop evKind = iota
	evOpaque
)

type event struct {
	s, e int // in buffer coordinates
	kind evKind
}

type inlineScanner struct {
	src   []byte
	lines []lineSeg
	buf   []byte
	bs    []int // buffer start of each line
	ev    []event
	doc   *Document
	md    bool
}

func scanInline(src []byte, lines []lineSeg, md bool, d *Document) []piece {
	if len(lines) == 0 {
		return nil
	}
	sc := inlineScanner{src: src, lines: lines, doc: d, md: md}
	var bs1 [1]int
	if len(lines) == 1 {
		sc.buf = src[lines[0].start:lines[0].end]
		sc.bs = bs1[:]
	} else {
		n := 0
		for _, l := range lines {
			n += l.end - l.start + 1
		}
		sc.buf = make([]byte, 0, n)
		for i, l := range lines {
			sc.bs = append(sc.bs, len(sc.buf))
			sc.buf = append(sc.buf, src[l.start:l.end]...)
			if i < len(lines)-1 {
				sc.buf = append(sc.buf, '\n')
			}
		}
	}
	if md {
		sc.scanMarkdown()
	} else {
		sc.dropKnownComments()
	}
	sc.scanURLs()
	if d == nil {
		return sc.pieces(nil)
	}
	// Pieces are built in a buffer reused across blocks and kept in
	// chunks shared by many blocks.
	ps := sc.pieces(d.pieceBuf[:0])
	d.pieceBuf = ps
	if len(ps) > cap(d.pieceSlab)-len(d.pieceSlab) {
		d.pieceSlab = make([]piece, 0, max(256, len(ps)))
	}
	start := len(d.pieceSlab)
	d.pieceSlab = append(d.pieceSlab, ps...)
	return d.pieceSlab[start:len(d.pieceSlab):len(d.pieceSlab)]
}

// toSrc maps a buffer offset to a source offset; a buffer newline maps to
// the source '\n'.
func (sc *inlineScanner) toSrc(p int) int {
	k := sort.Search(len(sc.bs), func(k int) bool { return sc.bs[k] > p }) - 1
	if k < 0 {
		k = 0
	}
	l := sc.lines[k]
	off := p - sc.bs[k]
	if off >= l.end-l.start {
		if off == l.end-l.start && l.nl >= 0 && k < len(sc.lines)-1 {
			return l.nl
		}
		return l.end
	}
	return l.start + off
}

// toSrcEnd maps a buffer offset used as a range end.
func (sc *inlineScanner) toSrcEnd(p int) int {
	if p <= 0 {
		return sc.lines[0].start
	}
	q := sc.toSrc(p - 1)
	if q < len(sc.src) {
		return q + 1
	}
	return q
}

func (sc *inlineScanner) add(s, e int, k evKind) {
	if e > s {
		sc.ev = append(sc.ev, event{s, e, k})
	}
}

func (sc *inlineScanner) comment(s, e int) {
	sc.add(s, e, evDrop)
	if sc.md && sc.doc != nil {
		sp := Span{sc.toSrc(s), sc.toSrcEnd(e)}
		sc.doc.Comments = append(sc.doc.Comments, sp)
		sc.doc.Regions = append(sc.doc.Regions, sp)
	}
}

// dropKnownComments removes the document's comments (found on the whole
// source, so a comment that spans a blank line is known in both blocks it
// touches) from the prose.
func (sc *inlineScanner) dropKnownComments() {
	if sc.doc == nil {
		sc.scanComments()
		return
	}
	first, last := sc.lines[0].start, sc.lines[len(sc.lines)-1].end
	for _, c := range sc.doc.Comments {
		if c.End <= first || c.Start >= last {
			continue
		}
		sc.add(sc.toBuf(max(c.Start, first)), sc.toBuf(min(c.End, last)), evDrop)
	}
}

// toBuf maps a source offset inside the block's lines (or at a joining
// newline) to a buffer offset.
func (sc *inlineScanner) toBuf(off int) int {
	for k, l := range sc.lines {
		if off <= l.end {
			if off < l.start {
				return sc.bs[k]
			}
			return sc.bs[k] + off - l.start
		}
		if k+1 < len(sc.lines) && off < sc.lines[k+1].start {
			return sc.bs[k] + l.end - l.start // the joining newline
		}
	}
	return len(sc.buf)
}

func (sc *inlineScanner) scanComments() {
	b := sc.buf
	i := 0
	for {
		k := bytes.Index(b[i:], []byte("<!--"))
		if k < 0 {
			return
		}
		s := i + k
		e := bytes.Index(b[s+4:], []byte("-->"))
		if e < 0 {
			sc.comment(s, len(b))
			return
		}
		sc.comment(s, s+4+e+3)
		i = s + 4 + e + 3
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

type delim struct {
	s, n        int
	c           byte
	left, right bool
}

func (sc *inlineScanner) scanMarkdown() {
	b := sc.buf
	var delims []delim
	for i := 0; i < len(b); {
		c := b[i]
		switch c {
		case '\\':
			if i+1 < len(b) && isASCIIPunct(b[i+1]) {
				sc.add(i, i+1, evDrop)
				i += 2
				continue
			}
		case '`':
			n := runLen(b, i, '`')
			if j := findBacktickRun(b, i+n, n); j >= 0 {
				sc.add(i, j+n, evOpaque)
				i = j + n
				continue
			}
			i += n
			continue
		case '<':
			if bytes.HasPrefix(b[i:], []byte("<!--")) {
				e := bytes.Index(b[i+4:], []byte("-->"))
				end := len(b)
				if e >= 0 {
					end = i + 4 + e + 3
				}
				sc.comment(i, end)
				i = end
				continue
			}
			if e := autolinkEnd(b, i); e > 0 {
				sc.add(i, e, evOpaque)
				i = e
				continue
			}
			if e := htmlTagEnd(b, i); e > 0 {
				sc.add(i, e, evDrop)
				i = e
				continue
			}
		case '!':
			if i+1 < len(b) && b[i+1] == '[' {
				if close := matchBracket(b, i+1); close > 0 && close+1 < len(b) && b[close+1] == '(' {
					if pe := matchParen(b, close+1); pe > 0 {
						sc.add(i, pe+1, evOpaque)
						i = pe + 1
						continue
					}
				}
			}
		case '[':
			if close := matchBracket(b, i); close > 0 && close+1 < len(b) {
				switch b[close+1] {
				case '(':
					if pe := matchParen(b, close+1); pe > 0 {
						sc.add(i, i+1, evDrop)
						sc.add(close, pe+1, evDrop)
						i++
						continue
					}
				case '[':
					if re := matchBracket(b, close+1); re > 0 {
						sc.add(i, i+1, evDrop)
						sc.add(close, re+1, evDrop)
						i++
						continue
					}
				}
			}
		case '*', '_', '~':
			n := runLen(b, i, c)
			if (c == '~' && n == 2) || (c != '~' && n <= 3) {
				prevSpace := i == 0 || isSpaceByte(b[i-1])
				nextSpace := i+n >= len(b) || isSpaceByte(b[i+n])
				d := delim{s: i, n: n, c: c, left: !nextSpace, right: !prevSpace}
				intraword := i > 0 && i+n < len(b) && isAlnum(b[i-1]) && isAlnum(b[i+n])
				if (d.left || d.right) && !(c == '_' && intraword) {
					delims = append(delims, d)
				}
			}
			i += n
			continue
		}
		i++
	}
	// Pair emphasis delimiters: an opener with the next closer of the same
	// character and length. Unpaired ones stay as text.
	used := make([]bool, len(delims))
	for i := range delims {
		if used[i] || !delims[i].left {
			continue
		}
		for j := i + 1; j < len(delims); j++ {
			if used[j] || delims[j].c != delims[i].c || delims[j].n != delims[i].n || !delims[j].right {
				continue
			}
			used[i], used[j] = true, true
			sc.add(delims[i].s, delims[i].s+delims[i].n, evDrop)
			sc.add(delims[j].s, delims[j].s+delims[j].n, evDrop)
			break
		}
	}
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func runLen(b []byte, i int, c byte) int {
	n := 0
	for i+n < len(b) && b[i+n] == c {
		n++
	}
	return n
}

// findBacktickRun finds the next run of exactly n backticks at or after i.
func findBacktickRun(b []byte, i, n int) int {
	for i < len(b) {
		k := bytes.IndexByte(b[i:], '`')
		if k < 0 {
			return -1
		}
		j := i + k
		m := runLen(b, j, '`')
		if m == n {
			return j
		}
		i = j + m
	}
	return -1
}

// matchBracket returns the index of the ']' matching the '[' at i, or -1.
func matchBracket(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '`':
			n := runLen(b, j, '`')
			if k := findBacktickRun(b, j+n, n); k >= 0 {
				j = k + n - 1
			} else {
				j += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			if j+1 < len(b) && b[j+1] == '\n' {
				return -1
			}
		}
	}
	return -1
}

// matchParen returns the index of the ')' matching the '(' at i, or -1.
func matchParen(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			return -1
		}
	}
	return -1
}

// autolinkEnd recognises <scheme:…> and <user@host>.
func autolinkEnd(b []byte, i int) int {
	j := i + 1
	for j < len(b) && b[j] != '>' && b[j] != '<' && b[j] > ' ' && b[j] < 0x80 {
		j++
	}
	if j >= len(b) || b[j] != '>' || j == i+1 {
		return -1
	}
	inner := b[i+1 : j]
	if c := bytes.IndexByte(inner, ':'); c >= 2 && isScheme(inner[:c]) {
		return j + 1
	}
	if bytes.IndexByte(inner, '@') > 0 {
		return j + 1
	}
	return -1
}

func isScheme(s []byte) bool {
	for k, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || k > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return len(s) <= 32
}

// htmlTagEnd recognises an inline HTML open or close tag.
func htmlTagEnd(b []byte, i int) int {
	j := i + 1
	if j < len(b) && b[j] == '/' {
		j++
	}
	if j >= len(b) || !(b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		return -1
	}
	for j < len(b) && (isAlnum(b[j]) || b[j] == '-') {
		j++
	}
	if j < len(b) && b[j] != '>' && b[j] != ' ' && b[j] != '/' && b[j] != '\n' {
		return -1
	}
	quote := byte(0)
	for ; j < len(b); j++ {
		c := b[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		case c == '<':
			return -1
		}
	}
	return -1
}

// scanURLs marks bare URLs and e-mail addresses outside other events as
// opaque.
func (sc *inlineScanner) scanURLs() {
	b := sc.buf
	if !maybeURL(b) {
		return
	}
	sort.Slice(sc.ev, func(i, j int) bool { return sc.ev[i].s < sc.ev[j].s })
	inEvent := func(p int) bool {
		k := sort.Search(len(sc.ev), func(k int) bool { return sc.ev[k].e > p })
		return k < len(sc.ev) && sc.ev[k].s <= p
	}
	var found []event
	for i := 0; i < len(b); i++ {
		c := b[i]
		var s, e int
		switch {
		case (c == 'h' || c == 'f' || c == 'w' || c == 'H' || c == 'W') && (i == 0 || !isAlnum(b[i-1])):
			if !hasURLPrefix(b[i:]) {
				continue
			}
			s, e = i, urlEnd(b, i)
		case c == '@':
			s, e = emailSpan(b, i)
			if s < 0 {
				continue
			}
		default:
			continue
		}
		if e <= s || inEvent(s) {
			continue
		}
		found = append(found, event{s, e, evOpaque})
		i = e - 1
	}
	sc.ev = append(sc.ev, found...)
}

func maybeURL(b []byte) bool {
	return bytes.Contains(b, []byte("://")) || bytes.Contains(b, []byte("www.")) || bytes.Contains(b, []byte("WWW.")) || bytes.IndexByte(b, '@') >= 0
}

func hasURLPrefix(b []byte) bool {
	lower := func(p string) bool {
		if len(b) < len(p) {
			return false
		}
		for k := 0; k < len(p); k++ {
			c := b[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != p[k] {
				return false
			}
		}
		return true
	}
	return lower("http://") || lower("https://") || lower("ftp://") || lower("www.")
}

// urlEnd extends a URL over printable ASCII, then trims trailing
// punctuation that usually ends the sentence rather than the URL.
func urlEnd(b []byte, i int) int {
	j := i
	for j < len(b) && b[j] > ' ' && b[j] < 0x7f && b[j] != '<' && b[j] != '>' && b[j] != '"' {
		j++
	}
	for j > i {
		c := b[j-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' {
			j--
			continue
		}
		if c == ')' && bytes.Count(b[i:j], []byte("(")) < bytes.Count(b[i:j], []byte(")")) {
			j--
			continue
		}
		break
	}
	return j
}

func isEmailLocal(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func emailSpan(b []byte, at int) (int, int) {
	s := at
	for s > 0 && isEmailLocal(b[s-1]) {
		s--
	}
	if s == at {
		return -1, -1
	}
	e := at + 1
	dot := false
	for e < len(b) && (isAlnum(b[e]) || b[e] == '-' || b[e] == '.') {
		if b[e] == '.' {
			dot = true
		}
		e++
	}
	for e > at+1 && b[e-1] == '.' {
		e--
	}
	if !dot || e == at+1 {
		return -1, -1
	}
	return s, e
}

// pieces turns the events into source pieces.
func (sc *inlineScanner) pieces(out []piece) []piece {
	sort.Slice(sc.ev, func(i, j int) bool { return sc.ev[i].s < sc.ev[j].s })
	addKeep := func(s, e int) {
		for s < e {
			k := sort.Search(len(sc.bs), func(k int) bool { return sc.bs[k] > s }) - 1
			l := sc.lines[k]
			lineEnd := sc.bs[k] + (l.end - l.start)
			if s < lineEnd {
				stop := min(e, lineEnd)
				out = appendPiece(out, piece{src: l.start + s - sc.bs[k], end: l.start + stop - sc.bs[k]})
				s = stop
				continue
			}
			// s is the joining newline.
			if l.nl >= 0 {
				out = appendPiece(out, piece{src: l.nl, end: l.nl + 1})
			}
			s++
		}
	}
	pos := 0
	for _, ev := range sc.ev {
		if ev.s < pos { // nested inside an earlier event
			if ev.e > pos && ev.kind == evDrop {
				pos = ev.e
			}
			continue
		}
		addKeep(pos, ev.s)
		if ev.kind == evOpaque {
			out = append(out, piece{src: sc.toSrc(ev.s), end: sc.toSrcEnd(ev.e), opaque: true})
		}
		pos = ev.e
	}
	addKeep(pos, len(sc.buf))
	return out
}

// appendPiece merges pieces that are contiguous in the source.
func appendPiece(out []piece, p piece) []piece {
	if n := len(out); n > 0 && !out[n-1].opaque && out[n-1].end == p.src {
		out[n-1].end = p.end
		return out
	}
	return append(out, p)
}
