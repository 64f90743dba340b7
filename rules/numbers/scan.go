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
	// E级), which may be defined: EFLOPS = 每秒百亿亿次.
	bare []int
	// defs are the prose ranges of stated equivalences (1E=100亿), filled
	// by definitions: figures inside them are not statements of their own.
	defs []lint.Span
}

// inDefinition reports whether prose offset i lies in a stated
// equivalence.
func (bf *blockFigures) inDefinition(i int) bool {
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
	df := &docFigures{blocks: make([]blockFigures, 0, len(doc.Blocks)/2+1)}
	// A block's figures are gathered in a scratch slice and copied into
	// chunks shared by many blocks: a few allocations per document
	// instead of one growing slice per block.
	var all, chunk []figure
	for _, b := range doc.Blocks {
		text := b.Text()
		all = all[:0]
		var bare []int
		for i := 0; i < len(text); {
			c := text[i]
			switch {
			case c < 0x80:
				if c-'0' > 9 {
					if prefixLetter[c] && i+1 < len(text) && bareUnitAt(text, i+1) {
						bare = append(bare, i)
					}
					i++
					continue
				}
			case c >= 0xE0 && c < 0xF0:
				if !zhnum.StartsNumber(text, i) || !numberGoesOn(text, i+3) {
					i += 3
					continue
				}
				// A Chinese numeral: most are words (一些, 统一) or small
				// counts; read the number alone first and look for a
				// prefix or unit only when one may follow.
			default:
				i++
				continue
			}
			q, n := quantityAt(text, i)
			if n == 0 {
				i++
				continue
			}
			if q.Num.Flags&keep != 0 || q.Prefix != zhnum.NoPrefix {
				prev, _ := zh.PrevRune(text, i, false)
				all = append(all, figure{start: i, numEnd: i + q.NumLen, end: i + n, q: q, prev: prev})
				df.flags |= q.Num.Flags
			}
			i += n
		}
		if len(all) == 0 && len(bare) == 0 {
			continue
		}
		if cap(chunk)-len(chunk) < len(all) {
			chunk = make([]figure, 0, max(1024, len(all)))
		}
		lo := len(chunk)
		chunk = append(chunk, all...)
		df.blocks = append(df.blocks, blockFigures{b: b, text: text, bare: bare, figs: chunk[lo:len(chunk):len(chunk)]})
	}
	return df
}

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
	n, size := zhnum.Parse(s, i)
	if size == 0 {
		return zhnum.Quantity{}, 0
	}
	if n.Flags&(zhnum.Percent|zhnum.Permille) != 0 || !unitMayFollow(s, i+size) {
		return zhnum.Quantity{Num: n, NumLen: size}, size
	}
	return zhnum.ParseQuantity(s, i)
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

// computeWords mark a sentence about computing power.
var computeWords = []string{"算力", "运算", "浮点", "FLOPS", "flops", "Flops", "超算", "智算", "计算能力", "超级计算"}

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

// srcSpan maps a prose range to a source span.
func srcSpan(pr *lint.Prose, start, end int) lint.Span { return pr.SrcSpan(start, end) }

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
