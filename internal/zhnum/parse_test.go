package zhnum

import (
	"math/big"
	"strings"
	"testing"
)

// rat parses a test expectation ("1e18", "2.65e12", "-0.5").
func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("bad expectation %q", s)
	}
	return r
}

type parseCase struct {
	in   string // the input; the number is its prefix up to '|' if present
	want string // value as big.Rat text; "" = no number
	has  Flags  // flags that must be set
	not  Flags  // flags that must not be set
	alt  string // expected Alt when Zhao
	mag  int
}

func runParse(t *testing.T, parse func(string, int) (Number, int), cases []parseCase) {
	t.Helper()
	for _, c := range cases {
		in, wantText := c.in, c.in
		if k := strings.IndexByte(c.in, '|'); k >= 0 {
			in = c.in[:k] + c.in[k+1:]
			wantText = c.in[:k]
		}
		n, size := parse(in, 0)
		if c.want == "" {
			if size != 0 {
				t.Errorf("%q: got %s (%d bytes), want no number", in, n.Value, size)
			}
			continue
		}
		if size != len(wantText) {
			t.Errorf("%q: consumed %q, want %q", in, in[:size], wantText)
			continue
		}
		if got, want := n.Value.Rat(), rat(t, c.want); got.Cmp(want) != 0 {
			t.Errorf("%q: value %s, want %s", in, got.FloatString(6), want.FloatString(6))
		}
		if n.Flags&c.has != c.has {
			t.Errorf("%q: flags %v, missing %v", in, n.Flags, c.has&^n.Flags)
		}
		if n.Flags&c.not != 0 {
			t.Errorf("%q: flags %v, unexpected %v", in, n.Flags, n.Flags&c.not)
		}
		if c.alt != "" && n.Alt.Rat().Cmp(rat(t, c.alt)) != 0 {
			t.Errorf("%q: alt %s, want %s", in, n.Alt, c.alt)
		}
		if c.alt == "" && !n.Alt.Equal(n.Value) {
			t.Errorf("%q: alt %s differs from value %s", in, n.Alt, n.Value)
		}
		if n.Mag != c.mag {
			t.Errorf("%q: mag %d, want %d", in, n.Mag, c.mag)
		}
	}
}

func TestParseArabic(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "2023|年", want: "2023", has: Arabic, not: Chinese | Grouped},
		{in: "0", want: "0"},
		{in: "47.5%", want: "47.5", has: Decimal | Percent},
		{in: "1,040|平方公里", want: "1040", has: Grouped},
		{in: "20,453|。", want: "20453", has: Grouped},
		{in: "1,234,567.89", want: "1234567.89", has: Grouped | Decimal},
		{in: "1|,04", want: "1"},        // not a group of three
		{in: "1|,0400", want: "1"},      // group too long
		{in: "2023|,100", want: "2023"}, // first group too long
		{in: "1|，000", want: "1"},       // full-width comma is no separator
		{in: "1\u2009000\u2009000", want: "1000000", has: Grouped},
		{in: "２０２３|年", want: "2023", has: Fullwidth},
		{in: "３．５", want: "3.5", has: Fullwidth | Decimal},
		{in: "3|.", want: "3"},
		{in: "3.14|.15", want: "3.14"},
		{in: "007", want: "7"},
		{in: "12345678901234567890123456789", want: "12345678901234567890123456789"},
		{in: "0.000000000000000000000000000001", want: "1e-30", has: Decimal},
		{in: "6×10^18|次", want: "6e18", has: Sci},
		{in: "6x10^18", want: "6e18", has: Sci},
		{in: "4.3 × 10⁶", want: "4.3e6", has: Sci | Decimal},
		{in: "5×10^-1", want: "0.5", has: Sci},
		{in: "10^18", want: "1e18", has: Sci},
		{in: "10^-3", want: "0.001", has: Sci},
		{in: "2|^30", want: "2", not: Sci},
		{in: "6|×10^1234", want: "6"}, // exponents are capped at three digits
		{in: "6|×10", want: "6"},
		{in: ".46", want: ""},
		{in: "-5", want: ""},
		{in: "abc", want: ""},
		{in: "", want: ""},
	})
}

