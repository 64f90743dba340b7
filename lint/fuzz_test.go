package lint

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any input parses without panicking, into blocks whose spans,
// prose maps, sentences and regions stay inside the source and consistent.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "\n", "# 标题\n\n正文(括号)。\n", "---\na: b\n---\n# x\n\n```\ncode\n", "> 引文\n> 第二行\n\n- a\n- b\n",
		"| a | b |\n|---|---|\n| `x|y` | 2 |\n", "文字 <!-- 未闭合", "[链接](http://x.y/(a)) ![图](i.png) `code` **粗**",
		"第一行\r\n第二行\r\n\r\n", "<div>\n<!-- c -->\n</div>\n\n正文", "\xff\xfe无效", "a\\*b\\`c <http://x> <b>t</b> x@y.com",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, md bool) {
		format := FormatText
		if md {
			format = FormatMarkdown
		}
		checkParsed(t, Parse("f", []byte(src), format), src)
		// The same text as a Word document: every line a paragraph, and
		// paragraphs with line breaks inside.
		checkParsed(t, Parse("f.docx", []byte(src), FormatDocx), src)
		var paras []SourceParagraph
		for i, p := range strings.Split(src, "\n\n") {
			paras = append(paras, SourceParagraph{Text: p, Kind: BlockKind(i % 6), Level: i % 10})
		}
		d := ParseParagraphs("f.docx", paras)
		checkParsed(t, d, string(d.Src))
		if d.Paragraphs() != len(paras) {
			t.Fatalf("%d paragraphs, want %d", d.Paragraphs(), len(paras))
		}
		for i, p := range paras {
			sp := d.ParagraphSpan(i)
			if string(d.Src[sp.Start:sp.End]) != p.Text || d.Pos(sp.Start).Paragraph != i+1 || d.Pos(sp.Start).Column != 1 {
				t.Fatalf("paragraph %d: span %v, position %+v", i, sp, d.Pos(sp.Start))
			}
		}
		for _, b := range d.Blocks {
			p := d.Line(b.Span.Start)
			if d.Line(max(b.Span.End-1, b.Span.Start)) != p {
				t.Fatalf("block %v spans paragraphs", b.Span)
			}
			if k := paras[p-1].Kind; b.Kind != k && !(k == Heading && b.Kind == Paragraph) {
				t.Fatalf("block kind %v, paragraph kind %v", b.Kind, k)
			}
		}
	})
}

// checkParsed: blocks, prose maps, sentences, regions and positions stay
// inside the source and consistent.
func checkParsed(t *testing.T, d *Document, src string) {
	t.Helper()
	// The loader guarantees valid UTF-8; for invalid input only the
	// absence of panics and range errors is checked.
	valid := utf8.ValidString(src)
	if !sort.SliceIsSorted(d.Regions, func(i, j int) bool { return d.Regions[i].Start < d.Regions[j].Start }) {
		t.Fatal("regions not sorted")
	}
	for _, r := range d.Regions {
		if r.Start < 0 || r.End > len(src) || r.Start > r.End {
			t.Fatalf("region %v out of range", r)
		}
	}
	prevEnd := 0
	for _, b := range d.Blocks {
		if b.Span.Start < 0 || b.Span.End > len(src) || b.Span.Start > b.Span.End || b.Span.Start < prevEnd {
			t.Fatalf("block span %v (previous end %d)", b.Span, prevEnd)
		}
		prevEnd = b.Span.Start
		p := b.Prose()
		for i, r := range p.Text {
			s := p.Src(i)
			if s < 0 || s > len(src) {
				t.Fatalf("prose offset %d maps to %d", i, s)
			}
			if valid && r != Placeholder && !strings.HasPrefix(src[s:], string(r)) {
				t.Fatalf("prose rune %q at %d maps to %q", r, i, src[s:min(s+4, len(src))])
			}
		}
		for _, s := range b.Sentences() {
			if s.Start < 0 || s.End > len(p.Text) || s.Start >= s.End {
				t.Fatalf("sentence %v in %q", s, p.Text)
			}
			sp := p.SrcSpan(s.Start, s.End)
			if sp.Start > sp.End || sp.End > len(src) {
				t.Fatalf("sentence maps to %v", sp)
			}
		}
	}
	last := Position{Line: 1, Column: 1}
	for off := 0; off <= len(src); off += 1 + off/7 {
		pos := d.Pos(off)
		if pos.Line < last.Line || pos.Line < 1 || pos.Column < 1 {
			t.Fatalf("Pos(%d) = %+v after %+v", off, pos, last)
		}
		last = pos
	}
}

