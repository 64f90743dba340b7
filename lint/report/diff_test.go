package report

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// applyUnified applies a unified diff produced by UnifiedDiff to old. It is
// deliberately strict and written independently of the diff writer: every
// context and removed line must match, hunk counts must agree with their
// bodies, hunks must be in order.
func applyUnified(old []byte, diff string) ([]byte, error) {
	if diff == "" {
		return old, nil
	}
	lines := strings.SplitAfter(diff, "\n")
	if lines[len(lines)-1] != "" {
		return nil, fmt.Errorf("diff does not end with a newline")
	}
	lines = lines[:len(lines)-1]
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return nil, fmt.Errorf("missing ---/+++ header")
	}
	var src []string
	for rest := string(old); rest != ""; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			src = append(src, rest)
			break
		}
		src = append(src, rest[:i+1])
		rest = rest[i+1:]
	}
	header := regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)
	var out []string
	pos := 0
	for i := 2; i < len(lines); {
		m := header.FindStringSubmatch(lines[i])
		if m == nil {
			return nil, fmt.Errorf("line %d: bad hunk header %q", i+1, lines[i])
		}
		num := func(s string, def int) int {
			if s == "" {
				return def
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		oldStart, oldN := num(m[1], 0), num(m[2], 1)
		newStart, newN := num(m[3], 0), num(m[4], 1)
		at := oldStart - 1
		if oldN == 0 {
			at = oldStart
		}
		if at < pos || at > len(src) {
			return nil, fmt.Errorf("hunk %q out of order or range", lines[i])
		}
		out = append(out, src[pos:at]...)
		pos = at
		wantNew := newStart - 1
		if newN == 0 {
			wantNew = newStart
		}
		if len(out) != wantNew {
			return nil, fmt.Errorf("hunk %q: new side starts at line %d, want %d", lines[i], len(out)+1, wantNew+1)
		}
		i++
		var seenOld, seenNew int
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@ ") {
			l := lines[i]
			tag, body := l[0], l[1:]
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch tag {
			case ' ', '-':
				if pos >= len(src) || src[pos] != body {
					return nil, fmt.Errorf("line %d: %q does not match old line %d", i+1, l, pos+1)
				}
				pos++
				seenOld++
				if tag == ' ' {
					out = append(out, body)
					seenNew++
				}
			case '+':
				out = append(out, body)
				seenNew++
			default:
				return nil, fmt.Errorf("line %d: unexpected %q", i+1, l)
			}
			i++
		}
		if seenOld != oldN || seenNew != newN {
			return nil, fmt.Errorf("hunk -%d,%d +%d,%d has %d old and %d new lines", oldStart, oldN, newStart, newN, seenOld, seenNew)
		}
	}
	out = append(out, src[pos:]...)
	return []byte(strings.Join(out, "")), nil
}

// gitApply checks diff with git apply --check and then applies it in a
// fresh repository, returning the patched file.
func gitApply(t *testing.T, path string, old []byte, diff string) []byte {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(git, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s\ndiff:\n%s", strings.Join(args, " "), err, out, diff)
		}
	}
	run("init", "-q", ".")
	file := filepath.Join(dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, old, 0o644); err != nil {
		t.Fatal(err)
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(diff), 0o644); err != nil {
		t.Fatal(err)
	}
	run("-c", "core.autocrlf=false", "apply", "--check", patch)
	run("-c", "core.autocrlf=false", "apply", patch)
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func numbered(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.String()
}

func replaceLine(s string, n int, with string) string {
	lines := strings.SplitAfter(s, "\n")
	lines[n-1] = with
	return strings.Join(lines, "")
}

