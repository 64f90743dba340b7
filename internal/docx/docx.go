// Package docx reads the text of a Word .docx package as paragraphs and
// writes text edits back while leaving everything else untouched.
//
// Read extracts the body paragraphs in document order (table cells
// included), then the footnotes and endnotes. Each Paragraph keeps a map of
// its runs so that Apply can rewrite only the w:t elements an edit touches:
// the rewritten XML parts differ from the originals only inside those
// elements, and every other zip entry is copied raw, byte for byte.
//
// What counts as text: w:t in runs; w:tab and w:ptab as "\t"; w:br and w:cr
// as "\n"; w:noBreakHyphen as U+2011, w:softHyphen as U+00AD, w:sym as its
// character. Inserted text (w:ins, w:moveTo) is included; deleted text
// (w:del, w:moveFrom, w:delText) and field instructions (w:instrText and
// everything between a field's begin and separate marks) are not. Field
// results are included but read-only. Drawings, text boxes, embedded
// objects, math and AlternateContent are skipped; they act as barriers that
// edits may not span.
//
// Whitespace inside w:t is taken literally whether or not the element has
// xml:space="preserve".
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits against zip bombs and absurd inputs. Only the XML parts that Read
// parses are decompressed; other entries are never inflated, but the
// declared total of all entries is checked too.
const (
	MaxPartSize  = 64 << 20  // largest XML part Read decompresses
	MaxTotalSize = 256 << 20 // cap on the declared uncompressed total and on what Read inflates
	maxDepth     = 512       // XML nesting deeper than this is refused (stack safety)
	maxEntries   = 100000    // zip entries
)

// Sentinel errors, wrapped with detail by Read. Test with errors.Is.
var (
	ErrNotZip     = errors.New("not a .docx file (not a zip archive)")
	ErrNoDocument = errors.New("not a Word document: no word/document.xml")
	ErrTooLarge   = errors.New("docx exceeds size limits")
	ErrMalformed  = errors.New("malformed XML")
)

// Kind says where a paragraph lives.
type Kind int

// Paragraph kinds.
const (
	Body      Kind = iota // a paragraph of the main text
	TableCell             // a paragraph inside a table cell (w:tc), at any nesting depth
	Footnote              // a paragraph of a footnote (word/footnotes.xml)
	Endnote               // a paragraph of an endnote (word/endnotes.xml)
)

