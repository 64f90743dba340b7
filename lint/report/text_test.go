package report

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

func TestCellWidth(t *testing.T) {
	cases := []struct {
		r    rune
		want int
	}{
		{'a', 1}, {'中', 2}, {'，', 2}, {'Ａ', 2}, {'ｱ', 1}, // halfwidth katakana
		{'“', 1}, {'…', 1}, {'—', 1}, // ambiguous: narrow
		{'👍', 2}, {'\U0001F3FD', 0}, {'\u0301', 0}, {'\u200d', 0}, {'\ufe0f', 0},
		{'\u3000', 2}, // ideographic space
	}
	for _, c := range cases {
		if got := cellWidth(c.r); got != c.want {
			t.Errorf("cellWidth(%U) = %d, want %d", c.r, got, c.want)
		}
	}
}

func TestSnippetCarets(t *testing.T) {
	cases := []struct {
		name           string
		line           string
		start, end     int // rune columns, end exclusive; -1 = end of line
		src            string
		pad, carets    int
		underlinedText string // what the carets sit under ("" to skip)
	}{
		{"ascii", "abc def", 5, 8, "abc def", 4, 3, "def"},
		{"cjk", "中文,测试", 3, 4, "中文,测试", 4, 1, ","},
		{"cjk span", "中文,测试", 4, 6, "中文,测试", 5, 4, "测试"},
		{"fullwidth", "ＡＢＣ公司", 1, 4, "ＡＢＣ公司", 0, 6, "ＡＢＣ"},
		{"tab", "a\tb", 3, 4, "a   b", 4, 1, "b"},
		{"leading tab", "\tＡＢＣ", 2, 3, "    ＡＢＣ", 4, 2, "Ａ"},
		{"two tabs", "ab\t\tc", 5, 6, "ab      c", 8, 1, "c"},
		{"emoji", "x👍y", 2, 3, "x👍y", 1, 2, "👍"},
		{"emoji skin tone", "x👍🏽y", 2, 4, "x👍🏽y", 1, 2, "👍🏽"},
		{"combining", "e\u0301x", 3, 4, "e\u0301x", 1, 1, "x"},
		{"empty span", "abc", 2, 2, "abc", 1, 1, ""},
		{"end of line", "abc", 4, 4, "abc", 3, 1, ""},
		{"past end", "abc", 9, 9, "abc", 3, 1, ""},
		{"to end of line", "中文,测试", 3, -1, "中文,测试", 4, 5, ",测试"},
		{"empty line", "", 1, -1, "", 0, 1, ""},
		{"zero-width space", "中\u200b文", 2, 3, "中<U+200B>文", 2, 8, "<U+200B>"},
		{"bom", "\ufeff标题", 1, 2, "<U+FEFF>标题", 0, 8, "<U+FEFF>"},
		{"control", "a\x1b[31mb", 2, 3, "a<U+001B>[31mb", 1, 8, "<U+001B>"},
		{"zwj outside emoji", "中\u200d文", 2, 3, "中<U+200D>文", 2, 8, "<U+200D>"},
		{"zwj inside emoji", "👨\u200d👩", 1, 4, "👨\u200d👩", 0, 4, "👨\u200d👩"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, pad, carets := snippet(c.line, c.start, c.end)
			if src != c.src || pad != c.pad || carets != c.carets {
				t.Fatalf("snippet(%q, %d, %d) = %q, %d, %d; want %q, %d, %d", c.line, c.start, c.end, src, pad, carets, c.src, c.pad, c.carets)
			}
			if c.underlinedText != "" {
				if got := underlined(src, pad, carets); got != c.underlinedText {
					t.Errorf("carets sit under %q, want %q", got, c.underlinedText)
				}
			}
		})
	}
}

// underlined returns the characters of the rendered line src whose cells
// fall in [pad, pad+n); zero-width characters go with the one before them.
func underlined(src string, pad, n int) string {
	var b strings.Builder
	cell := 0
	for _, r := range src {
		w := cellWidth(r)
		if (w > 0 && cell >= pad && cell+w <= pad+n) || (w == 0 && cell > pad && cell <= pad+n) {
			b.WriteRune(r)
		}
		cell += w
	}
	return b.String()
}

func cells(s string) int {
	n := 0
	for _, r := range s {
		n += cellWidth(r)
	}
	return n
}

func TestSnippetLongLines(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("中文报告，。abc xyz12ＡＢ")
	for i := 0; i < 2000; i++ {
		n := 1 + rng.Intn(400)
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = alphabet[rng.Intn(len(alphabet))]
		}
		line := string(rs)
		start := 1 + rng.Intn(n)
		end := start + rng.Intn(min(n-start+1, 20)+1)
		src, pad, carets := snippet(line, start, end)

		if w := cells(src); w > maxSnippetCells {
			t.Fatalf("line of %d runes, span %d-%d: shown %d cells > %d:\n%s", n, start, end, w, maxSnippetCells, src)
		}
		if cells(line) <= maxSnippetCells && src != line {
			t.Fatalf("short line was cut: %q -> %q", line, src)
		}
		if pad+carets > cells(src)+1 {
			t.Fatalf("carets run past the shown line: pad %d carets %d, %d cells", pad, carets, cells(src))
		}
		// The carets sit exactly under the span (short spans fit the window).
		want := string(rs[start-1 : min(end-1, n)])
		if got := underlined(src, pad, carets); want != "" && got != want {
			t.Fatalf("line %q span %d-%d: carets under %q, want %q\n%s\n%s%s", line, start, end, got, want, src, strings.Repeat(" ", pad), strings.Repeat("^", carets))
		}
		if cells(line) > maxSnippetCells && !strings.Contains(src, "…") {
			t.Fatalf("cut line without an ellipsis: %q", src)
		}
	}
}

