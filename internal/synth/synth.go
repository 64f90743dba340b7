// Package synth generates deterministic near-duplicate test material from
// clean sentences and paragraphs: mutated copies with a known edit (exact
// copies, width and punctuation variants, prefix and suffix insertions and
// cuts, character substitutions, deletions and insertions at a given rate,
// a sentence added or dropped, digit changes) and
// pseudo-Chinese filler text from an order-2 character Markov chain, for
// recall/precision tests and benchmarks. The same seed gives the same output
// on every run and platform.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// Op is a kind of edit.
type Op uint8

const (
	Exact        Op = iota // unchanged copy
	Width                  // full-width letters and digits, ASCII punctuation, added spaces: same key
	Prefix                 // 1–6 Han characters (and maybe a comma) put in front
	Suffix                 // 1–6 Han characters put before the final punctuation
	Subst                  // Rate of the Han/Latin letters replaced
	Delete                 // Rate of the Han/Latin letters deleted
	Digits                 // one digit of every number changed: a number variant
	Insert                 // Han (or Latin) letters inserted after Rate of the letters
	PrefixCut              // 1–6 letters cut from the start
	SuffixCut              // 1–6 letters cut before the final punctuation
	SentenceAdd            // one sentence added at the start, between two sentences or at the end
	SentenceDrop           // one sentence of several dropped
	Words                  // Rate of the Latin words replaced by other words (an English editor's edit)
)

var opNames = [...]string{"exact", "width", "prefix", "suffix", "subst", "delete", "digits",
	"insert", "prefix-cut", "suffix-cut", "sentence-add", "sentence-drop", "words"}

// Mutation is an edit with its rate (for Subst and Delete).
type Mutation struct {
	Op   Op
	Rate float64
}

func (m Mutation) String() string {
	if m.Op == Subst || m.Op == Delete || m.Op == Insert || m.Op == Words {
		return fmt.Sprintf("%s-%g%%", opNames[m.Op], m.Rate*100)
	}
	return opNames[m.Op]
}

// Gen is a deterministic generator.
type Gen struct {
	rng   *rand.Rand
	han   []rune // Han characters of the corpus, for insertions and substitutions
	chain map[[2]rune][]rune
	start [][2]rune
}

// New returns a generator seeded with seed whose alphabet and Markov chain
// come from corpus.
func New(seed uint64, corpus []string) *Gen {
	g := &Gen{rng: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), chain: make(map[[2]rune][]rune)}
	seen := make(map[rune]bool)
	for _, s := range corpus {
		rs := []rune(s)
		for _, r := range rs {
			// Numerals are left out so that inserted or substituted text never
			// turns an edit into a number variant.
			if unicode.Is(unicode.Han, r) && !seen[r] && !strings.ContainsRune(hanNumerals, r) {
				seen[r] = true
				g.han = append(g.han, r)
			}
		}
		if len(rs) >= 3 {
			g.start = append(g.start, [2]rune{rs[0], rs[1]})
		}
		for i := 2; i < len(rs); i++ {
			k := [2]rune{rs[i-2], rs[i-1]}
			g.chain[k] = append(g.chain[k], rs[i])
		}
	}
	slices.Sort(g.han)
	return g
}

// Applicable reports whether m can change s as intended (Digits needs a
// digit).
func Applicable(s string, m Mutation) bool {
	switch m.Op {
	case Digits:
		return strings.ContainsAny(s, "0123456789")
	case SentenceDrop:
		return len(Sentences(s)) >= 2
	case Words:
		return isLatin(s)
	}
	return true
}

