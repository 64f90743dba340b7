package lint

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file whose fixes cannot be written — rules that never settle, an
// encoding that cannot hold the fixed text, a write that fails — is left
// as it was, with the findings of the text as it is.
func TestRunnerLeavesFileUnwritten(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	orig := []byte("甲乙甲\n")
	if err := os.WriteFile(p, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	grow := &Rule{ID: "grow", Summary: "x", Category: "style", Severity: Warning, Default: true, Run: func(p *Pass) error {
		p.Report(Diagnostic{Span: Span{0, 0}, Message: "grow", Fixes: []Fix{{Safe: true, Edits: []Edit{{0, 0, "丙"}}}}})
		return nil
	}}
	word := wordRule("foo-rule", "甲", "乙")
	for _, c := range []struct {
		name   string
		rules  []*Rule
		runner Runner
		err    string
	}{
		{"unsettled", []*Rule{grow, word}, Runner{}, "fixes did not settle after 10 rounds; rules still rewriting: grow; file left unchanged"},
		{"encode", []*Rule{word}, Runner{Encode: func(*Document, []byte) ([]byte, error) { return nil, errors.New("no such character") }},
			"fixed text not written: no such character"},
		{"write", []*Rule{word}, Runner{Write: func(string, []byte, []byte) error { return ErrChanged }}, "fixes not written: file changed on disk"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pol, _ := NewPolicy(c.rules, nil, nil, nil)
			r := c.runner
			r.Policy, r.Fix = pol, true
			res := r.Run(context.Background(), []string{p})
			if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), c.err) {
				t.Fatalf("errors %v, want %q", res.Errors, c.err)
			}
			if b, _ := os.ReadFile(p); string(b) != string(orig) {
				t.Fatalf("file written: %q", b)
			}
			fr := res.Files[0]
			var words int
			for _, d := range fr.Diagnostics {
				if d.Rule == "foo-rule" {
					words++
				}
			}
			if fr.Fixed != 0 || words != 2 {
				t.Errorf("reported %d fixed, %d foo-rule findings; want the original text's 0 and 2", fr.Fixed, words)
			}
		})
	}
}
