package cli

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint/report"
	"go.yaml.in/yaml/v3"
)

// yamlStrings collects every string value of a YAML document.
func yamlStrings(n *yaml.Node, out *[]string) {
	if n.Kind == yaml.ScalarNode {
		*out = append(*out, n.Value)
	}
	for _, c := range n.Content {
		yamlStrings(c, out)
	}
}

var invocationRe = regexp.MustCompile(`draftlint check[^\n>|]*`)

// The CI examples and the pre-commit hooks call draftlint with flags that
// exist and formats that are registered, so the documentation cannot
// drift from the command.
func TestCIExamplesUseRealFlags(t *testing.T) {
	files := []string{".pre-commit-hooks.yaml", "examples/github-actions.yml", "examples/gitlab-ci.yml"}
	total := 0
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(repo, name))
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var strs []string
		yamlStrings(&doc, &strs)
		for _, s := range strs {
			for _, inv := range invocationRe.FindAllString(s, -1) {
				total++
				args := strings.Fields(strings.TrimPrefix(inv, "draftlint check"))
				var f checkFlags
				fs := newFlagSet("check", io.Discard)
				f.register(fs)
				if err := fs.Parse(args); err != nil {
					t.Errorf("%s: %q: %v", name, inv, err)
					continue
				}
				if _, err := report.New(f.format, report.Options{}); err != nil {
					t.Errorf("%s: %q: %v", name, inv, err)
				}
			}
		}
	}
	if total < 8 {
		t.Errorf("found only %d draftlint invocations in %v", total, files)
	}
}

// The hook definitions pre-commit reads: two hooks, built with Go, that
// pass file names and run in one process.
func TestPreCommitHooksFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repo, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []map[string]any
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"draftlint": "draftlint check --force-exclude", "draftlint-fix": "draftlint check --force-exclude --fix"}
	if len(hooks) != len(want) {
		t.Fatalf("%d hooks, want %d", len(hooks), len(want))
	}
	files := regexp.MustCompile(`(?i)\.(md|markdown|txt|docx)$`)
	for _, h := range hooks {
		id, _ := h["id"].(string)
		if want[id] == "" || h["entry"] != want[id] || h["language"] != "golang" || h["require_serial"] != true {
			t.Errorf("hook %v", h)
		}
		if pf, ok := h["pass_filenames"]; ok && pf != true {
			t.Errorf("%s: pass_filenames %v", id, pf)
		}
		// pre-commit uses Python regular expressions; this one reads the
		// same in Go.
		re, err := regexp.Compile(h["files"].(string))
		if err != nil {
			t.Fatalf("%s: files: %v", id, err)
		}
		for _, name := range []string{"a.md", "docs/b.MARKDOWN", "c.txt", "报告.docx"} {
			if !re.MatchString(name) || !files.MatchString(name) {
				t.Errorf("%s: files does not match %s", id, name)
			}
		}
		for _, name := range []string{"a.png", "b.doc", "c.md.bak", "txt"} {
			if re.MatchString(name) {
				t.Errorf("%s: files matches %s", id, name)
			}
		}
	}
}
