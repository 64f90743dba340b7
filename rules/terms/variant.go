// Package terms holds the rules about names and terms used consistently.
package terms

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/lint"
)

// Rules returns the rules of this family.
func Rules() []*lint.Rule { return []*lint.Rule{TermVariant} }

// TermVariantOptions configure term-variant.
type TermVariantOptions struct {
	// Classes are groups of forms that name one thing and should not be
	// mixed in a document; the first form is preferred when the document
	// uses two forms equally often.
	Classes [][]string `yaml:"classes"`
	// Defaults: also use the built-in groups (the forms of the Party's
	// congresses and plenary sessions).
	Defaults bool `yaml:"defaults"`
}

func newOptions() any { return &TermVariantOptions{Defaults: true} }

// TermVariant reports a document that names one thing in two ways.
var TermVariant = &lint.Rule{
	ID:        "term-variant",
	Summary:   "one name written in two forms in the same document",
	SummaryZh: "同一名称在文中有不同写法",
	Doc: `A report pieced together from several drafts often names one thing in two
ways: 党的二十届三中全会 in one paragraph, 中共二十届三中全会 in the next.
Either may be right, but a publication uses one (reference TERM-VARIANT).

The rule counts every form of each group in the document and reports the
forms used less often, with the count of the form used most (on a tie, the
one listed first in its group) and its first occurrence. A
form inside a longer one (湖北省委 in 中共湖北省委) is not counted. The fix
(unsafe: the author may prefer the other form) writes the majority form.

Built-in groups: 党的/中共 before a congress (党的二十大, 中共二十大) or a
plenary session (党的二十届三中全会, 中共二十届三中全会) of the 18th to 21st
Central Committees. Add groups with the classes option; list only forms
that must not be mixed (a short form allowed after the full one, such as
湖北省委 after 中共湖北省委, belongs in no group):

    rules:
      term-variant:
        classes:
          - [数字经济和实体经济深度融合, 实体经济和数字经济深度融合]
        defaults: true`,
	Category: "terms",
	Severity: lint.Warning,
	Default:  true,
	Options:  newOptions,
	Examples: []lint.Example{{
		Bad:  "深入学习贯彻党的二十届三中全会精神，全面落实中共二十届三中全会部署。\n",
		Good: "深入学习贯彻党的二十届三中全会精神，全面落实党的二十届三中全会部署。\n",
	}},
	Run: runTermVariant,
}

// builtinClasses are the default groups, built once.
var builtinClasses = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, n := range []string{"十八", "十九", "二十", "二十一"} {
		out = append(out, []string{"党的" + n + "大", "中共" + n + "大"})
		for _, k := range []string{"一", "二", "三", "四", "五", "六", "七", "八", "九"} {
			out = append(out, []string{"党的" + n + "届" + k + "中全会", "中共" + n + "届" + k + "中全会"})
		}
	}
	return out
})

// form is one member of a group.
type form struct {
	text  string
	class int
}

// table indexes the forms by their first two characters (or the whole
// form when shorter), so that a document is searched once per distinct
// beginning rather than once per form.
type table struct {
	classes [][]string
	byHead  map[string][]form
	heads   []string
}

func newTable(classes [][]string) *table {
	t := &table{classes: classes, byHead: map[string][]form{}}
	for ci, c := range classes {
		for _, f := range c {
			if f == "" {
				continue
			}
			h := head(f)
			if _, ok := t.byHead[h]; !ok {
				t.heads = append(t.heads, h)
			}
			t.byHead[h] = append(t.byHead[h], form{f, ci})
		}
	}
	slices.Sort(t.heads)
	return t
}

// head is the first two characters of s (all of s when shorter).
func head(s string) string {
	n := 0
	for i := range s {
		if n == 2 {
			return s[:i]
		}
		n++
	}
	return s
}

var defaultTable = sync.OnceValue(func() *table { return newTable(builtinClasses()) })

