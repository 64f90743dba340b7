// Package textenc detects the character encoding of a text file, decodes it
// to UTF-8 and encodes edited text back into exactly the same form.
//
// The guarantee the rest of draftlint relies on is losslessness: whenever
// Decode(raw, enc) succeeds, Encode(result, enc) returns raw byte for byte.
// Decode therefore rejects byte sequences that a decoder would accept but
// that would come back differently (lone surrogates, non-canonical GB18030
// forms, bytes that only decode to U+FFFD), and reports the first such byte
// offset instead of guessing.
//
// Line endings are left alone: "\r\n" in the input stays "\r\n" in the
// decoded text. Newline reports the dominant style for code that inserts
// lines.
//
// Typical use:
//
//	if textenc.LooksBinary(raw) { refuse }
//	enc := textenc.Detect(raw)            // or: enc, err := textenc.Lookup(name); enc = enc.MatchBOM(raw)
//	text, err := textenc.Decode(raw, enc) // *DecodeError: first bad byte offset
//	...                                   // lint and fix text (UTF-8)
//	out, err := textenc.Encode(fixed, enc) // *EncodeError: do not write the file
package textenc

import (
	"fmt"
	"sort"
	"strings"
)

// Encoding identifies a character encoding together with whether the file
// starts with a byte order mark. The zero value is UTF-8 without BOM.
type Encoding int

// The supported encodings. The *BOM variants expect (Decode) and write
// (Encode) a byte order mark; the others treat a leading BOM as an ordinary
// U+FEFF character so that round trips stay exact.
const (
	UTF8       Encoding = iota // UTF-8 without BOM
	UTF8BOM                    // UTF-8 with EF BB BF
	UTF16LE                    // UTF-16 little endian, no BOM
	UTF16LEBOM                 // UTF-16 little endian with FF FE
	UTF16BE                    // UTF-16 big endian, no BOM
	UTF16BEBOM                 // UTF-16 big endian with FE FF
	GB18030                    // GB 18030, a superset of GBK covering Unicode
	GBK                        // GBK / code page 936; cannot hold many characters
	numEncodings
)

var names = [numEncodings]string{
	UTF8:       "utf-8",
	UTF8BOM:    "utf-8-bom",
	UTF16LE:    "utf-16le",
	UTF16LEBOM: "utf-16le-bom",
	UTF16BE:    "utf-16be",
	UTF16BEBOM: "utf-16be-bom",
	GB18030:    "gb18030",
	GBK:        "gbk",
}

// Extra spellings accepted by Lookup, after lower-casing and dropping '-' and
// '_'. The canonical names are added in init.
var aliases = map[string]Encoding{
	"utf8sig":     UTF8BOM,
	"utf16lebom":  UTF16LEBOM,
	"utf16bebom":  UTF16BEBOM,
	"cp936":       GBK,
	"windows936":  GBK,
	"ms936":       GBK,
	"gb2312":      GBK, // GB 2312 is a subset of GBK; decoding it as GBK is exact
	"euccn":       GBK,
	"gb180302005": GB18030,
	"gb180302022": GB18030,
	"utf8withbom": UTF8BOM,
}

func init() {
	for e, n := range names {
		aliases[normName(n)] = Encoding(e)
	}
}

func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)
}

// String returns the canonical name, the one Lookup and --encoding accept.
func (e Encoding) String() string {
	if e < 0 || e >= numEncodings {
		return fmt.Sprintf("encoding(%d)", int(e))
	}
	return names[e]
}

// HasBOM reports whether the encoding reads and writes a byte order mark.
func (e Encoding) HasBOM() bool {
	return e == UTF8BOM || e == UTF16LEBOM || e == UTF16BEBOM
}

// BOM returns the byte order mark written by Encode, or nil.
func (e Encoding) BOM() []byte {
	switch e {
	case UTF8BOM:
		return []byte{0xEF, 0xBB, 0xBF}
	case UTF16LEBOM:
		return []byte{0xFF, 0xFE}
	case UTF16BEBOM:
		return []byte{0xFE, 0xFF}
	}
	return nil
}

// Names returns the canonical encoding names in a stable order.
func Names() []string {
	out := make([]string, 0, numEncodings)
	for _, n := range names {
		out = append(out, n)
	}
	return out
}

// Lookup resolves an --encoding NAME override. Matching ignores case, '-',
// '_' and spaces, so "UTF8", "utf_16le" and "GB18030" all work; "gb2312" and
// "cp936" mean GBK. An unknown name is an error listing the valid ones.
//
// A plain name such as "utf-8" or "utf-16le" means "no BOM"; pass the result
// through MatchBOM if a BOM present in the file should still be recognised.
func Lookup(name string) (Encoding, error) {
	if e, ok := aliases[normName(name)]; ok {
		return e, nil
	}
	return UTF8, fmt.Errorf("unknown encoding %q (valid: %s)", name, strings.Join(Names(), ", "))
}

// MatchBOM adapts an encoding chosen by the user to the BOM actually present
// at the start of raw: utf-8 becomes utf-8-bom when raw starts with EF BB BF,
// utf-16le becomes utf-16le-bom when raw starts with FF FE, and so on (and
// the reverse when a *-bom encoding meets a file without one). Other
// encodings are returned unchanged. This keeps `--encoding utf-8` from
// leaving a stray U+FEFF at the start of the decoded text.
func (e Encoding) MatchBOM(raw []byte) Encoding {
	switch e {
	case UTF8, UTF8BOM:
		if hasPrefix(raw, UTF8BOM.BOM()) {
			return UTF8BOM
		}
		return UTF8
	case UTF16LE, UTF16LEBOM:
		if hasPrefix(raw, UTF16LEBOM.BOM()) {
			return UTF16LEBOM
		}
		return UTF16LE
	case UTF16BE, UTF16BEBOM:
		if hasPrefix(raw, UTF16BEBOM.BOM()) {
			return UTF16BEBOM
		}
		return UTF16BE
	}
	return e
}

func hasPrefix(b, p []byte) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == string(p)
}

// Newline returns the dominant line ending of text: "\n", "\r\n" or "\r".
// Text without line breaks gives "\n". On a tie the style that occurs first
// wins, so the answer is stable for mixed files.
func Newline(text []byte) string {
	var lf, crlf, cr int
	first := map[string]int{}
	note := func(kind string, at int) {
		if _, ok := first[kind]; !ok {
			first[kind] = at
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				crlf++
				note("\r\n", i)
				i++
			} else {
				cr++
				note("\r", i)
			}
		case '\n':
			lf++
			note("\n", i)
		}
	}
	type cand struct {
		nl    string
		count int
	}
	cs := []cand{{"\n", lf}, {"\r\n", crlf}, {"\r", cr}}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].count != cs[j].count {
			return cs[i].count > cs[j].count
		}
		return first[cs[i].nl] < first[cs[j].nl]
	})
	if cs[0].count == 0 {
		return "\n"
	}
	return cs[0].nl
}
