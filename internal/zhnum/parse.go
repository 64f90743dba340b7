package zhnum

import (
	"math/big"
	"strings"
)

// Flags describe how a number was written. Rules use them to decide what a
// figure is (a count, a year, an approximation) and whether its form is
// acceptable.
type Flags uint32

const (
	Arabic      Flags = 1 << iota // Arabic digits
	Chinese                       // Chinese numerals or magnitude words
	Fullwidth                     // full-width digits, point, sign or ％ (２０２３)
	Grouped                       // thousands separators: 1,040 or thin spaces
	Decimal                       // a fractional part (2.65, 二点五)
	Digitwise                     // Chinese digit string (一九九〇): a year or code, not a count
	Financial                     // capital numerals 壹贰叁…拾佰仟
	MixedSmall                    // Arabic digits with 十/百/千 (3千万); GB/T 15835 §5.3 forbids it
	LeadingUnit                   // starts with 十/百/千/万/亿, an implicit 一 (十二, 百亿亿)
	Magnitude                     // contains 万, 亿 or 兆
	Zhao                          // 兆 as a magnitude word: Value reads it as 10^12, Alt as 10^6
	Approx                        // approximate: 多/余/几/来 follows (680多家) or adjacent numerals (三五天)
	OddZero                       // ○, O or 0 standing for 〇 in a Chinese digit string (一九九○)
	Percent                       // % or 百分之; Value is the number before the sign
	Permille                      // ‰ or 千分之
	Sci                           // ×10^n notation (6×10^18, 10^18)
	Signed                        // an explicit sign (ParseSigned only)
)

var flagNames = [...]string{
	"Arabic", "Chinese", "Fullwidth", "Grouped", "Decimal", "Digitwise",
	"Financial", "MixedSmall", "LeadingUnit", "Magnitude", "Zhao", "Approx",
	"OddZero", "Percent", "Permille", "Sci", "Signed",
}

// String lists the flags, "Arabic|Magnitude".
func (f Flags) String() string {
	var sb strings.Builder
	for i, name := range flagNames {
		if f&(1<<i) != 0 {
			if sb.Len() > 0 {
				sb.WriteByte('|')
			}
			sb.WriteString(name)
		}
	}
	return sb.String()
}

// Number is one parsed number.
type Number struct {
	// Value is the number as written. For 兆 it is the 10^12 reading; with
	// 多/余 (1000多万) it is the stated lower bound; with Percent it is the
	// figure before % (47.5 for 47.5%).
	Value Value
	// Alt equals Value unless Zhao is set; then it is the reading of 兆 as
	// 10^6 (the SI prefix 兆 = mega).
	Alt   Value
	Flags Flags
	// Mag is the exponent of the magnitude word(s) the number ends with:
	// 8 for 16亿, 12 for 2.65万亿, 0 when it ends without one (9, 5288).
	Mag int
}

// Has reports whether all of f are set.
func (n Number) Has(f Flags) bool { return n.Flags&f == f }

// Parse reads the longest unsigned number starting at byte offset i of s and
// returns it with the number of bytes consumed; 0 means no number starts at
// i. It never consumes what follows a number (units, 元, 多), except % and
// ‰, which it reports as flags. Out-of-range i yields 0.
func Parse(s string, i int) (n Number, size int) {
	if !StartsNumber(s, i) {
		return
	}
	return parseAt(s, i)
}

