package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Edit replaces the bytes [Start, End) of Paragraphs[Para].Text with New.
// Start == End inserts. An edit never crosses a paragraph boundary.
//
// DropParagraph removes the whole w:p element instead; it requires Start 0,
// End len(Text) and New "", and is refused unless the removal is clean: the
// paragraph is not the last of its container (body, cell, note) and holds
// no section properties, fields, bookmarks, comment anchors, tracked
// changes or objects.
type Edit struct {
	Para          int
	Start, End    int
	New           string
	DropParagraph bool
}

// Rejected is an edit Apply did not make, and why.
type Rejected struct {
	Index  int // position in the edits passed to Apply
	Edit   Edit
	Reason string
}

// op is an edit local to one w:t piece.
type op struct {
	start, end int
	text       string
	idx        int
}

type pieceRef struct{ para, piece int }

// Apply makes the edits it safely can and returns the new .docx. An edit is
// applied when it lies within one run, or spans several runs with
// byte-identical w:rPr in the same container (the replacement text goes to
// the first of them, the others lose the replaced part). Edits are rejected,
// with a reason, when they cross runs with different formatting or
// containers (hyperlinks, tracked changes, content controls), touch a tab,
// break, symbol or field result, span an object, insert tabs, line breaks or
// characters XML cannot hold, fall outside the paragraph or inside a
// character, or overlap an earlier accepted edit.
//
// Only the XML parts holding edited paragraphs are rewritten, and only
// inside the edited w:t elements (plus xml:space="preserve" on a w:t whose
// new text starts or ends with a space, or removal of a dropped w:p); every
// other zip entry is copied raw. If nothing is applied the original bytes
// are returned. The result is read back and checked against the expected
// text before it is returned; a mismatch is an error, not a bad file.
func (d *Document) Apply(edits []Edit) ([]byte, []Rejected, error) {
	var rejected []Rejected
	accepted := map[int][]op{} // per paragraph, in Text coordinates
	ops := map[pieceRef][]op{}
	drops := map[int]bool{}
	for i, ed := range edits {
		reason := d.plan(i, ed, accepted, ops, drops)
		if reason != "" {
			rejected = append(rejected, Rejected{Index: i, Edit: ed, Reason: reason})
		}
	}

	repl := map[string][]replacement{}
	for ref, list := range ops {
		para := &d.Paragraphs[ref.para]
		pc := &para.pieces[ref.piece]
		rs, err := rewritePiece(d.parts[para.Part], pc, applyOps(pc.text, list))
		if err != nil {
			return nil, rejected, err
		}
		repl[para.Part] = append(repl[para.Part], rs...)
	}
	for i := range drops {
		para := &d.Paragraphs[i]
		repl[para.Part] = append(repl[para.Part], replacement{para.Offset, para.end, ""})
	}
	if len(repl) == 0 {
		return bytes.Clone(d.data), rejected, nil
	}

	newParts := map[string][]byte{}
	for part, rs := range repl {
		b, err := splice(d.parts[part], rs)
		if err != nil {
			return nil, rejected, err
		}
		newParts[part] = b
	}
	out, err := d.writeZip(newParts)
	if err != nil {
		return nil, rejected, err
	}
	if err := d.verify(out, accepted, drops); err != nil {
		return nil, rejected, err
	}
	return out, rejected, nil
}

