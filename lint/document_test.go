package lint

import (
	"strings"
	"testing"
)

func blocksOf(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Kind.String()+":"+b.Text())
	}
	return out
}

func TestParseText(t *testing.T) {
	src := "\n\n# 标题\n\n第一段第一行\n第一段第二行\n\n\n\n第二段。<!-- 注释 -->\n<!-- 独占一行的注释 -->\n第三段\n"
	d := Parse("a.txt", []byte(src), FormatText)
	got := blocksOf(d)
	want := []string{"heading:标题", "paragraph:第一段第一行\n第一段第二行", "paragraph:第二段。", "paragraph:第三段"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	if d.Blocks[0].Level != 1 || d.Blocks[0].Marker != "#" {
		t.Errorf("heading level/marker = %d %q", d.Blocks[0].Level, d.Blocks[0].Marker)
	}
	if bb := []int{d.Blocks[0].BlankBefore, d.Blocks[1].BlankBefore, d.Blocks[2].BlankBefore, d.Blocks[3].BlankBefore}; bb[0] != 2 || bb[1] != 1 || bb[2] != 3 || bb[3] != 0 {
		t.Errorf("BlankBefore = %v", bb)
	}
	if len(d.Comments) != 2 {
		t.Errorf("comments = %d", len(d.Comments))
	}
	// Every prose character maps back to the same character in the source.
	for _, b := range d.Blocks {
		checkProseMap(t, d, b)
	}
}

func checkProseMap(t *testing.T, d *Document, b *Block) {
	t.Helper()
	pr := b.Prose()
	for i, r := range pr.Text {
		if r == Placeholder {
			continue
		}
		s := pr.Src(i)
		if !strings.HasPrefix(string(d.Src[s:]), string(r)) {
			t.Fatalf("prose %q offset %d (%q) maps to source %d (%q)", pr.Text, i, r, s, string(d.Src[s:min(s+4, len(d.Src))]))
		}
	}
}

func TestParseMarkdown(t *testing.T) {
	src := "---\ntitle: 草稿\n---\n# 标题 **加粗**\n\n正文 `代码(x)` 见[链接](http://example.com/a)和 https://www.gov.cn/x.html 。<!-- c -->\n\n> 引文\n> 第二行\n\n- 条目一\n- 条目二\n\n```go\nfmt.Println(1,2)\n```\n\n| 列一 | 列二 |\n|---|---|\n| 甲 | 乙 |\n"
	d := Parse("a.md", []byte(src), FormatMarkdown)
	got := blocksOf(d)
	want := []string{
		"heading:标题 加粗",
		"paragraph:正文 \uFFFC 见链接和 \uFFFC 。",
		"quote:引文\n第二行",
		"list-item:条目一",
		"list-item:条目二",
		"table-cell:列一", "table-cell:列二", "table-cell:甲", "table-cell:乙",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	for _, b := range d.Blocks {
		checkProseMap(t, d, b)
	}
	// Front matter, code block and comment are regions.
	for _, s := range []string{"title: 草稿", "fmt.Println", "<!-- c -->"} {
		off := strings.Index(src, s)
		if !d.InRegion(off) {
			t.Errorf("%q not in a region", s)
		}
	}
	if d.InRegion(strings.Index(src, "正文")) {
		t.Error("prose inside a region")
	}
	// The placeholder for inline code spans the whole code span.
	p := d.Blocks[1].Prose()
	i := strings.IndexRune(p.Text, Placeholder)
	sp := p.SrcSpan(i, i+len(string(Placeholder)))
	if got := src[sp.Start:sp.End]; got != "`代码(x)`" {
		t.Errorf("placeholder maps to %q", got)
	}
	if p.Contiguous(0, len(p.Text)) {
		t.Error("a range over a placeholder cannot be contiguous")
	}
	if !p.Contiguous(0, len("正文")) {
		t.Error("plain prose should be contiguous")
	}
}

func TestCRLF(t *testing.T) {
	src := "第一行\r\n第二行\r\n\r\n第二段\r\n"
	d := Parse("a.txt", []byte(src), FormatText)
	if len(d.Blocks) != 2 || d.Blocks[0].Text() != "第一行\n第二行" {
		t.Fatalf("blocks %q", blocksOf(d))
	}
	p := d.Blocks[0].Prose()
	if !p.Contiguous(0, len(p.Text)) {
		t.Error("CRLF paragraph should be editable as one range")
	}
	if d.LineText(1) != "第一行" || d.Newline() != "\r\n" {
		t.Errorf("line 1 %q newline %q", d.LineText(1), d.Newline())
	}
	pos := d.Pos(strings.Index(src, "第二段"))
	if pos.Line != 4 || pos.Column != 1 {
		t.Errorf("pos %+v", pos)
	}
}

func TestPos(t *testing.T) {
	d := Parse("a.txt", []byte("ab\n中文x\n"), FormatText)
	cases := []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 2}, {9, 2, 3}, {11, 3, 1}}
	for _, c := range cases {
		p := d.Pos(c.off)
		if p.Line != c.line || p.Column != c.col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", c.off, p.Line, p.Column, c.line, c.col)
		}
	}
	if d.LineCount() != 2 {
		t.Errorf("LineCount = %d", d.LineCount())
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"第一句。第二句！第三句？", []string{"第一句。", "第二句！", "第三句？"}},
		{"他说：“我们要努力。”然后离开了。", []string{"他说：“我们要努力。”", "然后离开了。"}},
		{"真的吗？！好的……", []string{"真的吗？！", "好的……"}},
		{"包括甲、乙……等内容。", []string{"包括甲、乙……等内容。"}},
		{"Mr. Smith paid 3.14 dollars. Then he left! OK?", []string{"Mr. Smith paid 3.14 dollars.", "Then he left!", "OK?"}},
		{"See e.g. the U.S. report. J. K. Rowling wrote it.", []string{"See e.g. the U.S. report.", "J. K. Rowling wrote it."}},
		{"  没有句号的标题  ", []string{"没有句号的标题"}},
		{"增长（见附表）。下一句", []string{"增长（见附表）。", "下一句"}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range SplitSentences(c.in, nil) {
			got = append(got, c.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestFormatFor(t *testing.T) {
	for p, f := range map[string]Format{"a.md": FormatMarkdown, "B.MARKDOWN": FormatMarkdown, "c.txt": FormatText, "d": FormatText, "e.docx": FormatDocx} {
		if got := FormatFor(p); got != f {
			t.Errorf("FormatFor(%q) = %v", p, got)
		}
	}
}

// A comment spanning a blank line must not leak its tail into the next
// paragraph's prose.
func TestCommentAcrossBlankLine(t *testing.T) {
	src := "第一段<!-- 注释\n\n仍是注释 --> 第二段。\n"
	d := Parse("a.txt", []byte(src), FormatText)
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, b.Text())
	}
	if strings.Join(texts, "|") != "第一段| 第二段。" {
		t.Errorf("blocks %q", texts)
	}
}
