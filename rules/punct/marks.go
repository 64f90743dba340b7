package punct

import (
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// The punctuation rules all look at the same few marks. One scan per
// document collects them (with their prose offsets) so that each rule walks
// a short list instead of the whole text: Chinese prose is about one mark in
// ten characters.

// mark is a punctuation character at a prose byte offset of its block,
// with its classes (which rules look at it).
type mark struct {
	off int32
	r   rune
	cls uint16
}

// Mark classes.
const (
	cPoint      uint16 = 1 << iota // 。，、；：？！
	cPair                          // quotes and brackets
	cEllipsis                      // . … ⋯ · ． and 。
	cDash                          // - － ― ─ ━ — – ‒ ﹘
	cInterpunct                    // ・ ･ • ‧ ．
	cSpace                         // marks that take no space next to them
	cQuote                         // “ ” ‘ ’ 「 」 『 』
	cStraight                      // " '
	cHalfPoint                     // , ; : ? ! (ASCII)
)

// classOf looks the classes up in tables for the blocks where the marks
// live.
func classOf(r rune) uint16 {
	switch {
	case r < 0x80:
		return asciiCls[r]
	case r >= 0x2010 && r < 0x2070:
		return genCls[r-0x2010]
	case r >= 0x3000 && r < 0x3040:
		return cjkCls[r-0x3000]
	case r >= 0xFF00 && r < 0xFF66:
		return fwCls[r-0xFF00]
	}
	return classSlow(r)
}

var (
	asciiCls [0x80]uint16
	genCls   [0x60]uint16
	cjkCls   [0x40]uint16
	fwCls    [0x66]uint16
)

func init() {
	for i := range asciiCls {
		asciiCls[i] = classSlow(rune(i))
	}
	for i := range genCls {
		genCls[i] = classSlow(rune(0x2010 + i))
	}
	for i := range cjkCls {
		cjkCls[i] = classSlow(rune(0x3000 + i))
	}
	for i := range fwCls {
		fwCls[i] = classSlow(rune(0xFF00 + i))
	}
}

func classSlow(r rune) uint16 {
	var c uint16
	if isPoint(r) {
		c |= cPoint
	}
	if _, _, ok := pairKind(r); ok {
		c |= cPair
	}
	if isEllipsisPart(r) || r == '。' {
		c |= cEllipsis
	}
	if isDashPart(r) {
		c |= cDash
	}
	if isInterpunctLookalike(r) {
		c |= cInterpunct
	}
	if spaceClass(r) != sideNone {
		c |= cSpace
	}
	switch r {
	case '“', '”', '‘', '’', '「', '」', '『', '』':
		c |= cQuote
	case '"', '\'':
		c |= cStraight
	case ',', ';', ':', '?', '!':
		c |= cHalfPoint
	}
	return c
}

// blockMarks is the scan result of one block.
type blockMarks struct {
	b     *lint.Block
	pr    *lint.Prose
	text  string
	marks []mark
	// han is set when the block holds a Han character.
	han bool
	// zh is set when the block is Chinese text: at least two Han
	// characters for every English word. English paragraphs that quote a
	// Chinese phrase or list marks (。！？) are not.
	zh bool
}

// docMarks is the scan of a whole document.
type docScan struct {
	blocks []blockMarks
	// zh: the document as a whole is Chinese (by the measure of
	// blockMarks.zh). Short blocks such as table cells and list items
	// inherit the language of the document when their own is unclear.
	zh bool
}

type marksKey struct{}

// docMarks returns the marks of every block of the document, computed once
// and shared by the rules of this package.
func docMarks(doc *lint.Document) []blockMarks { return scanOf(doc).blocks }

func scanOf(doc *lint.Document) *docScan {
	return doc.Cache(marksKey{}, func() any { return scanMarks(doc) }).(*docScan)
}

// isChineseText: at least two Han characters per English word.
func isChineseText(nHan, nWords int) bool { return nHan > 0 && nHan >= 2*nWords }

func scanMarks(doc *lint.Document) *docScan {
	out := make([]blockMarks, len(doc.Blocks))
	docHan, docWords := 0, 0
	// One backing array for the whole document; blocks take sub-slices.
	all := make([]mark, 0, len(doc.Src)/32+16)
	for i, b := range doc.Blocks {
		pr := b.Prose()
		t := pr.Text
		start := len(all)
		nHan, nWords := 0, 0
		inWord := false
		for j := 0; j < len(t); {
			c := t[j]
			// Lead bytes E4–E9 start U+4000–U+9FFF: Han, never a mark.
			if c-0xE4 <= 0xE9-0xE4 {
				j0 := j
				j += 3
				for j < len(t) && t[j]-0xE4 <= 0xE9-0xE4 {
					j += 3
				}
				nHan += (j - j0) / 3
				inWord = false
				continue
			}
			if c < utf8.RuneSelf {
				letter := (c|0x20)-'a' < 26
				if letter && !inWord {
					nWords++
				}
				inWord = letter
				if k := asciiCls[c]; k != 0 {
					all = append(all, mark{int32(j), rune(c), k})
				}
				j++
				continue
			}
			var r rune
			n := 3
			if c >= 0xE0 && c < 0xF0 && j+2 < len(t) && t[j+1]&0xC0 == 0x80 && t[j+2]&0xC0 == 0x80 {
				r = rune(c&0x0F)<<12 | rune(t[j+1]&0x3F)<<6 | rune(t[j+2]&0x3F)
			} else {
				r, n = utf8.DecodeRuneInString(t[j:])
			}
			if k := classOf(r); k != 0 {
				all = append(all, mark{int32(j), r, k})
			} else if zh.IsHan(r) {
				nHan++
			}
			inWord = false
			j += n
		}
		out[i] = blockMarks{b: b, pr: pr, text: t, marks: all[start:len(all):len(all)],
			han: nHan > 0, zh: isChineseText(nHan, nWords)}
		docHan += nHan
		docWords += nWords
	}
	return &docScan{blocks: out, zh: isChineseText(docHan, docWords)}
}

// runeLen is the UTF-8 length of a mark.
func runeLen(r rune) int { return utf8.RuneLen(r) }

// prevRune and nextRune look at the neighbours of a prose range.
func prevRune(t string, i int) rune {
	if i > 0 && t[i-1] < utf8.RuneSelf {
		return rune(t[i-1])
	}
	if i >= 3 && t[i-3]&0xF0 == 0xE0 && t[i-2]&0xC0 == 0x80 && t[i-1]&0xC0 == 0x80 {
		return rune(t[i-3]&0x0F)<<12 | rune(t[i-2]&0x3F)<<6 | rune(t[i-1]&0x3F)
	}
	r, _ := zh.PrevRune(t, i, false)
	return r
}

func nextRune(t string, i int) rune {
	if i < len(t) && t[i] < utf8.RuneSelf {
		return rune(t[i])
	}
	r, _ := zh.NextRune(t, i, false)
	return r
}

// isEdge reports the start or end of a block or a line inside it.
func isEdge(r rune) bool { return r == utf8.RuneError || r == '\n' }

// isHanSide reports neighbours that make a mark part of Chinese text: Han
// and the unambiguous Chinese marks. Curly quotes, dashes, ellipses and the
// middle dot are shared with English and do not count.
func isHanSide(r rune) bool {
	if zh.IsHan(r) {
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·':
		return false
	}
	return zh.IsCJKPunct(r)
}
