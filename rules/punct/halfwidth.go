// Package punct holds the punctuation and typography rules (GB/T 15834,
// W3C clreq).
package punct

import (
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// Rules lists the punctuation rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{
		Dash,
		Ellipsis,
		HalfwidthPunct,
		Interpunct,
		QuoteStyle,
		RepeatedPunct,
		SpaceAroundPunct,
		StraightQuotes,
		UnbalancedPair,
	}
}

// HalfwidthPunct reports ASCII punctuation used in Chinese text.
var HalfwidthPunct = &lint.Rule{
	ID:        "halfwidth-punct",
	Summary:   "half-width ( ) , ; : ? ! . in Chinese text",
	SummaryZh: "中文语境中使用了半角标点",
	Doc: `GB/T 15834-2011 §5.1 requires full-width punctuation in horizontal Chinese
text: （） ， ； ： ？ ！ each take one full character cell. Drafts typed with an
English input method or extracted from PDF often carry ASCII marks instead.

A bracket pair counts as Chinese when its content holds a Han character or
both neighbours are Chinese (Han or full-width punctuation); a comma, question
mark or exclamation mark when the character before it is Chinese and the one
after is Chinese, a digit, or the end of the paragraph; a semicolon or colon
likewise. Left alone: numbers (1,040, 12:30, 1:500), English runs and
sentences quoted inside Chinese (Stay hungry, stay foolish.), function-like
notation f(x), URLs, e-mail addresses and code, which the prose view hides.
A half-width parenthesis whose partner is full-width (（扩大)) is always
Chinese and takes the full width of its partner. A paragraph without any
Han character is not Chinese text, whatever marks it holds: it is left to
english-fullwidth-punct.

A full stop typed as . ends a Chinese sentence when two Han characters
precede it and the paragraph or line ends, or Chinese text follows (past
any spaces): 算法. / 管不起了.朱先生. Decimals, versions, file names and
enumerators (1.2, README.md, 图1.) have a digit or letter before the dot,
dots around it make an ellipsis, and a dot between single characters (整.理)
is left alone.

Fixes for brackets, commas, question and exclamation marks are safe. Colons,
semicolons and full stops are unsafe: colons and semicolons also appear in
times, ratios and references where the context alone does not settle the
width, and a technical text may keep . as its full stop on purpose.`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "省政协举行党组(扩大)会议,研究贯彻落实措施。\n",
		Good:  "省政协举行党组（扩大）会议，研究贯彻落实措施。\n",
		Fixed: "省政协举行党组（扩大）会议，研究贯彻落实措施。\n",
	}, {
		Good: "人口为1,040人，时间12:30，他说：“Stay hungry, stay foolish.”函数f(x)的值。\n",
	}},
	Run: runHalfwidth,
}

var fullOf = map[rune]string{',': "，", '?': "？", '!': "！", ';': "；", ':': "：", '(': "（", ')': "）"}

var nameOf = map[rune]string{',': "comma", '?': "question mark", '!': "exclamation mark", ';': "semicolon", ':': "colon"}

func runHalfwidth(p *lint.Pass) error {
	bms := docMarks(p.Doc)
	for bi := range bms {
		bm := &bms[bi]
		if !bm.han {
			// Without a Han character a paragraph is no Chinese text,
			// whatever marks it holds (AA A…!): english-fullwidth-punct
			// asks for the half-width marks there, and the two rules
			// would undo each other's fixes.
			continue
		}
		checkBrackets(p, bm)
		checkPoints(p, bm)
		checkStops(p, bm)
	}
	return nil
}

// chineseSide: the neighbour makes the context Chinese.
func chineseSide(r rune) bool { return zh.IsChinese(r) }

// bracket is an opening parenthesis on the stack: ASCII or full-width.
type bracket struct {
	off  int
	full bool
}

