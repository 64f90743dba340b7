package layout

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// OrphanFragment reports a paragraph whose beginning was lost.
var OrphanFragment = &lint.Rule{
	ID:        "orphan-fragment",
	Summary:   "paragraph starting with the second half of a word: its beginning seems lost",
	SummaryZh: "段落以词语的后半部分开头，开头疑似丢失",
	Doc: `When pages are cut and pasted, the end of a sentence can survive without
its beginning: 行的一次督办协商。 is what is left of …是…举行的一次督办协商。
The paragraph before it must have ended properly (otherwise the two are
halves of a split paragraph, split-paragraph), and the best reading of the
paragraph's first characters (a unigram segmenter over jieba's dictionary)
must take the first character as a word of its own. Then the paragraph is
reported when it starts with

- a particle or suffix that cannot begin a sentence (的 了 着 们 者 …:
  characters tagged as bound forms in jieba's dictionary);
- the ending of a longer word, two characters or more, that reads much
  better than the same characters read from a word boundary (育馆 of
  体育馆, 盖率 of 覆盖率);
- a character that is mostly the second half of a word (行 of 进行/举行,
  济 of 经济: its "tail share" in the dictionary is high) and rare as a
  word of its own, before a particle, a mark, a grammatical character or
  text that reads as words again (济建设取得新进展。, 善按人头付费…);
- a character read as the end of a lost word: the probability of the
  dictionary's words that end with it, then the rest read as usual, beats
  the character read as a word of its own, corrected for how much more
  often the character begins words than continues them (域高素质人才… is
  领|域 高素质人才; 府要精心组织… is 政|府 要…). Before a content character
  the evidence must be stronger: names look like this too (曼施坦因).

Place names (兴安盟, 砚山县) are left alone unless a longer word's ending
explains them, and so is a paragraph whose first two characters begin a
clause or paragraph twice elsewhere in the document: a name or term of the
text (孝文 in a novel's dialogue), where a lost word's tail does not recur. A tail that starts with a character that is mostly a word
of its own or a word's first half (统筹 → 筹…, 应急 → 急…, 倾斜 → 斜…)
reads like a sentence start and is not reported: the rule prefers silence.

There is no fix: the lost words must be found in the source document.`,
	Category: "layout",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "湖北省委、省政府实施“数字化湖北”行动。\n\n行的一次督办协商。\n",
		Good: "湖北省委、省政府实施“数字化湖北”行动。\n\n这是省政协举行的一次督办协商。\n",
	}},
	Run: runOrphanFragment,
}

func runOrphanFragment(p *lint.Pass) error {
	an := analyse(p.Doc)
	for _, i := range an.orphans {
		b := &an.blocks[i]
		r, _ := utf8.DecodeRuneInString(b.text)
		_, bound := tailShare(r)
		var en, zh string
		if bound {
			en = fmt.Sprintf("paragraph starts with “%c”, a particle or suffix that cannot begin a sentence: its beginning seems lost", r)
			zh = fmt.Sprintf("段落以“%c”开头，该字是不能居句首的助词或词缀，本段开头疑似丢失", r)
		} else {
			en = fmt.Sprintf("paragraph starts with “%c”, normally the second half of a word: its beginning seems lost", r)
			zh = fmt.Sprintf("段落以“%c”开头，该字通常是词语的后半部分，本段开头疑似丢失", r)
		}
		d := lint.Diagnostic{Span: firstRuneSpan(b), Message: en, MessageZh: zh}
		if i > 0 {
			d.Related = []lint.Related{{Span: lastRuneSpan(&an.blocks[i-1]), Message: "the paragraph before ends here"}}
		}
		p.Report(d)
	}
	return nil
}

// Characters that the dictionary tags as bound but that also begin
// sentences or names: 等到, 地湾城, 得益于, 过去, interjections.
const boundStarters = "等所之地得过型呵哇唔呃呀啦"

// rareSingleCost: a character whose frequency as a word of its own is
// below about one in eight thousand words (cost in quarter nats).
const rareSingleCost = 36

