package zhnum

import (
	"fmt"
	"testing"
)

func TestPrefixTable(t *testing.T) {
	want := []struct {
		p             Prefix
		sym, zh, name string
		exp           int
	}{
		{Kilo, "k", "千", "kilo", 3},
		{Mega, "M", "兆", "mega", 6},
		{Giga, "G", "吉", "giga", 9},
		{Tera, "T", "太", "tera", 12},
		{Peta, "P", "拍", "peta", 15},
		{Exa, "E", "艾", "exa", 18},
		{Zetta, "Z", "泽", "zetta", 21},
		{Yotta, "Y", "尧", "yotta", 24},
		{Ronna, "R", "", "ronna", 27},
		{Quetta, "Q", "", "quetta", 30},
	}
	if len(Prefixes()) != len(want) {
		t.Fatalf("Prefixes() has %d entries", len(Prefixes()))
	}
	for i, w := range want {
		p := Prefixes()[i]
		if p != w.p || p.Symbol() != w.sym || p.ZhName() != w.zh || p.Name() != w.name || p.Exp() != w.exp || p.String() != w.sym {
			t.Errorf("%v: got %q %q %q %d", w.p, p.Symbol(), p.ZhName(), p.Name(), p.Exp())
		}
		if n, ok := p.Value().Pow10(); !ok || n != w.exp {
			t.Errorf("%v: Value %s", p, p.Value())
		}
		if q, ok := PrefixForExp(w.exp); !ok || q != p {
			t.Errorf("PrefixForExp(%d) = %v", w.exp, q)
		}
		if q, n := ParsePrefix(w.sym+"W", 0); q != p || n != 1 {
			t.Errorf("ParsePrefix(%q) = %v %d", w.sym, q, n)
		}
		if w.zh != "" {
			if q, n := ParsePrefix(w.zh+"瓦", 0); q != p || n != len(w.zh) {
				t.Errorf("ParsePrefix(%q) = %v %d", w.zh, q, n)
			}
		}
	}
	for _, n := range []int{0, 1, 2, 4, 33, -3} {
		if _, ok := PrefixForExp(n); ok {
			t.Errorf("PrefixForExp(%d) ok", n)
		}
	}
	if NoPrefix.String() != "none" || NoPrefix.Exp() != 0 || Prefix(99).Exp() != 0 || Prefix(99).Symbol() != "" {
		t.Error("NoPrefix/out of range")
	}
	for _, long := range []string{"吉咖", "太拉", "拍它", "艾可萨", "泽它", "尧它"} {
		if _, n := ParsePrefix(long+"字节", 0); n != len(long) {
			t.Errorf("ParsePrefix(%q) read %d bytes", long, n)
		}
	}
	if p, n := ParsePrefix("x", 0); p != NoPrefix || n != 0 {
		t.Error("ParsePrefix(x)")
	}
}

