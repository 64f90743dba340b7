package style

import (
	"fmt"

	"github.com/draftlint/draftlint/lint"
)

// CJKLatinSpacing asks for a space between Han characters and Latin
// letters or digits: the copywriting convention, not the official one.
var CJKLatinSpacing = &lint.Rule{
	ID:        "cjk-latin-spacing",
	Summary:   "no space between Chinese and Latin letters or digits (copywriting profile)",
	SummaryZh: "中文与英文、数字之间缺少空格（文案排版规范）",
	Doc: `The Chinese copywriting guidelines used for web and product text
(sparanoid/chinese-copywriting-guidelines, reference §2.4, §3.7
STYLE-SPACING-PROFILE) put a space between Han characters and Latin letters
or digits: 使用Go语言 → 使用 Go 语言, 花了5000元 → 花了 5000 元. Percent and
degree signs stay with their number (15% 的提升, 233° 的高温); nothing is
added next to punctuation.

Government and news prose does not follow this convention (5G基站,
占GDP比重达47.5%, 2023年), and W3C clreq leaves the spacing to the
renderer, so this rule is off in the default official profile and on only
in the copywriting profile (profile: copywriting in .draftlint.yaml). The
official profile checks consistency instead (cjk-latin-spacing-mixed).

A run of Latin words and numbers (Kate Moss, Go 1.22, 47.5%) counts as one
item; the safe fix inserts an ASCII space on each side that touches a Han
character. In Markdown the space goes outside emphasis markers.`,
	Category: "style",
	Severity: lint.Warning,
	Profiles: []string{"copywriting"},
	Examples: []lint.Example{{
		Bad:   "在LeanCloud上，数据存储是围绕AVObject进行的，今天花了5000元。\n",
		Good:  "在 LeanCloud 上，数据存储是围绕 AVObject 进行的，今天花了 5000 元。\n",
		Fixed: "在 LeanCloud 上，数据存储是围绕 AVObject 进行的，今天花了 5000 元。\n",
	}, {
		Good: "新 MacBook Pro 有 15% 的 CPU 性能提升。他说：“Stay hungry, stay foolish.”\n",
	}},
	Run: runCJKLatinSpacing,
}

// Spacing of one side of a Latin run.
type side uint8

const (
	sideNone   side = iota // no Han character next to it
	sideTight              // a Han character directly
	sideSpaced             // one ASCII space, then a Han character
)

// latinRun is a run of ASCII letters and digits inside Chinese text, with
// what sits on each side.
type latinRun struct {
	s, e        int
	left, right side
}

// spacing classifies a run: sideTight or sideSpaced when every Han side
// agrees, sideNone when no side touches Han or the two sides disagree (a
// field separator such as 会议 1982年 is not a spacing habit).
func (r latinRun) spacing() side {
	switch {
	case r.left == sideNone:
		return r.right
	case r.right == sideNone, r.left == r.right:
		return r.left
	}
	return sideNone
}

// scanLatinRuns calls fn for every run of ASCII letters and digits that
// has a Han character on at least one side (directly or after one space).
// A run holds words and numbers joined by single spaces and by . , : - _ /
// + & ' between alphanumerics, plus a trailing % or °.
func scanLatinRuns(text string, fn func(latinRun)) {
	for i := 0; i < len(text); {
		c := text[i]
		if c >= 0xE4 && c <= 0xE9 { // Han: the common case
			i += 3
			continue
		}
		if !isAlnum(c) {
			i++
			continue
		}
		s := i
		e := latinRunEnd(text, i)
		i = e
		r := latinRun{s: s, e: e, left: leftSide(text, s), right: rightSide(text, e)}
		if r.left != sideNone || r.right != sideNone {
			fn(r)
		}
	}
}

func latinRunEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case isAlnum(c):
			i++
		case (c == ' ' || c == '.' || c == ',' || c == ':' || c == '-' || c == '_' || c == '/' || c == '+' || c == '&' || c == '\'') &&
			i+1 < len(text) && isAlnum(text[i+1]) && i > 0 && isAlnum(text[i-1]):
			i++
		case c == '%':
			return i + 1
		case c == 0xC2 && i+1 < len(text) && text[i+1] == 0xB0: // °
			return i + 2
		default:
			return i
		}
	}
	return i
}

func leftSide(text string, s int) side {
	if hanBefore(text, s) {
		return sideTight
	}
	if s >= 2 && text[s-1] == ' ' && hanBefore(text, s-1) {
		return sideSpaced
	}
	return sideNone
}

func rightSide(text string, e int) side {
	if h, _ := hanAt(text, e); h {
		return sideTight
	}
	if e < len(text) && text[e] == ' ' {
		if h, _ := hanAt(text, e+1); h {
			return sideSpaced
		}
	}
	return sideNone
}

func runCJKLatinSpacing(p *lint.Pass) error {
	for _, b := range p.Doc.Blocks {
		text := b.Text()
		var pr *lint.Prose
		scanLatinRuns(text, func(r latinRun) {
			if r.left != sideTight && r.right != sideTight {
				return
			}
			if pr == nil {
				pr = b.Prose()
			}
			word := text[r.s:r.e]
			var edits []lint.Edit
			if r.left == sideTight {
				// Before any markup that opens the run (**Go**).
				at := pr.SrcEnd(r.s)
				edits = append(edits, lint.Edit{Start: at, End: at, New: " "})
			}
			if r.right == sideTight {
				at := pr.Src(r.e)
				edits = append(edits, lint.Edit{Start: at, End: at, New: " "})
			}
			p.Report(lint.Diagnostic{
				Span:      pr.SrcSpan(r.s, r.e),
				Message:   fmt.Sprintf("no space between Chinese and %q", word),
				MessageZh: fmt.Sprintf("中文与“%s”之间缺少空格", word),
				Fixes:     fixIfClear(p, lint.Fix{Message: "add a space", Safe: true, Edits: edits}),
			})
		})
	}
	return nil
}
