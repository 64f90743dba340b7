package zhnum

import (
	"testing"
	"unicode/utf8"
)

// FuzzParse checks the parser contract at every offset of arbitrary input:
// no panic, consumption within bounds and on rune boundaries of valid
// UTF-8, the fast rejection agreeing with the parser, and values surviving
// FormatZh and FormatPow round trips.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"算力规模达到6E(1E=100亿)次", "2.65万亿元", "10亿零817万5288人", "三千零五十二", "一九九〇年",
		"十万亿亿", "3千万", "3兆元", "1.2万P", "20 EFLOPS", "680多家", "47.5%", "百分之四十七点五",
		"6×10^18", "1,040,000.5", "２０２３", "一八四○年", "−2.5万", "十四五岁", "壹仟贰佰叁拾肆",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			n, size := Parse(s, i)
			if size < 0 || i+size > len(s) {
				t.Fatalf("Parse(%q, %d) consumed %d", s, i, size)
			}
			if !StartsNumber(s, i) && size != 0 {
				t.Fatalf("Parse(%q, %d) read a number StartsNumber rejects", s, i)
			}
			sn, ssize := ParseSigned(s, i)
			if ssize < size || i+ssize > len(s) || (ssize == size && size > 0 && !sn.Value.Equal(n.Value)) {
				t.Fatalf("ParseSigned(%q, %d) = %d bytes, Parse %d", s, i, ssize, size)
			}
			q, qsize := ParseQuantity(s, i)
			if qsize < size || i+qsize > len(s) || (size > 0 && !q.Num.Value.Equal(n.Value)) {
				t.Fatalf("ParseQuantity(%q, %d) = %d bytes, Parse %d", s, i, qsize, size)
			}
			if size == 0 {
				continue
			}
			if utf8.ValidString(s) && utf8.RuneStart(s[i]) && i+size < len(s) && !utf8.RuneStart(s[i+size]) {
				t.Fatalf("Parse(%q, %d) ends inside a rune", s, i)
			}
			if !n.Has(Zhao) && !n.Alt.Equal(n.Value) {
				t.Fatalf("Parse(%q, %d): Alt %s without Zhao", s, i, n.Alt)
			}
			checkRoundTrip(t, n.Value)
			checkRoundTrip(t, n.Alt)
			checkRoundTrip(t, q.Value())
		}
	})
}

func checkRoundTrip(t *testing.T, v Value) {
	t.Helper()
	if l := v.Log10(); !v.IsZero() && (l > 400 || l < -400 || v.digits() > 400) {
		return // keep the rendered text small
	}
	zh := FormatZh(v)
	if n, size := ParseSigned(zh, 0); size != len(zh) || !n.Value.Equal(v) {
		t.Fatalf("FormatZh(%s) = %q read back as %s (%d of %d bytes)", v, zh, n.Value, size, len(zh))
	}
	if l := v.Log10(); v.IsZero() || l < 999 && l > -999 {
		pow := FormatPow(v)
		if n, size := ParseSigned(pow, 0); size != len(pow) || !n.Value.Equal(v) {
			t.Fatalf("FormatPow(%s) = %q read back as %s (%d of %d bytes)", v, pow, n.Value, size, len(pow))
		}
	}
}
