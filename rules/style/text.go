package style

import (
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

// hasHan reports whether s holds a Han character. Chinese prose answers on
// its first character.
func hasHan(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := zh.DecodeRune(s, i)
		if zh.IsHan(r) {
			return true
		}
		i += n
	}
	return false
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
func fullFix(pr *lint.Prose, start, end int, repl, msg string, safe bool) []lint.Fix {
	if !pr.Contiguous(start, end) {
		return nil
	}
	s := pr.Src(start)
	e := s + (end - start)
	return []lint.Fix{{Message: msg, Safe: safe, Edits: []lint.Edit{{Start: s, End: e, New: repl}}}}
}
