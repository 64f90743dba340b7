// Package zhnum reads and writes numbers as they appear in Chinese prose:
// Arabic (1,040 / 2.65 / ２０２３), Chinese (三千零五十二, 一九九〇, 百亿亿),
// mixed (2.65万亿, 10亿零817万5288), percentages, 兆 (ambiguous), and
// SI-prefixed quantities (6E, 20 EFLOPS, 1.8万P, 10兆瓦).
//
// Values are exact (Value: ±mantissa × 10^exp), so a wrong magnitude
// definition such as 1E=100亿 is told apart by an exact power of ten
// (Ratio10) rather than by a floating-point tolerance.
//
// The parsers take a string and a byte offset and return how many bytes
// they consumed (0: no number starts there), reading the longest number.
// They are meant to be tried at every position of a document: StartsNumber
// is an inlinable table probe, and the common path does not allocate.
//
//	for i := 0; i < len(src); i++ {
//		if !zhnum.StartsNumber(src, i) {
//			continue
//		}
//		if q, n := zhnum.ParseQuantity(src, i); n > 0 {
//			// use q
//			i += n - 1
//		}
//	}
//
// Whether a figure is a year, a code, an ordinal or a word (一些, 万一, 5G,
// 4K) is the caller's decision; the Flags say what the parser saw.
//
// Sources: GB/T 15835-2011 (numerals in publications), the SI prefix table
// of the 法定计量单位 (k…Y, plus R and Q of 2022) and the 万/亿 readings
// (万 10^4, 亿 10^8, 万亿 10^12, 亿亿 10^16); see the project's
// zh-editing-rules §2.2 and §2.6.
package zhnum
