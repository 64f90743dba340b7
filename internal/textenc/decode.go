package textenc

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// DecodeError reports the first byte of raw input that cannot be decoded
// losslessly in Encoding.
type DecodeError struct {
	Offset   int    // byte offset into the raw input (BOM included)
	Line     int    // 1-based line of Offset, counting LF characters before it
	Encoding string // canonical encoding name
	Reason   string // what is wrong, e.g. "invalid byte sequence C3 28"
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("cannot decode as %s at byte offset %d (line %d): %s", e.Encoding, e.Offset, e.Line, e.Reason)
}

func newDecodeError(raw []byte, enc Encoding, off int, reason string) *DecodeError {
	return &DecodeError{Offset: off, Line: lineAt(raw, enc, off), Encoding: enc.String(), Reason: reason}
}

// lineAt counts LF characters before off. In UTF-16 a LF is a whole code
// unit; in the ASCII-compatible encodings a 0x0A byte is always a LF
// (GB18030 trail bytes are >= 0x30).
func lineAt(raw []byte, enc Encoding, off int) int {
	off = min(off, len(raw))
	switch enc {
	case UTF16LE, UTF16LEBOM, UTF16BE, UTF16BEBOM:
		n := 1
		lo, hi := 0, 1
		if enc == UTF16BE || enc == UTF16BEBOM {
			lo, hi = 1, 0
		}
		for i := 0; i+1 < off; i += 2 {
			if raw[i+lo] == '\n' && raw[i+hi] == 0 {
				n++
			}
		}
		return n
	}
	return 1 + bytes.Count(raw[:off], []byte{'\n'})
}

func hexBytes(b []byte) string {
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%02X", c)
	}
	return sb.String()
}

// Detect guesses the encoding of raw. It never fails: when nothing fits it
// returns UTF8, and Decode then reports where the input stops being UTF-8.
//
// Order of decision:
//  1. a BOM (EF BB BF, FF FE, FE FF) decides;
//  2. valid UTF-8 is UTF-8, even if it would also decode as GB18030;
//  3. GB18030 when the whole input decodes losslessly and the result is
//     plausible Chinese text (see plausibleGB);
//  4. GB18030 also when its decoding fails later in the input than UTF-8's
//     and the part before the failure is plausible, so that the error points
//     at the real damage in a GBK file rather than at its first Han
//     character;
//  5. UTF8 otherwise.
//
// UTF-16 without a BOM is not detected (such files contain NUL bytes and
// LooksBinary reports them); use an explicit encoding for them.
func Detect(raw []byte) Encoding {
	switch {
	case hasPrefix(raw, UTF8BOM.BOM()):
		return UTF8BOM
	case hasPrefix(raw, UTF16LEBOM.BOM()):
		return UTF16LEBOM
	case hasPrefix(raw, UTF16BEBOM.BOM()):
		return UTF16BEBOM
	}
	utf8Bad := firstInvalidUTF8(raw)
	if utf8Bad < 0 {
		return UTF8
	}
	_, err := decodeGB(raw, GB18030)
	if err == nil {
		if plausibleGB(raw) {
			return GB18030
		}
		return UTF8
	}
	if err.Offset > utf8Bad && plausibleGB(raw[:err.Offset]) {
		return GB18030
	}
	return UTF8
}