// ParseSigned is Parse with an optional leading sign (+ - − ＋ － 负). It is
// separate because in prose a hyphen before a digit is usually a connector
// (2016-2020年, 图-154), not a minus.
func ParseSigned(s string, i int) (Number, int) {
	if uint(i) >= uint(len(s)) {
		return Number{}, 0
	}
	neg, sz, fl := false, 0, Flags(0)
	switch c := s[i]; {
	case c == '+':
		sz = 1
	case c == '-':
		neg, sz = true, 1
	case strings.HasPrefix(s[i:], "−"), strings.HasPrefix(s[i:], "负"):
		neg, sz = true, 3
	case strings.HasPrefix(s[i:], "－"):
		neg, sz, fl = true, 3, Fullwidth
	case strings.HasPrefix(s[i:], "＋"):
		sz, fl = 3, Fullwidth
	}
	if sz == 0 {
		return Parse(s, i)
	}
	n, size := Parse(s, i+sz)
	if size == 0 {
		return Number{}, 0
	}
	if neg {
		n.Value, n.Alt = n.Value.Neg(), n.Alt.Neg()
	}
	n.Flags |= Signed | fl
	return n, size + sz
}

// startMask marks the three-byte characters (U+0800…U+FFFF) that may start
// a number, one bit per code point, indexed without validating the UTF-8:
// a false hit only costs a full parse, which validates.
var startMask [1024]uint64

func init() {
	for _, r := range "〇零一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖十拾百佰千仟万萬亿億０１２３４５６７８９" {
		startMask[r>>6] |= 1 << (r & 63)
	}
}

// StartsNumber reports whether a number may start at byte offset i: false
// means Parse and ParseQuantity return 0 there. It is a table probe small
// enough to be inlined into a scanning loop.
func StartsNumber(s string, i int) bool {
	if uint(i) >= uint(len(s)) {
		return false
	}
	// ASCII other than digits, then one bitmap probe for three-byte
	// characters.
	if c := s[i]; c-'0' > 9 {
		if c < 0xE0 || c >= 0xF0 || i+2 >= len(s) ||
			startMask[int(c&0x0F)<<6|int(s[i+1]&0x3F)]>>(s[i+2]&0x3F)&1 == 0 {
			return false
		}
	}
	return true
}

// Chinese token kinds.
const (
	tNone   = iota
	tDigit  // 零〇一…九 两, capitals; ○ as an odd zero
	tUnit   // 十百千: value is the exponent 1…3
	tMag    // 万亿兆: value is the exponent; magZhao for 兆
	tPoint  // 点: decimal point
	tApprox // 多余几来
)

const magZhao = 12 // 兆 ranks as 10^12 for control; its value depends on the pass

// tok flags beyond Flags: 两 is a digit but never part of a digit string.
const liang = Flags(1 << 31)

// rune3 decodes the three-byte UTF-8 sequence at p, or returns -1.
func rune3(s string, p int) rune {
	if p+2 >= len(s) {
		return -1
	}
	b0, b1, b2 := s[p], s[p+1], s[p+2]
	if b0&0xF0 != 0xE0 || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
		return -1
	}
	return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
}

// zhTok classifies the Chinese character at p. All of them are three bytes.
func zhTok(s string, p int) (kind, val int, fl Flags) {
	switch rune3(s, p) {
	case '零', '〇':
		return tDigit, 0, 0
	case '○':
		return tDigit, 0, OddZero
	case '一':
		return tDigit, 1, 0
	case '二':
		return tDigit, 2, 0
	case '两', '兩':
		return tDigit, 2, liang
	case '三':
		return tDigit, 3, 0
	case '四':
		return tDigit, 4, 0
	case '五':
		return tDigit, 5, 0
	case '六':
		return tDigit, 6, 0
	case '七':
		return tDigit, 7, 0
	case '八':
		return tDigit, 8, 0
	case '九':
		return tDigit, 9, 0
	case '壹':
		return tDigit, 1, Financial
	case '贰', '貳':
		return tDigit, 2, Financial
	case '叁', '參':
		return tDigit, 3, Financial
	case '肆':
		return tDigit, 4, Financial
	case '伍':
		return tDigit, 5, Financial
	case '陆', '陸':
		return tDigit, 6, Financial
	case '柒':
		return tDigit, 7, Financial
	case '捌':
		return tDigit, 8, Financial
	case '玖':
		return tDigit, 9, Financial
	case '十':
		return tUnit, 1, 0
	case '拾':
		return tUnit, 1, Financial
	case '百':
		return tUnit, 2, 0
	case '佰':
		return tUnit, 2, Financial
	case '千':
		return tUnit, 3, 0
	case '仟':
		return tUnit, 3, Financial
	case '万', '萬':
		return tMag, 4, 0
	case '亿', '億':
		return tMag, 8, 0
	case '兆':
		return tMag, magZhao, 0
	case '点', '點':
		return tPoint, 0, 0
	case '多', '余', '餘', '几', '幾', '来', '來':
		return tApprox, 0, 0
	}
	return tNone, 0, 0
}

