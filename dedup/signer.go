package dedup

// UnitSig is what the corpus index keeps of one unit: no text, only the
// exact fingerprint, the key length and, for units long enough to be
// shingled, the LSH band keys and a 2-bit MinHash sketch.
type UnitSig struct {
	Exact uint64 // KeyHash of the key (word-break spaces removed)
	Runes int32  // key length in runes
	// Bands are the LSH band keys (then the anchors), 32-bit values; nil
	// when the unit is too short for MinHash.
	Bands []uint64
	// Bits keeps two bits of each of the first SigBitsSlots MinHash values
	// (b-bit MinHash): equal with probability J + (1−J)/4, so two units'
	// Bits estimate their Jaccard for a few nanoseconds, without their
	// text. Zero when Bands is nil.
	Bits SigBits
}

// SigBitsSlots is the number of MinHash values SigBits samples.
const SigBitsSlots = 64

// SigBits is a 2-bit MinHash sketch: slot i in bits 2(i%32)… of word i/32.
type SigBits [SigBitsSlots / 32]uint64

// Matches is the number of slots whose two bits agree.
func (s *SigBits) Matches(t *SigBits) int {
	n := 0
	for i := range s {
		x := s[i] ^ t[i]
		n += popcount(^(x | x>>1) & 0x5555555555555555)
	}
	return n
}

// EstimateJaccard turns Matches into a Jaccard estimate (clamped at 0):
// matches/64 = J + (1−J)/4. The standard error is about 0.08 near J = 0.5
// and 0.05 near 0: a prefilter, not a measure.
func (s *SigBits) EstimateJaccard(t *SigBits) float64 {
	p := float64(s.Matches(t)) / SigBitsSlots
	return max(0, (4*p-1)/3)
}

// Banding says how a MinHash signature is cut into LSH bands.
type Banding struct {
	Bands, Rows int // Bands·Rows ≤ NumHashes
	// Anchors adds two band keys after the MinHash bands: the hash of the
	// key's first AnchorRunes runes and of its last AnchorRunes runes. A
	// phrase put in front of a unit (近年来，中共…) or after it, or a
	// sentence added at one end of a paragraph, leaves one of them intact,
	// so such copies become candidates even when their Jaccard is too low
	// for the bands.
	Anchors bool
}

// AnchorRunes is the length of the prefix and suffix anchors.
const AnchorRunes = 12

// NumKeys is the number of band keys a signature carries.
func (b Banding) NumKeys() int {
	if b.Anchors {
		return b.Bands + 2
	}
	return b.Bands
}

// DefaultBanding is 25 bands of 5 rows plus the two anchors. Over
// IndexShingling (character bigrams) copies with 10 % of their characters
// substituted keep a Jaccard of 0.60–0.75 (median 0.68 on the corpus
// paragraphs), where 1−(1−J⁵)²⁵ is 0.87–0.99 (0.98 at the median);
// deletions keep more. Unrelated paragraphs of one genre have a bigram
// Jaccard of 0.02–0.05, so a band collides for about one pair in 10⁶–10⁷:
// buckets stay small at millions of units, and the SigBits prefilter
// rejects the rest before any text is read.
var DefaultBanding = Banding{Bands: NumBands, Rows: BandRows, Anchors: true}

// Signer turns unit text into UnitSig values. Its buffers are reused, so
// keep one per goroutine. The zero value uses IndexShingling and
// DefaultBanding.
type Signer struct {
	Shingling Shingling // zero value: IndexShingling
	Banding   Banding   // zero value: DefaultBanding
	key       []rune
	plain     []rune
	hs        []uint64
	h32       []uint32
	sig       sig32
	bands     []uint64
}

func (s *Signer) shingling() Shingling {
	if s.Shingling == (Shingling{}) {
		return IndexShingling
	}
	return s.Shingling
}

func (s *Signer) banding() Banding {
	if s.Banding == (Banding{}) {
		return DefaultBanding
	}
	return s.Banding
}

// bandMask keeps 32 bits of every band key: half the memory of 64-bit
// keys, and at a million units the chance collisions (a few thousand)
// are rejected by the SigBits prefilter for nanoseconds each.
const bandMask = 1<<32 - 1

// Sign normalises text (with word breaks for Latin shingles), hashes the
// key, and computes the MinHash band keys and SigBits when the key is long
// enough (Shingling.Eligible). The Bands slice is reused by the next call.
func (s *Signer) Sign(text string) UnitSig {
	var u UnitSig
	s.key = AppendKey(s.key[:0], text, WordBreaks)
	plain := s.plainKey()
	u.Exact = KeyHash(plain)
	u.Runes = int32(len(plain))
	sh := s.shingling()
	if !sh.Eligible(s.key) {
		return u
	}
	s.hs = sh.Append(s.hs[:0], s.key)
	s.h32 = fold32(s.h32[:0], s.hs)
	s.sig.reset()
	s.sig.add(s.h32)
	b := s.banding()
	s.bands = s.sig.bandKeys(s.bands[:0], b.Bands, b.Rows)
	if b.Anchors {
		a := min(AnchorRunes, len(plain))
		s.bands = append(s.bands,
			splitmix64(KeyHash(plain[:a])^0x5851F42D4C957F2D)&bandMask,
			splitmix64(KeyHash(plain[len(plain)-a:])^0x14057B7EF767814F)&bandMask)
	}
	u.Bands = s.bands
	u.Bits = s.sig.bits()
	return u
}

// plainKey is the current key without word-break spaces.
func (s *Signer) plainKey() []rune {
	for _, r := range s.key {
		if r == ' ' {
			s.plain = s.plain[:0]
			for _, r := range s.key {
				if r != ' ' {
					s.plain = append(s.plain, r)
				}
			}
			return s.plain
		}
	}
	return s.key
}

// Key returns the matching key of text as Sign sees it (no word breaks).
// The slice is reused by the next call.
func (s *Signer) Key(text string) []rune {
	s.key = AppendKey(s.key[:0], text, WordBreaks)
	return s.plainKey()
}
