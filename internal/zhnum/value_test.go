package zhnum

import (
	"math"
	"math/big"
	"testing"
)

func mustValue(t *testing.T, s string) Value {
	t.Helper()
	v, err := ParseValue(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestValueBasics(t *testing.T) {
	var zero Value
	if !zero.IsZero() || zero.Sign() != 0 || zero.String() != "0" || !zero.Equal(Int(0)) || !zero.Neg().IsZero() {
		t.Error("zero value")
	}
	if got := Int(math.MinInt64).String(); got != "-9223372036854775808" {
		t.Errorf("MinInt64: %s", got)
	}
	if got := Int(-120).Neg().String(); got != "120" {
		t.Errorf("Neg: %s", got)
	}
	if got := Int(-5).Abs().String(); got != "5" {
		t.Errorf("Abs: %s", got)
	}
	// Normalisation makes equal values identical whatever their spelling.
	for _, pair := range [][2]string{
		{"1000万亿", "千万亿"}, {"100亿亿", "10^18"}, {"2.65万亿", "26500亿"},
		{"1.50", "1.5"}, {"0.0", "0"}, {"1,000", "1000"}, {"6×10^18", "600亿亿"},
		{"12345678901234567890000", "1234567890123456789万"},
	} {
		a, b := mustValue(t, pair[0]), mustValue(t, pair[1])
		if !a.Equal(b) || a.Cmp(b) != 0 {
			t.Errorf("%s != %s (%s, %s)", pair[0], pair[1], a, b)
		}
		if a != b && a.b == nil {
			t.Errorf("%s and %s not normalised alike", pair[0], pair[1])
		}
	}
	m, e := mustValue(t, "-2.65万亿").Mantissa()
	if m.String() != "-265" || e != 10 {
		t.Errorf("Mantissa: %s e%d", m, e)
	}
	if v := NewValue(big.NewInt(-26500), -2); v.String() != "-265" {
		t.Errorf("NewValue: %s", v)
	}
	if v := NewValue(new(big.Int).Exp(big.NewInt(10), big.NewInt(40), nil), 0); v.b != nil || v.m != 1 || v.e != 40 {
		t.Errorf("NewValue big power: %+v", v)
	}
	if _, err := ParseValue("3兆"); err == nil {
		t.Error("ParseValue accepts ambiguous 兆")
	}
	if _, err := ParseValue("3个"); err == nil {
		t.Error("ParseValue accepts trailing text")
	}
	if _, err := ParseValue(""); err == nil {
		t.Error("ParseValue accepts empty")
	}
}

func TestValueCmp(t *testing.T) {
	ordered := []string{
		"-1e20", "-18446744073709551615", "-10^19", "-5", "-0.5", "0", "1e-30", "0.5", "1",
		"18446744073709551615", "18446744073709551616", "2e19", "9e19", "1e20",
		"123456789012345678901234567890", "1e30",
	}
	vals := make([]Value, len(ordered))
	for i, s := range ordered {
		if s == "-10^19" {
			vals[i] = Pow10(19).Neg()
			continue
		}
		r := rat(t, s)
		vals[i] = ratValue(t, r)
		if vals[i].Rat().Cmp(r) != 0 {
			t.Fatalf("%s built as %s", s, vals[i])
		}
	}
	for i := range vals {
		for j := range vals {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := vals[i].Cmp(vals[j]); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", vals[i], vals[j], got, want)
			}
		}
	}
	// Same order of magnitude, uint64 products overflowing: 9×10^19 vs
	// 18446744073709551615×10^1.
	a, b := mk(false, 9, 19), mk(false, 18446744073709551615, 1)
	if a.Cmp(b) >= 0 || b.Cmp(a) <= 0 {
		t.Error("overflowing compare")
	}
}

func TestValueArithmetic(t *testing.T) {
	cases := []struct{ a, b, sum, prod string }{
		{"1", "2", "3", "2"},
		{"2.65万亿", "1", "2650000000001", "2650000000000"},
		{"18446744073709551615", "1", "18446744073709551616", "18446744073709551615"},
		{"10^30", "1", "1000000000000000000000000000001", "1000000000000000000000000000000"},
		{"-5", "3", "-2", "-15"},
		{"5", "-5", "0", "-25"},
		{"0.1", "0.2", "0.3", "0.02"},
		{"1e-30", "1e30", "", ""},
		{"18446744073709551615", "18446744073709551615", "36893488147419103230", "340282366920938463426481119284349108225"},
	}
	for _, c := range cases {
		a, b := valueOf(t, c.a), valueOf(t, c.b)
		if c.sum == "" {
			c.sum = new(big.Rat).Add(a.Rat(), b.Rat()).RatString()
			c.prod = new(big.Rat).Mul(a.Rat(), b.Rat()).RatString()
		}
		if got := a.Add(b); got.Rat().Cmp(rat(t, c.sum)) != 0 {
			t.Errorf("%s + %s = %s, want %s", c.a, c.b, got, c.sum)
		}
		if got := b.Add(a); got.Rat().Cmp(rat(t, c.sum)) != 0 {
			t.Errorf("%s + %s = %s, want %s", c.b, c.a, got, c.sum)
		}
		if got := a.Sub(b.Neg()); got.Rat().Cmp(rat(t, c.sum)) != 0 {
			t.Errorf("%s - -%s = %s", c.a, c.b, got)
		}
		if got := a.Mul(b); got.Rat().Cmp(rat(t, c.prod)) != 0 {
			t.Errorf("%s × %s = %s, want %s", c.a, c.b, got, c.prod)
		}
	}
	if v := valueOf(t, "10^30").Add(Int(1)).Sub(Int(1)); v.b != nil {
		t.Error("big mantissa kept after it fits again")
	}
}

// valueOf accepts "10^n" and big.Rat decimal text.
func valueOf(t *testing.T, s string) Value {
	t.Helper()
	if v, err := ParseValue(s); err == nil {
		return v
	}
	return ratValue(t, rat(t, s))
}

// ratValue converts a terminating decimal fraction.
func ratValue(t *testing.T, r *big.Rat) Value {
	t.Helper()
	x := new(big.Rat).Set(r)
	for k := 0; k < 400; k++ {
		if x.IsInt() {
			return NewValue(x.Num(), -k)
		}
		x.Mul(x, big.NewRat(10, 1))
	}
	t.Fatalf("%s is not a terminating decimal", r)
	return Value{}
}

func TestRatio10(t *testing.T) {
	cases := []struct {
		a, b string
		n    int
		ok   bool
	}{
		{"10^18", "100亿", 8, true},
		{"100亿", "10^18", -8, true},
		{"6E", "", 0, false},
		{"600亿亿", "6000P", 0, false}, // ParseValue reads 6000 only
		{"1.8万", "18", 3, true},
		{"3", "4", 0, false},
		{"0", "0", 0, false},
		{"-5", "5", 0, false},
		{"-50", "-5", 1, true},
		{"123456789012345678901234567890", "12345678901234567890123456789", 1, true},
		{"123456789012345678901234567890", "5", 0, false},
	}
	for _, c := range cases {
		a, errA := ParseValue(c.a)
		b, errB := ParseValue(c.b)
		if errA != nil || errB != nil {
			continue // not values; covered elsewhere
		}
		n, ok := Ratio10(a, b)
		if n != c.n || ok != c.ok {
			t.Errorf("Ratio10(%s, %s) = %d %v, want %d %v", c.a, c.b, n, ok, c.n, c.ok)
		}
	}
}

func TestValueLog10Pow10(t *testing.T) {
	for _, c := range []struct {
		s   string
		log int
		pow int
		ok  bool
	}{
		{"1", 0, 0, true}, {"10^18", 18, 18, true}, {"6×10^18", 18, 0, false},
		{"0.001", -3, -3, true}, {"0.0015", -3, 0, false}, {"9999", 3, 0, false},
		{"18446744073709551615", 19, 0, false}, {"99999999999999999999", 19, 0, false},
		{"100000000000000000001", 20, 0, false}, {"-100", 2, 0, false},
	} {
		v := mustValue(t, c.s)
		if got := v.Log10(); got != c.log {
			t.Errorf("Log10(%s) = %d, want %d", c.s, got, c.log)
		}
		if n, ok := v.Pow10(); n != c.pow || ok != c.ok {
			t.Errorf("Pow10(%s) = %d %v", c.s, n, ok)
		}
	}
	if Int(0).Log10() != math.MinInt {
		t.Error("Log10(0)")
	}
	// digits() for big mantissas near powers of ten.
	for n := 19; n < 60; n++ {
		p := pow10Big(n)
		below := mkBig(false, new(big.Int).Sub(p, big.NewInt(1)), 0)
		if got := below.digits(); got != n {
			t.Errorf("digits(10^%d-1) = %d", n, got)
		}
		above := mkBig(false, new(big.Int).Add(p, big.NewInt(1)), 0)
		if got := above.digits(); got != n+1 {
			t.Errorf("digits(10^%d+1) = %d", n, got)
		}
	}
}

func TestValueFloat64(t *testing.T) {
	for _, c := range []struct {
		s string
		f float64
	}{
		{"2.65万亿", 2.65e12}, {"47.5", 47.5}, {"-0.001", -0.001}, {"10^18", 1e18},
		{"10^300", 1e300}, {"10^-300", 1e-300}, {"123456789012345678901234567890", 1.2345678901234568e29},
		{"10^999", math.Inf(1)}, {"-10^999", math.Inf(-1)}, {"10^-999", 0},
	} {
		v := valueOf(t, c.s)
		if got := v.Float64(); got != c.f {
			t.Errorf("Float64(%s) = %g, want %g", c.s, got, c.f)
		}
	}
}

func TestValueString(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"2.65万亿", "2650000000000"}, {"0.5", "0.5"}, {"-47.5", "-47.5"},
		{"0.000001", "0.000001"}, {"123.456", "123.456"}, {"1,040", "1040"},
	} {
		if got := mustValue(t, c.in).String(); got != c.out {
			t.Errorf("String(%s) = %s, want %s", c.in, got, c.out)
		}
	}
}