// arDigit reads an ASCII or full-width digit at p: value, size (0: none).
func arDigit(s string, p int) (int, int) {
	if p < len(s) {
		if c := s[p]; c-'0' <= 9 {
			return int(c - '0'), 1
		}
		if p+2 < len(s) && s[p] == 0xEF && s[p+1] == 0xBC && s[p+2]-0x90 <= 9 {
			return int(s[p+2] - 0x90), 3
		}
	}
	return 0, 0
}

// unitCharAt reports whether an SI unit written in Chinese (or an ASCII
// unit) follows at p, which makes a preceding 千 or 兆 an SI prefix (3千瓦,
// 10兆赫) rather than a number word.
func unitCharAt(s string, p int) bool {
	switch rune3(s, p) {
	case '克', '米', '瓦', '伏', '帕', '焦', '卡', '赫', '欧', '安', '周', '位':
		return true
	case '字':
		return strings.HasPrefix(s[p+3:], "节")
	case '比':
		return strings.HasPrefix(s[p+3:], "特")
	}
	return asciiUnitLen(s, p) > 0
}

type group struct {
	v   Value
	lvl int // magnitude for ordering; 兆 always ranks as 12
}

// parser holds the state of one parse of one number.
type parser struct {
	s     string
	zhao  int // exponent 兆 stands for in this pass: 12, or 6 for Alt
	flags Flags
	mag   int
}

// Section kinds.
const (
	secPlain     = iota
	secFinal     // decimal or ×10^n: takes magnitude words, then ends the number
	secDigitwise // 一九九〇: ends the number
	secImplicit  // a leading magnitude word: implicit 一, ends after the magnitude
)

type section struct {
	v    Value
	end  int
	kind int
	bare bool // one bare Chinese digit: 一万一 = 11000
}

func parseAt(s string, i int) (Number, int) {
	ps := parser{s: s, zhao: 12}
	var pctFlag Flags
	p := i
	// 百分之五, 千分之三
	if i+9 < len(s) && (strings.HasPrefix(s[i:], "百分之") || strings.HasPrefix(s[i:], "千分之")) {
		if StartsNumber(s, i+9) {
			pctFlag = Percent
			if s[i:i+3] == "千" {
				pctFlag = Permille
			}
			p = i + 9
		}
	}
	v, end := ps.number(p)
	if end == p+3 && ps.flags&Financial != 0 {
		end = p // a lone 伍, 陆, 拾 is a word (队伍, 陆续, 拾取), not a number
	}
	if end == p {
		if pctFlag == 0 {
			return Number{}, 0
		}
		// 百分之 followed by something we could not read: read just 百.
		ps = parser{s: s, zhao: 12}
		pctFlag, p = 0, i
		if v, end = ps.number(p); end == p {
			return Number{}, 0
		}
	}
	n := Number{Value: v, Alt: v, Flags: ps.flags | pctFlag, Mag: ps.mag}
	if pctFlag == 0 {
		switch {
		case strings.HasPrefix(s[end:], "%"):
			n.Flags |= Percent
			end++
		case strings.HasPrefix(s[end:], "％"):
			n.Flags |= Percent | Fullwidth
			end += 3
		case strings.HasPrefix(s[end:], "‰"):
			n.Flags |= Permille
			end += 3
		}
	}
	// 680多家, 3万余: the marker is not part of the number but makes it
	// approximate.
	if k, _, _ := zhTok(s, end); k == tApprox && ps.approxAfter(end) {
		n.Flags |= Approx
	}
	if n.Flags&Zhao != 0 {
		alt := parser{s: s, zhao: 6}
		n.Alt, _ = alt.number(p)
	}
	return n, end - i
}

