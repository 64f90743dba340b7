package style

import (
	"fmt"

	"github.com/draftlint/draftlint/lint"
)

// CJKLatinSpacingMixed reports a document that sometimes puts a space
// between Chinese and Latin letters or digits and sometimes not.
var CJKLatinSpacingMixed = &lint.Rule{
	ID:        "cjk-latin-spacing-mixed",
	Summary:   "spacing between Chinese and Latin letters or digits is inconsistent within the document",
	SummaryZh: "同一文档中中文与英文、数字之间的空格用法不一致",
	Doc: `Official prose writes 5G基站, 占GDP比重, 2023年 without spaces; web copy
writes 使用 Go 语言 with them (reference §2.4, §3.7 STYLE-SPACING-PROFILE).
Either is acceptable — W3C clreq treats the gap as a rendering matter — but
one document should not mix them, which happens when parts come from
different authors.

This rule is the official profile's counterpart of cjk-latin-spacing (which
is on only in the copywriting profile and then asks for spaces everywhere).
It counts the runs of Latin letters and digits that touch Han characters:
those with a space on their Han side(s) and those without. When both kinds
occur, the less frequent kind is reported at info (on a tie, the spaced
one, since the official default is no space); the unsafe fix aligns it with
the rest of the document.

Not counted: spaces between two Han characters (第一条 中华人民共和国,
《中共湖北省委 湖北省人民政府关于…》), runs spaced on one side only, such as
a date after a name (湖北省人民政府 2024年3月1日), and English runs between
quotation marks or brackets.`,
	Category: "style",
	Severity: lint.Info,
	Profiles: []string{"official"},
	Examples: []lint.Example{{
		Bad:   "全省共建成5G基站15.8万个，占GDP比重达47.5%。新建 5G 基站 4 万个。\n",
		Good:  "全省共建成5G基站15.8万个，占GDP比重达47.5%。新建5G基站4万个。\n",
		Fixed: "全省共建成5G基站15.8万个，占GDP比重达47.5%。新建5G基站4万个。\n",
	}, {
		Good: "第一条 中华人民共和国是社会主义国家。2023年，湖北省新建5G基站4万个。\n",
	}},
	Run: runCJKLatinSpacingMixed,
}

func runCJKLatinSpacingMixed(p *lint.Pass) error {
	// Documents without a single spaced run (official prose) stop here.
	feats := features(p.Doc)
	somewhere := false
	for _, f := range feats {
		somewhere = somewhere || f&featSpacedLatin != 0
	}
	if !somewhere {
		return nil
	}
	spaced, tight := 0, 0
	for _, b := range p.Doc.Blocks {
		scanLatinRuns(b.Text(), func(r latinRun) {
			switch r.spacing() {
			case sideSpaced:
				spaced++
			case sideTight:
				tight++
			}
		})
	}
	if spaced == 0 || tight == 0 {
		return nil
	}
	minority, others := sideSpaced, tight
	if spaced > tight {
		minority, others = sideTight, spaced
	}
	for _, b := range p.Doc.Blocks {
		text := b.Text()
		var pr *lint.Prose
		scanLatinRuns(text, func(r latinRun) {
			if r.spacing() != minority {
				return
			}
			if pr == nil {
				pr = b.Prose()
			}
			word := text[r.s:r.e]
			d := lint.Diagnostic{Span: pr.SrcSpan(r.s, r.e)}
			var edits []lint.Edit
			if minority == sideSpaced {
				d.Message = fmt.Sprintf("space between Chinese and %q, while %d other places in this document have none", word, others)
				d.MessageZh = fmt.Sprintf("中文与“%s”之间有空格，而本文另有%d处不加空格", word, others)
				if r.left == sideSpaced && pr.Contiguous(r.s-1, r.s) {
					at := pr.Src(r.s - 1)
					edits = append(edits, lint.Edit{Start: at, End: at + 1})
				}
				if r.right == sideSpaced && pr.Contiguous(r.e, r.e+1) {
					at := pr.Src(r.e)
					edits = append(edits, lint.Edit{Start: at, End: at + 1})
				}
				if len(edits) > 0 {
					d.Fixes = fixIfClear(p, lint.Fix{Message: "remove the space", Edits: edits})
				}
			} else {
				d.Message = fmt.Sprintf("no space between Chinese and %q, while %d other places in this document have one", word, others)
				d.MessageZh = fmt.Sprintf("中文与“%s”之间没有空格，而本文另有%d处加了空格", word, others)
				if r.left == sideTight {
					at := pr.SrcEnd(r.s)
					edits = append(edits, lint.Edit{Start: at, End: at, New: " "})
				}
				if r.right == sideTight {
					at := pr.Src(r.e)
					edits = append(edits, lint.Edit{Start: at, End: at, New: " "})
				}
				d.Fixes = fixIfClear(p, lint.Fix{Message: "add a space", Edits: edits})
			}
			p.Report(d)
		})
	}
	return nil
}