func (k Kind) String() string {
	switch k {
	case Body:
		return "body"
	case TableCell:
		return "table cell"
	case Footnote:
		return "footnote"
	case Endnote:
		return "endnote"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Document is a parsed .docx. It keeps the original bytes; Apply never
// modifies the Document, so it can be called more than once.
type Document struct {
	// Paragraphs: body (and table cells) in document order, then
	// footnotes, then endnotes. Edit.Para indexes this slice.
	Paragraphs []Paragraph

	data  []byte
	zr    *zip.Reader
	parts map[string][]byte // parsed XML parts by zip entry name
}

// Paragraph is one w:p element.
type Paragraph struct {
	Text         string // the paragraph's text (see the package comment)
	Kind         Kind
	Style        string // paragraph style id (w:pStyle w:val), "" if none
	StyleName    string // that style's w:name from styles.xml, if known
	HeadingLevel int    // 1..9 for headings, 0 otherwise
	NoteID       string // w:id of the footnote or endnote, for those kinds
	Part         string // zip entry holding the paragraph, e.g. "word/document.xml"
	Offset       int    // byte offset of the <w:p> start tag in Part
	Runs         []Run  // the runs that contribute text, in order

	end       int     // byte offset just past </w:p>
	outline   int     // direct w:outlineLvl + 1; 0 if absent
	pieces    []piece // text pieces and barriers, in text order
	keepWhy   string  // why the paragraph cannot be removed, "" if it can
	parentOff int     // offset of the element containing the w:p
}

// Run is one w:r element that contributes text or an object.
type Run struct {
	Start, End int     // byte range of the run's text in Paragraph.Text
	Offset     int     // byte offset of the <w:r> start tag in the part
	Props      string  // the run's <w:rPr> element verbatim, "" if none
	Field      bool    // the run is (part of) a field result: read-only
	Pieces     []Piece // where each piece of the run's text lives

	parent int // offset of the element containing the run
}

// Piece locates one text-bearing element of a run.
type Piece struct {
	Start, End int    // byte range in Paragraph.Text
	Offset     int    // byte offset of the element's start tag in the part
	Elem       string // local element name: "t", "tab", "br", "cr", "sym", ...
}

// Read parses a .docx package. Errors wrap ErrNotZip, ErrNoDocument,
// ErrTooLarge or ErrMalformed, and name the part at fault. The Document
// keeps data (Apply copies entries from it): do not modify it afterwards.
//
// The main part is found through _rels/.rels (falling back to
// word/document.xml), and styles, footnotes and endnotes through its
// relationships (falling back to the conventional names). Part names match
// case-insensitively, as OPC requires.
func Read(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// Insecure names do not matter: nothing is extracted to disk.
		return nil, fmt.Errorf("%w: %w", ErrNotZip, err)
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d zip entries", ErrTooLarge, len(zr.File))
	}
	var total uint64
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > MaxTotalSize {
			return nil, fmt.Errorf("%w: declared uncompressed size over %d MiB", ErrTooLarge, MaxTotalSize>>20)
		}
		// Every entry is copied raw when edits are written back; one whose
		// local header is damaged would fail only then, after the file was
		// judged readable. Refuse it now, with its name.
		if _, err := f.OpenRaw(); err != nil {
			return nil, fmt.Errorf("%w: damaged zip entry %q: %w", ErrMalformed, f.Name, err)
		}
		key := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := byName[key]; dup {
			return nil, fmt.Errorf("%w: duplicate zip entry %q", ErrNotZip, f.Name)
		}
		byName[key] = f
	}
	doc := &Document{data: data, zr: zr, parts: map[string][]byte{}}
	r := &reader{byName: byName, doc: doc}

	mainPart := r.target("_rels/.rels", "", "/officeDocument", "word/document.xml")
	if r.file(mainPart) == nil && mainPart != "word/document.xml" {
		mainPart = "word/document.xml"
	}
	if r.file(mainPart) == nil {
		return nil, ErrNoDocument
	}
	dir, base := path.Split(mainPart)
	rels := dir + "_rels/" + base + ".rels"
	stylesPart := r.target(rels, dir, "/styles", dir+"styles.xml")
	footPart := r.target(rels, dir, "/footnotes", dir+"footnotes.xml")
	endPart := r.target(rels, dir, "/endnotes", dir+"endnotes.xml")

	var st *styles
	if f := r.file(stylesPart); f != nil {
		b, err := r.read(f)
		if err != nil {
			return nil, err
		}
		if st, err = parseStyles(b); err != nil {
			return nil, fmt.Errorf("%w in %s: %w", ErrMalformed, f.Name, err)
		}
	}
	for _, p := range []struct {
		name string
		kind Kind
		must bool
	}{{mainPart, Body, true}, {footPart, Footnote, false}, {endPart, Endnote, false}} {
		f := r.file(p.name)
		if f == nil {
			continue
		}
		b, err := r.read(f)
		if err != nil {
			return nil, err
		}
		doc.parts[f.Name] = b
		paras, err := parsePart(f.Name, b, p.kind)
		if err != nil {
			return nil, fmt.Errorf("%w in %s: %w", ErrMalformed, f.Name, err)
		}
		for i := range paras {
			st.apply(&paras[i])
		}
		doc.Paragraphs = append(doc.Paragraphs, paras...)
	}
	return doc, nil
}

type reader struct {
	byName   map[string]*zip.File
	doc      *Document
	inflated uint64
	relCache map[string][]relationship
}

func (r *reader) file(name string) *zip.File {
	return r.byName[strings.ToLower(strings.TrimPrefix(name, "/"))]
}

// read inflates one entry within the limits; the declared size is not
// trusted.
func (r *reader) read(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: damaged zip entry %s: %w", ErrNotZip, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: damaged zip entry %s: %w", ErrNotZip, f.Name, err)
	}
	if len(b) > MaxPartSize {
		return nil, fmt.Errorf("%w: %s is over %d MiB uncompressed", ErrTooLarge, f.Name, MaxPartSize>>20)
	}
	r.inflated += uint64(len(b))
	if r.inflated > MaxTotalSize {
		return nil, fmt.Errorf("%w: over %d MiB uncompressed", ErrTooLarge, MaxTotalSize>>20)
	}
	return b, nil
}

// relationship is one entry of a .rels part.
type relationship struct {
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels parses a relationships part once; broken or missing parts give nil.
func (r *reader) rels(name string) []relationship {
	if got, ok := r.relCache[name]; ok {
		return got
	}
	var parsed struct {
		Rel []relationship `xml:"Relationship"`
	}
	if f := r.file(name); f != nil {
		if b, err := r.read(f); err == nil && xml.Unmarshal(b, &parsed) != nil {
			parsed.Rel = nil
		}
	}
	if r.relCache == nil {
		r.relCache = map[string][]relationship{}
	}
	r.relCache[name] = parsed.Rel
	return parsed.Rel
}

// target finds the first relationship in relsPart whose type ends with
// typeSuffix and returns its target resolved against dir, or def. Broken or
// missing relationship parts fall back to the conventional names, which is
// what nearly every producer uses anyway.
func (r *reader) target(relsPart, dir, typeSuffix, def string) string {
	for _, rel := range r.rels(relsPart) {
		if !strings.HasSuffix(rel.Type, typeSuffix) || strings.EqualFold(rel.Mode, "External") || rel.Target == "" {
			continue
		}
		if strings.HasPrefix(rel.Target, "/") {
			return path.Clean(rel.Target)[1:]
		}
		return strings.TrimPrefix(path.Clean("/"+dir+rel.Target), "/")
	}
	return def
}