// number reads an unsigned number at p and returns its value and end
// (end == p: none). A number is a series of sections (Arabic or Chinese
// integers below 万, decimals, digit strings) joined by magnitude words.
func (ps *parser) number(p int) (Value, int) {
	s := ps.s
	var stack [6]group
	groups := stack[:0]
	end := p
	first, afterZero := true, false
	_, sz := arDigit(s, p)
	arabic := sz > 0
	prevExp := 0
	for p < len(s) {
		saved := ps.flags
		var sec section
		var ok bool
		if arabic {
			sec, ok = ps.arSection(p, first)
		} else {
			sec, ok = ps.zhSection(p, first, afterZero)
		}
		if !ok {
			break
		}
		q := sec.end
		// 十几万, 1000多万: an approximation between a number and its
		// magnitude word is skipped; Value is the lower bound.
		approx := false
		if sec.kind == secPlain {
			if k, _, _ := zhTok(s, q); k == tApprox && ps.approxAfter(q) {
				if k2, _, _ := zhTok(s, q+3); k2 == tMag {
					approx = true
					q += 3
				}
			}
		}
		// The copywriting style puts a space between an Arabic number and
		// its magnitude word (100 亿); it is still one number.
		if arabic && q+1 < len(s) && s[q] == ' ' {
			if k, _, _ := zhTok(s, q+1); k == tMag {
				q++
			}
		}
		lvl, exp, q2, zfl := 0, 0, q, Flags(0)
		if sec.kind != secDigitwise {
			lvl, exp, q2, zfl = ps.magRun(q)
		}
		if lvl == 0 {
			if sec.kind == secImplicit {
				ps.flags = saved
				break
			}
			v := sec.v
			if sec.bare && !first && !afterZero && prevExp > 0 {
				v = v.MulPow10(prevExp - 1)
			}
			groups = append(groups, group{v: v})
			end = sec.end
			ps.mag = 0
			break
		}
		// Fold smaller magnitudes into this one (三万五千亿 = 35000亿); an
		// equal one (一万二万) is not the same number.
		j := len(groups)
		for j > 0 && groups[j-1].lvl < lvl {
			j--
		}
		if j > 0 && groups[j-1].lvl == lvl {
			ps.flags = saved
			break
		}
		v := sec.v
		for _, g := range groups[j:] {
			v = v.Add(g.v)
		}
		groups = append(groups[:j], group{v: v.MulPow10(exp), lvl: lvl})
		if approx {
			ps.flags |= Approx
		}
		ps.flags |= Magnitude | Chinese | zfl
		ps.mag = exp
		end, prevExp, first = q2, exp, false
		if sec.kind != secPlain {
			break
		}
		// Continue with 零 and the next section: 10亿零817万5288.
		p, afterZero = end, false
		if k, d, fl := zhTok(s, p); k == tDigit && d == 0 && fl == 0 {
			p += 3
			afterZero = true
		}
	}
	var total Value
	for _, g := range groups {
		total = total.Add(g.v)
	}
	return total, end
}

// approxAfter reports whether the approximation marker at q qualifies: 多
// and 余 after any number, 几 and 来 only after a round figure (十几, 10来).
func (ps *parser) approxAfter(q int) bool {
	switch rune3(ps.s, q) {
	case '多', '余', '餘':
		return true
	}
	if q > 0 && ps.s[q-1] == '0' {
		return true
	}
	if q >= 3 {
		k, _, _ := zhTok(ps.s, q-3)
		return k == tUnit || k == tMag
	}
	return false
}

