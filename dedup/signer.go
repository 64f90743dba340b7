package dedup

// UnitSig is what the corpus index keeps of one unit: no text, only the
// exact fingerprint, the key length and, for units long enough to be
// shingled, the LSH band keys.
type UnitSig struct {
	Exact uint64   // KeyHash of the key (word-break spaces removed)
	Runes int32    // key length in runes
	Bands []uint64 // LSH band keys (then anchors); nil when the unit is too short for MinHash
}

// Banding says how a MinHash signature is cut into LSH bands.
type Banding struct {
	Bands, Rows int // Bands·Rows ≤ NumHashes
	// Anchors adds two band keys after the MinHash bands: the hash of the
	// key's first AnchorRunes runes and of its last AnchorRunes runes. A
	// phrase put in front of a unit (近年来，中共…) or after it leaves one
	// of them intact, so such copies become candidates even when the unit is
	// too short for its Jaccard to reach the LSH threshold.
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

// DefaultBanding is 21 bands of 6 rows: candidate probability 0.93 at
// Jaccard 0.7, 0.998 at 0.8, midpoint near 0.6 (verification removes the
// extra candidates), plus the two anchors.
var DefaultBanding = Banding{Bands: NumBands, Rows: BandRows, Anchors: true}

// Signer turns unit text into UnitSig values. Its buffers are reused, so
// keep one per goroutine. The zero value uses DefaultShingling and
// DefaultBanding.
type Signer struct {
	Shingling Shingling // zero value: DefaultShingling
	Banding   Banding   // zero value: DefaultBanding
	key       []rune
	plain     []rune
	hs        []uint64
	sig       Signature
	bands     []uint64
}

func (s *Signer) shingling() Shingling {
	if s.Shingling == (Shingling{}) {
		return DefaultShingling
	}
	return s.Shingling
}

func (s *Signer) banding() Banding {
	if s.Banding == (Banding{}) {
		return DefaultBanding
	}
	return s.Banding
}

// Sign normalises text (with word breaks for Latin shingles), hashes the
// key, and computes the MinHash band keys when the key is long enough
// (Shingling.Eligible). The Bands slice is reused by the next call.
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
	s.sig.Reset()
	s.sig.Add(s.hs)
	b := s.banding()
	s.bands = s.sig.BandKeys(s.bands[:0], b.Bands, b.Rows)
	if b.Anchors {
		a := min(AnchorRunes, len(plain))
		s.bands = append(s.bands,
			splitmix64(KeyHash(plain[:a])^0x5851F42D4C957F2D),
			splitmix64(KeyHash(plain[len(plain)-a:])^0x14057B7EF767814F))
	}
	u.Bands = s.bands
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
