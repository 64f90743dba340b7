package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMergeFixes(t *testing.T) {
	fixes := []Fix{
		{Message: "a", Edits: []Edit{{2, 3, "X"}}},
		{Message: "b", Edits: []Edit{{2, 3, "X"}}},             // identical: coalesces
		{Message: "c", Edits: []Edit{{2, 4, "Y"}}},             // overlaps a: deferred
		{Message: "d", Edits: []Edit{{0, 0, "<"}, {5, 6, ""}}}, // independent
		{Message: "e", Edits: []Edit{{0, 0, ">"}}},             // same-point insertion: conflict
		{Message: "f", Edits: []Edit{{3, 3, "|"}}},             // insertion touching a's end: fine
	}
	edits, taken := MergeFixes(fixes)
	if got := joinInts(taken); got != "0 1 3 5" {
		t.Fatalf("taken %s", got)
	}
	out := string(ApplyEdits([]byte("012345678"), edits))
	if out != "<01X|34678" {
		t.Errorf("applied %q", out)
	}
}

func joinInts(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, string(rune('0'+x)))
	}
	return strings.Join(s, " ")
}

func TestValidateFix(t *testing.T) {
	d := Parse("a.md", []byte("正文\n\n```\ncode\n```\n"), FormatMarkdown)
	code := strings.Index(string(d.Src), "code")
	bad := []Fix{
		{Edits: nil},
		{Edits: []Edit{{-1, 0, ""}}},
		{Edits: []Edit{{0, 100, ""}}},
		{Edits: []Edit{{0, 3, ""}, {1, 2, ""}}},
		{Edits: []Edit{{code, code + 1, "C"}}},
	}
	for i, f := range bad {
		if err := validateFix(d, &f); err == nil {
			t.Errorf("fix %d accepted", i)
		}
	}
	ok := Fix{Edits: []Edit{{3, 6, "x"}, {0, 0, "y"}}}
	if err := validateFix(d, &ok); err != nil || ok.Edits[0].Start != 0 {
		t.Errorf("valid fix: %v %v", err, ok.Edits)
	}
}

// A rule whose fix keeps producing a new finding must hit the cap and be
// named in the error instead of looping forever.
func TestFixLoopCap(t *testing.T) {
	grow := &Rule{ID: "grow", Summary: "x", Category: "style", Severity: Warning, Run: func(p *Pass) error {
		p.Report(Diagnostic{Span: Span{0, 0}, Message: "m", Fixes: []Fix{{Safe: true, Edits: []Edit{{0, 0, "a"}}}}})
		return nil
	}}
	d := Parse("a.txt", []byte("x"), FormatText)
	_, _, _, err := FixAll(d, []*Rule{grow}, false)
	if err == nil || !strings.Contains(err.Error(), "grow") {
		t.Fatalf("err = %v", err)
	}
}

func TestFixLoopUnsafe(t *testing.T) {
	r := &Rule{ID: "u", Summary: "x", Category: "style", Severity: Warning, Run: func(p *Pass) error {
		if i := strings.Index(string(p.Doc.Src), "old"); i >= 0 {
			p.Report(Diagnostic{Span: Span{i, i + 3}, Message: "m", Fixes: []Fix{{Safe: false, Edits: []Edit{{i, i + 3, "new"}}}}})
		}
		return nil
	}}
	d := Parse("a.txt", []byte("an old text"), FormatText)
	src, diags, n, err := FixAll(d, []*Rule{r}, false)
	if err != nil || string(src) != "an old text" || n != 0 || len(diags) != 1 {
		t.Fatalf("safe-only run changed text: %q %d %v", src, n, err)
	}
	src, diags, n, err = FixAll(d, []*Rule{r}, true)
	if err != nil || string(src) != "an new text" || n != 1 || len(diags) != 0 {
		t.Fatalf("unsafe run: %q %d %v %v", src, n, diags, err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new" || st.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v", b, st.Mode())
	}
	// Changed on disk since read: refused, file untouched.
	if err := WriteFileAtomic(p, []byte("old"), []byte("newer")); !errors.Is(err, ErrChanged) {
		t.Errorf("err = %v", err)
	}
	b, _ = os.ReadFile(p)
	if string(b) != "new" {
		t.Errorf("file changed to %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary files left: %d entries", len(ents))
	}
	// Through a symlink: the link stays, the target changes.
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(p, link); err != nil {
		t.Skip(err)
	}
	if err := WriteFileAtomic(link, []byte("new"), []byte("via link")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("symlink replaced by a file")
	}
	if b, _ := os.ReadFile(p); string(b) != "via link" {
		t.Errorf("target %q", b)
	}
}
