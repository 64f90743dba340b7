package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/docx/docxtest"
)

func builtDoc() []byte {
	return docxtest.Build([]docxtest.Paragraph{
		{Heading: 1, Text: "年度报告"},
		{Runs: []docxtest.Run{{Text: "第一句，"}, {Text: "第二句。"}, {Text: "重点", Bold: true}, {Text: "结尾"}}},
		{Heading: 2, Text: "二、情况"},
		{Text: "正文 with English & <symbols>", Footnote: "脚注内容。"},
		{Table: [][]string{{"项目", "数量"}, {"甲", "1"}}},
		{Heading: 3, Runs: []docxtest.Run{{Text: "小节"}, {Text: "标题", Italic: true}}},
		{Runs: []docxtest.Run{{Text: "a\tb\nc"}}},
	})
}

func TestReadBuilt(t *testing.T) {
	d := mustRead(t, builtDoc())
	type row struct {
		text  string
		kind  Kind
		style string
		level int
		runs  int
	}
	want := []row{
		{"年度报告", Body, "Heading1", 1, 1},
		{"第一句，第二句。重点结尾", Body, "", 0, 4},
		{"二、情况", Body, "Heading2", 2, 1},
		{"正文 with English & <symbols>", Body, "", 0, 2}, // text run + footnote reference run
		{"项目", TableCell, "", 0, 1},
		{"数量", TableCell, "", 0, 1},
		{"甲", TableCell, "", 0, 1},
		{"1", TableCell, "", 0, 1},
		{"小节标题", Body, "Heading3", 3, 2},
		{"a\tb\nc", Body, "", 0, 1},
		{"脚注内容。", Footnote, "FootnoteText", 0, 2}, // footnoteRef run + text run
	}
	if len(d.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs: %q", len(d.Paragraphs), texts(d))
	}
	for i, w := range want {
		p := d.Paragraphs[i]
		got := row{p.Text, p.Kind, p.Style, p.HeadingLevel, len(p.Runs)}
		if got != w {
			t.Errorf("paragraph %d = %+v, want %+v", i, got, w)
		}
	}
	if d.Paragraphs[0].StyleName != "heading 1" || d.Paragraphs[10].NoteID != "1" || d.Paragraphs[10].Part != "word/footnotes.xml" {
		t.Errorf("style name %q, note id %q, part %q", d.Paragraphs[0].StyleName, d.Paragraphs[10].NoteID, d.Paragraphs[10].Part)
	}

	// The run map: ranges tile the text, bold props are recorded, offsets
	// point at the elements.
	p := d.Paragraphs[1]
	wantRanges := [][2]int{{0, 12}, {12, 24}, {24, 30}, {30, 36}}
	doc := d.parts["word/document.xml"]
	for i, r := range p.Runs {
		if r.Start != wantRanges[i][0] || r.End != wantRanges[i][1] {
			t.Errorf("run %d range %d..%d, want %v", i, r.Start, r.End, wantRanges[i])
		}
		if !bytes.HasPrefix(doc[r.Offset:], []byte("<w:r>")) {
			t.Errorf("run %d offset %d does not point at <w:r>", i, r.Offset)
		}
		for _, pc := range r.Pieces {
			if pc.Elem != "t" || !bytes.HasPrefix(doc[pc.Offset:], []byte("<w:t")) {
				t.Errorf("run %d piece %+v", i, pc)
			}
		}
		if bold := strings.Contains(r.Props, "<w:b/>"); bold != (i == 2) {
			t.Errorf("run %d props %q", i, r.Props)
		}
	}
	if !bytes.HasPrefix(doc[p.Offset:], []byte("<w:p>")) {
		t.Error("paragraph offset does not point at <w:p>")
	}
	tab := d.Paragraphs[9].Runs[0].Pieces
	if len(tab) != 5 || tab[1].Elem != "tab" || tab[3].Elem != "br" {
		t.Errorf("pieces of a\\tb\\nc: %+v", tab)
	}
}

func TestReadSampleReport(t *testing.T) {
	paras := docxtest.FromText(readSample(t))
	d := mustRead(t, docxtest.Build(paras))
	if len(d.Paragraphs) != len(paras) {
		t.Fatalf("%d paragraphs, want %d", len(d.Paragraphs), len(paras))
	}
	headings, multiRun := 0, 0
	for i, p := range d.Paragraphs {
		if p.Text != paras[i].PlainText() {
			t.Fatalf("paragraph %d: %q, want %q", i, p.Text, paras[i].PlainText())
		}
		if p.HeadingLevel != paras[i].Heading {
			t.Errorf("paragraph %d: level %d, want %d", i, p.HeadingLevel, paras[i].Heading)
		}
		if p.HeadingLevel > 0 {
			headings++
		}
		if len(p.Runs) > 1 {
			multiRun++
		}
	}
	if headings < 3 || multiRun < 10 {
		t.Errorf("sample: %d headings, %d multi-run paragraphs", headings, multiRun)
	}
}

