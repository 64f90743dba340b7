package punct

import (
	"strings"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
	"github.com/draftlint/draftlint/rules/layout"
)

// UnbalancedPair reports quotes and brackets without a partner or wrongly
// nested.
var UnbalancedPair = &lint.Rule{
	ID:        "unbalanced-pair",
	Summary:   "unbalanced or wrongly nested quotes, brackets and title marks",
	SummaryZh: "引号、括号、书名号不成对或嵌套错误",
	Doc: `Quotes and brackets come in pairs (GB/T 15834-2011 §4.8 引号, §4.9 括号,
§4.15 书名号): an opening mark without its closing partner, a closing mark
without an opener, or pairs that cross (“…‘…”…’) leave the reader unsure
where a quotation or a note ends. Drafts lose marks when sentences are cut
and pasted, and page breaks cut pairs in two.

The check runs a stack over “” ‘’ （） 《》 〈〉 【】 〔〕 ［］ 「」 『』 and the
ASCII () [] per paragraph; a full-width and a half-width bracket still pair
(halfwidth-punct fixes the width). A paragraph cut by a page break is checked
as one text with its continuation. The multi-paragraph quotation convention
(W3C clreq: each paragraph of a long quotation opens with “ and only the last
one closes) is accepted, and so is a paragraph that closes exactly what the
one before left open (a split the layout analysis did not judge, or a
quotation that does not reopen). Apostrophes (don’t, teachers’), enumerators such as
1) and a) and emoticons are not treated as marks; straight double quotes
count only in English paragraphs (in Chinese ones straight-quotes reports
them).

There is no fix: only the writer knows where the partner belongs. The
finding points at the lone mark and, when known, at the place where its
partner was expected.`,
	Category: "punctuation",
	Severity: lint.Error,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "他说：“我们要深刻领悟‘两个确立’的决定性意义。\n",
		Good: "他说：“我们要深刻领悟‘两个确立’的决定性意义。”\n",
	}, {
		Bad:  "《中华人民共和国宪法〉规定了公民的基本权利。\n",
		Good: "《中华人民共和国宪法》规定了公民的基本权利。\n",
	}, {
		Good: "“第一段引文，没有结束。\n\n“第二段引文，到这里才结束。”\n\nIt’s the teachers’ view: 1) plan; 2) act :)\n",
	}},
	Run: runPairs,
}

// Pair kinds. Full- and half-width brackets of one shape share a kind.
const (
	kDouble      uint8 = iota // “”
	kSingle                   // ‘’
	kParen                    // （） ()
	kTitle                    // 《》
	kAngle                    // 〈〉
	kLenticular               // 【】
	kTortoise                 // 〔〕
	kSquare                   // ［］ []
	kCorner                   // 「」
	kWhiteCorner              // 『』
	kBrace                    // ｛｝
	kStraight                 // " in English paragraphs
)

func pairKind(r rune) (kind uint8, open, ok bool) {
	switch r {
	case '“':
		return kDouble, true, true
	case '”':
		return kDouble, false, true
	case '‘':
		return kSingle, true, true
	case '’':
		return kSingle, false, true
	case '（', '(':
		return kParen, true, true
	case '）', ')':
		return kParen, false, true
	case '《':
		return kTitle, true, true
	case '》':
		return kTitle, false, true
	case '〈':
		return kAngle, true, true
	case '〉':
		return kAngle, false, true
	case '【':
		return kLenticular, true, true
	case '】':
		return kLenticular, false, true
	case '〔':
		return kTortoise, true, true
	case '〕':
		return kTortoise, false, true
	case '［', '[':
		return kSquare, true, true
	case '］', ']':
		return kSquare, false, true
	case '「':
		return kCorner, true, true
	case '」':
		return kCorner, false, true
	case '『':
		return kWhiteCorner, true, true
	case '』':
		return kWhiteCorner, false, true
	case '｛':
		return kBrace, true, true
	case '｝':
		return kBrace, false, true
	}
	return 0, false, false
}

// partner is the mark that closes (or opens) r, in the same width.
func partner(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '”':
		return '“'
	case '‘':
		return '’'
	case '’':
		return '‘'
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '"':
		return '"'
	}
	// The full-width brackets are consecutive code points, opener first.
	if _, open, _ := pairKind(r); open {
		return r + 1
	}
	return r - 1
}

// pmark is a pair mark in a block. Soft marks are probably not marks at
// all (an apostrophe, an enumerator): they take part when they fit and are
// ignored when they are left over.
type pmark struct {
	blk  int32 // index into the docMarks slice (= block index)
	off  int32 // prose offset
	r    rune
	kind uint8
	open bool
	soft bool
}

