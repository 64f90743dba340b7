package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigFileNames are looked for, in this order, in the working directory
// and its parents.
var ConfigFileNames = []string{".draftlint.yaml", ".draftlint.yml"}

// Profiles selectable in configuration.
var Profiles = []string{"official", "copywriting"}

// Config is a parsed .draftlint.yaml.
type Config struct {
	// Path of the file it was read from ("" for defaults); Dir is the
	// directory relative paths and globs are matched against.
	Path string
	Dir  string

	Profile   string
	Select    []string
	Ignore    []string
	Rules     map[string]*RuleConfig
	Exclude   []string
	Overrides []*Override
	// Terms holds groups of equivalent terms for the terms rules: the first
	// entry of each group is the preferred form.
	Terms [][]string
}

// RuleConfig is the configuration of one rule.
type RuleConfig struct {
	Severity Severity
	Off      bool
	// options is the raw YAML mapping, decoded into the rule's typed options
	// when the rule runs.
	options *yaml.Node
	file    string
}

// Override applies to files matching any of Files (globs relative to the
// configuration directory; "**" matches any number of directories).
type Override struct {
	Files  []string
	Select []string
	Ignore []string
	Rules  map[string]*RuleConfig
}

// ConfigError points at a place in a configuration file.
type ConfigError struct {
	File string
	Line int
	Msg  string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// FindConfig walks up from dir looking for a configuration file; "" when
// none exists.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, n := range ConfigFileNames {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads and validates a configuration file against the known
// rules.
func LoadConfig(file string, rules []*Rule) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(file)
	return ParseConfig(file, filepath.Dir(abs), data, rules)
}

var topKeys = []string{"profile", "select", "ignore", "rules", "exclude", "overrides", "terms"}
var overrideKeys = []string{"files", "select", "ignore", "rules"}

// ParseConfig parses configuration data. Unknown keys and unknown rule IDs
// are errors naming the file, the line and the nearest valid name.
func ParseConfig(file, dir string, data []byte, rules []*Rule) (*Config, error) {
	c := &Config{Path: file, Dir: dir, Profile: "official", Rules: map[string]*RuleConfig{}}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil
		}
		return nil, &ConfigError{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 {
		return c, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, &ConfigError{File: file, Line: m.Line, Msg: "the configuration must be a mapping of keys (profile, select, ignore, rules, …)"}
	}
	byID := map[string]*Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	p := cfgParser{file: file, rules: rules, byID: byID}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch k.Value {
		case "profile":
			if v.Kind != yaml.ScalarNode || !contains(Profiles, v.Value) {
				return nil, p.errf(v, "profile must be one of %s%s", strings.Join(Profiles, ", "), p.suggest(v.Value, Profiles))
			}
			c.Profile = v.Value
		case "select":
			sel, err := p.selectors(v)
			if err != nil {
				return nil, err
			}
			c.Select = sel
		case "ignore":
			sel, err := p.selectors(v)
			if err != nil {
				return nil, err
			}
			c.Ignore = sel
		case "rules":
			rc, err := p.ruleConfigs(v)
			if err != nil {
				return nil, err
			}
			c.Rules = rc
		case "exclude":
			ex, err := p.strings(v)
			if err != nil {
				return nil, err
			}
			c.Exclude = ex
		case "overrides":
			if v.Kind != yaml.SequenceNode {
				return nil, p.errf(v, "overrides must be a list of {files, select, ignore, rules}")
			}
			for _, o := range v.Content {
				ov, err := p.override(o)
				if err != nil {
					return nil, err
				}
				c.Overrides = append(c.Overrides, ov)
			}
		case "terms":
			if v.Kind != yaml.SequenceNode {
				return nil, p.errf(v, "terms must be a list of lists: [[preferred, variant, …], …]")
			}
			for _, g := range v.Content {
				ss, err := p.strings(g)
				if err != nil {
					return nil, err
				}
				if len(ss) < 2 {
					return nil, p.errf(g, "a term group needs at least two forms")
				}
				c.Terms = append(c.Terms, ss)
			}
		default:
			return nil, p.errf(k, "unknown key %q%s", k.Value, p.suggest(k.Value, topKeys))
		}
	}
	return c, nil
}

