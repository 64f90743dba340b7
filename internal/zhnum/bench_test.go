package zhnum

import (
	"os"
	"path/filepath"
	"testing"
)

func loadProse(tb testing.TB) string {
	b, err := os.ReadFile(filepath.Join("testdata", "prose.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// scan is how a rule walks a document: try every byte offset, skip numbers.
func scan(s string) (numbers int) {
	for i := 0; i < len(s); {
		if _, size := Parse(s, i); size > 0 {
			numbers++
			i += size
			continue
		}
		i++
	}
	return numbers
}

// scanInline uses the inlinable StartsNumber probe before calling Parse.
func scanInline(s string) (numbers int) {
	for i := 0; i < len(s); {
		if StartsNumber(s, i) {
			if _, size := Parse(s, i); size > 0 {
				numbers++
				i += size
				continue
			}
		}
		i++
	}
	return numbers
}

func BenchmarkScanProse(b *testing.B) {
	s := loadProse(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		scan(s)
	}
}

func BenchmarkScanProseInline(b *testing.B) {
	s := loadProse(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		scanInline(s)
	}
}

func BenchmarkScanQuantity(b *testing.B) {
	s := loadProse(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < len(s); {
			if _, size := ParseQuantity(s, i); size > 0 {
				i += size
				continue
			}
			i++
		}
	}
}

func BenchmarkParseReject(b *testing.B) {
	s := "的"
	for b.Loop() {
		Parse(s, 0)
	}
}

func BenchmarkParse(b *testing.B) {
	for _, s := range []string{"2023年", "2.65万亿元", "10亿零817万5288人", "三千零五十二", "一九九〇年", "十万亿亿零一", "1,040.5"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Parse(s, 0)
			}
		})
	}
}

// TestParseAllocs: the common path must not allocate.
func TestParseAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation allocates")
	}
	for _, s := range []string{"的", "2023年", "2.65万亿元", "10亿零817万5288人", "三千零五十二", "一九九〇年",
		"百亿亿", "47.5%", "680多家", "1,040", "6E(1E=100亿)次", "20 EFLOPS", "10兆瓦", "3兆元"} {
		if n := testing.AllocsPerRun(100, func() { Parse(s, 0); ParseQuantity(s, 0) }); n != 0 {
			t.Errorf("%q: %v allocations", s, n)
		}
	}
	s := loadProse(t)
	if n := testing.AllocsPerRun(5, func() { scan(s) }); n != 0 {
		t.Errorf("scan: %v allocations", n)
	}
}

func BenchmarkStartsNumber(b *testing.B) {
	s := "的"
	for b.Loop() {
		StartsNumber(s, 0)
	}
}
