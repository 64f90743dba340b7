package style

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// HeadingStyle reports inconsistent heading markers, headings ending with a
// full stop and numbering out of order.
var HeadingStyle = &lint.Rule{
	ID:        "heading-style",
	Summary:   "heading markers mixed within a level, headings ending with 。, numbering out of order",
	SummaryZh: "同级标题标记不一致、标题以句号结尾、序号不连续",
	Doc: `Headings of one level should look alike. Reported at info (reference §3.7,
GB/T 9704-2012 §7.3.3 for the official levels 一、 → （一） → 1. → （1））:

- Markers: headings of the same level (Markdown depth) that open with
  different markers — symbols such as ■ and ▶▶▶, or different enumerator
  forms such as 一、 and （一） — are reported against the marker most of
  that level's headings use; the unsafe fix switches to it. Headings
  without a marker (序言, 附件) are not compared.
- A heading that ends with 。 is reported; the unsafe fix drops the mark.
  Paragraphs that open with an inline heading (（一）加强组织领导。…) are
  not headings and keep their full stop.
- Numbering: enumerators that open headings and paragraphs (and lines of
  plain text) — 第X编/章/节/条, 一、, （一）, 1., （1）, ① — are followed
  level by level: a gap or a repeat ((三) after (一)) is reported. A higher
  level resets the ones below it (（一） starts again under each 一、 or
  第X条, and an unnumbered heading starts the lists below it afresh);
  articles 第X条 run on across chapters; a list may always start again
  at 1 (except right after a 1); a sequence is checked only once it has started at 1, so an
  excerpt that begins mid-list is left alone. Markdown ordered lists number
  themselves and are not checked.`,
	Category: "style",
	Severity: lint.Info,
	Default:  true,
	Examples: []lint.Example{{
		Format: "markdown",
		Bad:    "### ■ 一\n\n正文。\n\n### ▶▶▶ 二\n\n正文。\n\n### ▶▶▶ 三\n\n正文。\n",
		Good:   "### ▶▶▶ 一\n\n正文。\n\n### ▶▶▶ 二\n\n正文。\n\n### ▶▶▶ 三\n\n正文。\n",
		Fixed:  "### ▶▶▶ 一\n\n正文。\n\n### ▶▶▶ 二\n\n正文。\n\n### ▶▶▶ 三\n\n正文。\n",
	}, {
		Bad:  "一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n（三）工作目标。到2027年基本建成。\n",
		Good: "一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n（二）工作目标。到2027年基本建成。\n\n二、重点任务\n\n（一）加强领导。\n",
	}, {
		Format: "markdown",
		Bad:    "## 总体要求。\n\n正文。\n",
		Fixed:  "## 总体要求\n\n正文。\n",
	}},
	Run: runHeadingStyle,
}

// headingMarker is the marker that opens a heading: a run of symbols, or
// the form of an enumerator.
type headingMarker struct {
	key    string // "■", "▶▶▶", "一、", "（一）", "1." …
	symbol bool
	size   int // bytes of the marker as written
	end    int // prose offset after the marker and its space (symbols only)
}

type levelMarkers struct {
	count map[string]int
	first []string // keys in order of first use
}

func runHeadingStyle(p *lint.Pass) error {
	levels := map[int]*levelMarkers{}
	type marked struct {
		b *lint.Block
		m headingMarker
	}
	var headings []marked
	num := numbering{}
	for _, b := range p.Doc.Blocks {
		switch b.Kind {
		case lint.Heading:
			text := b.Text()
			m := markerOf(text)
			if m.key != "" {
				lm := levels[b.Level]
				if lm == nil {
					lm = &levelMarkers{count: map[string]int{}}
					levels[b.Level] = lm
				}
				if lm.count[m.key] == 0 {
					lm.first = append(lm.first, m.key)
				}
				lm.count[m.key]++
				headings = append(headings, marked{b, m})
			}
			checkHeadingStop(p, b, text)
			start := 0
			if m.symbol {
				start = m.end
			}
			if !num.check(p, b, text, start, true) {
				// An unnumbered heading opens a new section: the lists
				// below it start afresh (chapters and articles run on).
				num.reset(famTiao)
			}
		case lint.Paragraph:
			text := b.Text()
			num.check(p, b, text, 0, false)
			if p.Doc.Format == lint.FormatText {
				for i := strings.IndexByte(text, '\n'); i >= 0; {
					num.check(p, b, text, i+1, false)
					k := strings.IndexByte(text[i+1:], '\n')
					if k < 0 {
						break
					}
					i += 1 + k
				}
			}
		}
	}
	for _, h := range headings {
		lm := levels[h.b.Level]
		if len(lm.first) < 2 {
			continue
		}
		major := lm.first[0]
		for _, k := range lm.first[1:] {
			if lm.count[k] > lm.count[major] {
				major = k
			}
		}
		if h.m.key == major {
			continue
		}
		pr := h.b.Prose()
		d := lint.Diagnostic{
			Span: pr.SrcSpan(0, h.m.size),
			Message: fmt.Sprintf("level-%d heading marked %s while %d other level-%d headings use %s",
				h.b.Level, h.m.key, lm.count[major], h.b.Level, major),
			MessageZh: fmt.Sprintf("第%d级标题使用“%s”，而同级的其他%d个标题使用“%s”", h.b.Level, h.m.key, lm.count[major], major),
		}
		if h.m.symbol && isSymbolKey(major) {
			d.Fixes = fullFix(p, pr, 0, h.m.size, major, "use "+major, false)
		}
		p.Report(d)
	}
	return nil
}