// plan validates one edit and records its piece operations; it returns a
// rejection reason or "".
func (d *Document) plan(idx int, ed Edit, accepted map[int][]op, ops map[pieceRef][]op, drops map[int]bool) string {
	if ed.Para < 0 || ed.Para >= len(d.Paragraphs) {
		return fmt.Sprintf("paragraph %d does not exist (the document has %d)", ed.Para, len(d.Paragraphs))
	}
	para := &d.Paragraphs[ed.Para]
	text := para.Text
	if drops[ed.Para] {
		return "the paragraph is being removed by an earlier edit"
	}
	if ed.DropParagraph {
		switch {
		case ed.Start != 0 || ed.End != len(text) || ed.New != "":
			return "removing a paragraph needs Start 0, End at the end of its text and no new text"
		case para.keepWhy != "":
			return "cannot remove the paragraph cleanly: " + para.keepWhy
		case len(accepted[ed.Para]) > 0:
			return "cannot remove a paragraph that other edits change"
		}
		drops[ed.Para] = true
		return ""
	}
	if ed.Start < 0 || ed.Start > ed.End || ed.End > len(text) {
		return fmt.Sprintf("range %d..%d is outside the paragraph text (length %d)", ed.Start, ed.End, len(text))
	}
	if ed.Start < len(text) && !utf8.RuneStart(text[ed.Start]) || ed.End < len(text) && !utf8.RuneStart(text[ed.End]) {
		return "range boundary falls inside a character"
	}
	if why := badNewText(ed.New); why != "" {
		return why
	}
	if ed.Start == ed.End && ed.New == "" || text[ed.Start:ed.End] == ed.New {
		return "" // nothing to do
	}
	for _, a := range accepted[ed.Para] {
		if max(a.start, ed.Start) < min(a.end, ed.End) ||
			a.start < ed.Start && ed.Start < a.end ||
			ed.Start < a.start && a.start < ed.End {
			return fmt.Sprintf("overlaps edit #%d", a.idx)
		}
	}

	var local []struct {
		piece int
		o     op
	}
	if ed.Start < ed.End {
		first := -1
		for k := range para.pieces {
			pc := &para.pieces[k]
			if pc.kind == pBarrier || pc.start == pc.end {
				// Empty w:t elements inside the range are left alone; an
				// empty symbol or an object is a barrier.
				if pc.kind != pText && ed.Start < pc.start && pc.start < ed.End {
					return "the edit spans " + describe(pc.elem)
				}
				continue
			}
			if pc.end <= ed.Start || pc.start >= ed.End {
				continue
			}
			if pc.kind != pText {
				return "the edit touches " + describe(pc.elem)
			}
			if pc.field {
				return "the edit touches a field result"
			}
			if first < 0 {
				first = k
			} else {
				a, b := &para.Runs[para.pieces[first].run], &para.Runs[pc.run]
				if a.Props != b.Props {
					return "the edit crosses runs with different formatting"
				}
				if a.parent != b.parent {
					return "the edit crosses a hyperlink, tracked-change or content-control boundary"
				}
			}
			o := op{start: max(ed.Start, pc.start) - pc.start, end: min(ed.End, pc.end) - pc.start, idx: idx}
			if k == first {
				o.text = ed.New
			}
			local = append(local, struct {
				piece int
				o     op
			}{k, o})
		}
		if first < 0 {
			return "no text run at this position"
		}
	} else {
		k, why := insertionTarget(para, ed.Start)
		if why != "" {
			return why
		}
		pc := &para.pieces[k]
		local = append(local, struct {
			piece int
			o     op
		}{k, op{start: ed.Start - pc.start, end: ed.Start - pc.start, text: ed.New, idx: idx}})
	}
	for _, l := range local {
		ref := pieceRef{ed.Para, l.piece}
		ops[ref] = append(ops[ref], l.o)
	}
	accepted[ed.Para] = append(accepted[ed.Para], op{start: ed.Start, end: ed.End, text: ed.New, idx: idx})
	return ""
}

// insertionTarget picks the w:t that receives text inserted at pos: the one
// containing pos, else the one ending there (typing continues the preceding
// run's formatting), else the one starting there, else an empty one there.
func insertionTarget(para *Paragraph, pos int) (int, string) {
	editable := func(pc *piece) bool { return pc.kind == pText && !pc.field }
	best, rank := -1, 99
	for k := range para.pieces {
		pc := &para.pieces[k]
		if pc.kind == pBarrier {
			continue
		}
		switch {
		case pc.start < pos && pos < pc.end:
			if pc.kind != pText {
				return -1, "the insertion point is inside " + describe(pc.elem)
			}
			if pc.field {
				return -1, "the insertion point is inside a field result"
			}
			return k, ""
		case !editable(pc):
		case pc.end == pos && pc.start < pc.end && rank > 0:
			best, rank = k, 0
		case pc.start == pos && pc.start < pc.end && rank > 1:
			best, rank = k, 1
		case pc.start == pos && pc.end == pos && rank > 2:
			best, rank = k, 2
		}
	}
	if best < 0 {
		return -1, "no editable text run at the insertion point"
	}
	return best, ""
}

func describe(elem string) string {
	switch elem {
	case "tab", "ptab":
		return "a tab"
	case "br", "cr":
		return "a line break"
	case "sym":
		return "a symbol"
	case "noBreakHyphen", "softHyphen":
		return "a special hyphen"
	case "fldChar":
		return "a field mark"
	case "footnoteReference", "endnoteReference", "footnoteRef", "endnoteRef":
		return "a note reference"
	case "drawing", "pict", "object":
		return "an embedded object (" + elem + ")"
	case "t":
		return "a w:t with unexpected markup"
	}
	return "a <" + elem + "> element"
}

// badNewText rejects characters that cannot go into w:t as plain text.
func badNewText(s string) string {
	if !utf8.ValidString(s) {
		return "the new text is not valid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\t':
			return "the new text contains a tab (Word needs a w:tab element; not supported)"
		case r == '\n' || r == '\r':
			return "the new text contains a line break (Word needs a w:br element or a new paragraph; not supported)"
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			return fmt.Sprintf("the new text contains %U, which XML cannot hold", r)
		}
	}
	return ""
}

func applyOps(text string, list []op) string {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end < b.end
		}
		return a.idx < b.idx
	})
	var b strings.Builder
	cur := 0
	for _, o := range list {
		b.WriteString(text[cur:o.start])
		b.WriteString(o.text)
		cur = o.end
	}
	b.WriteString(text[cur:])
	return b.String()
}

type replacement struct {
	start, end int
	text       string
}

