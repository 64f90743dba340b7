package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsXML     = "http://www.w3.org/XML/1998/namespace"
)

func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

// wAttr returns a WordprocessingML attribute (w:val, w:type, ...).
func wAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == nsW || a.Name.Space == nsWStrict || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

type pieceKind uint8

const (
	pText    pieceKind = iota // a w:t element: editable unless in a field
	pSpecial                  // tab, break, hyphen, symbol: read-only text
	pBarrier                  // an object with no text; edits may not span it
)

// piece is the internal form of a Piece with what Apply needs to rewrite it.
type piece struct {
	kind       pieceKind
	start, end int // in Paragraph.Text
	run        int // index into Paragraph.Runs, -1 outside runs
	elem       string
	off        int // start of the element's start tag
	tagEnd     int // end of the start tag (of the whole element if self-closing)
	cStart     int // content range of a w:t
	cEnd       int
	selfClose  bool
	space      string // value of xml:space on a w:t, "" if absent
	hasSpace   bool
	field      bool
	text       string
}

type parser struct {
	part   string
	data   []byte
	d      *xml.Decoder
	depth  int
	kind   Kind // Body, Footnote or Endnote
	inCell int
	noteID string
	fields []bool // open complex fields: false while in the instruction, true in the result
	paras  []Paragraph
	cur    *Paragraph
	text   strings.Builder
}

func parsePart(part string, data []byte, kind Kind) ([]Paragraph, error) {
	p := &parser{part: part, data: data, kind: kind}
	p.d = xml.NewDecoder(bytes.NewReader(data))
	p.d.Strict = true
	if err := p.parse(); err != nil {
		return nil, err
	}
	// A paragraph may be removed only if another one follows it in the
	// same container: cells, notes and the body must end in a paragraph.
	last := map[int]int{}
	for i, para := range p.paras {
		last[para.parentOff] = i
	}
	for i := range p.paras {
		if last[p.paras[i].parentOff] == i {
			p.paras[i].keep("it is the last paragraph of its container")
		}
	}
	return p.paras, nil
}

func (para *Paragraph) keep(why string) {
	if para.keepWhy == "" {
		para.keepWhy = why
	}
}

// next returns the next token and its byte range in the input.
func (p *parser) next() (xml.Token, int, int, error) {
	start := int(p.d.InputOffset())
	t, err := p.d.Token()
	if err != nil {
		return nil, 0, 0, err
	}
	end := int(p.d.InputOffset())
	switch t.(type) {
	case xml.StartElement:
		p.depth++
		if p.depth > maxDepth {
			return nil, 0, 0, fmt.Errorf("elements nested more than %d deep", maxDepth)
		}
	case xml.EndElement:
		p.depth--
	}
	return t, start, end, nil
}

// skip consumes the rest of an element whose start tag was just read and
// returns the offset just past its end tag.
func (p *parser) skip() (int, error) {
	for level := 1; ; {
		t, _, e, err := p.next()
		if err != nil {
			return 0, err
		}
		switch t.(type) {
		case xml.StartElement:
			level++
		case xml.EndElement:
			level--
			if level == 0 {
				return e, nil
			}
		}
	}
}

func (p *parser) parse() error {
	want := map[Kind]string{Body: "document", Footnote: "footnotes", Endnote: "endnotes"}[p.kind]
	for {
		t, s, _, err := p.next()
		if errors.Is(err, io.EOF) {
			return errors.New("no root element")
		}
		if err != nil {
			return err
		}
		if se, ok := t.(xml.StartElement); ok {
			if !isW(se.Name, want) {
				return fmt.Errorf("root element is <%s>, want w:%s", se.Name.Local, want)
			}
			return p.blocks(s)
		}
	}
}

// blocks walks the children of a block-level container up to its end tag.
func (p *parser) blocks(parentOff int) error {
	for {
		t, s, e, err := p.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch {
			case isW(t.Name, "p"):
				err = p.paragraph(s, e, parentOff)
			case isW(t.Name, "tc"):
				p.inCell++
				err = p.blocks(s)
				p.inCell--
			case isW(t.Name, "footnote"), isW(t.Name, "endnote"):
				switch wAttr(t, "type") {
				case "", "normal":
					old := p.noteID
					p.noteID = wAttr(t, "id")
					err = p.blocks(s)
					p.noteID = old
				default: // separator, continuationSeparator, continuationNotice
					_, err = p.skip()
				}
			case t.Name.Space == nsMC && t.Name.Local == "AlternateContent":
				_, err = p.skip()
			default: // body, tbl, tr, sdt, sdtContent, customXml, properties
				err = p.blocks(s)
			}
			if err != nil {
				return err
			}
		}
	}
}