func TestParsePercent(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "47.5%", want: "47.5", has: Percent},
		{in: "40％|左右", want: "40", has: Percent | Fullwidth},
		{in: "3‰", want: "3", has: Permille},
		{in: "百分之四十七点五", want: "47.5", has: Percent | Chinese | Decimal},
		{in: "百分之5", want: "5", has: Percent | Arabic},
		{in: "千分之三", want: "3", has: Permille},
		{in: "百|分", want: "100", has: LeadingUnit},
		{in: "百分之百", want: "100", has: Percent},
	})
}

func TestParseChinese(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "三千零五十二", want: "3052", has: Chinese, not: Arabic | Digitwise},
		{in: "十二", want: "12", has: LeadingUnit},
		{in: "一百零八", want: "108"},
		{in: "一百一十", want: "110"},
		{in: "一千零十", want: "1010"},
		{in: "二十", want: "20"},
		{in: "十|人", want: "10"},
		{in: "零", want: "0"},
		{in: "〇", want: "0"},
		{in: "零点五", want: "0.5", has: Decimal},
		{in: "二点五|个", want: "2.5", has: Decimal},
		{in: "三|点钟", want: "3"},
		{in: "十|点十分", want: "10"},
		{in: "一九九〇|年", want: "1990", has: Digitwise},
		{in: "二〇二三|年", want: "2023", has: Digitwise},
		{in: "九〇|年代", want: "90", has: Digitwise},
		{in: "一八四○|年", want: "1840", has: Digitwise | OddZero},
		{in: "二0二三|年", want: "2023", has: Digitwise | OddZero},
		{in: "一|0", want: "1", not: OddZero},
		{in: "两千", want: "2000"},
		{in: "两|一", want: "2"},
		{in: "壹仟贰佰叁拾肆", want: "1234", has: Financial},
		{in: "玖拾", want: "90", has: Financial},
		{in: "萬", want: "1e4", mag: 4},
		{in: "一萬零一", want: "10001"},
		// Magnitude stacking.
		{in: "万", want: "1e4", has: LeadingUnit | Magnitude, mag: 4},
		{in: "万|一", want: "1e4", mag: 4},
		{in: "万亿", want: "1e12", mag: 12},
		{in: "亿亿", want: "1e16", mag: 16},
		{in: "百亿亿", want: "1e18", mag: 16},
		{in: "千万亿", want: "1e15", mag: 12},
		{in: "十万亿亿", want: "1e21", mag: 20},
		{in: "亿亿亿", want: "1e24", mag: 24},
		{in: "千亿亿亿", want: "1e27", mag: 24},
		{in: "百万亿亿亿", want: "1e30", mag: 28},
		{in: "亿|万人民", want: "1e8", mag: 8}, // 亿万 is not a stack
		{in: "一亿二千万", want: "120000000", mag: 4},
		{in: "三万五千亿", want: "3.5e12", mag: 8},
		{in: "一万|二万", want: "1e4", mag: 4},
		{in: "五亿零三万", want: "500030000", mag: 4},
		{in: "一万零五百", want: "10500"},
		{in: "十亿|人民", want: "1e9", mag: 8},
		// Spoken abbreviations.
		{in: "一万一", want: "11000"},
		{in: "一亿五", want: "150000000"},
		{in: "两千五", want: "2500"},
		{in: "三百五", want: "350"},
		{in: "一千零五", want: "1005"},
		{in: "一万零一", want: "10001"},
		// Approximations.
		{in: "三五|天", want: "3", has: Approx},
		{in: "五六万|套", want: "5e4", has: Approx, mag: 4},
		{in: "四十五六|岁", want: "45", has: Approx},
		{in: "二三十|个", want: "20", has: Approx},
		{in: "十几万", want: "1e5", has: Approx, mag: 4},
		{in: "十|几个", want: "10", has: Approx},
		{in: "三|来", want: "3", not: Approx}, // 一来…二来
		{in: "十|来个", want: "10", has: Approx},
		{in: "七三|年", want: "73", has: Digitwise},
		// Not numbers.
		{in: "兆头", want: ""},
		{in: "○", want: ""},
		{in: "点", want: ""},
		{in: "多", want: ""},
		{in: "的", want: ""},
	})
}

