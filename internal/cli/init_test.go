package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules"
)

func activeSet(t *testing.T, cfg *lint.Config) map[string]string {
	t.Helper()
	pol, err := lint.NewPolicy(rules.All(), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	act, err := pol.For("draft.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, a := range act {
		out[a.Rule.ID] = a.Severity.String()
	}
	return out
}

func sameSet(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// uncommentRules turns the commented "# rules:" block into live YAML.
func uncommentRules(t *testing.T, text string) string {
	t.Helper()
	lines := strings.Split(text, "\n")
	in := false
	n := 0
	for i, l := range lines {
		if l == "# rules:" {
			in = true
		}
		if in && l == "" {
			break
		}
		if in {
			lines[i] = strings.TrimPrefix(l, "# ")
			n++
		}
	}
	if n < 2 {
		t.Fatal("no rules block found")
	}
	return strings.Join(lines, "\n")
}

// The file init writes is a valid configuration that changes nothing but
// the profile; the commented defaults, once uncommented, are the defaults.
func TestInitConfigIsTheDefault(t *testing.T) {
	all := rules.All()
	for _, profile := range lint.Profiles {
		t.Run(profile, func(t *testing.T) {
			data, err := initConfig(profile, all)
			if err != nil {
				t.Fatal(err)
			}
			def := activeSet(t, &lint.Config{Profile: profile})
			cfg, err := lint.ParseConfig("init.yaml", t.TempDir(), data, all)
			if err != nil {
				t.Fatalf("init's file does not parse: %v\n%s", err, data)
			}
			if cfg.Profile != profile || !sameSet(activeSet(t, cfg), def) {
				t.Errorf("init's file changes the rules: %v vs %v", activeSet(t, cfg), def)
			}
			live := uncommentRules(t, string(data))
			cfg, err = lint.ParseConfig("init.yaml", t.TempDir(), []byte(live), all)
			if err != nil {
				t.Fatalf("uncommented rules do not parse: %v\n%s", err, live)
			}
			if len(cfg.Rules) != len(all) || !sameSet(activeSet(t, cfg), def) {
				t.Errorf("the commented values are not the %s defaults:\n got %v\nwant %v", profile, activeSet(t, cfg), def)
			}
		})
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "", "init")
	if r.code != ExitOK || r.stdout != "wrote .draftlint.yaml (profile official)\n" || r.stderr != "" {
		t.Fatalf("init: %+v", r)
	}
	first, err := os.ReadFile(filepath.Join(dir, ".draftlint.yaml"))
	if err != nil || !strings.Contains(string(first), "\nprofile: official\n") {
		t.Fatalf("file: %v\n%s", err, first)
	}
	// The check command finds and accepts it.
	writeFile(t, filepath.Join(dir, "a.txt"), "甲方(乙方)。\n")
	if r := run(t, dir, "", "check", "a.txt"); r.code != ExitFindings || !strings.Contains(r.stdout, "(halfwidth-punct)") {
		t.Errorf("check with init's config: %+v", r)
	}

	// Never overwritten; one line on stderr, exit 2.
	r = run(t, dir, "", "init", "--profile", "copywriting")
	if r.code != ExitError || r.stderr != "draftlint: init: .draftlint.yaml already exists; not overwriting it\n" {
		t.Errorf("second init: %+v", r)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, ".draftlint.yaml")); string(again) != string(first) {
		t.Error("the existing file was changed")
	}

	other := t.TempDir()
	writeFile(t, filepath.Join(other, ".draftlint.yml"), "profile: official\n")
	r = run(t, other, "", "init")
	if r.code != ExitError || r.stderr != "draftlint: init: .draftlint.yml already exists; not overwriting it\n" {
		t.Errorf("init next to .draftlint.yml: %+v", r)
	}
	r = run(t, other, "", "init", "--profile", "copywriting", "cfg/draftlint.yaml")
	if r.code != ExitError || r.stderr != "draftlint: init: cfg/draftlint.yaml: no such file or directory\n" {
		t.Errorf("init into a missing folder: %+v", r)
	}
	r = run(t, other, "", "init", "--profile", "copywriting", "custom.yaml")
	if r.code != ExitOK || r.stdout != "wrote custom.yaml (profile copywriting)\n" {
		t.Errorf("init with a name: %+v", r)
	}
	r = run(t, other, "", "init", "custom.yaml")
	if r.code != ExitError || r.stderr != "draftlint: init: custom.yaml already exists; not overwriting it\n" {
		t.Errorf("init over a named file: %+v", r)
	}
	r = run(t, other, "", "init", "--profile", "poetry")
	if r.code != ExitError || r.stderr != "draftlint: --profile must be official or copywriting, not \"poetry\" (see draftlint --help)\n" {
		t.Errorf("bad profile: %+v", r)
	}
	if r := run(t, other, "", "init", "--help"); r.code != ExitOK || !strings.Contains(r.stdout, "--profile") {
		t.Errorf("init --help: %+v", r)
	}
}