// TestPrefixReadings checks every SI prefix k…Q against Chinese readings:
// the correct ones, and readings off by one step in each direction (a
// factor of 10, one magnitude word, the mantissa dropped) as well as the
// wrong glosses seen in the wild (zh-editing-rules §2.6). off is the
// exponent of reading/prefix; 0 means the reading is correct.
func TestPrefixReadings(t *testing.T) {
	type row struct {
		reading string
		off     int
	}
	table := map[Prefix][]row{
		Kilo: {{"千", 0}, {"一千", 0}, {"1000", 0}, {"1,000", 0}, {"10^3", 0}, {"1×10^3", 0},
			{"百", -1}, {"一百", -1}, {"100", -1}, {"万", 1}, {"一万", 1}, {"10000", 1}},
		Mega: {{"一百万", 0}, {"百万", 0}, {"100万", 0}, {"1000000", 0},
			{"十万", -1}, {"10万", -1}, {"千万", 1}, {"1000万", 1}, {"万", -2}, {"亿", 2}},
		Giga: {{"十亿", 0}, {"10亿", 0}, {"一十亿", 0},
			{"亿", -1}, {"1亿", -1}, {"百亿", 1}, {"100亿", 1},
			{"千万", -2}}, // "GFLOPS = 每秒千万次"
		Tera: {{"一万亿", 0}, {"万亿", 0}, {"1万亿", 0}, {"10000亿", 0}, {"10,000亿", 0},
			{"千亿", -1}, {"1000亿", -1}, {"十万亿", 1}, {"10万亿", 1}, {"亿亿", 4}, {"亿", -4},
			{"十亿", -3}}, // "TFLOPS = 十亿次"
		Peta: {{"1000万亿", 0}, {"千万亿", 0}, {"一千万亿", 0}, {"1千万亿", 0},
			{"百万亿", -1}, {"100万亿", -1}, {"亿亿", 1}, {"1亿亿", 1},
			{"万亿", -3},     // "PFLOPS = 万亿次"
			{"1000亿", -4}}, // "1P = 1000亿"
		Exa: {{"100亿亿", 0}, {"百亿亿", 0}, {"一百亿亿", 0}, {"10^18", 0},
			{"10亿亿", -1}, {"十亿亿", -1}, {"1000亿亿", 1}, {"千亿亿", 1},
			{"亿亿", -2},    // "EFLOPS = 每秒亿亿次"
			{"100亿", -8},  // the sample report: 1E=100亿
			{"十万亿亿", 3},   // "= 十万亿亿次"
			{"100万亿", -4}, // one magnitude word down
			{"10", -17}},  // "1e = 10"
		Zetta: {{"十万亿亿", 0}, {"10万亿亿", 0}, {"1000亿亿", -2},
			{"万亿亿", -1}, {"1万亿亿", -1}, {"百万亿亿", 1}, {"100万亿亿", 1}},
		Yotta: {{"亿亿亿", 0}, {"一亿亿亿", 0}, {"1亿亿亿", 0},
			{"千万亿亿", -1}, {"1000万亿亿", -1}, {"十亿亿亿", 1}, {"10亿亿亿", 1}},
		Ronna: {{"千亿亿亿", 0}, {"1000亿亿亿", 0},
			{"百亿亿亿", -1}, {"100亿亿亿", -1}, {"万亿亿亿", 1}, {"1万亿亿亿", 1}},
		Quetta: {{"百万亿亿亿", 0}, {"100万亿亿亿", 0},
			{"十万亿亿亿", -1}, {"10万亿亿亿", -1}, {"千万亿亿亿", 1}, {"1000万亿亿亿", 1}},
	}
	for _, p := range Prefixes() {
		rows := table[p]
		if len(rows) == 0 {
			t.Fatalf("%v: no rows", p)
		}
		// Generated rows: the canonical forms, and one step either way in
		// factors of ten and in magnitude words.
		n := p.Exp()
		rows = append(rows,
			row{FormatZh(Pow10(n)), 0}, row{Pow10Zh(n), 0}, row{"一" + Pow10Zh(n), 0}, row{FormatPow(Pow10(n)), 0},
			row{FormatZh(Pow10(n - 1)), -1}, row{Pow10Zh(n - 1), -1},
			row{FormatZh(Pow10(n + 1)), 1}, row{Pow10Zh(n + 1), 1},
			row{FormatZh(Pow10(n - 4)), -4}, row{FormatZh(Pow10(n + 4)), 4},
		)
		for _, r := range rows {
			num, size := Parse(r.reading, 0)
			if size != len(r.reading) {
				t.Errorf("%v: %q read only %d bytes", p, r.reading, size)
				continue
			}
			off, ok := Ratio10(num.Value, p.Value())
			if !ok || off != r.off {
				t.Errorf("%v = %s: %q = %s off by 10^%d (ok=%v), want 10^%d", p, FormatZh(p.Value()), r.reading, FormatPow(num.Value), off, ok, r.off)
			}
			if (num.Value.Equal(p.Value())) != (r.off == 0) {
				t.Errorf("%v: %q Equal disagrees with Ratio10", p, r.reading)
			}
		}
	}
}

