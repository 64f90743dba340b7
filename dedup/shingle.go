package dedup

import "slices"

// Shingling says how a key is cut into character n-grams. Han runs and
// other runs (Latin words, digits, joined by the single spaces that
// WordBreaks keeps) are shingled separately, so mixed text gets both kinds.
type Shingling struct {
	Han        int // n for Han runs
	HanShort   int // n for Han runs of units with fewer than ShortUnder key runes
	ShortUnder int
	Latin      int // n for non-Han runs
}

// DefaultShingling is CJK character 3-grams (2-grams for units under 20
// runes) and Latin character 5-grams, the settings the design reference
// measured to keep prefix/suffix insertions far above Jaccard 0.7.
var DefaultShingling = Shingling{Han: 3, HanShort: 2, ShortUnder: 20, Latin: 5}

// IndexShingling is what the corpus index hashes into MinHash: CJK
// character bigrams at every length and Latin character 5-grams. The
// reporting threshold stays on DefaultShingling (3-grams and 5-grams);
// bigrams only find the candidates. A character edit breaks two bigrams
// but three trigrams, so Chinese copies with 10 % of their characters
// changed keep a bigram Jaccard near 0.68 against 0.57 for trigrams, and
// five rows per band suffice where trigrams need four (more bands, more
// memory, and more chance collisions between unrelated paragraphs). Latin
// text keeps 5-grams: English paragraphs share so many short n-grams
// (unrelated ones have a 3-gram Jaccard near 0.14, against 0.03 for
// 5-grams) that shorter ones would fill the band buckets, and real English
// edits change words, which 5-grams follow (a tenth of the words replaced
// leaves a Jaccard near 0.75). One n for every length: with 2-grams under
// 20 runes and 3-grams above, a unit and its copy on either side of the
// boundary would share no shingle.
var IndexShingling = Shingling{Han: 2, HanShort: 2, ShortUnder: 1, Latin: 5}

// Kind seeds keep the hashes of different shingle kinds apart.
const (
	seedHan   = 0x243F6A8885A308D3
	seedLatin = 0x13198A2E03707344
	seedWhole = 0xA4093822299F31D0
)

// runeLen counts key runes other than word-break spaces.
func runeLen(key []rune) int {
	n := 0
	for _, r := range key {
		if r != ' ' {
			n++
		}
	}
	return n
}

// hasHan reports whether the key holds at least one Han rune.
func hasHan(key []rune) bool {
	for _, r := range key {
		if r >= 0x3400 && IsHan(r) {
			return true
		}
	}
	return false
}

// Gram is the n-gram size that governs key: the Han size when the key has
// Han text, else the Latin size.
func (s Shingling) Gram(key []rune) int {
	if hasHan(key) {
		if runeLen(key) < s.ShortUnder {
			return s.HanShort
		}
		return s.Han
	}
	return s.Latin
}

// Eligible reports whether the key is long enough for MinHash: at least
// Gram+2 runes. Shorter units would get a near-empty shingle set and collide
// with each other (the DataFlow#526 bug), so they must take the exact/edit
// path instead.
func (s Shingling) Eligible(key []rune) bool {
	return runeLen(key) >= s.Gram(key)+2
}

// Append appends the 64-bit hashes of the key's shingles to dst, in key
// order, repeats included. A run shorter than its n gives one shingle of the
// whole run.
func (s Shingling) Append(dst []uint64, key []rune) []uint64 {
	hn := s.Han
	if runeLen(key) < s.ShortUnder {
		hn = s.HanShort
	}
	for i := 0; i < len(key); {
		j := i + 1
		if IsHan(key[i]) {
			for j < len(key) && IsHan(key[j]) {
				j++
			}
			dst = appendGrams(dst, key[i:j], hn, seedHan)
		} else {
			for j < len(key) && !IsHan(key[j]) {
				j++
			}
			dst = appendGrams(dst, key[i:j], s.Latin, seedLatin)
		}
		i = j
	}
	return dst
}

