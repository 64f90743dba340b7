package lint

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// ActiveRule is a rule as it runs on one file: its effective severity and
// decoded options.
type ActiveRule struct {
	Rule     *Rule
	Severity Severity
	// Explicit is set when configuration chose the severity; it then
	// overrides the severity a rule gives an individual finding.
	Explicit bool
	Options  any
}

// Policy decides, in one place, which rules run on a file, with which
// severity and options: profile defaults, then the configuration's
// select/ignore and per-rule settings, then matching overrides in order,
// then the command line's --select/--ignore.
type Policy struct {
	Rules   []*Rule
	Config  *Config
	Select  []string // from the command line; replaces the enabled set
	Ignore  []string // from the command line
	Profile string

	mu    sync.Mutex
	cache map[string][]ActiveRule
}

// NewPolicy validates the command-line selectors.
func NewPolicy(rules []*Rule, cfg *Config, sel, ign []string) (*Policy, error) {
	for _, s := range append(append([]string{}, sel...), ign...) {
		if err := ValidateSelector(s, rules); err != nil {
			return nil, err
		}
	}
	sorted := append([]*Rule(nil), rules...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	p := &Policy{Rules: sorted, Config: cfg, Select: sel, Ignore: ign, Profile: "official"}
	if cfg != nil && cfg.Profile != "" {
		p.Profile = cfg.Profile
	}
	return p, nil
}

// For returns the active rules for a file, sorted by ID.
func (p *Policy) For(file string) ([]ActiveRule, error) {
	var matched []int
	if p.Config != nil && len(p.Config.Overrides) > 0 {
		rel := p.Config.rel(file)
		for i, o := range p.Config.Overrides {
			for _, g := range o.Files {
				if MatchGlob(g, rel) {
					matched = append(matched, i)
					break
				}
			}
		}
	}
	key := fmt.Sprint(matched)
	p.mu.Lock()
	defer p.mu.Unlock()
	if a, ok := p.cache[key]; ok {
		return a, nil
	}
	a, err := p.resolve(matched)
	if err != nil {
		return nil, err
	}
	if p.cache == nil {
		p.cache = map[string][]ActiveRule{}
	}
	p.cache[key] = a
	return a, nil
}

type ruleState struct {
	on       bool
	severity Severity
	explicit bool
	configs  []*RuleConfig
}

func (p *Policy) resolve(overrides []int) ([]ActiveRule, error) {
	st := make(map[string]*ruleState, len(p.Rules))
	for _, r := range p.Rules {
		st[r.ID] = &ruleState{on: r.DefaultIn(p.Profile), severity: r.Severity}
	}
	apply := func(sel, ign []string, rc map[string]*RuleConfig) {
		if len(sel) > 0 {
			for _, r := range p.Rules {
				st[r.ID].on = matchAny(sel, r)
			}
		}
		for _, r := range p.Rules {
			if matchAny(ign, r) {
				st[r.ID].on = false
			}
		}
		for id, c := range rc {
			s := st[id]
			if s == nil {
				continue
			}
			if c.Off {
				s.on = false
				continue
			}
			if c.Severity != SeverityUnset {
				s.severity = c.Severity
				s.explicit = true
				s.on = true
			}
			if c.options != nil {
				s.configs = append(s.configs, c)
			}
		}
	}
	if c := p.Config; c != nil {
		apply(c.Select, c.Ignore, c.Rules)
		for _, i := range overrides {
			o := c.Overrides[i]
			apply(o.Select, o.Ignore, o.Rules)
		}
	}
	apply(p.Select, p.Ignore, nil)
	var out []ActiveRule
	for _, r := range p.Rules {
		s := st[r.ID]
		if !s.on {
			continue
		}
		a := ActiveRule{Rule: r, Severity: s.severity, Explicit: s.explicit}
		if r.Options != nil {
			a.Options = r.Options()
			for _, c := range s.configs {
				if err := c.options.Decode(a.Options); err != nil {
					return nil, &ConfigError{File: c.file, Line: c.options.Line, Msg: fmt.Sprintf("options of %s: %s", r.ID, strings.TrimPrefix(err.Error(), "yaml: "))}
				}
			}
		}
		out = append(out, a)
	}
	return out, nil
}

func matchAny(sels []string, r *Rule) bool {
	for _, s := range sels {
		if matchSelector(s, r) {
			return true
		}
	}
	return false
}

// Used returns the rules active for any file resolved so far, sorted by ID:
// the rules a run actually used (for SARIF rule metadata).
func (p *Policy) Used() []*Rule {
	p.mu.Lock()
	defer p.mu.Unlock()
	seen := map[*Rule]bool{}
	var out []*Rule
	for _, set := range p.cache {
		for _, a := range set {
			if !seen[a.Rule] {
				seen[a.Rule] = true
				out = append(out, a.Rule)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
