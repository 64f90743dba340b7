package layout

//go:generate go run ./internal/genlex -dict $JIEBA_DICT

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// The lexicon is a word list with unigram costs, compiled from jieba's
// dictionary by internal/genlex (see data/README.md for its origin and
// licence). The layout rules use it for one question only: does a page
// break fall inside a word? A small unigram segmenter over a few
// characters on each side of the break compares the best reading that
// keeps the break with the best reading that does not.
//
//go:embed data/lexicon.bin.gz
var lexiconGz []byte

type lexEntry struct {
	cost  uint8 // -ln p in quarter nats
	flags uint8 // single characters: tail share in eighths (low nibble), bound form (0x10)
}

const (
	flagBound = 0x10
	// flagGram marks grammatical words: jieba's prepositions,
	// conjunctions, adverbs, pronouns and structural particles (genlex).
	flagGram = 0x20
)

var (
	lexOnce sync.Once
	lexMap  map[string]lexEntry
)

func lexicon() map[string]lexEntry {
	lexOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
		if err != nil {
			panic("layout: lexicon: " + err.Error())
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			panic("layout: lexicon: " + err.Error())
		}
		s := string(raw)
		m := make(map[string]lexEntry, 60000)
		for i := 0; i+3 <= len(s); {
			n := int(s[i])
			m[s[i+3:i+3+n]] = lexEntry{cost: s[i+1], flags: s[i+2]}
			i += 3 + n
		}
		lexMap = m
	})
	return lexMap
}

// unknownCost is the cost of a character the lexicon does not know: about
// a frequency of one in the training total.
const unknownCost = 72

// tailShare returns how often (0..8 eighths) the character is the
// non-initial part of a longer word, and whether it is a bound form.
func tailShare(r rune) (share int, bound bool) {
	st := charInfo(r)
	return int(st.share), st.bound
}

// maxWord is the longest lexicon word, in characters.
const maxWord = 7

// breakWindow is how many Han characters on each side of a break the
// segmenter reads.
const breakWindow = 6

// window is a run of Han characters as UTF-8 with the byte offset of
// each character, so lexicon look-ups slice it without allocating.
type window struct {
	buf [4 * 2 * breakWindow]byte
	off [2*breakWindow + 1]int
	n   int // characters
}

func (w *window) add(r rune) {
	k := utf8.EncodeRune(w.buf[w.off[w.n]:], r)
	w.off[w.n+1] = w.off[w.n] + k
	w.n++
}

// costs returns, for every span [j,i) of up to maxWord characters, the
// lexicon cost (single characters always have one; -1 for no word).
func (w *window) costs(lex map[string]lexEntry) (c [2*breakWindow + 1][maxWord + 1]int) {
	for i := 1; i <= w.n; i++ {
		for l := 1; l <= maxWord; l++ {
			c[i][l] = -1
			if l > i {
				continue
			}
			e, ok := lex[string(w.buf[w.off[i-l]:w.off[i]])]
			switch {
			case ok:
				c[i][l] = int(e.cost)
			case l == 1:
				c[i][l] = unknownCost
			}
		}
	}
	return c
}

// best is the cost of the best segmentation of the window; when keep >= 0
// no word may cross position keep.
func (w *window) best(c *[2*breakWindow + 1][maxWord + 1]int, keep int) int {
	return w.bestIn(c, 0, w.n, keep)
}

// bestIn is best for the characters [from, to) of the window.
func (w *window) bestIn(c *[2*breakWindow + 1][maxWord + 1]int, from, to, keep int) int {
	const inf = 1 << 30
	var best [2*breakWindow + 1]int
	for i := from + 1; i <= to; i++ {
		best[i] = inf
		for l := 1; l <= maxWord && l <= i-from; l++ {
			j := i - l
			if keep > j && keep < i || c[i][l] < 0 {
				continue
			}
			if v := best[j] + c[i][l]; v < best[i] {
				best[i] = v
			}
		}
	}
	return best[to]
}