// TestDefinitions exercises the building blocks a magnitude-definition rule
// uses on the forms of issue 5: a prefixed quantity, a connector, a number.
func TestDefinitions(t *testing.T) {
	cases := []struct {
		left, right string
		off         int
	}{
		{"1E", "100亿", -8}, // the sample report
		{"1E", "100亿亿", 0},
		{"1E", "百亿亿", 0},
		{"1P", "1000万亿", 0},
		{"1P", "1000亿", -4},
		{"1EFLOPS", "百亿亿", 0},
		{"20EFLOPS", "2000亿亿", 0},
		{"20 EFLOPS", "2000亿亿", 0},
		{"1T", "万亿", 0},
		{"1 TFLOPS", "十亿", -3},
		{"1万亿", "10000亿", 0},
		{"1.8万P", "18E", 0},
		{"6E", "6000P", 0},
		{"6E", "600亿亿", 0},
		{"1kW", "1000W", 0},
		{"10兆瓦", "1万千瓦", 0},
	}
	for _, c := range cases {
		l, ln := ParseQuantity(c.left, 0)
		r, rn := ParseQuantity(c.right, 0)
		if ln != len(c.left) || rn != len(c.right) {
			t.Errorf("%s=%s: read %d, %d bytes", c.left, c.right, ln, rn)
			continue
		}
		off, ok := Ratio10(r.Value(), l.Value())
		if !ok || off != c.off {
			t.Errorf("%s = %s (%s) vs %s (%s): off 10^%d ok=%v, want 10^%d",
				c.left, FormatZh(l.Value()), FormatPow(l.Value()), c.right, FormatPow(r.Value()), off, ok, c.off)
		}
	}
	// The message a rule would write for the sample report.
	l, _ := ParseQuantity("1E", 0)
	r, _ := Parse("100亿", 0)
	off, _ := Ratio10(l.Value(), r.Value)
	msg := fmt.Sprintf("1E = %s = %s, not %s (%s): off by 10^%d",
		FormatPow(l.Value()), FormatZh(l.Value()), FormatZh(r.Value), FormatPow(r.Value), off)
	if want := "1E = 10^18 = 100亿亿, not 100亿 (10^10): off by 10^8"; msg != want {
		t.Errorf("got %q\nwant %q", msg, want)
	}
}

