package layout

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// This file holds the layout analysis shared by split-paragraph,
// intruding-caption, stray-caption and orphan-fragment: what role each
// block plays (prose, heading-like line, byline, caption, page furniture,
// verse …) and which adjacent paragraphs are halves of one paragraph cut
// by a page break. It is computed once per document (Document.Cache).
//
// How a cut is told from a real paragraph end. A paragraph is a candidate
// first half when it is running prose that stops without a sentence-final
// mark (。！？… closing quotes and brackets, a colon or semicolon all count
// as an end). Genre lines never are: headings, list items, table cells,
// lines led by an enumerator or a bullet (一、 （一） 1. ■ ▶), bylines in
// brackets, date lines, short verse lines and runs of short list lines.
// The next paragraph must be able to continue it: it starts with a Han
// character or a Latin letter, not with an enumerator, a bullet, an
// opening quote of a new speaker, a bracket or a dash.
//
// The evidence then comes in two strengths.
//
// Strong (the join is a safe fix):
//   - the break falls inside a word: a unigram segmenter over six Han
//     characters on each side (lexicon.go; word costs compiled from
//     jieba's dictionary, a large independent corpus) reads the text at
//     least minWordMargin better when the break is removed (今|后, 建|设);
//   - the first half ends with a comma or an enumeration comma (，、),
//     except in a vertical list: a run of three or more short comma-ended
//     lines, or two after a lead-in with a colon (由下列人员组成：/ 委员长，/
//     副委员长若干人，/ 秘书长，/ 委员若干人。);
//   - a number is cut from its digits or its unit (GB/T 15835 §5.1: an
//     Arabic-numeral value must not be broken across lines: 2027|年; the
//     same for ordinals: 第一百三|十四条).
//
// Medium (the join is an unsafe fix):
//   - the first half holds at least one complete sentence and its trailing
//     sentence is unfinished (titles hold no sentence): it has clause
//     commas, or it is a plain run of words that is not a run-in heading
//     (…。第八章) nor a list of names with 、 (…。国务院审改办、市场监管总局);
//     or it is one long sentence of several clauses (60 characters, three
//     commas) and the next paragraph is one short sentence (高质量发展。);
//   - the first half ends with a function character that cannot end a
//     sentence (的 所 和 与 及 在 对 把 将 被 从 向 都 也 不 …) or with a
//     grammatical word that cannot end a sentence nor a title (jieba's
//     prepositions, conjunctions, adverbs and pronouns: 任何, 或者, 依照,
//     不断), or the second starts with one that cannot begin one (的 了
//     们 以及 或者) or with the end of a word (orphan-fragment's reading:
//     …起初隆美 / 尔对此…);
//   - the next paragraph is one or two characters and a final mark (铎。);
//   - page furniture (a page number, a running header) stands between a
//     paragraph whose last sentence is unfinished and one that ends;
//   - English: the next paragraph starts with a lower-case word.
//
// A caption-like paragraph between the halves (intruding-caption) needs
// less: a run of blank lines where the photo was, or a first half that is
// not a title-like line, is enough.

// Split is a pair of blocks judged to be halves of one paragraph.
type Split struct {
	First, Second int   // indices into Document.Blocks
	Between       []int // caption or page-furniture blocks between the halves
	// Caption is the index of the caption block between the halves, or -1.
	Caption int
	// Strong evidence: the join is safe.
	Strong bool
	// Reason says why, for messages: "word", "comma", "number", "prose",
	// "function", "english", "caption".
	Reason string
	// Word is the word the break cuts, for Reason "word".
	Word string
}

// Splits returns the pairs of blocks of doc judged to be halves of one
// paragraph cut by a page break, in document order. The result is
// memoised per document and shared: do not modify it.
func Splits(doc *lint.Document) []Split {
	return analyse(doc).splits
}

type role uint8

const (
	roleProse      role = iota
	roleStructure       // heading, list item, table cell, quote, bullet line
	roleEnumerated      // a short line led by an enumerator: 一、总体要求, 第六条 …
	roleByline
	roleDate
	roleVerse
	roleCaption
	roleFurniture
)