// plausibleGB is the cheap "does this look like Chinese" score for bytes
// that decode as GB18030. It works on the byte structure only:
//
//   - common: two-byte characters inside the GB 2312 repertoire (lead
//     A1-A9 or B0-F7, trail A1-FE): the frequent Han characters and the
//     full-width punctuation Chinese prose is made of;
//   - rare: every other multi-byte character (GBK extension areas with a
//     trail byte below A1, user-defined rows, four-byte sequences);
//   - runs: Han text comes in runs, so a multi-byte character directly after
//     another one counts as adjacent.
//   - controls: C0 control bytes other than tab, LF, VT, FF, CR.
//
// It is plausible when there is at least one common character, common ones
// are at least 80% of the multi-byte characters, at least half of the
// multi-byte characters are adjacent to a previous one (mean run length of
// 2 or more), and control bytes are under 1% of the characters.
//
// Latin-1 or Windows-1252 text rarely passes: accented letters usually
// precede spaces or punctuation (not valid GB trail bytes), or ASCII letters
// (giving rare GBK-extension characters), and they stand alone rather than
// in runs. The price is that a GBK file with a single isolated Han
// character is not detected; --encoding gbk handles it.
func plausibleGB(raw []byte) bool {
	var common, rare, adjacent, chars, controls int
	prevMulti := false
	for i := 0; i < len(raw); {
		b := raw[i]
		chars++
		if b < 0x80 {
			if b < 0x20 && !(b >= '\t' && b <= '\r') || b == 0x7F {
				controls++
			}
			prevMulti = false
			i++
			continue
		}
		n := gbSeqLen(raw[i:], GB18030)
		if n <= 0 {
			// Only reached for prefixes cut at a bad sequence.
			prevMulti = false
			i++
			continue
		}
		if n == 2 && isGB2312(b, raw[i+1]) {
			common++
		} else {
			rare++
		}
		if prevMulti {
			adjacent++
		}
		prevMulti = true
		i += n
	}
	multi := common + rare
	return common > 0 &&
		common*5 >= multi*4 &&
		adjacent*2 >= multi &&
		controls*100 < chars
}

func isGB2312(lead, trail byte) bool {
	if trail < 0xA1 || trail > 0xFE {
		return false
	}
	return lead >= 0xA1 && lead <= 0xA9 || lead >= 0xB0 && lead <= 0xF7
}

// gbSeqLen returns the length of the GB18030 (or GBK) byte sequence at the
// start of b by its structure alone: 1, 2 or 4; 0 for an invalid sequence;
// -1 for a sequence cut off by the end of input.
func gbSeqLen(b []byte, enc Encoding) int {
	c := b[0]
	if c < 0x80 {
		return 1
	}
	if c == 0x80 {
		if enc == GBK {
			return 1 // code page 936 maps 0x80 to the euro sign
		}
		return 0
	}
	if c == 0xFF {
		return 0
	}
	if len(b) < 2 {
		return -1
	}
	t := b[1]
	switch {
	case t >= 0x40 && t <= 0x7E || t >= 0x80 && t <= 0xFE:
		return 2
	case enc == GB18030 && t >= 0x30 && t <= 0x39:
		if len(b) < 3 {
			return -1
		}
		if b[2] < 0x81 || b[2] > 0xFE {
			return 0
		}
		if len(b) < 4 {
			return -1
		}
		if b[3] < 0x30 || b[3] > 0x39 {
			return 0
		}
		return 4
	}
	return 0
}

func gbEncoding(enc Encoding) encoding.Encoding {
	if enc == GBK {
		return simplifiedchinese.GBK
	}
	return simplifiedchinese.GB18030
}

// decodeGB decodes strictly: the result must encode back to raw exactly.
// x/text maps undecodable bytes to U+FFFD and a few byte pairs to characters
// that encode differently, so the whole result is re-encoded and compared;
// only on a mismatch is the input walked sequence by sequence to find the
// offending offset.
func decodeGB(raw []byte, enc Encoding) ([]byte, *DecodeError) {
	e := gbEncoding(enc)
	out, err := e.NewDecoder().Bytes(raw)
	if err == nil {
		back, err := e.NewEncoder().Bytes(out)
		if err == nil && bytes.Equal(back, raw) {
			return out, nil
		}
	}
	return nil, locateGBError(raw, enc)
}

