package lint

import (
	"bytes"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Format is the syntax of a document.
type Format uint8

// Formats. A Word (.docx) document is a paragraph document: its Src is the
// text of its paragraphs, each followed by "\n" (see ParseParagraphs), and
// its "lines" are its paragraphs.
const (
	FormatText Format = iota
	FormatMarkdown
	FormatDocx
)

func (f Format) String() string {
	switch f {
	case FormatMarkdown:
		return "markdown"
	case FormatDocx:
		return "docx"
	}
	return "text"
}

// FormatFor picks the format from a file name: Markdown by extension
// (.md, .markdown), plain text otherwise.
func FormatFor(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".docx":
		return FormatDocx
	}
	return FormatText
}

// BlockKind classifies prose blocks.
type BlockKind uint8

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	Quote
	TableCell
	// Note is a footnote or endnote paragraph of a Word document.
	Note
)

func (k BlockKind) String() string {
	switch k {
	case Note:
		return "note"
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case Quote:
		return "quote"
	case TableCell:
		return "table-cell"
	}
	return "paragraph"
}

// Block is one prose block: a paragraph, heading, list item, block quote
// paragraph or table cell. Its prose view strips markup and maps every
// character back to the source.
type Block struct {
	Index int // position in Document.Blocks
	Kind  BlockKind
	Level int // heading level 1..6; 0 otherwise
	// Span covers the block's source bytes from its first to its last prose
	// character (markers such as "### " or "> " before the first line are
	// outside; markers on continuation lines are inside).
	Span Span
	// BlankBefore is the number of blank lines between the previous block
	// (or the start of the file) and this one: a layout signal (an image or
	// a page break used to sit there).
	BlankBefore int
	// Marker is the block marker text as written ("###", "-", "1.", ">"),
	// empty for plain paragraphs.
	Marker string

	doc    *Document
	pieces []piece // source pieces making up the prose, in order
	prose  *Prose
	sents  []Span
	// proseVal holds the prose view: one allocation per block fewer.
	proseVal Prose
}

// piece is a run of prose text and where it came from. Opaque pieces (inline
// code, URLs, images) appear in the prose as one placeholder rune standing
// for the whole source span.
type piece struct {
	src, end int // source byte range
	opaque   bool
}

// Placeholder stands in the prose view for inline code, URLs, e-mail
// addresses and images: rules see "something that is not prose" there.
const Placeholder = '\uFFFC'

// Prose is the text of a block as a reader sees it, with a map back to
// source offsets.
type Prose struct {
	Text string
	// maps: prose offset -> source offset at piece starts
	maps []pieceMap
	// one holds the map of a block made of one piece (most of them), so
	// that it needs no allocation of its own.
	one [1]pieceMap
}

// pieceMap is where a piece starts in the prose and in the source.
type pieceMap struct {
	pStart, sStart, sEnd int32
	opaque               bool
	// joined: the piece follows the previous one with nothing but '\r'
	// between them in the source.
	joined bool
}

// Document is one input file: the decoded source bytes, untouched, with its
// structure.
type Document struct {
	Path   string
	Src    []byte
	Format Format
	// Encoding describes how Src was decoded from the file, so fixes can be
	// written back in the same form. Nil means UTF-8 without BOM.
	Encoding *Encoding

	Blocks []*Block
	// Regions are never linted: front matter, code blocks, HTML blocks and
	// comments. Sorted, non-overlapping.
	Regions []Span
	// Comments are the HTML comments (<!-- … -->) outside code, in order;
	// directives and test expectations live there.
	Comments []Span

	// Apply, when set, makes a round of fixes for a document whose file is
	// not its text (a Word package); see ApplyFunc. Nil: the edits are
	// applied to Src and the result is parsed again.
	Apply ApplyFunc

	// slab holds blocks not yet handed out by newBlock; pieceSlab the
	// blocks' pieces, pieceBuf the pieces of the block being scanned.
	slab      []Block
	chunks    []string // see chunkText
	pieceSlab []piece
	pieceBuf  []piece

	lines []int // byte offset of each line start; of each paragraph in a paragraph document
	paras []paraInfo
	cache map[any]any
	sents []Sentence
}

// Encoding records the file's encoding, for writing back. Decoding and
// encoding themselves live outside the engine.
type Encoding struct {
	Name string // "utf-8", "utf-16le", "gb18030", …
	BOM  bool
	// Encode turns fixed UTF-8 text back into the file's bytes.
	Encode func(utf8 []byte) ([]byte, error)
	// TextDiff: diffs of this file show the decoded text rather than the
	// file's bytes, because a byte diff would not be readable or applicable
	// (UTF-16, Word packages).
	TextDiff bool
}

// Parse builds a document from decoded UTF-8 source. It never fails: any
// byte sequence yields some structure.
func Parse(path string, src []byte, format Format) *Document {
	d := &Document{Path: path, Src: src, Format: format}
	d.lines = lineStarts(src)
	switch format {
	case FormatMarkdown:
		parseMarkdown(d)
	case FormatDocx:
		parseDocxText(d)
	default:
		parseText(d)
	}
	for i, b := range d.Blocks {
		b.Index = i
		b.doc = d
	}
	return d
}

