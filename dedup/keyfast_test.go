package dedup

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// keyAlphabet mixes the fast-path runes with ones that take the general
// normaliser: compatibility characters that decompose into several runes,
// numerals of every kind, invalid bytes and surrogate encodings.
var keyAlphabet = []string{
	"中", "国", "一", "十", "两", "〇", "零", "㐀", "鿿", "丶", "，", "。", "、", "“", "”", "…", "—",
	"　", "々", "〆", "〡", "ｱ", "Ａ", "ｚ", "１", "！", "（", "a", "Z", "0", "9", " ", ".", ",", "%",
	"①", "Ⅱ", "㍻", "ﷺ", "ﬁ", "é", "é", "٣", "𠀀", "\uf900", "😀", "\xff", "\xed\xa0\x80", "\xe4\xb8",
	"\xe0\x80\x80", "︐", "﹏", "\u2028", "ß", "Σ",
}

func randomKeyText(rng *rand.Rand) string {
	var sb strings.Builder
	for range rng.IntN(40) {
		sb.WriteString(keyAlphabet[rng.IntN(len(keyAlphabet))])
	}
	return sb.String()
}

func TestAppendKeyPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var buf []rune
	for range 20000 {
		s := randomKeyText(rng)
		want := AppendKey(nil, s, 0)
		prefix := []rune("前缀")
		got := appendKeyPlain(append(buf[:0], prefix...), s)
		if !slices.Equal(got[:len(prefix)], prefix) || !slices.Equal(got[len(prefix):], want) {
			t.Fatalf("appendKeyPlain(%q) = %q, want %q", s, string(got[len(prefix):]), string(want))
		}
		buf = got
		// Tight capacity: the slow path must find room for expansions.
		if got := appendKeyPlain(make([]rune, 0, 1), s); !slices.Equal(got, want) {
			t.Fatalf("appendKeyPlain(%q) with no room = %q, want %q", s, string(got), string(want))
		}
		if got, want := fold(want), Normalize(s, FoldDigitRuns|FoldHanNumerals); !slices.Equal(got, want) {
			t.Fatalf("foldKey(%q) = %q, want %q", s, string(got), string(want))
		}
	}
}

func FuzzAppendKeyPlain(f *testing.F) {
	for _, s := range keyAlphabet {
		f.Add(s + "第十三届增长5.2%")
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := Normalize(s, 0)
		if got := appendKeyPlain(nil, s); !slices.Equal(got, want) {
			t.Fatalf("appendKeyPlain(%q) = %q, want %q", s, string(got), string(want))
		}
		if got, want := fold(want), Normalize(s, FoldDigitRuns|FoldHanNumerals); !slices.Equal(got, want) {
			t.Fatalf("foldKey(%q) = %q, want %q", s, string(got), string(want))
		}
	})
}

func fold(key []rune) []rune {
	if i := firstFoldDigit(key); i >= 0 {
		return foldKey(key, i, nil)
	}
	return key
}

func TestHanNumBits(t *testing.T) {
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		if isFoldDigit(r) != isHanNumeral(r) {
			t.Fatalf("isFoldDigit(%q) = %v", r, isFoldDigit(r))
		}
	}
}

// foldKey, the reference for the finder's folded hash (foldHash), returns
// the FoldDigitRuns|FoldHanNumerals key derived from the plain key — every run of digits and Chinese numerals becomes one '0' —
// in buf, given the position of the first digit. Folding works on the runes
// the plain key keeps (punctuation inside a number was dropped from both),
// so this equals Normalize(s, FoldDigitRuns|FoldHanNumerals) without a
// second pass over the text.
func foldKey(key []rune, first int, buf []rune) []rune {
	b := append(buf[:0], key[:first]...)
	last := false
	for _, r := range key[first:] {
		if isFoldDigit(r) {
			if !last {
				b = append(b, '0')
			}
			last = true
		} else {
			b = append(b, r)
			last = false
		}
	}
	return b
}

// firstFoldDigit is the position of the first digit of key, or −1.
func firstFoldDigit(key []rune) int {
	for i, r := range key {
		// isFoldDigit, with its common case written out: the call would
		// cost more than the test.
		if uint32(r-0x3400) <= 0x9FFF-0x3400 {
			if hanNumBits[(r-0x3400)>>6]>>(r&63)&1 != 0 {
				return i
			}
		} else if isFoldDigitSlow(r) {
			return i
		}
	}
	return -1
}
