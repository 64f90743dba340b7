package punct

import (
	"bytes"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// FuzzRules runs every punctuation rule on arbitrary text: no panics, every
// fix applies, and fixing the fixed text changes nothing.
func FuzzRules(f *testing.F) {
	for _, s := range []string{
		"他说：“我们要努力。\n\n“第二段。”\n",
		"会议强调，，要认真对标对表。。。……。\n",
		"示范工程--选择 — 代表 ―到 ───\n",
		"尔肯江・吐拉洪 “9•11” 一．总则\n",
		"他说\"OK\"也行，'数商' 5\" 30'\n",
		"「引文」“引文” （ 注 ） 。 “\n",
		"(a)[0, 1) 1) iii) :) ’n’ ‘90s\n",
		"\xe4\xb8\x80\xff“\xe2\x80”。\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, md bool) {
		name := "f.txt"
		if md {
			name = "f.md"
		}
		doc := lint.Parse(name, []byte(s), lint.FormatFor(name))
		if _, errs := lint.Check(doc, Rules()); len(errs) > 0 {
			t.Fatal(errs[0])
		}
		fixed, _, _, err := lint.FixAll(doc, Rules(), true)
		if err != nil {
			t.Fatalf("fixing: %v", err)
		}
		again, _, _, err := lint.FixAll(lint.Parse(name, fixed, lint.FormatFor(name)), Rules(), true)
		if err != nil {
			t.Fatalf("fixing the fixed text: %v", err)
		}
		if !bytes.Equal(again, fixed) {
			t.Fatalf("fixes are not idempotent:\n%q\n%q", fixed, again)
		}
	})
}