type blockInfo struct {
	b     *lint.Block
	text  string // prose text without surrounding white space
	start int    // offset of text in the prose
	role  role
	runes int // characters, or 1000 for long blocks
	// indent: the block's first line starts with two spaces or more, or
	// an ideographic space (the first-line indent of typeset Chinese).
	indent bool
	// gap: something not linted (a code block, an HTML block, a table)
	// stands between the block before and this one.
	gap bool
}

type analysis struct {
	blocks  []blockInfo
	splits  []Split
	orphans []int // block indices
	stray   []int // caption blocks standing alone
	// inSplit marks blocks that are halves of a split (no orphan there).
	inSplit map[int]bool
}

type cacheKey struct{}

func analyse(doc *lint.Document) *analysis {
	return doc.Cache(cacheKey{}, func() any { return computeAnalysis(doc) }).(*analysis)
}

func computeAnalysis(doc *lint.Document) *analysis {
	a := &analysis{blocks: make([]blockInfo, len(doc.Blocks)), inSplit: map[int]bool{}}
	furn := furnitureBlocks(doc)
	prevEnd := 0
	for i, b := range doc.Blocks {
		gap := i > 0 && len(bytes.TrimSpace(doc.Src[min(prevEnd, b.Span.Start):b.Span.Start])) > 0
		prevEnd = b.Span.End
		t := b.Text()
		s := strings.TrimLeftFunc(t, unicode.IsSpace)
		start := len(t) - len(s)
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		bi := blockInfo{b: b, text: s, start: start, runes: 1000, indent: indentedAt(doc, b.Span.Start), gap: gap}
		if len(s) < 300 { // only short blocks need an exact count
			bi.runes = zh.RuneCount(s)
		}
		bi.role = classify(b, s, bi.runes)
		if furn[i] {
			bi.role = roleFurniture
		}
		a.blocks[i] = bi
	}
	// Splits: an unfinished paragraph, then (after page furniture and at
	// most one caption) the paragraph that continues it.
	for i := 0; i < len(a.blocks); i++ {
		ai := &a.blocks[i]
		if ai.role != roleProse && ai.role != roleEnumerated || ended(ai.text) {
			continue
		}
		var between []int
		j := i + 1
		for j < len(a.blocks) && a.blocks[j].role == roleFurniture {
			between = append(between, j)
			j++
		}
		if j >= len(a.blocks) {
			continue
		}
		caption := -1
		if a.blocks[j].role == roleCaption {
			caption = j
			between = append(between, j)
			j++
			for j < len(a.blocks) && a.blocks[j].role == roleFurniture {
				between = append(between, j)
				j++
			}
			if j >= len(a.blocks) {
				continue
			}
		}
		bj := &a.blocks[j]
		if bj.role != roleProse || !continues(bj.text) && !quotedItem(ai.text, bj.text) {
			continue
		}
		if gapWithin(a, i, j) {
			// A code block or table between them: the text goes on
			// after an example, as authored (…distinguish between /
			// ```…``` / where any change…).
			continue
		}
		if !zh.HasHan(ai.text) && zh.HasHan(bj.text) {
			// A line without Chinese before Chinese prose (a command, a
			// path, an address, a name in a manual or a report) is no
			// sentence that the page cut: the language would not switch
			// at the break.
			continue
		}
		ev := evidence(a, i, j)
		if bj.indent && ev.word == "" || (ai.role == roleEnumerated || ai.runes <= 6 && titleLike(ai.text)) && !ev.strong {
			// Short title-shaped lines (注意, 附件, 说明) are labels unless
			// a word is cut. A next paragraph that starts indented, as
			// typeset paragraphs do and the rest of one carried over a
			// page does not, needs a cut word too (a final comma is then
			// a typo, not a break).
			continue
		}
		sp := Split{First: i, Second: j, Between: between, Caption: caption, Strong: ev.strong, Reason: ev.reason, Word: ev.word}
		switch {
		case ev.reason != "" && ev.reason != "weak":
		case caption >= 0 && ev.reason == "weak" && (blankRun(a, caption, j) || !titleLike(ai.text)):
			sp.Reason = "caption"
		case caption < 0 && len(between) > 0 && ev.reason == "weak" && unfinishedProse(ai.text) && ended(bj.text):
			// Prose whose last sentence is unfinished, a page number or
			// running header, and a paragraph that goes on: the page broke
			// inside the paragraph. (Names and notes without a final mark
			// hold no complete sentence.)
			sp.Reason = "prose"
		default:
			continue
		}
		a.splits = append(a.splits, sp)
		a.inSplit[i], a.inSplit[j] = true, true
		i = j - 1
	}
	// Orphans and stray captions.
	for i := range a.blocks {
		bi := &a.blocks[i]
		if bi.role == roleProse && !a.inSplit[i] && i > 0 && isOrphan(a, i) && !namedStart(a, i) {
			a.orphans = append(a.orphans, i)
		}
		if bi.role == roleCaption && strayCaption(a, i) {
			a.stray = append(a.stray, i)
		}
	}
	return a
}