func TestParseQuantity(t *testing.T) {
	cases := []struct {
		in, read string
		prefix   Prefix
		ptext    string
		unit     string
		value    string
		alt      string
	}{
		{"6E(1E=100亿)次", "6E", Exa, "E", "", "6e18", ""},
		{"6E次", "6E次", Exa, "E", "次", "6e18", ""},
		{"1EFLOPS（每秒百亿亿次）", "1EFLOPS", Exa, "E", "FLOPS", "1e18", ""},
		{"20 EFLOPS", "20 EFLOPS", Exa, "E", "FLOPS", "2e19", ""},
		{"20EFLOP/s", "20EFLOP/s", Exa, "E", "FLOP/s", "2e19", ""},
		{"3 Pflops", "3 Pflops", Peta, "P", "flops", "3e15", ""},
		{"1.8万P，", "1.8万P", Peta, "P", "", "1.8e19", ""},
		{"6000P", "6000P", Peta, "P", "", "6e18", ""},
		{"10 GW", "10 GW", Giga, "G", "W", "1e10", ""},
		{"5GHz", "5GHz", Giga, "G", "Hz", "5e9", ""},
		{"2TB", "2TB", Tera, "T", "B", "2e12", ""},
		{"100Mbps", "100Mbps", Mega, "M", "bps", "1e8", ""},
		{"256 TOPS", "256 TOPS", Tera, "T", "OPS", "2.56e14", ""},
		{"3kW", "3kW", Kilo, "k", "W", "3000", ""},
		{"4K视频", "4K", Kilo, "K", "", "4000", ""},
		{"1Pa", "1Pa", NoPrefix, "", "Pa", "1", ""},
		{"5GPa", "5GPa", Giga, "G", "Pa", "5e9", ""},
		{"6Express", "6", NoPrefix, "", "", "6", ""},
		{"2023 GDP", "2023", NoPrefix, "", "", "2023", ""},
		{"5 G", "5", NoPrefix, "", "", "5", ""},
		{"600亿亿次", "600亿亿次", NoPrefix, "", "次", "6e18", ""},
		{"6 次", "6 次", NoPrefix, "", "次", "6", ""},
		{"10兆瓦", "10兆瓦", Mega, "兆", "瓦", "1e7", ""},
		{"100兆赫兹", "100兆赫兹", Mega, "兆", "赫兹", "1e8", ""},
		{"5兆字节", "5兆字节", Mega, "兆", "字节", "5e6", ""},
		{"3千瓦", "3千瓦", Kilo, "千", "瓦", "3000", ""},
		{"三千瓦", "三千瓦", NoPrefix, "", "瓦", "3000", ""},
		{"2艾可萨字节", "2艾可萨字节", Exa, "艾可萨", "字节", "2e18", ""},
		{"3兆元", "3兆", NoPrefix, "", "", "3e12", "3e6"},
		{"5太", "5", NoPrefix, "", "", "5", ""},
		{"47.5%", "47.5%", NoPrefix, "", "", "47.5", ""},
		{"10米", "10米", NoPrefix, "", "米", "10", ""},
	}
	for _, c := range cases {
		q, n := ParseQuantity(c.in, 0)
		if got := c.in[:n]; got != c.read {
			t.Errorf("%q: read %q, want %q", c.in, got, c.read)
			continue
		}
		if q.Prefix != c.prefix || q.PrefixText != c.ptext || q.Unit != c.unit {
			t.Errorf("%q: prefix %v %q unit %q", c.in, q.Prefix, q.PrefixText, q.Unit)
		}
		if q.Value().Rat().Cmp(rat(t, c.value)) != 0 {
			t.Errorf("%q: value %s, want %s", c.in, q.Value(), c.value)
		}
		alt := c.alt
		if alt == "" {
			alt = c.value
		}
		if q.Alt().Rat().Cmp(rat(t, alt)) != 0 {
			t.Errorf("%q: alt %s, want %s", c.in, q.Alt(), alt)
		}
		if c.ptext != "" && c.in[q.PrefixAt:q.PrefixAt+len(c.ptext)] != c.ptext {
			t.Errorf("%q: PrefixAt %d", c.in, q.PrefixAt)
		}
		if c.unit != "" && c.in[q.UnitAt:q.UnitAt+len(c.unit)] != c.unit {
			t.Errorf("%q: UnitAt %d", c.in, q.UnitAt)
		}
	}
	if _, n := ParseQuantity("E", 0); n != 0 {
		t.Error("a prefix alone is not a quantity")
	}
}

// TestZhaoSenses: 兆 before a unit is the SI prefix mega; as a magnitude
// word it is ambiguous and both readings are returned.
func TestZhaoSenses(t *testing.T) {
	for _, unit := range []string{"瓦", "赫", "赫兹", "帕", "欧", "伏", "字节", "比特", "焦", "B", "Hz", "W"} {
		s := "10兆" + unit
		q, n := ParseQuantity(s, 0)
		if n != len(s) || q.Prefix != Mega || q.Num.Has(Zhao) || !q.Value().Equal(Pow10(7)) {
			t.Errorf("%q: %d bytes, prefix %v, flags %v, value %s", s, n, q.Prefix, q.Num.Flags, q.Value())
		}
	}
	for _, s := range []string{"3兆元", "1.2兆", "三兆", "1兆的"} {
		n, _ := Parse(s, 0)
		if !n.Has(Zhao) {
			t.Errorf("%q: not ambiguous", s)
			continue
		}
		hi, ok1 := Ratio10(n.Value, n.Alt)
		if !ok1 || hi != 6 {
			t.Errorf("%q: readings %s and %s", s, n.Value, n.Alt)
		}
	}
}

func TestQuantitySpaces(t *testing.T) {
	for _, s := range []string{"10 GW", "10\u00a0GW", "10\u2009GW", "10\u202fGW"} {
		q, n := ParseQuantity(s, 0)
		if n != len(s) || q.Prefix != Giga || q.Unit != "W" {
			t.Errorf("%q: %d bytes, %v %q", s, n, q.Prefix, q.Unit)
		}
	}
	if _, n := ParseQuantity("10  GW", 0); n != 2 {
		t.Errorf("two spaces: read %d bytes", n)
	}
}
