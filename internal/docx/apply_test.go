package docx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/internal/docx/docxtest"
)

// applyOK applies edits, requires the given number of rejections, and
// checks the invariants every Apply must keep: other entries untouched,
// nothing outside w:t changed, and the re-read text as expected.
func applyOK(t *testing.T, data []byte, edits []Edit, wantRejected int) (*Document, []byte, []Rejected) {
	t.Helper()
	d := mustRead(t, data)
	out, rej, err := d.Apply(edits)
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != wantRejected {
		t.Fatalf("rejected %d edits, want %d: %+v", len(rej), wantRejected, rej)
	}
	sameEntries(t, data, out, "word/document.xml", "word/footnotes.xml")
	for _, part := range []string{"word/document.xml", "word/footnotes.xml"} {
		if _, ok := d.parts[part]; !ok {
			continue
		}
		if !bytes.Equal(outsideText(d.parts[part]), outsideText(partBytes(t, out, part))) {
			t.Errorf("%s changed outside w:t elements", part)
		}
	}
	// Expected text, edit by edit, independent of Apply's bookkeeping.
	want := texts(d)
	isRejected := map[int]bool{}
	for _, r := range rej {
		isRejected[r.Index] = true
	}
	for i := len(edits) - 1; i >= 0; i-- { // edits in these tests are sorted and disjoint
		if e := edits[i]; !isRejected[i] {
			want[e.Para] = want[e.Para][:e.Start] + e.New + want[e.Para][e.End:]
		}
	}
	if got := texts(mustRead(t, out)); !reflect.DeepEqual(got, want) {
		t.Fatalf("re-read text\n got %q\nwant %q", got, want)
	}
	return d, out, rej
}

func TestApplyWithinRun(t *testing.T) {
	data := builtDoc()
	d := mustRead(t, data)
	p1 := d.Paragraphs[1].Text // 第一句，第二句。重点结尾
	i := strings.Index(p1, "第二")
	_, out, _ := applyOK(t, data, []Edit{
		{Para: 0, Start: 0, End: len("年度"), New: "季度"},
		{Para: 1, Start: i, End: i + len("第二"), New: "次"},
		{Para: 3, Start: 0, End: 0, New: "前言："},                         // insertion at start
		{Para: 10, Start: len("脚注内容"), End: len("脚注内容。"), New: "——补充。"}, // footnote
	}, 0)
	if !bytes.Contains(partBytes(t, out, "word/document.xml"), []byte("<w:t>第一句，</w:t></w:r><w:r><w:t>次句。</w:t>")) {
		t.Error("edit not in the expected w:t")
	}
	// No edits, or only no-op edits: the very same bytes.
	for _, edits := range [][]Edit{nil, {{Para: 0, Start: 3, End: 3}, {Para: 1, Start: 0, End: 3, New: "第"}}} {
		same, rej, err := d.Apply(edits)
		if err != nil || len(rej) != 0 || !bytes.Equal(same, data) {
			t.Errorf("no-op Apply(%v) changed the file (%v, %v)", edits, rej, err)
		}
	}
}

func TestApplyAcrossRuns(t *testing.T) {
	data := builtDoc()
	d := mustRead(t, data)
	p1 := d.Paragraphs[1].Text // runs: 第一句， | 第二句。 | 重点(bold) | 结尾
	a := strings.Index(p1, "句，第")
	b := strings.Index(p1, "。重")
	c := strings.Index(p1, "点结")
	_, out, rej := applyOK(t, data, []Edit{
		{Para: 1, Start: a, End: a + len("句，第"), New: "句；第"},          // plain|plain: applied
		{Para: 1, Start: b, End: b + len("。重"), New: "。"},             // plain|bold: rejected
		{Para: 1, Start: c, End: c + len("点结"), New: "点与结"},           // bold|plain: rejected
		{Para: 8, Start: 0, End: len("小节标题"), New: "小结"},              // plain|italic: rejected
		{Para: 9, Start: 0, End: 3, New: "x"},                         // crosses a tab
		{Para: 3, Start: len("正文"), End: len("正文 with"), New: "（英文）"}, // plain, one run
	}, 4)
	for _, r := range rej {
		switch r.Index {
		case 1, 2, 3:
			if r.Reason != "the edit crosses runs with different formatting" {
				t.Errorf("edit %d: %s", r.Index, r.Reason)
			}
		case 4:
			if r.Reason != "the edit touches a tab" {
				t.Errorf("edit %d: %s", r.Index, r.Reason)
			}
		default:
			t.Errorf("edit %d rejected: %s", r.Index, r.Reason)
		}
	}
	// The replacement went to the first run; the second lost its "第".
	if !bytes.Contains(partBytes(t, out, "word/document.xml"), []byte("<w:t>第一句；第</w:t></w:r><w:r><w:t>二句。</w:t>")) {
		t.Error("cross-run edit not distributed as expected")
	}
}

