package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// gbString converts UTF-8 to GB18030 bytes for building test inputs.
func gb(t testing.TB, s string) []byte {
	t.Helper()
	b, err := Encode([]byte(s), GB18030)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSampleFiles(t *testing.T) {
	sample := readTestdata(t, "sample.txt")
	crlf := bytes.ReplaceAll(sample, []byte("\n"), []byte("\r\n"))
	cases := []struct {
		file string
		enc  Encoding
		want []byte
	}{
		{"sample.txt", UTF8, sample},
		{"sample.crlf.txt", UTF8, crlf},
		{"sample.gb18030.txt", GB18030, sample},
		{"sample.utf16le-bom.txt", UTF16LEBOM, sample},
		{"sample.utf16be-bom.txt", UTF16BEBOM, sample},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			raw := readTestdata(t, c.file)
			if got := Detect(raw); got != c.enc {
				t.Fatalf("Detect = %v, want %v", got, c.enc)
			}
			text, err := Decode(raw, c.enc)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(text, c.want) {
				t.Fatalf("decoded text differs from the UTF-8 original")
			}
			back, err := Encode(text, c.enc)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(back, raw) {
				t.Fatalf("Encode(Decode(raw)) != raw")
			}
			if c.file == "sample.crlf.txt" && Newline(text) != "\r\n" {
				t.Errorf("Newline = %q, want CRLF", Newline(text))
			}
		})
	}
}

// Every encoding, with and without BOM, LF and CRLF: encode the sample,
// detect (where detectable), decode and encode again.
func TestRoundTripAllEncodings(t *testing.T) {
	sample := readTestdata(t, "sample.txt")
	// GBK cannot hold U+25B6; use a variant without it for GBK.
	gbkSafe := bytes.ReplaceAll(sample, []byte("▶"), []byte(">"))
	for e := range numEncodings {
		for _, nl := range []string{"\n", "\r\n"} {
			text := sample
			if e == GBK {
				text = gbkSafe
			}
			text = bytes.ReplaceAll(text, []byte("\n"), []byte(nl))
			raw, err := Encode(text, e)
			if err != nil {
				t.Fatalf("%v: %v", e, err)
			}
			if e.HasBOM() && !hasPrefix(raw, e.BOM()) {
				t.Errorf("%v: BOM not written as expected", e)
			}
			got, err := Decode(raw, e)
			if err != nil {
				t.Fatalf("%v: %v", e, err)
			}
			if !bytes.Equal(got, text) {
				t.Fatalf("%v %q: decode(encode(text)) != text", e, nl)
			}
			again, _ := Encode(got, e)
			if !bytes.Equal(again, raw) {
				t.Fatalf("%v %q: encode(decode(raw)) != raw", e, nl)
			}
			want := e
			switch e {
			case UTF16LE, UTF16BE:
				want = -1 // not detectable without BOM
			case GBK:
				want = GB18030 // GB18030 is a superset
			}
			if want >= 0 {
				if d := Detect(raw); d != want {
					t.Errorf("%v %q: Detect = %v, want %v", e, nl, d, want)
				}
			}
			if Newline(got) != nl {
				t.Errorf("%v: Newline = %q, want %q", e, Newline(got), nl)
			}
		}
	}
}

func TestGB18030MatchesReference(t *testing.T) {
	sample := readTestdata(t, "sample.txt")
	ref := readTestdata(t, "sample.gb18030.txt")
	got, err := Encode(sample, GB18030)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, ref) {
		t.Fatal("GB18030 encoding differs from the iconv reference")
	}
	// The same bytes decode as GBK too, since the sample has no four-byte
	// characters... except ▶, which GBK lacks.
	if _, err := Decode(ref, GBK); err == nil {
		t.Fatal("GBK decode of a GB18030 file with ▶ should fail")
	}
}

