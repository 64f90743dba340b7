package zhnum

import "strings"

// Prefix is an SI prefix from kilo to quetta. The zero Prefix is "none".
type Prefix uint8

const (
	NoPrefix Prefix = iota
	Kilo            // k, 千, 10^3
	Mega            // M, 兆, 10^6
	Giga            // G, 吉, 10^9
	Tera            // T, 太, 10^12
	Peta            // P, 拍, 10^15
	Exa             // E, 艾, 10^18
	Zetta           // Z, 泽, 10^21
	Yotta           // Y, 尧, 10^24
	Ronna           // R, 10^27 (2022, no Chinese name in the 法定计量单位 table)
	Quetta          // Q, 10^30 (2022)
)

var prefixInfo = [...]struct{ sym, name, zh string }{
	{"", "", ""},
	{"k", "kilo", "千"},
	{"M", "mega", "兆"},
	{"G", "giga", "吉"},
	{"T", "tera", "太"},
	{"P", "peta", "拍"},
	{"E", "exa", "艾"},
	{"Z", "zetta", "泽"},
	{"Y", "yotta", "尧"},
	{"R", "ronna", ""},
	{"Q", "quetta", ""},
}

// Prefixes lists Kilo…Quetta in ascending order.
func Prefixes() []Prefix {
	return []Prefix{Kilo, Mega, Giga, Tera, Peta, Exa, Zetta, Yotta, Ronna, Quetta}
}

// Exp returns the power of ten (18 for Exa, 0 for NoPrefix).
func (p Prefix) Exp() int {
	if p > Quetta {
		return 0
	}
	return 3 * int(p)
}

// Value returns 10^Exp.
func (p Prefix) Value() Value { return Pow10(p.Exp()) }

// Symbol returns the SI symbol ("k", "E").
func (p Prefix) Symbol() string { return p.info().sym }

// Name returns the English name ("exa").
func (p Prefix) Name() string { return p.info().name }

// ZhName returns the Chinese prefix name of the 法定计量单位 table ("艾"),
// or "" for R and Q, which have none.
func (p Prefix) ZhName() string { return p.info().zh }

// String returns the symbol, or "none".
func (p Prefix) String() string {
	if p == NoPrefix || p > Quetta {
		return "none"
	}
	return p.Symbol()
}

func (p Prefix) info() (i struct{ sym, name, zh string }) {
	if p <= Quetta {
		i = prefixInfo[p]
	}
	return
}

// PrefixForExp returns the prefix for 10^n, if there is one.
func PrefixForExp(n int) (Prefix, bool) {
	if n < 3 || n > 30 || n%3 != 0 {
		return NoPrefix, false
	}
	return Prefix(n / 3), true
}

// asciiPrefix reads an SI prefix symbol at p (k, and the common K for kilo).
func asciiPrefix(s string, p int) Prefix {
	if p >= len(s) {
		return NoPrefix
	}
	switch s[p] {
	case 'k', 'K':
		return Kilo
	case 'M':
		return Mega
	case 'G':
		return Giga
	case 'T':
		return Tera
	case 'P':
		return Peta
	case 'E':
		return Exa
	case 'Z':
		return Zetta
	case 'Y':
		return Yotta
	case 'R':
		return Ronna
	case 'Q':
		return Quetta
	}
	return NoPrefix
}

// zhPrefixes are the Chinese prefix names, long forms first.
var zhPrefixes = []struct {
	text string
	p    Prefix
}{
	{"艾可萨", Exa}, {"吉咖", Giga}, {"太拉", Tera}, {"拍它", Peta}, {"泽它", Zetta}, {"尧它", Yotta},
	{"千", Kilo}, {"兆", Mega}, {"吉", Giga}, {"太", Tera}, {"拍", Peta}, {"艾", Exa}, {"泽", Zetta}, {"尧", Yotta},
}

// ParsePrefix reads an SI prefix at byte offset i: a symbol (k K M G T P E Z
// Y R Q) or a Chinese name (千 兆 吉[咖] 太[拉] 拍[它] 艾[可萨] 泽[它] 尧[它]).
// It does not look at what follows; ParseQuantity does.
func ParsePrefix(s string, i int) (Prefix, int) {
	if p := asciiPrefix(s, i); p != NoPrefix {
		return p, 1
	}
	if i < len(s) {
		for _, z := range zhPrefixes {
			if strings.HasPrefix(s[i:], z.text) {
				return z.p, len(z.text)
			}
		}
	}
	return NoPrefix, 0
}

// Units recognised after a number or prefix, longest first within each
// leading byte. ASCII units must end at a non-letter (so 6Express is not
// 6 E + xpress).
var asciiUnits = []string{
	"FLOP/s", "flop/s", "Flop/s", "FLOPS", "Flops", "flops", "FLOP", "flop",
	"OPS", "Ops", "ops", "bit/s", "bps", "bit", "B/s", "b/s", "Byte", "B", "b",
	"Hz", "Wh", "W", "VA", "V", "Ah", "A", "J", "Pa", "eV", "H/s",
	"g", "m", "t", "s", "L", "N",
}