// Thresholds of the lost-word reading (see isOrphan), in quarter nats.
const (
	// The paragraph starts with an ending of two or more characters of a
	// longer word (育馆 of 体育馆, 盖率 of 覆盖率): 4 nats.
	lostLongEnding = 16
	// One character read as a word's end, then a grammatical character,
	// a mark or a word (府在…, 域高…): 3 nats.
	lostAtBoundary = 12
	// One character, then a content character that may belong to it:
	// names and unlisted terms look like this (始镜猴科, 界人): 4.5 nats.
	lostBeforeLetter = 18
)

// isOrphan decides whether block i starts with the tail of a lost word.
//
// After a paragraph that ended properly, the paragraph must start with a
// character that the best segmentation of its first characters takes as
// a word of its own, and then one of:
//
//   - a bound form (的 了 们 …, jieba's tags u, k, y);
//   - the end of a longer lexicon word, two characters or more, that reads
//     clearly better than the text read from a word boundary (育馆 of
//     体育馆);
//   - a character that is mostly a word's second half (tailShare) and
//     rare alone, before a particle, a mark or text that reads as words
//     again (行的…, 济|建设…);
//   - a character read as a word's end: the lost-word reading (the
//     probability mass of the words that end in it, then the best reading
//     of the rest) beats the boundary reading (the character as a word of
//     its own), corrected by how much more often the character begins
//     words than continues them (positionStats). 域高素质人才… reads as
//     领|域 高素质人才; 现将…印发 and 伟是… do not reach the threshold.
//
// Place names (兴安盟, 砚山县) are left alone unless a longer word ending
// explains them.
func isOrphan(a *analysis, i int) bool {
	b := &a.blocks[i]
	prev := i - 1
	for prev >= 0 && a.blocks[prev].role == roleFurniture {
		prev--
	}
	if prev < 0 {
		return false
	}
	pb := &a.blocks[prev]
	if pb.role == roleProse && !ended(pb.text) {
		return false // an unfinished paragraph before: a split, not an orphan
	}
	if pb.b.Kind == lint.Heading && b.b.BlankBefore < 2 {
		// Right after a heading a lost beginning is unlikely.
		return false
	}
	return lostStart(b.text, b.runes)
}

// lostStart reports whether a paragraph's text (of the given length in
// characters, or 1000 for long ones) starts with the end of a word whose
// beginning is missing; see isOrphan.
func lostStart(text string, runes int) bool {
	r, n := utf8.DecodeRuneInString(text)
	if !lint.IsHan(r) {
		return false
	}
	st := charInfo(r)
	if st.bound {
		return !strings.ContainsRune(boundStarters, r) && firstWordSingle(text)
	}
	share, cost := int(st.share), int(st.cost)
	next, n2 := utf8.DecodeRuneInString(text[n:])
	// Cheap bounds first: most paragraphs start with characters that
	// begin words (这 在 我 …) and need no segmentation.
	tailBeforeMark := share >= 5 && strings.ContainsRune("的了着地得过之和与及或等、，：；", next)
	rareTail := share >= 7 && cost >= rareSingleCost-4 || share >= 6 && cost >= rareSingleCost ||
		share >= 4 && cost >= rareSingleCost && runes <= 40
	if !tailBeforeMark && !rareTail && int(st.lostMax) < lostAtBoundary &&
		!mayEndLongWord(st, text[:n+n2], next) {
		return false
	}
	var h headReading
	h.init(text)
	h.segment()
	if !h.firstSingle() {
		return false // the paragraph starts with a word: 诚信…, 着力…
	}
	margin, long := h.lostWordMargins()
	if long >= lostLongEnding {
		return true // even a place name (护区?) reads worse than 保护区
	}
	if h.placeName() {
		return false
	}
	switch {
	case tailBeforeMark:
		// A word's tail read alone before a particle, a conjunction or a
		// mark: 行的…, 展和…, 府，…
		return true
	case rareTail && (h.restStartsWithWord(text[n:]) || boundaryAfter(next)):
		// Mostly a tail and rare as a word of its own (济 of 经济, 展 of
		// 发展; in a short paragraph also 彻 of 贯彻, half a tail),
		// stranded before text that reads as words again (济|建设…) or
		// before a grammatical character (善|按…). Names spelt with rare
		// characters (曼施坦因, 辰溪县) do not read on. (Rarity alone is
		// not enough: 卡斯特罗, 砚山县 are names.)
		return true
	}
	score := margin - int(st.bias)
	switch {
	case next == '·' || next == utf8.RuneError || !lint.IsHan(next) && !isPunct(next):
		return false // 廉·普拉格: a name; 表 1.1: a caption
	case boundaryAfter(next) || h.restStartsWithWord(text[n:]):
		return score >= lostAtBoundary
	}
	return score >= lostBeforeLetter
}