// magRun reads consecutive magnitude words (万亿, 亿亿, 万亿亿) at q. lvl
// orders them (兆 = 12), exp is their value exponent in this pass.
func (ps *parser) magRun(q int) (lvl, exp, end int, fl Flags) {
	s := ps.s
	end = q
	last := 0
	for {
		k, d, _ := zhTok(s, end)
		if k != tMag {
			return
		}
		if d < last {
			return // 亿万 is not a stacked magnitude
		}
		e := d
		if d == magZhao {
			if unitCharAt(s, end+3) {
				return // 兆瓦, 兆赫: the SI prefix, for ParseQuantity
			}
			e = ps.zhao
			fl |= Zhao
		}
		lvl += d
		exp += e
		last = d
		end += 3
	}
}

// approxPair reports adjacent numerals that form an approximation (三五天,
// 五六万, 七八个) rather than a digit string.
func approxPair(a, b int) bool {
	return a > 0 && (b == a+1 || a == 3 && b == 5)
}

// measureAt reports a measure word or magnitude at p, after which adjacent
// numerals are a range (十四五岁) rather than a plan name (十四五规划).
func measureAt(s string, p int) bool {
	switch rune3(s, p) {
	case '岁', '个', '年', '天', '人', '名', '次', '万', '亿', '元', '米', '斤', '家', '位', '件', '种', '条', '项', '只', '分', '百', '千', '十':
		return true
	}
	return false
}

// zhSection reads a Chinese section at p: 三千零五十二, 十二, 一九九〇,
// 二点五, or an implicit 一 before a leading magnitude word.
func (ps *parser) zhSection(p int, first, afterZero bool) (section, bool) {
	s := ps.s
	k, d, fl := zhTok(s, p)
	switch {
	case k == tMag && first && d != magZhao:
		ps.flags |= LeadingUnit | Chinese
		return section{v: Value{m: 1}, end: p, kind: secImplicit}, true
	case k == tDigit && first && fl&(OddZero|liang) == 0:
		if v, end, ok := ps.digitRun(p); ok {
			return section{v: v, end: end, kind: secDigitwise}, true
		}
	case k == tDigit && fl&OddZero == 0, k == tUnit:
	default:
		return section{}, false
	}
	var sum Value
	q, end := p, p
	lastUnit := 4
	pend, pendAfterUnit, pendApprox := -1, false, false
	sawZero, units := false, 0
	var fls Flags
loop:
	for {
		k, d, fl := zhTok(s, q)
		switch k {
		case tDigit:
			if fl&OddZero != 0 {
				break loop
			}
			if pend >= 0 {
				// 三五天, 四十五六岁: two numerals in a row are a range.
				// But 十三五, 十四五 name five-year plans: 五 is not part
				// of the number unless a measure word follows (十四五岁).
				if d == 5 && lastUnit == 1 && pendAfterUnit && !measureAt(s, q+3) {
					break loop
				}
				if !pendApprox && approxPair(pend, d) {
					pendApprox = true
					fls |= fl | Approx
					q += 3
					end = q
					continue
				}
				break loop
			}
			if d == 0 && (q != p || !first) {
				if units == 0 {
					break loop
				}
				sawZero = true // 三千零五十二: a placeholder
				q += 3
				continue
			}
			pend, pendAfterUnit = d, units > 0 && !sawZero
			sawZero = false
			fls |= fl
		case tUnit:
			if d >= lastUnit {
				break loop
			}
			coef := pend
			if coef < 0 {
				switch {
				case q == p && first:
					fls |= LeadingUnit // 十二, 百亿亿
				case q == p && afterZero && d == 1, sawZero && d == 1:
					// 一千零十
				default:
					break loop
				}
				coef = 1
			} else if pend == 0 {
				break loop // 零十
			}
			sum = sum.Add(Int(int64(coef)).MulPow10(d))
			lastUnit, units = d, units+1
			pend, pendApprox, sawZero = -1, false, false
			fls |= fl
		default:
			break loop
		}
		q += 3
		end = q
	}
	if end == p {
		return section{}, false
	}
	sec := section{end: end}
	if pend >= 0 {
		pv := Int(int64(pend))
		if pendAfterUnit {
			pv = pv.MulPow10(lastUnit - 1) // 三百五 = 350
		}
		sum = sum.Add(pv)
		sec.bare = units == 0 && !pendApprox && !afterZero
	}
	// 二点六五: digits after 点 are read one by one.
	if k, _, _ := zhTok(s, end); k == tPoint {
		var frac Value
		n, r := 0, end+3
		for {
			k, d, fl := zhTok(s, r)
			if k != tDigit || fl&(liang|OddZero) != 0 || n >= maxDigits {
				break
			}
			frac = frac.MulPow10(1).Add(Int(int64(d)))
			fls |= fl
			n++
			r += 3
		}
		if n > 0 {
			sum = sum.Add(frac.MulPow10(-n))
			sec.end = r
			sec.kind = secFinal
			sec.bare = false
			fls |= Decimal
		}
	}
	ps.flags |= fls | Chinese
	sec.v = sum
	return sec, true
}