var zhUnits = []string{
	"次/秒", "次", "字节", "比特", "瓦时", "瓦", "赫兹", "赫", "帕斯卡", "帕", "焦耳", "焦",
	"伏特", "伏", "欧姆", "欧", "安培", "克", "米", "吨", "升", "卡",
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// asciiUnitLen returns the length of an ASCII unit at p, or 0.
func asciiUnitLen(s string, p int) int {
	if p >= len(s) || !asciiLetter(s[p]) {
		return 0
	}
	for _, u := range asciiUnits {
		if strings.HasPrefix(s[p:], u) {
			if e := p + len(u); e < len(s) && asciiLetter(s[e]) {
				continue
			}
			return len(u)
		}
	}
	return 0
}

// unitLen returns the length of a unit (ASCII or Chinese) at p, or 0.
func unitLen(s string, p int) int {
	if p >= len(s) {
		return 0
	}
	if s[p] < 0x80 {
		return asciiUnitLen(s, p)
	}
	for _, u := range zhUnits {
		if strings.HasPrefix(s[p:], u) {
			return len(u)
		}
	}
	return 0
}

// spaceLen returns the length of one space between a number and its unit:
// ASCII space, no-break space, thin or narrow no-break space.
func spaceLen(s string, p int) int {
	switch {
	case p < len(s) && s[p] == ' ':
		return 1
	case strings.HasPrefix(s[p:], "\u00a0"):
		return 2
	case strings.HasPrefix(s[p:], "\u2009"), strings.HasPrefix(s[p:], "\u202f"):
		return 3
	}
	return 0
}

// Quantity is a number with an optional SI prefix and unit: 6E, 1EFLOPS,
// 20 EFLOPS, 1.8万P, 10 GW, 10兆瓦, 600亿亿次.
type Quantity struct {
	Num    Number
	NumLen int    // bytes of the number
	Prefix Prefix // NoPrefix when there is none
	// PrefixAt and UnitAt are byte offsets from the start of the quantity;
	// PrefixText and Unit are the prefix and unit as written ("" if absent).
	PrefixAt   int
	PrefixText string
	UnitAt     int
	Unit       string
}

// Value returns Num.Value × 10^Prefix.Exp().
func (q Quantity) Value() Value { return q.Num.Value.MulPow10(q.Prefix.Exp()) }

// Alt is Value with the other reading of 兆 (see Number.Alt).
func (q Quantity) Alt() Value { return q.Num.Alt.MulPow10(q.Prefix.Exp()) }

// ParseQuantity reads a number at byte offset i, then an SI prefix and a
// unit if present, and returns the quantity and the bytes consumed (0: no
// number at i). A bare ASCII prefix (6E, 6000P) needs no unit but must touch
// the number and not run into other letters; a Chinese prefix needs a unit
// (3千瓦, 10兆赫), since 千 alone is a number word. Percentages take no
// prefix. Whether 5G means 5×10^9 is for the caller to judge.
func ParseQuantity(s string, i int) (Quantity, int) {
	if !StartsNumber(s, i) {
		return Quantity{}, 0
	}
	num, n := parseAt(s, i)
	if n == 0 {
		return Quantity{}, 0
	}
	q := Quantity{Num: num, NumLen: n}
	if num.Flags&(Percent|Permille) != 0 {
		return q, n
	}
	p := i + n
	sp := p + spaceLen(s, p)
	if pr := asciiPrefix(s, sp); pr != NoPrefix {
		if u := unitLen(s, sp+1); u > 0 && s[sp+1] < 0x80 {
			return q.with(i, pr, sp, 1, sp+1, u, s)
		}
		// 6E, 6000P, 6E次: a bare prefix touching the number.
		if sp == p && (sp+1 >= len(s) || !asciiLetter(s[sp+1])) {
			if u := unitLen(s, sp+1); u > 0 {
				return q.with(i, pr, sp, 1, sp+1, u, s)
			}
			return q.with(i, pr, sp, 1, sp+1, 0, s)
		}
	}
	if pr, pl := ParsePrefix(s, sp); pr != NoPrefix && s[sp] >= 0x80 {
		if u := unitLen(s, sp+pl); u > 0 {
			return q.with(i, pr, sp, pl, sp+pl, u, s)
		}
	}
	if u := unitLen(s, sp); u > 0 {
		return q.with(i, NoPrefix, sp, 0, sp, u, s)
	}
	return q, n
}

func (q Quantity) with(i int, pr Prefix, at, pl, uat, ul int, s string) (Quantity, int) {
	q.Prefix = pr
	q.PrefixAt, q.PrefixText = at-i, s[at:at+pl]
	q.UnitAt, q.Unit = uat-i, s[uat:uat+ul]
	return q, uat + ul - i
}