func checkHeadingStop(p *lint.Pass, b *lint.Block, text string) {
	t := strings.TrimRight(text, " \t\n")
	if !strings.HasSuffix(t, "。") {
		return
	}
	s := len(t) - len("。")
	pr := b.Prose()
	p.Report(lint.Diagnostic{
		Span:      pr.SrcSpan(s, len(t)),
		Message:   "heading ends with a full stop 。",
		MessageZh: "标题末尾不用句号",
		Fixes:     fullFix(p, pr, s, len(t), "", "remove the full stop", false),
	})
}

// isMarkerSymbol reports the symbols used as heading bullets: arrows,
// geometric shapes, dingbats, stars, ※ and emoji.
func isMarkerSymbol(r rune) bool {
	switch {
	case r >= 0x2190 && r <= 0x21FF, // arrows
		r >= 0x25A0 && r <= 0x25FF,   // geometric shapes ■ ▶ ● ◆
		r >= 0x2600 && r <= 0x27BF,   // symbols, dingbats ★ ✔ ➤
		r >= 0x2B00 && r <= 0x2BFF,   // more arrows and shapes
		r >= 0x1F300 && r <= 0x1FAFF: // emoji
		return true
	}
	switch r {
	case '※', '•', '◎', '○', '●', '◇', '□', '☆', '★':
		return true
	}
	return false
}

func isSymbolKey(k string) bool {
	r, _ := utf8.DecodeRuneInString(k)
	return isMarkerSymbol(r)
}

// markerSymbolsEnd is the offset after the leading symbols (before the
// space that follows them).
func markerSymbolsEnd(text string) int {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isMarkerSymbol(r) && r != '\uFE0F' {
			break
		}
		i += n
	}
	return i
}

func markerOf(text string) headingMarker {
	if e := markerSymbolsEnd(text); e > 0 {
		end := e
		for end < len(text) && (text[end] == ' ' || text[end] == '\t') {
			end++
		}
		if strings.HasPrefix(text[end:], ideoSpace) {
			end += len(ideoSpace)
		}
		return headingMarker{key: text[:e], symbol: true, size: e, end: end}
	}
	if en, ok := parseEnumerator(text, 0, true); ok {
		return headingMarker{key: en.form, size: en.size}
	}
	return headingMarker{}
}

// Enumerator families, highest level first. Articles (第X条) are numbered
// through a whole law and are not reset by chapters or sections.
const (
	famBian = iota
	famZhang
	famJie
	famTiao
	famYi        // 一、
	famParenYi   // （一）
	famArabic    // 1. 1、 1．
	famParenArab // （1）
	famCircled   // ①
	famCount
)

type enumerator struct {
	fam  int
	n    int
	size int    // bytes
	form string // the family's written form with 1: "一、", "（一）", "1." …
}