type cfgParser struct {
	file  string
	rules []*Rule
	byID  map[string]*Rule
}

func (p *cfgParser) errf(n *yaml.Node, format string, args ...any) error {
	return &ConfigError{File: p.file, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

func (p *cfgParser) suggest(s string, valid []string) string {
	if best := Nearest(s, valid); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

func (p *cfgParser) strings(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(v.Content))
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode {
				return nil, p.errf(e, "expected a string")
			}
			out = append(out, e.Value)
		}
		return out, nil
	}
	return nil, p.errf(v, "expected a string or a list of strings")
}

func (p *cfgParser) selectors(v *yaml.Node) ([]string, error) {
	ss, err := p.strings(v)
	if err != nil {
		return nil, err
	}
	for i, s := range ss {
		if err := ValidateSelector(s, p.rules); err != nil {
			n := v
			if v.Kind == yaml.SequenceNode {
				n = v.Content[i]
			}
			return nil, p.errf(n, "%v", err)
		}
	}
	return ss, nil
}

func (p *cfgParser) ruleConfigs(v *yaml.Node) (map[string]*RuleConfig, error) {
	if v.Kind != yaml.MappingNode {
		return nil, p.errf(v, "rules must map rule IDs to a severity or to {severity, options…}")
	}
	out := map[string]*RuleConfig{}
	ids := make([]string, 0, len(p.rules))
	for _, r := range p.rules {
		ids = append(ids, r.ID)
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		r := p.byID[k.Value]
		if r == nil {
			return nil, p.errf(k, "unknown rule %q%s", k.Value, p.suggest(k.Value, ids))
		}
		rc := &RuleConfig{file: p.file}
		switch val.Kind {
		case yaml.ScalarNode:
			if err := p.severity(rc, val); err != nil {
				return nil, err
			}
		case yaml.MappingNode:
			opts := &yaml.Node{Kind: yaml.MappingNode, Line: val.Line, Column: val.Column}
			for j := 0; j+1 < len(val.Content); j += 2 {
				ok, ov := val.Content[j], val.Content[j+1]
				if ok.Value == "severity" {
					if err := p.severity(rc, ov); err != nil {
						return nil, err
					}
					continue
				}
				opts.Content = append(opts.Content, ok, ov)
			}
			if len(opts.Content) > 0 {
				if err := checkOptions(p, r, opts); err != nil {
					return nil, err
				}
				rc.options = opts
			}
		default:
			return nil, p.errf(val, "expected a severity (error, warning, info, off) or a mapping")
		}
		out[k.Value] = rc
	}
	return out, nil
}

func (p *cfgParser) severity(rc *RuleConfig, v *yaml.Node) error {
	if v.Kind != yaml.ScalarNode {
		return p.errf(v, "severity must be error, warning, info or off")
	}
	if v.Value == "off" || v.Value == "false" {
		rc.Off = true
		return nil
	}
	s, err := ParseSeverity(v.Value)
	if err != nil {
		return p.errf(v, "severity must be error, warning, info or off%s", p.suggest(v.Value, []string{"error", "warning", "info", "off"}))
	}
	rc.Severity = s
	return nil
}

func (p *cfgParser) override(n *yaml.Node) (*Override, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.errf(n, "an override is a mapping with files and select/ignore/rules")
	}
	o := &Override{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var err error
		switch k.Value {
		case "files":
			o.Files, err = p.strings(v)
			for _, f := range o.Files {
				if _, perr := path.Match(strings.ReplaceAll(f, "**", "*"), ""); perr != nil {
					return nil, p.errf(v, "bad glob %q", f)
				}
			}
		case "select":
			o.Select, err = p.selectors(v)
		case "ignore":
			o.Ignore, err = p.selectors(v)
		case "rules":
			o.Rules, err = p.ruleConfigs(v)
		default:
			return nil, p.errf(k, "unknown key %q in override%s", k.Value, p.suggest(k.Value, overrideKeys))
		}
		if err != nil {
			return nil, err
		}
	}
	if len(o.Files) == 0 {
		return nil, p.errf(n, "an override needs files: [globs]")
	}
	return o, nil
}