func locateGBError(raw []byte, enc Encoding) *DecodeError {
	e := gbEncoding(enc)
	dec, en := e.NewDecoder(), e.NewEncoder()
	for i := 0; i < len(raw); {
		if raw[i] < 0x80 {
			i++
			continue
		}
		n := gbSeqLen(raw[i:], enc)
		switch {
		case n < 0:
			return newDecodeError(raw, enc, i, "truncated byte sequence "+hexBytes(raw[i:])+" at end of input")
		case n == 0:
			return newDecodeError(raw, enc, i, "invalid byte sequence "+hexBytes(raw[i:min(i+2, len(raw))]))
		}
		seq := raw[i : i+n]
		out, err := dec.Bytes(seq)
		r, size := utf8.DecodeRune(out)
		if err != nil || size != len(out) {
			return newDecodeError(raw, enc, i, "invalid byte sequence "+hexBytes(seq))
		}
		back, err := en.Bytes(out)
		if err != nil || !bytes.Equal(back, seq) {
			if r == utf8.RuneError {
				return newDecodeError(raw, enc, i, "invalid byte sequence "+hexBytes(seq))
			}
			return newDecodeError(raw, enc, i, fmt.Sprintf("byte sequence %s decodes to %U, which %s writes back differently", hexBytes(seq), r, enc))
		}
		i += n
	}
	// Not expected: every sequence round-trips but the whole did not.
	return newDecodeError(raw, enc, 0, "input does not round-trip")
}

// firstInvalidUTF8 returns the offset of the first byte that is not part of
// a valid UTF-8 sequence, or -1.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func utf8Error(raw []byte, enc Encoding, base int) *DecodeError {
	body := raw[base:]
	i := firstInvalidUTF8(body)
	if i < 0 {
		return nil
	}
	if !utf8.FullRune(body[i:]) {
		return newDecodeError(raw, enc, base+i, "truncated UTF-8 sequence "+hexBytes(body[i:])+" at end of input")
	}
	return newDecodeError(raw, enc, base+i, "invalid UTF-8 byte sequence "+hexBytes(body[i:min(i+4, len(body))]))
}

// Decode converts raw in the given encoding to UTF-8, removing the BOM of
// the *BOM encodings. It fails with a *DecodeError at the first byte that
// cannot be decoded losslessly, so that Encode(Decode(raw)) == raw always
// holds. The result never shares memory with raw.
func Decode(raw []byte, enc Encoding) ([]byte, error) {
	if enc < 0 || enc >= numEncodings {
		return nil, fmt.Errorf("textenc: unknown encoding %d", int(enc))
	}
	base := 0
	if enc.HasBOM() {
		if !hasPrefix(raw, enc.BOM()) {
			return nil, newDecodeError(raw, enc, 0, "missing byte order mark "+hexBytes(enc.BOM()))
		}
		base = len(enc.BOM())
	}
	switch enc {
	case UTF8, UTF8BOM:
		if err := utf8Error(raw, enc, base); err != nil {
			return nil, err
		}
		return bytes.Clone(raw[base:]), nil
	case UTF16LE, UTF16LEBOM, UTF16BE, UTF16BEBOM:
		return decodeUTF16(raw, enc, base)
	default:
		out, err := decodeGB(raw, enc)
		if err != nil {
			return nil, err
		}
		return out, nil
	}
}

func decodeUTF16(raw []byte, enc Encoding, base int) ([]byte, error) {
	be := enc == UTF16BE || enc == UTF16BEBOM
	unit := func(i int) uint16 {
		if be {
			return uint16(raw[i])<<8 | uint16(raw[i+1])
		}
		return uint16(raw[i+1])<<8 | uint16(raw[i])
	}
	out := make([]byte, 0, len(raw)-base)
	i := base
	for ; i+1 < len(raw); i += 2 {
		u := unit(i)
		switch {
		case u < 0xD800 || u > 0xDFFF:
			out = utf8.AppendRune(out, rune(u))
		case u <= 0xDBFF && i+3 < len(raw) && unit(i+2) >= 0xDC00 && unit(i+2) <= 0xDFFF:
			out = utf8.AppendRune(out, utf16.DecodeRune(rune(u), rune(unit(i+2))))
			i += 2
		default:
			return nil, newDecodeError(raw, enc, i, fmt.Sprintf("unpaired surrogate %04X", u))
		}
	}
	if i < len(raw) {
		return nil, newDecodeError(raw, enc, i, "odd number of bytes (truncated code unit)")
	}
	return out, nil
}