// namedStart: the first two characters of paragraph i begin a clause or
// a paragraph elsewhere in the document twice or more: a name or term of
// this text (孝文, 兆鹏 in a novel's dialogue: “孝文，你…”; 民乐园…。民乐园
// 是…), not the tail of a lost word, which does not recur at clause
// starts. Asked only of the few paragraphs isOrphan takes, so a plain
// search is enough.
func namedStart(a *analysis, i int) bool {
	t := a.blocks[i].text
	_, n1 := utf8.DecodeRuneInString(t)
	r2, n2 := utf8.DecodeRuneInString(t[n1:])
	if !lint.IsHan(r2) {
		return false
	}
	head := t[:n1+n2]
	seen := 0
	for k := range a.blocks {
		s := a.blocks[k].text
		off := 0
		if k == i {
			off = len(head) // later in the same paragraph counts too
		}
		for {
			j := strings.Index(s[off:], head)
			if j < 0 {
				break
			}
			j += off
			if prev, _ := utf8.DecodeLastRuneInString(s[:j]); j == 0 || !lint.IsHan(prev) && prev != utf8.RuneError {
				if seen++; seen >= 2 {
					return true
				}
			}
			off = j + len(head)
		}
	}
	return false
}

// boundaryAfter: a character that begins a new word after the first one:
// a grammatical character (isFunctionChar, grammarChars, or tagged as a
// frequent preposition, conjunction, adverb, pronoun or particle in the
// lexicon: 挥|他…) or a punctuation mark (not the interpunct of names: 廉·普拉格).
func boundaryAfter(r rune) bool {
	if lint.IsHan(r) {
		// Frequent ones only: 特 (adverb) and 普 spell names too.
		st := charInfo(r)
		return isFunctionChar(r) || strings.ContainsRune(grammarChars, r) || st.gram && st.cost <= 30
	}
	return r != '·' && r != utf8.RuneError && isPunct(r)
}

// grammarChars are verbs and adverbs of grammar (copula, modals,
// auxiliaries) that, like isFunctionChar's, begin a new word.
const grammarChars = "是要受来则它作须较可会能应已曾"

// headReading is the segmentation lattice of a paragraph's first Han
// characters (at most six), computed once and read several ways.
type headReading struct {
	w window
	c [2*breakWindow + 1][maxWord + 1]int
}

func (h *headReading) init(s string) {
	for _, r := range s {
		if !lint.IsHan(r) || h.w.n == 6 {
			break
		}
		h.w.add(r)
	}
}

func (h *headReading) segment() { h.c = h.w.costs(lexicon()) }

// mayEndLongWord: the first two characters (two; st and r2 describe
// them) may be a longer word's ending that reads at least lostLongEnding
// better than the two read from a word boundary, as two words or as one.
func mayEndLongWord(st charStat, two string, r2 rune) bool {
	if !lint.IsHan(r2) || int(st.cost)+int(charInfo(r2).cost)-int(st.minEnd) < lostLongEnding {
		return false // even the cheapest ending starting with a is too dear
	}
	end, ok := endings()[two]
	if !ok {
		return false
	}
	read := int(st.cost) + int(charInfo(r2).cost)
	if e, ok := lexicon()[two]; ok {
		read = min(read, int(e.cost))
	}
	return read-int(end) >= lostLongEnding
}

