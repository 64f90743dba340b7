package terms

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/linttest"
)

func TestExamples(t *testing.T) { linttest.RunExamples(t, Rules()) }

func TestTermVariant(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/term-variant", TermVariant)
}

// The sample report mixes 党的二十届三中全会 (23 times) and
// 中共二十届三中全会 (10 times): the ten are reported.
func TestSampleReport(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "sample-report.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	diags, errs := lint.Check(lint.Parse(path, src, lint.FormatText), Rules())
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if len(diags) != 10 {
		t.Fatalf("%d findings, want 10", len(diags))
	}
	for _, d := range diags {
		if got := string(src[d.Span.Start:d.Span.End]); got != "中共二十届三中全会" || !strings.Contains(d.Message, "23 times") {
			t.Errorf("%d:%d: %q: %s", d.Start.Line, d.Start.Column, got, d.Message)
		}
	}
}

// Configured groups: with or without the built-in ones, longest form
// first, and a form inside a longer one not counted.
func TestClasses(t *testing.T) {
	dir := t.TempDir()
	text := "推动实体经济和数字经济深度融合。促进数字经济和实体经济深度融合。推动实体经济和数字经济深度融合发展。\n\n党的二十大和中共二十大。\n"
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		yaml string
		want []string // the reported forms, in order
	}{
		{"", []string{"中共二十大"}},
		{"rules:\n  term-variant:\n    classes:\n      - [实体经济和数字经济深度融合, 数字经济和实体经济深度融合, 实体经济和数字经济深度融合发展]\n",
			[]string{"数字经济和实体经济深度融合", "实体经济和数字经济深度融合发展", "中共二十大"}},
		{"rules:\n  term-variant:\n    defaults: false\n    classes:\n      - [实体经济和数字经济深度融合, 数字经济和实体经济深度融合]\n",
			[]string{"数字经济和实体经济深度融合"}},
		{"rules:\n  term-variant:\n    defaults: false\n", nil},
	} {
		cfg, err := lint.ParseConfig("cfg.yaml", dir, []byte(c.yaml), Rules())
		if err != nil {
			t.Fatal(err)
		}
		pol, err := lint.NewPolicy(Rules(), cfg, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		res := (&lint.Runner{Policy: pol}).Run(context.Background(), []string{path})
		var got []string
		for _, fr := range res.Files {
			for _, d := range fr.Diagnostics {
				got = append(got, text[d.Span.Start:d.Span.End])
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: reported %q, want %q", c.yaml, got, c.want)
		}
	}
}
