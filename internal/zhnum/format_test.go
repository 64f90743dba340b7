package zhnum

import "testing"

func TestPow10Zh(t *testing.T) {
	want := map[int]string{
		-1: "", 0: "一", 1: "十", 2: "百", 3: "千", 4: "万", 5: "十万", 6: "百万", 7: "千万",
		8: "亿", 9: "十亿", 10: "百亿", 11: "千亿", 12: "万亿", 15: "千万亿", 16: "亿亿",
		18: "百亿亿", 20: "万亿亿", 21: "十万亿亿", 24: "亿亿亿", 27: "千亿亿亿", 30: "百万亿亿亿",
		32: "亿亿亿亿",
	}
	for n, w := range want {
		if got := Pow10Zh(n); got != w {
			t.Errorf("Pow10Zh(%d) = %q, want %q", n, got, w)
		}
	}
	// Every reading parses back to its power.
	for n := 0; n <= 64; n++ {
		v, size := Parse(Pow10Zh(n), 0)
		if size != len(Pow10Zh(n)) || !v.Value.Equal(Pow10(n)) {
			t.Errorf("Parse(Pow10Zh(%d) = %q) = %s (%d bytes)", n, Pow10Zh(n), v.Value, size)
		}
	}
}

func TestFormatZh(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"10^18", "100亿亿"}, {"2.65万亿", "2.65万亿"}, {"10^15", "1000万亿"}, {"6×10^18", "600亿亿"},
		{"10^21", "10万亿亿"}, {"10^24", "1亿亿亿"}, {"10^27", "1000亿亿亿"}, {"10^30", "100万亿亿亿"},
		{"10^10", "100亿"}, {"10^4", "1万"}, {"9999", "9999"}, {"12345", "1.2345万"},
		{"1008175288", "10.08175288亿"}, {"0.5", "0.5"}, {"0", "0"}, {"-3e7", "-3000万"},
	} {
		v := valueOf(t, c.in)
		if got := FormatZh(v); got != c.out {
			t.Errorf("FormatZh(%s) = %q, want %q", c.in, got, c.out)
		}
	}
}

func TestFormatPow(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"10^18", "10^18"}, {"6e18", "6×10^18"}, {"2.65e12", "2.65×10^12"}, {"0.5", "5×10^-1"},
		{"0.001", "10^-3"}, {"6", "6"}, {"4.5", "4.5"}, {"1", "1"}, {"10", "10^1"}, {"0", "0"},
		{"-1e10", "-10^10"}, {"1008175288", "1.008175288×10^9"},
	} {
		v := valueOf(t, c.in)
		if got := FormatPow(v); got != c.out {
			t.Errorf("FormatPow(%s) = %q, want %q", c.in, got, c.out)
		}
	}
}

// TestFormatRoundTrip: what FormatZh and FormatPow write, Parse reads back.
func TestFormatRoundTrip(t *testing.T) {
	vals := []string{"1", "0.5", "10^18", "6e18", "2.65e12", "1008175288", "-3e7", "123456789012345678901234567890",
		"1e-30", "99999", "100000001", "1.000001e40", "7e99"}
	for _, s := range vals {
		v := valueOf(t, s)
		for _, text := range []string{FormatZh(v), FormatPow(v)} {
			n, size := ParseSigned(text, 0)
			if size != len(text) || !n.Value.Equal(v) {
				t.Errorf("%s → %q → %s (%d of %d bytes)", s, text, n.Value, size, len(text))
			}
		}
	}
}
