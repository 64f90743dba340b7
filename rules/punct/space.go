package punct

import (
	"strings"

	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// SpaceAroundPunct reports spaces next to full-width punctuation.
var SpaceAroundPunct = &lint.Rule{
	ID:        "space-around-punct",
	Summary:   "spaces before or after full-width punctuation",
	SummaryZh: "全角标点前后有多余空格",
	Doc: `Full-width punctuation already carries its own white space in the glyph
(GB/T 15834-2011 §5.1: each mark takes a full cell); a space typed before
or after it shows as a gap in print and breaks lines in odd places. The
Chinese copywriting guidelines say the same: no space between full-width
punctuation and other characters.

The safe fix removes the spaces. Curly quotes, the dash —— and the ellipsis
…… are shared with English, so spaces next to them count only when the text
across the space is Chinese (他说 “Hello” loses its space; He said “你好”
keeps it). Left alone: indentation at the start of a line, spaces at the end
of a line (the blank-lines rule handles those; Markdown uses them for line
breaks), columns aligned with spaces in plain-text tables, marks listed with
spaces between them (（） ， ； ： ？ ！), English paragraphs and the ASCII
side of a mark in English documents, and the ideographic space U+3000,
which the ideographic-space rule handles.`,
	Category: "punctuation",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "会议强调 ，要认真对标对表。 他说 “好”。\n",
		Good:  "会议强调，要认真对标对表。他说“好”。\n",
		Fixed: "会议强调，要认真对标对表。他说“好”。\n",
	}, {
		Good: "He said “你好” to me.\n\n《中共湖北省委 湖北省人民政府关于推进新型工业化的意见》\n",
	}},
	Run: runSpaceAroundPunct,
}

// spaceSide: how a mark relates to spaces next to it.
const (
	sideNone    = iota
	sideAlways  // unambiguous full-width mark
	sideChinese // shared with English: only when Chinese is across
)

func spaceClass(r rune) int {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '（', '）', '《', '》', '〈', '〉',
		'【', '】', '〔', '〕', '［', '］', '「', '」', '『', '』', '｛', '｝', '〖', '〗':
		return sideAlways
	case '“', '”', '‘', '’', '—', '…':
		return sideChinese
	}
	return sideNone
}

func runSpaceAroundPunct(p *lint.Pass) error {
	ds := scanOf(p.Doc)
	bms := ds.blocks
	for bi := range bms {
		bm := &bms[bi]
		if !bm.zh {
			continue // English text that quotes or lists marks: the marks 。！？
		}
		t := bm.text
		lastRun := -1
		tabular := -1 // unknown
		ms := bm.marks
		for mi, m := range ms {
			if m.cls&cSpace == 0 {
				continue
			}
			off := int(m.off)
			end := off + runeLen(m.r)
			// Fast path: no space, tab or no-break space (C2 A0) on
			// either side.
			if !(off > 0 && (t[off-1] == ' ' || t[off-1] == '\t' || t[off-1] == 0xA0)) &&
				!(end < len(t) && (t[end] == ' ' || t[end] == '\t' || t[end] == 0xC2)) {
				continue
			}
			cls := spaceClass(m.r)
			// Dashes and ellipses count only as the doubled Chinese forms,
			// from their outer ends.
			dbl := m.r == '—' || m.r == '…'
			firstOfDouble := dbl && mi+1 < len(ms) && ms[mi+1].r == m.r && int(ms[mi+1].off) == end
			lastOfDouble := dbl && mi > 0 && ms[mi-1].r == m.r && int(ms[mi-1].off)+runeLen(m.r) == off
			if dbl && firstOfDouble == lastOfDouble {
				continue
			}
			// Spaces before.
			if s := spacesBefore(t, off); s < off && (!dbl || firstOfDouble) {
				x := prevRune(t, s)
				if s != lastRun && !isEdge(x) && x != '\u3000' && (cls == sideAlways || isHanSide(x)) &&
					(ds.zh || !isASCII(x)) {
					if tabular < 0 {
						tabular = boolInt(isTabular(t))
					}
					if tabular == 0 {
						reportSpace(p, bm, s, off, x, m.r, dbl)
					}
					lastRun = s
				}
			}
			// Spaces after.
			if e := spacesAfter(t, end); e > end && (!dbl || lastOfDouble) {
				y := nextRune(t, e)
				if end != lastRun && !isEdge(y) && y != '\u3000' && (cls == sideAlways || isHanSide(y)) &&
					(ds.zh || !isASCII(y)) {
					if tabular < 0 {
						tabular = boolInt(isTabular(t))
					}
					if tabular == 0 {
						reportSpace(p, bm, end, e, m.r, y, dbl)
					}
					lastRun = end
				}
			}
		}
	}
	return nil
}