// FuzzSplitSentences: sentences are non-empty, ordered, disjoint ranges
// that start and end with a non-space character; only white space lies
// outside them; on valid UTF-8 they fall on character boundaries; dst is
// appended to.
func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{
		"", " ", "第一句。第二句！第三句？", "他说：“好。”然后走了。", "等等……还有", "等等……", "Mr. Smith went to Washington. He left.",
		"It costs 3.14 dollars. E.g. this. U.S. policy!", "价格为3.5元.下一句", "问题?答案!", "（括号。）后文", "a…b… c", "\xe4.\xff。 ",
		"  前后空白。  \n\t", "”。」』）", "...", "第一行\n第二行。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prefix := []Span{{-1, -1}}
		got := SplitSentences(text, append([]Span(nil), prefix...))
		if len(got) == 0 || got[0] != prefix[0] {
			t.Fatal("dst not appended to")
		}
		got = got[1:]
		if again := SplitSentences(text, nil); len(again) != len(got) {
			t.Fatal("two splits differ")
		}
		valid := utf8.ValidString(text)
		pos := 0
		for _, s := range got {
			if s.Start < pos || s.Start >= s.End || s.End > len(text) {
				t.Fatalf("sentence %v after %d in %q", s, pos, text)
			}
			if valid {
				if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
					t.Fatalf("sentence %v cuts a character in %q", s, text)
				}
				first, _ := utf8.DecodeRuneInString(text[s.Start:s.End])
				lastR, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End])
				if isSpaceRune(first) || isSpaceRune(lastR) {
					t.Fatalf("sentence %q starts or ends with white space", text[s.Start:s.End])
				}
				if !onlySpace(text[pos:s.Start]) {
					t.Fatalf("text %q lies outside every sentence", text[pos:s.Start])
				}
			}
			pos = s.End
		}
		if valid && !onlySpace(text[pos:]) {
			t.Fatalf("text %q after the last sentence", text[pos:])
		}
	})
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !isSpaceRune(r) {
			return false
		}
	}
	return true
}

// FuzzFix: random edits through validation, merging and application never
// panic, and merged edits are sorted and never overlap.
func FuzzFix(f *testing.F) {
	f.Add("正文(括号),结束。\n", []byte{1, 3, 0, 5, 5, 1, 2, 2, 2})
	f.Add("", []byte{0, 0, 0})
	f.Add("abc\n```\ncode\n```\n", []byte{0, 9, 1, 4, 12, 3})
	f.Fuzz(func(t *testing.T, src string, ops []byte) {
		d := Parse("f.md", []byte(src), FormatMarkdown)
		var fixes []Fix
		for i := 0; i+2 < len(ops); i += 3 {
			s := int(ops[i]) % (len(src) + 2)
			e := s + int(ops[i+1])%5 - 1
			nw := strings.Repeat("x", int(ops[i+2])%3)
			f := Fix{Edits: []Edit{{s, e, nw}}}
			if validateFix(d, &f) == nil {
				fixes = append(fixes, f)
			}
		}
		edits, taken := MergeFixes(fixes)
		for i := 1; i < len(edits); i++ {
			if conflicts(edits[i-1], edits[i]) || edits[i].Start < edits[i-1].Start {
				t.Fatalf("merged edits conflict: %v %v", edits[i-1], edits[i])
			}
		}
		out := ApplyEdits([]byte(src), edits)
		want := len(src)
		for _, e := range edits {
			want += len(e.New) - (e.End - e.Start)
		}
		if len(out) != want || len(taken) > len(fixes) {
			t.Fatalf("applied length %d, want %d", len(out), want)
		}
		// The same edits on the text as a Word document: made per
		// paragraph, or refused; what is made gives the same text.
		var paras []SourceParagraph
		for _, p := range strings.Split(src, "\n") {
			paras = append(paras, SourceParagraph{Text: p})
		}
		pd := ParseParagraphs("f.docx", paras)
		var pfixes []Fix
		for _, f := range fixes {
			f := Fix{Edits: append([]Edit(nil), f.Edits...)}
			if validateFix(pd, &f) == nil {
				pfixes = append(pfixes, f)
			}
		}
		pedits, _ := MergeFixes(pfixes)
		nd, refused, err := applyParagraphs(pd, pedits)
		if err != nil {
			t.Fatal(err)
		}
		if len(refused) == 0 {
			if want := ApplyEdits(pd.Src, pedits); string(nd.Src) != string(want) {
				t.Fatalf("paragraph edits give %q, want %q", nd.Src, want)
			}
		}
		for i := range refused {
			if i < 0 || i >= len(pedits) {
				t.Fatalf("refused edit %d of %d", i, len(pedits))
			}
		}
	})
}
