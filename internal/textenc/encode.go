package textenc

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// EncodeError reports the first character of the UTF-8 text that cannot be
// written in Encoding (or the first invalid UTF-8 byte, with Rune set to
// utf8.RuneError).
type EncodeError struct {
	Offset   int    // byte offset into the UTF-8 text
	Rune     rune   // the character that cannot be represented
	Encoding string // canonical encoding name
	Invalid  bool   // the text itself is not valid UTF-8 at Offset
}

func (e *EncodeError) Error() string {
	if e.Invalid {
		return fmt.Sprintf("cannot encode as %s: text is not valid UTF-8 at byte offset %d", e.Encoding, e.Offset)
	}
	return fmt.Sprintf("%s cannot represent %q (%U) at byte offset %d of the text", e.Encoding, e.Rune, e.Rune, e.Offset)
}

// Encode converts UTF-8 text to enc, writing the BOM of the *BOM encodings.
// If some character cannot be represented (many in GBK; in GB18030 only
// private-use characters the x/text tables do not round-trip) or text is
// not valid UTF-8, it returns a *EncodeError for the first one and no
// output: callers must then leave the file alone.
func Encode(text []byte, enc Encoding) ([]byte, error) {
	if enc < 0 || enc >= numEncodings {
		return nil, fmt.Errorf("textenc: unknown encoding %d", int(enc))
	}
	if i := firstInvalidUTF8(text); i >= 0 {
		return nil, &EncodeError{Offset: i, Rune: utf8.RuneError, Encoding: enc.String(), Invalid: true}
	}
	switch enc {
	case UTF8, UTF8BOM:
		out := make([]byte, 0, len(enc.BOM())+len(text))
		out = append(out, enc.BOM()...)
		return append(out, text...), nil
	case UTF16LE, UTF16LEBOM, UTF16BE, UTF16BEBOM:
		return encodeUTF16(text, enc), nil
	default:
		return encodeGB(text, enc)
	}
}

func encodeUTF16(text []byte, enc Encoding) []byte {
	be := enc == UTF16BE || enc == UTF16BEBOM
	out := make([]byte, 0, len(enc.BOM())+2*len(text))
	out = append(out, enc.BOM()...)
	put := func(u uint16) {
		if be {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	for _, r := range string(text) {
		if r >= 0x10000 {
			hi, lo := utf16.EncodeRune(r)
			put(uint16(hi))
			put(uint16(lo))
		} else {
			put(uint16(r))
		}
	}
	return out
}

// encodeGB encodes and then decodes again: the x/text GB18030 tables send
// about two thousand private-use characters (U+E000..U+F8FF) to byte
// sequences that decode to other characters, so a successful encoder call
// alone does not prove the text will come back. Such characters are reported
// as unrepresentable.
func encodeGB(text []byte, enc Encoding) ([]byte, error) {
	e := gbEncoding(enc)
	out, err := e.NewEncoder().Bytes(text)
	if err == nil {
		back, err := e.NewDecoder().Bytes(out)
		if err == nil && bytes.Equal(back, text) {
			return out, nil
		}
	}
	// Find the culprit rune by rune; only on the failure path.
	en, dec := e.NewEncoder(), e.NewDecoder()
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		ch := text[i : i+n]
		b, err := en.Bytes(ch)
		if err == nil {
			var back []byte
			back, err = dec.Bytes(b)
			if err == nil && !bytes.Equal(back, ch) {
				err = errors.New("does not round-trip")
			}
		}
		if err != nil {
			return nil, &EncodeError{Offset: i, Rune: r, Encoding: enc.String()}
		}
		i += n
	}
	return nil, fmt.Errorf("textenc: cannot encode text as %s", enc)
}