func TestDecodeErrors(t *testing.T) {
	zhong := gb(t, "中文") // D6 D0 CE C4
	cases := []struct {
		name   string
		raw    []byte
		enc    Encoding
		offset int
		line   int
		reason string
	}{
		{"utf8 bad byte", []byte("abc\xffdef"), UTF8, 3, 1, "invalid UTF-8"},
		{"utf8 second line", []byte("ab\ncd\xc3("), UTF8, 5, 2, "C3 28"},
		{"utf8 truncated", []byte("ab\xe4\xb8"), UTF8, 2, 1, "truncated"},
		{"utf8 surrogate", []byte("a\xed\xa0\x80"), UTF8, 1, 1, "invalid UTF-8"},
		{"utf8 overlong", []byte("a\xc0\xaf"), UTF8, 1, 1, "invalid UTF-8"},
		{"utf8bom offset counts bom", []byte("\xef\xbb\xbfab\xff"), UTF8BOM, 5, 1, "invalid UTF-8"},
		{"utf8bom missing", []byte("ab"), UTF8BOM, 0, 1, "missing byte order mark"},
		{"utf16le odd", []byte("\xff\xfeA\x00B"), UTF16LEBOM, 4, 1, "odd number"},
		{"utf16le lone high", []byte("\xff\xfeA\x00\x00\xd8A\x00"), UTF16LEBOM, 4, 1, "unpaired surrogate D800"},
		{"utf16le high at end", []byte("\xff\xfe\n\x00\x00\xd8"), UTF16LEBOM, 4, 2, "unpaired surrogate"},
		{"utf16le lone low", []byte("\xff\xfe\x00\xdc"), UTF16LEBOM, 2, 1, "unpaired surrogate DC00"},
		{"utf16be lone low", []byte("\xfe\xff\x00A\xdc\x00"), UTF16BEBOM, 4, 1, "unpaired surrogate DC00"},
		{"utf16be missing bom", []byte("\x00A"), UTF16BEBOM, 0, 1, "missing byte order mark"},
		{"utf16be no bom odd", []byte("\x00A\x00"), UTF16BE, 2, 1, "odd number"},
		{"gb18030 ff", append(append([]byte{}, zhong...), 0xFF, 'a'), GB18030, 4, 1, "invalid byte sequence FF"},
		{"gb18030 bad trail", append([]byte("x\n"), 0xD6, 0x20), GB18030, 2, 2, "invalid byte sequence D6 20"},
		{"gb18030 truncated", append(append([]byte{}, zhong...), 0xD6), GB18030, 4, 1, "truncated"},
		{"gb18030 truncated 4-byte", []byte{'a', 0x81, 0x30, 0x81}, GB18030, 1, 1, "truncated"},
		{"gb18030 bad 4-byte", []byte{'a', 0x81, 0x30, 0x81, 0x20}, GB18030, 1, 1, "invalid byte sequence"},
		{"gb18030 lone 0x80", []byte{'a', 0x80}, GB18030, 1, 1, "invalid"},
		{"gb18030 non-canonical A3A0", []byte{'a', 0xA3, 0xA0}, GB18030, 1, 1, "writes back differently"},
		{"gb18030 unmapped user area", []byte{0xA1, 0x40}, GB18030, 0, 1, "invalid byte sequence A1 40"},
		{"gbk non-canonical euro", []byte{0xA2, 0xE3}, GBK, 0, 1, "U+20AC"},
		{"gbk no 4-byte", []byte{0x81, 0x30, 0x81, 0x30}, GBK, 0, 1, "invalid byte sequence 81 30"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := Decode(c.raw, c.enc)
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode = %q, %v; want *DecodeError", out, err)
			}
			if out != nil {
				t.Errorf("output on error: %q", out)
			}
			if de.Offset != c.offset || de.Line != c.line || de.Encoding != c.enc.String() {
				t.Errorf("got offset %d line %d enc %s, want %d %d %s", de.Offset, de.Line, de.Encoding, c.offset, c.line, c.enc)
			}
			if !strings.Contains(de.Error(), c.reason) || !strings.Contains(de.Error(), "offset") {
				t.Errorf("message %q lacks %q", de.Error(), c.reason)
			}
		})
	}
}