func lineStarts(src []byte) []int {
	ls := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		k := bytes.IndexByte(src[i:], '\n')
		if k < 0 {
			return ls
		}
		i += k + 1
		ls = append(ls, i)
	}
}

// LineCount is the number of lines (a final newline does not start a new
// line that counts).
func (d *Document) LineCount() int {
	n := len(d.lines)
	if n > 1 && d.lines[n-1] == len(d.Src) {
		n--
	}
	return n
}

// LineSpan returns the byte span of 1-based line n without its line ending
// ("\n" or "\r\n").
func (d *Document) LineSpan(n int) Span {
	if n < 1 || n > len(d.lines) {
		return Span{len(d.Src), len(d.Src)}
	}
	start := d.lines[n-1]
	end := len(d.Src)
	if n < len(d.lines) {
		end = d.lines[n] - 1
	}
	if end > start && d.Src[end-1] == '\r' {
		end--
	}
	return Span{start, end}
}

// LineText returns line n (1-based) without its line ending.
func (d *Document) LineText(n int) string {
	s := d.LineSpan(n)
	return string(d.Src[s.Start:s.End])
}

// Line returns the 1-based line containing byte offset off.
func (d *Document) Line(off int) int {
	// The first line start after off: where off+1 would be inserted.
	// (sort.Search with a closure costs a call per step; the rules ask
	// for lines of every block.)
	if off == math.MaxInt {
		return len(d.lines)
	}
	i, _ := slices.BinarySearch(d.lines, off+1)
	return i
}

// Pos converts a byte offset to a position: 1-based line and 1-based
// character column.
func (d *Document) Pos(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(d.Src) {
		off = len(d.Src)
	}
	line := d.Line(off)
	start := d.lines[line-1]
	col := 1 + runeCount(d.Src[start:off])
	pos := Position{Line: line, Column: col, Offset: off}
	if d.paras != nil {
		// Lines are paragraphs; past the last one (the end of the text)
		// is still the last paragraph.
		if line > len(d.paras) && len(d.paras) > 0 {
			p := len(d.paras)
			pos = Position{Line: p, Column: 1 + runeCount(d.Src[d.lines[p-1]:off]), Offset: off}
		}
		pos.Paragraph = pos.Line
	}
	return pos
}

// Newline is the document's dominant line ending, for fixes that insert
// lines.
func (d *Document) Newline() string {
	// Every "\r\n" holds one of the '\n': two counts with the library's
	// vectorised loops instead of a byte loop over the whole file.
	all := bytes.Count(d.Src, []byte{'\n'})
	crlf := bytes.Count(d.Src, []byte("\r\n"))
	if crlf > all-crlf {
		return "\r\n"
	}
	return "\n"
}

// InRegion reports whether a byte offset lies in a never-linted region.
func (d *Document) InRegion(off int) bool {
	i := sort.Search(len(d.Regions), func(i int) bool { return d.Regions[i].End > off })
	return i < len(d.Regions) && d.Regions[i].Start <= off
}

// OverlapsRegion reports whether a span touches a never-linted region.
func (d *Document) OverlapsRegion(s Span) bool {
	i := sort.Search(len(d.Regions), func(i int) bool { return d.Regions[i].End > s.Start })
	if i >= len(d.Regions) {
		return false
	}
	r := d.Regions[i]
	if s.Start == s.End {
		return r.Start < s.Start
	}
	return r.Start < s.End
}

// Cache memoises per-document analysis shared by several rules (the layout
// analysis, the sentence index, …). Rules of one document run sequentially,
// so no locking is needed.
func (d *Document) Cache(key any, compute func() any) any {
	if v, ok := d.cache[key]; ok {
		return v
	}
	if d.cache == nil {
		d.cache = map[any]any{}
	}
	v := compute()
	d.cache[key] = v
	return v
}

// newBlock returns a zero block from a chunk allocated for many: one
// allocation per chunk rather than one per block.
func (d *Document) newBlock() *Block {
	if len(d.slab) == 0 {
		d.slab = make([]Block, 64)
	}
	b := &d.slab[0]
	d.slab = d.slab[1:]
	return b
}

// Doc returns the block's document.
func (b *Block) Doc() *Document { return b.doc }

// Prose returns the block's prose view, computing it on first use. Like
// Document.Cache it is meant for the sequential rules of one document: the
// blocks of a document share the copies their texts are cut from, so
// goroutines must not build views of one document's blocks at once.
func (b *Block) Prose() *Prose {
	if b.prose == nil {
		buildProse(&b.proseVal, b.doc, b.pieces)
		b.prose = &b.proseVal
	}
	return b.prose
}

// Text is shorthand for b.Prose().Text.
func (b *Block) Text() string { return b.Prose().Text }

// Prev returns the previous block or nil.
func (b *Block) Prev() *Block {
	if b.Index == 0 {
		return nil
	}
	return b.doc.Blocks[b.Index-1]
}

// Next returns the next block or nil.
func (b *Block) Next() *Block {
	if b.Index+1 >= len(b.doc.Blocks) {
		return nil
	}
	return b.doc.Blocks[b.Index+1]
}

