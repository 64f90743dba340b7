package punct

import (
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// Ellipsis reports ellipses not written as …… in Chinese text.
var Ellipsis = &lint.Rule{
	ID:        "ellipsis",
	Summary:   "ellipsis written as ... 。。。 or a single … in Chinese text, or …… followed by 。",
	SummaryZh: "省略号写成“...”“。。。”或单个“…”，或“……”后加句号",
	Doc: `The Chinese ellipsis is six dots in two cells, …… (two U+2026; GB/T 15834-2011
§4.11, W3C clreq). Drafts typed with an English input method write three
ASCII dots, a single …, full stops (。。。), middle dots (···) or the
mathematical ⋯; and since the ellipsis already ends the sentence, a full stop
after it (……。) is redundant.

The safe fix writes …… and drops a full stop that follows. Only marks next
to Chinese text are touched: English sentences keep their own ellipsis
(Wait... / Wait…), numbers and ranges (1...10) are left alone, and so are
dot leaders in tables of contents (第一章 总则......1) and English paragraphs
that quote a Chinese phrase (keep 中共湖北省委… and). Two ellipses (…………)
for omitted paragraphs are allowed.`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "云计算、大数据、区块链...等新兴产业。\n",
		Good:  "云计算、大数据、区块链……等新兴产业。\n",
		Fixed: "云计算、大数据、区块链……等新兴产业。\n",
	}, {
		Bad:   "他想了想说：“这个嘛。。。”\n",
		Fixed: "他想了想说：“这个嘛……”\n",
	}, {
		Bad:   "我们要加强领导、完善制度……。\n",
		Fixed: "我们要加强领导、完善制度……\n",
	}, {
		Good: "He paused... and said “Wait…”. 第一章 总则......1\n",
	}},
	Run: runEllipsis,
}

func isEllipsisPart(r rune) bool {
	switch r {
	case '.', '…', '⋯', '·', '．':
		return true
	}
	return false
}

func runEllipsis(p *lint.Pass) error {
	bms := docMarks(p.Doc)
	for bi := range bms {
		bm := &bms[bi]
		ms := bm.marks
		for i := 0; i < len(ms); i++ {
			if ms[i].cls&cEllipsis == 0 {
				continue
			}
			r := ms[i].r
			// The run of adjacent marks of the same family.
			j := i + 1
			for j < len(ms) && ms[j].off == ms[j-1].off+int32(runeLen(ms[j-1].r)) &&
				(r == '。' && ms[j].r == '。' || r != '。' && ms[j].r != '。' && ms[j].cls&cEllipsis != 0) {
				j++
			}
			if j == i+1 && r != '…' && r != '⋯' {
				continue // a full stop, a period, an interpunct
			}
			checkEllipsis(p, bm, ms[i:j])
			i = j - 1
		}
	}
	return nil
}

func checkEllipsis(p *lint.Pass, bm *blockMarks, run []mark) {
	t := bm.text
	start := int(run[0].off)
	end := int(run[len(run)-1].off) + runeLen(run[len(run)-1].r)
	var dots, ells, mids, middots, fw, stops int
	for _, m := range run {
		switch m.r {
		case '.':
			dots++
		case '…':
			ells++
		case '⋯':
			mids++
		case '·':
			middots++
		case '．':
			fw++
		case '。':
			stops++
		}
	}
	n := len(run)
	var what string
	proper := false
	switch {
	case stops > 0:
		if n < 3 {
			return // 。。 is repeated-punct's
		}
		what = "full stops"
	case ells == n:
		if n%2 == 0 {
			proper = true
		} else if n == 1 {
			what = "a single …"
		} else {
			what = "an odd number of …"
		}
	case dots == n:
		if n < 3 {
			return
		}
		what = "ASCII dots"
	case middots == n:
		if n < 3 {
			return // an interpunct
		}
		what = "middle dots"
	case fw == n:
		if n < 3 {
			return
		}
		what = "full-width dots"
	case mids > 0 && mids == n:
		what = "⋯"
	default:
		what = "mixed dots"
	}
	before := prevRune(t, start)
	after := nextRune(t, end)
	if !proper && stops == 0 && (!bm.zh || !isHanSide(before) && !isHanSide(after)) {
		return // English or notation: Wait... 1...10 x⋯y, keep 湖北省委… and
	}
	if tocLeader(t, end) {
		return
	}
	fixEnd := end
	if after == '。' {
		fixEnd += len("。")
	}
	if proper && fixEnd == end {
		return
	}
	var msg, msgZh string
	switch {
	case proper:
		msg = "full stop after an ellipsis; …… ends the sentence by itself"
		msgZh = "省略号后不再加句号"
	case fixEnd > end:
		msg = "ellipsis written as " + what + " and followed by a full stop; use …… alone"
		msgZh = "省略号写法不规范且后加句号，应为“……”"
	default:
		msg = "ellipsis written as " + what + "; use ……"
		msgZh = "省略号写法不规范，应为“……”"
	}
	span := bm.pr.SrcSpan(start, fixEnd)
	d := lint.Diagnostic{Span: span, Message: msg, MessageZh: msgZh}
	if bm.pr.Contiguous(start, fixEnd) {
		d.Fixes = []lint.Fix{{Message: "use ……", Safe: true, Edits: []lint.Edit{{Start: span.Start, End: span.End, New: "……"}}}}
	}
	p.Report(d)
}

// tocLeader reports dots followed by a page number at the end of a line:
// a table-of-contents leader.
func tocLeader(t string, end int) bool {
	r, k := zh.NextRune(t, end, true)
	if k < 0 || !zh.IsDigit(r) {
		return false
	}
	for k < len(t) && zh.IsDigit(rune(t[k])) {
		k++
	}
	r, _ = zh.NextRune(t, k, true)
	return isEdge(r)
}
