package numbers

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// FuzzNumbers lints and fixes (safe and unsafe) arbitrary text with the
// number rules: no rule fails, every fix is valid, the loop settles, and
// fixing the result again changes nothing. Seeds are the rule tests.
func FuzzNumbers(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "rules", "*", "*.*"))
	for _, file := range files {
		if filepath.Ext(file) == ".golden" {
			continue
		}
		if b, err := os.ReadFile(file); err == nil && len(b) < 4096 && bytes.ContainsAny(b, "0123456789一二三四五六七八九十百千万亿兆") {
			f.Add(string(b), filepath.Ext(file) == ".md")
		}
	}
	f.Fuzz(func(t *testing.T, src string, md bool) {
		if len(src) > 4096 || !utf8.ValidString(src) {
			return
		}
		name, format := "f.txt", lint.FormatText
		if md {
			name, format = "f.md", lint.FormatMarkdown
		}
		doc := lint.Parse(name, []byte(src), format)
		fixed, _, _, err := lint.FixAll(doc, Rules(), true)
		if err != nil {
			t.Fatalf("fixing %q: %v", src, err)
		}
		if !utf8.Valid(fixed) {
			t.Fatalf("fixing %q gives invalid UTF-8", src)
		}
		again, _, _, err := lint.FixAll(lint.Parse(name, fixed, format), Rules(), true)
		if err != nil || !bytes.Equal(again, fixed) {
			t.Fatalf("fixing %q twice: %q then %q (%v)", src, fixed, again, err)
		}
	})
}
