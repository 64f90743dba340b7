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

// mark is a punctuation character at a prose byte offset of its block.
type mark struct {
	off int32
	r   rune
}

// blockMarks is the scan result of one block.
type blockMarks struct {
	b     *lint.Block
	pr    *lint.Prose
	text  string
	marks []mark
	// han is set when the block holds a Han character: the block is
	// Chinese (or mixed) text rather than an English paragraph.
	han bool
}

type marksKey struct{}

// docMarks returns the marks of every block of the document, computed once
// and shared by the rules of this package.
func docMarks(doc *lint.Document) []blockMarks {
	return doc.Cache(marksKey{}, func() any { return scanMarks(doc) }).([]blockMarks)
}

func scanMarks(doc *lint.Document) []blockMarks {
	out := make([]blockMarks, len(doc.Blocks))
	// One backing array for the whole document; blocks take sub-slices.
	all := make([]mark, 0, len(doc.Src)/24+16)
	for i, b := range doc.Blocks {
		pr := b.Prose()
		t := pr.Text
		start := len(all)
		han := false
		for j := 0; j < len(t); {
			c := t[j]
			if c < utf8.RuneSelf {
				switch c {
				case '(', ')', '[', ']', '"', '\'', '.', '-':
					all = append(all, mark{int32(j), rune(c)})
				}
				j++
				continue
			}
			// Lead bytes E4–E9 start U+4000–U+9FFF: Han, never a mark.
			if c >= 0xE4 && c <= 0xE9 {
				han = true
				j += 3
				continue
			}
			r, n := zh.DecodeRune(t, j)
			if isMarkRune(r) {
				all = append(all, mark{int32(j), r})
			} else if !han && zh.IsHan(r) {
				han = true
			}
			j += n
		}
		out[i] = blockMarks{b: b, pr: pr, text: t, marks: all[start:len(all):len(all)], han: han}
	}
	return out
}

// isMarkRune reports the non-ASCII punctuation the rules care about.
func isMarkRune(r rune) bool {
	switch {
	case r == 0xB7: // ·
		return true
	case r >= 0x2010 && r <= 0x206F: // general punctuation: — ― … “ ” ‘ ’ • ‧
		return true
	case r == 0x22EF || r == 0x2500 || r == 0x2501: // ⋯ ─ ━
		return true
	case r >= 0x2E3A && r <= 0x2E3B: // ⸺ ⸻
		return true
	case r >= 0x3001 && r <= 0x303F: // 、。〈〉《》「」『』【】〔〕…
		return true
	case r == 0x30FB: // ・
		return true
	case r >= 0xFE50 && r <= 0xFE6B: // small form variants
		return true
	case r >= 0xFF01 && r <= 0xFF65: // full-width forms (letters are filtered by users)
		return !(r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A)
	}
	return false
}

// runeLen is the UTF-8 length of a mark.
func runeLen(r rune) int { return utf8.RuneLen(r) }

// prevRune and nextRune look at the neighbours of a prose range.
func prevRune(t string, i int) rune {
	r, _ := zh.PrevRune(t, i, false)
	return r
}

func nextRune(t string, i int) rune {
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

// report builds a diagnostic over a prose range.
func spanOf(pr *lint.Prose, i, j int) lint.Span { return pr.SrcSpan(i, j) }