// blankRun reports whether a run of two or more blank lines stands before
// the caption or before the second half: where an image used to be.
func blankRun(a *analysis, caption, second int) bool {
	return a.blocks[caption].b.BlankBefore >= 2 || a.blocks[second].b.BlankBefore >= 2
}

type splitEvidence struct {
	strong bool
	reason string
	word   string
}

// minWordMargin is how much better (quarter nats) the joined reading must
// be for a break to count as inside a word: 3 nats, a likelihood ratio of
// twenty.
const minWordMargin = 12

func evidence(a *analysis, i, j int) splitEvidence {
	A, B := a.blocks[i].text, a.blocks[j].text
	last, _ := utf8.DecodeLastRuneInString(A)
	first, _ := utf8.DecodeRuneInString(B)
	switch {
	case isDigit(last) && (isDigit(first) || isUnit(first)),
		(last == '第' || isHanNumeral(last) && ordinalTail(A)) && (isHanNumeral(first) || isDigit(first) || isUnit(first) || strings.ContainsRune("条章节款项", first)):
		return splitEvidence{strong: true, reason: "number"}
	case last == '，' || last == '、' || last == ',' && !isLatinLetter(first):
		if listLike(a, i, j) {
			return splitEvidence{}
		}
		return splitEvidence{strong: true, reason: "comma"}
	case last == ',':
		return splitEvidence{strong: true, reason: "comma"}
	case lint.IsHan(last) && lint.IsHan(first):
		if m := breakMargin(A, B); m >= minWordMargin {
			return splitEvidence{strong: true, reason: "word", word: brokenWord(A, B)}
		}
		if isFunctionChar(last) || boundStart(B) || tinySentence(B) || endsWithGrammarWord(A) ||
			lostStart(B, a.blocks[j].runes) {
			return splitEvidence{reason: "function"}
		}
		if ended(B) && unfinishedProse(A) || shortSentence(B) && longSentence(A) {
			return splitEvidence{reason: "prose"}
		}
	case (isLatinLetter(last) || isDigit(last)) && first >= 'a' && first <= 'z':
		if strings.HasSuffix(A, "-") {
			return splitEvidence{} // hyphen-break's business
		}
		return splitEvidence{reason: "english"}
	}
	if isLatinLetter(last) && strings.HasSuffix(A, "-") {
		return splitEvidence{}
	}
	return splitEvidence{reason: "weak"}
}

// brokenWord returns the shortest lexicon word across the break, for
// messages: "今后" for 今|后.
func brokenWord(A, B string) string {
	lex := lexicon()
	ar := []rune(A)
	br := []rune(B)
	for n := 2; n <= maxWord; n++ {
		for k := 1; k < n; k++ { // k runes from A, n-k from B
			if k > len(ar) || n-k > len(br) {
				continue
			}
			w := string(ar[len(ar)-k:]) + string(br[:n-k])
			if _, ok := lex[w]; ok && allHan(w) {
				return w
			}
		}
	}
	return ""
}

func allHan(s string) bool {
	for _, r := range s {
		if !lint.IsHan(r) {
			return false
		}
	}
	return s != ""
}