func checkBrackets(p *lint.Pass, bm *blockMarks) {
	pr, text := bm.pr, bm.text
	var stack []bracket
	for _, m := range bm.marks {
		i := int(m.off)
		switch m.r {
		case '(':
			stack = append(stack, bracket{off: i})
		case '（':
			stack = append(stack, bracket{off: i, full: true})
		case '）':
			if n := len(stack); n > 0 {
				// (…） — a full-width closer makes the pair Chinese.
				if o := stack[n-1]; !o.full && pr.Contiguous(o.off, o.off+1) {
					halfOfPair(p, pr, o.off, "（")
				}
				stack = stack[:n-1]
			}
		case ')':
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			open := o.off
			if o.full {
				// （…) — as above.
				if pr.Contiguous(i, i+1) {
					halfOfPair(p, pr, i, "）")
				}
				continue
			}
			if !chineseBrackets(text, open, i) {
				continue
			}
			if !pr.Contiguous(open, open+1) || !pr.Contiguous(i, i+1) {
				continue
			}
			so, sc := pr.Src(open), pr.Src(i)
			p.Report(lint.Diagnostic{
				Span:      lint.Span{Start: so, End: sc + 1},
				Message:   "half-width parentheses in Chinese text; use （）",
				MessageZh: "中文语境中使用了半角括号，应使用全角括号（）",
				Fixes: []lint.Fix{{Message: "use full-width parentheses （）", Safe: true, Edits: []lint.Edit{
					{Start: so, End: so + 1, New: "（"},
					{Start: sc, End: sc + 1, New: "）"},
				}}},
			})
		}
	}
}

// halfOfPair reports a half-width parenthesis whose partner is full-width.
func halfOfPair(p *lint.Pass, pr *lint.Prose, i int, full string) {
	s := pr.Src(i)
	p.Report(lint.Diagnostic{
		Span:      lint.Span{Start: s, End: s + 1},
		Message:   "half-width parenthesis paired with a full-width one; use " + full,
		MessageZh: "半角括号与全角括号混用，应使用全角“" + full + "”",
		Fixes: []lint.Fix{{Message: "use " + full, Safe: true, Edits: []lint.Edit{
			{Start: s, End: s + 1, New: full},
		}}},
	})
}

func chineseBrackets(text string, open, close int) bool {
	inner := text[open+1 : close]
	for _, r := range inner {
		if zh.IsHan(r) {
			return true
		}
	}
	l, _ := zh.PrevRune(text, open, true)
	r, _ := zh.NextRune(text, close+1, true)
	lc, rc := chineseSide(l), chineseSide(r)
	if lc && rc {
		return true
	}
	// One Chinese neighbour and nothing Latin on the other side: a note at
	// the start or end of a Chinese sentence, such as (1) before a clause.
	lEdge := l == utf8.RuneError || l == '\n'
	rEdge := r == utf8.RuneError || r == '\n'
	if (lc && rEdge) || (rc && lEdge) {
		return !hasLatinLetter(inner) || lEdge
	}
	return false
}

func hasLatinLetter(s string) bool {
	for _, r := range s {
		if zh.IsLatin(r) {
			return true
		}
	}
	return false
}

func checkPoints(p *lint.Pass, bm *blockMarks) {
	pr, text := bm.pr, bm.text
	skip := -1
	for _, m := range bm.marks {
		if m.cls&cHalfPoint == 0 || int(m.off) < skip {
			continue
		}
		i, c := int(m.off), m.r
		l, _ := zh.PrevRune(text, i, false)
		r, _ := zh.NextRune(text, i+1, true)
		if !pointIsChinese(c, l, r, text, i) {
			continue
		}
		if c == '?' || c == '!' {
			// 真的吗?!! and 太好了! ! ! go in one fix, or the fix loop
			// would take a round per mark.
			if j, full := bangRun(text, i); j > i+1 && pr.Contiguous(i, j) {
				sp := pr.SrcSpan(i, j)
				p.Report(lint.Diagnostic{
					Span:      sp,
					Message:   "half-width question or exclamation marks in Chinese text; use " + full,
					MessageZh: "中文语境中使用了半角问号、叹号，应使用全角“" + full + "”",
					Fixes: []lint.Fix{{Message: "use " + full, Safe: true, Edits: []lint.Edit{
						{Start: sp.Start, End: sp.End, New: full},
					}}},
				})
				skip = j
				continue
			}
		}
		if !pr.Contiguous(i, i+1) {
			continue
		}
		s := pr.Src(i)
		safe := c == ',' || c == '?' || c == '!'
		msg := "half-width " + nameOf[c] + " in Chinese text; use " + fullOf[c]
		p.Report(lint.Diagnostic{
			Span:      lint.Span{Start: s, End: s + 1},
			Message:   msg,
			MessageZh: "中文语境中使用了半角标点“" + string(c) + "”，应使用全角“" + fullOf[c] + "”",
			Fixes: []lint.Fix{{Message: "use " + fullOf[c], Safe: safe, Edits: []lint.Edit{
				{Start: s, End: s + 1, New: fullOf[c]},
			}}},
		})
	}
}

