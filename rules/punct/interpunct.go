package punct

import (
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// Interpunct reports look-alikes of the 间隔号 · between parts of a name.
var Interpunct = &lint.Rule{
	ID:        "interpunct",
	Summary:   "look-alikes ・ • ‧ ． between parts of a name or date instead of the interpunct ·",
	SummaryZh: "人名、译名中的间隔号误用“・”“•”“‧”“．”",
	Doc: `The 间隔号 that separates the parts of transliterated and ethnic-minority
names (尔肯江·吐拉洪, 列夫·托尔斯泰) is the middle dot · U+00B7 (GB/T 15834-2011
§4.14; W3C clreq). Japanese input methods give ・ (U+30FB, or U+FF65), Word
and web pages give the bullet • (U+2022) or the hyphenation point ‧ (U+2027),
and some fonts make the full-width full stop ． look alike.

The same mark separates month and day in the names of events (“9·11”).

The safe fix writes ·. Only a mark between Han characters, or between the
digits of a date in quotes, is touched: bullets that start a list item, a
full-width full stop after a Latin initial (Ｂ．盖茨, as clreq prescribes) or
after a Chinese enumerator (一．总则) are left alone, and ． is not touched at
all in a document that uses it as its full stop (as some science texts do).`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "省政协党组书记、副主席尔肯江・吐拉洪出席并讲话。\n",
		Good:  "省政协党组书记、副主席尔肯江·吐拉洪出席并讲话。\n",
		Fixed: "省政协党组书记、副主席尔肯江·吐拉洪出席并讲话。\n",
	}, {
		Good: "• 第一项\n\n一．总则\n\n比尔·盖茨又名Ｂ．盖茨。\n",
	}},
	Run: runInterpunct,
}

func isInterpunctLookalike(r rune) bool {
	switch r {
	case '・', '･', '•', '‧', '．':
		return true
	}
	return false
}

type fullStopStyleKey struct{}

func runInterpunct(p *lint.Pass) error {
	bms := docMarks(p.Doc)
	for bi := range bms {
		bm := &bms[bi]
		for _, m := range bm.marks {
			if m.cls&cInterpunct == 0 {
				continue
			}
			t := bm.text
			off := int(m.off)
			end := off + runeLen(m.r)
			b, a := prevRune(t, off), nextRune(t, end)
			if !(zh.IsHan(b) && zh.IsHan(a) || quotedDate(t, off, end)) {
				continue
			}
			if m.r == '．' && (usesFullWidthStop(p.Doc) || enumeratorBefore(t, off)) {
				continue
			}
			span := bm.pr.SrcSpan(off, end)
			d := lint.Diagnostic{
				Span:      span,
				Message:   string(m.r) + " between parts of a name; the interpunct is ·",
				MessageZh: "间隔号应为“·”，不是“" + string(m.r) + "”",
			}
			if bm.pr.Contiguous(off, end) {
				d.Fixes = []lint.Fix{{Message: "use ·", Safe: true, Edits: []lint.Edit{{Start: span.Start, End: span.End, New: "·"}}}}
			}
			p.Report(d)
		}
	}
	return nil
}

// quotedDate reports month and day of an event name in quotes, “9・11”
// (GB/T 15834-2011 §4.14): digits on both sides of the mark and quotes
// around them.
func quotedDate(t string, off, end int) bool {
	i := off
	for i > 0 && zh.IsDigit(rune(t[i-1])) {
		i--
	}
	j := end
	for j < len(t) && zh.IsDigit(rune(t[j])) {
		j++
	}
	if i == off || j == end || off-i > 2 || j-end > 2 {
		return false
	}
	return prevRune(t, i) == '“' && nextRune(t, j) == '”'
}

// usesFullWidthStop reports whether the document uses ． as its full stop
// somewhere (at the end of a sentence: before a space, a line end or a
// closing mark), the convention of some science texts.
func usesFullWidthStop(doc *lint.Document) bool {
	return doc.Cache(fullStopStyleKey{}, func() any {
		for _, bm := range docMarks(doc) {
			for _, m := range bm.marks {
				if m.r != '．' {
					continue
				}
				a := nextRune(bm.text, int(m.off)+runeLen(m.r))
				if isEdge(a) || zh.IsSpace(a) || zh.IsClosingCJK(a) {
					return true
				}
			}
		}
		return false
	}).(bool)
}
