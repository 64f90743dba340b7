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

type figuresKey struct{}

// figures returns the figures of every block of the document, computed once
// and shared by the number rules.
func figures(doc *lint.Document) []blockFigures {
	return doc.Cache(figuresKey{}, func() any { return scanFigures(doc) }).([]blockFigures)
}

// keep: the figures some rule looks at. Lone Chinese counts (一些, 三个,
// 十二) are common and interest no rule, so they are not stored.
const keep = zhnum.Arabic | zhnum.Fullwidth | zhnum.Magnitude | zhnum.Digitwise | zhnum.Sci | zhnum.Percent | zhnum.Permille

func scanFigures(doc *lint.Document) []blockFigures {
	var out []blockFigures
	for _, b := range doc.Blocks {
		text := b.Text()
		var figs []figure
		for i := 0; i < len(text); {
			if !zhnum.StartsNumber(text, i) {
				i++
				continue
			}
			q, n := zhnum.ParseQuantity(text, i)
			if n == 0 {
				i++
				continue
			}
			if q.Num.Flags&keep != 0 || q.Prefix != zhnum.NoPrefix {
				prev, _ := zh.PrevRune(text, i, false)
				figs = append(figs, figure{start: i, numEnd: i + q.NumLen, end: i + n, q: q, prev: prev})
			}
			i += n
		}
		// A block without figures may still define a unit: EFLOPS = 每秒百亿亿次.
		if len(figs) > 0 || hasBareUnit(text) {
			out = append(out, blockFigures{b: b, text: text, figs: figs})
		}
	}
	return out
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