func TestParseMixed(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "2.65万亿|元", want: "2.65e12", has: Arabic | Chinese | Magnitude | Decimal, mag: 12},
		{in: "10亿零817万5288|人", want: "1008175288", has: Magnitude, not: MixedSmall},
		{in: "600亿亿", want: "6e18", mag: 16},
		{in: "100 亿|元", want: "1e10", mag: 8},
		{in: "100 亿亿", want: "1e18", mag: 16},
		{in: "100| 个", want: "100"},
		{in: "8万亿|元", want: "8e12", mag: 12},
		{in: "100亿", want: "1e10", mag: 8},
		{in: "1000万亿", want: "1e15", mag: 12},
		{in: "3.45亿", want: "3.45e8", mag: 8},
		{in: "1,000万", want: "1e7", has: Grouped, mag: 4},
		{in: "３万", want: "3e4", has: Fullwidth, mag: 4},
		{in: "3千万", want: "3e7", has: MixedSmall, mag: 4},
		{in: "4千", want: "4000", has: MixedSmall},
		{in: "1百零8", want: "108", has: MixedSmall},
		{in: "5千3百", want: "5300", has: MixedSmall},
		{in: "2.5千", want: "2500", has: MixedSmall | Decimal},
		{in: "一百|08", want: "100", not: Arabic},
		{in: "3|千瓦", want: "3", not: MixedSmall},
		{in: "5|千米", want: "5", not: MixedSmall},
		{in: "3万|一线员工", want: "3e4", mag: 4},
		{in: "2.65万亿|零", want: "2.65e12", mag: 12},
		{in: "680|多家", want: "680", has: Approx},
		{in: "700|余家", want: "700", has: Approx},
		{in: "1000多万|元", want: "1e7", has: Approx, mag: 4},
		{in: "3万|多", want: "3e4", has: Approx, mag: 4},
		{in: "10|来个", want: "10", has: Approx},
		{in: "15|来个", want: "15", not: Approx},
		{in: "1.5亿|零3万", want: "1.5e8", mag: 8},
		{in: "12|月", want: "12"},
	})
}

func TestParseZhao(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "3兆|元", want: "3e12", alt: "3e6", has: Zhao | Magnitude, mag: 12},
		{in: "1.2兆", want: "1.2e12", alt: "1.2e6", has: Zhao, mag: 12},
		{in: "三兆", want: "3e12", alt: "3e6", has: Zhao, mag: 12},
		{in: "万兆|网络", want: "1e16", alt: "1e10", has: Zhao, mag: 16},
		{in: "10|兆瓦", want: "10", not: Zhao},
		{in: "100|兆赫", want: "100", not: Zhao},
		{in: "5|兆字节", want: "5", not: Zhao},
		{in: "2|兆B", want: "2", not: Zhao},
		{in: "兆", want: ""},
	})
}

func TestParseSigned(t *testing.T) {
	runParse(t, ParseSigned, []parseCase{
		{in: "-5", want: "-5", has: Signed},
		{in: "+5", want: "5", has: Signed},
		{in: "−2.5万", want: "-25000", has: Signed, mag: 4},
		{in: "－３", want: "-3", has: Signed | Fullwidth},
		{in: "负三", want: "-3", has: Signed},
		{in: "负责", want: ""},
		{in: "-", want: ""},
		{in: "5", want: "5", not: Signed},
		{in: "-3兆", want: "-3e12", alt: "-3e6", has: Zhao, mag: 12},
	})
}

