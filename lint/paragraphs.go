package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Paragraph documents: a Word file has no lines, only paragraphs. Its
// Document holds the paragraph texts in Src, each followed by "\n", so that
// rules written for text files see one paragraph per line and work
// unchanged; the line table is the paragraph table, so positions come out
// as paragraph and character. A paragraph's text may itself contain "\n"
// (a Word line break) and "\t"; it stays one line and one block.

// SourceParagraph is one paragraph handed to ParseParagraphs.
type SourceParagraph struct {
	Text  string
	Kind  BlockKind // Paragraph, Heading, TableCell or Note
	Level int       // heading level, for Kind Heading
}

type paraInfo struct {
	kind  BlockKind
	level int
}

// ParseParagraphs builds a paragraph document (Format FormatDocx) from
// paragraphs: Src is their texts, each followed by "\n"; every paragraph
// that is not blank becomes one block of its kind, and blank paragraphs
// count in the next block's BlankBefore. Paragraph i (0-based) is line i+1.
func ParseParagraphs(path string, paras []SourceParagraph) *Document {
	n := 0
	for _, p := range paras {
		n += len(p.Text) + 1
	}
	src := make([]byte, 0, n)
	d := &Document{Path: path, Format: FormatDocx}
	d.lines = make([]int, 0, len(paras)+1)
	d.paras = make([]paraInfo, 0, len(paras))
	for _, p := range paras {
		d.lines = append(d.lines, len(src))
		kind, level := p.Kind, p.Level
		if kind == Heading {
			level = min(max(level, 1), 6)
		} else {
			level = 0
		}
		d.paras = append(d.paras, paraInfo{kind: kind, level: level})
		src = append(src, p.Text...)
		src = append(src, '\n')
	}
	if len(paras) > 0 {
		// The position after the last separator starts no paragraph; it
		// is kept like the empty line after a text file's final newline.
		d.lines = append(d.lines, len(src))
	} else {
		d.lines = append(d.lines, 0)
	}
	d.Src = src
	paragraphBlocks(d)
	for i, b := range d.Blocks {
		b.Index = i
		b.doc = d
	}
	return d
}

// parseDocxText parses Src alone as a paragraph document: every line is a
// body paragraph. ParseParagraphs keeps the kinds and allows line breaks
// inside paragraphs; this form serves Parse(…, FormatDocx).
func parseDocxText(d *Document) {
	n := len(d.lines)
	if n > 1 && d.lines[n-1] == len(d.Src) || len(d.Src) == 0 {
		n--
	}
	d.paras = make([]paraInfo, n)
	paragraphBlocks(d)
}

// Paragraphs is the number of paragraphs of a paragraph document, 0 for
// other documents.
func (d *Document) Paragraphs() int { return len(d.paras) }

// ParagraphSpan returns the Src span of paragraph i (0-based), without its
// separator.
func (d *Document) ParagraphSpan(i int) Span {
	s := d.lines[i]
	e := len(d.Src)
	if i+1 < len(d.lines) {
		e = d.lines[i+1] - 1
	}
	return Span{s, e}
}

// SourceParagraphs returns the paragraphs of a paragraph document as
// ParseParagraphs takes them.
func (d *Document) SourceParagraphs() []SourceParagraph {
	out := make([]SourceParagraph, len(d.paras))
	for i, p := range d.paras {
		sp := d.ParagraphSpan(i)
		out[i] = SourceParagraph{Text: string(d.Src[sp.Start:sp.End]), Kind: p.kind, Level: p.level}
	}
	return out
}

func isBlankPara(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '\u3000', '\u00a0':
			i += n
		default:
			return false
		}
	}
	return true
}

// paragraphBlocks makes one block per paragraph that holds text. HTML
// comments (directives) are found as in plain text; a paragraph holding
// only comments is no block.
func paragraphBlocks(d *Document) {
	src := d.Src
	d.Comments = findComments(src, 0, len(src))
	d.Regions = append(d.Regions, d.Comments...)
	blank := 0
	ci := 0
	for i, p := range d.paras {
		sp := d.ParagraphSpan(i)
		if isBlankPara(src[sp.Start:sp.End]) {
			blank++
			continue
		}
		for ci < len(d.Comments) && d.Comments[ci].End <= sp.Start {
			ci++
		}
		if ci < len(d.Comments) && commentOnly(src, sp, d.Comments[ci:]) {
			continue
		}
		kind := p.kind
		if kind == Heading && p.level == 0 {
			kind = Paragraph
		}
		b := &Block{Kind: kind, Level: p.level, BlankBefore: blank}
		b.pieces = scanInline(src, []lineSeg{{sp.Start, sp.End, -1}}, false, d)
		if len(b.pieces) > 0 {
			b.Span = Span{b.pieces[0].src, b.pieces[len(b.pieces)-1].end}
			d.Blocks = append(d.Blocks, b)
			blank = 0
		}
	}
}