func (p *parser) paragraph(s, e, parentOff int) error {
	kind := p.kind
	if p.inCell > 0 && kind == Body {
		kind = TableCell
	}
	p.paras = append(p.paras, Paragraph{Kind: kind, NoteID: p.noteID, Part: p.part, Offset: s, parentOff: parentOff})
	p.cur = &p.paras[len(p.paras)-1]
	p.text.Reset()
	if len(p.fields) > 0 {
		p.cur.keep("a field spans it")
	}
	end, err := p.inline(false, true)
	if err != nil {
		return err
	}
	para := p.cur
	para.end = end
	para.Text = p.text.String()
	if len(p.fields) > 0 {
		para.keep("a field spans it")
	}
	for _, pc := range para.pieces {
		if pc.run >= 0 {
			r := &para.Runs[pc.run]
			r.Pieces = append(r.Pieces, Piece{Start: pc.start, End: pc.end, Offset: pc.off, Elem: pc.elem})
		}
	}
	p.cur = nil
	return nil
}

func (p *parser) barrier(elem string) {
	pos := p.text.Len()
	p.cur.pieces = append(p.cur.pieces, piece{kind: pBarrier, start: pos, end: pos, run: -1, elem: elem})
	p.cur.keep("it holds " + elem)
}

// inline walks the children of a paragraph or of an inline container (such
// as a hyperlink or a tracked insertion) and returns the offset past its end
// tag. Runs remember their container by its start offset so that edits do
// not move text across container boundaries.
func (p *parser) inline(simpleField, top bool) (int, error) {
	parentOff := int(p.d.InputOffset())
	for {
		t, s, e, err := p.next()
		if err != nil {
			return 0, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return e, nil
		case xml.StartElement:
			n := t.Name
			switch {
			case top && isW(n, "pPr"):
				err = p.pPr()
			case isW(n, "r"):
				err = p.run(s, parentOff, simpleField)
			case isW(n, "del"), isW(n, "moveFrom"):
				p.cur.keep("it holds tracked changes")
				_, err = p.skip()
			case isW(n, "fldSimple"):
				p.cur.keep("it holds a field")
				_, err = p.inline(true, false)
			case isW(n, "bookmarkStart"), isW(n, "bookmarkEnd"), isW(n, "commentRangeStart"), isW(n, "commentRangeEnd"),
				isW(n, "permStart"), isW(n, "permEnd"), isW(n, "moveFromRangeStart"), isW(n, "moveFromRangeEnd"),
				isW(n, "moveToRangeStart"), isW(n, "moveToRangeEnd"):
				p.cur.keep("it holds a bookmark, comment or range anchor")
				_, err = p.skip()
			case isW(n, "proofErr"), isW(n, "sdtPr"), isW(n, "sdtEndPr"), isW(n, "rPr"):
				_, err = p.skip()
			case isW(n, "p"), isW(n, "tbl"), n.Space == nsMC, isW(n, "object"), isW(n, "pict"), isW(n, "drawing"),
				n.Local == "oMath" || n.Local == "oMathPara":
				p.barrier(n.Local)
				_, err = p.skip()
			default: // ins, moveTo, hyperlink, smartTag, customXml, sdt, sdtContent, dir, bdo, ...
				if isW(n, "ins") || isW(n, "moveTo") {
					p.cur.keep("it holds tracked changes")
				}
				_, err = p.inline(simpleField, false)
			}
			if err != nil {
				return 0, err
			}
		}
	}
}

func (p *parser) pPr() error {
	for {
		t, _, _, err := p.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch {
			case isW(t.Name, "pStyle"):
				p.cur.Style = wAttr(t, "val")
			case isW(t.Name, "outlineLvl"):
				if n, err := strconv.Atoi(wAttr(t, "val")); err == nil && n >= 0 {
					p.cur.outline = n + 1
				}
			case isW(t.Name, "sectPr"):
				p.cur.keep("it carries section properties")
			}
			if _, err := p.skip(); err != nil {
				return err
			}
		}
	}
}

