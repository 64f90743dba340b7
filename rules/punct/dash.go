package punct

import (
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// Dash reports 破折号 not written as ——.
var Dash = &lint.Rule{
	ID:        "dash",
	Summary:   "dash written as -- －－ ― ─ or an odd number of — in Chinese text",
	SummaryZh: "破折号写成“--”“－－”“―”“─”或奇数个“—”",
	Doc: `The Chinese dash (破折号) is two em dashes, ——, two cells wide and never split
(GB/T 15834-2011 §4.10, §5.1.4; W3C clreq also accepts U+2E3A ⸺). Drafts
build it from ASCII hyphens (--), full-width hyphen-minus (－－), the
horizontal bar ― (U+2015), box-drawing lines ─ ━ (U+2500, U+2501) or three
em dashes, and extraction sometimes leaves a single dash where a 破折号
opened a line or followed a comma.

The fix writes —— (removing spaces around the old dash); it is unsafe
because a single mark may have been a connector. A single em dash between
words or numbers is the connector of §4.13 (世界级—国家级—省级,
2023—2025年, 北京—上海) and is left alone, as are —— itself, hyphens in
words, codes and ranges (5G-A, 2016-2020), command-line options (--fix),
horizontal rules and box drawings, and long runs used as blanks (————).`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "实施龙头企业帮扶中小企业智能化转型示范工程--选择代表性行业。\n",
		Good:  "实施龙头企业帮扶中小企业智能化转型示范工程——选择代表性行业。\n",
		Fixed: "实施龙头企业帮扶中小企业智能化转型示范工程——选择代表性行业。\n",
	}, {
		Bad:   "―到本世纪中叶，城乡融合发展体制机制成熟定型。\n",
		Fixed: "——到本世纪中叶，城乡融合发展体制机制成熟定型。\n",
	}, {
		Good: "构建世界级—国家级—省级先进制造业集群，《行动方案(2023—2025年)》，运行 draftlint --fix 即可。\n",
	}},
	Run: runDash,
}

func isDashPart(r rune) bool {
	switch r {
	case '-', '－', '―', '─', '━', '—', '–', '‒', '﹘':
		return true
	}
	return false
}

func runDash(p *lint.Pass) error {
	bms := docMarks(p.Doc)
	for bi := range bms {
		bm := &bms[bi]
		if !bm.zh {
			continue // English text: its dashes are its own
		}
		ms := bm.marks
		for i := 0; i < len(ms); i++ {
			if ms[i].cls&cDash == 0 {
				continue
			}
			j := i + 1
			for j < len(ms) && ms[j].cls&cDash != 0 && ms[j].off == ms[j-1].off+int32(runeLen(ms[j-1].r)) {
				j++
			}
			if j == i+1 && ms[i].r == '-' {
				continue // a hyphen
			}
			checkDash(p, bm, ms[i:j])
			i = j - 1
		}
	}
	return nil
}

func checkDash(p *lint.Pass, bm *blockMarks, run []mark) {
	t := bm.text
	n := len(run)
	start := int(run[0].off)
	end := int(run[n-1].off) + runeLen(run[n-1].r)
	em, ascii := 0, 0
	for _, m := range run {
		switch m.r {
		case '—':
			em++
		case '-':
			ascii++
		}
	}
	if em == 2 && n == 2 || n > 4 {
		return // —— itself; long runs are rules or blanks
	}
	if n == 4 && em == 4 {
		return // ———— a blank to fill in
	}
	// Direct neighbours: letters or digits glued to the run make it a
	// hyphen, an option or a range (5G-A, --fix, 2016--2020, a--b).
	db, da := prevRune(t, start), nextRune(t, end)
	if zh.IsLatin(db) || zh.IsDigit(db) || zh.IsLatin(da) || zh.IsDigit(da) {
		return
	}
	// Neighbours across spaces decide whether this is Chinese text.
	sb, bk := zh.PrevRune(t, start, true)
	sa, ak := zh.NextRune(t, end, true)
	bEdge, aEdge := isEdge(sb), isEdge(sa)
	if bEdge && aEdge {
		return // a line of its own: a separator
	}
	if !(isHanSide(sb) || bEdge || sb == '“' || sb == '”') || !(isHanSide(sa) || aEdge || sa == '“' || sa == '‘') {
		return
	}
	if !isHanSide(sb) && !isHanSide(sa) {
		return
	}
	spaced := bk+runeLen(sb) < start && !bEdge || ak > end && !aEdge
	single := n == 1
	if single {
		switch run[0].r {
		case '—', '―', '─', '━':
		default:
			return // - － – are hyphens, minus signs and connectors
		}
		// A single dash is a connector unless it opens a line or sits
		// next to a point mark or spaces: 2023—2025, 北京—上海.
		if !bEdge && !spaced && !isPoint(sb) && !isPoint(sa) {
			return
		}
		if zh.IsDigit(sb) || zh.IsDigit(sa) {
			return
		}
	} else if ascii == n && n == 1 {
		return
	}
	// Replace the run and the spaces between it and the text around it
	// (not the indentation at the start of a line).
	fs, fe := start, end
	if !bEdge {
		fs = bk + runeLen(sb)
	}
	if !aEdge {
		fe = ak
	}
	var what string
	switch {
	case ascii == n:
		what = "hyphens"
	case em == n:
		if n == 1 {
			what = "a single em dash"
		} else {
			what = "three em dashes"
		}
	default:
		what = bm.text[start:end]
	}
	span := bm.pr.SrcSpan(start, end)
	d := lint.Diagnostic{
		Span:      span,
		Message:   "dash written as " + what + "; the Chinese dash is ——",
		MessageZh: "破折号写法不规范，应为“——”",
	}
	if bm.pr.Contiguous(fs, fe) {
		fsp := bm.pr.SrcSpan(fs, fe)
		d.Fixes = []lint.Fix{{Message: "use ——", Safe: false, Edits: []lint.Edit{{Start: fsp.Start, End: fsp.End, New: "——"}}}}
	}
	p.Report(d)
}
