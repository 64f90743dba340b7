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

// segCost returns the cost of the best segmentation of runes[from:to] into
// lexicon words (unknown characters as single words); when keep >= 0 no
// word may cross position keep.
func segCost(lex map[string]lexEntry, rs []rune, keep int) int {
	const inf = 1 << 30
	best := make([]int, len(rs)+1)
	for i := 1; i <= len(rs); i++ {
		best[i] = inf
		for l := 1; l <= maxWord && l <= i; l++ {
			j := i - l
			if keep > j && keep < i {
				continue // the word would cross the kept break
			}
			var c int
			w := string(rs[j:i])
			if l == 1 {
				c = charCost(lex, w)
			} else if e, ok := lex[w]; ok {
				c = int(e.cost)
			} else {
				continue
			}
			if best[j]+c < best[i] {
				best[i] = best[j] + c
			}
		}
	}
	return best[len(rs)]
}

// breakMargin says how much better (in quarter nats) the text reads when
// the break between left and right is removed: the cost of the best
// segmentation that keeps the break minus the cost of the best one
// overall. It looks at up to breakWindow Han characters on each side; 0
// when either side has no Han character next to the break.
func breakMargin(left, right string) int {
	var rs [2 * breakWindow]rune
	n := 0
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
	for j := k - 1; j >= 0; j-- {
		rs[n] = tail[j]
		n++
	}
	cut := n
	for _, r := range right {
		if !lint.IsHan(r) || n-cut >= breakWindow {
			break
		}
		rs[n] = r
		n++
	}
	if n == cut {
		return 0
	}
	lex := lexicon()
	return segCost(lex, rs[:n], cut) - segCost(lex, rs[:n], -1)
}
