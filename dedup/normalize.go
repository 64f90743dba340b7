package dedup

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold selects optional folds on top of the base normalisation.
type Fold uint8

const (
	// FoldDigits maps every decimal digit to '0', so that units differing
	// only in figures get equal keys.
	FoldDigits Fold = 1 << iota
	// FoldDigitRuns maps every run of digits (punctuation such as "." or ","
	// inside the number is dropped anyway) to a single '0', so that
	// "增长15%" and "增长8.5%" get equal keys too.
	FoldDigitRuns
	// WordBreaks keeps one ' ' between two non-Han words that the source
	// separated by spaces or punctuation. Latin shingles need word
	// boundaries; exact keys and edit similarity do not use this.
	WordBreaks
	// FoldHanNumerals treats the Chinese numerals 〇零一二三四五六七八九十百千两
	// as digits for FoldDigits and FoldDigitRuns, so that 第七届 and 第十三届,
	// or 一是 and 二是, differ only in numbers.
	FoldHanNumerals
)

// isHanNumeral reports whether r is a Chinese numeral folded by
// FoldHanNumerals.
func isHanNumeral(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '两':
		return true
	}
	return false
}

// ASCII classification: 0 drops the byte, anything else is the key rune.
var asciiKey [128]rune

// cjkPunctKeep marks the runes of U+3000..U+303F that are letters or
// numbers (々 〆 〇 Hangzhou numerals …); the rest of the block is punctuation.
var cjkPunctKeep uint64

func init() {
	for c := rune(0); c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			asciiKey[c] = c
		case c >= 'A' && c <= 'Z':
			asciiKey[c] = c + ('a' - 'A')
		}
	}
	for r := rune(0x3000); r < 0x3040; r++ {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			cjkPunctKeep |= 1 << (r - 0x3000)
		}
	}
}

// IsHan reports whether r is a Han ideograph kept in keys: U+3400..U+4DBF,
// U+4E00..U+9FFF, U+F900..U+FAFF, U+20000..U+3FFFF and 〇 (U+3007).
func IsHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
		return true
	case r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return r == 0x3007
}

// Normalize returns the matching key of s: full-width ASCII folded to
// ASCII, letters lowercased, compatibility characters decomposed rune by rune,
// and punctuation, symbols, marks and whitespace dropped. Han ideographs,
// letters and numbers are kept.
func Normalize(s string, f Fold) []rune {
	k, _ := appendKey(make([]rune, 0, len(s)/3+8), nil, s, 0, f, false)
	return k
}

// AppendKey appends the key of s to dst (see Normalize).
func AppendKey(dst []rune, s string, f Fold) []rune {
	k, _ := appendKey(dst, nil, s, 0, f, false)
	return k
}

// NormalizeOffsets is Normalize plus, for each key rune, the byte offset in
// s of the source rune it came from. Offsets never decrease. Use KeySpan to
// turn a key range into a byte range of s. s must be shorter than 2 GiB.
func NormalizeOffsets(s string, f Fold) (key []rune, offs []int32) {
	n := len(s)/3 + 8
	return appendKey(make([]rune, 0, n), make([]int32, 0, n), s, 0, f, true)
}

// AppendKeyOffsets appends the key of s to key and the offsets of its runes,
// plus base, to offs. It lets callers normalise a unit that sits at byte base
// of a larger source without copying.
func AppendKeyOffsets(key []rune, offs []int32, s string, base int, f Fold) ([]rune, []int32) {
	return appendKey(key, offs, s, int32(base), f, true)
}

// KeySpan maps the key range [i, j) back to the half-open byte range of src
// it was built from. offs must come from NormalizeOffsets(src, …).
func KeySpan(src string, offs []int32, i, j int) (start, end int) {
	if i >= j {
		if i < len(offs) {
			return int(offs[i]), int(offs[i])
		}
		return len(src), len(src)
	}
	start = int(offs[i])
	last := int(offs[j-1])
	_, size := utf8.DecodeRuneInString(src[last:])
	return start, last + size
}

