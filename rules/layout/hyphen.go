package layout

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// HyphenBreak reports English words broken by a hyphen at a line end.
var HyphenBreak = &lint.Rule{
	ID:        "hyphen-break",
	Summary:   "english word broken by a hyphen at a line or paragraph end",
	SummaryZh: "英文单词在行末或段末被连字符断开",
	Doc: `Typeset English breaks long words at the end of a line with a hyphen
(infor- / mation). Text copied out of the layout keeps the hyphen and the
line break, so the word is misspelt for search, spelling checks and
readers; CY/T 154-2017 asks that English words inside Chinese text not be
broken without need. The rule reports a line (or paragraph) that ends with
a lower-case word fragment and a hyphen when the next line starts with a
lower-case fragment. Fragments that are usually the first part of a real
compound (self-, well-, non-, ex-, in-, long-, …) are left alone, since
there the hyphen may belong to the word, unless the joined word is
written whole elsewhere in the same document (in-|formation, where
"information" occurs again); re-, co-, pre-, de-, anti-, semi- and multi-
before a vowel (re-elect, co-operate) are left alone too.

The fix (unsafe: a real compound broken at its hyphen would lose the
hyphen) removes the hyphen and the line break, joining the word.`,
	Category: "layout",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "The system stores the infor-\nmation in one place.\n",
		Good:  "The system stores the information in one place.\n",
		Fixed: "The system stores the information in one place.\n",
	}, {
		Good: "It is a well-\nknown result.\n",
	}},
	Run: runHyphenBreak,
}

// Fragments that commonly start hyphenated compounds.
var compoundHeads = map[string]bool{
	"self": true, "well": true, "non": true, "cross": true,
	"high": true, "low": true, "long": true, "short": true, "full": true, "part": true, "post": true,
	"sub": true, "inter": true, "ex": true, "state": true, "one": true,
	"two": true, "three": true, "four": true, "five": true, "half": true, "all": true, "open": true,
	"real": true, "end": true, "user": true, "day": true, "year": true, "time": true, "top": true,
	"up": true, "in": true, "on": true, "off": true, "out": true, "over": true, "under": true,
	"e": true, "mid": true, "decision": true, "data": true, "cost": true, "world": true,
	"first": true, "second": true, "third": true, "large": true, "small": true, "fast": true,
	"policy": true, "peer": true, "socio": true, "x": true,
}

// Prefixes that take a hyphen before a vowel (re-elect, co-operate,
// pre-empt) but are broken words before a consonant (re-|viewed).
var vowelPrefixes = map[string]bool{"re": true, "co": true, "pre": true, "de": true, "anti": true, "semi": true, "multi": true}

func isVowel(c byte) bool { return strings.IndexByte("aeiouAEIOU", c) >= 0 }

type hyphenHit struct {
	span lint.Span // the fragment before the hyphen, with the hyphen
	edit lint.Edit // delete hyphen .. start of the next fragment
	word string
}

func hyphenBreaks(doc *lint.Document) []hyphenHit {
	var out []hyphenHit
	src := doc.Src
	n := doc.LineCount()
	for bi, b := range doc.Blocks {
		if b.Kind != lint.Paragraph && b.Kind != lint.ListItem && b.Kind != lint.Quote {
			continue
		}
		first, last := doc.Line(b.Span.Start), doc.Line(max(b.Span.End-1, b.Span.Start))
		// A line that ends with a hyphen holds one: one vectorised search
		// over the block's lines rejects nearly every block.
		if bytes.IndexByte(src[doc.LineSpan(first).Start:doc.LineSpan(last).End], '-') < 0 {
			continue
		}
		for ln := first; ln <= last; ln++ {
			sp := doc.LineSpan(ln)
			s, e := trimSpan(src, sp)
			if e-s < 3 || src[e-1] != '-' || doc.InRegion(e-1) {
				continue
			}
			// The fragment before the hyphen: ASCII letters, ending lower case.
			k := e - 1
			for k > s && isASCIILetter(src[k-1]) {
				k--
			}
			frag := string(src[k : e-1])
			if len(frag) < 2 || !isLower(frag[len(frag)-1]) || (k > s && src[k-1] == '-') {
				continue
			}
			head := compoundHeads[strings.ToLower(frag)]
			// The next line: the same block's next line, or the next
			// paragraph's first line.
			nl := ln + 1
			if ln == last {
				if bi+1 >= len(doc.Blocks) || doc.Blocks[bi+1].Kind != lint.Paragraph {
					continue
				}
				nl = doc.Line(doc.Blocks[bi+1].Span.Start)
			}
			if nl > n {
				continue
			}
			ns, ne := trimSpan(src, doc.LineSpan(nl))
			if vowelPrefixes[strings.ToLower(frag)] && ns < ne && isVowel(src[ns]) {
				continue
			}
			j := ns
			for j < ne && isLower(src[j]) {
				j++
			}
			if j-ns < 2 || j < ne && isASCIILetter(src[j]) {
				continue
			}
			if head && !wordElsewhere(src, frag+string(src[ns:j])) {
				continue
			}
			ed := lint.Edit{Start: e - 1, End: ns}
			if doc.OverlapsRegion(lint.Span{Start: ed.Start, End: ed.End}) {
				continue
			}
			out = append(out, hyphenHit{span: lint.Span{Start: k, End: e}, edit: ed, word: frag + string(src[ns:j])})
		}
	}
	return out
}

// wordElsewhere reports whether word occurs in src as a whole word (not
// next to other letters or a hyphen), matching its first letter in either
// case: a word broken after in-, ex- or inter- (in-|formation) is most
// often written whole elsewhere in the same document, a compound
// (in-|depth) is not.
func wordElsewhere(src []byte, word string) bool {
	w := []byte(word)
	for i := 0; i+len(w) <= len(src); {
		k := bytes.Index(src[i:], w[1:])
		if k < 0 {
			return false
		}
		at := i + k - 1 // where the first letter should be
		i += k + 1
		if at < 0 || src[at]|0x20 != w[0]|0x20 {
			continue
		}
		end := at + len(w)
		if at > 0 && (isASCIILetter(src[at-1]) || src[at-1] == '-') || end < len(src) && (isASCIILetter(src[end]) || src[end] == '-') {
			continue
		}
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isLower(c byte) bool       { return c >= 'a' && c <= 'z' }

func runHyphenBreak(p *lint.Pass) error {
	for _, h := range hyphenBreaks(p.Doc) {
		p.Report(lint.Diagnostic{
			Span:      h.span,
			Message:   fmt.Sprintf("word broken by a hyphen at the line end: “%s”?", h.word),
			MessageZh: fmt.Sprintf("英文单词在行末被连字符断开，应为“%s”？", h.word),
			Fixes:     []lint.Fix{{Message: "join the word", Edits: []lint.Edit{h.edit}}},
		})
	}
	return nil
}
