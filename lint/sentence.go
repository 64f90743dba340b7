package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a block, in prose coordinates.
type Sentence struct {
	Block      *Block
	Start, End int // byte offsets into Block.Text()
}

// Text returns the sentence text.
func (s Sentence) Text() string { return s.Block.Text()[s.Start:s.End] }

// Span returns the sentence's source span.
func (s Sentence) Span() Span { return s.Block.Prose().SrcSpan(s.Start, s.End) }

// Sentences returns the block's sentences as prose byte ranges.
func (b *Block) Sentences() []Span {
	if b.sents == nil {
		// Split into a stack buffer and keep an exact copy: one
		// allocation for the paragraphs of up to 16 sentences.
		var buf [16]Span
		s := SplitSentences(b.Text(), buf[:0])
		b.sents = append(make([]Span, 0, len(s)), s...)
	}
	return b.sents
}

// Sentences returns every sentence of every block, in document order.
func (d *Document) Sentences() []Sentence {
	if d.sents == nil {
		d.sents = make([]Sentence, 0, len(d.Blocks)*2)
		for _, b := range d.Blocks {
			for _, s := range b.Sentences() {
				d.sents = append(d.sents, Sentence{Block: b, Start: s.Start, End: s.End})
			}
		}
	}
	return d.sents
}

// isCloser: marks that stay with the sentence they close.
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '》', '〉', '】', '〕', ']', '"', '\'', '］', '｝':
		return true
	}
	return false
}

func isCJKTerminator(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '｡'
}

// SplitSentences splits prose into sentences. Chinese sentences end at 。！？
// (and …… when something other than text follows); English ones at . ! ?
// followed by space or the end, except after abbreviations, initials and
// inside decimals. Closing quotes and brackets stay with their sentence.
// Leading and trailing white space is not part of any sentence.
func SplitSentences(text string, dst []Span) []Span {
	start := -1
	i := 0
	for i < len(text) {
		c := text[i]
		// Fast path: Han characters (3-byte leads E4–E9) and ASCII other
		// than . ! ? and white space never end or start anything. (A
		// stride table instead of the branches is slower: each step then
		// waits for a table load.)
		if start >= 0 {
			if c >= 0xE4 && c <= 0xE9 {
				i += 3
				continue
			}
			if c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
				i++
				continue
			}
		}
		r, n := decodeRune(text, i)
		if start < 0 {
			if isSpaceRune(r) {
				i += n
				continue
			}
			start = i
		}
		end := -1
		switch {
		case isCJKTerminator(r):
			end = i + n
		case r == '…':
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 != '…' {
					break
				}
				j += n2
			}
			// An ellipsis ends the sentence unless text follows directly.
			if j >= len(text) {
				end = j
			} else {
				r2, _ := utf8.DecodeRuneInString(text[j:])
				if isCloser(r2) || isCJKTerminator(r2) || isSpaceRune(r2) {
					end = j
				}
			}
			if end < 0 {
				i = j
				continue
			}
		case r == '!' || r == '?':
			if j := i + n; j >= len(text) || nextIsBreak(text[j:]) || isHanAt(text[j:]) {
				end = i + n
			}
		case r == '.':
			if englishPeriodEnds(text, i) {
				end = i + 1
			}
		}
		if end < 0 {
			i += n
			continue
		}
		// Absorb more terminators and closers.
		for end < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if isCJKTerminator(r2) || isCloser(r2) || r2 == '!' || r2 == '?' || r2 == '…' || (r2 == '.' && strings.HasPrefix(text[end:], "...")) {
				end += n2
				continue
			}
			break
		}
		dst = append(dst, Span{start, end})
		start = -1
		i = end
	}
	if start >= 0 {
		e := len(text)
		for e > start {
			r, n := utf8.DecodeLastRuneInString(text[start:e])
			if !isSpaceRune(r) {
				break
			}
			e -= n
		}
		if e > start {
			dst = append(dst, Span{start, e})
		}
	}
	return dst
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
}

func nextIsBreak(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isSpaceRune(r) || isCloser(r)
}

func isHanAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsHan(r)
}

// IsHan reports whether r is a Han ideograph (including 〇).
func IsHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return r == '〇' || unicode.Is(unicode.Han, r)
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "cf": true, "no": true,
	"fig": true, "figs": true, "vol": true, "pp": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"u.s": true, "u.k": true, "a.m": true, "p.m": true, "al": true, "approx": true, "dept": true,
	"est": true, "gov": true, "gen": true, "rev": true, "art": true, "sec": true, "ch": true,
}

// englishPeriodEnds decides whether the '.' at i ends a sentence.
func englishPeriodEnds(text string, i int) bool {
	j := i + 1
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if r == '.' { // part of "..." or ".."
			return false
		}
		if !isSpaceRune(r) && !isCloser(r) && !IsHan(r) {
			return false // 3.14, example.com, e.g.
		}
	}
	// The word before the period.
	k := i
	for k > 0 {
		c := text[k-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' {
			k--
			continue
		}
		break
	}
	word := strings.ToLower(text[k:i])
	if word == "" {
		// After a digit or a non-letter: "in 2024." ends; "1." at a list start does not.
		if k > 0 && text[k-1] >= '0' && text[k-1] <= '9' {
			m := k - 1
			for m > 0 && text[m-1] >= '0' && text[m-1] <= '9' {
				m--
			}
			return strings.TrimSpace(text[:m]) != ""
		}
		return true
	}
	if abbreviations[word] {
		return false
	}
	if len(word) == 1 && text[k] >= 'A' && text[k] <= 'Z' {
		return false // an initial: "J. Smith"
	}
	// A lower-case continuation means no sentence end.
	m := j
	for m < len(text) && (text[m] == ' ' || text[m] == '\t' || text[m] == '\n') {
		m++
	}
	if m < len(text) && text[m] >= 'a' && text[m] <= 'z' {
		return false
	}
	return true
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte
// characters of CJK punctuation decoded inline: a lead E1–EC or EE–EF and
// two continuation bytes are always one valid character.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) {
		b1, b2 := s[i+1], s[i+2]
		if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
