package cli

import (
	"bytes"
	"errors"

	"github.com/draftlint/draftlint/internal/docx"
	"github.com/draftlint/draftlint/lint"
)

// docxFile is a Word package together with the lint document made from
// it; fixes are made on the package (docx.Apply keeps everything but the
// edited w:t elements byte-identical) and the document is rebuilt from
// what the new package reads back as.
type docxFile struct {
	pkg  *docx.Document
	data []byte
	doc  *lint.Document
}

// loadDocx reads a .docx into a paragraph document: one paragraph per
// paragraph of the body (tables' cells included), then footnotes and
// endnotes, in the order and numbering docx.Read gives them.
func loadDocx(path string, data []byte) (*lint.Document, error) {
	pkg, err := docx.Read(data)
	if err != nil {
		return nil, err
	}
	paras := make([]lint.SourceParagraph, len(pkg.Paragraphs))
	for i, p := range pkg.Paragraphs {
		sp := lint.SourceParagraph{Text: p.Text, Kind: lint.Paragraph}
		switch p.Kind {
		case docx.TableCell:
			sp.Kind = lint.TableCell
		case docx.Footnote, docx.Endnote:
			sp.Kind = lint.Note
		default:
			if p.HeadingLevel > 0 {
				sp.Kind, sp.Level = lint.Heading, p.HeadingLevel
			}
		}
		paras[i] = sp
	}
	doc := lint.ParseParagraphs(path, paras)
	f := &docxFile{pkg: pkg, data: data, doc: doc}
	doc.Apply = f.apply
	doc.Encoding = &lint.Encoding{Name: "docx", TextDiff: true, Encode: f.encode}
	return doc, nil
}

// encode returns the package whose text is fixed: the one this document
// was read from.
func (f *docxFile) encode(fixed []byte) ([]byte, error) {
	if !bytes.Equal(fixed, f.doc.Src) {
		return nil, errors.New("internal error: Word text changed outside its package")
	}
	return f.data, nil
}

// apply makes one round of fixes in the package. Edits that would join or
// split paragraphs, or that docx.Apply refuses (across differently
// formatted runs, hyperlinks or tracked changes, into tabs, breaks and
// fields), come back as refusals by edit index.
func (f *docxFile) apply(doc *lint.Document, edits []lint.Edit) (*lint.Document, map[int]string, error) {
	pe, refused := doc.ParagraphEdits(edits)
	if len(refused) > 0 {
		return nil, refused, nil
	}
	de := make([]docx.Edit, len(pe))
	for i, e := range pe {
		de[i] = docx.Edit{Para: e.Para, Start: e.Start, End: e.End, New: e.New, DropParagraph: e.Drop}
	}
	out, rej, err := f.pkg.Apply(de)
	if err != nil {
		return nil, nil, err
	}
	if len(rej) > 0 {
		refused = map[int]string{}
		for _, r := range rej {
			refused[pe[r.Index].Edit] = "Word: " + r.Reason
		}
		return nil, refused, nil
	}
	next, err := loadDocx(doc.Path, out)
	if err != nil {
		return nil, nil, err
	}
	return next, nil, nil
}
