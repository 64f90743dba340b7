// Package encoding holds the rules for broken characters: mojibake,
// replacement characters, invisible and private-use code points.
package encoding

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// Rules lists the encoding rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{Mojibake}
}

// Mojibake reports characters that show the text went through a wrong
// decoding, or that are invisible or unassigned in fonts.
var Mojibake = &lint.Rule{
	ID:        "mojibake",
	Summary:   "garbled text, replacement characters, invisible and private-use characters",
	SummaryZh: "乱码、替换字符、不可见字符和私用区字符",
	Doc: `Text that went through the wrong decoding cannot be repaired by a linter,
but it must never reach print. Reported as errors:

- U+FFFD REPLACEMENT CHARACTER, where a decoder gave up;
- 锟斤拷 and its kin (烫烫烫, 屯屯屯): UTF-8 replacement characters or
  uninitialised memory read as GBK;
- runs of characters that are UTF-8 bytes read as GBK (鍏ㄥ浗 for 全国): the
  rule re-encodes suspicious runs as GBK and checks whether the bytes form
  valid UTF-8 Chinese;
- UTF-8 read as Latin-1/Windows-1252 (æ–‡ for 文);
- zero-width characters (U+200B, U+200C, U+2060, U+FEFF inside the text),
  a zero-width joiner outside emoji sequences, and soft hyphens (U+00AD):
  invisible, they break search, sorting and duplicate detection — the safe
  fix removes them;
- private-use code points (U+E000–U+F8FF and planes 15–16), which PDF
  extraction leaves for glyphs of embedded fonts: they show as boxes.`,
	Category: "encoding",
	Severity: lint.Error,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "全省\u200b共建成5G基站。\n",
		Good:  "全省共建成5G基站。\n",
		Fixed: "全省共建成5G基站。\n",
	}, {
		Bad: "全省鍏ㄧ渷鍏卞缓鎴愬熀绔欐暟瀛楃粡娴。\n",
	}, {
		Bad: "文件中出现锟斤拷锟斤拷。\n",
	}},
	Run: runMojibake,
}

func runMojibake(p *lint.Pass) error {
	initGBK()
	for _, b := range p.Doc.Blocks {
		text := b.Text()
		if plain(text) {
			continue
		}
		pr := b.Prose()
		scanChars(p, pr, text)
		scanRuns(p, pr, text)
	}
	return nil
}

// plain reports text that neither scan can report anything in: valid
// UTF-8 made only of ASCII, GB2312 Hanzi other than the filler starts, and
// CJK punctuation. Nearly every block of Chinese prose is plain, and one
// pass with a bitmap probe per Han character decides it, instead of the
// two scans. Valid UTF-8 matters: scanChars steps over three-byte leads
// without looking at what follows them. The table must be initialised
// (initGBK).
func plain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c-0xE0 < 0x10 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// One probe decides Han and punctuation alike: no branch
			// between them, and Chinese text alternates the two.
			r := uint(c&0x0F)<<12 | uint(s[i+1]&0x3F)<<6 | uint(s[i+2]&0x3F)
			if plain3[r/64]>>(r%64)&1 == 0 {
				return false
			}
			i += 3
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xB7 {
			i += 2 // ·, punctuation to both scans
			continue
		}
		// Other two- and four-byte characters, truncated and invalid
		// sequences: let the scans decide.
		return false
	}
	return true
}

func invisibleName(r rune) string {
	switch r {
	case '\u200b':
		return "zero-width space U+200B"
	case '\u200c':
		return "zero-width non-joiner U+200C"
	case '\u200d':
		return "zero-width joiner U+200D"
	case '\u2060':
		return "word joiner U+2060"
	case '\ufeff':
		return "zero-width no-break space (BOM) U+FEFF"
	case '\u00ad':
		return "soft hyphen U+00AD"
	case '\u180e':
		return "Mongolian vowel separator U+180E"
	}
	return ""
}

func isPrivateUse(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 && r <= 0x10FFFD
}

func isEmojiish(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F
}