// parseEnumerator reads an enumerator at text[i:]. heading relaxes what
// may follow 第X章 (a heading may run on: 第一章总则).
func parseEnumerator(text string, i int, heading bool) (enumerator, bool) {
	s := text[i:]
	if len(s) < 2 {
		return enumerator{}, false
	}
	c := s[0]
	switch {
	case strings.HasPrefix(s, "第"):
		n, k := parseZhNumber(s[len("第"):])
		if k == 0 {
			return enumerator{}, false
		}
		rest := s[len("第")+k:]
		for _, u := range []struct {
			unit string
			fam  int
		}{{"编", famBian}, {"章", famZhang}, {"节", famJie}, {"条", famTiao}} {
			if !strings.HasPrefix(rest, u.unit) {
				continue
			}
			after := rest[len(u.unit):]
			if !spaceOrEnd(after) && !(heading && u.fam != famTiao) {
				return enumerator{}, false
			}
			return enumerator{fam: u.fam, n: n, size: len(s) - len(after), form: "第一" + u.unit}, true
		}
	case strings.HasPrefix(s, "（") || c == '(':
		open, close := "（", "）"
		if c == '(' {
			open, close = "(", ")"
		}
		in := s[len(open):]
		if n, k := parseZhNumber(in); k > 0 && strings.HasPrefix(in[k:], close) {
			return enumerator{fam: famParenYi, n: n, size: len(open) + k + len(close), form: open + "一" + close}, true
		}
		if n, k := parseDigits(in); k > 0 && strings.HasPrefix(in[k:], close) {
			return enumerator{fam: famParenArab, n: n, size: len(open) + k + len(close), form: open + "1" + close}, true
		}
	case c >= '0' && c <= '9':
		n, k := parseDigits(s)
		rest := s[k:]
		for _, m := range []string{".", "．", "、"} {
			if !strings.HasPrefix(rest, m) {
				continue
			}
			after := rest[len(m):]
			// 1.5亿, 1..2, 2023.06: a number, not an enumerator.
			if after != "" && (after[0] >= '0' && after[0] <= '9' || after[0] == '.') {
				return enumerator{}, false
			}
			return enumerator{fam: famArabic, n: n, size: k + len(m), form: "1" + m}, true
		}
	case strings.HasPrefix(s, "\u2460") || (len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x91):
		r, k := utf8.DecodeRuneInString(s)
		if r >= '①' && r <= '⑳' {
			return enumerator{fam: famCircled, n: int(r-'①') + 1, size: k, form: "①"}, true
		}
	default:
		n, k := parseZhNumber(s)
		if k > 0 && strings.HasPrefix(s[k:], "、") {
			after := s[k+len("、"):]
			// 一、二季度: two numerals listed, not an enumerator.
			if _, k2 := parseZhNumber(after); k2 > 0 {
				return enumerator{}, false
			}
			return enumerator{fam: famYi, n: n, size: k + len("、"), form: "一、"}, true
		}
	}
	return enumerator{}, false
}

func spaceOrEnd(s string) bool {
	return s == "" || s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || strings.HasPrefix(s, ideoSpace)
}

func parseDigits(s string) (int, int) {
	n, k := 0, 0
	for k < len(s) && k < 4 && s[k] >= '0' && s[k] <= '9' {
		n = n*10 + int(s[k]-'0')
		k++
	}
	if k < len(s) && s[k] >= '0' && s[k] <= '9' {
		return 0, 0 // five digits or more: a number, not an item
	}
	return n, k
}

// parseZhNumber reads a Chinese numeral from 一 to 九百九十九 (with 〇/零
// and 两): the value and the bytes read, 0 when there is none.
func parseZhNumber(s string) (int, int) {
	total, cur, k := 0, -1, 0
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		d := -1
		switch r {
		case '〇', '零':
			d = 0
		case '一':
			d = 1
		case '二', '两':
			d = 2
		case '三':
			d = 3
		case '四':
			d = 4
		case '五':
			d = 5
		case '六':
			d = 6
		case '七':
			d = 7
		case '八':
			d = 8
		case '九':
			d = 9
		case '十', '百':
			mul := 10
			if r == '百' {
				mul = 100
			}
			if cur < 0 {
				if mul == 100 {
					return 0, 0 // 百 alone is not a number
				}
				cur = 1
			}
			total += cur * mul
			cur = -1
			k += n
			continue
		}
		if d < 0 {
			break
		}
		if cur > 0 {
			return 0, 0 // 二三: a run of digits, not a numeral
		}
		cur = d
		k += n
	}
	if k == 0 {
		return 0, 0
	}
	if cur > 0 {
		total += cur
	}
	if total == 0 {
		return 0, 0
	}
	return total, k
}

// numbering follows enumerator sequences through a document.
type numbering struct {
	last    [famCount]int
	lastTxt [famCount]string
	started [famCount]bool
}

// check follows the enumerator at text[i], if any, and reports whether
// there was one.
func (nb *numbering) check(p *lint.Pass, b *lint.Block, text string, i int, heading bool) bool {
	if i >= len(text) {
		return false
	}
	en, ok := parseEnumerator(text, i, heading)
	if !ok {
		return false
	}
	f := en.fam
	nb.reset(f)
	txt := text[i : i+en.size]
	switch {
	case en.n == 1 && !(nb.started[f] && nb.last[f] == 1):
		// A new list (but 1 right after 1 is a repeat, not a list of one).
		nb.started[f] = true
	case nb.started[f] && en.n != nb.last[f]+1:
		pr := b.Prose()
		p.Report(lint.Diagnostic{
			Span:      pr.SrcSpan(i, i+en.size),
			Message:   fmt.Sprintf("numbering out of order: %s follows %s", txt, nb.lastTxt[f]),
			MessageZh: fmt.Sprintf("序号不连续：“%s”之后是“%s”", nb.lastTxt[f], txt),
		})
	}
	nb.last[f], nb.lastTxt[f] = en.n, txt
	return true
}

// reset starts the families below f afresh; articles (第X条) run on
// through chapters and sections.
func (nb *numbering) reset(f int) {
	for g := f + 1; g < famCount; g++ {
		if g == famTiao && f < famTiao {
			continue
		}
		nb.last[g], nb.started[g], nb.lastTxt[g] = 0, false, ""
	}
}