// Field codes, tracked changes, hyperlinks, symbols, objects.
func TestReadTextRules(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">见 </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \h </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t>页</w:t></w:r></w:p>` +
		`<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>` +
		`<w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>` +
		`<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>链接</w:t></w:r></w:hyperlink>` +
		`<w:r><w:sym w:font="Wingdings" w:char="F0E0"/><w:noBreakHyphen/><w:cr/><w:softHyphen/></w:r>` +
		`<w:r><w:drawing><wp:inline xmlns:wp="urn:x"><w:p><w:r><w:t>图中文字</w:t></w:r></w:p></wp:inline></w:drawing></w:r>` +
		`<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="b"/><w:r><w:t>尾</w:t></w:r><w:bookmarkEnd w:id="0"/>` +
		`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>甲</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>乙</w:t></w:r></mc:Fallback></mc:AlternateContent>` +
		`</w:p>` +
		`<w:p><w:fldSimple w:instr="DATE"><w:r><w:t>2024-07-22</w:t></w:r></w:fldSimple><w:r><w:t/></w:r></w:p>` +
		`<w:sdt><w:sdtPr><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>` +
		`<w:p><w:pPr><w:outlineLvl w:val="1"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>直接大纲</w:t></w:r></w:p>`
	d := mustRead(t, rawDocx(t, body, nil))
	want := []string{"见 12页", "插入链接\uF0E0\u2011\n\u00AD尾", "2024-07-22", "控件", "嵌套", "", "直接大纲"}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("texts = %q\nwant   %q", got, want)
	}
	if d.Paragraphs[4].Kind != TableCell || d.Paragraphs[5].Kind != TableCell || d.Paragraphs[3].Kind != Body {
		t.Error("kinds of nested table / content control paragraphs")
	}
	if d.Paragraphs[6].HeadingLevel != 2 {
		t.Errorf("direct outline level gave %d", d.Paragraphs[6].HeadingLevel)
	}
	// The field result run is read-only; the others are not.
	p0 := d.Paragraphs[0]
	var fieldRuns []string
	for _, r := range p0.Runs {
		if r.Field {
			fieldRuns = append(fieldRuns, p0.Text[r.Start:r.End])
		}
	}
	if !reflect.DeepEqual(fieldRuns, []string{"", "", "12"}) {
		t.Errorf("field runs %q", fieldRuns)
	}
}