func scanChars(p *lint.Pass, pr *lint.Prose, text string) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf || c >= 0xE3 && c <= 0xE9 && i+2 < len(text) && !(c == 0xE3 && text[i+1] == 0x80 && text[i+2] == 0x80) {
			// ASCII, CJK punctuation and Han (U+3000…U+9FFF) hold none of
			// the characters this scan looks for.
			if c < utf8.RuneSelf {
				i++
			} else {
				i += 3
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			// Invalid UTF-8 in the source: the decoder should have caught it.
			s := pr.Src(i)
			p.Report(lint.Diagnostic{Span: lint.Span{Start: s, End: s + 1},
				Message: "invalid UTF-8 byte", MessageZh: "无效的 UTF-8 字节"})
		case r == '\ufffd':
			j := i + n
			for strings.HasPrefix(text[j:], "\ufffd") {
				j += 3
			}
			p.Report(lint.Diagnostic{Span: pr.SrcSpan(i, j),
				Message:   "replacement character U+FFFD: text was lost in a decoding error",
				MessageZh: "出现替换字符 U+FFFD，文字在转码时丢失"})
			i = j
			continue
		case invisibleName(r) != "":
			if r == '\u00ad' {
				// Inside Latin-1 mojibake (中 → ä¸­) the soft hyphen is part
				// of the garbling, reported as a whole below.
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				if prev >= 0x80 && prev <= 0xFF {
					break
				}
			}
			if r == '\u200d' {
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				if isEmojiish(prev) && isEmojiish(next) {
					break
				}
			}
			if pr.Contiguous(i, i+n) {
				sp := pr.SrcSpan(i, i+n)
				p.Report(lint.Diagnostic{Span: sp,
					Message:   "invisible " + invisibleName(r) + " inside the text",
					MessageZh: "文中有不可见字符 " + fmt.Sprintf("U+%04X", r),
					Fixes: []lint.Fix{{Message: "remove the invisible character", Safe: true,
						Edits: []lint.Edit{{Start: sp.Start, End: sp.End}}}}})
			}
		case isPrivateUse(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isPrivateUse(r2) {
					break
				}
				j += n2
			}
			p.Report(lint.Diagnostic{Span: pr.SrcSpan(i, j),
				Message:   fmt.Sprintf("private-use character U+%04X (a font glyph left by PDF extraction)", r),
				MessageZh: fmt.Sprintf("私用区字符 U+%04X（PDF 提取遗留的字体字形）", r)})
			i = j
			continue
		}
		i += n
	}
}

var fillers = []string{"锟斤拷", "烫烫烫", "屯屯屯"}

var gbk = simplifiedchinese.GBK

// scanRuns finds runs of non-ASCII characters that are mojibake.
func scanRuns(p *lint.Pass, pr *lint.Prose, text string) {
	if scanGarbled(p, pr, text) {
		scanFillers(p, pr, text)
	}
}

func scanFillers(p *lint.Pass, pr *lint.Prose, text string) {
	for _, f := range fillers {
		for off := 0; ; {
			k := strings.Index(text[off:], f)
			if k < 0 {
				break
			}
			s := off + k
			e := s + len(f)
			for strings.HasPrefix(text[e:], f) || strings.HasPrefix(text[e:], f[:3]) {
				e += 3
			}
			p.Report(lint.Diagnostic{Span: pr.SrcSpan(s, e),
				Message:   "garbled text “" + text[s:e] + "”: bytes decoded with the wrong encoding",
				MessageZh: "乱码“" + text[s:e] + "”：文字用错误的编码解码"})
			off = e
		}
	}
}

