package dedup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeTable(t *testing.T) {
	cases := []struct {
		in   string
		f    Fold
		want string
	}{
		{"", 0, ""},
		{"近年来，中共湖北省委、省政府", 0, "近年来中共湖北省委省政府"},
		{"ＡＢＣ１２３ａｂｃ", 0, "abc123abc"},
		{"数字经济“15条”", 0, "数字经济15条"},
		{"Hello, World!  It's 2024.", 0, "helloworldits2024"},
		{"Hello, World!  It's 2024.", WordBreaks, "hello world it s 2024"},
		{"增长5.2%，达到1,040亿元", FoldDigits, "增长00达到0000亿元"},
		{"增长5.2%，达到1,040亿元", FoldDigitRuns, "增长0达到0亿元"},
		{"一八四○年　以后", 0, "一八四年以后"}, // ○ U+25CB is a symbol, 〇 U+3007 a number
		{"一八四〇年", 0, "一八四〇年"},
		{"第十三届第1次", FoldDigitRuns | FoldHanNumerals, "第0届第0次"},
		{"二〇二四年统一", FoldDigits | FoldHanNumerals, "0000年统0"},
		{"第十三届", FoldHanNumerals, "第十三届"},
		{"党组(扩大)会议【注】", 0, "党组扩大会议注"},
		{"①②　Ⅱ期", 0, "12ii期"},
		{"café CAFÉ", 0, "cafecafe"},
		{"ﬁle", 0, "file"},
		{"𠀀𪚥", 0, "𠀀𪚥"},
		{"\u8c48\uf900", 0, "\u8c48\u8c48"}, // compatibility ideograph folds to the unified one
		{"5G基站，AI模型", WordBreaks, "5g基站ai模型"},
		{"中文 English mixed 文本", WordBreaks, "中文english mixed文本"},
		{"bad\xffutf8", 0, "badutf8"},
		{"emoji😀ok", 0, "emojiok"},
		{"Straße", 0, "straße"},
	}
	for _, tc := range cases {
		got := string(Normalize(tc.in, tc.f))
		if got != tc.want {
			t.Errorf("Normalize(%q, %v) = %q, want %q", tc.in, tc.f, got, tc.want)
		}
		k, offs := NormalizeOffsets(tc.in, tc.f)
		if string(k) != got || len(offs) != len(k) {
			t.Errorf("NormalizeOffsets(%q) = %q (%d offsets)", tc.in, string(k), len(offs))
		}
		checkOffsets(t, tc.in, k, offs)
	}
}

// checkOffsets verifies that offsets are rune starts, never decrease, and
// that a Han or ASCII key rune is found at its offset (possibly folded).
func checkOffsets(t *testing.T, s string, key []rune, offs []int32) {
	t.Helper()
	prev := int32(0)
	for i, o := range offs {
		if o < prev || int(o) >= len(s) || !utf8.RuneStart(s[o]) {
			t.Fatalf("%q: offset %d of key rune %d (%q) is bad", s, o, i, key[i])
		}
		prev = o
		src, _ := utf8.DecodeRuneInString(s[o:])
		switch {
		case key[i] == ' ', key[i] == '0':
		case IsHan(key[i]) && src >= 0x4E00 && src <= 0x9FFF:
			if src != key[i] {
				t.Fatalf("%q: key rune %q maps to %q", s, key[i], src)
			}
		case key[i] < 0x80 && src < 0x80:
			if strings.ToLower(string(src)) != string(key[i]) {
				t.Fatalf("%q: key rune %q maps to %q", s, key[i], src)
			}
		}
	}
}

func TestKeySpanMapsBack(t *testing.T) {
	src := "近年来，中共湖北省委、省政府将数字经济放在全局突出位置。"
	key, offs := NormalizeOffsets(src, 0)
	// Find 湖北省委省政府 in key space and map it back.
	sub := []rune("湖北省委省政府")
	at := strings.Index(string(key), string(sub))
	i := utf8.RuneCountInString(string(key)[:at])
	s, e := KeySpan(src, offs, i, i+len(sub))
	if got := src[s:e]; got != "湖北省委、省政府" {
		t.Fatalf("KeySpan = %q", got)
	}
	s, e = KeySpan(src, offs, 0, len(key))
	if got := src[s:e]; got != strings.TrimSuffix(src, "。") {
		t.Fatalf("KeySpan(all) = %q", got)
	}
	// Offsets relative to a larger source.
	k2, o2 := AppendKeyOffsets(nil, nil, "数字", 100, 0)
	if string(k2) != "数字" || o2[0] != 100 || o2[1] != 103 {
		t.Fatalf("AppendKeyOffsets = %q %v", string(k2), o2)
	}
}

func TestNormalizeCorpusOffsets(t *testing.T) {
	for _, p := range loadCorpus(t).paragraphs {
		for _, f := range []Fold{0, FoldDigits, FoldDigitRuns, WordBreaks} {
			k, offs := NormalizeOffsets(p, f)
			checkOffsets(t, p, k, offs)
			if string(k) != string(Normalize(p, f)) {
				t.Fatalf("Normalize and NormalizeOffsets disagree on %q", p)
			}
		}
	}
}

func TestKeyHash(t *testing.T) {
	a := HashString("近年来，中共湖北省委", 0)
	b := KeyHash(Normalize("近年来中共 湖北省委。", 0))
	if a != b {
		t.Fatal("equal keys hash differently")
	}
	if HashString("湖北省委", 0) == a {
		t.Fatal("different keys hash equal")
	}
	// Pinned so that a change of the key encoding (which would invalidate
	// stored signatures) is noticed.
	if got := KeyHash([]rune("abc")); got != 0x713478f456faff87 {
		t.Errorf("KeyHash(abc) = %#x", got)
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("近年来，中共湖北省委、省政府", uint8(0))
	f.Add("ＡＢＣ１２３ Hello, World! 5.2%", uint8(7))
	f.Add("bad\xffutf8①ﬁ", uint8(4))
	f.Fuzz(func(t *testing.T, s string, fl uint8) {
		f := Fold(fl & 15)
		k, offs := NormalizeOffsets(s, f)
		if len(k) != len(offs) {
			t.Fatal("length mismatch")
		}
		prev := int32(0)
		for _, o := range offs {
			if o < prev || int(o) >= len(s) {
				t.Fatalf("bad offset %d", o)
			}
			prev = o
		}
		if string(Normalize(s, f)) != string(k) {
			t.Fatal("Normalize and NormalizeOffsets disagree")
		}
		// The key is a fixed point (without digit-run folding, which is not
		// idempotent for separate numbers).
		if f&(FoldDigitRuns|WordBreaks|FoldHanNumerals) == 0 {
			if k2 := Normalize(string(k), f); string(k2) != string(k) {
				t.Fatalf("not idempotent: %q -> %q", string(k), string(k2))
			}
		}
	})
}
