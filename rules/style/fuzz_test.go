package style

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// FuzzStyleRules runs the style rules of each profile over arbitrary text
// as plain text and as Markdown: no rule may fail or panic, every span and
// fix must be accepted by the engine, and fixing must settle. (The two
// spacing rules pull in opposite directions by design and never share a
// profile.)
func FuzzStyleRules(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*.*"))
	for _, s := range seeds {
		if filepath.Ext(s) == ".golden" {
			continue
		}
		if b, err := os.ReadFile(s); err == nil && len(b) < 4096 {
			f.Add(string(b))
		}
	}
	f.Add("第一条　为了规范⽤法，既要、也要。\n\n### ■ 一、\n\n### ▶ （三）\n")
	f.Add("The  report ， was adopted 。使用Go语言。")
	var sets [][]*lint.Rule
	for _, profile := range lint.Profiles {
		var set []*lint.Rule
		for _, r := range Rules() {
			if r.DefaultIn(profile) {
				set = append(set, r)
			}
		}
		sets = append(sets, set)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // documents are decoded to UTF-8 before linting
		}
		for _, set := range sets {
			for _, name := range []string{"fuzz.txt", "fuzz.md"} {
				doc := lint.Parse(name, []byte(src), lint.FormatFor(name))
				if _, errs := lint.Check(doc, set); len(errs) > 0 {
					t.Fatalf("%s: %v", name, errs[0])
				}
				doc = lint.Parse(name, []byte(src), lint.FormatFor(name))
				if _, _, _, err := lint.FixAll(doc, set, true); err != nil {
					t.Fatalf("%s: fixing: %v", name, err)
				}
			}
		}
	})
}
