package numbers

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// NumberForm reports number forms GB/T 15835 rules out.
var NumberForm = &lint.Rule{
	ID:        "number-form",
	Summary:   "number written in a form GB/T 15835 rules out (3千万, 20届3中全会, 一九九○年, .46, 1，000)",
	SummaryZh: "数字书写形式不规范（如3千万、20届3中全会、一九九○年、.46、1，000）",
	Doc: `GB/T 15835-2011 fixes how figures are written in publications; the rule
reports the forms it rules out, as notes:

- Arabic numerals combined with 十, 百 or 千 (§5.3: only 万 and 亿 may follow
  Arabic digits): 3千万 → 3000万, 5百 → 500 (3千瓦, 5千米 and other units
  with the prefix 千 are fine). Safe fix, except for approximations (6万2千多).
- Arabic numerals in fixed names that take Chinese numerals (§4.3):
  20届3中全会 → 二十届三中全会, 14届全国人大2次会议 → 十四届全国人大二次会议,
  党的20大 → 党的二十大. Unsafe fix.
- A Chinese-numeral year or number written with ○ (U+25CB), O or 0 for 〇
  (§5.2): 一九九○年 → 一九九〇年; 零 in a year (二零二三年) likewise. Safe fix.
- A pure decimal without its leading zero (§5.1): .46 → 0.46. Safe fix.
- A full-width comma as a thousands separator (§5.1): 1，000 → 1,000 (or
  1000 where the document does not group digits). Only groups that start
  with 0 are taken as separators, so lists such as 100，200 stay. Unsafe fix.
- Digit grouping that differs within one document (§5.1): some numbers of
  five digits or more grouped (12,500) and others not (36000). The form of
  the majority (the first one on a tie) is the document's; the others are
  reported with an unsafe fix. Four-digit numbers may go either way; years,
  codes, phone numbers and figures in quotes are not counted.

Chinese numerals in fixed names (十三届七次, 二十届三中全会), Wikipedia-style
grouping used throughout (1,040), years and codes are left alone.`,
	Category: "numbers",
	Severity: lint.Info,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "全年新增3千万元，党的20届3中全会于一九九○年以后召开，比例为.46。\n",
		Good:  "全年新增3000万元，党的二十届三中全会于一九九〇年以后召开，比例为0.46，装机3千瓦。\n",
		Fixed: "全年新增3000万元，党的二十届三中全会于一九九〇年以后召开，比例为0.46。\n",
	}},
	Run: runNumberForm,
}

func runNumberForm(p *lint.Pass) error {
	df := figures(p.Doc)
	bfs := df.blocks
	grouping := groupingConvention(bfs)
	for bi := range bfs {
		bf := &bfs[bi]
		named := 0 // end of the last fixed name reported
		for i := range bf.figs {
			f := &bf.figs[i]
			fl := f.q.Num.Flags
			switch {
			case fl&zhnum.MixedSmall != 0:
				mixedSmall(p, bf, f)
			case fl&zhnum.Digitwise != 0:
				oddZero(p, bf, f)
			}
			if fl&zhnum.Arabic != 0 && fl&zhnum.Fullwidth == 0 {
				if bf.figs[i].start >= named {
					named = max(named, fixedName(p, bf, i))
				}
				fullwidthComma(p, bf, f, grouping.grouped > 0)
				grouping.check(p, bf, f)
			}
		}
	}
	// .46 is no figure of the scan: look at every block.
	for bi, b := range p.Doc.Blocks {
		if df.dot[bi] {
			leadingZeroDecimal(p, b, b.Text())
		}
	}
	return nil
}

func reportForm(p *lint.Pass, b *lint.Block, start, end int, msg, msgZh string, fix string, safe bool) {
	pr := b.Prose()
	d := lint.Diagnostic{Span: pr.SrcSpan(start, end), Message: msg, MessageZh: msgZh}
	if fix != "" {
		if e, ok := edit(pr, start, end, fix); ok {
			d.Fixes = []lint.Fix{{Message: "write " + fix, Safe: safe, Edits: []lint.Edit{e}}}
		}
	}
	p.Report(d)
}