// cost is the best segmentation cost of characters [from, to).
func (h *headReading) cost(from, to int) int { return h.w.bestIn(&h.c, from, to, -1) }

// firstSingle: the best reading of the first five characters takes the
// first one as a word of its own (as firstWordSingle).
func (h *headReading) firstSingle() bool {
	to := min(h.w.n, 5)
	return to == 1 || to > 1 && h.w.bestIn(&h.c, 0, to, 1) == h.cost(0, to)
}

// restStartsWithWord is startsWithWord for the text after the first
// character (rest), whose Han characters the lattice holds.
func (h *headReading) restStartsWithWord(rest string) bool {
	if h.w.n < 3 {
		return startsWithWord(rest)
	}
	return h.w.bestIn(&h.c, 1, h.w.n, 2) > h.cost(1, h.w.n)
}

// lostWordMargins returns how much cheaper (quarter nats) the characters
// read as the end of a lost word than from a word boundary: with the first
// character as the whole visible end (one), and with the best ending of
// two characters or more (long); -1 << 20 when there is no such reading.
func (h *headReading) lostWordMargins() (one, long int) {
	const none = -1 << 20
	suf := endings()
	whole := h.cost(0, h.w.n)
	one, long = none, none
	for j := 1; j <= h.w.n; j++ {
		var c int
		if j == 1 {
			r, _ := utf8.DecodeRune(h.w.buf[:h.w.off[1]])
			st := charInfo(r)
			if st.endCost == 255 {
				continue
			}
			c = int(st.endCost)
		} else {
			v, ok := suf[string(h.w.buf[:h.w.off[j]])]
			if !ok {
				continue
			}
			c = int(v)
		}
		m := whole - c - h.cost(j, h.w.n)
		if j == 1 {
			one = m
		} else {
			long = max(long, m)
		}
	}
	return one, long
}

// placeName: the text starts with a place name (兴安盟…, 砚山县…,
// 辰溪县…): an administrative suffix among the first four characters,
// read as a word of its own (not 乡村 of 美丽乡村, 市场 of 市场化).
// Such names often start with characters that are tails elsewhere.
func (h *headReading) placeName() bool {
	whole := -1
	for k := 1; k < h.w.n && k < 4; k++ {
		r, _ := utf8.DecodeRune(h.w.buf[h.w.off[k]:h.w.off[k+1]])
		if !strings.ContainsRune("省市县区镇乡村盟州旗", r) {
			continue
		}
		if whole < 0 {
			whole = h.cost(0, h.w.n)
		}
		// Read as a word of its own, the suffix costs at most 3 nats more
		// than the best reading (兴安|盟|扶贫 against 兴|安|盟扶…).
		if h.cost(0, k)+h.c[k+1][1]+h.cost(k+1, h.w.n) <= whole+12 {
			return true
		}
	}
	return false
}

// startsWithWord reports whether the best reading of the text's first
// characters starts with a lexicon word of two or more characters.
func startsWithWord(s string) bool {
	var rs []rune
	for _, r := range s {
		if !lint.IsHan(r) || len(rs) == 5 {
			break
		}
		rs = append(rs, r)
	}
	if len(rs) < 2 {
		// One character and a mark (疗费，…) reads as a word too.
		return len(rs) == 1 && len(s) > 3 && isPunct([]rune(s[3:])[0])
	}
	lex := lexicon()
	return segCost(lex, rs, 1) > segCost(lex, rs, -1)
}

// firstWordSingle reports whether the best reading of the paragraph's
// first characters takes the first character as a word of its own.
func firstWordSingle(s string) bool {
	var rs []rune
	for _, r := range s {
		if !lint.IsHan(r) || len(rs) == 5 {
			break
		}
		rs = append(rs, r)
	}
	if len(rs) < 2 {
		return len(rs) == 1
	}
	lex := lexicon()
	return segCost(lex, rs, 1) == segCost(lex, rs, -1)
}