// checkOptions validates option keys against the rule's typed options and
// decodes them once so type errors surface at load time.
func checkOptions(p *cfgParser, r *Rule, opts *yaml.Node) error {
	if r.Options == nil {
		return p.errf(opts.Content[0], "rule %s has no options", r.ID)
	}
	target := r.Options()
	names := optionNames(target)
	for i := 0; i < len(opts.Content); i += 2 {
		k := opts.Content[i]
		if !contains(names, k.Value) {
			return p.errf(k, "unknown option %q for rule %s%s (options: %s)", k.Value, r.ID, p.suggest(k.Value, append(names, "severity")), strings.Join(names, ", "))
		}
	}
	if err := opts.Decode(target); err != nil {
		return p.errf(opts, "options of %s: %s", r.ID, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

// optionNames lists the yaml keys of an options struct pointer.
func optionNames(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// ValidateSelector checks a --select/--ignore entry: a rule ID, a category,
// or a glob with '*'.
func ValidateSelector(s string, rules []*Rule) error {
	if s == "" {
		return errors.New("empty selector")
	}
	if strings.ContainsAny(s, "*?[") {
		if _, err := path.Match(s, ""); err != nil {
			return fmt.Errorf("bad pattern %q", s)
		}
		for _, r := range rules {
			if ok, _ := path.Match(s, r.ID); ok {
				return nil
			}
		}
		return fmt.Errorf("pattern %q matches no rule", s)
	}
	if contains(Categories, s) {
		return nil
	}
	for _, r := range rules {
		if r.ID == s {
			return nil
		}
	}
	names := append([]string{}, Categories...)
	for _, r := range rules {
		names = append(names, r.ID)
	}
	if best := Nearest(s, names); best != "" {
		return fmt.Errorf("unknown rule or category %q (did you mean %q?)", s, best)
	}
	return fmt.Errorf("unknown rule or category %q", s)
}

// matchSelector reports whether a selector names the rule.
func matchSelector(sel string, r *Rule) bool {
	if sel == r.ID || sel == r.Category || sel == "all" {
		return true
	}
	if strings.ContainsAny(sel, "*?[") {
		ok, _ := path.Match(sel, r.ID)
		return ok
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Nearest returns the candidate closest to s by edit distance when it is
// close enough to be a plausible typo, else "".
func Nearest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := levenshtein(strings.ToLower(s), strings.ToLower(c))
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD <= max(2, len([]rune(s))/3) {
		return best
	}
	return ""
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Excluded reports whether a file path is excluded by the configuration.
func (c *Config) Excluded(file string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	rel := c.rel(file)
	for _, g := range c.Exclude {
		if MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

func (c *Config) rel(file string) string {
	abs, err := filepath.Abs(file)
	if err != nil || c.Dir == "" {
		return filepath.ToSlash(file)
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(r)
}

// MatchGlob matches a slash-separated path against a glob where "**"
// matches any number of path elements and a pattern without a slash matches
// the base name anywhere.
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	if !strings.Contains(strings.TrimSuffix(pattern, "/"), "/") {
		// Like .gitignore: a bare name matches a file or folder at any
		// depth, and a folder match covers everything below it.
		for _, el := range strings.Split(name, "/") {
			if ok, _ := path.Match(strings.TrimSuffix(pattern, "/"), el); ok {
				return true
			}
		}
		return false
	}
	return matchParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchParts(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			if len(pat) == 1 {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if matchParts(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	// "dir/" style patterns match everything below.
	return len(name) == 0
}
