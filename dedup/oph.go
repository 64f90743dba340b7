package dedup

import "math/bits"

// Candidate generation for FindRepeats on large documents: one-permutation
// hashing (OPH) with banding.
//
// A 63-value MinHash costs 63 multiply-min steps per shingle, which made
// the signatures of a 4 MB document cost more than everything else the
// duplicate rules do. OPH hashes each shingle once: six bits of the hash
// pick one of 64 bins and the bin keeps the smallest value below them. For
// a bin filled in both units the values agree with probability about the
// Jaccard similarity of the shingle sets, as with MinHash. A sentence has
// only 15–60 bigrams, so many bins stay empty; an empty bin borrows the
// value of the first filled bin at or after a fixed random offset of its
// own ("densification"). Borrowing from the next bin to the right instead
// makes neighbouring empty bins copies of one value, and two sentences
// then agree on whole bands through one shared bigram.
//
// Borrowed rows are copies, so the rows of a short sentence are less
// independent than MinHash rows. Each shingle therefore goes into
// ophInsertions bins (three 21-bit slices of its hash), which fills the
// bins of short sentences (see ophAddAll); the sketch is read as 21 bands
// of three rows,
// bins b, b+21 and b+42 (never neighbours, which borrow alike); and the
// shortest keys, whose rows are the most correlated, get extra bands from
// a second sketch (see ophShortRunes). Over 20 synthetic documents (the
// clean corpus sentences and a copy of each) the LSH missed, of the pairs
// that checking every pair finds, 7 in 24,780 with 10 % of the characters
// substituted, 26 in 24,605 with 10 % inserted and none with deletions;
// the 21×3 MinHash it replaces missed 22, 37 and 1.
//
// Single-shingle anchors (a unit's s smallest bigram hashes, or winnowed
// k-gram fingerprints) would be cheaper still, but one shared bigram or
// even 6-gram is common between unrelated sentences of the same register:
// on the benchmark draft the anchor lists grow to hundreds of units, and
// capping them loses a third of the repeats. A band needs three
// independent agreements, which unrelated sentences rarely have.

const (
	ophBins  = 64
	ophRows  = 3
	ophBands = 21
	// Keys of at most ophShortRunes runes get ophShortBands more bands
	// from a second sketch of independently rehashed bigrams: with the 21
	// bands alone, the synthetic documents above lose 35, 51 and 3 pairs.
	ophShortRunes = 32
	ophShortBands = 14
)

// ophStart[i] is where an empty bin i starts looking for a bin to borrow
// from.
var ophStart [ophBins]uint8

func init() {
	x := uint64(0x3C6EF372FE94F82B)
	for i := range ophStart {
		x = splitmix64(x)
		ophStart[i] = uint8(x >> 58)
	}
}

// ophSketch adds to bins the shingles of key (Han bigrams, Latin
// trigrams, see lshShingling) and returns the mask of bins it filled. hs[j]
// is the hash of the bigram key[j-1:j+1].
func ophSketch(key []rune, hs []uint64, bins *[ophBins]uint32) uint64 {
	var mask uint64
	for i := 0; i < len(key); {
		j := i + 1
		if IsHan(key[i]) {
			for j < len(key) && IsHan(key[j]) {
				j++
			}
			if j-i >= 2 {
				mask |= ophAddAll(bins, hs[i+1:j])
				i = j
				continue
			}
		} else {
			for j < len(key) && !IsHan(key[j]) {
				if j-i >= 2 {
					mask |= ophAdd(bins, mixShingle(hs[j]^uint64(key[j-2])*0x2545F4914F6CDD1D))
				}
				j++
			}
			if j-i >= 3 {
				i = j
				continue
			}
		}
		// A run too short for one n-gram is one shingle.
		x := uint64(j-i) << 60
		for _, r := range key[i:j] {
			x = x*0x100000001B3 + uint64(r)
		}
		mask |= ophAdd(bins, mixShingle(x^seedWhole))
		i = j
	}
	return mask
}

// ophAddAll is ophAdd for each hash of hs, one insertion per loop: with
// all three in one loop Go spills its registers to the stack.
func ophAddAll(bins *[ophBins]uint32, hs []uint64) uint64 {
	var mask uint64
	for _, h := range hs {
		b := h >> 58
		bins[b] = min(bins[b], uint32(h>>43)&0x7FFF)
		mask |= 1 << b
	}
	for _, h := range hs {
		b := h >> 37 & 63
		bins[b] = min(bins[b], uint32(h>>22)&0x7FFF)
		mask |= 1 << b
	}
	for _, h := range hs {
		b := h >> 16 & 63
		bins[b] = min(bins[b], uint32(h>>1)&0x7FFF)
		mask |= 1 << b
	}
	return mask
}

var emptyBins = func() (b [ophBins]uint32) {
	for i := range b {
		b[i] = ^uint32(0)
	}
	return b
}()

// ophAdd puts one shingle hash into three bins (21 bits each: six for the
// bin, fifteen for the value) and returns their mask bits.
func ophAdd(bins *[ophBins]uint32, h uint64) uint64 {
	b0, b1, b2 := h>>58, h>>37&63, h>>16&63
	bins[b0] = min(bins[b0], uint32(h>>43)&0x7FFF)
	bins[b1] = min(bins[b1], uint32(h>>22)&0x7FFF)
	bins[b2] = min(bins[b2], uint32(h>>1)&0x7FFF)
	return 1<<b0 | 1<<b1 | 1<<b2
}