// hit is one occurrence of a form.
type hit struct {
	b          *lint.Block
	start, end int // in the block's prose text
	f          form
}

func runTermVariant(p *lint.Pass) error {
	opt, _ := p.Options.(*TermVariantOptions)
	if opt == nil {
		opt = newOptions().(*TermVariantOptions)
	}
	t := defaultTable()
	switch {
	case len(opt.Classes) > 0 && opt.Defaults:
		t = newTable(append(slices.Clone(builtinClasses()), opt.Classes...))
	case len(opt.Classes) > 0:
		t = newTable(opt.Classes)
	case !opt.Defaults:
		return nil
	}
	var hits []hit
	for _, b := range p.Doc.Blocks {
		hits = appendHits(hits, b, t)
	}
	if len(hits) == 0 {
		return nil
	}
	type tally struct {
		count int
		first int // index into hits
	}
	counts := map[string]*tally{}
	for i, h := range hits {
		if c := counts[h.f.text]; c != nil {
			c.count++
		} else {
			counts[h.f.text] = &tally{count: 1, first: i}
		}
	}
	for ci, class := range t.classes {
		var used []string
		for _, f := range class {
			if counts[f] != nil && !slices.Contains(used, f) {
				used = append(used, f)
			}
		}
		if len(used) < 2 {
			continue
		}
		major := used[0] // in the group's order: the first form wins a tie
		for _, f := range used[1:] {
			a, b := counts[f], counts[major]
			if a.count > b.count {
				major = f
			}
		}
		m := counts[major]
		mh := hits[m.first]
		for _, h := range hits {
			if h.f.class != ci || h.f.text == major {
				continue
			}
			pr := h.b.Prose()
			d := lint.Diagnostic{
				Span: pr.SrcSpan(h.start, h.end),
				Message: fmt.Sprintf("“%s” names what the document calls “%s” %s; use one form",
					h.f.text, major, times(m.count)),
				MessageZh: fmt.Sprintf("“%s”与文中%d处的“%s”指同一名称，应统一写法", h.f.text, m.count, major),
				Related: []lint.Related{{Span: mh.b.Prose().SrcSpan(mh.start, mh.end),
					Message: "“" + major + "” first used here"}},
			}
			if pr.Contiguous(h.start, h.end) {
				sp := pr.SrcSpan(h.start, h.end)
				d.Fixes = []lint.Fix{{Message: "write “" + major + "”",
					Edits: []lint.Edit{{Start: sp.Start, End: sp.End, New: major}}}}
			}
			p.Report(d)
		}
	}
	return nil
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// appendHits appends the occurrences of the table's forms in block b,
// longest form first at each position, leaving out those inside another.
func appendHits(dst []hit, b *lint.Block, t *table) []hit {
	text := b.Text()
	start := len(dst)
	for _, h := range t.heads {
		for off := 0; ; {
			k := strings.Index(text[off:], h)
			if k < 0 {
				break
			}
			i := off + k
			off = i + len(h)
			best := -1
			for fi, f := range t.byHead[h] {
				if strings.HasPrefix(text[i:], f.text) && (best < 0 || len(f.text) > len(t.byHead[h][best].text)) {
					best = fi
				}
			}
			if best >= 0 {
				f := t.byHead[h][best]
				dst = append(dst, hit{b: b, start: i, end: i + len(f.text), f: f})
			}
		}
	}
	found := dst[start:]
	if len(found) < 2 {
		return dst
	}
	slices.SortFunc(found, func(a, c hit) int {
		if a.start != c.start {
			return a.start - c.start
		}
		return (c.end - c.start) - (a.end - a.start)
	})
	kept := found[:0]
	end := -1
	for _, h := range found {
		if h.start < end {
			continue // inside (or across) a form already counted
		}
		kept = append(kept, h)
		end = h.end
	}
	return dst[:start+len(kept)]
}
