package dup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
	"github.com/zeebo/xxh3"
)

// The sentence and paragraph rules share one analysis per document and set
// of thresholds (Document.Cache): the sentences of every prose block go
// through dedup.FindRepeats once; paragraphs are compared only where the
// sentence level (or a byte-identical copy) says they may repeat, so a
// document without repeats pays for one pass over its sentences.

// unitBlock reports whether a block takes part: paragraphs, list items and
// quotes. Headings and table cells repeat by design (合计, 同上, 一、总体要求).
func unitBlock(b *lint.Block) bool {
	switch b.Kind {
	case lint.ListItem, lint.Quote:
		return true
	case lint.Paragraph:
		return !numberedTitle(b.Text())
	}
	return false
}

// numberedTitle: a one-line paragraph shaped like a numbered heading or
// caption of plain text (1.2.12. procfs 和 sysfs, 第三章 总则, 表 5.3.
// 从旧的命令集到新的命令集, （一）坚持…) without a mark that ends or
// continues a sentence. A report's table of contents repeats its headings
// and captions by design; a heading copied with its section brings its
// paragraphs along, and those are reported.
func numberedTitle(t string) bool {
	// Most paragraphs fail on their first character: one decode, before
	// anything that reads the whole text (every paragraph meets this test
	// several times).
	i := 0
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	switch r, _ := utf8.DecodeRuneInString(t[i:]); {
	case r >= '0' && r <= '9', r == '(', r == 'T', r == 'F',
		strings.ContainsRune("表图第（〇零一二三四五六七八九十百", r):
	default:
		return false
	}
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 240 || strings.ContainsRune(t, '\n') {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune("。！？；：，、.!?;:,", last) {
		return false
	}
	rest := t
	for _, p := range []string{"表", "图", "Table", "Figure", "第"} {
		if strings.HasPrefix(rest, p) {
			rest = strings.TrimLeft(rest[len(p):], " \u3000")
			break
		}
	}
	if strings.HasPrefix(rest, "（") || strings.HasPrefix(rest, "(") {
		// （一）, (3)
		_, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
	}
	num, dots := 0, 0
	for rest != "" {
		r, n := utf8.DecodeRuneInString(rest)
		if r == '.' && num > 0 {
			dots++
		} else if !(r >= '0' && r <= '9' || strings.ContainsRune("〇零一二三四五六七八九十百", r)) {
			break
		}
		num++
		rest = rest[n:]
	}
	if num == 0 || rest == "" {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(rest); {
	case r == ' ' || r == '\u3000':
		return dots > 0 // 3.1.2 总体要求, not 10 个市州…
	case strings.ContainsRune("、．）)章节条部篇编款", r):
		return true
	default:
		return lint.IsHan(r) && strings.HasPrefix(t, "第") // 第十三届…
	}
}

// sentence is one sentence unit: a prose range of a block.
type sentence struct {
	b          *lint.Block
	start, end int // byte offsets into b.Text()
}

func (s sentence) text() string { return s.b.Text()[s.start:s.end] }

// matchText is the text compared: the prose with every placeholder (inline
// code, URL, image) replaced by its source, so that two sentences are exact
// copies only when their code is the same too (see level.codeOnly for near
// ones).
func matchText(doc *lint.Document, b *lint.Block, start, end int) string {
	t := b.Text()[start:end]
	if !strings.ContainsRune(t, lint.Placeholder) {
		return t
	}
	pr := b.Prose()
	var sb strings.Builder
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(b.Text()[i:])
		if r == lint.Placeholder && pr.IsOpaqueAt(i) {
			sp := pr.SrcSpan(i, i+n)
			sb.Write(doc.Src[sp.Start:sp.End])
		} else {
			sb.WriteString(b.Text()[i : i+n])
		}
		i += n
	}
	return sb.String()
}

// hasPlaceholder reports whether the block's prose holds a placeholder. A
// block whose prose is one unbroken run of its source has none, which
// spares scanning the text of almost every block.
func hasPlaceholder(b *lint.Block) bool {
	t := b.Text()
	return !b.Prose().Contiguous(0, len(t)) && strings.ContainsRune(t, lint.Placeholder)
}

// group is a set of repeated units with the one to keep.
type group struct {
	members []int // unit indexes, ascending
	keeper  int
	exact   []bool // per member: the key equals the key of an earlier member
}

// level is the result for one kind of unit.
type level struct {
	texts []string // matching text per unit
	// prose holds, for units with inline code, URLs or images, the text
	// as shown, with placeholders (texts holds their source).
	prose  map[int]string
	groups []group
	of     []int32 // group index per unit, -1 when none
	// nv are the number-variant pairs (different figures, same words).
	nv []dedup.Pair
}

func (l *level) init(n int) {
	l.of = make([]int32, n)
	for i := range l.of {
		l.of[i] = -1
	}
}

// codeOnly reports whether units a and b differ only inside their code,
// URLs or images: two sentences running different commands or pointing at
// different pages say different things.
func (l *level) codeOnly(a, b int) bool {
	pa, oka := l.prose[a]
	pb, okb := l.prose[b]
	if !oka && !okb {
		return false
	}
	if !oka {
		pa = l.texts[a]
	}
	if !okb {
		pb = l.texts[b]
	}
	return slices.Equal(dedup.Normalize(pa, 0), dedup.Normalize(pb, 0))
}

// setText records the matching text of unit i and, when it differs, the
// prose as shown.
func (l *level) setText(i int, match, prose string) {
	l.texts[i] = match
	if match != prose {
		if l.prose == nil {
			l.prose = map[int]string{}
		}
		l.prose[i] = prose
	}
}

// sentenceLevel is the sentence analysis for one set of thresholds.
type sentenceLevel struct {
	level
	sents []sentence
}

type sentenceKey struct{ opt dedup.FindOptions }

func sentencesOf(doc *lint.Document, opt dedup.FindOptions) *sentenceLevel {
	return doc.Cache(sentenceKey{opt}, func() any {
		// The blocks' own sentence lists: doc.Sentences would copy every
		// sentence of the document first.
		n := 0
		for _, b := range doc.Blocks {
			if unitBlock(b) {
				n += len(b.Sentences())
			}
		}
		sl := &sentenceLevel{sents: make([]sentence, 0, n)}
		for _, b := range doc.Blocks {
			if !unitBlock(b) {
				continue
			}
			for _, s := range b.Sentences() {
				sl.sents = append(sl.sents, sentence{b: b, start: s.Start, end: s.End})
			}
		}
		units := make([]dedup.Unit, len(sl.sents))
		sl.texts = make([]string, len(sl.sents))
		var last *lint.Block
		code := false // the block holds a placeholder
		for i, s := range sl.sents {
			if s.b != last {
				last = s.b
				code = hasPlaceholder(s.b)
			}
			m := s.text()
			if code {
				m = matchText(doc, s.b, s.start, s.end)
			}
			sl.setText(i, m, s.text())
			units[i] = dedup.Unit{Text: sl.texts[i], Group: s.b.Index}
			if fewWords(m, opt.MinRunes) {
				units[i].Text = "" // too short to count
			}
		}
		sl.build(units, opt)
		return sl
	}).(*sentenceLevel)
}

// build runs the finder and keeps the pairs that are repeats: exact ones,
// and near or contained ones that are not parallel text (see parallel).
// Groups and keepers are rebuilt over the kept pairs. The finder pairs
// every copy whose key equals an earlier one's with that first copy
// directly (a hash lookup), so a document repeating a sentence dozens of
// times costs nothing more; only first copies are compared with each other.
func (l *level) build(units []dedup.Unit, opt dedup.FindOptions) {
	l.init(len(units))
	uf := dedup.NewUnionFind(len(units))
	exactTo := make([]bool, len(units)) // an exact copy of an earlier unit
	near := false
	for _, p := range dedup.FindRepeats(units, opt).Pairs {
		switch p.Relation {
		case dedup.NumberVariant:
			l.nv = append(l.nv, p)
			continue
		case dedup.Exact:
			exactTo[p.B] = true
		default:
			if l.codeOnly(p.A, p.B) {
				continue
			}
			// Word swaps change minSwapShare of the text, which a pair
			// this similar cannot (see maxParallelSim); a shorter copy
			// found whole inside the longer one differs by insertions.
			a, b := units[p.A].Text, units[p.B].Text
			swaps := p.EditSim <= maxParallelSim && p.Containment < 1
			if labelsDiffer(a, b) || swaps && wordSwapped(a, b) {
				continue
			}
			near = true
		}
		uf.Union(p.A, p.B)
	}
	// Keys of the texts weighed for keepers, normalised once each.
	keys := map[string][]rune{}
	key := func(u int) []rune {
		t := units[u].Text
		k, ok := keys[t]
		if !ok {
			k = dedup.Normalize(t, 0)
			keys[t] = k
		}
		return k
	}
	var c dedup.Comparer
	for _, ms := range uf.Sets(2) {
		g := group{members: ms, keeper: ms[0], exact: make([]bool, len(ms))}
		allExact := true
		for i, m := range ms {
			g.exact[i] = exactTo[m]
			if i > 0 && !exactTo[m] {
				allExact = false
			}
		}
		if near && !allExact {
			// The first copy is kept unless a later, longer one contains
			// it: then the more complete copy stays. A text already
			// weighed cannot win later, when the keeper is only longer.
			tried := []string{units[ms[0]].Text}
			for _, m := range ms[1:] {
				if slices.Contains(tried, units[m].Text) {
					continue
				}
				tried = append(tried, units[m].Text)
				km, kk := key(m), key(g.keeper)
				if len(km) >= len(kk)+2 && c.InfixContainment(kk, km) >= opt.ContainedAt {
					g.keeper = m
				}
			}
		}
		gi := int32(len(l.groups))
		for _, m := range ms {
			l.of[m] = gi
		}
		l.groups = append(l.groups, g)
	}
}

// paragraphLevel is the paragraph analysis.
type paragraphLevel struct {
	level
	blocks []*lint.Block // unit → block
	unitOf map[int]int   // block index → unit
	// nvPair holds the block-index pairs that are number variants.
	nvPair map[[2]int]bool
}

type paragraphKey struct{ sent, para dedup.FindOptions }

// maxFanout bounds the sentence groups used to propose paragraph pairs: a
// sentence with more copies than this is a refrain, and pairing every
// paragraph holding it would cost quadratic time for nothing.
const maxFanout = 16

// minCoverage is the share of two paragraphs' text that repeated sentences
// must cover before the paragraphs are compared as wholes.
const minCoverage = 0.4

func paragraphsOf(doc *lint.Document, sopt, popt dedup.FindOptions) *paragraphLevel {
	return doc.Cache(paragraphKey{sopt, popt}, func() any {
		sl := sentencesOf(doc, sopt)
		pl := &paragraphLevel{unitOf: map[int]int{}, nvPair: map[[2]int]bool{}}
		nb := len(doc.Blocks)
		uf := dedup.NewUnionFind(nb)
		cand := make([]bool, nb)
		// Byte-identical paragraphs.
		seen := map[uint64]int{}
		for _, b := range doc.Blocks {
			if !unitBlock(b) {
				continue
			}
			h := xxh3.HashString(b.Text())
			if j, ok := seen[h]; ok && doc.Blocks[j].Text() == b.Text() {
				uf.Union(j, b.Index)
				cand[j], cand[b.Index] = true, true
			} else if !ok {
				seen[h] = b.Index
			}
		}
		// Paragraphs whose repeated sentences cover much of both.
		cover := map[[2]int]int{}
		// addCover counts sentence s towards the pair (its block, t's block).
		addCover := func(s, t int) {
			a, b := sl.sents[s].b.Index, sl.sents[t].b.Index
			if a == b {
				return
			}
			cover[[2]int{min(a, b), max(a, b)}] += sl.sents[s].end - sl.sents[s].start
		}
		for _, g := range sl.groups {
			if len(g.members) > maxFanout {
				continue
			}
			for i, x := range g.members {
				for _, y := range g.members[i+1:] {
					addCover(x, y)
					addCover(y, x)
				}
			}
		}
		for _, p := range sl.nv {
			addCover(p.A, p.B)
			addCover(p.B, p.A)
		}
		// Paragraphs made mostly of short sentences have little sentence
		// evidence: they are compared with each other.
		long := make([]int, nb) // bytes in sentences long enough to compare
		short := -1
		for _, b := range doc.Blocks {
			if !unitBlock(b) {
				continue
			}
			text := b.Text()
			total := 0
			for _, s := range b.Sentences() {
				total += s.End - s.Start
				if !shortText(text[s.Start:s.End], sopt.MinRunes) {
					long[b.Index] += s.End - s.Start
				}
			}
			if 2*long[b.Index] > total || shortText(text, sopt.MinRunes) {
				continue
			}
			cand[b.Index] = true
			if short >= 0 {
				uf.Union(short, b.Index)
			} else {
				short = b.Index
			}
		}
		for ab, n := range cover {
			if float64(n) >= minCoverage*float64(long[ab[0]]+long[ab[1]]) {
				uf.Union(ab[0], ab[1])
				cand[ab[0]], cand[ab[1]] = true, true
			}
		}
		var units []dedup.Unit
		for _, b := range doc.Blocks {
			if !cand[b.Index] || !unitBlock(b) {
				continue
			}
			pl.unitOf[b.Index] = len(pl.blocks)
			pl.blocks = append(pl.blocks, b)
		}
		pl.texts = make([]string, len(pl.blocks))
		for i, b := range pl.blocks {
			pl.setText(i, matchText(doc, b, 0, len(b.Text())), b.Text())
			u := dedup.Unit{Text: pl.texts[i], Group: uf.Find(b.Index)}
			if fewWords(u.Text, popt.MinRunes) {
				u.Text = ""
			}
			units = append(units, u)
		}
		popt.SameGroup = true
		pl.build(units, popt)
		for _, p := range pl.nv {
			pl.nvPair[[2]int{pl.blocks[p.A].Index, pl.blocks[p.B].Index}] = true
		}
		return pl
	}).(*paragraphLevel)
}

// shortText reports whether s has fewer than minRunes letters and digits
// (the characters a matching key keeps). Texts of 4·minRunes bytes are not
// counted: a third of such a Chinese sentence would have to be punctuation.
// The answer only steers which paragraphs are compared, so a rare miss
// costs nothing but a comparison.
// fewWords: s has no CJK character and fewer than half of minRunes words.
// An English word carries what one or two Han characters do, so 15
// characters of Chinese are about 8 words: a changelog's "* unparam: bump
// to HEAD" or a README's "Run the following command:" repeat by design.
func fewWords(s string, minRunes int) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0xE0 {
			return false // a three- or four-byte character: CJK text
		}
		w := c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80
		if w && !in {
			words++
		}
		in = w
	}
	return 2*words < minRunes
}

