package report

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// The expectations follow @actions/core escapeData and escapeProperty.
func TestGitHubEscaping(t *testing.T) {
	cases := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A", "%250A", "%250A"},
		{"a\nb", "a%0Ab", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
		{"中文，逗号：冒号", "中文，逗号：冒号", "中文，逗号：冒号"}, // full-width punctuation is not special
		{"C:\\dir\\a,b.md", "C:\\dir\\a,b.md", "C%3A\\dir\\a%2Cb.md"},
		{"=;]", "=;]", "=;]"},
		{"%3A", "%253A", "%253A"},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := githubEscapeData(c.in); got != c.data {
			t.Errorf("escapeData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := githubEscapeProperty(c.in); got != c.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

func TestGitHubCommand(t *testing.T) {
	got := githubCommand("warning", []string{"file", "a,b:c.md", "line", "3", "col", "", "title", "draftlint (x)"}, "50% done\nnext")
	want := "::warning file=a%2Cb%3Ac.md,line=3,title=draftlint (x)::50%25 done%0Anext\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := githubCommand("error", nil, "m"); got != "::error::m\n" {
		t.Errorf("no properties: %q", got)
	}
}

func TestGitHubRange(t *testing.T) {
	pos := func(l, c int) lint.Position { return lint.Position{Line: l, Column: c} }
	cases := []struct {
		name                       string
		start, end                 lint.Position
		src                        string
		line, endLine, col, endCol int
	}{
		{"one char", pos(3, 5), pos(3, 6), "abcdefg", 3, 3, 5, 5},
		{"word", pos(3, 5), pos(3, 9), "abcdefghij", 3, 3, 5, 8},
		{"empty", pos(3, 5), pos(3, 5), "abcdefg", 3, 3, 5, 5},
		{"multi-line", pos(3, 5), pos(5, 2), "abcdefg", 3, 5, 0, 0},
		{"ends with the line break", pos(3, 5), pos(4, 1), "abcdefg", 3, 3, 5, 7},
		{"blank line", pos(8, 1), pos(9, 1), "", 8, 8, 1, 1},
		{"no position", pos(0, 0), pos(0, 0), "", 0, 0, 0, 0},
	}
	for _, c := range cases {
		d := &lint.Diagnostic{Start: c.start, End: c.end, SourceLine: c.src}
		l, el, col, ec := githubRange(d)
		if l != c.line || el != c.endLine || col != c.col || ec != c.endCol {
			t.Errorf("%s: got line=%d endLine=%d col=%d endColumn=%d, want %d %d %d %d", c.name, l, el, col, ec, c.line, c.endLine, c.col, c.endCol)
		}
	}
}

func TestGitHubOneLinePerAnnotation(t *testing.T) {
	out := string(render(t, "github", Options{}, fixture(t)))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 9+2 {
		t.Errorf("got %d lines, want one per finding and file error (11)", len(lines))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error ") && !strings.HasPrefix(l, "::warning ") && !strings.HasPrefix(l, "::notice ") {
			t.Errorf("not a workflow command: %q", l)
		}
		if strings.Contains(l, "\r") {
			t.Errorf("raw carriage return: %q", l)
		}
	}
}
