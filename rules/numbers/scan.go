package numbers

import (
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// figure is one number found in a block's prose, with the SI prefix and
// unit zhnum read after it. Offsets are prose byte offsets into the block
// text.
type figure struct {
	start, numEnd, end int
	q                  zhnum.Quantity
	// prev is the rune before the figure (utf8.RuneError at the start).
	prev rune
}

// text returns the figure as written.
func (f *figure) text(s string) string { return s[f.start:f.end] }

// num returns the number part as written.
func (f *figure) num(s string) string { return s[f.start:f.numEnd] }

// code reports a figure glued to letters or code punctuation (A380, H7N9,
// COVID-19 after the hyphen is handled by the range rule): part of an
// identifier, not a quantity.
func (f *figure) code() bool {
	return f.prev < utf8.RuneSelf && (zh.IsLatin(f.prev) || f.prev == '_' || f.prev == '/' || f.prev == '.' || f.prev == '#' || f.prev == '@')
}

// blockFigures holds the figures of one block.
type blockFigures struct {
	b    *lint.Block
	text string
	figs []figure
	// bare are the offsets of prefixed units without a number (EFLOPS,
	// E级), which may be defined: EFLOPS = 每秒百亿亿次. Rare, so kept
	// out of line with defs.
	*rare
	// fullwidth: the block has a full-width digit, letter or ％.
	fullwidth bool
}

// rare holds what few blocks have.
type rare struct {
	bare []int
	// defs are the prose ranges of stated equivalences (1E=100亿), filled
	// by definitions: figures inside them are not statements of their own.
	defs []lint.Span
}

// yearMark is a year named in the document (2023年): the time later
// statements are about.
type yearMark struct {
	block, off int // index in Document.Blocks, prose offset
	year       string
}

// inDefinition reports whether prose offset i lies in a stated
// equivalence.
func (bf *blockFigures) inDefinition(i int) bool {
	if bf.rare == nil {
		return false
	}
	for _, s := range bf.defs {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

// docFigures is the shared scan of one document.
type docFigures struct {
	blocks []blockFigures
	// flags is the union of the flags of all figures, so a rule can skip
	// a document without, say, any 兆.
	flags zhnum.Flags
	// years named in the document, in order.
	years []yearMark
	// dot marks the blocks (by index) whose text holds a '.': only there
	// can a pure decimal (.46) be, and the scan looks while the text is
	// at hand.
	dot []bool
}

type figuresKey struct{}

// figures returns the figures of every block of the document, computed once
// and shared by the number rules.
func figures(doc *lint.Document) *docFigures {
	return doc.Cache(figuresKey{}, func() any { return scanFigures(doc) }).(*docFigures)
}

// keep: the figures some rule looks at. Lone Chinese counts (一些, 三个,
// 十二) are common and interest no rule, so they are not stored.
const keep = zhnum.Arabic | zhnum.Fullwidth | zhnum.Magnitude | zhnum.Digitwise | zhnum.Sci | zhnum.Percent | zhnum.Permille

func scanFigures(doc *lint.Document) *docFigures {
	df := &docFigures{dot: make([]bool, len(doc.Blocks))}
	// Figures go into chunks shared by many blocks: a few allocations per
	// document instead of a growing slice per block.
	var chunk []figure
	for bi, b := range doc.Blocks {
		text := b.Text()
		df.dot[bi] = strings.IndexByte(text, '.') >= 0
		lo := len(chunk)
		var bare []int
		fw := false
		for i := 0; i < len(text); {
			c := text[i]
			switch {
			case c >= 0xE0:
				// Most of Chinese text: three-byte characters, one
				// table probe each.
				if c >= 0xF0 || i+2 >= len(text) {
					i++
					continue
				}
				if k := int(c&0x0F)<<12 | int(text[i+1]&0x3F)<<6 | int(text[i+2]&0x3F); scanStop[k>>6]>>(k&63)&1 == 0 {
					// Neither a number start nor a full-width digit,
					// letter or ％: one probe for most characters.
					i += 3
					continue
				}
				if numStart[int(c&0x0F)<<6|int(text[i+1]&0x3F)]>>(text[i+2]&0x3F)&1 == 0 || !numberGoesOn(text, i+3) {
					if c == 0xEF && !fw {
						fw = fullwidthAt(text, i) != 0
					}
					i += 3
					continue
				}
			case c >= 0x80:
				i++
				continue
			case c-'0' > 9:
				if prefixLetter[c] && i+1 < len(text) && bareUnitAt(text, i+1) {
					bare = append(bare, i)
				}
				i++
				continue
			}
			q, n := quantityAt(text, i)
			if n == 0 {
				i++
				continue
			}
			fw = fw || q.Num.Flags&zhnum.Fullwidth != 0 // ４０％
			if y := yearAt(text, i, q, n); y != "" {
				df.years = append(df.years, yearMark{bi, i, y})
			}
			if q.Prefix == zhnum.NoPrefix && q.Unit == "" && q.Num.Flags&^(zhnum.Decimal|zhnum.Percent|zhnum.Approx) == zhnum.Arabic && !plainWanted(text, i, i+n) {
				// Most figures are plain counts, dates, decimals and
				// percentages (62个, 8月, 11.61平方公里, 47.5%, 680多) that no
				// rule looks at unless they end a range or name a
				// session; storing them would cost more than the scan.
				i += n
				continue
			}
			if q.Num.Flags&keep != 0 || q.Prefix != zhnum.NoPrefix {
				if len(chunk) == cap(chunk) {
					// Move this block's figures to a fresh chunk, twice as
					// large as the last up to 1024 figures: a figure is
					// some 150 bytes, and a draft of a few pages holds a
					// few dozen.
					next := make([]figure, 0, max(min(2*cap(chunk), 1024), 32, 2*(len(chunk)-lo)))
					chunk, lo = append(next, chunk[lo:]...), 0
				}
				prev, _ := zh.PrevRune(text, i, false)
				chunk = append(chunk, figure{start: i, numEnd: i + q.NumLen, end: i + n, q: q, prev: prev})
				df.flags |= q.Num.Flags
			}
			i += n
		}
		if len(chunk) == lo && len(bare) == 0 && !fw {
			continue
		}
		bf := blockFigures{b: b, text: text, fullwidth: fw, figs: chunk[lo:len(chunk):len(chunk)]}
		if len(bare) > 0 {
			bf.rare = &rare{bare: bare}
		}
		df.blocks = append(df.blocks, bf)
	}
	return df
}

// plainWanted reports whether a plain Arabic integer at [i,j) matters to a
// rule: five digits or more (digit grouping), an end of a range (3-5年),
// or a session number (20届, 3中全会, 党的20大, 2次会议) or thousands
// group (1，000) of at most three digits.
func plainWanted(text string, i, j int) bool {
	digits := j - i
	if digits >= 5 && !strings.HasPrefix(text[j:], "年") && !strings.HasPrefix(text[j:], "号") {
		return true // counted for digit grouping, unless a year or a number
	}
	if k := skipSpace(text, j); k < len(text) && connectorByte[text[k]] && prefixAt(text, k, connectors...) > 0 {
		return true
	}
	if k := skipSpaceBack(text, i); k > 0 && connectorBefore(text, k) {
		return true
	}
	if digits == 4 || j >= len(text) {
		return false // a year (2023年) or the end
	}
	switch text[j] {
	case 0xE5, 0xE4, 0xE6: // 届 大, 中, 次
		return prefixAt(text, j, "届", "中全会", "次会议", "次全体会议") > 0 ||
			strings.HasPrefix(text[j:], "大") && strings.HasSuffix(text[:i], "党的")
	case 0xEF: // 1，000: a group after a full-width comma that starts with 0
		return strings.HasPrefix(text[j:], "，0") && j+6 <= len(text) && allDigits(text[j+3:j+6])
	}
	return false
}

// connectorBefore reports a range connector ending at i.
func connectorBefore(text string, i int) bool {
	if !connectorEnd[text[i-1]] {
		return false
	}
	for _, c := range connectors {
		if strings.HasSuffix(text[:i], c) {
			return true
		}
	}
	return false
}

// yearAt returns the year a figure names (2023 in 2023年, 2021 in
// 2021—2025年, 二〇二三 in 二〇二三年), or "".
func yearAt(text string, i int, q zhnum.Quantity, n int) string {
	fl := q.Num.Flags
	if fl&(zhnum.Arabic|zhnum.Digitwise) == 0 || fl&(zhnum.Decimal|zhnum.Grouped|zhnum.Percent) != 0 || q.Prefix != zhnum.NoPrefix || i+n >= len(text) {
		return ""
	}
	if fl&zhnum.Arabic != 0 && n != 4 {
		return ""
	}
	if !strings.HasPrefix(text[i+n:], "年") && prefixAt(text, i+n, "—", "-", "～", "至", "到") == 0 {
		return ""
	}
	return text[i : i+n]
}

// numStart has a bit for each character from U+0800 to U+FFFF that may
// start a number: zhnum.StartsNumber, tabled once so the scanning loop
// needs one probe and no calls per character.
var numStart [1024]uint64

func init() {
	var sb strings.Builder
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			r = 0xDFFF
			continue
		}
		sb.WriteRune(r)
	}
	all := sb.String()
	for i := 0; i < len(all); i += 3 {
		if zhnum.StartsNumber(all, i) {
			r, _ := utf8.DecodeRuneInString(all[i:])
			numStart[r>>6] |= 1 << (r & 63)
		}
	}
	scanStop = numStart
	for _, rg := range [][2]rune{{'０', '９'}, {'Ａ', 'Ｚ'}, {'ａ', 'ｚ'}, {'％', '％'}} {
		for r := rg[0]; r <= rg[1]; r++ {
			scanStop[r>>6] |= 1 << (r & 63)
		}
	}
}

// scanStop has the bits of numStart and those of the full-width digits,
// letters and ％ (fullwidthAt): the characters scanFigures stops at.
// It is built by init, after numStart.
var scanStop [1024]uint64

// numberGoesOn reports whether the character at i may continue a number
// begun by one Chinese numeral before it. A lone numeral (一些, 统一, 三个)
// is a word or a small count no rule keeps, and most Chinese numerals in
// prose are lone, so this saves a parse for each of them. Lone 万 and 亿
// are words too (万众, 亿万): readings such as 1E=亿 are parsed where a
// definition is found, not from the scan.
func numberGoesOn(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < 0x80 {
		// 3%, 三E, 三 kW: a percent sign, a prefix letter or a space
		// before one.
		return c == '%' || c == ' ' || c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	if zhnum.StartsNumber(s, i) {
		return true
	}
	switch r, _ := zh.DecodeRune(s, i); r {
	case '点', '點', '分', '○', '％', '‰', '多', '余', '餘', '几', '幾', '来', '來', '兆', '吉', '太', '拍', '艾', '泽', '尧':
		return true
	case '次':
		return true // 亿次（1GFLOPS）: a reading before its prefix
	}
	return false
}

// prefixLetter marks the ASCII SI prefix symbols.
var prefixLetter = [128]bool{'k': true, 'K': true, 'M': true, 'G': true, 'T': true, 'P': true, 'E': true, 'Z': true, 'Y': true, 'R': true, 'Q': true}

// quantityAt is zhnum.ParseQuantity, but looks for an SI prefix or unit
// only when the character after the number may start one: most figures
// are followed by 年, 个, 元 or punctuation, and the unit lookup is the
// larger part of the cost. TestQuantityAt checks that it agrees with
// ParseQuantity.
func quantityAt(s string, i int) (zhnum.Quantity, int) {
	if q, size := plainArabic(s, i); size > 0 {
		return q, size
	}
	n, size := zhnum.Parse(s, i)
	if size == 0 {
		return zhnum.Quantity{}, 0
	}
	if n.Flags&(zhnum.Percent|zhnum.Permille) != 0 || !unitMayFollow(s, i+size) {
		return zhnum.Quantity{Num: n, NumLen: size}, size
	}
	return zhnum.ParseQuantity(s, i)
}

// plainArabic reads the commonest figure, a run of ASCII digits followed
// by a character that cannot continue a number (2023年, 62个, 15.),
// without calling the parser; 0 when the figure is anything else.
func plainArabic(s string, i int) (zhnum.Quantity, int) {
	var v int64
	j := i
	for j < len(s) && s[j]-'0' <= 9 {
		if j-i == 18 {
			return zhnum.Quantity{}, 0
		}
		v = v*10 + int64(s[j]-'0')
		j++
	}
	if j == i || j < len(s) && !endsNumber(s, j) {
		return zhnum.Quantity{}, 0
	}
	n := zhnum.Int(v)
	return zhnum.Quantity{Num: zhnum.Number{Value: n, Alt: n, Flags: zhnum.Arabic}, NumLen: j - i}, j - i
}

// endsNumber reports whether the character at i ends an Arabic number
// without changing it: not a digit, separator, point, sign, exponent,
// Chinese numeral or magnitude, approximation, prefix or unit.
func endsNumber(s string, i int) bool {
	c := s[i]
	if c < 0x80 {
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			return false
		}
		switch c {
		case ',', '.', '%', '^', '*', ' ':
			return false
		}
		return true
	}
	if c < 0xE0 || c >= 0xF0 {
		return false // ×, ¹, no-break space, …: let the parser decide
	}
	if zhnum.StartsNumber(s, i) || unitMayFollow(s, i) {
		return false
	}
	switch r, _ := zh.DecodeRune(s, i); r {
	case '兆', '多', '余', '餘', '几', '幾', '来', '來', '％', '‰', '．', '⁻', '⁺', '\u2005',
		'⁰', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return false
	}
	return true
}

// unitMayFollow reports a character at i that may start an SI prefix or a
// unit after a number: an ASCII letter, a space, or the first character of
// a Chinese prefix name or unit.
func unitMayFollow(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < 0x80 {
		return c|0x20 >= 'a' && c|0x20 <= 'z' || c == ' '
	}
	switch r, _ := zh.DecodeRune(s, i); r {
	case '\u00a0', '\u2009', '\u202f',
		'千', '兆', '吉', '太', '拍', '艾', '泽', '尧',
		'次', '字', '比', '瓦', '赫', '帕', '焦', '伏', '欧', '安', '克', '米', '吨', '升', '卡':
		return true
	}
	return false
}

// sentenceAt returns the sentence (prose range) of the block holding offset
// i; the whole text when none does.
func sentenceAt(b *lint.Block, text string, i int) (int, int) {
	for _, s := range b.Sentences() {
		if i >= s.Start && i < s.End {
			return s.Start, s.End
		}
	}
	return 0, len(text)
}

// clauseStart returns the start of the clause holding offset i: after the
// last ，；。！？： or line break before it.
func clauseStart(text string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch r {
		case '，', '；', '。', '！', '？', '：', '\n', ',', ';':
			return i
		}
		i -= n
	}
	return 0
}