func TestGBKEuroSingleByte(t *testing.T) {
	// Code page 936 writes the euro sign as 0x80; GBK must round-trip it.
	out, err := Decode([]byte{'a', 0x80}, GBK)
	if err != nil || string(out) != "a€" {
		t.Fatalf("Decode = %q, %v", out, err)
	}
	back, err := Encode(out, GBK)
	if err != nil || !bytes.Equal(back, []byte{'a', 0x80}) {
		t.Fatalf("Encode = % X, %v", back, err)
	}
}

func TestEncodeUnrepresentable(t *testing.T) {
	sample := readTestdata(t, "sample.txt")
	cases := []struct {
		text   []byte
		enc    Encoding
		offset int
		r      rune
	}{
		{[]byte("ab😀c"), GBK, 2, '😀'},
		{[]byte("中文\u00e9\U0001F600"), GBK, 8, '😀'}, // é is in GBK
		{[]byte("x\uE5E5"), GBK, 1, '\uE5E5'},
		{sample, GBK, 13908, '▶'},
	}
	for _, c := range cases {
		out, err := Encode(c.text, c.enc)
		var ee *EncodeError
		if !errors.As(err, &ee) {
			t.Fatalf("Encode(%.20q) = %v; want *EncodeError", c.text, err)
		}
		if out != nil {
			t.Errorf("output written despite error")
		}
		if ee.Offset != c.offset || ee.Rune != c.r || ee.Invalid {
			t.Errorf("got offset %d rune %q, want %d %q", ee.Offset, ee.Rune, c.offset, c.r)
		}
		if !strings.Contains(ee.Error(), "gbk cannot represent") || !strings.Contains(ee.Error(), fmt.Sprintf("%U", c.r)) {
			t.Errorf("message: %s", ee.Error())
		}
	}
	// GB18030 and UTF-16 hold everything, including astral characters.
	for _, e := range []Encoding{GB18030, UTF16LEBOM, UTF16BE, UTF8BOM} {
		s := []byte("ab😀c\u00e9\uFFFD")
		raw, err := Encode(s, e)
		if err != nil {
			t.Fatalf("%v: %v", e, err)
		}
		back, err := Decode(raw, e)
		if err != nil || !bytes.Equal(back, s) {
			t.Fatalf("%v: %q %v", e, back, err)
		}
	}
	// Invalid UTF-8 is refused for every encoding.
	for e := range numEncodings {
		_, err := Encode([]byte("ok\xff"), e)
		var ee *EncodeError
		if !errors.As(err, &ee) || !ee.Invalid || ee.Offset != 2 {
			t.Errorf("%v: Encode(invalid) = %v", e, err)
		}
	}
}

