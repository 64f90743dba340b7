package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// Word documents are located by paragraph: draft.docx:¶P:C in text,
// "paragraph" (and "endParagraph") in JSON; text files keep line:col and
// have no paragraph keys.
func TestParagraphPositions(t *testing.T) {
	docx := lint.ParseParagraphs("draft.docx", []lint.SourceParagraph{
		{Text: "标题", Kind: lint.Heading, Level: 1}, {Text: ""}, {Text: "会议审议了工作安排(草案)。"},
	})
	txt := lint.Parse("draft.txt", []byte("标题\n\n会议审议了工作安排(草案)。\n"), lint.FormatText)
	var res lint.Result
	for _, d := range []*lint.Document{docx, txt} {
		off := strings.Index(string(d.Src), "(草案)")
		dg := lint.Diagnostic{Rule: "halfwidth-punct", Severity: lint.Warning, Message: "half-width parentheses",
			Path: d.Path, Start: d.Pos(off), End: d.Pos(off + len("(草案)")), SourceLine: d.LineText(3),
			Related: []lint.Related{{Path: d.Path, Start: d.Pos(0), End: d.Pos(6), Message: "heading"}}}
		res.Files = append(res.Files, &lint.FileResult{Path: d.Path, Format: d.Format, Diagnostics: []lint.Diagnostic{dg}})
	}
	var text bytes.Buffer
	rep, _ := New("text", Options{})
	if err := rep.Report(&text, &res); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"draft.docx:¶3:10: warning: half-width parentheses", "  = note: draft.docx:¶1:1: heading",
		"draft.txt:3:10: warning: half-width parentheses", "  = note: draft.txt:1:1: heading",
		"    会议审议了工作安排(草案)。\n                      ^^^^^^\n",
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, text.String())
		}
	}
	var js bytes.Buffer
	rep, _ = New("json", Options{})
	if err := rep.Report(&js, &res); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Diagnostics []map[string]any `json:"diagnostics"`
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	d, tx := out.Diagnostics[0], out.Diagnostics[1]
	if d["paragraph"] != 3.0 || d["endParagraph"] != 3.0 || d["line"] != 3.0 || d["column"] != 10.0 || d["endColumn"] != 14.0 {
		t.Errorf("docx JSON %v", d)
	}
	if rel := d["related"].([]any)[0].(map[string]any); rel["paragraph"] != 1.0 {
		t.Errorf("related %v", rel)
	}
	if _, ok := tx["paragraph"]; ok || tx["line"] != 3.0 || tx["column"] != 10.0 {
		t.Errorf("text JSON %v", tx)
	}
	if i, j := strings.Index(js.String(), `"paragraph"`), strings.Index(js.String(), `"line"`); i < 0 || i > j {
		t.Error(`"paragraph" must come just before "line"`)
	}
}
