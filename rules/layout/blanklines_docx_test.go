package layout

import (
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// A Word document's text is its paragraphs joined by line breaks: empty
// paragraphs, spaces at a paragraph's end and the missing final newline
// are not the file's layout, so blank-lines stays quiet there while the
// same text as a .txt file is reported.
func TestBlankLinesSkipsDocx(t *testing.T) {
	paras := []lint.SourceParagraph{
		{Text: "第一段。  "}, {Text: ""}, {Text: ""}, {Text: ""}, {Text: "第二段。"}, {Text: ""},
	}
	doc := lint.ParseParagraphs("draft.docx", paras)
	diags, errs := lint.Check(doc, []*lint.Rule{BlankLines})
	if len(errs) > 0 || len(diags) > 0 {
		t.Fatalf("docx: %d findings %v, errors %v", len(diags), diags, errs)
	}
	txt := lint.Parse("draft.txt", doc.Src, lint.FormatText)
	if diags, _ := lint.Check(txt, []*lint.Rule{BlankLines}); len(diags) == 0 {
		t.Fatal("the same text as a .txt file gives no finding; the test proves nothing")
	}
}