// unfinishedProse: the text holds a complete sentence and its trailing
// sentence does not reach its end: it runs over clause commas, or it is a
// plain run of words (…或停产。通过将原型的不断). A title has no sentence
// before it; what may follow a sentence without a final mark in official
// documents is left out: a heading run in (…处理。第八章), a list of
// agencies (…改革。国务院审改办、市场监管总局), a label or lead-in (：).
func unfinishedProse(s string) bool {
	// Scan back to the last sentence end, noting clause commas.
	comma, list, n := false, false, 0
	for i := len(s); i > 0; {
		r, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
		switch r {
		case '。', '！', '？', '!', '?':
			if comma {
				return n >= 10
			}
			tail := s[i+sz:]
			return n >= 2 && !list && !enumerated(tail)
		case '，', '；':
			comma = true
		case '、', '：', ':', '（', '(', '）', ')':
			list = true
		}
		n++
	}
	return false
}

// longSentence: one long sentence of several clauses (60 characters,
// three commas), still unfinished. Shorter ones are often notes of
// responsibility in official documents (…牵头，…负责，2020年底前完成).
func longSentence(s string) bool {
	return !strings.ContainsAny(s, "。！？!?") && strings.Count(s, "，")+strings.Count(s, "；") >= 3 &&
		zh.RuneCountUpTo(s, 60) >= 60
}

// shortSentence: a paragraph of one short sentence (高质量发展。), too short
// to stand as a paragraph after a long unfinished one.
func shortSentence(s string) bool {
	if len(s) > 64 || !ended(s) || zh.RuneCountUpTo(s, 15) > 15 {
		return false
	}
	body := strings.TrimRightFunc(s, func(r rune) bool { return !lint.IsHan(r) })
	return !strings.ContainsAny(body, "。！？!?，；")
}

// listLike reports a vertical list of short comma-ended lines (the
// Constitution's 由下列人员组成：/ 委员长，/ 副委员长若干人，/ 秘书长，/
// 委员若干人。), which is a layout, not a cut: a run of at least three such
// items, or two after a lead-in ending with a colon. Two short lines alone
// (会议指出，/ 要坚持围绕中心服务大局。) are a sentence cut after a comma.
func listLike(a *analysis, i, j int) bool {
	const short = 12
	item := func(k int, final bool) bool {
		t := a.blocks[k].text
		if a.blocks[k].runes > short || !(strings.HasSuffix(t, "，") || final && strings.HasSuffix(t, "。")) {
			return false
		}
		// 、 ends no list item; 电影、/ 小说、动画等。 is a cut.
		_, n := utf8.DecodeLastRuneInString(t)
		return !strings.ContainsAny(t[:len(t)-n], "，、；。")
	}
	if !item(i, false) {
		return false
	}
	// Count the run, past page furniture between its items.
	furn := func(k int) bool { return a.blocks[k].role == roleFurniture }
	n := 1
	k := i - 1
	for ; k >= 0; k-- {
		if furn(k) {
			continue
		}
		if !item(k, false) {
			break
		}
		n++
	}
	for m := j; m < len(a.blocks); m++ {
		if furn(m) {
			continue
		}
		if !item(m, true) {
			break
		}
		n++
		if strings.HasSuffix(a.blocks[m].text, "。") {
			break // the list's last item
		}
	}
	leadIn := k >= 0 && (strings.HasSuffix(a.blocks[k].text, "：") || strings.HasSuffix(a.blocks[k].text, ":"))
	return n >= 3 || n >= 2 && leadIn
}

// titleLike: a short line without punctuation, the shape of titles,
// names and signatures.
func titleLike(s string) bool {
	if zh.RuneCountUpTo(s, 30) > 30 {
		return false
	}
	for _, r := range s {
		if isPunct(r) {
			return false
		}
	}
	return true
}

// ended reports whether a text ends a sentence or a lead-in: 。！？… ：；
// or a closing quote or bracket.
func ended(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return endRune(r)
}

// endRune: r, the last rune of a line, ends it (see ended).
func endRune(r rune) bool {
	switch r {
	case '。', '！', '？', '…', '：', '；', '!', '?', ':', ';', '.',
		'”', '’', '」', '』', '）', '】', '》', '〕', '〉', ')', ']', '"', '\'', '｝', '}',
		'．', '｡', '—', '～', '~':
		return true
	}
	return r == utf8.RuneError || r == lint.Placeholder
}

// continues reports whether a paragraph may start in the middle of a
// sentence: it starts with a Han character, a digit or a Latin letter and
// not with an enumerator, a bullet, an opening quote, a bracket or a dash.
func continues(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !(lint.IsHan(r) || isLatinLetter(r) || isDigit(r)) {
		return false
	}
	return !enumerated(s)
}

