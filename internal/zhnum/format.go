package zhnum

import (
	"strconv"
	"strings"
)

// magWord returns the magnitude words for 10^l, l a multiple of 4:
// 万, 亿, 万亿, 亿亿, 万亿亿, 亿亿亿, …
func magWord(l int) string {
	k := l / 4
	var sb strings.Builder
	sb.Grow(3 * (k/2 + 1))
	if k%2 == 1 {
		sb.WriteString("万")
	}
	for range k / 2 {
		sb.WriteString("亿")
	}
	return sb.String()
}

var smallUnit = [4]string{"", "十", "百", "千"}

// Pow10Zh returns the canonical Chinese reading of 10^n without a leading
// 一: 千 (10^3), 万, 亿, 万亿 (10^12), 千万亿 (10^15), 百亿亿 (10^18), 十万亿亿
// (10^21), 亿亿亿 (10^24), 千亿亿亿, 百万亿亿亿 (10^30). 10^0 is 一; n < 0
// yields "". Prepend 一 where a standalone number reads better (一千).
func Pow10Zh(n int) string {
	switch {
	case n < 0:
		return ""
	case n == 0:
		return "一"
	}
	return smallUnit[n%4] + magWord(n-n%4)
}

// FormatZh renders v as a fix would write it: an Arabic mantissa below 10^4
// followed by the largest fitting magnitude word (100亿亿, 2.65万亿, 1000万亿,
// 600亿亿, 10万亿亿); values below 10^4 stay plain Arabic (3000, 0.5). The
// result is exact (no rounding) and Parse reads it back to v.
func FormatZh(v Value) string {
	if v.IsZero() {
		return "0"
	}
	l := 0
	if lg := v.Log10(); lg >= 4 {
		l = lg - lg%4
	}
	var sb strings.Builder
	if v.neg {
		sb.WriteByte('-')
	}
	writeDecimal(&sb, v.mantText(), v.e-l)
	if l > 0 {
		sb.WriteString(magWord(l))
	}
	return sb.String()
}

// FormatPow renders v in powers of ten: 10^18, 6×10^18, 2.65×10^12,
// 5×10^-1; values with exponent 0 are plain (6, 4.5). Exact, and read back
// by Parse.
func FormatPow(v Value) string {
	if v.IsZero() {
		return "0"
	}
	digits := v.mantText()
	exp := v.e + len(digits) - 1
	var sb strings.Builder
	if v.neg {
		sb.WriteByte('-')
	}
	if exp == 0 {
		writeDecimal(&sb, digits, 1-len(digits))
		return sb.String()
	}
	if digits != "1" {
		sb.WriteString(digits[:1])
		if len(digits) > 1 {
			sb.WriteByte('.')
			sb.WriteString(digits[1:])
		}
		sb.WriteString("×")
	}
	sb.WriteString("10^")
	sb.WriteString(strconv.Itoa(exp))
	return sb.String()
}
