package punct

import (
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// StraightQuotes reports ASCII quotes in Chinese text.
var StraightQuotes = &lint.Rule{
	ID:        "straight-quotes",
	Summary:   "straight quotes \" ' in Chinese text instead of “” ‘’",
	SummaryZh: "中文语境中使用了直引号",
	Doc: `Chinese text quotes with “” and, inside them, ‘’ (GB/T 15834-2011 §4.8, §5.1.3;
W3C clreq). ASCII " and ' come from English input methods and plain-text
editors.

Quotes are paired by order within the paragraph, double and single
separately; a pair is converted when a Chinese character stands right
outside it (他说"OK"也行 becomes 他说“OK”也行) or, in Chinese text, when its
content holds a Han character. The fix is safe when the paragraph pairs
cleanly: an even number of marks, each opener followed and each closer
preceded by text. Otherwise the same conversion is offered as an unsafe fix;
a mark left without a partner gets the direction its neighbours suggest.
Left alone: English paragraphs and documents (the term "人民民主"),
apostrophes (don't, Xi'an), inch, foot and minute marks after digits (5"
30') unless a quote is open ("2023"), and code and URLs.`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "围绕\"推动实体经济和数字经济深度融合\"建言资政，培育发展'数商'新业态。\n",
		Good:  "围绕“推动实体经济和数字经济深度融合”建言资政，培育发展‘数商’新业态。\n",
		Fixed: "围绕“推动实体经济和数字经济深度融合”建言资政，培育发展‘数商’新业态。\n",
	}, {
		Good: "He said \"don't\" in Xi'an.\n",
	}},
	Run: runStraightQuotes,
}

func runStraightQuotes(p *lint.Pass) error {
	ds := scanOf(p.Doc)
	bms := ds.blocks
	var dq, sq []int
	for bi := range bms {
		bm := &bms[bi]
		if !bm.han {
			continue
		}
		dq, sq = dq[:0], sq[:0]
		t := bm.text
		for _, m := range bm.marks {
			if m.cls&cStraight == 0 {
				continue
			}
			off := int(m.off)
			b, a := prevRune(t, off), nextRune(t, off+1)
			if zh.IsDigit(b) {
				// 5" 30' are units, unless a quote is open: "2023"
				if m.r == '"' && len(dq)%2 == 1 {
					dq = append(dq, off)
				} else if m.r == '\'' && len(sq)%2 == 1 {
					sq = append(sq, off)
				}
				continue
			}
			if m.r == '"' {
				dq = append(dq, off)
				continue
			}
			if (zh.IsLatin(b) || zh.IsDigit(b)) && (zh.IsLatin(a) || zh.IsDigit(a)) {
				continue // don't, Xi'an
			}
			if zh.IsLatin(b) && !isHanSide(a) {
				continue // teachers'
			}
			sq = append(sq, off)
		}
		if len(dq) == 0 && len(sq) == 0 {
			continue
		}
		safe := cleanPairs(t, dq) && cleanPairs(t, sq)
		zhText := bm.zh && ds.zh
		quotePairs(p, bm, dq, '“', '”', safe, zhText)
		quotePairs(p, bm, sq, '‘', '’', safe, zhText)
	}
	return nil
}

// cleanPairs: an even number of marks, and pairing by order makes every
// opener precede text and every closer follow text.
func cleanPairs(t string, offs []int) bool {
	if len(offs)%2 != 0 {
		return false
	}
	for i, off := range offs {
		if i%2 == 0 {
			a := nextRune(t, off+1)
			if isEdge(a) || zh.IsSpace(a) {
				return false
			}
		} else {
			b := prevRune(t, off)
			if isEdge(b) || zh.IsSpace(b) {
				return false
			}
		}
	}
	return true
}

func quotePairs(p *lint.Pass, bm *blockMarks, offs []int, open, close rune, safe, zhText bool) {
	t := bm.text
	name := "double"
	if open == '‘' {
		name = "single"
	}
	for i := 0; i+1 < len(offs); i += 2 {
		o, c := offs[i], offs[i+1]
		if !chineseQuote(t, o, c, open == '“', zhText) {
			continue
		}
		so, sc := bm.pr.SrcSpan(o, o+1), bm.pr.SrcSpan(c, c+1)
		d := lint.Diagnostic{
			Span:      so,
			Message:   "straight " + name + " quotes in Chinese text; use " + string(open) + string(close),
			MessageZh: "中文语境中使用了直引号，应使用" + string(open) + string(close),
			Related:   []lint.Related{{Span: sc, Message: "the closing quote"}},
		}
		if bm.pr.Contiguous(o, o+1) && bm.pr.Contiguous(c, c+1) {
			d.Fixes = []lint.Fix{{Message: "use " + string(open) + string(close), Safe: safe, Edits: []lint.Edit{
				{Start: so.Start, End: so.End, New: string(open)},
				{Start: sc.Start, End: sc.End, New: string(close)},
			}}}
		}
		p.Report(d)
	}
	if len(offs)%2 == 0 {
		return
	}
	// The one left over: convert it by its context, unsafely, when it
	// touches Chinese text.
	off := offs[len(offs)-1]
	b, a := prevRune(t, off), nextRune(t, off+1)
	if !isHanSide(b) && !isHanSide(a) {
		return
	}
	r := close
	if isEdge(b) || zh.IsSpace(b) || zh.IsOpeningCJK(b) || isPoint(b) {
		r = open
	}
	sp := bm.pr.SrcSpan(off, off+1)
	d := lint.Diagnostic{
		Span:      sp,
		Message:   "straight " + name + " quote in Chinese text without a partner; use " + string(r),
		MessageZh: "中文语境中使用了直引号且不成对，应使用" + string(r),
	}
	if bm.pr.Contiguous(off, off+1) {
		d.Fixes = []lint.Fix{{Message: "use " + string(r), Safe: false, Edits: []lint.Edit{{Start: sp.Start, End: sp.End, New: string(r)}}}}
	}
	p.Report(d)
}

// chineseQuote reports whether the pair at o and c quotes in Chinese
// text: Chinese right outside (across spaces for double quotes), or Han
// inside in Chinese text (an English paragraph or document may quote a
// Chinese term: the term "人民民主").
func chineseQuote(t string, o, c int, double, zhBlock bool) bool {
	if zhBlock {
		for _, r := range t[o+1 : c] {
			if zh.IsHan(r) {
				return true
			}
		}
	}
	var b, a rune
	if double {
		b, _ = zh.PrevRune(t, o, true)
		a, _ = zh.NextRune(t, c+1, true)
	} else {
		b, a = prevRune(t, o), nextRune(t, c+1)
	}
	return isHanSide(b) || isHanSide(a)
}