// ParagraphEdit is an edit of a paragraph document expressed per
// paragraph: bytes [Start, End) of paragraph Para's text become New, or,
// with Drop, the whole paragraph goes.
type ParagraphEdit struct {
	Para       int // 0-based paragraph index
	Start, End int // byte offsets into the paragraph's text
	New        string
	Drop       bool
	Edit       int // index of the document edit it comes from
}

// ParagraphEdits translates sorted, non-overlapping document edits into
// paragraph edits. An edit must stay inside one paragraph's text, or remove
// whole paragraphs with their separators; one that would join, split or
// straddle paragraphs, or insert a line break, is refused: the map gives the
// reason by edit index.
func (d *Document) ParagraphEdits(edits []Edit) ([]ParagraphEdit, map[int]string) {
	var out []ParagraphEdit
	var refused map[int]string
	refuse := func(i int, why string) {
		if refused == nil {
			refused = map[int]string{}
		}
		refused[i] = why
	}
	np := len(d.paras)
	// start(i) is where paragraph i begins; start(np) is the end of the
	// last separator.
	start := func(i int) int {
		if i < np {
			return d.lines[i]
		}
		return len(d.Src)
	}
	for i, e := range edits {
		if np == 0 || e.Start < 0 || e.End > len(d.Src) || e.Start > e.End {
			refuse(i, "the edit lies outside the document's paragraphs")
			continue
		}
		p := d.Line(e.Start) - 1
		if p >= np {
			refuse(i, "the edit lies after the last paragraph")
			continue
		}
		ps := d.ParagraphSpan(p)
		if e.End <= ps.End {
			if strings.ContainsAny(e.New, "\n\r") {
				refuse(i, "the fix inserts a line break, which would split a Word paragraph")
				continue
			}
			out = append(out, ParagraphEdit{Para: p, Start: e.Start - ps.Start, End: e.End - ps.Start, New: e.New, Edit: i})
			continue
		}
		// Whole paragraphs with their separators: [start(p), start(q)) or
		// [end of p-1, end of q-1), removing paragraphs p..q-1.
		if e.New == "" {
			lo, hi := -1, -1
			if e.Start == ps.Start {
				for q := p + 1; q <= np; q++ {
					if start(q) == e.End {
						lo, hi = p, q
						break
					}
				}
			} else if e.Start == ps.End && p+1 < np {
				for q := p + 1; q < np; q++ {
					if d.ParagraphSpan(q).End == e.End {
						lo, hi = p+1, q+1
						break
					}
				}
			}
			if lo >= 0 {
				for k := lo; k < hi; k++ {
					sp := d.ParagraphSpan(k)
					out = append(out, ParagraphEdit{Para: k, Start: 0, End: sp.End - sp.Start, Drop: true, Edit: i})
				}
				continue
			}
		}
		refuse(i, fmt.Sprintf("the fix crosses the end of paragraph %d (it would join or split paragraphs)", p+1))
	}
	// A paragraph removed by one edit and changed by another (text
	// inserted at its start, say) has no paragraph form: the removal
	// waits.
	dropped := map[int]int{}
	for _, e := range out {
		if e.Drop {
			dropped[e.Para] = e.Edit
		}
	}
	bad := map[int]bool{}
	for _, e := range out {
		if di, ok := dropped[e.Para]; ok && !e.Drop && di != e.Edit {
			bad[di] = true
		}
	}
	if len(bad) > 0 {
		kept := out[:0]
		for _, e := range out {
			if bad[e.Edit] {
				refuse(e.Edit, fmt.Sprintf("the fix removes paragraph %d, which another fix changes", e.Para+1))
				continue
			}
			kept = append(kept, e)
		}
		out = kept
	}
	return out, refused
}

// applyParagraphs is the default round for a paragraph document without
// an Apply hook: the edits are made per paragraph and the paragraph kinds
// are kept, so the structure survives where reparsing Src could not tell a
// paragraph end from a line break.
func applyParagraphs(d *Document, edits []Edit) (*Document, map[int]string, error) {
	pe, refused := d.ParagraphEdits(edits)
	if len(refused) > 0 {
		return nil, refused, nil
	}
	paras := d.SourceParagraphs()
	drop := make([]bool, len(paras))
	// Edits arrive sorted; apply each paragraph's from the back so that
	// earlier offsets stay valid.
	for k := len(pe) - 1; k >= 0; k-- {
		e := pe[k]
		if e.Drop {
			drop[e.Para] = true
			continue
		}
		t := paras[e.Para].Text
		paras[e.Para].Text = t[:e.Start] + e.New + t[e.End:]
	}
	kept := paras[:0]
	for i, p := range paras {
		if !drop[i] {
			kept = append(kept, p)
		}
	}
	nd := ParseParagraphs(d.Path, kept)
	nd.Encoding = d.Encoding
	return nd, nil, nil
}
