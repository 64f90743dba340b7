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
		d := Parse("f", []byte(src), format)
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
			if pos.Line < last.Line {
				t.Fatalf("Pos not monotonic at %d", off)
			}
			last = pos
		}
	})
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
	})
}
