package punct

import (
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// RepeatedPunct reports doubled point marks.
var RepeatedPunct = &lint.Rule{
	ID:        "repeated-punct",
	Summary:   "doubled point marks such as ，， 。。 、、 ；； ，。",
	SummaryZh: "点号重复，如“，，”“。。”“、、”“；；”“，。”",
	Doc: `A point mark (GB/T 15834-2011 §4.1–4.7: 。，、；：？！) marks one pause; two in a
row are a typing or merging slip: ，， 。。 、、 ；； or a comma left before the
full stop that replaced a clause (，。).

The safe fix keeps one mark: the repeated one, or the full stop after
commas, enumeration commas and semicolons, or the question or exclamation
mark after any other point mark. Other mixtures (：， or 。，) are reported with
an unsafe fix that keeps the stronger mark, because which one was meant is
for the writer.

Question and exclamation marks may be repeated up to three times
(§4.2, §4.3) and combined as ？！; longer runs are reported as info
without a fix. Three or more full stops (。。。) are an ellipsis written
wrongly and are left to the ellipsis rule.`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "会议强调，，要认真对标对表。。\n",
		Good:  "会议强调，要认真对标对表。\n",
		Fixed: "会议强调，要认真对标对表。\n",
	}, {
		Bad:   "这是为什么，。\n",
		Fixed: "这是为什么。\n",
	}, {
		Good: "真的吗？！太好了！！！\n",
	}},
	Run: runRepeated,
}

func isPoint(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！':
		return true
	}
	return false
}

// rank orders point marks by strength for the unsafe choice.
func rank(r rune) int {
	switch r {
	case '？', '！':
		return 5
	case '。':
		return 4
	case '；':
		return 3
	case '：':
		return 2
	case '，':
		return 1
	}
	return 0
}

func runRepeated(p *lint.Pass) error {
	for _, bm := range docMarks(p.Doc) {
		if !bm.zh {
			continue // English text listing marks: the marks 。！？ end sentences
		}
		ms := bm.marks
		for i := 0; i+1 < len(ms); i++ {
			// A run of adjacent point marks (each is three bytes).
			if ms[i+1].off != ms[i].off+3 || ms[i].cls&ms[i+1].cls&cPoint == 0 {
				continue
			}
			j := i + 2
			for j < len(ms) && ms[j].cls&cPoint != 0 && ms[j].off == ms[j-1].off+3 {
				j++
			}
			if j-i >= 2 {
				checkRun(p, &bm, ms[i:j])
			}
			i = j - 1
		}
	}
	return nil
}

func checkRun(p *lint.Pass, bm *blockMarks, run []mark) {
	start, end := int(run[0].off), int(run[len(run)-1].off)+3
	var sb strings.Builder
	stops, qe, other := 0, 0, 0
	for _, m := range run {
		sb.WriteRune(m.r)
		switch m.r {
		case '。':
			stops++
		case '？', '！':
			qe++
		default:
			other++
		}
	}
	text := sb.String()
	if strings.Contains(text, "。。。") {
		return // an ellipsis written wrongly: the ellipsis rule's
	}
	if len(run) >= 3 && allDistinct(run) {
		return // a list of the marks themselves: 。！？；
	}
	span := bm.pr.SrcSpan(start, end)
	if qe == len(run) {
		if len(run) <= 3 {
			return // ？！ ！！ ？？？ are allowed
		}
		p.Report(lint.Diagnostic{
			Span:      span,
			Severity:  lint.Info,
			Message:   "more than three question or exclamation marks in a row (" + text + ")",
			MessageZh: "问号、叹号连用超过三个（" + text + "）",
		})
		return
	}
	keep, safe := "", true
	same := true
	for _, m := range run[1:] {
		same = same && m.r == run[0].r
	}
	switch {
	case same:
		keep = string(run[0].r)
	case qe > 0:
		// Keep the question and exclamation marks: 什么？。 → 什么？
		var k strings.Builder
		for _, m := range run {
			if m.r == '？' || m.r == '！' {
				k.WriteRune(m.r)
			}
		}
		keep = k.String()
		if len([]rune(keep)) > 3 {
			keep = string([]rune(keep)[:3])
		}
		for _, m := range run {
			safe = safe && m.r != '：'
		}
	case run[len(run)-1].r == '。' && stops == 1 && onlyWeak(run[:len(run)-1]):
		keep = "。"
	default:
		best := run[0].r
		for _, m := range run[1:] {
			if rank(m.r) > rank(best) {
				best = m.r
			}
		}
		keep, safe = string(best), false
	}
	d := lint.Diagnostic{
		Span:      span,
		Message:   "repeated punctuation " + text + "; keep " + keep,
		MessageZh: "标点重复“" + text + "”，保留“" + keep + "”",
	}
	if bm.pr.Contiguous(start, end) {
		d.Fixes = []lint.Fix{{Message: "keep " + keep, Safe: safe, Edits: []lint.Edit{{Start: span.Start, End: span.End, New: keep}}}}
	}
	p.Report(d)
}

func onlyWeak(run []mark) bool {
	for _, m := range run {
		if m.r != '，' && m.r != '、' && m.r != '；' {
			return false
		}
	}
	return true
}

func allDistinct(run []mark) bool {
	for i := range run {
		for j := i + 1; j < len(run); j++ {
			if run[i].r == run[j].r {
				return false
			}
		}
	}
	return true
}