func runPairs(p *lint.Pass) error {
	bms := docMarks(p.Doc)
	n := len(bms)
	// Pair marks per block.
	per := make([][]pmark, n)
	total := 0
	for i := range bms {
		total += len(bms[i].marks)
	}
	buf := make([]pmark, 0, total/2+1)
	for i := range bms {
		start := len(buf)
		buf = appendPairMarks(buf, &bms[i], i)
		per[i] = buf[start:len(buf):len(buf)]
	}
	if len(buf) == 0 {
		return nil
	}
	// Most documents balance paragraph by paragraph: then there is nothing
	// to report and no need for the layout analysis.
	var scratch []pmark
	balanced := true
	for i := 0; i < n && balanced; i++ {
		if len(per[i]) > 0 {
			balanced, scratch = blockBalanced(per[i], scratch)
		}
	}
	if balanced {
		return nil
	}

	// Chains of blocks that are one paragraph: page-break splits from the
	// layout analysis, then adjacent paragraphs whose open marks the next
	// one closes exactly (a split the analysis did not judge, or a long
	// quotation that does not reopen in each paragraph).
	next := make([]int, n)
	prev := make([]int, n)
	for i := range next {
		next[i], prev[i] = -1, -1
	}
	for _, s := range paragraphSplits(p.Doc) {
		i, j := s[0], s[1]
		if i >= 0 && i < j && j < n && next[i] < 0 && prev[j] < 0 {
			next[i], prev[j] = j, i
		}
	}
	// left[i]: marks still open after block i, its chain included.
	left := make([][]pmark, n)
	for i := 0; i < n; i++ {
		var init []pmark
		if prev[i] >= 0 {
			init = left[prev[i]]
		}
		if len(init) == 0 && len(per[i]) == 0 {
			continue
		}
		var l []pmark
		l, _, scratch = summarize(init, per[i], scratch)
		if len(l) > 0 {
			left[i] = append([]pmark(nil), l...)
		}
		if i > 0 && prev[i] < 0 && next[i-1] < 0 && len(left[i-1]) > 0 && joinable(bms[i-1].b) && joinable(bms[i].b) {
			var under []pmark
			_, under, scratch = summarize(nil, per[i], scratch)
			if closesAll(left[i-1], under) {
				next[i-1], prev[i] = i, i-1
				l, _, scratch = summarize(left[i-1], per[i], scratch)
				left[i] = append([]pmark(nil), l...)
			}
		}
	}

	m := matcher{p: p, bms: bms}
	for i := 0; i < n; i++ {
		if prev[i] >= 0 {
			continue
		}
		m.reset()
		last := i
		for k := i; k >= 0; k = next[k] {
			for idx := range per[k] {
				m.feed(per[k], idx)
			}
			last = k
		}
		m.finish(last)
	}
	return nil
}

// paragraphSplits returns pairs of block indices judged to be the two
// halves of one paragraph cut by a page break: the layout analysis behind
// split-paragraph, memoised per document. A variable so tests can inject
// splits.
var paragraphSplits = func(doc *lint.Document) [][2]int {
	ss := layout.Splits(doc)
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.First, s.Second}
	}
	return out
}

// joinable: paragraphs and block-quote paragraphs may continue one
// another; headings, list items and table cells stand alone.
func joinable(b *lint.Block) bool { return b.Kind == lint.Paragraph || b.Kind == lint.Quote }

// closesAll reports whether the closers under (met with nothing open)
// close exactly the open marks left, innermost first.
func closesAll(left, under []pmark) bool {
	hard := 0
	for _, o := range left {
		if !o.soft {
			hard++
		}
	}
	if hard == 0 || len(under) != hard {
		return false
	}
	k := 0
	for i := len(left) - 1; i >= 0; i-- {
		if left[i].soft {
			continue
		}
		if left[i].kind != under[k].kind {
			return false
		}
		k++
	}
	return true
}

// blockBalanced reports whether every hard mark of a block pairs cleanly.
func blockBalanced(ms []pmark, scratch []pmark) (bool, []pmark) {
	stack := scratch[:0]
	for _, m := range ms {
		if m.open {
			stack = append(stack, m)
			continue
		}
		for !m.soft && len(stack) > 0 && stack[len(stack)-1].soft && stack[len(stack)-1].kind != m.kind {
			stack = stack[:len(stack)-1]
		}
		switch {
		case len(stack) > 0 && stack[len(stack)-1].kind == m.kind:
			stack = stack[:len(stack)-1]
		case !m.soft:
			return false, stack
		}
	}
	for _, o := range stack {
		if !o.soft {
			return false, stack
		}
	}
	return true, stack
}

