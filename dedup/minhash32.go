package dedup

// sig32 is the corpus index's MinHash: for each of the 128 hash functions,
// the minimum over the unit's shingles h (folded to 32 bits) of
// a[i]·h + b[i] mod 2³² (a[i] odd: a bijection of the 32-bit values).
// Thirty-two bits are plenty for minima over a paragraph's few hundred
// shingles, and they let one AVX2 instruction do eight functions at once:
// the signature pass, which every character of the corpus goes through,
// runs several times faster than with 64-bit values (Signature, which the
// in-document finder keeps).
type sig32 [NumHashes]uint32

var mh32A, mh32B [NumHashes]uint32

func init() {
	x := uint64(0xBB67AE8584CAA73B)
	for i := range NumHashes {
		x += 0x9E3779B97F4A7C15
		mh32A[i] = uint32(splitmix64(x)) | 1
		x += 0x9E3779B97F4A7C15
		mh32B[i] = uint32(splitmix64(x))
	}
}

func (s *sig32) reset() {
	for i := range s {
		s[i] = ^uint32(0)
	}
}

// fold32 turns 64-bit shingle hashes into the 32-bit values sig32 takes, in
// place in a uint32 view.
func fold32(dst []uint32, hs []uint64) []uint32 {
	for _, h := range hs {
		dst = append(dst, uint32(h^h>>32))
	}
	return dst
}

// add folds the 32-bit shingle hashes into the signature.
func (s *sig32) add(hs []uint32) {
	if len(hs) == 0 {
		return
	}
	if useAVX2 {
		minhashAVX2(s, hs, &mh32A, &mh32B)
		return
	}
	s.addGeneric(hs)
}

// addGeneric is the portable kernel: two shingles a pass, so each slot is
// loaded and stored once per two multiply-adds.
func (s *sig32) addGeneric(hs []uint32) {
	i := 0
	for ; i+1 < len(hs); i += 2 {
		h0, h1 := hs[i], hs[i+1]
		for j := range s {
			a, b := mh32A[j], mh32B[j]
			s[j] = min(s[j], a*h0+b, a*h1+b)
		}
	}
	if i < len(hs) {
		h := hs[i]
		for j := range s {
			s[j] = min(s[j], mh32A[j]*h+mh32B[j])
		}
	}
}

// bandKeys hashes rows consecutive values into one 32-bit key per band,
// the band number mixed in.
func (s *sig32) bandKeys(dst []uint64, bands, rows int) []uint64 {
	for b := range bands {
		h := uint64(b)<<32 ^ uint64(rows)
		for _, v := range s[b*rows : (b+1)*rows] {
			h = (h ^ uint64(v)) * 0x9E3779B97F4A7C15
			h ^= h >> 29
		}
		dst = append(dst, splitmix64(h)&bandMask)
	}
	return dst
}

// bits takes two well-mixed bits of the first SigBitsSlots values.
func (s *sig32) bits() SigBits {
	var b SigBits
	for i, v := range s[:SigBitsSlots] {
		b[i/32] |= uint64((v*0x9E3779B1)>>30) << (2 * (i % 32))
	}
	return b
}
