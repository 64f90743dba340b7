package style

import (
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// EnglishFullwidthPunct reports Chinese (full-width) punctuation in English
// paragraphs.
var EnglishFullwidthPunct = &lint.Rule{
	ID:        "english-fullwidth-punct",
	Summary:   "full-width punctuation ，。：；！？（）、 in an English paragraph",
	SummaryZh: "英文段落中使用了全角标点",
	Doc: `English text takes ASCII punctuation followed by a space; drafts typed with
a Chinese input method leave ，。：；！？（）、 in English paragraphs, which
look wrong in print and break spell checkers (reference §2.7, §3.8
ENG-FW-PUNCT; CY/T 154-2017; the copywriting guidelines: complete English
sentences keep half-width punctuation).

A paragraph is English when it holds no Han character and at least 70% of
its letters, digits and symbols are Latin letters, over two words at
least. Chinese paragraphs quoting an English sentence are not English
paragraphs and are left to the Chinese punctuation rules. Curly quotes “ ”
‘ ’ are English typography and stay.

The safe fix writes the ASCII mark and a space after it when a word
follows directly (word，word → word, word; （ gets a space before it after
a word).`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "The report was adopted，and the meeting closed。\n",
		Good:  "The report was adopted, and the meeting closed.\n",
		Fixed: "The report was adopted, and the meeting closed.\n",
	}, {
		Good: "他引用了一句话：“Stay hungry, stay foolish.”\n",
	}},
	Run: runEnglishFullwidth,
}

func asciiFor(r rune) byte {
	switch r {
	case '，', '、':
		return ','
	case '。', '．':
		return '.'
	case '：':
		return ':'
	case '；':
		return ';'
	case '！':
		return '!'
	case '？':
		return '?'
	case '（':
		return '('
	case '）':
		return ')'
	}
	return 0
}

func runEnglishFullwidth(p *lint.Pass) error {
	feats := features(p.Doc)
	for i, b := range p.Doc.Blocks {
		if feats[i]&featEnglish == 0 {
			continue
		}
		text := b.Text()
		if !hasFullwidthMark(text) {
			continue
		}
		pr := b.Prose()
		for i := 0; i < len(text); {
			if text[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			a := asciiFor(r)
			if a == 0 {
				i += n
				continue
			}
			repl := string(a)
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if a == '(' {
				if isWordRune(prev) {
					repl = " ("
				}
			} else if isWordRune(next) || (a != ')' && (next == '(' || next == '（' || next == '“' || next == '‘')) {
				repl += " "
			}
			p.Report(lint.Diagnostic{
				Span:      pr.SrcSpan(i, i+n),
				Message:   "full-width " + string(r) + " in an English paragraph; use " + string(a),
				MessageZh: "英文段落中使用了全角标点“" + string(r) + "”，应使用半角“" + string(a) + "”",
				Fixes:     fullFix(p, pr, i, i+n, repl, "use "+string(a), true),
			})
			i += n
		}
	}
	return nil
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && isAlnum(byte(r)) || r >= utf8.RuneSelf && zh.IsLatin(r)
}

// hasFullwidthMark looks for the lead bytes of ，：；！？（） (EF BC) and
// 。、 (E3 80 81/82).
func hasFullwidthMark(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xEF && s[i+1] == 0xBC || s[i] == 0xE3 && s[i+1] == 0x80 && (s[i+2] == 0x81 || s[i+2] == 0x82) {
			return true
		}
	}
	return false
}