// checkStops reports a half-width full stop that ends a Chinese sentence
// (…使用 viterbi 算法. / …管不起了.朱先生…): two Han characters before it,
// and after it the end of the paragraph or line, or (past spaces) Chinese
// text. Decimals, versions, file names and enumerators have a digit or a
// letter before the dot, an ellipsis has dots around it, and a dot between
// single characters (整.理) is no sentence end. The fix is unsafe, as for
// colons: a text may keep . as its full stop on purpose.
func checkStops(p *lint.Pass, bm *blockMarks) {
	text, pr := bm.text, bm.pr
	for off := 0; ; {
		k := strings.IndexByte(text[off:], '.')
		if k < 0 {
			return
		}
		i := off + k
		off = i + 1
		if i > 0 && text[i-1] == '.' || i+1 < len(text) && text[i+1] == '.' {
			continue // an ellipsis typed as dots
		}
		l, ln := utf8.DecodeLastRuneInString(text[:i])
		if !zh.IsHan(l) {
			continue
		}
		if l2, _ := utf8.DecodeLastRuneInString(text[:i-ln]); !zh.IsHan(l2) {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		r, _ := utf8.DecodeRuneInString(text[j:])
		end := j >= len(text) || text[j] == '\n' || text[j] == '\r'
		if !end && !zh.IsHan(r) && r != '“' && r != '（' && r != '《' {
			continue
		}
		// The spaces after the dot go with it when Chinese follows: a
		// full-width mark takes none.
		e := i + 1
		if !end {
			e = j
		}
		if !pr.Contiguous(i, e) {
			continue
		}
		sp := pr.SrcSpan(i, e)
		p.Report(lint.Diagnostic{
			Span:      lint.Span{Start: sp.Start, End: sp.Start + 1},
			Message:   "half-width full stop ending a Chinese sentence; use 。",
			MessageZh: "中文句末使用了半角句点“.”，应使用句号“。”",
			Fixes: []lint.Fix{{Message: "use 。", Edits: []lint.Edit{
				{Start: sp.Start, End: sp.End, New: "。"},
			}}},
		})
	}
}

func pointIsChinese(c, l, r rune, text string, i int) bool {
	end := r == utf8.RuneError || r == '\n'
	if l == ')' || l == '"' {
		// A half-width closing mark right after Chinese text: (草案),…
		if l2, _ := zh.PrevRune(text, i-1, false); zh.IsHan(l2) {
			l = '）'
		}
	}
	if !chineseSide(l) {
		// A number or percentage before, Chinese after: 达47.5%,占GDP…
		// (a digit after would make it a thousands separator or a time).
		return (zh.IsDigit(l) || l == '%') && zh.IsHan(r)
	}
	switch {
	case end, chineseSide(r), zh.IsDigit(r):
		return true
	case r == '(' || r == '"' || r == '\'':
		// 他说:"…"; 如下:(一)…
		return true
	case c == '?' || c == '!':
		// 什么?! — the following ASCII mark is handled in the next round.
		return r == '?' || r == '!'
	case zh.IsLatin(r):
		// A short Latin word inside Chinese (关键词:AI领域) — but not an English
		// sentence quoted after a Chinese word.
		return latinWordThenHan(text, i+1)
	}
	return false
}

// latinWordThenHan reports whether the text after i is at most two Latin
// words followed by a Han character.
func latinWordThenHan(text string, i int) bool {
	words := 0
	inWord := false
	for _, r := range text[i:] {
		switch {
		case zh.IsLatin(r) || zh.IsDigit(r) || r == '-' || r == '.':
			if !inWord {
				words++
				inWord = true
			}
		case r == ' ':
			inWord = false
		case zh.IsHan(r), zh.IsCJKPunct(r):
			// 关键词:AI领域, 例如: AI、大数据
			return words <= 2 && words > 0
		default:
			return false
		}
		if words > 2 {
			return false
		}
	}
	return false
}

// bangRun returns the end of a run of ASCII question and exclamation marks
// starting at i, spaces between them included, and its full-width form.
func bangRun(text string, i int) (int, string) {
	var sb strings.Builder
	end := i
	for k := i; k < len(text); {
		switch text[k] {
		case '?', '!':
			sb.WriteString(fullOf[rune(text[k])])
			k++
			end = k
		case ' ':
			k++
		default:
			return end, sb.String()
		}
	}
	return end, sb.String()
}