// mixedSmall: 3千万 → 3000万.
func mixedSmall(p *lint.Pass, bf *blockFigures, f *figure) {
	text := bf.text
	if f.code() || strings.HasPrefix(text[f.numEnd:], "分") {
		return // 3百分点 is a different slip
	}
	num := f.num(text)
	if f.q.Num.Flags&(zhnum.Percent|zhnum.Permille) != 0 {
		return
	}
	// 3千多万: the approximation sits inside the figure and a rewrite
	// would lose it; 6万2千多吨 keeps its 多 outside.
	if strings.ContainsAny(num, "多余几来") {
		reportForm(p, bf.b, f.start, f.numEnd,
			fmt.Sprintf("Arabic numerals combine only with 万 and 亿, not 十/百/千: %s", num),
			fmt.Sprintf("阿拉伯数字只能与“万”“亿”连用，不能与十、百、千连用：%s", num),
			"", false)
		return
	}
	fix := rewriteMixed(f.q.Num, num)
	reportForm(p, bf.b, f.start, f.numEnd,
		fmt.Sprintf("Arabic numerals combine only with 万 and 亿, not 十/百/千: %s → %s", num, fix),
		fmt.Sprintf("阿拉伯数字只能与“万”“亿”连用，不能与十、百、千连用：%s应写作%s", num, fix),
		fix, true)
}

// rewriteMixed writes n without 十百千: 3000万, 500, 62000.
func rewriteMixed(n zhnum.Number, orig string) string {
	v := n.Value
	if n.Mag > 0 {
		m := v.MulPow10(-n.Mag)
		return m.String() + magWord(orig, n.Mag)
	}
	return v.String()
}

// oddZero: 一九九○年 → 一九九〇年, 二零二三年 → 二〇二三年.
func oddZero(p *lint.Pass, bf *blockFigures, f *figure) {
	text := bf.text
	num := f.num(text)
	odd := f.q.Num.Flags&zhnum.OddZero != 0
	ling := strings.Contains(num, "零") && strings.HasPrefix(text[f.numEnd:], "年")
	if !odd && !ling {
		return
	}
	var sb strings.Builder
	for _, r := range num {
		switch r {
		case '○', 'O', '0', '０', 'Ｏ', '零':
			sb.WriteRune('〇')
		default:
			sb.WriteRune(r)
		}
	}
	fix := sb.String()
	reportForm(p, bf.b, f.start, f.numEnd,
		fmt.Sprintf("zero in a Chinese-numeral year or number is 〇 (U+3007): %s → %s", num, fix),
		fmt.Sprintf("汉字数字年份或编号中的零应写作“〇”：%s应写作%s", num, fix),
		fix, true)
}

// fixedName: 20届3中全会 → 二十届三中全会, 党的20大 → 党的二十大. It looks
// at figure i and the Arabic figures after it up to the end of the name,
// and returns the end of the name it reported (0: none).
func fixedName(p *lint.Pass, bf *blockFigures, i int) int {
	text := bf.text
	f := &bf.figs[i]
	// Session numbers have at most three digits and are followed by a
	// three-byte character (届, 中全会, 大).
	if f.numEnd-f.start > 3 || f.end+3 > len(text) || text[f.end] < 0xE0 {
		return 0
	}
	if f.q.Num.Flags&(zhnum.Decimal|zhnum.Grouped|zhnum.Magnitude|zhnum.Percent) != 0 || f.q.Prefix != zhnum.NoPrefix || f.code() {
		return 0
	}
	var end int
	from := f.start // where the reported name starts
	var parts []*figure
	switch {
	case strings.HasSuffix(text[:f.start], "党的") && strings.HasPrefix(text[f.numEnd:], "大"):
		end = f.numEnd + len("大")
		parts = []*figure{f}
		from = f.start - len("党的")
	case prefixAt(text, f.numEnd, "届", "中全会") > 0,
		// 十四届全国人大2次会议: the session number after a 届 in words.
		prefixAt(text, f.numEnd, "次会议", "次全体会议") > 0 && strings.Contains(text[max(0, f.start-30):f.start], "届"):
		parts = []*figure{f}
		end = sessionEnd(text, f)
		for j := i + 1; j < len(bf.figs); j++ {
			g := &bf.figs[j]
			if g.start-parts[len(parts)-1].end > 30 || !isSessionPart(text, g) || g.q.Num.Flags&zhnum.Arabic == 0 {
				break
			}
			if strings.ContainsAny(text[parts[len(parts)-1].end:g.start], "，。；、,;") {
				break
			}
			parts = append(parts, g)
			end = sessionEnd(text, g)
		}
		if !namesBody(text[f.start:end] + followingWords(text, end)) {
			return 0
		}
	default:
		return 0
	}
	var sb strings.Builder
	last := from
	for _, g := range parts {
		n, ok := smallIntFig(g)
		if !ok {
			return 0
		}
		sb.WriteString(text[last:g.start])
		sb.WriteString(zhInt(n))
		last = g.numEnd
	}
	sb.WriteString(text[last:end])
	fix := sb.String()
	name := text[from:end]
	reportForm(p, bf.b, from, end,
		fmt.Sprintf("fixed names of sessions and congresses take Chinese numerals: %s → %s", name, fix),
		fmt.Sprintf("会议届次等固定名称应使用汉字数字：%s应写作%s", name, fix),
		fix, false)
	return end
}