// proseChunk is the size of the stretches of source that one-piece
// blocks take their text from.
const proseChunk = 64 << 10

// chunkText returns the source bytes [start,end) as a string cut from a
// copy of the proseChunk-aligned stretch holding them, made on first use;
// ok is false when the range crosses a stretch boundary. The texts of
// neighbouring blocks then lie side by side in memory, in document order,
// as the rules walk them (not scattered over allocations by size), and a
// document needs one allocation per stretch instead of one per block.
// A text kept after its document retains at most its stretch.
func (d *Document) chunkText(start, end int) (string, bool) {
	k := start / proseChunk
	if (end-1)/proseChunk != k || end <= start {
		return "", false
	}
	if d.chunks == nil {
		d.chunks = make([]string, (len(d.Src)+proseChunk-1)/proseChunk)
	}
	if d.chunks[k] == "" {
		d.chunks[k] = string(d.Src[k*proseChunk : min(len(d.Src), (k+1)*proseChunk)])
	}
	return d.chunks[k][start-k*proseChunk : end-k*proseChunk], true
}

func buildProse(pr *Prose, d *Document, pieces []piece) {
	src := d.Src
	if len(pieces) == 1 && !pieces[0].opaque {
		p := pieces[0]
		if t, ok := d.chunkText(p.src, p.end); ok {
			pr.Text = t
		} else {
			pr.Text = string(src[p.src:p.end])
		}
		pr.one[0] = pieceMap{sStart: int32(p.src), sEnd: int32(p.end)}
		pr.maps = pr.one[:]
		return
	}
	n := 0
	for _, p := range pieces {
		if p.opaque {
			n += utf8.RuneLen(Placeholder)
		} else {
			n += p.end - p.src
		}
	}
	var sb strings.Builder
	sb.Grow(n)
	if len(pieces) <= len(pr.one) {
		pr.maps = pr.one[:0]
	} else {
		pr.maps = make([]pieceMap, 0, len(pieces))
	}
	for k, p := range pieces {
		j := false
		if k > 0 {
			j = true
			for _, c := range src[pieces[k-1].end:p.src] {
				if c != '\r' {
					j = false
					break
				}
			}
		}
		pr.maps = append(pr.maps, pieceMap{pStart: int32(sb.Len()), sStart: int32(p.src), sEnd: int32(p.end), opaque: p.opaque, joined: j})
		if p.opaque {
			sb.WriteRune(Placeholder)
		} else {
			sb.Write(src[p.src:p.end])
		}
	}
	pr.Text = sb.String()
}

// piece index containing prose offset i as a start position.
func (p *Prose) pieceAt(i int) int {
	m := p.maps
	if len(m) == 1 {
		return 0
	}
	k := sort.Search(len(m), func(k int) bool { return int(m[k].pStart) > i }) - 1
	if k < 0 {
		k = 0
	}
	return k
}

// Src maps a prose byte offset (a character start, or len(Text)) to a
// source byte offset. Offsets inside a placeholder map to the start of the
// opaque span.
func (p *Prose) Src(i int) int {
	if len(p.maps) == 0 {
		return 0
	}
	if i >= len(p.Text) {
		return int(p.maps[len(p.maps)-1].sEnd)
	}
	m := &p.maps[p.pieceAt(i)]
	if m.opaque {
		return int(m.sStart)
	}
	return int(m.sStart) + i - int(m.pStart)
}

// SrcEnd maps a prose offset used as the end of a range: at a piece
// boundary it is the end of the previous piece, and after a placeholder it
// is the end of the opaque span.
func (p *Prose) SrcEnd(i int) int {
	if len(p.maps) == 0 {
		return 0
	}
	if i <= 0 {
		return int(p.maps[0].sStart)
	}
	m := &p.maps[p.pieceAt(i-1)]
	if m.opaque {
		return int(m.sEnd)
	}
	return int(m.sStart) + i - int(m.pStart)
}

// SrcSpan maps a prose byte range to a source span.
func (p *Prose) SrcSpan(start, end int) Span {
	s := p.Src(start)
	if end <= start {
		return Span{s, s}
	}
	return Span{s, p.SrcEnd(end)}
}

// Contiguous reports whether the prose range [start,end) is one unbroken
// run of source bytes (no markup removed inside it, no placeholder): only
// then may a fix replace it by editing the source span directly.
func (p *Prose) Contiguous(start, end int) bool {
	if len(p.maps) == 0 {
		return false
	}
	if end <= start {
		return true
	}
	k := p.pieceAt(start)
	for {
		m := &p.maps[k]
		if m.opaque {
			return false
		}
		if end <= int(m.pStart)+int(m.sEnd-m.sStart) {
			return true
		}
		k++
		if k >= len(p.maps) || !p.maps[k].joined {
			return false
		}
	}
}

// IsOpaqueAt reports whether prose offset i is a placeholder.
func (p *Prose) IsOpaqueAt(i int) bool {
	if len(p.maps) == 0 || i >= len(p.Text) {
		return false
	}
	return p.maps[p.pieceAt(i)].opaque
}