func TestApplyXMLDetails(t *testing.T) {
	body := `<w:p><w:r><w:t>a</w:t></w:r><w:r><w:t/></w:r><w:r><w:t xml:space="default">b</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve"> c </w:t></w:r></w:p>`
	data := rawDocx(t, body, nil)
	_, out, _ := applyOK(t, data, []Edit{
		{Para: 0, Start: 0, End: 1, New: "<&> "},
		{Para: 0, Start: 2, End: 2, New: " tail "}, // appended to "b" (preceding run)
		{Para: 1, Start: 1, End: 2, New: "d"},
	}, 0)
	doc := string(partBytes(t, out, "word/document.xml"))
	for _, want := range []string{
		`<w:t xml:space="preserve">&lt;&amp;&gt; </w:t>`,
		`<w:r><w:t/></w:r>`,
		`<w:t xml:space="preserve">b tail </w:t>`,
		`<w:t xml:space="preserve"> d </w:t>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("missing %s in %s", want, doc)
		}
	}

	// An empty self-closing w:t is used when it is the only place to
	// insert.
	data = rawDocx(t, `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t/></w:r></w:p>`, nil)
	_, out, _ = applyOK(t, data, []Edit{{Para: 0, Start: 0, End: 0, New: "新 "}}, 0)
	if !strings.Contains(string(partBytes(t, out, "word/document.xml")), `<w:t xml:space="preserve">新 </w:t>`) {
		t.Error("self-closing w:t not expanded")
	}
}

func TestApplyRejections(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">见 </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t>页</w:t></w:r></w:p>` + // 见 12页
		`<w:p><w:r><w:t>图</w:t></w:r><w:r><w:drawing/></w:r><w:r><w:t>下</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>正文</w:t></w:r><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>` +
		`<w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>` +
		`<w:p><w:r><w:drawing/></w:r></w:p>`
	data := rawDocx(t, body, nil)
	d := mustRead(t, data)
	if got := texts(d); !reflect.DeepEqual(got, []string{"见 12页", "图下", "正文链接", "甲\n乙", ""}) {
		t.Fatalf("texts %q", got)
	}
	cases := []struct {
		e      Edit
		reason string
	}{
		{Edit{Para: 0, Start: 4, End: 5, New: "3"}, "the edit touches a field result"},
		{Edit{Para: 0, Start: 5, End: 5, New: "3"}, "the insertion point is inside a field result"},
		{Edit{Para: 0, Start: 3, End: 9, New: "x"}, "the edit spans a field mark"},
		{Edit{Para: 1, Start: 0, End: 6, New: "图"}, "the edit spans an embedded object (drawing)"},
		{Edit{Para: 2, Start: 3, End: 9, New: "x"}, "the edit crosses a hyperlink, tracked-change or content-control boundary"},
		{Edit{Para: 3, Start: 3, End: 4, New: ""}, "the edit touches a line break"},
		{Edit{Para: 3, Start: 0, End: 3, New: "a\tb"}, "the new text contains a tab (Word needs a w:tab element; not supported)"},
		{Edit{Para: 3, Start: 0, End: 3, New: "a\nb"}, "the new text contains a line break (Word needs a w:br element or a new paragraph; not supported)"},
		{Edit{Para: 3, Start: 0, End: 3, New: "a\x01"}, "the new text contains U+0001, which XML cannot hold"},
		{Edit{Para: 3, Start: 0, End: 3, New: "\xff"}, "the new text is not valid UTF-8"},
		{Edit{Para: 3, Start: 1, End: 3, New: "x"}, "range boundary falls inside a character"},
		{Edit{Para: 3, Start: 0, End: 99, New: "x"}, "range 0..99 is outside the paragraph text (length 7)"},
		{Edit{Para: 3, Start: 3, End: 2}, "range 3..2 is outside the paragraph text (length 7)"},
		{Edit{Para: 9}, "paragraph 9 does not exist (the document has 5)"},
		{Edit{Para: -1}, "paragraph -1 does not exist (the document has 5)"},
		{Edit{Para: 4, Start: 0, End: 0, New: "x"}, "no editable text run at the insertion point"},
		{Edit{Para: 0, DropParagraph: true, End: 9}, "cannot remove the paragraph cleanly: it holds a field"},
		{Edit{Para: 4, DropParagraph: true}, "cannot remove the paragraph cleanly: it holds drawing"},
		{Edit{Para: 2, DropParagraph: true, End: 3}, "removing a paragraph needs Start 0, End at the end of its text and no new text"},
	}
	for _, c := range cases {
		out, rej, err := d.Apply([]Edit{c.e})
		if err != nil {
			t.Fatal(err)
		}
		if len(rej) != 1 || rej[0].Reason != c.reason || rej[0].Index != 0 || rej[0].Edit != c.e {
			t.Errorf("%+v: rejected %+v, want %q", c.e, rej, c.reason)
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%+v: output changed although nothing was applied", c.e)
		}
	}

	// Overlaps: the later edit is rejected, whatever the order.
	_, _, rej := applyOK(t, data, []Edit{
		{Para: 2, Start: 0, End: 6, New: "文"},
		{Para: 2, Start: 3, End: 3, New: "x"},
		{Para: 2, Start: 3, End: 6, New: "y"},
	}, 2)
	if rej[0].Reason != "overlaps edit #0" || rej[1].Reason != "overlaps edit #0" {
		t.Errorf("overlap reasons %+v", rej)
	}
}

func TestApplyEmptyPieces(t *testing.T) {
	// An empty w:t with other formatting between two plain runs does not
	// block an edit across them; an empty w:sym does.
	data := rawDocx(t, `<w:p><w:r><w:t>ab</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t/></w:r><w:r><w:t>cd</w:t></w:r>`+
		`<w:r><w:sym w:char="zz"/></w:r><w:r><w:t>ef</w:t></w:r></w:p>`, nil)
	_, _, rej := applyOK(t, data, []Edit{
		{Para: 0, Start: 1, End: 3, New: "X"},
		{Para: 0, Start: 3, End: 5, New: "Y"},
	}, 1)
	if rej[0].Index != 1 || rej[0].Reason != "the edit spans a symbol" {
		t.Errorf("%+v", rej)
	}
}

func TestBuildDeterministic(t *testing.T) {
	if !bytes.Equal(builtDoc(), builtDoc()) {
		t.Error("docxtest.Build output differs between calls")
	}
}

func TestApplyMultipleEditsPerRun(t *testing.T) {
	data := rawDocx(t, `<w:p><w:r><w:t>abcdef</w:t></w:r><w:r><w:t>ghi</w:t></w:r></w:p>`, nil)
	applyOK(t, data, []Edit{
		{Para: 0, Start: 0, End: 1, New: "A"},
		{Para: 0, Start: 2, End: 2, New: "+"},
		{Para: 0, Start: 2, End: 4, New: "CD"},
		{Para: 0, Start: 5, End: 7, New: "FG"}, // across runs
		{Para: 0, Start: 9, End: 9, New: "!"},  // end of the paragraph
	}, 0)
}

func TestApplyDropParagraph(t *testing.T) {
	data := docxtest.Build([]docxtest.Paragraph{
		{Text: "保留"}, {Text: "删除这一段"}, {Table: [][]string{{"格"}}}, {Text: "最后"},
	})
	d := mustRead(t, data)
	out, rej, err := d.Apply([]Edit{
		{Para: 1, End: len("删除这一段"), DropParagraph: true},
		{Para: 1, Start: 0, End: 3, New: "x"},          // paragraph is being removed
		{Para: 2, End: len("格"), DropParagraph: true},  // only paragraph of its cell
		{Para: 3, End: len("最后"), DropParagraph: true}, // last paragraph of the body
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != 3 || rej[0].Reason != "the paragraph is being removed by an earlier edit" ||
		!strings.Contains(rej[1].Reason, "last paragraph of its container") || !strings.Contains(rej[2].Reason, "last paragraph") {
		t.Fatalf("rejections %+v", rej)
	}
	if got := texts(mustRead(t, out)); !reflect.DeepEqual(got, []string{"保留", "格", "最后"}) {
		t.Fatalf("after removal: %q", got)
	}
	sameEntries(t, data, out, "word/document.xml")
	before, after := string(d.parts["word/document.xml"]), string(partBytes(t, out, "word/document.xml"))
	if strings.Replace(before, "<w:p><w:r><w:t>删除这一段</w:t></w:r></w:p>", "", 1) != after {
		t.Error("removal changed more than the w:p element")
	}
}

// The sample report as a .docx: edits inside runs and across the run splits
// at Chinese punctuation all apply, and the text reads back as edited.
func TestApplySampleReport(t *testing.T) {
	paras := docxtest.FromText(readSample(t))
	data := docxtest.Build(paras)
	d := mustRead(t, data)
	var edits []Edit
	for i, p := range d.Paragraphs {
		// Replace each "，" plus the following character (a run split) and
		// each "中国式现代化" (inside runs).
		for off := 0; ; {
			j := strings.Index(p.Text[off:], "，")
			if j < 0 {
				break
			}
			j += off
			_, n := utf8.DecodeRuneInString(p.Text[j+len("，"):])
			edits = append(edits, Edit{Para: i, Start: j, End: j + len("，") + n, New: ", " + p.Text[j+len("，"):j+len("，")+n]})
			off = j + len("，") + n
		}
	}
	more := append([]Edit(nil), edits...)
	for i, p := range d.Paragraphs {
		if j := strings.Index(p.Text, "中国式现代化"); j >= 0 {
			clash := false
			for _, e := range edits {
				if e.Para == i && e.Start < j+len("中国式现代化") && j < e.End {
					clash = true
				}
			}
			if !clash {
				more = append(more, Edit{Para: i, Start: j, End: j + len("中国式现代化"), New: "中国式现代化建设"})
			}
		}
	}
	if len(more) < 50 {
		t.Fatalf("only %d edits", len(more))
	}
	out, rej, err := d.Apply(more)
	if err != nil || len(rej) != 0 {
		t.Fatalf("Apply: %v, rejected %+v", err, rej)
	}
	want := texts(d)
	for i := range want {
		var ops []op
		for k, e := range more {
			if e.Para == i {
				ops = append(ops, op{e.Start, e.End, e.New, k})
			}
		}
		want[i] = applyOps(want[i], ops)
	}
	if got := texts(mustRead(t, out)); !reflect.DeepEqual(got, want) {
		t.Fatal("sample report does not read back as edited")
	}
	sameEntries(t, data, out, "word/document.xml")
	if !bytes.Equal(outsideText(d.parts["word/document.xml"]), outsideText(partBytes(t, out, "word/document.xml"))) {
		t.Error("document.xml changed outside w:t")
	}
}

// Entries other than the rewritten part are copied raw, including stored
// (uncompressed) binary entries, odd extra fields and the zip comment.
func TestApplyKeepsOtherEntries(t *testing.T) {
	data := rawDocx(t, `<w:p><w:r><w:t>文字</w:t></w:r></w:p>`, map[string]string{
		"word/media/image1.png": "\x89PNG\r\n\x1a\n\x00\x00binary",
		"word/comments.xml":     `<w:comments ` + wNS + `/>`,
		"customXml/item1.xml":   `<x>data</x>`,
	})
	d := mustRead(t, data)
	out, _, err := d.Apply([]Edit{{Para: 0, Start: 0, End: 3, New: "汉"}})
	if err != nil {
		t.Fatal(err)
	}
	sameEntries(t, data, out, "word/document.xml")
	// Apply can be called again on the same Document.
	out2, _, err := d.Apply([]Edit{{Para: 0, Start: 0, End: 3, New: "汉"}})
	if err != nil || !bytes.Equal(out, out2) {
		t.Error("second Apply differs")
	}
}