// isSessionPart: an Arabic figure followed by 届, 中全会, 次会议 or 大会.
func isSessionPart(text string, f *figure) bool {
	return f.q.Num.Flags&zhnum.Arabic != 0 && prefixAt(text, f.numEnd, "届", "中全会", "次会议", "次全体会议", "次代表大会", "次党代会") > 0
}

// sessionEnd returns the end of the name part after figure f.
func sessionEnd(text string, f *figure) int {
	n := prefixAt(text, f.numEnd, "届", "中全会", "次会议", "次全体会议", "次代表大会", "次党代会")
	return f.numEnd + n
}

// followingWords returns up to eight characters after i, up to the next
// non-Han character: 全国人大 after 14届.
func followingWords(text string, i int) string {
	j := i
	for n := 0; n < 8 && j < len(text); n++ {
		r, size := zh.DecodeRune(text, j)
		if !zh.IsHan(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

// namesBody: the name includes a party or state body or a plenary session.
func namesBody(s string) bool {
	return hasAny(s, []string{"中全会", "全会", "人大", "政协", "党代会", "代表大会", "委员会", "次会议"})
}

func smallIntFig(f *figure) (int, bool) {
	if f.q.Num.Flags&(zhnum.Decimal|zhnum.Grouped) != 0 {
		return 0, false
	}
	n, ok := smallInt(f.q.Num.Value)
	return n, ok && n > 0
}

var zhDigits = [...]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// zhInt writes 1…99 as Chinese numerals in counting form: 三, 十三, 二十.
func zhInt(n int) string {
	switch {
	case n < 10:
		return zhDigits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(zhDigits[n%10], "〇")
	case n%10 == 0:
		return zhDigits[n/10] + "十"
	}
	return zhDigits[n/10] + "十" + zhDigits[n%10]
}

// leadingZeroDecimal: .46 → 0.46.
func leadingZeroDecimal(p *lint.Pass, b *lint.Block, text string) {
	for i := strings.IndexByte(text, '.'); i >= 0; {
		if i+1 < len(text) && isDigit(text[i+1]) {
			prev, _ := zh.PrevRune(text, i, false)
			if prev == utf8.RuneError || prev == ' ' || prev == '(' || zh.IsHan(prev) || zh.IsCJKPunct(prev) {
				// Not after a Chinese numeral (一九九.0): a zero there
				// would join the digit string.
				if prev != '…' && prev != '·' && prev != '○' && !numeralRune(prev) {
					e := i + 1
					for e < len(text) && isDigit(text[e]) {
						e++
					}
					reportForm(p, b, i, e,
						fmt.Sprintf("a pure decimal keeps its leading zero: %s → 0%s", text[i:e], text[i:e]),
						fmt.Sprintf("纯小数应保留整数位的0：%s应写作0%s", text[i:e], text[i:e]),
						"0"+text[i:e], true)
				}
			}
		}
		j := strings.IndexByte(text[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
}

// fullwidthComma: 1，000 → 1,000.
func fullwidthComma(p *lint.Pass, bf *blockFigures, f *figure, docGroups bool) {
	text := bf.text
	if f.numEnd-f.start > 3 || !strings.HasPrefix(text[f.numEnd:], "，") {
		return
	}
	if f.q.Num.Flags&(zhnum.Decimal|zhnum.Grouped|zhnum.Percent|zhnum.Magnitude) != 0 || f.q.Prefix != zhnum.NoPrefix || f.q.Unit != "" {
		return
	}
	if f.prev == '，' || f.prev < utf8.RuneSelf && (isDigit(byte(f.prev)) || f.prev == ',') {
		return
	}
	// Groups: "，ddd" repeated; at least one starts with 0.
	e, zero := f.numEnd, false
	for strings.HasPrefix(text[e:], "，") && e+6 <= len(text) && allDigits(text[e+3:e+6]) && (e+6 == len(text) || !isDigit(text[e+6])) {
		zero = zero || text[e+3] == '0'
		e += 6
	}
	if e == f.numEnd || !zero {
		return
	}
	sep := ","
	if !docGroups {
		sep = ""
	}
	fix := strings.ReplaceAll(text[f.start:e], "，", sep)
	reportForm(p, bf.b, f.start, e,
		fmt.Sprintf("a full-width comma is not a thousands separator: %s → %s", text[f.start:e], fix),
		fmt.Sprintf("全角逗号不能用作千分撇：%s应写作%s", text[f.start:e], fix),
		fix, false)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// grouping counts the document's grouped and ungrouped long numbers.
type grouping struct {
	grouped, plain int
	groupedWins    bool
}

func groupingConvention(bfs []blockFigures) grouping {
	var g grouping
	first := 0
	for bi := range bfs {
		bf := &bfs[bi]
		for i := range bf.figs {
			switch groupingOf(bf, &bf.figs[i]) {
			case 1:
				g.grouped++
				if first == 0 {
					first = 1
				}
			case 2:
				g.plain++
				if first == 0 {
					first = 2
				}
			}
		}
	}
	g.groupedWins = g.grouped > g.plain || g.grouped == g.plain && first == 1
	return g
}

// groupingOf returns 1 for a grouped number (1,040), 2 for an ungrouped
// one of five digits or more (12500), 0 for anything else (years, codes,
// phone numbers, names in quotes, short numbers).
func groupingOf(bf *blockFigures, f *figure) int {
	fl := f.q.Num.Flags
	if fl&zhnum.Grouped != 0 && fl&(zhnum.Fullwidth|zhnum.Sci|zhnum.MixedSmall) == 0 && !f.code() {
		return 1
	}
	if f.numEnd-f.start < 5 || fl&zhnum.Arabic == 0 || fl&(zhnum.Fullwidth|zhnum.Sci|zhnum.MixedSmall) != 0 || f.code() {
		return 0
	}
	text := bf.text
	num := f.num(text)
	digits := intDigits(num)
	if digits < 5 || digits > 10 || num[0] == '0' {
		return 0
	}
	switch f.prev {
	case '“', '"', '‘', '《', '〔', '[', '［', '-', '－', '：', ':', '#', '号':
		return 0
	}
	if prefixAt(text, f.numEnd, "年", "号", "”", "\"", "-", "次列车", "型") > 0 {
		return 0
	}
	// Codes: 邮编430071, 编号123456, 电话87654321.
	if suffixAt(text, skipSpaceBack(text, f.start), "邮编", "编码", "代码", "编号", "号码", "电话", "手机", "账号", "工号", "学号", "证号", "批号", "版本") > 0 {
		return 0
	}
	return 2
}

func (g grouping) check(p *lint.Pass, bf *blockFigures, f *figure) {
	if g.grouped == 0 || g.plain == 0 {
		return
	}
	kind := groupingOf(bf, f)
	if kind == 0 || kind == 1 && g.groupedWins || kind == 2 && !g.groupedWins {
		return
	}
	text := bf.text
	num := f.num(text)
	intEnd := intDigits(num)
	var fix, msg, msgZh string
	if kind == 2 {
		fix = groupDigits(num[:intEnd]) + num[intEnd:]
		msg = fmt.Sprintf("digit grouping differs from the rest of the document (%d grouped, %d not): %s → %s", g.grouped, g.plain, num, fix)
		msgZh = fmt.Sprintf("数字分节与全文不一致（%d处分节，%d处未分节）：%s应写作%s", g.grouped, g.plain, num, fix)
	} else {
		fix = ungroup(num)
		msg = fmt.Sprintf("digit grouping differs from the rest of the document (%d grouped, %d not): %s → %s", g.grouped, g.plain, num, fix)
		msgZh = fmt.Sprintf("数字分节与全文不一致（%d处分节，%d处未分节）：%s应写作%s", g.grouped, g.plain, num, fix)
	}
	reportForm(p, bf.b, f.start, f.numEnd, msg, msgZh, fix, false)
}

// intDigits returns the length of the leading run of ASCII digits of s:
// the integer part of an ungrouped number.
func intDigits(s string) int {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// ungroup removes digit-group separators: commas and thin spaces.
func ungroup(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case ',', '\u2009', '\u202f', '\u2005':
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// groupDigits inserts a comma every three digits from the right.
func groupDigits(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}
