package dedup

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// appendKeyPlain is AppendKey(dst, s, 0): the plain matching key, without
// folds or offsets. FindRepeats normalises every sentence of a document, so
// this path writes into preallocated space instead of appending rune by
// rune, and handles the runes of Chinese prose — Han ideographs, CJK and
// full-width punctuation, ASCII — inline. Every other rune goes through
// appendKey alone, so the result is the same by construction.
func appendKeyPlain(dst []rune, s string) []rune {
	k := len(dst)
	// Each key rune comes from at least one source byte, except for the
	// rare compatibility characters that decompose into several runes; the
	// slow path below checks the room left.
	if cap(dst)-k < len(s) {
		dst = slices.Grow(dst, len(s))
	}
	out := dst[:cap(dst)]
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if r := asciiKey[c]; r != 0 {
				out[k] = r
				k++
			}
			i++
			continue
		}
		if i+2 < len(s) {
			// A lead byte E0–EF and two continuation bytes is one mask
			// test on the three bytes.
			x := uint32(c) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16
			if x&0xC0C0F0 == 0x8080E0 {
				r := rune(x&0x0F)<<12 | rune(x>>8&0x3F)<<6 | rune(x>>16&0x3F)
				switch {
				case uint32(r-0x4E00) <= 0x9FFF-0x4E00, uint32(r-0x3400) <= 0x4DBF-0x3400:
					out[k] = r
					k++
					i += 3
					continue
				case uint32(r-0x3000) <= 0x303F-0x3000:
					if cjkPunctKeep&(1<<(r-0x3000)) != 0 {
						out[k] = r
						k++
					}
					i += 3
					continue
				case uint32(r-0xFF01) <= 0xFF5E-0xFF01:
					if a := asciiKey[r-0xFEE0]; a != 0 {
						out[k] = a
						k++
					}
					i += 3
					continue
				case uint32(r-0x2000) <= 0x206F-0x2000, uint32(r-0xFE10) <= 0xFE1F-0xFE10, uint32(r-0xFE30) <= 0xFE6F-0xFE30:
					i += 3
					continue
				}
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		d, _ := appendKey(out[:k], nil, s[i:i+size], 0, 0, false)
		i += size
		k = len(d)
		if cap(d)-k < len(s)-i {
			d = slices.Grow(d, len(s)-i)
		}
		out = d[:cap(d)]
	}
	return out[:k]
}

// hanNumBits marks the Chinese numerals (see isHanNumeral) in the range
// U+3400..U+9FFF, where a table lookup replaces a chain of compares.
var hanNumBits = func() (m [(0xA000 - 0x3400) / 64]uint64) {
	for _, r := range "〇零一二三四五六七八九十百千两" {
		if r >= 0x3400 {
			m[(r-0x3400)>>6] |= 1 << (r & 63)
		}
	}
	return m
}()

// isFoldDigit reports whether a plain key rune is a digit for
// FoldDigitRuns|FoldHanNumerals (see appendKey's emit).
func isFoldDigit(r rune) bool {
	if uint32(r-0x3400) <= 0x9FFF-0x3400 {
		return hanNumBits[(r-0x3400)>>6]>>(r&63)&1 != 0
	}
	return isFoldDigitSlow(r)
}

func isFoldDigitSlow(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r) || isHanNumeral(r)
}