// appendKey is the normaliser. The common Chinese case (a 3-byte UTF-8
// sequence in U+4E00..U+9FFF) is decoded inline without table lookups;
// ASCII and full-width ASCII go through a 128-entry table; the rare rest
// takes the Unicode/NFKC slow path one rune at a time (whole-text NFKC is
// 4× slower and would lose the offset map).
func appendKey(dst []rune, offs []int32, s string, base int32, f Fold, withOffs bool) ([]rune, []int32) {
	digitRuns := f&FoldDigitRuns != 0
	digits := f&FoldDigits != 0
	breaks := f&WordBreaks != 0
	hanNum := f&FoldHanNumerals != 0 && f&(FoldDigits|FoldDigitRuns) != 0
	// lastDigit: the previous key rune came from a digit (for run folding).
	// word/gap: the previous key rune is a non-Han one and something was
	// dropped since (for word breaks).
	lastDigit, word, gap := false, false, false
	emit := func(r rune, at int) {
		var isDigit bool
		switch {
		case r < 0x80:
			isDigit = r >= '0' && r <= '9'
		case r >= 0x3400 && r <= 0x9FFF: // Han: no table lookup
			isDigit = hanNum && isHanNumeral(r)
		default:
			isDigit = unicode.IsDigit(r) || hanNum && isHanNumeral(r)
		}
		if isDigit {
			if digitRuns {
				if lastDigit {
					return
				}
				r = '0'
			} else if digits {
				r = '0'
			}
			lastDigit = true
		} else {
			lastDigit = false
		}
		if breaks {
			if IsHan(r) {
				word, gap = false, false
			} else {
				if word && gap {
					dst = append(dst, ' ')
					if withOffs {
						offs = append(offs, base+int32(at))
					}
				}
				word, gap = true, false
			}
		}
		dst = append(dst, r)
		if withOffs {
			offs = append(offs, base+int32(at))
		}
	}
	simple := f&(FoldDigits|FoldDigitRuns|WordBreaks|FoldHanNumerals) == 0
	onlyBreaks := f&(FoldDigits|FoldDigitRuns|FoldHanNumerals) == 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if r := asciiKey[c]; r != 0 {
				if simple {
					dst = append(dst, r)
					if withOffs {
						offs = append(offs, base+int32(i))
					}
				} else {
					emit(r, i)
				}
			} else {
				gap = true
			}
			i++
			continue
		}
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			switch {
			case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
				if simple || onlyBreaks {
					// A Han rune ends any word and digit run.
					word, gap, lastDigit = false, false, false
					dst = append(dst, r)
					if withOffs {
						offs = append(offs, base+int32(i))
					}
				} else {
					emit(r, i)
				}
				i += 3
				continue
			case r >= 0x3000 && r <= 0x303F: // CJK punctuation, ideographic space
				if cjkPunctKeep&(1<<(r-0x3000)) != 0 {
					emit(r, i)
				} else {
					gap = true
				}
				i += 3
				continue
			case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
				if k := asciiKey[r-0xFEE0]; k != 0 {
					emit(k, i)
				} else {
					gap = true
				}
				i += 3
				continue
			case r >= 0x2000 && r <= 0x206F, r >= 0xFE10 && r <= 0xFE1F, r >= 0xFE30 && r <= 0xFE6F:
				// General punctuation (“”‘’—…), vertical and small forms.
				gap = true
				i += 3
				continue
			}
		}
		// Slow path: one rune through NFKC properties and Unicode classes.
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			gap = true
			i++
			continue
		}
		if r >= 0x20000 && r <= 0x3FFFF && !(r >= 0x2F800 && r <= 0x2FA1F) {
			emit(r, i)
			i += size
			continue
		}
		if d := norm.NFKC.PropertiesString(s[i:]).Decomposition(); d != nil {
			kept := false
			for _, dr := range string(d) {
				if k := basicKey(dr); k != 0 {
					emit(k, i)
					kept = true
				}
			}
			if !kept {
				gap = true
			}
		} else if k := basicKey(r); k != 0 {
			emit(k, i)
		} else {
			gap = true
		}
		i += size
	}
	return dst, offs
}

// basicKey classifies one already decomposed rune: the key rune, or 0 to
// drop it.
func basicKey(r rune) rune {
	switch {
	case r < 0x80:
		return asciiKey[r]
	case r >= 0xFF01 && r <= 0xFF5E:
		return asciiKey[r-0xFEE0]
	case IsHan(r):
		return r
	case r >= 0x3000 && r <= 0x303F:
		if cjkPunctKeep&(1<<(r-0x3000)) != 0 {
			return r
		}
		return 0
	case unicode.IsLetter(r):
		return unicode.ToLower(r)
	case unicode.IsNumber(r):
		return r
	}
	return 0
}