// digitRun reads a Chinese digit string at p (一九九〇, 二〇二三, 九〇): at
// least two digits that are not an approximation pair. ○, O and 0 count as
// zeros after a Chinese digit when the string is long enough to be a year.
func (ps *parser) digitRun(p int) (Value, int, bool) {
	s := ps.s
	var v Value
	q, n, zh := p, 0, 0
	oddAt, odd := -1, Flags(0)
	var fls Flags
	first, second := -1, -1
	for {
		d, size, fl := 0, 0, Flags(0)
		if k, dd, f := zhTok(s, q); k == tDigit && f&liang == 0 {
			d, size, fl = dd, 3, f
			zh++
		} else if zh > 0 {
			switch {
			case q < len(s) && (s[q] == '0' || s[q] == 'O'):
				size, fl = 1, OddZero
			case strings.HasPrefix(s[q:], "０"), strings.HasPrefix(s[q:], "Ｏ"):
				size, fl = 3, OddZero
			}
		}
		if size == 0 || n >= maxDigits {
			break
		}
		if fl&OddZero != 0 && oddAt < 0 {
			oddAt = q
		}
		switch n {
		case 0:
			first = d
		case 1:
			second = d
		}
		if fl&OddZero != 0 {
			odd = OddZero
		}
		fls |= fl &^ OddZero
		v = v.MulPow10(1).Add(Int(int64(d)))
		n++
		q += size
	}
	if odd != 0 && (n < 3 || zh < 2) {
		// A stray 0 or O after one numeral is not a year: cut it off.
		return ps.digitRunBefore(p, oddAt)
	}
	if n < 2 || n == 2 && approxPair(first, second) {
		return Value{}, p, false
	}
	ps.flags |= fls | odd | Digitwise | Chinese
	return v, q, true
}

// digitRunBefore re-reads a digit string that must stop at limit.
func (ps *parser) digitRunBefore(p, limit int) (Value, int, bool) {
	s := ps.s
	var v Value
	var fls Flags
	q, n := p, 0
	digits := [2]int{-1, -1}
	for q < limit {
		_, d, fl := zhTok(s, q)
		if n < 2 {
			digits[n] = d
		}
		fls |= fl
		v = v.MulPow10(1).Add(Int(int64(d)))
		n++
		q += 3
	}
	if n < 2 || n == 2 && approxPair(digits[0], digits[1]) {
		return Value{}, p, false
	}
	ps.flags |= fls&^OddZero | Digitwise | Chinese
	return v, q, true
}

