package style

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// KangxiRadical reports Kangxi and CJK supplement radicals standing in for
// ideographs, as PDF extraction leaves them.
var KangxiRadical = &lint.Rule{
	ID:        "kangxi-radical",
	Summary:   "radical code points (Kangxi, CJK supplement) instead of ideographs, left by PDF extraction",
	SummaryZh: "康熙部首等部首码位冒充汉字（PDF 提取残留）",
	Doc: `Many PDF files map glyphs of common characters to the Kangxi Radicals block
(U+2F00–U+2FD5) or the CJK Radicals Supplement (U+2E80–U+2EF3), so text
extracted from them reads 常⽤标点符号及⽂章序号⽤法 or 中国政府⽹: it looks
right on screen but search, sorting, duplicate detection and spell checking
all fail on it (reference §3.1 NORM-KANGXI).

The safe fix replaces each radical with the ideograph it stands for: the
NFKC form of the code point for Kangxi radicals (⽤→用, ⽹→网, ⼀→一), and
for the supplement the simplified forms it encodes (⻓→长, ⻔→门, ⻛→风, …).
Only these characters are normalised, never the whole text: NFKC would also
turn full-width punctuation into ASCII. Supplement radicals that are only
components (⺅, ⻏, ⺮) are reported without a fix.

Left alone: a radical quoted on its own (“⺅”), and lines listing radicals
(three or more radicals, none touching an ideograph), as in a text about
radicals.`,
	Category: "encoding",
	Severity: lint.Error,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "常⽤标点符号及⽂章序号⽤法，见中国政府⽹。\n",
		Good:  "常用标点符号及文章序号用法，见中国政府网。\n",
		Fixed: "常用标点符号及文章序号用法，见中国政府网。\n",
	}, {
		Bad:   "⻓江⼤保护。\n",
		Fixed: "长江大保护。\n",
	}},
	Run: runKangxi,
}

// supplementIdeograph maps the CJK Radicals Supplement characters that are
// shapes of whole characters to those characters (the simplified forms and
// the few with a standalone reading); component-only radicals are absent.
var supplementIdeograph = map[rune]rune{
	0x2E9D: '月', 0x2E9F: '母', 0x2EA0: '民', 0x2EA9: '王', 0x2EC4: '西', 0x2EC5: '见',
	0x2EC6: '角', 0x2EC9: '贝', 0x2ECB: '车', 0x2ED1: '長', 0x2ED3: '长',
	0x2ED4: '门', 0x2ED8: '青', 0x2ED9: '韦', 0x2EDA: '页', 0x2EDB: '风',
	0x2EDC: '飞', 0x2EDD: '食', 0x2EE2: '马', 0x2EE3: '骨', 0x2EE4: '鬼',
	0x2EE5: '鱼', 0x2EE6: '鸟', 0x2EE7: '卤', 0x2EE8: '麦', 0x2EE9: '黄',
	0x2EEA: '黾', 0x2EEC: '齐', 0x2EEE: '齿', 0x2EF0: '龙', 0x2EF3: '龟',
}

// kangxiTable holds the ideograph for U+2F00–U+2FD5, from NFKC.
var kangxiTable = func() [0x2FD6 - 0x2F00]rune {
	var t [0x2FD6 - 0x2F00]rune
	for i := range t {
		r := rune(0x2F00 + i)
		m, _ := utf8.DecodeRuneInString(norm.NFKC.String(string(r)))
		if m != r && zh.IsHan(m) {
			t[i] = m
		}
	}
	return t
}()

// isRadical reports the code points the rule looks at.
func isRadical(r rune) bool {
	return r >= 0x2F00 && r <= 0x2FD5 || r >= 0x2E80 && r <= 0x2EF3 && r != 0x2E9A
}

// radicalIdeograph returns the ideograph a radical stands for, or 0.
func radicalIdeograph(r rune) rune {
	if r >= 0x2F00 && r <= 0x2FD5 {
		return kangxiTable[r-0x2F00]
	}
	return supplementIdeograph[r]
}

// radicalAt decodes a radical at text[i]: both blocks are E2 BA 80 …
// E2 BF 95 in UTF-8.
func radicalAt(text string, i int) (rune, bool) {
	if i+2 >= len(text) || text[i] != 0xE2 || text[i+1] < 0xBA || text[i+1] > 0xBF {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r, isRadical(r)
}

type radicalRun struct{ s, e int }

func runKangxi(p *lint.Pass) error {
	var runs []radicalRun
	feats := features(p.Doc)
	for bi, b := range p.Doc.Blocks {
		if feats[bi]&featRadical == 0 {
			continue
		}
		text := b.Text()
		runs = runs[:0]
		isolated, touching := 0, 0
		for i := 0; ; {
			k := strings.IndexByte(text[i:], 0xE2)
			if k < 0 {
				break
			}
			i += k
			if _, ok := radicalAt(text, i); !ok {
				i++
				continue
			}
			s := i
			for {
				if _, ok := radicalAt(text, i); !ok {
					break
				}
				i += 3
			}
			runs = append(runs, radicalRun{s, i})
			if hanBefore(text, s) || func() bool { h, _ := hanAt(text, i); return h }() {
				touching++
			} else {
				isolated += (i - s) / 3
			}
		}
		if len(runs) == 0 {
			continue
		}
		// A list of radicals: a text about radicals, not extraction damage.
		radicalList := touching == 0 && isolated >= 3
		if radicalList {
			continue
		}
		pr := b.Prose()
		for _, rr := range runs {
			if quotedAlone(text, rr.s, rr.e) {
				continue
			}
			reportRadicals(p, pr, text, rr)
		}
	}
	return nil
}

// quotedAlone: the radical is cited between quotation marks (“⺅”).
func quotedAlone(text string, s, e int) bool {
	l, _ := utf8.DecodeLastRuneInString(text[:s])
	r, _ := utf8.DecodeRuneInString(text[e:])
	switch l {
	case '“', '‘', '「', '『', '"', '\'':
		switch r {
		case '”', '’', '」', '』', '"', '\'':
			return true
		}
	}
	return false
}

func reportRadicals(p *lint.Pass, pr *lint.Prose, text string, rr radicalRun) {
	var b strings.Builder
	complete := true
	for i := rr.s; i < rr.e; i += 3 {
		r, _ := utf8.DecodeRuneInString(text[i:])
		m := radicalIdeograph(r)
		if m == 0 {
			complete = false
			break
		}
		b.WriteRune(m)
	}
	orig := text[rr.s:rr.e]
	d := lint.Diagnostic{Span: pr.SrcSpan(rr.s, rr.e)}
	if complete {
		repl := b.String()
		d.Message = "radical " + orig + " (PDF extraction) instead of the ideograph " + repl
		d.MessageZh = "部首字符“" + orig + "”应为汉字“" + repl + "”（PDF 提取残留）"
		d.Fixes = fullFix(p, pr, rr.s, rr.e, repl, "replace with "+repl, true)
	} else {
		d.Message = "radical " + orig + " (PDF extraction) instead of an ideograph; retype the character"
		d.MessageZh = "部首字符“" + orig + "”不是正常汉字（PDF 提取残留），请重新录入"
	}
	p.Report(d)
}