// mixShingle turns packed runes into a uniform 64-bit hash.
func mixShingle(x uint64) uint64 {
	x *= 0x9E3779B97F4A7C15
	x ^= x >> 29
	x *= 0xBF58476D1CE4E5B9
	return x ^ x>>32
}

// rehashShort gives the second sketch of a short key its own bigram hashes.
func rehashShort(h uint64) uint64 { return mixShingle(h ^ 0x6A09E667F3BCC909) }

// ophBandKeys densifies the sketch (bins is overwritten) and writes one
// 32-bit key per band. Each
// band is joined in its own table, so the band number need not be mixed
// in; 32 bits leave a few chance collisions per band on a large document,
// and every candidate is verified.
func ophBandKeys(bins *[ophBins]uint32, mask uint64, dst *[ophBands]uint32) {
	// Densify in place: an empty bin only reads filled ones, which keep
	// their values. Without any filled bin there is nothing to borrow.
	v := bins
	for e := ^mask; e != 0 && mask != 0; e &= e - 1 {
		i := bits.TrailingZeros64(e)
		start := int(ophStart[i])
		d := bits.TrailingZeros64(bits.RotateLeft64(mask, -start))
		v[i] = bins[(start+d)&(ophBins-1)]
	}
	// Band b is bins b, b+21 and b+42, written with constant offsets so
	// that the loop needs no table and no bounds checks.
	for b := range ophBands {
		h := uint64(v[b])<<32 | uint64(v[b+ophBands])
		h = (h ^ h>>31) * 0x9E3779B97F4A7C15
		h ^= uint64(v[b+2*ophBands])
		h *= 0xBF58476D1CE4E5B9
		dst[b] = uint32(h >> 32)
	}
}

// joinScratch holds ophJoin's buffers between calls.
type joinScratch struct {
	count [numParts + 1]int32
	part  []uint64
	next  []uint32
	table []uint64
}

// ophJoin scatters each band into numParts partitions: 112 entries each on
// the 4 MB benchmark draft, 400 at 10 MB, so that a partition's table
// stays in the first-level cache.
const (
	partBits = 8
	numParts = 1 << partBits
)

// ophJoin appends to cand, as pairs of representatives (earlier<<32 |
// later), the entries that share a key in some band and that keep (when
// not nil) accepts; keys is band-major
// with the given stride, reps maps entries to representatives. Each band
// is first scattered into partitions by the top bits of its keys, so that
// the hash table joining a partition stays in the first-level cache: one
// table for a whole band would be far larger, and on a large document
// nearly every probe would miss. Within a key, an entry is paired with at
// most maxChain earlier ones (a sentence repeated hundreds of times is
// boilerplate, and its copies are exact ones, found directly).
func ophJoin(keys []uint32, stride, bands int, reps []int32, js *joinScratch, cand []uint64, keep func(a, b int32) bool) []uint64 {
	const maxChain = 64
	n := len(reps)
	count := &js.count
	part := resize(js.part, n) // key<<32 | entry, partition by partition
	next := resize(js.next, n) // previous position of the partition with the same key, +1
	table := js.table
	defer func() { js.part, js.next, js.table = part, next, table }()
	for b := range bands {
		bk := keys[b*stride : b*stride+n]
		// Counting sort by partition: the top bits of the key. Entries
		// of no representative (-1) are left out.
		clear(count[:])
		for i, k := range bk {
			if reps[i] >= 0 {
				count[k>>(32-partBits)+1]++
			}
		}
		for p := 1; p <= numParts; p++ {
			count[p] += count[p-1]
		}
		for i, k := range bk {
			if reps[i] < 0 {
				continue
			}
			p := k >> (32 - partBits)
			part[count[p]] = uint64(k)<<32 | uint64(i)
			count[p]++
		}
		// count[p] is now the end of partition p.
		start := int32(0)
		for p := range numParts {
			seg := part[start:count[p]]
			start = count[p]
			// Eight slots per entry: a probe then rarely meets another
			// key, and the probe loop's branch stays predictable.
			size := 8
			for size < 8*len(seg) {
				size <<= 1
			}
			if cap(table) < size {
				table = make([]uint64, size)
			}
			tab := table[:size]
			clear(tab)
			mask := uint32(size - 1)
			for li, x := range seg {
				k := uint32(x >> 32)
				s := k & mask // keys are hashes; the partition took the top bits
				for tab[s] != 0 && uint32(tab[s]>>32) != k {
					s = (s + 1) & mask
				}
				head := uint32(tab[s])
				chain := 0
				b := reps[uint32(x)]
				for e := head; e != 0 && chain < maxChain; e = next[e-1] {
					chain++
					if a := reps[uint32(seg[e-1])]; keep == nil || keep(a, b) {
						cand = append(cand, uint64(a)<<32|uint64(b))
					}
				}
				next[li] = head
				tab[s] = uint64(k)<<32 | uint64(li+1)
			}
		}
	}
	return cand
}