// Sentences cuts s after 。！？ and after . ! ? followed by a space (the
// space stays with the next sentence); the pieces join back to s.
func Sentences(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	pos := 0 // byte offset of rs[i]
	for i, r := range rs {
		pos += len(string(r))
		end := false
		switch r {
		case '。', '！', '？':
			end = true
		case '.', '!', '?':
			end = i+1 < len(rs) && rs[i+1] == ' '
		}
		// Closing quotes and brackets stay with their sentence.
		for end && i+1 < len(rs) && strings.ContainsRune("”’」』）)", rs[i+1]) {
			end = false
		}
		if end && pos < len(s) {
			out = append(out, s[start:pos])
			start = pos
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func (g *Gen) randHan() rune { return g.han[g.rng.IntN(len(g.han))] }

func (g *Gen) randHans(n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(g.randHan())
	}
	return b.String()
}

// isContent: letters edited by Subst and Delete (digits and Chinese
// numerals are left alone so that these edits never turn into number
// variants).
func isContent(r rune) bool {
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune(hanNumerals, r) || r < 0x80 && unicode.IsLetter(r)
}

// hanNumerals are never inserted, substituted or deleted, for the same
// reason as digits.
const hanNumerals = "〇零一二三四五六七八九十百千两"

// Apply returns s with the mutation applied.
func (g *Gen) Apply(s string, m Mutation) string {
	rs := []rune(s)
	switch m.Op {
	case Exact:
		return s
	case Width:
		var b strings.Builder
		for i, r := range rs {
			switch {
			case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
				r += 0xFEE0
			case r == '，':
				r = ','
			case r == '。':
				r = '.'
			case r == '；':
				r = ';'
			case r == '：':
				r = ':'
			case r == '（':
				r = '('
			case r == '）':
				r = ')'
			case r == '“', r == '”':
				r = '"'
			case r == '、':
				r = ','
			}
			b.WriteRune(r)
			if i%7 == 3 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	case Prefix:
		p := g.randHans(1 + g.rng.IntN(6))
		if g.rng.IntN(2) == 0 {
			p += "，"
		}
		return p + s
	case Suffix:
		add := g.randHans(1 + g.rng.IntN(6))
		end := len(rs)
		for end > 0 && !isContent(rs[end-1]) && !unicode.IsDigit(rs[end-1]) {
			end--
		}
		return string(rs[:end]) + add + string(rs[end:])
	case Subst, Delete:
		var pos []int
		for i, r := range rs {
			if isContent(r) {
				pos = append(pos, i)
			}
		}
		n := max(1, int(math.Round(m.Rate*float64(len(pos)))))
		n = min(n, len(pos))
		g.rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
		pick := pos[:n]
		slices.Sort(pick)
		if m.Op == Subst {
			for _, i := range pick {
				if rs[i] < 0x80 {
					base := rune('a')
					if rs[i] < 'a' {
						base = 'A'
					}
					rs[i] = base + (rs[i]-base+1+rune(g.rng.IntN(25)))%26
					continue
				}
				r := g.randHan()
				for r == rs[i] {
					r = g.randHan()
				}
				rs[i] = r
			}
			return string(rs)
		}
		out := rs[:0:0]
		j := 0
		for i, r := range rs {
			if j < len(pick) && pick[j] == i {
				j++
				continue
			}
			out = append(out, r)
		}
		return string(out)
	case Insert:
		var out []rune
		for _, r := range rs {
			out = append(out, r)
			if isContent(r) && g.rng.Float64() < m.Rate {
				if r < 0x80 {
					out = append(out, 'a'+rune(g.rng.IntN(26)))
				} else {
					out = append(out, g.randHan())
				}
			}
		}
		return string(out)
	case PrefixCut, SuffixCut:
		n := 1 + g.rng.IntN(6)
		out := slices.Clone(rs)
		if m.Op == PrefixCut {
			for i := 0; i < len(out) && n > 0; {
				if isContent(out[i]) {
					out = slices.Delete(out, i, i+1)
					n--
					continue
				}
				i++
			}
			return string(out)
		}
		for i := len(out) - 1; i >= 0 && n > 0; i-- {
			if isContent(out[i]) {
				out = slices.Delete(out, i, i+1)
				n--
			}
		}
		return string(out)
	case SentenceAdd:
		ss := Sentences(s)
		at := g.rng.IntN(len(ss) + 1)
		if isLatin(s) {
			// The space before a sentence stays with it.
			add := g.latinSentence()
			if at == 0 {
				return add + " " + s
			}
			return strings.Join(ss[:at], "") + " " + add + strings.Join(ss[at:], "")
		}
		return strings.Join(ss[:at], "") + g.Sentence() + strings.Join(ss[at:], "")
	case SentenceDrop:
		ss := Sentences(s)
		if len(ss) < 2 {
			return s
		}
		at := g.rng.IntN(len(ss))
		return strings.TrimSpace(strings.Join(ss[:at], "") + strings.Join(ss[at+1:], ""))
	case Words:
		ws := strings.Split(s, " ")
		var pos []int
		for i, w := range ws {
			if w != "" && isContent(rune(w[0])) {
				pos = append(pos, i)
			}
		}
		n := min(max(1, int(math.Round(m.Rate*float64(len(pos))))), len(pos))
		g.rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
		for _, i := range pos[:n] {
			w := ws[i]
			// Keep trailing punctuation.
			k := len(w)
			for k > 0 && !isContent(rune(w[k-1])) {
				k--
			}
			nw := w[:k]
			for nw == w[:k] {
				nw = latinWords[g.rng.IntN(len(latinWords))]
			}
			ws[i] = nw + w[k:]
		}
		return strings.Join(ws, " ")
	case Digits:
		var b strings.Builder
		changed := false
		for i, r := range rs {
			// Change the last digit of every number.
			if r >= '0' && r <= '9' && (i+1 == len(rs) || rs[i+1] < '0' || rs[i+1] > '9') {
				r = '0' + (r-'0'+1+rune(g.rng.IntN(9)))%10
				changed = true
			}
			b.WriteRune(r)
		}
		if !changed {
			return s
		}
		return b.String()
	}
	panic("synth: unknown op")
}

// Sentence returns one pseudo-Chinese sentence from the Markov chain: it
// has the character and bigram statistics of the corpus but is, with
// overwhelming probability, not a copy of any corpus sentence.
func (g *Gen) Sentence() string {
	for {
		st := g.start[g.rng.IntN(len(g.start))]
		rs := []rune{st[0], st[1]}
		for len(rs) < 160 {
			next := g.chain[[2]rune{rs[len(rs)-2], rs[len(rs)-1]}]
			if len(next) == 0 {
				break
			}
			r := next[g.rng.IntN(len(next))]
			rs = append(rs, r)
			if r == '。' || r == '！' || r == '？' {
				break
			}
		}
		if len(rs) >= 12 && rs[len(rs)-1] == '。' {
			return string(rs)
		}
	}
}

// isLatin reports whether s has more ASCII letters than Han characters.
func isLatin(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x80 && unicode.IsLetter(r):
			n++
		case unicode.Is(unicode.Han, r):
			n -= 2
		}
	}
	return n > 0
}

// latinWords are the words of added English sentences and word edits.
var latinWords = strings.Fields("the report draft section figure review editor office plan budget revised total annual growth committee notes appendix version paragraph source data")

// latinSentence is a short English sentence from a fixed word list.
func (g *Gen) latinSentence() string {
	n := 6 + g.rng.IntN(8)
	out := make([]string, n)
	for i := range out {
		out[i] = latinWords[g.rng.IntN(len(latinWords))]
	}
	out[0] = strings.ToUpper(out[0][:1]) + out[0][1:]
	return strings.Join(out, " ") + "."
}

// Intn exposes the generator's random source for callers that need more
// choices from the same stream.
func (g *Gen) Intn(n int) int { return g.rng.IntN(n) }

// Document returns about nbytes of pseudo-Chinese prose as sentences with
// their paragraph numbers (3–7 sentences a paragraph). A share repeat of
// the sentences are copies of an earlier one — exact, with a prefix, or
// with 5 % of the characters substituted — the rest are fresh Markov
// sentences.
func (g *Gen) Document(nbytes int, repeat float64) (sentences []string, para []int) {
	size, p, left := 0, 0, 3+g.rng.IntN(5)
	for size < nbytes {
		var s string
		if len(sentences) > 0 && g.rng.Float64() < repeat {
			src := sentences[g.rng.IntN(len(sentences))]
			switch g.rng.IntN(3) {
			case 0:
				s = src
			case 1:
				s = g.Apply(src, Mutation{Op: Prefix})
			default:
				s = g.Apply(src, Mutation{Op: Subst, Rate: 0.05})
			}
		} else {
			s = g.Sentence()
		}
		sentences = append(sentences, s)
		para = append(para, p)
		size += len(s)
		if left--; left == 0 {
			p++
			left = 3 + g.rng.IntN(5)
		}
	}
	return sentences, para
}
