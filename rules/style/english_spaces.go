package style

import (
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// EnglishDoubleSpace reports runs of spaces between words in English
// paragraphs.
var EnglishDoubleSpace = &lint.Rule{
	ID:        "english-double-space",
	Summary:   "two or more spaces between words in an English paragraph",
	SummaryZh: "英文段落中词间有多个空格",
	Doc: `Runs of spaces between words are editing leftovers (a deleted word, a
pasted phrase) or the typewriter habit of two spaces after a full stop;
typeset English uses one (reference §2.7, §3.8 ENG-DOUBLE-SPACE). The safe
fix leaves one space.

Only English paragraphs are checked (no Han, mostly Latin letters; see
english-fullwidth-punct). Not reported: indentation at the start of a line,
spaces at the end of a line (blank-lines reports trailing white space,
and in Markdown two of them are a hard line break), spaces before a mark
(english-space-before-punct removes them), and paragraphs where
two or more lines have inner runs of spaces — columns aligned with spaces
in plain text.`,
	Category: "style",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "The committee  adopted the report.  It closed the session.\n",
		Good:  "The committee adopted the report. It closed the session.\n",
		Fixed: "The committee adopted the report. It closed the session.\n",
	}, {
		Good: "Name      Age\nAlice     30\nBob       41\n",
	}},
	Run: runEnglishDoubleSpace,
}

func runEnglishDoubleSpace(p *lint.Pass) error {
	feats := features(p.Doc)
	for i, b := range p.Doc.Blocks {
		if feats[i]&featEnglish == 0 {
			continue
		}
		text := b.Text()
		if !strings.Contains(text, "  ") {
			continue
		}
		type run struct{ s, e int }
		var runs []run
		lines := map[int]bool{}
		for i := 0; ; {
			k := strings.Index(text[i:], "  ")
			if k < 0 {
				break
			}
			s := i + k
			e := s
			for e < len(text) && text[e] == ' ' {
				e++
			}
			i = e
			if s == 0 || text[s-1] == '\n' || e == len(text) || text[e] == '\n' || text[e] == '\r' {
				continue // indentation or trailing spaces
			}
			if c := text[e]; (c == ',' || c == '.' || c == ';' || c == ':' || c == '?' || c == '!') && spaceBeforeIsWrong(text, s, e) {
				continue // english-space-before-punct removes these spaces
			}
			ls, _ := lineBounds(text, s)
			if strings.TrimLeft(text[ls:s], " \t") == "" {
				continue // indentation after a tab
			}
			lines[ls] = true
			runs = append(runs, run{s, e})
		}
		if len(runs) == 0 || len(lines) >= 2 {
			continue // nothing, or columns aligned with spaces
		}
		pr := b.Prose()
		for _, r := range runs {
			p.Report(lint.Diagnostic{
				Span:      pr.SrcSpan(r.s, r.e),
				Message:   "several spaces between words; use one",
				MessageZh: "词间有多个空格，应只保留一个",
				Fixes:     fullFix(p, pr, r.s, r.e, " ", "use one space", true),
			})
		}
	}
	return nil
}

// EnglishSpaceBeforePunct reports a space before , . ; : ? ! in English
// paragraphs.
var EnglishSpaceBeforePunct = &lint.Rule{
	ID:        "english-space-before-punct",
	Summary:   "space before , . ; : ? ! in an English paragraph",
	SummaryZh: "英文段落中标点前有空格",
	Doc: `In English the marks , . ; : ? ! follow the word directly; a space before
them (word , word) is a typing slip or the French convention, and lets the
mark wrap to the start of a line (reference §2.7, §3.8
ENG-SPACE-BEFORE-PUNCT). The safe fix removes the space.

Only English paragraphs are checked (see english-fullwidth-punct). Not
reported: an ellipsis (wait ... what), a period that starts a word or a
number (.NET, .5), marks followed directly by a letter or digit (?query,
!important), spaced ratios and times (1 : 500), emoticons (:-) ;)) and
marks at the start of a line.`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "The report was adopted , and the meeting closed .\n",
		Good:  "The report was adopted, and the meeting closed.\n",
		Fixed: "The report was adopted, and the meeting closed.\n",
	}, {
		Good: "Wait ... the .NET runtime runs at a scale of 1 : 500 :-)\n",
	}},
	Run: runEnglishSpaceBeforePunct,
}

func runEnglishSpaceBeforePunct(p *lint.Pass) error {
	feats := features(p.Doc)
	for i, b := range p.Doc.Blocks {
		if feats[i]&featEnglish == 0 {
			continue
		}
		text := b.Text()
		if !strings.ContainsAny(text, ",.;:?!") {
			continue
		}
		var pr *lint.Prose
		for i := 1; i < len(text); i++ {
			c := text[i]
			if c != ',' && c != '.' && c != ';' && c != ':' && c != '?' && c != '!' {
				continue
			}
			if text[i-1] != ' ' && text[i-1] != '\t' {
				continue
			}
			s := i
			for s > 0 && (text[s-1] == ' ' || text[s-1] == '\t') {
				s--
			}
			if s == 0 || text[s-1] == '\n' || !spaceBeforeIsWrong(text, s, i) {
				continue
			}
			if pr == nil {
				pr = b.Prose()
			}
			p.Report(lint.Diagnostic{
				Span:      pr.SrcSpan(s, i+1),
				Message:   "space before " + string(c) + "; the mark follows the word directly",
				MessageZh: "标点“" + string(c) + "”前不应有空格",
				Fixes:     fullFix(p, pr, s, i, "", "remove the space", true),
			})
		}
	}
	return nil
}

// spaceBeforeIsWrong decides for the mark at i, with spaces from s.
func spaceBeforeIsWrong(text string, s, i int) bool {
	c := text[i]
	var next byte
	if i+1 < len(text) {
		next = text[i+1]
	}
	switch {
	case c == '.' && next == '.':
		return false // an ellipsis
	case isAlnum(next):
		return false // .NET, .5, ?query, !important, :host
	case c == '.' && (next == '/' || next == '\\' || next == '_' || next == '-'):
		return false // ./configure, .\build.ps1, ._DS_Store, .-separated
	case (c == ':' || c == ';') && (next == ')' || next == '(' || next == '-' || next == 'D' || next == 'P'):
		return false // emoticons
	case c == ':' && text[s-1] >= '0' && text[s-1] <= '9':
		return false // 1 : 500, 10 : 30
	case c == '!' && next == '=':
		return false // a != b
	}
	return true
}