func TestDetect(t *testing.T) {
	latin1 := func(s string) []byte {
		var b []byte
		for _, r := range s {
			if r > 0xFF {
				panic("not latin-1")
			}
			b = append(b, byte(r))
		}
		return b
	}
	cp1252Quotes := []byte("He said \x93hello\x94 and left\x85")
	cases := []struct {
		name string
		raw  []byte
		want Encoding
	}{
		{"empty", nil, UTF8},
		{"short ascii", []byte("ok"), UTF8},
		{"ascii line", []byte("hello, world\n"), UTF8},
		{"utf-8 chinese", []byte("中文文本，测试。"), UTF8},
		{"utf-8 that also decodes as gb18030", []byte("\u00e4\u00b8\u00ad"), UTF8},
		{"utf-8 bom", []byte("\xef\xbb\xbfhi"), UTF8BOM},
		{"utf-16le bom", []byte("\xff\xfeh\x00"), UTF16LEBOM},
		{"utf-16be bom", []byte("\xfe\xff\x00h"), UTF16BEBOM},
		{"gbk two chars", gb(t, "中文"), GB18030},
		{"gbk sentence", gb(t, "这是一个测试，看看能否识别。\r\n第二行。"), GB18030},
		{"gbk with ascii", gb(t, "Go 语言 test 中文 v1.2"), GB18030},
		{"latin-1 french", latin1("Le café est très chaud, à l'été."), UTF8},
		{"latin-1 german", latin1("Die Größe der Straße ist schön für alle Bürger."), UTF8},
		{"latin-1 one word", latin1("Größe"), UTF8},
		{"latin-1 naive", latin1("naïve"), UTF8},
		{"latin-1 caps pair", latin1("ÀÉ"), UTF8},
		{"cp1252 quotes", cp1252Quotes, UTF8},
		{"gbk single isolated han", gb(t, "Price: 5元"), UTF8},
	}
	for _, c := range cases {
		if got := Detect(c.raw); got != c.want {
			t.Errorf("%s: Detect(% X) = %v, want %v", c.name, c.raw, got, c.want)
		}
	}
}

// A GBK file damaged late must be reported at the damage, not at its first
// Han character.
func TestDetectDamagedGB(t *testing.T) {
	ref := readTestdata(t, "sample.gb18030.txt")
	raw := bytes.Clone(ref)
	// Find a two-byte Han character well into the file and cut it in half.
	at := 10000
	for raw[at] < 0xB0 || raw[at+1] < 0xA1 {
		at++
	}
	raw[at+1] = ' '
	if got := Detect(raw); got != GB18030 {
		t.Fatalf("Detect = %v, want gb18030", got)
	}
	_, err := Decode(raw, GB18030)
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatal(err)
	}
	// The character may have been joined with its predecessor's trail; the
	// first bad offset is at or just before the damaged byte.
	if de.Offset < at-2 || de.Offset > at {
		t.Fatalf("offset %d, damage at %d (%v)", de.Offset, at, err)
	}
}

