package punct

import (
	"strconv"

	"github.com/draftlint/draftlint/lint"
)

// QuoteStyle reports a document that mixes “” and 「」 as outer quotes.
var QuoteStyle = &lint.Rule{
	ID:        "quote-style",
	Summary:   "both “” and 「」 used as outer quotes in one document",
	SummaryZh: "同一文档中混用“”和「」作外层引号",
	Doc: `Mainland horizontal text quotes with “” outside and ‘’ inside; corner
brackets 「」『』 belong to vertical text and to Taiwan and Hong Kong usage
(GB/T 15834-2011 §4.8; W3C clreq). Either system is a house style, but one
document should keep to one: text pasted from another source often brings
the other.

Each outer quotation written in the less used system is reported (on a tie,
the corner brackets), pointing at the first quotation in the other system.
There is no fix: converting means changing the inner quotes too, and which
system the document should use is an editorial choice.`,
	Category: "punctuation",
	Severity: lint.Info,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "他说：“我们要把思想统一到全会精神上来。”\n\n她说：「要发挥政协优势。」\n",
		Good: "他说：“我们要把思想统一到全会精神上来。”\n\n她说：“要发挥政协优势。”\n",
	}, {
		Good: "「這是『引文』。」\n",
	}},
	Run: runQuoteStyle,
}

type quoteUse struct {
	blk, off int
	r        rune
}

func runQuoteStyle(p *lint.Pass) error {
	bms := docMarks(p.Doc)
	var curly, corner []quoteUse
	for bi := range bms {
		bm := &bms[bi]
		// Depth counts quotes of both systems; each paragraph starts
		// afresh (a multi-paragraph quotation reopens in each).
		depth := 0
		ms := bm.marks
		for i := 0; i < len(ms); i++ {
			m := ms[i]
			if m.cls&cQuote == 0 {
				continue
			}
			if i+1 < len(ms) && ms[i+1].off == m.off+3 && ms[i+1].r == partner(m.r) && (m.r == '“' || m.r == '「' || m.r == '‘' || m.r == '『') {
				i++
				continue // “” 「」 named as marks, not quoting anything
			}
			switch m.r {
			case '“', '「':
				if depth == 0 {
					u := quoteUse{bi, int(m.off), m.r}
					if m.r == '“' {
						curly = append(curly, u)
					} else {
						corner = append(corner, u)
					}
				}
				depth++
			case '‘', '『':
				depth++
			case '”', '’', '」', '』':
				if depth > 0 {
					depth--
				}
			}
		}
	}
	if len(curly) == 0 || len(corner) == 0 {
		return nil
	}
	minority, majority := corner, curly
	if len(curly) < len(corner) {
		minority, majority = curly, corner
	}
	first := majority[0]
	fb := &bms[first.blk]
	rel := []lint.Related{{
		Span:    fb.pr.SrcSpan(first.off, first.off+runeLen(first.r)),
		Message: "the document quotes with " + quotesOf(first.r) + " here (" + strconv.Itoa(len(majority)) + " times)",
	}}
	for _, u := range minority {
		bm := &bms[u.blk]
		p.Report(lint.Diagnostic{
			Span:      bm.pr.SrcSpan(u.off, u.off+runeLen(u.r)),
			Message:   "quotation in " + quotesOf(u.r) + " while the document mostly uses " + quotesOf(first.r),
			MessageZh: "引号体例不一致：此处用" + quotesOf(u.r) + "，全文多用" + quotesOf(first.r),
			Related:   rel,
		})
	}
	return nil
}

func quotesOf(r rune) string {
	if r == '“' {
		return "“”"
	}
	return "「」"
}
