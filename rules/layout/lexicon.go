package layout

//go:generate go run ./internal/genlex -dict $JIEBA_DICT

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
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

const flagBound = 0x10

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

// charCost is the cost of a character read as a word of its own.
func charCost(lex map[string]lexEntry, s string) int {
	if e, ok := lex[s]; ok {
		return int(e.cost)
	}
	return unknownCost
}

// tailShare returns how often (0..8 eighths) the character is the
// non-initial part of a longer word, and whether it is a bound form.
func tailShare(r rune) (share int, bound bool) {
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	e, ok := lexicon()[string(b[:n])]
	if !ok {
		return 0, false
	}
	return int(e.flags & 0x0f), e.flags&flagBound != 0
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
	const inf = 1 << 30
	var best [2*breakWindow + 1]int
	for i := 1; i <= w.n; i++ {
		best[i] = inf
		for l := 1; l <= maxWord && l <= i; l++ {
			j := i - l
			if keep > j && keep < i || c[i][l] < 0 {
				continue
			}
			if v := best[j] + c[i][l]; v < best[i] {
				best[i] = v
			}
		}
	}
	return best[w.n]
}

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
	var tail [breakWindow]rune
	k := 0
	for i := len(left); i > 0 && k < breakWindow; {
		r, sz := utf8.DecodeLastRuneInString(left[:i])
		if !lint.IsHan(r) {
			break
		}
		tail[k] = r
		k++
		i -= sz
	}
	if k == 0 {
		return 0
	}
	var w window
	for j := k - 1; j >= 0; j-- {
		w.add(tail[j])
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