func shortText(s string, minRunes int) bool {
	if len(s) < minRunes {
		return true
	}
	if len(s) >= 4*minRunes {
		return false
	}
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' {
				n++
			}
			i++
			continue
		}
		// U+4E00..U+9FFF (lead bytes E4–E9, past U+4DFF) are all letters;
		// the Unicode tables are for the rest.
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c > 0xE4 || s[i+1] >= 0xB8) {
			n++
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += size
	}
	return n < minRunes
}

// groupOfBlock returns the paragraph group of a block, or -1.
func (pl *paragraphLevel) groupOfBlock(bi int) int {
	u, ok := pl.unitOf[bi]
	if !ok {
		return -1
	}
	return int(pl.of[u])
}

// deleted reports whether the paragraph rule proposes to delete the block:
// it is a repeat and not its group's keeper.
func (pl *paragraphLevel) deleted(bi int) bool {
	g := pl.groupOfBlock(bi)
	return g >= 0 && pl.blocks[pl.groups[g].keeper].Index != bi
}

// related reports whether two different blocks repeat each other as
// paragraphs, or differ only in figures: the sentences they share are then
// the paragraph rule's business (or a template's), not the sentence rule's.
func (pl *paragraphLevel) related(a, b int) bool {
	if a == b {
		return false
	}
	if a > b {
		a, b = b, a
	}
	if pl.nvPair[[2]int{a, b}] {
		return true
	}
	ga := pl.groupOfBlock(a)
	return ga >= 0 && ga == pl.groupOfBlock(b)
}
