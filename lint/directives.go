package lint

import (
	"fmt"
	"sort"
	"strings"
)

// Directives are HTML comments in Markdown and plain text alike:
//
//	<!-- draftlint-disable-next-line RULE[,RULE…] [-- reason] -->
//	<!-- draftlint-disable RULES -->  …  <!-- draftlint-enable RULES -->
//	<!-- draftlint-disable-file RULES -->
//
// With no rules named they apply to every rule. A directive that names an
// unknown rule or suppresses nothing is reported as unused-directive.

// UnusedDirective is the engine's own rule for directives that do nothing.
var UnusedDirective = &Rule{
	ID:        "unused-directive",
	Summary:   "a draftlint directive names an unknown rule or suppresses nothing",
	SummaryZh: "draftlint 指令引用了未知规则或没有抑制任何问题",
	Doc: `Inline directives (HTML comments such as <!-- draftlint-disable-next-line
halfwidth-punct -->) that suppress nothing are noise, and after an edit they
can silently hide a different problem later. Remove them, or fix the rule
name.`,
	Category: "draftlint",
	Severity: Warning,
	Default:  true,
	Examples: []Example{{
		Bad:  "<!-- draftlint-disable-next-line no-such-rule -->\n完全正确的句子。\n",
		Good: "完全正确的句子。\n",
	}},
	// Produced by the runner, not by a Run function.
}

type directiveKind uint8

const (
	dirNextLine directiveKind = iota
	dirDisable
	dirEnable
	dirFile
)

type directive struct {
	kind    directiveKind
	span    Span     // the comment
	rules   []string // empty: all rules
	line    int      // target line for next-line
	from    int      // byte range where it applies
	to      int
	used    map[string]bool
	usedAll bool
}

var directiveNames = map[string]directiveKind{
	"draftlint-disable-next-line": dirNextLine,
	"draftlint-disable":           dirDisable,
	"draftlint-enable":            dirEnable,
	"draftlint-disable-file":      dirFile,
}

// parseDirectives reads the document's comments. Problems (unknown
// directive words, unknown rules) come back as diagnostics.
func parseDirectives(d *Document, known map[string]bool) ([]*directive, []Diagnostic) {
	var out []*directive
	var problems []Diagnostic
	for _, c := range d.Comments {
		body := string(d.Src[c.Start:c.End])
		body = strings.TrimPrefix(body, "<!--")
		body = strings.TrimSuffix(body, "-->")
		body = strings.TrimSpace(body)
		if !strings.HasPrefix(body, "draftlint-") {
			continue
		}
		if i := strings.Index(body, " -- "); i >= 0 {
			body = body[:i]
		}
		body = strings.TrimSuffix(body, " --")
		fields := strings.Fields(strings.ReplaceAll(body, ",", " "))
		kind, ok := directiveNames[fields[0]]
		if !ok {
			names := make([]string, 0, len(directiveNames))
			for n := range directiveNames {
				names = append(names, n)
			}
			sort.Strings(names)
			msg := fmt.Sprintf("unknown directive %q", fields[0])
			if best := Nearest(fields[0], names); best != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", best)
			}
			problems = append(problems, Diagnostic{Span: c, Message: msg, MessageZh: "未知的 draftlint 指令"})
			continue
		}
		dir := &directive{kind: kind, span: c, used: map[string]bool{}}
		for _, r := range fields[1:] {
			if !known[r] {
				ids := make([]string, 0, len(known))
				for id := range known {
					ids = append(ids, id)
				}
				msg := fmt.Sprintf("directive names unknown rule %q", r)
				if best := Nearest(r, ids); best != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", best)
				}
				problems = append(problems, Diagnostic{Span: c, Message: msg, MessageZh: "指令中的规则名不存在：" + r})
				continue
			}
			dir.rules = append(dir.rules, r)
		}
		if len(fields) > 1 && len(dir.rules) == 0 {
			continue // only unknown rules: already reported
		}
		out = append(out, dir)
	}
	// Resolve scopes.
	for i, dir := range out {
		switch dir.kind {
		case dirNextLine:
			dir.line = d.Line(dir.span.End) + 1
			// A directive on a line of its own applies to the next line
			// that is not blank.
			for dir.line <= d.LineCount() && isBlankLine([]byte(d.LineText(dir.line))) {
				dir.line++
			}
		case dirFile:
			dir.from, dir.to = 0, len(d.Src)
		case dirDisable:
			dir.from, dir.to = dir.span.End, len(d.Src)
			for _, e := range out[i+1:] {
				if e.kind == dirEnable && overlapsRules(dir.rules, e.rules) {
					dir.to = e.span.Start
					break
				}
			}
		}
	}
	return out, problems
}

func overlapsRules(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func (dir *directive) covers(rule string) bool {
	if len(dir.rules) == 0 {
		return true
	}
	for _, r := range dir.rules {
		if r == rule {
			return true
		}
	}
	return false
}

// suppresses reports whether the directive hides the diagnostic, and marks
// it used.
func (dir *directive) suppresses(dg *Diagnostic) bool {
	if dir.kind == dirEnable || !dir.covers(dg.Rule) {
		return false
	}
	switch dir.kind {
	case dirNextLine:
		if dg.Start.Line != dir.line {
			return false
		}
	default:
		if dg.Span.Start < dir.from || dg.Span.Start >= dir.to {
			return false
		}
	}
	if len(dir.rules) == 0 {
		dir.usedAll = true
	} else {
		dir.used[dg.Rule] = true
	}
	return true
}

// unused returns diagnostics for directives (or rule names in them) that
// suppressed nothing. Only rules that ran count: a directive for a rule
// switched off by configuration is not flagged.
func unusedDirectives(dirs []*directive, active map[string]bool) []Diagnostic {
	var out []Diagnostic
	for _, dir := range dirs {
		if dir.kind == dirEnable {
			continue
		}
		if len(dir.rules) == 0 {
			if !dir.usedAll {
				out = append(out, Diagnostic{Span: dir.span, Message: "directive suppresses nothing", MessageZh: "该指令没有抑制任何问题"})
			}
			continue
		}
		var idle []string
		for _, r := range dir.rules {
			if active[r] && !dir.used[r] {
				idle = append(idle, r)
			}
		}
		if len(idle) > 0 {
			out = append(out, Diagnostic{
				Span:      dir.span,
				Message:   fmt.Sprintf("directive suppresses nothing for %s", strings.Join(idle, ", ")),
				MessageZh: "该指令没有抑制任何问题：" + strings.Join(idle, "、"),
			})
		}
	}
	return out
}