func (p *parser) inInstruction() bool {
	for _, result := range p.fields {
		if !result {
			return true
		}
	}
	return false
}

var specialText = map[string]string{
	"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n",
	"noBreakHyphen": "\u2011", "softHyphen": "\u00AD",
}

func (p *parser) run(runOff, parentOff int, simpleField bool) error {
	para := p.cur
	ri := len(para.Runs)
	run := Run{Offset: runOff, Start: p.text.Len()}
	npieces := len(para.pieces)
	add := func(pc piece) {
		pc.run = ri
		pc.field = simpleField || len(p.fields) > 0
		pc.start = p.text.Len()
		p.text.WriteString(pc.text)
		pc.end = p.text.Len()
		para.pieces = append(para.pieces, pc)
	}
	for {
		t, s, e, err := p.next()
		if err != nil {
			return err
		}
		var se xml.StartElement
		switch t := t.(type) {
		case xml.EndElement:
			run.End = p.text.Len()
			if len(para.pieces) > npieces {
				for _, pc := range para.pieces[npieces:] {
					run.Field = run.Field || pc.field
				}
				run.parent = parentOff
				para.Runs = append(para.Runs, run)
			}
			return nil
		case xml.StartElement:
			se = t
		default:
			continue
		}
		n := se.Name
		local := n.Local
		switch {
		case isW(n, "rPr"):
			end, err := p.skip()
			if err != nil {
				return err
			}
			run.Props = string(p.data[s:end])
			continue
		case isW(n, "t"):
			pc, err := p.textElem(se, s, e)
			if err != nil {
				return err
			}
			if !p.inInstruction() {
				add(pc)
			}
			continue
		case isW(n, "delText"), isW(n, "instrText"), isW(n, "delInstrText"), isW(n, "lastRenderedPageBreak"):
			// Excluded text, or a rendering hint.
		case isW(n, "fldChar"):
			switch wAttr(se, "fldCharType") {
			case "begin":
				p.fields = append(p.fields, false)
			case "separate":
				if len(p.fields) > 0 {
					p.fields[len(p.fields)-1] = true
				}
			case "end":
				if len(p.fields) > 0 {
					p.fields = p.fields[:len(p.fields)-1]
				}
			}
			add(piece{kind: pBarrier, elem: local, off: s})
			para.keep("it holds a field")
		case specialText[local] != "" && isW(n, local):
			if !p.inInstruction() {
				add(piece{kind: pSpecial, elem: local, off: s, text: specialText[local]})
			}
		case isW(n, "sym"):
			if !p.inInstruction() {
				text := ""
				if c, err := strconv.ParseUint(wAttr(se, "char"), 16, 32); err == nil && utf8.ValidRune(rune(c)) && c != 0 {
					text = string(rune(c))
				}
				add(piece{kind: pSpecial, elem: local, off: s, text: text})
			}
		default: // drawing, pict, object, footnoteReference, footnoteRef, ...
			if !p.inInstruction() {
				add(piece{kind: pBarrier, elem: local, off: s})
				para.keep("it holds " + local)
			}
		}
		if _, err := p.skip(); err != nil {
			return err
		}
	}
}

// textElem reads a w:t element whose start tag spans [s, e).
func (p *parser) textElem(se xml.StartElement, s, e int) (piece, error) {
	pc := piece{kind: pText, elem: "t", off: s, tagEnd: e, cStart: e}
	for _, a := range se.Attr {
		if a.Name.Space == nsXML && a.Name.Local == "space" {
			pc.hasSpace, pc.space = true, a.Value
		}
	}
	var sb strings.Builder
	for {
		t, ts, te, err := p.next()
		if err != nil {
			return pc, err
		}
		switch t := t.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			// Not valid in w:t; keep it out of the text and refuse edits.
			pc.kind = pSpecial
			if _, err := p.skip(); err != nil {
				return pc, err
			}
		case xml.EndElement:
			pc.cEnd = ts
			pc.selfClose = ts == te
			pc.text = sb.String()
			return pc, nil
		}
	}
}
