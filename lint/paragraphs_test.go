package lint

import (
	"strings"
	"testing"
)

func TestParseParagraphs(t *testing.T) {
	paras := []SourceParagraph{
		{Text: "一、总体要求", Kind: Heading, Level: 1},
		{Text: ""},
		{Text: "会议指出(草案)，要求落实。"},
		{Text: "单元格", Kind: TableCell},
		{Text: "第一行\n第二行"}, // a Word line break inside one paragraph
		{Text: "<!-- draftlint-disable-next-line x -->"},
		{Text: "脚注文字。", Kind: Note},
		{Text: "七级标题", Kind: Heading, Level: 7},
	}
	d := ParseParagraphs("draft.docx", paras)
	if d.Format != FormatDocx || d.Paragraphs() != len(paras) {
		t.Fatalf("format %v, %d paragraphs", d.Format, d.Paragraphs())
	}
	var want strings.Builder
	for _, p := range paras {
		want.WriteString(p.Text + "\n")
	}
	if string(d.Src) != want.String() {
		t.Fatalf("Src %q", d.Src)
	}
	type blk struct {
		kind        BlockKind
		level       int
		text        string
		blankBefore int
	}
	wantBlocks := []blk{
		{Heading, 1, "一、总体要求", 0},
		{Paragraph, 0, "会议指出(草案)，要求落实。", 1},
		{TableCell, 0, "单元格", 0},
		{Paragraph, 0, "第一行\n第二行", 0},
		{Note, 0, "脚注文字。", 0},
		{Heading, 6, "七级标题", 0},
	}
	if len(d.Blocks) != len(wantBlocks) {
		t.Fatalf("%d blocks", len(d.Blocks))
	}
	for i, w := range wantBlocks {
		b := d.Blocks[i]
		if b.Kind != w.kind || b.Level != w.level || b.Text() != w.text || b.BlankBefore != w.blankBefore || b.Index != i {
			t.Errorf("block %d: %v %d %q blank %d", i, b.Kind, b.Level, b.Text(), b.BlankBefore)
		}
	}
	// Positions: paragraph and character, also inside a line break.
	off := strings.Index(string(d.Src), "(草案)")
	if p := d.Pos(off); p.Paragraph != 3 || p.Line != 3 || p.Column != 5 {
		t.Errorf("Pos = %+v", p)
	}
	off = strings.Index(string(d.Src), "第二行")
	if p := d.Pos(off); p.Paragraph != 5 || p.Column != 5 {
		t.Errorf("Pos after a line break = %+v", p)
	}
	if p := d.Pos(len(d.Src)); p.Paragraph != len(paras) {
		t.Errorf("Pos(end) = %+v", p)
	}
	if got := d.LineText(5); got != "第一行\n第二行" {
		t.Errorf("LineText(5) = %q", got)
	}
	// Text documents have no paragraph numbers.
	if p := Parse("a.txt", []byte("甲\n乙\n"), FormatText).Pos(2); p.Paragraph != 0 {
		t.Errorf("text Pos = %+v", p)
	}
	// Parse with FormatDocx: every line a body paragraph.
	pd := Parse("a.docx", d.Src, FormatDocx)
	if pd.Paragraphs() != 9 || len(pd.Blocks) != 7 || pd.Blocks[0].Kind != Paragraph {
		t.Errorf("Parse(FormatDocx): %d paragraphs, %d blocks", pd.Paragraphs(), len(pd.Blocks))
	}
}