// spacesBefore returns the start of the run of spaces (ASCII space, tab,
// no-break space) ending at i.
func spacesBefore(t string, i int) int {
	for {
		switch {
		case i > 0 && (t[i-1] == ' ' || t[i-1] == '\t'):
			i--
		case i >= 2 && t[i-2] == 0xC2 && t[i-1] == 0xA0:
			i -= 2
		default:
			return i
		}
	}
}

// spacesAfter returns the end of the run of spaces starting at i.
func spacesAfter(t string, i int) int {
	for {
		switch {
		case i < len(t) && (t[i] == ' ' || t[i] == '\t'):
			i++
		case i+1 < len(t) && t[i] == 0xC2 && t[i+1] == 0xA0:
			i += 2
		default:
			return i
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isTabular: two or more lines with runs of spaces look like columns
// aligned by hand; their spaces are layout, not typos.
func isTabular(t string) bool {
	if !strings.Contains(t, "\n") {
		return false
	}
	n := 0
	for _, line := range strings.Split(t, "\n") {
		if strings.Contains(strings.TrimSpace(line), "  ") {
			n++
		}
	}
	return n >= 2
}

// isASCII: across a space from a full-width mark, ASCII text in an English
// document (GB/T 15835-2011 《出版物上数字用法》 (Numerals…)) keeps its
// English spacing.
func isASCII(r rune) bool { return r < utf8.RuneSelf }

// markListing reports a space inside a list of marks written out with
// spaces between them (（） ， ； ： ？ ！): four marks or more with nothing
// else between them.
func markListing(t string, s, e int) bool {
	n := 0
	for i := s; i > 0; {
		r, k := zh.PrevRune(t, i, false)
		if spaceClass(r) != sideNone {
			n++
		} else if r != ' ' {
			break
		}
		i = k
	}
	for i := e; i < len(t); {
		r, k := zh.NextRune(t, i, false)
		if spaceClass(r) != sideNone {
			n++
		} else if r != ' ' {
			break
		}
		i = k + utf8.RuneLen(r)
	}
	return n >= 4
}

func reportSpace(p *lint.Pass, bm *blockMarks, s, e int, before, after rune, dbl bool) {
	if markListing(bm.text, s, e) {
		return
	}
	name := func(r rune) string {
		if dbl && (r == '—' || r == '…') {
			return string(r) + string(r) // the doubled form
		}
		return string(r)
	}
	var msg, msgZh string
	switch {
	case spaceClass(before) != sideNone && spaceClass(after) != sideNone:
		msg = "space between " + name(before) + " and " + name(after)
		msgZh = "“" + name(before) + "”与“" + name(after) + "”之间有多余空格"
	case spaceClass(after) != sideNone:
		msg = "space before " + name(after)
		msgZh = "“" + name(after) + "”前有多余空格"
	default:
		msg = "space after " + name(before)
		msgZh = "“" + name(before) + "”后有多余空格"
	}
	span := bm.pr.SrcSpan(s, e)
	d := lint.Diagnostic{Span: span, Message: msg + "; full-width punctuation needs no space", MessageZh: msgZh}
	if bm.pr.Contiguous(s, e) {
		d.Fixes = []lint.Fix{{Message: "remove the space", Safe: true, Edits: []lint.Edit{{Start: span.Start, End: span.End, New: ""}}}}
	}
	p.Report(d)
}