// summarize runs the stack over marks starting from the open marks init
// and returns what stays open and the hard closers that found nothing. Both
// results alias scratch, which is returned for reuse.
func summarize(init, ms []pmark, scratch []pmark) (left, under, _ []pmark) {
	stack := append(scratch[:0], init...)
	for _, m := range ms {
		if m.open {
			stack = append(stack, m)
			continue
		}
		j := len(stack) - 1
		for j >= 0 && stack[j].kind != m.kind {
			if m.soft {
				j = -1
				break
			}
			j--
		}
		if j >= 0 {
			stack = stack[:j]
		} else if !m.soft {
			under = append(under, m)
		}
	}
	return stack, under, stack
}

// appendPairMarks collects a block's pair marks, leaving out apostrophes,
// enumerators and emoticons.
func appendPairMarks(dst []pmark, bm *blockMarks, blk int) []pmark {
	t := bm.text
	skipTo := -1 // the closer of a half-open interval
	for _, mk := range bm.marks {
		r := mk.r
		off := int(mk.off)
		if off == skipTo {
			continue
		}
		if r == '[' || r == '(' {
			if c := intervalEnd(t, off); c > 0 {
				skipTo = c
				continue // [0, 1) (a, b]
			}
		}
		if r == '"' {
			if bm.zh || mk.cls&cStraight == 0 {
				continue // straight-quotes handles Chinese paragraphs
			}
			if zh.IsDigit(prevRune(t, off)) {
				// An inch mark, or the end of "less than 4".
				dst = append(dst, pmark{blk: int32(blk), off: int32(off), r: r, kind: kStraight, soft: true})
			} else if open, ok := straightDirection(t, off); ok {
				dst = append(dst, pmark{blk: int32(blk), off: int32(off), r: r, kind: kStraight, open: open})
			}
			continue
		}
		if mk.cls&cPair == 0 {
			continue
		}
		kind, open, _ := pairKind(r)
		pm := pmark{blk: int32(blk), off: int32(off), r: r, kind: kind, open: open}
		var before, after rune
		switch r {
		case '’', '‘', ')', '）', '(':
			before = prevRune(t, off)
			after = nextRune(t, off+runeLen(r))
		}
		switch r {
		case '’':
			if zh.IsLatin(after) {
				continue // it’s, ’n’, ’em: a closing quote is not followed by a letter
			}
			if zh.IsLatin(before) || zh.IsDigit(before) {
				pm.soft = true // teachers’
			}
		case '‘':
			if zh.IsDigit(after) {
				pm.soft = true // ‘90s
			}
		case ')', '）':
			if before == ':' || before == ';' || before == '-' && prevRune(t, off-1) == ':' {
				continue // :) ;) :-)
			}
			if enumeratorBefore(t, off) {
				pm.soft = true // 1) a) 一）
			}
		case '(':
			if before == ':' || before == ';' {
				continue // :(
			}
		}
		dst = append(dst, pm)
	}
	return dst
}

// intervalEnd returns the offset of the closer of a half-open interval
// such as [0, 1) or (a, b] starting at off, or -1.
func intervalEnd(t string, off int) int {
	want := byte(')')
	if t[off] == '(' {
		want = ']'
	}
	comma := false
	for i := off + 1; i < len(t) && i < off+40; i++ {
		c := t[i]
		switch {
		case c == want:
			if comma {
				return i
			}
			return -1
		case c == ',':
			comma = true
		case c == ' ' || c == '.' || c == '-' || c == '+' || zh.IsDigit(rune(c)) || zh.IsLatin(rune(c)):
		case c == 0xE2 && strings.HasPrefix(t[i:], "∞"):
			i += len("∞") - 1
		default:
			return -1
		}
	}
	return -1
}

// enumeratorBefore reports a list enumerator ending at off: one or two
// digits, one Latin letter, a small Roman numeral or up to three Chinese
// numerals, starting the block, a line or a clause.
func enumeratorBefore(t string, off int) bool {
	i := off
	digits, latin, cn := 0, 0, 0
	roman := true
	for i > 0 {
		r, k := zh.PrevRune(t, i, false)
		switch {
		case zh.IsDigit(r):
			digits++
		case zh.IsLatin(r):
			latin++
			roman = roman && strings.ContainsRune("ivxIVX", r)
		case isChineseNumeral(r):
			cn++
		default:
			k = -1
		}
		if k < 0 {
			break
		}
		i = k
	}
	kinds := 0
	for _, c := range []int{digits, latin, cn} {
		if c > 0 {
			kinds++
		}
	}
	if kinds != 1 || digits > 2 || latin > 1 && !(roman && latin <= 4) || cn > 3 {
		return false
	}
	b := prevRune(t, i)
	switch {
	case isEdge(b), zh.IsSpace(b):
		return true
	case zh.IsHan(b):
		return digits > 0 // 包括1）…2）…
	}
	return zh.IsCJKPunct(b) || b == ',' || b == ';' || b == ':'
}

func isChineseNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// straightDirection guesses whether an ASCII double quote opens or closes
// from its neighbours; ok is false when they do not say.
func straightDirection(t string, off int) (open, ok bool) {
	b := prevRune(t, off)
	a := nextRune(t, off+1)
	bSpace := isEdge(b) || zh.IsSpace(b) || b == '(' || b == '[' || b == '—' || b == '-'
	aSpace := isEdge(a) || zh.IsSpace(a)
	switch {
	case bSpace && !aSpace:
		return true, true
	case !bSpace && (aSpace || isClosingPunct(a)):
		return false, true
	}
	// Glued to Chinese on one side and to a Latin word on the other, as
	// in mixed technical text (在"/etc/apt/sources.list"中, 的"deb"行,
	// "…/Release"。): a Han character or Chinese mark stands for the space
	// that English would have there.
	bHan, aHan := zh.IsHan(b) || zh.IsCJKPunct(b), zh.IsHan(a) || zh.IsCJKPunct(a)
	switch {
	case bHan && !aHan:
		return true, true
	case aHan && !bHan:
		return false, true
	}
	return false, false
}

func isClosingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '…', '—':
		return true
	}
	return false
}

// matcher runs the stack over the marks of one chain of blocks and
// reports.
type matcher struct {
	p     *lint.Pass
	bms   []blockMarks
	stack []pmark
	// crossed are openers dropped because an outer pair closed before
	// them; their partner may still come (“…‘…”…’).
	crossed []crossing
}

type crossing struct {
	op, by pmark
}

func (m *matcher) reset() {
	m.stack = m.stack[:0]
	m.crossed = m.crossed[:0]
}

// feed takes the mark ms[idx]; the rest of ms is the block's later marks.
func (m *matcher) feed(ms []pmark, idx int) {
	pm := ms[idx]
	if pm.open {
		m.stack = append(m.stack, pm)
		return
	}
	top := len(m.stack) - 1
	if top >= 0 && m.stack[top].kind == pm.kind {
		m.stack = m.stack[:top]
		return
	}
	if pm.soft {
		return
	}
	j := top
	for j >= 0 && m.stack[j].kind != pm.kind {
		j--
	}
	if j >= 0 {
		// Everything opened after the matching opener is left open.
		for _, o := range m.stack[j+1:] {
			if !o.soft {
				m.crossed = append(m.crossed, crossing{op: o, by: pm})
			}
		}
		m.stack = m.stack[:j]
		return
	}
	for k := len(m.crossed) - 1; k >= 0; k-- {
		c := m.crossed[k]
		if c.op.kind == pm.kind {
			m.reportCrossing(c, pm)
			m.crossed = append(m.crossed[:k], m.crossed[k+1:]...)
			return
		}
	}
	// A quote closed by the other quote mark (“…’), a bracket by another
	// bracket (《…〉), when the opener's own partner does not follow.
	if top >= 0 && !m.stack[top].soft && family(m.stack[top].kind) == family(pm.kind) && !closerFollows(ms[idx+1:], m.stack[top].kind) {
		m.reportMismatch(m.stack[top], pm)
		m.stack = m.stack[:top]
		return
	}
	m.reportStray(pm)
}

// family groups quotes and brackets: a slip replaces a mark by one of its
// own family.
func family(k uint8) int {
	switch k {
	case kDouble, kSingle, kCorner, kWhiteCorner, kStraight:
		return 0
	}
	return 1
}

func closerFollows(ms []pmark, kind uint8) bool {
	for _, m := range ms {
		if !m.open && m.kind == kind {
			return true
		}
	}
	return false
}

func (m *matcher) reportMismatch(o, cl pmark) {
	m.p.Report(lint.Diagnostic{
		Span:      m.span(o),
		Message:   "opening " + string(o.r) + " is closed by " + string(cl.r) + "; expected " + string(partner(o.r)),
		MessageZh: "“" + string(o.r) + "”与“" + string(cl.r) + "”不配对，应为“" + string(partner(o.r)) + "”",
		Related:   []lint.Related{{Span: m.span(cl), Message: string(partner(o.r)) + " expected here"}},
	})
}