func TestLookup(t *testing.T) {
	for in, want := range map[string]Encoding{
		"utf-8": UTF8, "UTF8": UTF8, "utf-8-bom": UTF8BOM, "utf_8_sig": UTF8BOM,
		"utf-16le": UTF16LE, "UTF-16BE": UTF16BE, "utf-16le-bom": UTF16LEBOM, "utf-16be-bom": UTF16BEBOM,
		"gb18030": GB18030, "GBK": GBK, "cp936": GBK, "gb2312": GBK, " gbk ": GBK,
	} {
		got, err := Lookup(in)
		if err != nil || got != want {
			t.Errorf("Lookup(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for e := range numEncodings {
		if got, err := Lookup(e.String()); err != nil || got != e {
			t.Errorf("Lookup(%q) = %v, %v", e.String(), got, err)
		}
	}
	_, err := Lookup("latin-1")
	if err == nil || !strings.Contains(err.Error(), `"latin-1"`) || !strings.Contains(err.Error(), "utf-8, utf-8-bom, utf-16le") || !strings.Contains(err.Error(), "gbk") {
		t.Errorf("Lookup(latin-1) error = %v", err)
	}
}

func TestMatchBOM(t *testing.T) {
	cases := []struct {
		enc  Encoding
		raw  string
		want Encoding
	}{
		{UTF8, "\xef\xbb\xbfx", UTF8BOM},
		{UTF8BOM, "x", UTF8},
		{UTF8, "x", UTF8},
		{UTF16LE, "\xff\xfex\x00", UTF16LEBOM},
		{UTF16LEBOM, "x\x00", UTF16LE},
		{UTF16BE, "\xfe\xff\x00x", UTF16BEBOM},
		{UTF16BE, "\xff\xfex\x00", UTF16BE},
		{GBK, "\xef\xbb\xbf", GBK},
	}
	for _, c := range cases {
		if got := c.enc.MatchBOM([]byte(c.raw)); got != c.want {
			t.Errorf("%v.MatchBOM(%q) = %v, want %v", c.enc, c.raw, got, c.want)
		}
	}
	// Without MatchBOM a BOM-less encoding keeps the BOM as U+FEFF, and
	// still round-trips.
	raw := []byte("\xef\xbb\xbfhi")
	text, err := Decode(raw, UTF8)
	if err != nil || string(text) != "\uFEFFhi" {
		t.Fatalf("%q %v", text, err)
	}
	if back, _ := Encode(text, UTF8); !bytes.Equal(back, raw) {
		t.Fatal("round trip lost the BOM")
	}
}

func TestNewline(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "\n",
		"no breaks":        "\n",
		"a\nb\n":           "\n",
		"a\r\nb\r\n":       "\r\n",
		"a\rb\r":           "\r",
		"a\r\nb\nc\r\n":    "\r\n",
		"a\nb\r\n":         "\n", // tie: first wins
		"a\r\nb\n":         "\r\n",
		"a\n\r\n\r\n\r\rx": "\r\n",
	} {
		if got := Newline([]byte(in)); got != want {
			t.Errorf("Newline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksBinary(t *testing.T) {
	sample := readTestdata(t, "sample.txt")
	cases := []struct {
		name string
		raw  []byte
		want bool
	}{
		{"empty", nil, false},
		{"sample", sample, false},
		{"sample gb18030", readTestdata(t, "sample.gb18030.txt"), false},
		{"sample utf-16le", readTestdata(t, "sample.utf16le-bom.txt"), false},
		{"sample utf-16be", readTestdata(t, "sample.utf16be-bom.txt"), false},
		{"ansi colours", []byte("\x1b[31mred\x1b[0m\n\f"), false},
		{"nul", []byte("abc\x00def"), true},
		{"late nul", append(bytes.Repeat([]byte("a"), 100000), 0), true},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), true},
		{"utf-16 without bom", []byte("h\x00i\x00"), true},
		{"utf-16 bom with nul unit", []byte("\xff\xfeh\x00\x00\x00"), true},
		{"controls", []byte("a\x01b\x02c\x03d\x04"), true},
		{"one stray control", append(bytes.Repeat([]byte("text "), 100), 0x01), false},
	}
	for _, c := range cases {
		if got := LooksBinary(c.raw); got != c.want {
			t.Errorf("%s: LooksBinary = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestNames(t *testing.T) {
	if Encoding(99).String() != "encoding(99)" || UTF8.String() != "utf-8" {
		t.Error("String")
	}
	// x/text maps private-use characters ambiguously in GB18030; Encode
	// must refuse rather than write bytes that decode differently.
	_, err := Encode([]byte("ab\uE000"), GB18030)
	var ee *EncodeError
	if !errors.As(err, &ee) || ee.Offset != 2 || ee.Rune != 0xE000 {
		t.Errorf("Encode(U+E000, gb18030) = %v", err)
	}
	if _, err := Decode(nil, Encoding(99)); err == nil {
		t.Error("Decode accepted an unknown encoding")
	}
	if _, err := Encode(nil, Encoding(-1)); err == nil {
		t.Error("Encode accepted an unknown encoding")
	}
}

// A UTF-8 file damaged anywhere must stay UTF-8, with the error at the
// damage, rather than being taken for GB18030.
func TestDetectDamagedUTF8(t *testing.T) {
	sample := readTestdata(t, "sample.txt")
	for at := 0; at < len(sample); at += 97 {
		raw := bytes.Clone(sample)
		raw[at] = 0xFF
		if got := Detect(raw); got != UTF8 {
			t.Fatalf("damage at %d: Detect = %v", at, got)
		}
		_, err := Decode(raw, UTF8)
		var de *DecodeError
		if !errors.As(err, &de) || de.Offset > at || de.Offset < at-3 {
			t.Fatalf("damage at %d: %v", at, err)
		}
	}
}
