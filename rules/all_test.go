package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/linttest"
)

var idRe = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Every rule is well formed: a stable kebab-case ID, a known category, a
// summary in lower case without a final period, documentation and at least
// one example.
func TestRuleMetadata(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		if !idRe.MatchString(r.ID) {
			t.Errorf("%s: ID is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("%s: duplicate ID", r.ID)
		}
		seen[r.ID] = true
		known := false
		for _, c := range lint.Categories {
			known = known || c == r.Category
		}
		if !known {
			t.Errorf("%s: unknown category %q", r.ID, r.Category)
		}
		if r.Summary == "" || strings.HasSuffix(r.Summary, ".") || strings.ToLower(r.Summary[:1]) != r.Summary[:1] {
			t.Errorf("%s: summary %q must be lower case without a final period", r.ID, r.Summary)
		}
		if r.SummaryZh == "" {
			t.Errorf("%s: no Chinese summary", r.ID)
		}
		if len(r.Doc) < 80 {
			t.Errorf("%s: documentation too short", r.ID)
		}
		if len(r.Examples) == 0 {
			t.Errorf("%s: no examples", r.ID)
		}
		if r.Severity == lint.SeverityUnset {
			t.Errorf("%s: no default severity", r.ID)
		}
		if r.Run == nil && r.RunCorpus == nil && r.Corpus == nil && r != lint.UnusedDirective {
			t.Errorf("%s: nothing to run", r.ID)
		}
	}
}

func TestExamples(t *testing.T) {
	linttest.RunExamples(t, All())
}
