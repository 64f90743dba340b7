package style

import (
	"fmt"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// LongSentenceOptions configures long-sentence. Zero turns a limit off.
type LongSentenceOptions struct {
	// MaxChars is the longest Chinese sentence, in characters other than
	// white space, counted between 。！？；.
	MaxChars int `yaml:"max-chars"`
	// MaxCommas is the most commas (，) one Chinese sentence may hold.
	MaxCommas int `yaml:"max-commas"`
	// MaxWords is the longest English sentence, in words.
	MaxWords int `yaml:"max-words"`
}

// LongSentence reports sentences too long to read in one breath.
var LongSentence = &lint.Rule{
	ID:        "long-sentence",
	Summary:   "sentences over a length or comma limit",
	SummaryZh: "句子过长或逗号过多",
	Doc: `A sentence that runs on for several lines is hard to read aloud and easy to
misread; drafts assembled from several contributions grow them. Reported at
info (reference §3.7 STYLE-SENT-LEN):

- Chinese: a sentence — text between 。！？ or ；, since official prose
  uses the semicolon to close long parallel clauses — of more than
  max-chars characters (default 150) or with more than max-commas commas
  (default 10). White space does not count, and a Latin word or an Arabic
  number counts as one character (AI, 2023, 47.5 is two: 47 and 5).
- English paragraphs: a sentence of more than max-words words (default 40).

Calibration (§4.3): the 99th percentile of sentence length in clean
official text is 111–118 characters and the longest ECSpell sentence has
144; a 150-character limit leaves clean text almost silent while the sample
report's run-on sentences (up to 247 characters, 12 commas) stand out. The
Constitution's 255-character preamble sentence is reported too, as it
should be by a length check. Headings are not checked. No fix: where to
split is an editor's decision.

Options (.draftlint.yaml):

  rules:
    long-sentence:
      max-chars: 150
      max-commas: 10
      max-words: 40`,
	Category: "style",
	Severity: lint.Info,
	Default:  true,
	Options:  newLongSentenceOptions,
	Examples: []lint.Example{{
		Bad:  "会议强调，要认真对标对表，坚决贯彻落实重要指示，把学习宣传贯彻全会精神作为当前和今后一个时期的重大政治任务，在学深悟透全会精神上下功夫，准确把握全会精神实质和核心要义，要发挥政协优势，在凝聚共识、汇聚力量上下功夫，多形式开展学习培训，全覆盖开展宣讲活动、全方位开展宣传工作、深层次开展调查研究，发挥示范引领作用，学思践悟、以学促干，为推进中国式现代化湖北实践赋能添彩。\n",
		Good: "会议强调，要认真对标对表，坚决贯彻落实重要指示。要发挥政协优势，在凝聚共识、汇聚力量上下功夫。\n",
	}},
	Run: runLongSentence,
}

func newLongSentenceOptions() any {
	return &LongSentenceOptions{MaxChars: 150, MaxCommas: 10, MaxWords: 40}
}

func runLongSentence(p *lint.Pass) error {
	opt, _ := p.Options.(*LongSentenceOptions)
	if opt == nil {
		opt = newLongSentenceOptions().(*LongSentenceOptions)
	}
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.Heading {
			continue
		}
		text := b.Text()
		if zh.HasHan(text) {
			chineseSentences(p, b, text, opt)
		} else if opt.MaxWords > 0 && isEnglish(text) {
			englishSentences(p, b, text, opt)
		}
	}
	return nil
}