func TestParagraphEdits(t *testing.T) {
	d := ParseParagraphs("d.docx", []SourceParagraph{{Text: "甲乙"}, {Text: "丙"}, {Text: "丁"}, {Text: "戊"}})
	// Src: "甲乙\n丙\n丁\n戊\n"; paragraph starts 0, 7, 11, 15.
	edits := []Edit{
		{0, 3, "子"},    // 0: inside paragraph 1
		{6, 6, "。"},    // 1: insertion at the end of paragraph 1
		{7, 11, ""},    // 2: paragraph 2 with its separator: dropped
		{14, 18, ""},   // 3: separator before 戊 and 戊: paragraph 4 dropped
		{13, 14, "x"},  // 4: not valid together with 3 but translated alone
		{3, 8, ""},     // 5: joins paragraphs 1 and 2
		{11, 11, "\n"}, // 6: a line break
		{19, 19, "z"},  // 7: after the last paragraph
	}
	pe, refused := d.ParagraphEdits(edits)
	got := map[int][]ParagraphEdit{}
	for _, e := range pe {
		got[e.Edit] = append(got[e.Edit], e)
	}
	check := func(i int, want ParagraphEdit) {
		t.Helper()
		want.Edit = i
		if len(got[i]) != 1 || got[i][0] != want {
			t.Errorf("edit %d → %+v, want %+v", i, got[i], want)
		}
	}
	check(0, ParagraphEdit{Para: 0, Start: 0, End: 3, New: "子"})
	check(1, ParagraphEdit{Para: 0, Start: 6, End: 6, New: "。"})
	check(2, ParagraphEdit{Para: 1, Start: 0, End: 3, Drop: true})
	check(3, ParagraphEdit{Para: 3, Start: 0, End: 3, Drop: true})
	check(4, ParagraphEdit{Para: 2, Start: 2, End: 3, New: "x"})
	for _, i := range []int{5, 6, 7} {
		if refused[i] == "" {
			t.Errorf("edit %d not refused", i)
		}
	}
	if len(refused) != 3 {
		t.Errorf("refused %v", refused)
	}
	// Removing a paragraph that another edit changes is refused.
	_, refused = d.ParagraphEdits([]Edit{{0, 0, "x"}, {0, 7, ""}, {7, 7, "y"}})
	if len(refused) != 1 || !strings.Contains(refused[1], "removes paragraph 1") {
		t.Errorf("refused %v", refused)
	}
}

// Fixing a paragraph document keeps its structure: kinds stay, edits that
// would join paragraphs are refused and reported, the others applied.
func TestFixParagraphDocument(t *testing.T) {
	join := &Rule{ID: "join", Summary: "x", Category: "layout", Severity: Warning, Run: func(p *Pass) error {
		src := string(p.Doc.Src)
		if i := strings.Index(src, "，\n"); i >= 0 {
			p.Report(Diagnostic{Span: Span{i, i + len("，\n")}, Message: "cut",
				Fixes: []Fix{{Message: "join", Safe: true, Edits: []Edit{{i + len("，"), i + len("，\n"), ""}}}}})
		}
		return nil
	}}
	paren := wordRule("paren", "(", "（")
	d := ParseParagraphs("d.docx", []SourceParagraph{
		{Text: "标题(一)", Kind: Heading, Level: 2},
		{Text: "正文(二)，"},
		{Text: "续(三)。", Kind: TableCell},
	})
	r, active := checkRunner([]*Rule{join, paren})
	lintDoc := func(doc *Document) []Diagnostic {
		diags, _, _ := r.lintDocument(doc, active)
		return diags
	}
	final, diags, n, refused, err := fixLoop(d, false, lintDoc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(final.Src) != "标题（一)\n正文（二)，\n续（三)。\n" || n != 3 {
		t.Fatalf("fixed %q, %d fixes", final.Src, n)
	}
	if final.Blocks[0].Kind != Heading || final.Blocks[0].Level != 2 || final.Blocks[2].Kind != TableCell {
		t.Errorf("structure lost: %v %v", final.Blocks[0].Kind, final.Blocks[2].Kind)
	}
	if len(diags) != 1 || diags[0].Rule != "join" {
		t.Fatalf("remaining %v", diags)
	}
	if len(refused) != 1 || refused[0].Rule != "join" || refused[0].Start.Paragraph != 2 || !strings.Contains(refused[0].Reason, "paragraph 2") {
		t.Errorf("refused %+v", refused)
	}
}