// lastWord returns where the last word of the best segmentation of the
// window starts.
func (w *window) lastWord(c *[2*breakWindow + 1][maxWord + 1]int) int {
	const inf = 1 << 30
	var best, from [2*breakWindow + 1]int
	for i := 1; i <= w.n; i++ {
		best[i] = inf
		for l := 1; l <= maxWord && l <= i; l++ {
			if c[i][l] < 0 {
				continue
			}
			if v := best[i-l] + c[i][l]; v < best[i] {
				best[i], from[i] = v, i-l
			}
		}
	}
	return from[w.n]
}

// hanTail returns the window of the last Han characters of s (at most
// breakWindow), in order; empty when s does not end with one.
func hanTail(s string) window {
	var tail [breakWindow]rune
	k := 0
	for i := len(s); i > 0 && k < breakWindow; {
		r, sz := utf8.DecodeLastRuneInString(s[:i])
		if !lint.IsHan(r) {
			break
		}
		tail[k] = r
		k++
		i -= sz
	}
	var w window
	for j := k - 1; j >= 0; j-- {
		w.add(tail[j])
	}
	return w
}

// endsWithGrammarWord reports whether the best reading of the text's last
// Han characters ends with a grammatical word (flagGram) of two characters
// or more that cannot close a sentence or stand at the end of a title:
// 任何, 或者, 依照, 不断.
func endsWithGrammarWord(s string) bool {
	w := hanTail(s)
	if w.n == 0 {
		return false
	}
	lex := lexicon()
	c := w.costs(lex)
	// Words of two characters or more: single characters are
	// isFunctionChar's, and an unlisted idiom (防患于未然) may leave a
	// grammatical character (然) at the end of the reading.
	from := w.lastWord(&c)
	if w.n-from < 2 {
		return false
	}
	word := string(w.buf[w.off[from]:w.off[w.n]])
	e, ok := lex[word]
	return ok && e.flags&flagGram != 0 && !strings.Contains(clauseEnders, "|"+word+"|")
}

// clauseEnders are grammatical words that do end clauses and titles: 一致
// (保持一致), 之一 (…景点之一), 等等, 而已, 在内, 以外, 如何, 什么.
const clauseEnders = "|一致|一样|之一|之中|之类|等|等等|而已|在内|以外|如何|什么|为什么|为何|怎样|怎么|不少|自己|我们|他们|你们|它们|大家|其中|"

// segCost returns the cost of the best segmentation of rs (at most
// 2*breakWindow characters); when keep >= 0 no word may cross position
// keep.
func segCost(lex map[string]lexEntry, rs []rune, keep int) int {
	var w window
	for _, r := range rs[:min(len(rs), 2*breakWindow)] {
		w.add(r)
	}
	c := w.costs(lex)
	return w.best(&c, keep)
}

// breakMargin says how much better (in quarter nats) the text reads when
// the break between left and right is removed: the cost of the best
// segmentation that keeps the break minus the cost of the best one
// overall. It looks at up to breakWindow Han characters on each side; 0
// when either side has no Han character next to the break.
func breakMargin(left, right string) int {
	// Up to breakWindow Han characters before the break, in order.
	w := hanTail(left)
	if w.n == 0 {
		return 0
	}
	cut := w.n
	for _, r := range right {
		if !lint.IsHan(r) || w.n-cut >= breakWindow {
			break
		}
		w.add(r)
	}
	if w.n == cut {
		return 0
	}
	c := w.costs(lexicon())
	return w.best(&c, cut) - w.best(&c, -1)
}

// Character statistics, derived from the lexicon itself when the orphan
// check first needs them. Each word's probability is spread over where its
// characters stand in it: alone (a one-character word), first, or later.
//
//   - bias: ln((alone + first) / later) in quarter nats: how much more
//     often the character begins a word (or is one) than it continues one.
//     的 or 这 are high; 际 (国际, 实际), 域 (领域) are low.
//   - endCost: -ln of the probability mass of the words that the character
//     ends (发展, 开展 for 展), in quarter nats: what a page break leaves
//     behind when it takes a word's beginning away.
//   - suffixCost: the same for the longer endings of words of three or
//     more characters (育馆 of 体育馆, 盖率 of 覆盖率).
type charStat struct {
	cost    uint8 // as a word of its own (unknownCost when unlisted)
	share   uint8 // tail share in eighths (genlex)
	bound   bool  // a bound form (genlex)
	gram    bool  // a grammatical word (genlex)
	endCost uint8 // 255: ends no word
	bias    int8
	// minEnd is the lowest suffixCost of the endings that start with the
	// character (255: none), and lostMax bounds the score of reading the
	// character as a lost word's end (cost, less endCost and bias): with
	// them most paragraph starts are cleared without segmenting.
	minEnd  uint8
	lostMax int16
}