// computeWords mark a sentence about computing power, a rate: not 运算
// or 计算 alone, since a total count of operations (累计完成运算1万亿次)
// is a count.
var computeWords = []string{"算力", "计算能力", "运算能力", "运算速度", "计算速度", "峰值", "FLOPS", "flops", "Flops"}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// skipSpace skips ASCII and no-break spaces.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += 2
		default:
			return i
		}
	}
	return i
}

// skipSpaceBack skips spaces before i.
func skipSpaceBack(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// prefixAt returns the length of one of the words at s[i:], or 0.
func prefixAt(s string, i int, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(s[i:], w) {
			return len(w)
		}
	}
	return 0
}

// suffixAt returns the length of one of the words ending at s[:i], or 0.
func suffixAt(s string, i int, words ...string) int {
	for _, w := range words {
		if strings.HasSuffix(s[:i], w) {
			return len(w)
		}
	}
	return 0
}

// openBracket and closeBracket return the byte length of a round bracket at
// i (ASCII or full-width), or 0: another rule converts one into the other.
func openBracket(s string, i int) int {
	if i < len(s) && s[i] == '(' {
		return 1
	}
	if strings.HasPrefix(s[i:], "（") {
		return 3
	}
	return 0
}

func closeBracket(s string, i int) int {
	if i < len(s) && s[i] == ')' {
		return 1
	}
	if strings.HasPrefix(s[i:], "）") {
		return 3
	}
	return 0
}

// edit returns the edit replacing prose [start,end) with s, and false when
// the range is not one unbroken run of source bytes.
func edit(pr *lint.Prose, start, end int, s string) (lint.Edit, bool) {
	if !pr.Contiguous(start, end) {
		return lint.Edit{}, false
	}
	sp := pr.SrcSpan(start, end)
	return lint.Edit{Start: sp.Start, End: sp.End, New: s}, true
}

// insert returns the edit inserting s before prose offset i.
func insert(pr *lint.Prose, i int, s string) (lint.Edit, bool) {
	if i > 0 && !pr.Contiguous(i-1, i) {
		return lint.Edit{}, false
	}
	o := pr.Src(i)
	return lint.Edit{Start: o, End: o, New: s}, true
}