func TestSnippetLongSpan(t *testing.T) {
	line := strings.Repeat("长", 200)
	src, pad, carets := snippet(line, 10, 190)
	if cells(src) > maxSnippetCells {
		t.Errorf("shown %d cells", cells(src))
	}
	if pad+carets > cells(src) {
		t.Errorf("carets past the line: %d+%d > %d", pad, carets, cells(src))
	}
	if !strings.HasPrefix(src, "…") || !strings.HasSuffix(src, "…") {
		t.Errorf("window should be cut on both sides: %q", src)
	}
}

func TestTextSummary(t *testing.T) {
	d := func(sev lint.Severity, fixes ...lint.Fix) lint.Diagnostic {
		return lint.Diagnostic{Rule: "r", Severity: sev, Message: "m", Fixes: fixes}
	}
	safe := lint.Fix{Safe: true}
	unsafe := lint.Fix{}
	cases := []struct {
		name string
		r    *lint.Result
		want string
	}{
		{"nothing", &lint.Result{}, "no problems found"},
		{"fixed only", &lint.Result{Files: []*lint.FileResult{{Path: "a", Fixed: 3}}}, "no problems found, 3 fixed"},
		{"file error only", &lint.Result{Errors: []*lint.FileError{{Path: "a"}}}, "no problems found, 1 file error"},
		{"one of each", &lint.Result{Files: []*lint.FileResult{{Path: "a", Diagnostics: []lint.Diagnostic{
			d(lint.Error, safe), d(lint.Warning, unsafe), d(lint.Info),
		}}}}, "1 error, 1 warning, 1 info in 1 file (1 fixable with --fix, 1 more with --unsafe-fixes)"},
		{"unsafe only", &lint.Result{Files: []*lint.FileResult{{Path: "a", Diagnostics: []lint.Diagnostic{
			d(lint.Warning, unsafe, unsafe), d(lint.Warning, unsafe, safe),
		}}, {Path: "b", Diagnostics: []lint.Diagnostic{d(lint.SeverityUnset)}}}}, "3 warnings in 2 files (1 fixable with --fix, 1 more with --unsafe-fixes)"},
		{"plural", &lint.Result{
			Files: []*lint.FileResult{
				{Path: "a", Fixed: 1, Diagnostics: []lint.Diagnostic{d(lint.Info), d(lint.Info), d(lint.Error, unsafe)}},
				{Path: "b", Fixed: 1, Diagnostics: []lint.Diagnostic{d(lint.Error)}},
			},
			Errors: []*lint.FileError{{Path: "x"}, {Path: "y"}},
		}, "2 errors, 2 info in 2 files (1 fixable with --unsafe-fixes), 2 fixed, 2 file errors"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, "text", Options{}, c.r)
			lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			if got := lines[len(lines)-1]; got != c.want {
				t.Errorf("summary = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTextColor(t *testing.T) {
	r := fixture(t)
	plain := render(t, "text", Options{}, r)
	colored := render(t, "text", Options{Color: true}, r)
	if bytes.Contains(plain, []byte("\x1b[")) {
		t.Error("color codes without Options.Color")
	}
	for _, want := range []string{"\x1b[31;1merror", "\x1b[33;1mwarning", "\x1b[34;1minfo", "\x1b[2m(halfwidth-punct)"} {
		if !bytes.Contains(colored, []byte(want)) {
			t.Errorf("colored output lacks %q", want)
		}
	}
	// Stripping the escapes gives the plain output back.
	if stripped := stripANSI(string(colored)); stripped != string(plain) {
		t.Errorf("colored output differs from plain beyond colors:\n%s", UnifiedDiff("text", plain, []byte(stripped)))
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestTextSanitizesMessages(t *testing.T) {
	r := &lint.Result{Files: []*lint.FileResult{{Path: "a.txt", Diagnostics: []lint.Diagnostic{{
		Rule: "r", Severity: lint.Warning, Message: "bad \x1b[2J\r\nthing", Path: "a.txt",
		Start: lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 2}, SourceLine: "x",
	}}}}}
	out := string(render(t, "text", Options{}, r))
	if strings.Contains(out, "\x1b") || strings.Contains(out, "\r") {
		t.Errorf("control characters reached the terminal: %q", out)
	}
	if !strings.HasPrefix(out, "a.txt:1:1: warning: bad \uFFFD[2J thing (r)\n") {
		t.Errorf("header = %q", strings.SplitN(out, "\n", 2)[0])
	}
	if !utf8.ValidString(out) {
		t.Error("invalid UTF-8")
	}
}