// chineseSentences measures the text between 。！？； in one pass over the
// bytes: characters are counted by their lead bytes, white space aside.
func chineseSentences(p *lint.Pass, b *lint.Block, text string, opt *LongSentenceOptions) {
	start, chars, commas := -1, 0, 0
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		// A run of Han characters (lead bytes E4–E9): a tight loop.
		if c >= 0xE4 && c <= 0xE9 {
			if start < 0 {
				start = i
			}
			j, k := i+3, 1
			for j < n && text[j] >= 0xE4 && text[j] <= 0xE9 {
				j += 3
				k++
			}
			chars += k
			i = min(j, n)
			continue
		}
		// Three-byte characters other than the few marks that matter
		// here (Han, most punctuation) are counted without decoding.
		if c >= 0xE0 && c < 0xF0 && i+2 < n && !sentenceMark3(c, text[i+1], text[i+2]) {
			if start < 0 {
				start = i
			}
			chars++
			i += 3
			continue
		}
		if c < utf8.RuneSelf {
			// A Latin word or a number reads as one unit (AI大模型,
			// 2023年): count its first letter or digit only.
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && !(isAlnum(c) && i > 0 && isAlnum(text[i-1])) {
				if start < 0 {
					start = i
				}
				chars++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r == '\u3000' {
			continue
		}
		if start < 0 {
			start = i - size
		}
		chars++
		switch r {
		case '，':
			commas++
		case '。', '！', '？', '；':
			// Closing quotes and brackets stay with their sentence.
			for i < n {
				r2, n2 := utf8.DecodeRuneInString(text[i:])
				if r2 != '”' && r2 != '’' && r2 != '）' && r2 != '」' && r2 != '』' && r2 != '》' && r2 != '。' && r2 != '！' && r2 != '？' {
					break
				}
				chars++
				i += n2
			}
			reportSentence(p, b, start, i, chars, commas, opt)
			start, chars, commas = -1, 0, 0
		}
	}
	if start >= 0 {
		end := n
		for end > start && (text[end-1] == ' ' || text[end-1] == '\n' || text[end-1] == '\t' || text[end-1] == '\r') {
			end--
		}
		reportSentence(p, b, start, end, chars, commas, opt)
	}
}

func reportSentence(p *lint.Pass, b *lint.Block, start, end, chars, commas int, opt *LongSentenceOptions) {
	long := opt.MaxChars > 0 && chars > opt.MaxChars
	many := opt.MaxCommas > 0 && commas > opt.MaxCommas
	if !long && !many {
		return
	}
	var msg, msgZh string
	switch {
	case long && many:
		msg = fmt.Sprintf("sentence of %d characters and %d commas (limits %d and %d); consider splitting it", chars, commas, opt.MaxChars, opt.MaxCommas)
		msgZh = fmt.Sprintf("句子长达%d字、含%d个逗号（上限%d字、%d个），建议拆分", chars, commas, opt.MaxChars, opt.MaxCommas)
	case long:
		msg = fmt.Sprintf("sentence of %d characters (limit %d); consider splitting it", chars, opt.MaxChars)
		msgZh = fmt.Sprintf("句子长达%d字（上限%d字），建议拆分", chars, opt.MaxChars)
	default:
		msg = fmt.Sprintf("sentence with %d commas (limit %d); consider splitting it", commas, opt.MaxCommas)
		msgZh = fmt.Sprintf("句子含%d个逗号（上限%d个），建议拆分", commas, opt.MaxCommas)
	}
	p.Report(lint.Diagnostic{Span: b.Prose().SrcSpan(start, end), Message: msg, MessageZh: msgZh})
}

func englishSentences(p *lint.Pass, b *lint.Block, text string, opt *LongSentenceOptions) {
	for _, s := range b.Sentences() {
		words := 0
		in := false
		for i := s.Start; i < s.End; i++ {
			c := text[i]
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				in = false
				continue
			}
			if !in && (isAlnum(c) || c >= utf8.RuneSelf) {
				words++
			}
			in = true
		}
		if words > opt.MaxWords {
			p.Report(lint.Diagnostic{
				Span:      b.Prose().SrcSpan(s.Start, s.End),
				Message:   fmt.Sprintf("sentence of %d words (limit %d); consider splitting it", words, opt.MaxWords),
				MessageZh: fmt.Sprintf("英文句子长达%d词（上限%d词），建议拆分", words, opt.MaxWords),
			})
		}
	}
}

// sentenceMark3 reports the UTF-8 sequences of U+3000 (E3 80 80), 。
// (E3 80 82), ！ (EF BC 81), ， (EF BC 8C), ； (EF BC 9B) and ？ (EF BC 9F).
func sentenceMark3(b0, b1, b2 byte) bool {
	switch {
	case b0 == 0xE3 && b1 == 0x80:
		return b2 == 0x80 || b2 == 0x82
	case b0 == 0xEF && b1 == 0xBC:
		return b2 == 0x81 || b2 == 0x8C || b2 == 0x9B || b2 == 0x9F
	}
	return false
}