// scanGarbled reports GBK and Latin-1 misreadings and tells whether the
// text holds a character that starts a filler (锟, 烫, 屯), so the filler
// search runs only then: a substring search for them is slow because their
// first UTF-8 byte is common in Chinese.
func scanGarbled(p *lint.Pass, pr *lint.Prose, text string) (filler bool) {
	enc := gbk.NewEncoder()
	initGBK()
	var buf []byte // GBK bytes of the current run, reused
	for i := 0; i < len(text); {
		r, n := zh.DecodeRune(text, i)
		if r < 0x80 || zh.IsCJKPunct(r) && r != '€' {
			i += n
			continue
		}
		// A run of non-ASCII, non-punctuation characters. Note whether it
		// holds anything that could start a GBK misreading (a GBK lead
		// byte that is a UTF-8 lead of a Han character) or Latin-1 letters.
		j := i
		count := 0
		latin1, rare := false, false
		for j < len(text) {
			// Fast path: a GB2312 Hanzi other than a filler start changes
			// nothing below, and most characters of a run are one.
			if c := text[j]; c-0xE4 <= 0xE9-0xE4 && j+2 < len(text) {
				b1, b2 := text[j+1], text[j+2]
				if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
					k := uint(c&0x0F)<<12 | uint(b1&0x3F)<<6 | uint(b2&0x3F) - hanLo
					if k < uint(len(plainGB))*64 && plainGB[k/64]>>(k%64)&1 != 0 {
						j += 3
						count++
						continue
					}
				}
			}
			r2, n2 := zh.DecodeRune(text, j)
			if r2 < 0x80 || (zh.IsCJKPunct(r2) && r2 != '€') {
				break
			}
			switch {
			case r2 <= 0xFF:
				latin1 = true
			case r2 == '锟' || r2 == '烫' || r2 == '屯':
				filler = true
			case !rare:
				rare = !commonGB(r2)
			}
			j += n2
			count++
		}
		// UTF-8 read as GBK always yields characters outside the GB2312
		// Hanzi block (a UTF-8 continuation byte becomes a GBK trail below
		// 0xA1); runs without one are skipped before any byte is built.
		buf = buf[:0]
		if count >= 3 && rare {
			for k := i; k < j; {
				r2, n2 := zh.DecodeRune(text, k)
				if lead, trail, ok := gbkBytes(r2, enc); ok {
					buf = append(buf, lead, trail)
				} else {
					buf = append(buf, 0xFF)
				}
				k += n2
			}
		}
		suspectGBK := count >= 3 && hanStreak(buf) >= 2
		if count >= 3 && suspectGBK {
			if s, e, ok := gbkMojibake(enc, text, i, j); ok {
				p.Report(lint.Diagnostic{Span: pr.SrcSpan(s, e),
					Message:   "garbled text: UTF-8 bytes read as GBK (reads as “" + decoded(text[s:e]) + "”)",
					MessageZh: "乱码：UTF-8 字节被当作 GBK 解码（原文应为“" + decoded(text[s:e]) + "”）"})
			}
		}
		if count >= 3 && latin1 {
			if s, e, ok := latin1Mojibake(text, i, j); ok {
				p.Report(lint.Diagnostic{Span: pr.SrcSpan(s, e),
					Message:   "garbled text: UTF-8 bytes read as Latin-1",
					MessageZh: "乱码：UTF-8 字节被当作 Latin-1 解码"})
			}
		}
		i = j
	}
	return filler
}

// gbkTable maps U+4E00…U+9FFF to their GBK bytes (lead<<8 | trail), built
// on first use: encoding rune by rune through x/text costs more than the
// whole rest of the rule set.
var (
	gbkOnce  sync.Once
	gbkTable []uint16
	// plainGB has a bit for each character of U+4E00…U+9FFF that is
	// commonGB and does not start a filler: the run scan passes over
	// them with one probe of a 2.6 KB bitmap.
	plainGB [(hanHi - hanLo + 64) / 64]uint64
	// plain3 has a bit for each three-byte character (U+0800…U+FFFF)
	// that plain accepts: those of plainGB and CJK punctuation. Overlong
	// forms (below U+0800) and surrogates have none.
	plain3 [1 << 10]uint64
)

const hanLo, hanHi = 0x4E00, 0x9FFF

func initGBK() {
	gbkOnce.Do(func() {
		gbkTable = make([]uint16, hanHi-hanLo+1)
		e := gbk.NewEncoder()
		var buf [4]byte
		for c := rune(hanLo); c <= hanHi; c++ {
			n := utf8.EncodeRune(buf[:], c)
			b, err := e.Bytes(buf[:n])
			if err == nil && len(b) == 2 {
				gbkTable[c-hanLo] = uint16(b[0])<<8 | uint16(b[1])
			}
		}
		for c := rune(hanLo); c <= hanHi; c++ {
			if commonGB(c) && c != '锟' && c != '烫' && c != '屯' {
				plainGB[(c-hanLo)/64] |= 1 << ((c - hanLo) % 64)
				plain3[c/64] |= 1 << (c % 64)
			}
		}
		for c := rune(0x800); c <= 0xFFFF; c++ {
			if zh.IsCJKPunct(c) && (c < 0xD800 || c > 0xDFFF) {
				plain3[c/64] |= 1 << (c % 64)
			}
		}
	})
}