// quotedItem: after an enumeration comma a quoted or bracketed item goes
// on the list (…推广“全包维保”、/ “物联网+维保”等新模式).
func quotedItem(a, b string) bool {
	l, _ := utf8.DecodeLastRuneInString(a)
	f, _ := utf8.DecodeRuneInString(b)
	return l == '、' && (f == '“' || f == '《' || f == '（' || f == '‘')
}

// classify gives a block its role from its kind and its text.
//
// runes is the text's length in characters when it is under 300 bytes
// (see computeAnalysis).
func classify(b *lint.Block, s string, runes int) role {
	if b.Kind != lint.Paragraph {
		return roleStructure
	}
	if s == "" {
		return roleStructure
	}
	r, _ := utf8.DecodeRuneInString(s)
	// The byline and caption tests ask for the length of short lines
	// only: counted once, up to the larger of their limits.
	n := -1
	switch {
	case len(s) < 300:
		n = min(runes, 81)
	case len(s) <= 320:
		n = zh.RuneCountUpTo(s, 80)
	}
	switch {
	case isBullet(r) || !hasWordChar(s):
		return roleStructure
	case enumerated(s):
		// 一、总体要求 is a heading; 第六条 国家…，… is a prose paragraph
		// that a page break may cut like any other. Short ones may still
		// be a first half, on strong evidence only.
		if len(s) < 90 || !strings.ContainsAny(s, "，；。") {
			return roleEnumerated
		}
	case isByline(s, n):
		return roleByline
	case isDateLine(s):
		return roleDate
	case isVerse(s):
		return roleVerse
	case isCaption(s, n):
		return roleCaption
	}
	return roleProse
}

// gapWithin: something not linted stands between blocks i and j.
func gapWithin(a *analysis, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if a.blocks[k].gap {
			return true
		}
	}
	return false
}

// indentedAt: the line holding offset off starts with two spaces or more,
// or an ideographic space, before off.
func indentedAt(doc *lint.Document, off int) bool {
	// Back from off to the start of its line over white space only: the
	// block starts at its first character or at the line's start.
	i := off
	for i > 0 && doc.Src[i-1] != '\n' {
		i--
	}
	sp := 0
	for j := i; j < len(doc.Src); {
		switch c := doc.Src[j]; {
		case c == ' ':
			sp++
			j++
		case c == '\t':
			sp += 2
			j++
		case c == 0xE3 && j+2 < len(doc.Src) && doc.Src[j+1] == 0x80 && doc.Src[j+2] == 0x80: // U+3000
			return true
		default:
			return sp >= 2
		}
	}
	return sp >= 2
}

