package rules

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/linttest"
	"go.yaml.in/yaml/v3"
)

// The README rule table and docs/rules.md are generated from the rules;
// this test keeps them true (run with -update to regenerate).
func TestDocs(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	i, j := bytes.Index(readme, []byte(begin)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatal("README.md lacks the rules:begin/rules:end markers")
	}
	want := append(append(append([]byte{}, readme[:i+len(begin)]...), ruleTable()...), readme[j:]...)
	ref := []byte(reference())
	if *linttest.Update {
		if err := os.WriteFile("../README.md", want, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../docs/rules.md", ref, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(readme, want) {
		t.Error("README.md rule table is out of date: go test ./rules -run TestDocs -update")
	}
	if got, _ := os.ReadFile("../docs/rules.md"); !bytes.Equal(got, ref) {
		t.Error("docs/rules.md is out of date: go test ./rules -run TestDocs -update")
	}
}

func defaultText(r *lint.Rule) string {
	if len(r.Profiles) > 0 {
		return strings.Join(r.Profiles, ", ")
	}
	if r.Default {
		return "on"
	}
	return "off"
}

func fixText(r *lint.Rule) string {
	var safe, unsafe bool
	for _, ex := range r.Examples {
		if ex.Fixed == "" {
			continue
		}
		d := lint.Parse("x.txt", []byte(ex.Bad), lint.FormatText)
		diags, _ := lint.Check(d, []*lint.Rule{r})
		for _, dg := range diags {
			for _, f := range dg.Fixes {
				if f.Safe {
					safe = true
				} else {
					unsafe = true
				}
			}
		}
	}
	switch {
	case safe && unsafe:
		return "safe / unsafe"
	case safe:
		return "safe"
	case unsafe:
		return "unsafe"
	}
	return "—"
}

func ruleTable() string {
	var b strings.Builder
	b.WriteString("| rule | category | severity | default | fix | summary |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "| [`%s`](docs/rules.md#%s) | %s | %s | %s | %s | %s（%s） |\n",
			r.ID, r.ID, r.Category, r.Severity, defaultText(r), fixText(r), r.Summary, r.SummaryZh)
	}
	return b.String()
}

func reference() string {
	var b strings.Builder
	b.WriteString("# draftlint rules\n\nGenerated from the rule definitions by `go test ./rules -run TestDocs -update`; do not edit.\n\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "## %s\n\n%s — %s\n\n", r.ID, r.Summary, r.SummaryZh)
		fmt.Fprintf(&b, "Category: %s · severity: %s · default: %s · fix: %s\n\n", r.Category, r.Severity, defaultText(r), fixText(r))
		b.WriteString(strings.TrimSpace(r.Doc))
		b.WriteString("\n\n")
		if r.Options != nil {
			if y, err := yaml.Marshal(r.Options()); err == nil {
				fmt.Fprintf(&b, "Options (defaults):\n\n```yaml\nrules:\n  %s:\n", r.ID)
				for _, l := range strings.Split(strings.TrimRight(string(y), "\n"), "\n") {
					fmt.Fprintf(&b, "    %s\n", l)
				}
				b.WriteString("```\n\n")
			}
		}
		for i, ex := range r.Examples {
			fmt.Fprintf(&b, "Example %d:\n\n", i+1)
			for _, part := range []struct{ label, text string }{{"bad", ex.Bad}, {"good", ex.Good}, {"fixed", ex.Fixed}} {
				if part.text != "" {
					fmt.Fprintf(&b, "```text\n# %s\n%s\n```\n\n", part.label, strings.TrimRight(part.text, "\n"))
				}
			}
		}
	}
	return b.String()
}
