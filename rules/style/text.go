package style

import (
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// Byte-level helpers shared by the style rules. Rules scan every block of
// every document, so they look at bytes first and decode runes only where
// a candidate is found.

const ideoSpace = "\u3000" // E3 80 80

// isAlnum reports ASCII letters and digits.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// hanAt reports whether a Han character starts at text[i], and its size.
func hanAt(text string, i int) (bool, int) {
	if i < 0 || i >= len(text) || text[i] < utf8.RuneSelf {
		return false, 0
	}
	r, n := zh.DecodeRune(text, i)
	return zh.IsHan(r), n
}

// hanBefore reports whether a Han character ends at text[:i].
func hanBefore(text string, i int) bool {
	if i <= 0 || text[i-1] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return zh.IsHan(r)
}

// lineBounds returns the start and end (exclusive, before '\n') of the line
// of text holding offset i.
func lineBounds(text string, i int) (int, int) {
	s := i
	for s > 0 && text[s-1] != '\n' {
		s--
	}
	e := i
	for e < len(text) && text[e] != '\n' {
		e++
	}
	return s, e
}

// isEnglish reports whether prose is an English paragraph in the sense of
// the reference (§2.7): no Han at all, at least two words, and at least 70%
// of the letters, digits and other symbols (white space and punctuation
// aside) are Latin letters.
func isEnglish(s string) bool {
	latin, other, words := 0, 0, 0
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case isASCIILetter(c):
				latin++
				if !inWord {
					words++
					inWord = true
				}
			case c >= '0' && c <= '9':
				other++
				inWord = true
			case c == '\'' || c == '-':
				// inside words: don't-care
			default:
				inWord = false
			}
			continue
		}
		r, n := zh.DecodeRune(s, i)
		i += n
		switch {
		case zh.IsHan(r):
			return false
		case zh.IsLatin(r):
			latin++
			if !inWord {
				words++
				inWord = true
			}
		case zh.IsCJKPunct(r), zh.IsSpace(r), r == lint.Placeholder:
			inWord = false
		default:
			other++
			inWord = false
		}
	}
	return words >= 2 && latin*10 >= (latin+other)*7
}

// fullFix builds a one-edit fix when the prose range maps onto contiguous
// source bytes, nil otherwise.
func fullFix(p *lint.Pass, pr *lint.Prose, start, end int, repl, msg string, safe bool) []lint.Fix {
	if !pr.Contiguous(start, end) {
		return nil
	}
	s := pr.Src(start)
	e := s + (end - start)
	return fixIfClear(p, lint.Fix{Message: msg, Safe: safe, Edits: []lint.Edit{{Start: s, End: e, New: repl}}})
}

// fixIfClear returns the fix unless an edit touches a never-linted region
// (the prose view should keep those out; this guards against a block whose
// prose picked up part of a comment).
func fixIfClear(p *lint.Pass, f lint.Fix) []lint.Fix {
	for _, e := range f.Edits {
		if e.End > e.Start && p.Doc.OverlapsRegion(lint.Span{Start: e.Start, End: e.End}) {
			return nil
		}
	}
	return []lint.Fix{f}
}

// Block features found by one shared scan, so that the rules looking for
// rare characters skip the blocks without them instead of each scanning
// every block.
const (
	featIdeoSpace   uint8 = 1 << iota // U+3000
	featDunhaoPair                    // 、 followed by the first character of a second correlative
	featRadical                       // a Kangxi or supplement radical
	featSpacedLatin                   // an ASCII space between a Han character and a letter or digit
	featEnglish                       // an English paragraph (isEnglish)
)

type featuresKey struct{}

// features returns the feature bits of every block of the document,
// computed once per document.
func features(d *lint.Document) []uint8 {
	return d.Cache(featuresKey{}, func() any {
		out := make([]uint8, len(d.Blocks))
		for i, b := range d.Blocks {
			out[i] = scanFeatures(b.Text())
		}
		return out
	}).([]uint8)
}

// scanFeatures looks for the lead bytes of what the rules need: the
// searches run on the vectorised strings.IndexByte, and the bytes looked
// for are rare in Chinese prose (spaces, E2 for radicals and quotes) or
// moderately common (E3 for 、。《》…).
func scanFeatures(text string) uint8 {
	var f uint8
	// Chinese text answers on its first Han character. Keeping the
	// answer here spares the English rules a look at every block's text.
	if isEnglish(text) {
		f |= featEnglish
	}
	n := len(text)
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], ' ')
		if k < 0 {
			break
		}
		i += k
		if i > 0 && isAlnum(text[i-1]) && hanAfter(text, i+1) || i+1 < n && isAlnum(text[i+1]) && hanBefore(text, i) {
			f |= featSpacedLatin
			break
		}
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], 0xE2)
		if k < 0 {
			break
		}
		i += k
		if _, ok := radicalAt(text, i); ok {
			f |= featRadical
			break
		}
	}
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], 0xE3)
		if k < 0 || f&(featIdeoSpace|featDunhaoPair) == featIdeoSpace|featDunhaoPair {
			break
		}
		i += k
		if i+2 >= n || text[i+1] != 0x80 {
			continue
		}
		switch text[i+2] {
		case 0x80:
			f |= featIdeoSpace
		case 0x81:
			if i+5 < n && secondCorrelativeStart(text, i+3) {
				f |= featDunhaoPair
			}
		}
	}
	return f
}

func hanAfter(text string, i int) bool {
	h, _ := hanAt(text, i)
	return h
}

// secondCorrelativeStart: the characters that can open the second half of
// a correlative construction (也 又 而 并 还 更 反 另 一).
func secondCorrelativeStart(text string, i int) bool {
	r, _ := zh.DecodeRune(text, i)
	switch r {
	case '也', '又', '而', '并', '还', '更', '反', '另', '一':
		return true
	}
	return false
}