func TestReadStylesAndNamespaces(t *testing.T) {
	styles := `<?xml version="1.0"?><w:styles ` + wNS + `>` +
		`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="Lvl"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Lvl"><w:name w:val="lvl"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="l1"/><w:basedOn w:val="Loop2"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="l2"/><w:basedOn w:val="Loop1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="BodyOutline"><w:name w:val="heading 5"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>` +
		`</w:styles>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/custom/st.xml"/></Relationships>`
	para := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := para("1", "一") + para("a5", "二") + para("MyHeading", "四") + para("Loop1", "零") +
		para("BodyOutline", "正文") + para("Heading7", "未定义") + para("Title", "题")
	d := mustRead(t, rawDocx(t, body, map[string]string{"custom/st.xml": styles, "word/_rels/document.xml.rels": rels}))
	var levels []int
	for _, p := range d.Paragraphs {
		levels = append(levels, p.HeadingLevel)
	}
	if want := []int{1, 2, 4, 0, 0, 7, 0}; !reflect.DeepEqual(levels, want) {
		t.Errorf("levels %v, want %v", levels, want)
	}
	if d.Paragraphs[1].StyleName != "标题 2" {
		t.Errorf("style name %q", d.Paragraphs[1].StyleName)
	}

	// Other prefixes and the strict namespace; main part found through
	// _rels/.rels.
	strict := `<?xml version="1.0"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body>` +
		`<x:p><x:r><x:t>严格</x:t></x:r><x:r><x:tab/><x:t>命名</x:t></x:r></x:p></x:body></x:document>`
	root := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`
	d = mustRead(t, zipOf(t, map[string]string{"_rels/.rels": root, "word/document2.xml": strict}))
	if got := texts(d); !reflect.DeepEqual(got, []string{"严格\t命名"}) || d.Paragraphs[0].Part != "word/document2.xml" {
		t.Errorf("strict: %q in %s", got, d.Paragraphs[0].Part)
	}
}

func TestReadNotes(t *testing.T) {
	notes := func(kind string) string {
		return `<?xml version="1.0"?><w:` + kind + `s ` + wNS + `>` +
			`<w:` + kind + ` w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:` + kind + `>` +
			`<w:` + kind + ` w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>x</w:t></w:r></w:p></w:` + kind + `>` +
			`<w:` + kind + ` w:id="1"><w:p><w:r><w:` + kind + `Ref/></w:r><w:r><w:t xml:space="preserve"> 第一条</w:t></w:r></w:p><w:p><w:r><w:t>续</w:t></w:r></w:p></w:` + kind + `>` +
			`</w:` + kind + `s>`
	}
	d := mustRead(t, rawDocx(t, `<w:p><w:r><w:t>正文</w:t></w:r></w:p>`, map[string]string{
		"word/footnotes.xml": notes("footnote"), "word/endnotes.xml": notes("endnote"),
	}))
	want := []string{"正文", " 第一条", "续", " 第一条", "续"}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Fatalf("texts %q", got)
	}
	kinds := []Kind{Body, Footnote, Footnote, Endnote, Endnote}
	for i, k := range kinds {
		if d.Paragraphs[i].Kind != k {
			t.Errorf("paragraph %d kind %v, want %v", i, d.Paragraphs[i].Kind, k)
		}
	}
	if d.Paragraphs[4].NoteID != "1" || Endnote.String() != "endnote" || TableCell.String() != "table cell" {
		t.Error("note id / kind names")
	}
}

func TestReadErrors(t *testing.T) {
	bomb := func() []byte {
		// One entry that claims to inflate to 300 MiB.
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, UncompressedSize64: 300 << 20, CompressedSize64: 3})
		w.Write([]byte("abc"))
		zw.Close()
		return buf.Bytes()
	}
	bigPart := func(lie bool) []byte {
		// Really inflates past MaxPartSize (a few hundred KiB compressed).
		var content bytes.Buffer
		content.WriteString(`<w:document ` + wNS + `><w:body>`)
		content.Write(bytes.Repeat([]byte(" "), MaxPartSize))
		content.WriteString(`</w:body></w:document>`)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
		w.Write(content.Bytes())
		zw.Close()
		b := buf.Bytes()
		if lie {
			// Patch the uncompressed size in the central directory (offset
			// 24 of the header) to claim 10 bytes; archive/zip itself
			// then refuses to inflate more.
			i := bytes.LastIndex(b, []byte("PK\x01\x02"))
			copy(b[i+24:], []byte{10, 0, 0, 0})
		}
		return b
	}
	deep := `<w:p>` + strings.Repeat("<w:hyperlink>", maxDepth+10) + strings.Repeat("</w:hyperlink>", maxDepth+10) + `</w:p>`
	cases := []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"empty", nil, ErrNotZip, "zip"},
		{"text file", []byte("hello, this is not a zip"), ErrNotZip, "zip"},
		{"no document", zipOf(t, map[string]string{"a.txt": "x"}), ErrNoDocument, "word/document.xml"},
		{"truncated xml", zipOf(t, map[string]string{"word/document.xml": `<w:document ` + wNS + `><w:body><w:p>`}), ErrMalformed, "word/document.xml"},
		{"bad entity", rawDocx(t, `<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>`, nil), ErrMalformed, "word/document.xml"},
		{"mismatched tags", rawDocx(t, `<w:p><w:r></w:p></w:r>`, nil), ErrMalformed, "word/document.xml"},
		{"wrong root", zipOf(t, map[string]string{"word/document.xml": `<html/>`}), ErrMalformed, "root element"},
		{"empty document part", zipOf(t, map[string]string{"word/document.xml": ``}), ErrMalformed, "no root"},
		{"bad styles", rawDocx(t, ``, map[string]string{"word/styles.xml": `<w:styles><oops>`}), ErrMalformed, "word/styles.xml"},
		{"bad footnotes", rawDocx(t, ``, map[string]string{"word/footnotes.xml": `<w:footnotes ` + wNS + `><w:footnote>`}), ErrMalformed, "word/footnotes.xml"},
		{"too deep", rawDocx(t, deep, nil), ErrMalformed, "nested"},
		{"declared bomb", bomb(), ErrTooLarge, "MiB"},
		{"part over limit", bigPart(false), ErrTooLarge, "word/document.xml is over 64 MiB"},
		{"lying sizes", bigPart(true), ErrNotZip, "damaged zip entry word/document.xml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read(c.data)
			if err == nil || !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("Read = %v, %v; want %v containing %q", d, err, c.is, c.msg)
			}
		})
	}
}
func TestReadXMLWithBOM(t *testing.T) {
	data := zipOf(t, map[string]string{"word/document.xml": "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<w:document " + wNS + "><w:body><w:p><w:r><w:t>文</w:t></w:r></w:p></w:body></w:document>"})
	d := mustRead(t, data)
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Text != "文" {
		t.Fatalf("%q", texts(d))
	}
	applyOK(t, data, []Edit{{Para: 0, Start: 0, End: 3, New: "字"}}, 0)
}
