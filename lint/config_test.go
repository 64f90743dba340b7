package lint

import (
	"strings"
	"testing"
)

type testOpts struct {
	MaxChars int  `yaml:"max-chars"`
	Strict   bool `yaml:"strict"`
}

func testRules() []*Rule {
	return []*Rule{
		{ID: "alpha-rule", Category: "punctuation", Severity: Warning, Default: true},
		{ID: "beta-rule", Category: "layout", Severity: Error, Default: true,
			Options: func() any { return &testOpts{MaxChars: 150} }},
		{ID: "gamma-rule", Category: "style", Severity: Info, Default: false},
		{ID: "copy-rule", Category: "style", Severity: Info, Profiles: []string{"copywriting"}},
	}
}

func ids(a []ActiveRule) string {
	var s []string
	for _, r := range a {
		s = append(s, r.Rule.ID+"="+r.Severity.String())
	}
	return strings.Join(s, ",")
}

func TestConfigErrors(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"profle: official\n", `cfg.yaml:1: unknown key "profle" (did you mean "profile"?)`},
		{"rules:\n  alpha-rul: error\n", `cfg.yaml:2: unknown rule "alpha-rul" (did you mean "alpha-rule"?)`},
		{"rules:\n  beta-rule:\n    max-char: 3\n", `cfg.yaml:3: unknown option "max-char" for rule beta-rule (did you mean "max-chars"?)`},
		{"rules:\n  beta-rule:\n    max-chars: many\n", `cfg.yaml:3: options of beta-rule`},
		{"rules:\n  alpha-rule: loud\n", `cfg.yaml:2: severity must be error, warning, info or off`},
		{"select: [alpah-rule]\n", `cfg.yaml:1: unknown rule or category "alpah-rule" (did you mean "alpha-rule"?)`},
		{"profile: fancy\n", `cfg.yaml:1: profile must be one of official, copywriting`},
		{"overrides:\n  - ignore: [alpha-rule]\n", `cfg.yaml:2: an override needs files`},
		{"rules: [\n", `cfg.yaml:`},
	}
	for _, c := range cases {
		_, err := ParseConfig("cfg.yaml", "/x", []byte(c.yaml), testRules())
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want prefix %q", c.yaml, err, c.want)
		}
	}
}

func TestPolicy(t *testing.T) {
	cfg, err := ParseConfig("cfg.yaml", "/proj", []byte(`
select: [punctuation, layout, gamma-rule]
rules:
  alpha-rule: error
  beta-rule:
    max-chars: 99
overrides:
  - files: ["poems/**"]
    ignore: [layout]
  - files: ["*.md"]
    rules:
      gamma-rule: off
`), testRules())
	if err != nil {
		t.Fatal(err)
	}
	pol, err := NewPolicy(testRules(), cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := pol.For("/proj/notes/a.txt")
	if got := ids(a); got != "alpha-rule=error,beta-rule=error,gamma-rule=info" {
		t.Errorf("a.txt: %s", got)
	}
	if o := a[1].Options.(*testOpts); o.MaxChars != 99 {
		t.Errorf("options %+v", o)
	}
	b, _ := pol.For("/proj/poems/x/b.md")
	if got := ids(b); got != "alpha-rule=error" {
		t.Errorf("poems/x/b.md: %s", got)
	}
	// Command-line selection replaces the configured set.
	pol2, _ := NewPolicy(testRules(), cfg, []string{"*-rule"}, []string{"beta-rule"})
	c, _ := pol2.For("/proj/a.txt")
	if got := ids(c); got != "alpha-rule=error,copy-rule=info,gamma-rule=info" {
		t.Errorf("cli select: %s", got)
	}
	if _, err := NewPolicy(testRules(), nil, []string{"nope"}, nil); err == nil {
		t.Error("unknown selector accepted")
	}
	// Profiles.
	cp, _ := ParseConfig("c.yaml", "/p", []byte("profile: copywriting\n"), testRules())
	pol3, _ := NewPolicy(testRules(), cp, nil, nil)
	d, _ := pol3.For("/p/a.txt")
	if got := ids(d); got != "alpha-rule=warning,beta-rule=error,copy-rule=info" {
		t.Errorf("copywriting: %s", got)
	}
}

func TestMatchGlob(t *testing.T) {
	cases := []struct {
		pat, name string
		want      bool
	}{
		{"*.md", "a/b/c.md", true},
		{"docs/**", "docs/a/b.md", true},
		{"docs/**/x.md", "docs/x.md", true},
		{"docs/*.md", "docs/a/b.md", false},
		{"vendor", "vendor/a.md", true},
		{"./drafts/*.txt", "drafts/a.txt", true},
	}
	for _, c := range cases {
		if got := MatchGlob(c.pat, c.name); got != c.want {
			t.Errorf("MatchGlob(%q, %q) = %v", c.pat, c.name, got)
		}
	}
}