func appendGrams(dst []uint64, run []rune, n int, seed uint64) []uint64 {
	if n < 1 {
		n = 1
	}
	if len(run) < n {
		return append(dst, splitmix64(packRunes(run)^seedWhole^uint64(len(run))<<58))
	}
	switch n {
	case 3:
		// Three runes fit in 63 bits: pack them exactly, then mix.
		x := uint64(run[0])<<21 | uint64(run[1])
		for _, r := range run[2:] {
			x = (x<<21 | uint64(r)) & (1<<63 - 1)
			dst = append(dst, splitmix64(x^seed))
		}
	case 2:
		x := uint64(run[0])
		for _, r := range run[1:] {
			x = (x<<21 | uint64(r)) & (1<<42 - 1)
			dst = append(dst, splitmix64(x^seed^2<<60))
		}
	default:
		for i := 0; i+n <= len(run); i++ {
			dst = append(dst, splitmix64(packRunes(run[i:i+n])^seed^uint64(n)<<58))
		}
	}
	return dst
}

// packRunes folds a short rune sequence into one word: exact for up to
// three runes, a polynomial hash beyond.
func packRunes(rs []rune) uint64 {
	var x uint64
	if len(rs) <= 3 {
		for _, r := range rs {
			x = x<<21 | uint64(r)
		}
		return x
	}
	for _, r := range rs {
		x = x*0x100000001B3 + uint64(r) + 1
	}
	return x
}

// ShingleSet returns the sorted, duplicate-free shingle hashes of key under
// DefaultShingling, ready for Jaccard.
func ShingleSet(key []rune) []uint64 {
	return DefaultShingling.Set(nil, key)
}

// Set is Append followed by sort and de-duplication.
func (s Shingling) Set(dst []uint64, key []rune) []uint64 {
	dst = s.Append(dst[:0], key)
	slices.Sort(dst)
	return slices.Compact(dst)
}

// Sketch is a 512-bit (64-byte) set of hashed character bigrams of a key: a
// prefilter for edit similarity. Every edit removes at most two bigram
// occurrences, so if the keys are within distance d, each sketch has at most
// 2d bits the other lacks (hash collisions only make that smaller).
type Sketch [8]uint64

// NewSketch builds the bigram sketch of key (empty for keys under 2 runes).
func NewSketch(key []rune) Sketch {
	var s Sketch
	fillSketch(s[:], key)
	return s
}

// fillSketch sets the bigram bits of key in words, a power-of-two number of
// 64-bit words. Long units get wider sketches (see bigSketch) because 512
// bits saturate past about 150 bigrams.
func fillSketch(words []uint64, key []rune) {
	shift := 32 - uint(bitsLen(uint(len(words)*64))-1)
	for i := 1; i < len(key); i++ {
		h := (uint32(key[i-1])*0x9E3779B1 ^ uint32(key[i])*0x85EBCA77) * 0xC2B2AE3D
		h >>= shift
		words[h>>6] |= 1 << (h & 63)
	}
}

// Count is the number of bits set.
func (s *Sketch) Count() int {
	n := 0
	for _, w := range s {
		n += popcount(w)
	}
	return n
}

// Common is the number of bits set in both sketches.
func (s *Sketch) Common(t *Sketch) int {
	n := 0
	for i := range s {
		n += popcount(s[i] & t[i])
	}
	return n
}

// MayReachEditSim is the cheap prefilter: false means EditSimilarity of the
// two keys (lengths la, lb, sketches sa, sb) is certainly below t. It checks
// the length ratio, then the sketch bound: 1 − d/max ≥ t allows at most
// d = ⌊(1−t)·max⌋ edits, each clearing at most two bigram bits.
func MayReachEditSim(la, lb int, sa, sb *Sketch, t float64) bool {
	if LengthRatio(la, lb) < t {
		return false
	}
	n := max(la, lb)
	k := maxEdits(n, t)
	if k < 0 {
		return false
	}
	common := sa.Common(sb)
	return sa.Count()-common <= 2*k && sb.Count()-common <= 2*k
}
