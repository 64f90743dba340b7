package dedup

// MinHash parameters of the corpus index: 128 hash functions, 25 bands of
// 5 rows (see DefaultBanding). The S-curve 1−(1−J⁵)²⁵ has its midpoint near
// J = 0.53 and catches 87 % of pairs at J = 0.60, 98 % at 0.68 and 99.9 %
// at 0.75; every candidate is verified on the text, so the low midpoint
// only costs verification time.
const (
	NumHashes = 128
	NumBands  = 25
	BandRows  = 5
)

// Signature is a K=128 MinHash: for each hash function i, the minimum over
// the unit's shingles h of A[i]·h + B[i] (mod 2⁶⁴, A[i] odd, so each
// function is a bijection of the 64-bit shingle hashes).
type Signature [NumHashes]uint64

// Coefficients of the hash functions, fixed so that signatures and band keys
// are the same in every run and on every machine.
var mhA, mhB [NumHashes]uint64

func init() {
	x := uint64(0x6A09E667F3BCC908)
	for i := range NumHashes {
		x += 0x9E3779B97F4A7C15
		mhA[i] = splitmix64(x) | 1
		x += 0x9E3779B97F4A7C15
		mhB[i] = splitmix64(x)
	}
}

// Reset empties the signature (every slot at the maximum).
func (s *Signature) Reset() {
	for i := range s {
		s[i] = ^uint64(0)
	}
}

// Add folds the shingle hashes hs into the signature. Four shingles go
// through each pass, so every slot is loaded and stored once per four
// multiply-adds; the minima compile to conditional moves. Go does not
// vectorise this, and one core does about 2–2.5 multiply-add-min a
// nanosecond, which is what caps the signature pass near 50 MB/s of Chinese.
func (s *Signature) Add(hs []uint64) { s.addFirst(hs, NumHashes) }

// addFirst updates only the first k slots (k even), for callers that band
// fewer rows.
func (s *Signature) addFirst(hs []uint64, k int) {
	k = min(k, NumHashes) &^ 1
	i := 0
	for ; i+3 < len(hs); i += 4 {
		h0, h1, h2, h3 := hs[i], hs[i+1], hs[i+2], hs[i+3]
		for j := 0; j < k; j += 2 {
			a := (*[2]uint64)(mhA[j : j+2])
			b := (*[2]uint64)(mhB[j : j+2])
			m := (*[2]uint64)(s[j : j+2])
			m[0] = min(m[0], a[0]*h0+b[0], a[0]*h1+b[0], a[0]*h2+b[0], a[0]*h3+b[0])
			m[1] = min(m[1], a[1]*h0+b[1], a[1]*h1+b[1], a[1]*h2+b[1], a[1]*h3+b[1])
		}
	}
	for ; i < len(hs); i++ {
		h := hs[i]
		for j := 0; j < k; j += 2 {
			a := (*[2]uint64)(mhA[j : j+2])
			b := (*[2]uint64)(mhB[j : j+2])
			m := (*[2]uint64)(s[j : j+2])
			m[0] = min(m[0], a[0]*h+b[0])
			m[1] = min(m[1], a[1]*h+b[1])
		}
	}
}

// Estimate is the fraction of equal slots, an unbiased estimate of the
// Jaccard similarity of the two shingle sets.
func (s *Signature) Estimate(t *Signature) float64 {
	n := 0
	for i := range s {
		if s[i] == t[i] {
			n++
		}
	}
	return float64(n) / NumHashes
}

// BandKeys hashes rows consecutive slots into one 64-bit key per band,
// appending bands keys to dst. The band number is mixed in, so keys of
// different bands never need to be kept apart. bands·rows must be ≤ 128.
func (s *Signature) BandKeys(dst []uint64, bands, rows int) []uint64 {
	for b := range bands {
		// Multiply-xorshift per row, one full mix at the end: rows are
		// already uniform hashes, so this is enough and half the cost of
		// mixing every row.
		h := uint64(b)<<32 ^ uint64(rows)
		for _, v := range s[b*rows : (b+1)*rows] {
			h = (h ^ v) * 0x9E3779B97F4A7C15
			h ^= h >> 29
		}
		dst = append(dst, splitmix64(h))
	}
	return dst
}
