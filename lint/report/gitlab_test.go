package report

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// gitlabFields checks what GitLab requires of a code quality issue
// (description, check_name, fingerprint, severity, location.path,
// location.lines.begin) and that fingerprints are unique in the report:
// GitLab shows only one issue per fingerprint.
func gitlabFields(t *testing.T, out []byte) []map[string]any {
	t.Helper()
	var issues []map[string]any
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	severities := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	seen := map[string]bool{}
	for i, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity"} {
			if s, _ := is[k].(string); s == "" {
				t.Errorf("issue %d: %s missing or empty", i, k)
			}
		}
		if is["type"] != "issue" {
			t.Errorf("issue %d: type %v", i, is["type"])
		}
		if !severities[is["severity"].(string)] {
			t.Errorf("issue %d: severity %q", i, is["severity"])
		}
		fp, _ := is["fingerprint"].(string)
		if !hex32.MatchString(fp) || seen[fp] {
			t.Errorf("issue %d: fingerprint %q not 32 hex digits or not unique", i, fp)
		}
		seen[fp] = true
		loc, _ := is["location"].(map[string]any)
		p, _ := loc["path"].(string)
		if p == "" || filepath.IsAbs(p) || filepath.ToSlash(p) != p {
			t.Errorf("issue %d: path %q", i, p)
		}
		lines, _ := loc["lines"].(map[string]any)
		if b, _ := lines["begin"].(float64); b < 1 {
			t.Errorf("issue %d: lines.begin %v", i, lines["begin"])
		}
		if cats, _ := is["categories"].([]any); len(cats) == 0 {
			t.Errorf("issue %d: no categories", i)
		}
	}
	return issues
}

func TestGitLabFields(t *testing.T) {
	issues := gitlabFields(t, render(t, "gitlab", Options{}, fixture(t)))
	if len(issues) != 9 {
		t.Fatalf("%d issues, want 9 (every finding, no file errors)", len(issues))
	}
	got := map[string]string{}
	for _, is := range issues {
		got[is["check_name"].(string)] = is["severity"].(string)
	}
	for rule, want := range map[string]string{"mojibake": "major", "halfwidth-punct": "minor", "style-emoji": "info"} {
		if got[rule] != want {
			t.Errorf("%s: severity %q, want %q", rule, got[rule], want)
		}
	}
	if out := render(t, "gitlab", Options{}, &lint.Result{}); string(out) != "[]\n" {
		t.Errorf("empty result: %q", out)
	}
}

// The fingerprint follows the finding, not its line: a finding moved down
// by an insertion keeps it, the same finding in another file does not.
func TestGitLabFingerprint(t *testing.T) {
	one := func(path string, line int) string {
		d := lint.Diagnostic{Rule: "halfwidth-punct", Severity: lint.Warning, Message: "m", Path: path,
			Start: lint.Position{Line: line, Column: 3}, End: lint.Position{Line: line, Column: 4}, Fingerprint: "abc"}
		r := &lint.Result{Files: []*lint.FileResult{{Path: path, Diagnostics: []lint.Diagnostic{d, d}}}}
		issues := gitlabFields(t, render(t, "gitlab", Options{}, r))
		return issues[0]["fingerprint"].(string)
	}
	if one("a.md", 3) != one("a.md", 30) {
		t.Error("fingerprint depends on the line")
	}
	if one("a.md", 3) == one("b.md", 3) {
		t.Error("fingerprint ignores the path")
	}
	// Absolute paths under the root are reported relative to it.
	root := t.TempDir()
	d := lint.Diagnostic{Rule: "r", Message: "m", Path: filepath.Join(root, "docs", "a.md"), Start: lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 2}}
	r := &lint.Result{Files: []*lint.FileResult{{Path: d.Path, Diagnostics: []lint.Diagnostic{d}}}}
	issues := gitlabFields(t, render(t, "gitlab", Options{Root: root}, r))
	if p := issues[0]["location"].(map[string]any)["path"]; p != "docs/a.md" {
		t.Errorf("path %v, want docs/a.md", p)
	}
}