func (m *matcher) finish(lastBlk int) {
	for _, c := range m.crossed {
		m.reportUnclosedBefore(c.op, c.by)
	}
	for i, o := range m.stack {
		if o.soft {
			continue
		}
		if i == 0 && m.continuedQuotation(o, lastBlk) {
			continue
		}
		m.reportUnclosed(o, lastBlk)
	}
}

// continuedQuotation: the paragraph opens with a quote that stays open and
// the next paragraph opens with the same quote (clreq multi-paragraph
// quotation).
func (m *matcher) continuedQuotation(o pmark, lastBlk int) bool {
	if o.kind != kDouble && o.kind != kSingle && o.kind != kCorner && o.kind != kWhiteCorner {
		return false
	}
	if firstRune(m.bms[o.blk].text) != int(o.off) {
		return false
	}
	nb := lastBlk + 1
	if nb >= len(m.bms) || !joinable(m.bms[nb].b) {
		return false
	}
	t := m.bms[nb].text
	k := firstRune(t)
	r, _ := zh.NextRune(t, k, false)
	return k >= 0 && r == o.r
}

// firstRune is the offset of the first character that is not white space.
func firstRune(t string) int {
	_, k := zh.NextRune(t, 0, true)
	return k
}

func (m *matcher) span(pm pmark) lint.Span {
	return m.bms[pm.blk].pr.SrcSpan(int(pm.off), int(pm.off)+runeLen(pm.r))
}

func (m *matcher) reportUnclosed(o pmark, lastBlk int) {
	bm := &m.bms[lastBlk]
	t := bm.text
	end := len(t)
	for end > 0 {
		r, k := zh.PrevRune(t, end, false)
		if !zh.IsSpace(r) && r != '\n' {
			break
		}
		end = k
	}
	var rel []lint.Related
	if end > 0 {
		_, k := zh.PrevRune(t, end, false)
		rel = append(rel, lint.Related{
			Span:    bm.pr.SrcSpan(k, end),
			Message: "the paragraph ends here without " + string(partner(o.r)),
		})
	}
	m.p.Report(lint.Diagnostic{
		Span:      m.span(o),
		Message:   "opening " + string(o.r) + " is never closed: no " + string(partner(o.r)) + " before the end of the paragraph",
		MessageZh: "“" + string(o.r) + "”没有配对：段落结束前缺少“" + string(partner(o.r)) + "”",
		Related:   rel,
	})
}

func (m *matcher) reportUnclosedBefore(o, by pmark) {
	m.p.Report(lint.Diagnostic{
		Span:      m.span(o),
		Message:   "opening " + string(o.r) + " is not closed before the " + string(by.r) + " that ends the enclosing pair",
		MessageZh: "“" + string(o.r) + "”没有配对：在外层的“" + string(by.r) + "”之前缺少“" + string(partner(o.r)) + "”",
		Related:   []lint.Related{{Span: m.span(by), Message: string(partner(o.r)) + " expected before this " + string(by.r)}},
	})
}

func (m *matcher) reportCrossing(c crossing, cl pmark) {
	m.p.Report(lint.Diagnostic{
		Span:      m.span(c.op),
		Message:   "pairs cross: " + string(c.op.r) + " is closed by " + string(cl.r) + " after the enclosing pair already closed with " + string(c.by.r),
		MessageZh: "标点嵌套错误：“" + string(c.op.r) + "”在外层“" + string(c.by.r) + "”之后才由“" + string(cl.r) + "”闭合",
		Related: []lint.Related{
			{Span: m.span(c.by), Message: string(cl.r) + " expected before this " + string(c.by.r)},
			{Span: m.span(cl), Message: "the misplaced " + string(cl.r)},
		},
	})
}

func (m *matcher) reportStray(cl pmark) {
	d := lint.Diagnostic{
		Span:      m.span(cl),
		Message:   "closing " + string(cl.r) + " has no opening " + string(partner(cl.r)),
		MessageZh: "“" + string(cl.r) + "”没有配对：前面缺少“" + string(partner(cl.r)) + "”",
	}
	// Inside another pair the partner was expected after its opener.
	if n := len(m.stack); n > 0 {
		o := m.stack[n-1]
		d.Related = []lint.Related{{Span: m.span(o), Message: string(partner(cl.r)) + " expected after this " + string(o.r)}}
	}
	m.p.Report(d)
}
