// Package zh holds character classes shared by the rule families.
package zh

import (
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// IsHan reports whether r is a Han ideograph (including 〇).
func IsHan(r rune) bool { return lint.IsHan(r) }

// IsCJKPunct reports whether r is full-width or CJK punctuation, the marks
// that belong to Chinese text.
func IsCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation: 、。〈〉《》「」『』【】〔〕…
		return r != 0x3000
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '…', '—', '·':
		return true
	}
	return false
}

// IsOpeningCJK reports opening quotes and brackets of Chinese text.
func IsOpeningCJK(r rune) bool {
	switch r {
	case '“', '‘', '（', '《', '〈', '【', '〔', '［', '「', '『', '｛':
		return true
	}
	return false
}

// IsClosingCJK reports closing quotes and brackets of Chinese text.
func IsClosingCJK(r rune) bool {
	switch r {
	case '”', '’', '）', '》', '〉', '】', '〕', '］', '」', '』', '｝':
		return true
	}
	return false
}

// IsChinese reports Han characters and CJK punctuation: the runes that
// make a neighbourhood Chinese.
func IsChinese(r rune) bool { return IsHan(r) || IsCJKPunct(r) }

// IsLatin reports ASCII and Latin-script letters.
func IsLatin(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r)
}

// IsDigit reports ASCII digits.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' }

// IsSpace reports the white space that may sit between marks and words.
func IsSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000'
}

// PrevRune returns the rune before byte offset i and its start, skipping
// white space (not newlines) when skipSpace is set; utf8.RuneError and -1 at
// the start.
func PrevRune(s string, i int, skipSpace bool) (rune, int) {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if skipSpace && IsSpace(r) {
			continue
		}
		return r, i
	}
	return utf8.RuneError, -1
}

// NextRune returns the rune at or after byte offset i and its start,
// skipping white space when skipSpace is set; utf8.RuneError and -1 at the
// end.
func NextRune(s string, i int, skipSpace bool) (rune, int) {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if skipSpace && IsSpace(r) {
			i += n
			continue
		}
		return r, i
	}
	return utf8.RuneError, -1
}

// DecodeRune decodes the rune at s[i:], with a fast path for the 3-byte
// sequences of U+4000…U+9FFF that make up most of Chinese text.
func DecodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) {
		b1, b2 := s[i+1], s[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// RuneCountUpTo is RuneCount(s) when that is at most limit, and limit+1
// otherwise: it stops there, for the tests of short lines that every
// paragraph of a document meets.
func RuneCountUpTo(s string, limit int) int {
	if len(s) <= limit {
		return RuneCount(s) // at most a rune per byte
	}
	n := 0
	for i := 0; i < len(s) && n <= limit; n++ {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// RuneCount is utf8.RuneCountInString with three-byte characters counted
// inline: a lead E1–EC or EE–EF and two continuation bytes are always one
// valid character, and they make up most of Chinese text; anything else
// goes to the library's decoder, so the count is the same on any input.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// HasHan reports whether s holds a Han character. Chinese prose answers on
// its first character.
func HasHan(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := DecodeRune(s, i)
		if IsHan(r) {
			return true
		}
		i += n
	}
	return false
}
