package textenc

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzDetectDecode checks that detection and decoding never panic, that a
// successful Decode is lossless for every encoding (Encode(Decode(x)) == x,
// BOM included), and that Encode output decodes back to the text.
func FuzzDetectDecode(f *testing.F) {
	for _, name := range []string{"sample.gb18030.txt", "sample.utf16le-bom.txt"} {
		b := readTestdata(f, name)
		f.Add(b[:min(len(b), 512)])
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		_ = LooksBinary(raw)
		_ = Newline(raw)
		det := Detect(raw)
		if det < 0 || det >= numEncodings {
			t.Fatalf("Detect returned %d", det)
		}
		for e := range numEncodings {
			text, err := Decode(raw, e)
			if err != nil {
				var de *DecodeError
				if !errors.As(err, &de) {
					t.Fatalf("%v: error %T %v", e, err, err)
				}
				if de.Offset < 0 || de.Offset > len(raw) || de.Line < 1 {
					t.Fatalf("%v: bad offset in %v (len %d)", e, err, len(raw))
				}
				continue
			}
			if !utf8.Valid(text) {
				t.Fatalf("%v: Decode produced invalid UTF-8", e)
			}
			back, err := Encode(text, e)
			if err != nil {
				t.Fatalf("%v: Encode(Decode(x)) failed: %v", e, err)
			}
			if !bytes.Equal(back, raw) {
				t.Fatalf("%v: Encode(Decode(x)) = % X, want % X", e, back, raw)
			}
		}
		// Treat the input as text to write.
		for e := range numEncodings {
			out, err := Encode(raw, e)
			if err != nil {
				var ee *EncodeError
				if !errors.As(err, &ee) || ee.Offset < 0 || ee.Offset >= len(raw) {
					t.Fatalf("%v: Encode error %v", e, err)
				}
				continue
			}
			text, err := Decode(out, e)
			if err != nil || !bytes.Equal(text, raw) {
				t.Fatalf("%v: Decode(Encode(x)) = %q, %v", e, text, err)
			}
		}
	})
}