var xmlSpaceAttr = regexp.MustCompile(`xml:space\s*=\s*("[^"]*"|'[^']*')`)

// rewritePiece returns the replacements that turn the w:t of pc into one
// holding newText.
func rewritePiece(data []byte, pc *piece, newText string) ([]replacement, error) {
	if newText == pc.text {
		return nil, nil
	}
	content := escapeText(newText)
	needPreserve := newText != "" && (isXMLSpace(newText[0]) || isXMLSpace(newText[len(newText)-1]))
	tag := string(data[pc.off:pc.tagEnd])
	if !strings.HasPrefix(tag, "<") || !strings.HasSuffix(tag, ">") {
		return nil, fmt.Errorf("docx: internal error: unexpected start tag %q", tag)
	}
	open := strings.TrimSuffix(tag, ">")
	if pc.selfClose {
		open = strings.TrimSuffix(open, "/")
	}
	open = strings.TrimRight(open, " \t\r\n")
	if needPreserve && pc.space != "preserve" {
		if pc.hasSpace {
			open = xmlSpaceAttr.ReplaceAllLiteralString(open, `xml:space="preserve"`)
		} else {
			open += ` xml:space="preserve"`
		}
	} else if !pc.selfClose {
		open = "" // start tag unchanged
	}
	if pc.selfClose {
		name := strings.TrimPrefix(open, "<")
		if i := strings.IndexAny(name, " \t\r\n"); i >= 0 {
			name = name[:i]
		}
		return []replacement{{pc.off, pc.tagEnd, open + ">" + content + "</" + name + ">"}}, nil
	}
	var rs []replacement
	if open != "" {
		rs = append(rs, replacement{pc.off, pc.tagEnd, open + ">"})
	}
	return append(rs, replacement{pc.cStart, pc.cEnd, content}), nil
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// escapeText escapes for element content. A CR must be a character
// reference or the parser would turn it into LF.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "&<>\r") {
		return s
	}
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;").Replace(s)
}

func splice(data []byte, rs []replacement) ([]byte, error) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].start < rs[j].start })
	var out bytes.Buffer
	cur := 0
	for _, r := range rs {
		if r.start < cur || r.end < r.start || r.end > len(data) {
			return nil, fmt.Errorf("docx: internal error: overlapping rewrites at %d", r.start)
		}
		out.Write(data[cur:r.start])
		out.WriteString(r.text)
		cur = r.end
	}
	out.Write(data[cur:])
	return out.Bytes(), nil
}

// writeZip copies every entry raw except the rewritten parts.
func (d *Document) writeZip(newParts map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(d.data) + 1024)
	zw := zip.NewWriter(&buf)
	for _, f := range d.zr.File {
		b, ok := newParts[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return nil, fmt.Errorf("docx: copying %s: %w", f.Name, err)
			}
			continue
		}
		fh := f.FileHeader
		// Keep the DOS time fields as they are; a non-zero Modified would
		// make the writer add a second extended-timestamp field.
		fh.Modified = time.Time{}
		fh.Extra = dropZip64Extra(fh.Extra)
		if fh.Method != zip.Store {
			fh.Method = zip.Deflate
		}
		w, err := zw.CreateHeader(&fh)
		if err != nil {
			return nil, fmt.Errorf("docx: writing %s: %w", f.Name, err)
		}
		if _, err := w.Write(b); err != nil {
			return nil, fmt.Errorf("docx: writing %s: %w", f.Name, err)
		}
	}
	if d.zr.Comment != "" {
		if err := zw.SetComment(d.zr.Comment); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dropZip64Extra removes the zip64 extended information field, whose sizes
// would be stale once the entry is rewritten; the writer adds its own when
// needed.
func dropZip64Extra(extra []byte) []byte {
	var out []byte
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra)
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		if 4+n > len(extra) {
			out = append(out, extra...)
			break
		}
		if id != 0x0001 {
			out = append(out, extra[:4+n]...)
		}
		extra = extra[4+n:]
	}
	return append(out, extra...)
}

// verify reads the new package back and checks every paragraph's text
// against the edits, so that a rewrite bug surfaces as an error rather than
// as a damaged file.
func (d *Document) verify(out []byte, accepted map[int][]op, drops map[int]bool) error {
	nd, err := Read(out)
	if err != nil {
		return fmt.Errorf("docx: internal error: rewritten document does not read back: %w", err)
	}
	j := 0
	for i := range d.Paragraphs {
		if drops[i] {
			continue
		}
		want := applyOps(d.Paragraphs[i].Text, accepted[i])
		if j >= len(nd.Paragraphs) || nd.Paragraphs[j].Text != want || nd.Paragraphs[j].Kind != d.Paragraphs[i].Kind {
			return fmt.Errorf("docx: internal error: paragraph %d does not read back as edited", i)
		}
		j++
	}
	if j != len(nd.Paragraphs) {
		return fmt.Errorf("docx: internal error: rewritten document has %d paragraphs, want %d", len(nd.Paragraphs), j)
	}
	return nil
}