func gbkBytes(r rune, enc *encoding.Encoder) (byte, byte, bool) {
	if r >= hanLo && r <= hanHi {
		initGBK()
		v := gbkTable[r-hanLo]
		return byte(v >> 8), byte(v), v != 0
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	b, err := enc.Bytes(buf[:n])
	if err != nil || len(b) != 2 {
		return 0, 0, false
	}
	return b[0], b[1], true
}

// hanStreak is the longest run of consecutive 3-byte UTF-8 sequences of
// the CJK block (lead E3–E9) in b: a cheap test that almost never passes
// on GBK bytes of real Chinese.
func hanStreak(b []byte) int {
	best, cur := 0, 0
	for k := 0; k < len(b); {
		if k+2 < len(b) && b[k] >= 0xE3 && b[k] <= 0xE9 && b[k+1]&0xC0 == 0x80 && b[k+2]&0xC0 == 0x80 {
			cur++
			best = max(best, cur)
			k += 3
			continue
		}
		cur = 0
		k++
	}
	return best
}

// commonGB reports Han characters in the GB2312 Hanzi block (GBK lead
// B0–F7, trail A1–FE): the everyday characters of Simplified Chinese.
// The table must be initialised (initGBK).
func commonGB(r rune) bool {
	if r < hanLo || r > hanHi {
		return false
	}
	v := gbkTable[r-hanLo]
	lead, trail := byte(v>>8), byte(v)
	return lead >= 0xB0 && lead <= 0xF7 && trail >= 0xA1
}

// gbkMojibake: find, inside the run, the longest stretch of characters
// whose GBK bytes form valid UTF-8 Chinese: that stretch was UTF-8 misread
// as GBK. Normal Chinese re-encoded as GBK is almost never valid UTF-8,
// because a GBK trail byte rarely fits the UTF-8 continuation pattern twice
// in a row.
func gbkMojibake(enc *encoding.Encoder, text string, i, j int) (int, int, bool) {
	var raw []byte
	var charStart []int // byte offset in raw where each char begins
	var textOff []int   // text offset of each char
	for k := i; k < j; {
		r, n := utf8.DecodeRuneInString(text[k:])
		charStart = append(charStart, len(raw))
		textOff = append(textOff, k)
		if lead, trail, ok := gbkBytes(r, enc); ok {
			raw = append(raw, lead, trail)
		} else {
			raw = append(raw, 0xFF) // not a GBK double-byte char: breaks any stretch
		}
		k += n
	}
	charStart = append(charStart, len(raw))
	textOff = append(textOff, j)
	// Longest run of valid multi-byte UTF-8 holding Han characters.
	bestS, bestE, bestHan := 0, 0, 0
	for k := 0; k < len(raw); {
		s, han := k, 0
		for k < len(raw) {
			r, n := utf8.DecodeRune(raw[k:])
			if n < 2 || r == utf8.RuneError {
				break
			}
			if zh.IsHan(r) {
				han++
			}
			k += n
		}
		if han > bestHan {
			bestS, bestE, bestHan = s, k, han
		}
		if k == s {
			k++
		}
	}
	if bestHan < 2 {
		return 0, 0, false
	}
	// Round the byte stretch outwards to whole characters.
	cs := 0
	for cs+1 < len(charStart) && charStart[cs+1] <= bestS {
		cs++
	}
	ce := cs
	for ce < len(charStart)-1 && charStart[ce] < bestE {
		ce++
	}
	return textOff[cs], textOff[ce], ce-cs >= 3
}

func decoded(s string) string {
	raw, err := gbk.NewEncoder().Bytes([]byte(s))
	if err != nil {
		return "?"
	}
	return strings.ToValidUTF8(string(raw), "?")
}

// latin1Mojibake recognises UTF-8 lead bytes of Chinese (E4–E9 → ä…é)
// followed by continuation bytes shown as Windows-1252 characters.
func latin1Mojibake(text string, i, j int) (int, int, bool) {
	rs := []rune(text[i:j])
	triples := 0
	for k := 0; k+2 < len(rs); {
		if rs[k] >= 0xE4 && rs[k] <= 0xE9 && isCont(rs[k+1]) && isCont(rs[k+2]) {
			triples++
			k += 3
			continue
		}
		k++
	}
	return i, j, triples >= 2
}

func isCont(r rune) bool {
	if r >= 0x80 && r <= 0xBF {
		return true
	}
	switch r { // Windows-1252 characters for bytes 0x80–0x9F
	case '€', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 'Ž', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 'ž', 'Ÿ':
		return true
	}
	return false
}