// Dense table for the CJK Unified Ideographs block, a map for the rest.
const denseFirst, denseLast = 0x4E00, 0x9FFF

var (
	statOnce   sync.Once
	denseStats []charStat
	otherStats map[rune]charStat
	suffixCost map[string]uint8
)

// unknownStat is what charInfo says of a character the lexicon lacks.
var unknownStat = charStat{cost: unknownCost, endCost: 255, bias: 127, minEnd: 255, lostMax: -255}

// charInfo returns the statistics of a character.
func charInfo(r rune) charStat {
	statOnce.Do(buildStats)
	if r >= denseFirst && r <= denseLast {
		return denseStats[r-denseFirst]
	}
	if st, ok := otherStats[r]; ok {
		return st
	}
	return unknownStat
}

// endings returns suffixCost.
func endings() map[string]uint8 {
	statOnce.Do(buildStats)
	return suffixCost
}

func buildStats() {
	type mass struct{ first, later, end float64 }
	dense := make([]mass, denseLast-denseFirst+1)
	other := map[rune]*mass{}
	get := func(r rune) *mass {
		if r >= denseFirst && r <= denseLast {
			return &dense[r-denseFirst]
		}
		m := other[r]
		if m == nil {
			m = &mass{}
			other[r] = m
		}
		return m
	}
	suffix := make(map[string]float64, 40000)
	lex := lexicon()
	for w, e := range lex {
		p := math.Exp(-float64(e.cost) / 4)
		n := utf8.RuneCountInString(w)
		k := 0
		for i, r := range w {
			if k == 0 {
				get(r).first += p // alone or first: both begin a word
			} else {
				get(r).later += p
				if n-k >= 2 {
					suffix[w[i:]] += p // a proper ending of two or more characters
				}
			}
			if k == n-1 && n > 1 {
				get(r).end += p
			}
			k++
		}
	}
	suffixCost = make(map[string]uint8, len(suffix))
	minEnd := map[rune]uint8{}
	for s, p := range suffix {
		c := quarterNats(p)
		suffixCost[s] = c
		r, _ := utf8.DecodeRuneInString(s)
		if m, ok := minEnd[r]; !ok || c < m {
			minEnd[r] = c
		}
	}
	denseStats = make([]charStat, denseLast-denseFirst+1)
	for i := range denseStats {
		denseStats[i] = unknownStat
	}
	otherStats = map[rune]charStat{}
	for w, e := range lex {
		r, n := utf8.DecodeRuneInString(w)
		if n != len(w) {
			continue // statistics for single characters only
		}
		m := get(r)
		cs := charStat{cost: e.cost, share: e.flags & 0x0f, bound: e.flags&flagBound != 0, gram: e.flags&flagGram != 0,
			endCost: 255, bias: 127, minEnd: 255}
		if m.end > 0 {
			cs.endCost = quarterNats(m.end)
		}
		if m.later > 0 {
			b := math.Round(4 * math.Log(m.first/m.later))
			cs.bias = int8(max(-127, min(127, b)))
		}
		if c, ok := minEnd[r]; ok {
			cs.minEnd = c
		}
		cs.lostMax = int16(cs.cost) - int16(cs.endCost) - int16(cs.bias)
		if r >= denseFirst && r <= denseLast {
			denseStats[r-denseFirst] = cs
		} else {
			otherStats[r] = cs
		}
	}
}

// quarterNats is -ln p in quarter nats, as a byte.
func quarterNats(p float64) uint8 {
	return uint8(max(0, min(255, math.Round(-4*math.Log(p)))))
}