// hasWordChar: the text has a Han character or a letter (not only digits
// and symbols, as in 5/3 or 12).
func hasWordChar(s string) bool {
	for _, r := range s {
		if lint.IsHan(r) || unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isBullet(r rune) bool {
	switch r {
	case '■', '□', '▶', '▷', '►', '●', '○', '◆', '◇', '★', '☆', '▲', '△', '▼', '•', '·', '※', '◎', '√', '✓', '-', '*', '+', '>', '#', '|', '=', '_', '【', '〖':
		return true
	}
	return false
}

// enumerated reports a text led by an enumerator: 一、 （一） (1) 1. 1、
// 1） 第一章 第三条 Ⅰ.
func enumerated(s string) bool {
	if s == "" {
		return false
	}
	r0, i := utf8.DecodeRuneInString(s)
	open := r0 == '（' || r0 == '('
	if !open {
		i = 0
	}
	digits := 0
	var c rune
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(isDigit(r) || isHanNumeral(r) || r >= 'Ⅰ' && r <= 'ⅿ') {
			c = r
			break
		}
		digits++
		i += n
		if digits > 4 {
			return false
		}
	}
	if digits == 0 || i >= len(s) {
		return r0 == '第' && chapterLead(s)
	}
	if open {
		return c == '）' || c == ')'
	}
	switch c {
	case '、', '）', ')', '．':
		return true
	case '.':
		// "1. text" but not "3.5亿"
		r, _ := utf8.DecodeRuneInString(s[i+1:])
		if i+1 < len(s) && !isDigit(r) {
			return true
		}
		return sectionNumber(s[i:])
	}
	return r0 == '第' && chapterLead(s)
}

// sectionNumber: after the first group of digits, s goes on as a
// multi-level section number of a manual or report: "1.2.12. procfs",
// "12.8. 源代码转换", "3.1.2 总体要求". A decimal figure (3.5亿, 12.8%)
// has one dot and no final one.
func sectionNumber(s string) bool {
	dots := 0
	i := 0
	for i+1 < len(s) && s[i] == '.' && isDigit(rune(s[i+1])) {
		dots++
		i++
		for i < len(s) && isDigit(rune(s[i])) {
			i++
		}
	}
	if dots == 0 || i >= len(s) {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(s[i:]); r {
	case '.', '．':
		// A final dot, then text.
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		return i+1 < len(s) && !isDigit(next)
	case ' ', '\u3000', '\t':
		return dots >= 2
	}
	return false
}

// chapterLead: 第…章/节/条/款/编/部分/篇 at the start.
func chapterLead(s string) bool {
	k := 0
	for i, r := range s {
		if i == 0 {
			continue // 第
		}
		if isDigit(r) || isHanNumeral(r) {
			k++
			if k > 6 {
				return false
			}
			continue
		}
		return k > 0 && strings.ContainsRune("章节条款编部分篇", r)
	}
	return false
}

func isHanNumeral(r rune) bool {
	return strings.ContainsRune("〇零一二三四五六七八九十百千两", r)
}

// isByline: a short bracketed line: （记者 张三）, (毛丽萍), 【编辑：李四】; or
// a line naming a reporter or editor.
//
// n is RuneCountUpTo(s, 80), or −1 when s is over 320 bytes.
func isByline(s string, n int) bool {
	if len(s) > 160 || n > 40 {
		return false
	}
	f, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	if (f == '（' || f == '(' || f == '【' || f == '[') && (l == '）' || l == ')' || l == '】' || l == ']') {
		return true
	}
	for _, p := range []string{"记者", "通讯员", "编辑", "责任编辑", "作者", "撰稿", "供稿", "来源"} {
		if strings.HasPrefix(s, p) || strings.HasPrefix(s, "本报"+p) {
			return true
		}
	}
	return false
}

// isDateLine: a line that is only a date (the date block of an official
// document): 2024年8月12日, 二〇二四年八月十二日, 2024-08-12.
func isDateLine(s string) bool {
	if len(s) > 48 {
		return false
	}
	rs := []rune(strings.TrimSpace(s))
	if len(rs) < 6 || len(rs) > 16 {
		return false
	}
	for _, r := range rs {
		if !(isDigit(r) || isHanNumeral(r) || strings.ContainsRune("年月日号-./／ ", r)) {
			return false
		}
	}
	return strings.ContainsRune(string(rs), '年') || strings.Count(string(rs), "-") == 2 || strings.Count(string(rs), "/") == 2
}

// isVerse: several short lines in one block, none of them a sentence
// running on: a poem, an address or a signature block.
func isVerse(s string) bool {
	if !strings.Contains(s, "\n") {
		return false
	}
	lines := strings.Split(s, "\n")
	total := 0
	for _, l := range lines {
		total += zh.RuneCount(strings.TrimSpace(l))
	}
	return total/len(lines) <= 24
}

// isCaption: a short one-sentence paragraph shaped like a photo caption:
// a date lead with an event verb (7月22日，湖北省政协召开…会议。), 图为…,
// ▲…, or a photographer's credit (（张三 摄）).
//
// n is as for isByline.
func isCaption(s string, n int) bool {
	if len(s) > 320 || strings.Contains(s, "\n") {
		return false
	}
	if n < 6 || n > 80 {
		return false
	}
	if strings.HasPrefix(s, "图为") || strings.HasPrefix(s, "上图") || strings.HasPrefix(s, "下图") || strings.HasPrefix(s, "图：") {
		return true
	}
	if strings.HasSuffix(s, "摄）") || strings.HasSuffix(s, "摄)") || strings.HasSuffix(s, "供图）") || strings.HasSuffix(s, "供图)") {
		return true
	}
	// The date lead first: most lines fail it on their first character.
	if !dateLead(s) {
		return false
	}
	// One sentence: no sentence end before the last character.
	body := strings.TrimRight(s, "。")
	if hasSentenceEnd(body) {
		return false
	}
	if strings.Count(body, "，") > 2 {
		return false
	}
	for _, v := range eventWords {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
}

var eventWords = []string{"召开", "举行", "举办", "开幕", "闭幕", "调研", "考察", "视察", "参观", "座谈", "会见", "会谈",
	"签约", "签署", "揭牌", "慰问", "走访", "检查", "观摩", "出席", "发言", "讲话", "主持", "合影", "颁奖", "启动", "开展", "参加"}

// hasSentenceEnd is strings.ContainsAny(s, "。！？!?；;") by bytes: the
// lead bytes E3 and EF never sit inside another character, so a byte
// match is a character match.
func hasSentenceEnd(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '!', '?', ';':
			return true
		case 0xE3:
			if strings.HasPrefix(s[i:], "。") {
				return true
			}
		case 0xEF:
			if strings.HasPrefix(s[i:], "！") || strings.HasPrefix(s[i:], "？") || strings.HasPrefix(s[i:], "；") {
				return true
			}
		}
	}
	return false
}

// dateLead: M月D日， (or M月D日至D日，) at the start.
func dateLead(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !isDigit(r) && !isHanNumeral(r) {
		return false // no number first: spare the conversion
	}
	rs := []rune(s)
	i := 0
	num := func() bool {
		k := i
		for i < len(rs) && (isDigit(rs[i]) || isHanNumeral(rs[i])) {
			i++
		}
		return i > k && i-k <= 3
	}
	if !num() || i >= len(rs) || rs[i] != '月' {
		return false
	}
	i++
	if !num() || i >= len(rs) || rs[i] != '日' {
		return false
	}
	i++
	if i < len(rs) && rs[i] == '至' {
		i++
		if !num() || i >= len(rs) || rs[i] != '日' {
			return false
		}
		i++
	}
	// Optional 上午/下午 … before the comma.
	for k := 0; k < 3 && i < len(rs) && lint.IsHan(rs[i]); k++ {
		i++
	}
	return i < len(rs) && (rs[i] == '，' || rs[i] == ',')
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isLatinLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && r < 0x250 && unicode.IsLetter(r)
}

// isUnit: characters that follow a number: magnitude words, units,
// calendar words, percent signs.
func isUnit(r rune) bool {
	return strings.ContainsRune("年月日时分秒万亿兆千百十元角个人次件项家台套倍岁名位户座辆吨米克升里亩平方度%％‰℃号期届批", r)
}

// isFunctionChar: characters that cannot end a Chinese sentence: the
// structural particles 的 之 所, conjunctions, prepositions and adverbs.
func isFunctionChar(r rune) bool {
	return strings.ContainsRune("的之所和与及或并而且在对把将被从向为以于由按据经跟同让使都就才也还又再更最很不没未非另各每某副", r)
}

// tinySentence: a paragraph of one or two characters and a final mark
// (铎。): no paragraph is that short.
func tinySentence(s string) bool {
	if len(s) > 12 || !ended(s) {
		return false
	}
	n := 0
	for _, r := range s {
		if !lint.IsHan(r) {
			break
		}
		n++
	}
	r, _ := utf8.DecodeRuneInString(s[n*3:])
	return n >= 1 && n <= 2 && strings.ContainsRune("。！？", r)
}

// ordinalTail: the text ends with Chinese numerals after 第 or digits
// (第一百三|十四条): a number cut in two.
func ordinalTail(s string) bool {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if isHanNumeral(r) {
			continue
		}
		return r == '第' || isDigit(r)
	}
	return false
}

// boundStart: a paragraph that starts with a particle or suffix (的 了 们
// …, bound forms in the lexicon) or a conjunction that only joins (以及
// 及其 或者 并且): it cannot begin a sentence.
func boundStart(s string) bool {
	for _, p := range []string{"以及", "及其", "或者", "并且", "等等"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	_, bound := tailShare(r)
	return bound && !strings.ContainsRune(boundStarters, r) && firstWordSingle(s)
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