// arSection reads an Arabic section at p: 1,040 / 2.65 / 6×10^18 / 3千 /
// 1百零8 (the last two are GB/T 15835 violations, flagged MixedSmall).
func (ps *parser) arSection(p int, first bool) (section, bool) {
	s := ps.s
	v, q, fl, intText := readArabic(s, p)
	if q == p {
		return section{}, false
	}
	ps.flags |= fl | Arabic
	if first {
		if exp, r, bare, ok := sciSuffix(s, q, intText == "10"); ok {
			ps.flags |= Sci
			if bare {
				return section{v: Pow10(exp), end: r, kind: secFinal}, true
			}
			return section{v: v.MulPow10(exp), end: r, kind: secFinal}, true
		}
	}
	sec := section{v: v, end: q}
	if fl&Decimal != 0 {
		sec.kind = secFinal
	}
	// 3千万, 1百零8, 2.5千: Arabic with 十百千, but not 3千瓦 (kilowatt).
	lastUnit := 4
	sum, coef := Value{}, v
	for {
		k, u, ufl := zhTok(s, q)
		if k != tUnit || u >= lastUnit || unitCharAt(s, q+3) || coef.IsZero() {
			break
		}
		sum = sum.Add(coef.MulPow10(u))
		coef = Value{}
		lastUnit = u
		q += 3
		sec.end = q
		ps.flags |= MixedSmall | Chinese | ufl
		if fl&Decimal != 0 {
			break
		}
		r := q
		if k, d, zfl := zhTok(s, r); k == tDigit && d == 0 && zfl == 0 {
			r += 3
		}
		c, r2, cfl, _ := readArabic(s, r)
		if r2 == r || cfl&(Decimal|Grouped) != 0 || c.Cmp(Pow10(lastUnit)) >= 0 {
			break
		}
		coef, q = c, r2
		sec.end = q
		ps.flags |= cfl
	}
	sec.v = sum.Add(coef)
	return sec, true
}

// maxDigits caps the digits of one number. Real figures have a few dozen;
// the cap keeps a pathological digit run from costing quadratic big.Int work.
const maxDigits = 400

// readArabic reads digits with optional thousands separators and decimal
// part at p. intText is the integer part when it is plain ASCII (for 10^n).
func readArabic(s string, p int) (v Value, end int, fl Flags, intText string) {
	var acc digitAcc
	q := p
	nInt, groupLen, ascii := 0, 0, true
	for nInt < maxDigits {
		d, size := arDigit(s, q)
		if size == 0 {
			// Thousands separators: 1,040 / 1 040 (thin space), groups of
			// exactly three after a first group of one to three digits.
			sep := sepLen(s, q)
			if sep == 0 || !ascii || nInt == 0 || (fl&Grouped == 0 && nInt > 3) || (fl&Grouped != 0 && groupLen != 3) {
				break
			}
			if !threeDigits(s, q+sep) {
				break
			}
			fl |= Grouped
			groupLen = 0
			q += sep
			continue
		}
		if size == 3 {
			ascii = false
			fl |= Fullwidth
		}
		acc.push(d)
		nInt++
		groupLen++
		q += size
	}
	if nInt == 0 {
		return Value{}, p, 0, ""
	}
	if ascii && fl&Grouped == 0 {
		intText = s[p:q]
	}
	exp := 0
	// Decimal part: '.' or '．' followed by a digit.
	pt := 0
	if q < len(s) && s[q] == '.' {
		pt = 1
	} else if strings.HasPrefix(s[q:], "．") {
		pt = 3
	}
	if pt > 0 && nInt < maxDigits {
		if _, size := arDigit(s, q+pt); size > 0 {
			if pt == 3 {
				fl |= Fullwidth
			}
			fl |= Decimal
			q += pt
			for nInt-exp < maxDigits {
				d, size := arDigit(s, q)
				if size == 0 {
					break
				}
				if size == 3 {
					fl |= Fullwidth
				}
				acc.push(d)
				exp--
				q += size
			}
		}
	}
	return acc.value(exp), q, fl, intText
}

// sepLen returns the length of a digit-group separator at p.
func sepLen(s string, p int) int {
	if p < len(s) && s[p] == ',' {
		return 1
	}
	switch rune3(s, p) {
	case '\u2009', '\u202F', '\u2005': // thin, narrow no-break, quarter-em
		return 3
	}
	return 0
}