var diffCases = []struct {
	name     string
	old, new string
}{
	{"insert at start", "b\nc\n", "a\nb\nc\n"},
	{"insert at end", "a\nb\n", "a\nb\nc\n"},
	{"delete at start", "a\nb\nc\n", "b\nc\n"},
	{"delete at end", "a\nb\nc\n", "a\nb\n"},
	{"change middle", numbered(1, 20), replaceLine(numbered(1, 20), 10, "changed\n")},
	{"from empty", "", "a\nb\n"},
	{"to empty", "a\nb\n", ""},
	{"single line no newline", "a", "b"},
	{"old lacks final newline", "a\nb", "a\nb\n"},
	{"new lacks final newline", "a\nb\n", "a\nb"},
	{"both lack final newline, change before", "a\nb\nc\nd\ne", "A\nb\nc\nd\ne"},
	{"both lack final newline, change last", "a\nb\nc", "a\nb\nC"},
	{"append after missing newline", "a\nb", "a\nb\nc\n"},
	{"only newlines", "\n\n\n\n", "\n\n"},
	{"blank lines collapsed", "a\n\n\n\nb\n", "a\n\nb\n"},
	{"crlf change", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"},
	{"crlf to lf", "a\r\nb\r\n", "a\nb\n"},
	{"mixed endings", "a\r\nb\nc\r\n", "a\r\nb\r\nc\r\n"},
	{"crlf no final newline", "a\r\nb", "a\r\nB"},
	{"lone cr", "a\rb\nc\n", "a\rB\nc\n"},
	{"trailing whitespace", "a  \nb\t\n", "a\nb\n"},
	{"chinese", "今年以来,全市经济运行总体平稳。\n各部门认真落实决策部署。\n", "今年以来，全市经济运行总体平稳。\n各部门认真落实决策部署。\n"},
	{"invalid utf-8", "a\xff\nb\xc3\n", "a\xff\nB\xc3\n"},
	{"diff markers in text", "--- a\n+++ b\n@@ x @@\n\\ No newline\n", "--- a\n+++ c\n@@ x @@\n\\ No newline\n"},
	{"two hunks", numbered(1, 30), replaceLine(replaceLine(numbered(1, 30), 3, "x\n"), 25, "y\n")},
	{"hunks merged at gap 6", numbered(1, 20), replaceLine(replaceLine(numbered(1, 20), 5, "x\n"), 12, "y\n")},
	{"hunks split at gap 7", numbered(1, 20), replaceLine(replaceLine(numbered(1, 20), 5, "x\n"), 13, "y\n")},
	{"repeated lines", strings.Repeat("a\nb\n", 20), strings.Repeat("a\nb\n", 10) + "c\n" + strings.Repeat("a\nb\n", 10)},
	{"everything changes", numbered(1, 10), numbered(11, 20)},
}

func TestUnifiedDiff(t *testing.T) {
	for _, c := range diffCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // git runs dominate
			d := UnifiedDiff("docs/report.md", []byte(c.old), []byte(c.new))
			got, err := applyUnified([]byte(c.old), d)
			if err != nil {
				t.Fatalf("%v\n%s", err, d)
			}
			if string(got) != c.new {
				t.Fatalf("applying the diff gives %q, want %q\n%s", got, c.new, d)
			}
			if g := gitApply(t, "docs/report.md", []byte(c.old), d); string(g) != c.new {
				t.Fatalf("git apply gives %q, want %q\n%s", g, c.new, d)
			}
		})
	}
}

func TestUnifiedDiffGolden(t *testing.T) {
	var b strings.Builder
	for _, c := range diffCases {
		fmt.Fprintf(&b, "### %s\n%s", c.name, UnifiedDiff("docs/report.md", []byte(c.old), []byte(c.new)))
	}
	golden(t, "diff.golden", []byte(b.String()))
}

func TestUnifiedDiffEqual(t *testing.T) {
	for _, s := range []string{"", "a", "a\nb\n", "a\r\n"} {
		if d := UnifiedDiff("x", []byte(s), []byte(s)); d != "" {
			t.Errorf("UnifiedDiff of equal %q = %q, want empty", s, d)
		}
	}
}

func TestUnifiedDiffHunkHeaders(t *testing.T) {
	d := UnifiedDiff("a.txt", []byte(numbered(1, 20)), []byte(replaceLine(numbered(1, 20), 10, "x\n")))
	want := "--- a/a.txt\n+++ b/a.txt\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+x\n line 11\n line 12\n line 13\n"
	if d != want {
		t.Errorf("got\n%s\nwant\n%s", d, want)
	}
	if d := UnifiedDiff("a.txt", []byte("a\n"), []byte("b\n")); !strings.Contains(d, "@@ -1 +1 @@\n") {
		t.Errorf("single-line ranges should omit the count:\n%s", d)
	}
	d = UnifiedDiff("a.txt", []byte(numbered(1, 20)), []byte(replaceLine(replaceLine(numbered(1, 20), 5, "x\n"), 13, "y\n")))
	if n := strings.Count(d, "\n@@ "); n != 2 {
		t.Errorf("changes 8 lines apart: %d hunks, want 2\n%s", n, d)
	}
	d = UnifiedDiff("a.txt", []byte(numbered(1, 20)), []byte(replaceLine(replaceLine(numbered(1, 20), 5, "x\n"), 12, "y\n")))
	if n := strings.Count(d, "\n@@ "); n != 1 {
		t.Errorf("changes 7 lines apart: %d hunks, want 1 (contexts touch)\n%s", n, d)
	}
}

