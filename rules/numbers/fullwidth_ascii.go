package numbers

import (
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// FullwidthASCII reports full-width digits, Latin letters and ％.
var FullwidthASCII = &lint.Rule{
	ID:        "fullwidth-ascii",
	Summary:   "full-width digits, Latin letters or ％ (２０２３年, ＧＤＰ, ４０％)",
	SummaryZh: "使用了全角数字、全角拉丁字母或全角百分号",
	Doc: `Digits, Latin letters and the percent sign are written in their ordinary
(half-width, ASCII) forms in Chinese text: 2023年, GDP, 40%. Full-width forms
(２０２３年, ＧＤＰ, ４０％) come from Chinese input methods left in full-width
mode and from old typesetting; they look uneven next to ordinary figures,
break searching and sorting, and number parsers and spell checkers miss
them.

The rule reports each run of full-width digits, letters, ％ and a
full-width point between digits (２．５), and the safe fix writes the ASCII
forms. A full-width Ｏ or ０ standing for 〇 in a Chinese-numeral year
(一九九Ｏ年) is left to number-form, which writes 〇.

Basis: GB/T 15835-2011 §4.1 and CY/T 154-2017 (Arabic numerals and
Latin letters in half-width forms); W3C clreq; reference §3.1.`,
	Category: "numbers",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "２０２３年ＧＤＰ增长５．２％。\n",
		Good:  "2023年GDP增长5.2%。\n",
		Fixed: "2023年GDP增长5.2%。\n",
	}},
	Run: runFullwidthASCII,
}

// fullwidthAt returns the ASCII form of the full-width digit, letter or ％
// at i, or 0. All of them are three bytes: EF BC 90–99 (０–９), EF BC A1–BA
// (Ａ–Ｚ), EF BD 81–9A (ａ–ｚ), EF BC 85 (％).
func fullwidthAt(s string, i int) byte {
	if i+2 >= len(s) || s[i] != 0xEF {
		return 0
	}
	b1, b2 := s[i+1], s[i+2]
	switch {
	case b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99:
		return '0' + b2 - 0x90
	case b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA:
		return 'A' + b2 - 0xA1
	case b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A:
		return 'a' + b2 - 0x81
	case b1 == 0xBC && b2 == 0x85:
		return '%'
	}
	return 0
}

func runFullwidthASCII(p *lint.Pass) error {
	var buf []byte
	for _, bf := range figures(p.Doc).blocks {
		if !bf.fullwidth {
			continue
		}
		b, text := bf.b, bf.text
		for i := 0; i < len(text); {
			j := strings.IndexByte(text[i:], 0xEF)
			if j < 0 {
				break
			}
			i += j
			if fullwidthAt(text, i) == 0 {
				i++
				continue
			}
			// A run: full-width characters, and a full-width point
			// between digits (２．５).
			start := i
			buf = buf[:0]
			for {
				if c := fullwidthAt(text, i); c != 0 {
					buf = append(buf, c)
					i += 3
					continue
				}
				if strings.HasPrefix(text[i:], "．") && len(buf) > 0 && isDigit(buf[len(buf)-1]) {
					if c := fullwidthAt(text, i+3); c >= '0' && c <= '9' || i+3 < len(text) && isDigit(text[i+3]) {
						buf = append(buf, '.')
						i += 3
						continue
					}
				}
				break
			}
			if oddZeroRun(text, start, i, buf) {
				continue
			}
			reportFullwidth(p, b, start, i, string(buf))
		}
	}
	return nil
}

// oddZeroRun: a lone full-width Ｏ/０ next to Chinese numerals stands for 〇
// (一九九Ｏ年); number-form reports it.
func oddZeroRun(text string, start, end int, ascii []byte) bool {
	if len(ascii) != 1 || ascii[0] != 'O' && ascii[0] != '0' && ascii[0] != 'o' {
		return false
	}
	return chineseDigitBefore(text, start) || chineseDigitAfter(text, end)
}

const chineseDigits = "〇零一二三四五六七八九○"

func chineseDigitBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return strings.ContainsRune(chineseDigits, r)
}

func chineseDigitAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return strings.ContainsRune(chineseDigits, r)
}

func reportFullwidth(p *lint.Pass, b *lint.Block, start, end int, ascii string) {
	pr := b.Prose()
	text := b.Text()
	d := lint.Diagnostic{
		Span:      pr.SrcSpan(start, end),
		Message:   "full-width " + text[start:end] + "; use ASCII " + ascii,
		MessageZh: "使用了全角字符" + text[start:end] + "，应改为半角" + ascii,
	}
	if e, ok := edit(pr, start, end, ascii); ok {
		d.Fixes = []lint.Fix{{Message: "write " + ascii, Safe: true, Edits: []lint.Edit{e}}}
	}
	p.Report(d)
}