// threeDigits reports exactly three ASCII digits at p, not followed by another.
func threeDigits(s string, p int) bool {
	if p+3 > len(s) {
		return false
	}
	for i := p; i < p+3; i++ {
		if s[i]-'0' > 9 {
			return false
		}
	}
	_, size := arDigit(s, p+3)
	return size == 0
}

// digitAcc accumulates decimal digits in a uint64, spilling 19-digit chunks
// into a big.Int only for long numbers.
type digitAcc struct {
	m  uint64
	nm int // digits in m since the last spill
	b  *big.Int
}

func (a *digitAcc) push(d int) {
	if a.nm == 19 {
		if a.b == nil {
			a.b = new(big.Int)
		}
		a.b.Mul(a.b, bigTen19)
		a.b.Add(a.b, new(big.Int).SetUint64(a.m))
		a.m, a.nm = 0, 0
	}
	a.m = a.m*10 + uint64(d)
	a.nm++
}

func (a *digitAcc) value(exp int) Value {
	if a.b == nil {
		return mk(false, a.m, exp)
	}
	b := new(big.Int).Mul(a.b, pow10Big(a.nm))
	b.Add(b, new(big.Int).SetUint64(a.m))
	return mkBig(false, b, exp)
}

// sciSuffix reads ×10^n after a mantissa (6×10^18, 4.3 × 10⁶), or ^n or a
// superscript right after a literal 10 (10^18, 10¹⁸: bare). Exponents have
// at most three digits.
func sciSuffix(s string, q int, isTen bool) (exp, end int, bare, ok bool) {
	r := q
	if isTen && r < len(s) && (s[r] == '^' || strings.HasPrefix(s[r:], "⁻")) {
		bare = true
	} else if _, size := superDigit(s, r); isTen && size > 0 {
		bare = true
	}
	if !bare {
		if r < len(s) && s[r] == ' ' {
			r++
		}
		switch {
		case strings.HasPrefix(s[r:], "×"):
			r += 2
		case r < len(s) && (s[r] == 'x' || s[r] == 'X' || s[r] == '*'):
			r++
		default:
			return 0, q, false, false
		}
		if r < len(s) && s[r] == ' ' {
			r++
		}
		if !strings.HasPrefix(s[r:], "10") {
			return 0, q, false, false
		}
		r += 2
	}
	neg, n, digits := false, 0, 0
	if r < len(s) && s[r] == '^' {
		r++
		switch {
		case r < len(s) && s[r] == '-':
			neg = true
			r++
		case r < len(s) && s[r] == '+':
			r++
		case strings.HasPrefix(s[r:], "−"):
			neg = true
			r += 3
		}
		for r < len(s) && s[r]-'0' <= 9 {
			n = n*10 + int(s[r]-'0')
			digits++
			r++
		}
	} else {
		if strings.HasPrefix(s[r:], "⁻") {
			neg = true
			r += 3
		} else if strings.HasPrefix(s[r:], "⁺") {
			r += 3
		}
		for {
			d, size := superDigit(s, r)
			if size == 0 {
				break
			}
			n = n*10 + d
			digits++
			r += size
		}
	}
	if digits == 0 || digits > 3 {
		return 0, q, false, false
	}
	if neg {
		n = -n
	}
	return n, r, bare, true
}

// superDigit reads a superscript digit (⁰¹²³⁴…⁹).
func superDigit(s string, p int) (int, int) {
	if p+1 < len(s) && s[p] == 0xC2 {
		switch s[p+1] {
		case 0xB9:
			return 1, 2
		case 0xB2:
			return 2, 2
		case 0xB3:
			return 3, 2
		}
		return 0, 0
	}
	if r := rune3(s, p); r == '⁰' || r >= '⁴' && r <= '⁹' {
		return int(r - '⁰'), 3
	}
	return 0, 0
}