func TestParseOffset(t *testing.T) {
	s := "截至2023年，全省人工智能企业680多家，核心产业规模超过700亿元"
	i := strings.Index(s, "700")
	n, size := Parse(s, i)
	if s[i:i+size] != "700亿" || n.Value.String() != "70000000000" {
		t.Fatalf("got %q = %s", s[i:i+size], n.Value)
	}
	for _, i := range []int{-1, len(s), len(s) + 5} {
		if _, size := Parse(s, i); size != 0 {
			t.Errorf("offset %d: consumed %d", i, size)
		}
	}
	// Truncated UTF-8 and stray continuation bytes are not numbers.
	for _, bad := range []string{"\xe4\xb8", "\xe4", "\x80\x80\x80", "\xe4\xb8\x80"[:2] + "1"} {
		if _, size := Parse(bad, 0); size != 0 {
			t.Errorf("%q: consumed %d", bad, size)
		}
	}
}

func TestStartsNumber(t *testing.T) {
	for _, r := range "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩" {
		s := string(r) + "x"
		if !StartsNumber(s, 0) {
			t.Errorf("%q: StartsNumber false", r)
		}
	}
	for _, r := range "的是兆点多○OaA.-%，。年" {
		s := string(r)
		if StartsNumber(s, 0) {
			t.Errorf("%q: StartsNumber true", r)
		}
		if _, size := Parse(s, 0); size != 0 {
			t.Errorf("%q: parsed", r)
		}
	}
}

func TestFlagsString(t *testing.T) {
	if got := (Arabic | Magnitude).String(); got != "Arabic|Magnitude" {
		t.Errorf("got %q", got)
	}
	if got := Flags(0).String(); got != "" {
		t.Errorf("got %q", got)
	}
}

func TestParseWordTraps(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "十三|五”规划", want: "13", not: Approx},
		{in: "十四|五时期", want: "14", not: Approx},
		{in: "十四五|岁", want: "14", has: Approx},
		{in: "陆续", want: ""},
		{in: "队伍", want: ""},
		{in: "伍|。", want: ""},
		{in: "拾取", want: ""},
		{in: "陆万", want: "6e4", has: Financial, mag: 4},
		{in: "伍拾", want: "50", has: Financial},
	})
}

func TestParseSci(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "1×10¹²", want: "1e12", has: Sci},
		{in: "2×10²³", want: "2e23", has: Sci},
		{in: "3×10⁻³", want: "0.003", has: Sci},
		{in: "3×10⁺⁴⁵", want: "3e45", has: Sci},
		{in: "5*10^+2", want: "500", has: Sci},
		{in: "5X10^2", want: "500", has: Sci},
		{in: "5 x 10^2", want: "500", has: Sci},
		{in: "5×10^−2", want: "0.05", has: Sci},
		{in: "5|×10^", want: "5"},
		{in: "5|×11^2", want: "5"},
		{in: "5|×", want: "5"},
		{in: "10²", want: "100", has: Sci},
		{in: "1.5|×10¹²³⁴", want: "1.5", has: Decimal},
	})
}

func TestParseSciBare(t *testing.T) {
	runParse(t, Parse, []parseCase{
		{in: "10¹⁸|次", want: "1e18", has: Sci},
		{in: "10⁻⁶", want: "0.000001", has: Sci},
		{in: "10|⁻", want: "10"},
		{in: "100|²", want: "100"},
	})
}

func TestParseLongRuns(t *testing.T) {
	long := strings.Repeat("1", 100000)
	if _, size := Parse(long, 0); size != maxDigits {
		t.Errorf("Arabic run: read %d digits", size)
	}
	if _, size := Parse("0."+long, 0); size != maxDigits+1 {
		t.Errorf("decimal run: read %d bytes", size)
	}
	zh := strings.Repeat("一二", 50000)
	if _, size := Parse(zh, 0); size != 3*maxDigits {
		t.Errorf("Chinese digit run: read %d bytes", size)
	}
	if _, size := Parse("一点"+zh, 0); size != 6+3*maxDigits {
		t.Errorf("Chinese decimals: read %d bytes", size)
	}
	mags := "一" + strings.Repeat("亿", 10000)
	n, size := Parse(mags, 0)
	if size != len(mags) || !n.Value.Equal(Pow10(80000)) {
		t.Errorf("magnitude run: %d bytes", size)
	}
}
