package dedup

// UnitSig is what the corpus index keeps of one unit: no text, only the
// exact fingerprint, the key length and, for units long enough to be
// shingled, the LSH band keys.
type UnitSig struct {
	Exact uint64 // KeyHash of the key (word-break spaces removed)
	Runes int32  // key length in runes
	Near  bool   // Bands are valid: the unit was long enough for MinHash
	Bands [NumBands]uint64
}

// Signer turns unit text into UnitSig values. Its buffers are reused, so
// keep one per goroutine; the zero value uses DefaultShingling.
type Signer struct {
	Shingling Shingling // zero value means DefaultShingling
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

// Sign normalises text (with word breaks for Latin shingles), hashes the
// key, and computes the MinHash band keys when the key is long enough.
func (s *Signer) Sign(text string) UnitSig {
	var u UnitSig
	s.key = AppendKey(s.key[:0], text, WordBreaks)
	plain := s.key
	for _, r := range s.key {
		if r == ' ' {
			s.plain = s.plain[:0]
			for _, r := range s.key {
				if r != ' ' {
					s.plain = append(s.plain, r)
				}
			}
			plain = s.plain
			break
		}
	}
	u.Exact = KeyHash(plain)
	u.Runes = int32(len(plain))
	sh := s.shingling()
	if !sh.Eligible(s.key) {
		return u
	}
	s.hs = sh.Append(s.hs[:0], s.key)
	s.sig.Reset()
	s.sig.Add(s.hs)
	s.bands = s.sig.BandKeys(s.bands[:0], NumBands, BandRows)
	copy(u.Bands[:], s.bands)
	u.Near = true
	return u
}

// Shingles returns the sorted shingle set of text as Sign sees it (for
// verifying candidate pairs). The slice is reused by the next call.
func (s *Signer) Shingles(text string) []uint64 {
	s.key = AppendKey(s.key[:0], text, WordBreaks)
	s.hs = s.shingling().Set(s.hs, s.key)
	return s.hs
}