func TestUnifiedDiffPaths(t *testing.T) {
	old, new := []byte("a\nb\n"), []byte("a\nc\n")
	for _, p := range []string{"my report.md", "docs/二〇二四 年 报告.md", "a,b;c'd.md", "./lead.md", "tab\there.md", `quote"and\back.md`} {
		t.Run(p, func(t *testing.T) {
			t.Parallel()
			d := UnifiedDiff(p, old, new)
			clean := strings.TrimPrefix(p, "./")
			if strings.ContainsAny(p, "\t\"\\") {
				if !strings.HasPrefix(d, `--- "a/`) {
					t.Errorf("path should be quoted:\n%s", d)
				}
				if strings.Contains(p, "\\") {
					return // a backslash is a separator on Windows; only check the quoting
				}
			} else if !strings.HasPrefix(d, "--- a/"+clean+"\n+++ b/"+clean+"\n") {
				t.Errorf("header:\n%s", d)
			}
			if g := gitApply(t, clean, old, d); !bytes.Equal(g, new) {
				t.Errorf("git apply gives %q", g)
			}
		})
	}
	if d := UnifiedDiff(filepath.Join("docs", "a.md"), old, new); !strings.HasPrefix(d, "--- a/docs/a.md\n") {
		t.Errorf("OS separators should become slashes:\n%s", d)
	}
}

func TestUnifiedDiffLarge(t *testing.T) {
	var old strings.Builder
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&old, "第%d行：这是一个很长的测试文件。\n", i)
	}
	o := old.String()
	n := strings.Replace(o, "第100行：", "第100行:", 1)
	n = strings.Replace(n, "第150000行：这是", "第150000行：那是", 1)
	n = n + "尾\n"
	d := UnifiedDiff("big.txt", []byte(o), []byte(n))
	if strings.Count(d, "\n@@ ") != 3 {
		t.Errorf("want 3 hunks, got:\n%s", d)
	}
	got, err := applyUnified([]byte(o), d)
	if err != nil || string(got) != n {
		t.Fatalf("large diff does not apply: %v", err)
	}
	if g := gitApply(t, "big.txt", []byte(o), d); string(g) != n {
		t.Fatal("git apply of the large diff differs")
	}
}

// Beyond the distinct-line capacity of the rune encoding the changed region
// becomes one replacement: longer, still exact.
func TestUnifiedDiffFallback(t *testing.T) {
	defer func(n int) { maxDistinctLines = n }(maxDistinctLines)
	maxDistinctLines = 5
	o := numbered(1, 40)
	n := replaceLine(replaceLine(o, 10, "x\n"), 30, "y\n")
	d := UnifiedDiff("f.txt", []byte(o), []byte(n))
	if strings.Count(d, "\n@@ ") != 1 || strings.Count(d, "\n-") != 21 {
		t.Errorf("want one hunk replacing lines 10-30:\n%s", d)
	}
	got, err := applyUnified([]byte(o), d)
	if err != nil || string(got) != n {
		t.Fatalf("fallback diff does not apply: %v\n%s", err, d)
	}
}

func TestUnifiedDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	words := []string{"a\n", "b\n", "c\n", "a\r\n", "\n", "中文\n", "d"}
	gen := func() string {
		var b strings.Builder
		for i := rng.Intn(30); i > 0; i-- {
			b.WriteString(words[rng.Intn(len(words))])
		}
		return b.String()
	}
	for i := 0; i < 3000; i++ {
		o, n := gen(), gen()
		d := UnifiedDiff("f", []byte(o), []byte(n))
		got, err := applyUnified([]byte(o), d)
		if err != nil || string(got) != n {
			t.Fatalf("old %q new %q: %v\n%s", o, n, err, d)
		}
	}
}

// FuzzUnifiedDiff: the diff of any two texts applies back to the second.
func FuzzUnifiedDiff(f *testing.F) {
	for _, c := range diffCases {
		f.Add([]byte(c.old), []byte(c.new))
	}
	f.Fuzz(func(t *testing.T, old, new []byte) {
		d := UnifiedDiff("f.txt", old, new)
		if bytes.Equal(old, new) {
			if d != "" {
				t.Fatalf("diff of equal texts: %q", d)
			}
			return
		}
		got, err := applyUnified(old, d)
		if err != nil {
			t.Fatalf("%v\n%s", err, d)
		}
		if !bytes.Equal(got, new) {
			t.Fatalf("applied %q, want %q\n%s", got, new, d)
		}
	})
}
