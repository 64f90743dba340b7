package dedup

import (
	"math/bits"
	"sync"
)

// Comparer computes edit distance and LCS length with the bit-parallel
// algorithms of Myers (1999) and Hyyrö (2003, 2004): the shorter string is
// the pattern, encoded as one bit mask per distinct rune and 64-rune block,
// and each rune of the longer string costs O(⌈m/64⌉) word operations. A
// Comparer keeps its buffers between calls, so reuse one per goroutine; the
// zero value is ready to use. It is not safe for concurrent use.
type Comparer struct {
	pat    []rune // current pattern (not copied; valid during one call)
	m      int
	nb     int      // 64-rune blocks
	keys   []rune   // open-addressed table of the pattern's distinct runes
	used   []bool   // slot occupied
	peq    []uint64 // masks: slot*nb + block
	tmask  uint32
	pv, mv []uint64
	zero   []uint64
}

func (c *Comparer) setPattern(p []rune) {
	c.pat = p
	c.m = len(p)
	c.nb = (len(p) + 63) / 64
	size := 16
	for size < 2*len(p) {
		size <<= 1
	}
	c.tmask = uint32(size - 1)
	if cap(c.keys) < size {
		c.keys = make([]rune, size)
		c.used = make([]bool, size)
	} else {
		c.keys = c.keys[:size]
		c.used = c.used[:size]
		clear(c.used)
	}
	if n := size * c.nb; cap(c.peq) < n {
		c.peq = make([]uint64, n)
	} else {
		c.peq = c.peq[:n]
		clear(c.peq)
	}
	if cap(c.zero) < c.nb {
		c.zero = make([]uint64, c.nb)
	}
	c.zero = c.zero[:c.nb]
	for i, r := range p {
		s := c.slot(r)
		c.keys[s] = r
		c.used[s] = true
		c.peq[int(s)*c.nb+i/64] |= 1 << (uint(i) % 64)
	}
}

// slot finds r's slot, or the empty slot where it would go.
func (c *Comparer) slot(r rune) uint32 {
	s := (uint32(r) * 0x9E3779B1) >> 16 & c.tmask
	for c.used[s] && c.keys[s] != r {
		s = (s + 1) & c.tmask
	}
	return s
}

// eq returns the pattern masks of r (all zero if r is not in the pattern).
func (c *Comparer) eq(r rune) []uint64 {
	s := c.slot(r)
	if !c.used[s] {
		return c.zero
	}
	return c.peq[int(s)*c.nb : int(s+1)*c.nb]
}

func (c *Comparer) eq1(r rune) uint64 {
	s := c.slot(r)
	if !c.used[s] {
		return 0
	}
	return c.peq[s]
}

// EditDistance returns the Levenshtein distance of a and b (insertions,
// deletions and substitutions of runes, each costing 1).
func (c *Comparer) EditDistance(a, b []rune) int {
	return c.boundedDistance(a, b, len(a)+len(b))
}

// boundedDistance returns the distance if it is ≤ k, otherwise some value
// > k (computation stops as soon as the bound is certain to be exceeded).
func (c *Comparer) boundedDistance(a, b []rune, k int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	// Strip the common prefix and suffix: they never change the distance and
	// near-duplicates share long ones.
	for len(a) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 {
		return len(b)
	}
	if len(b)-len(a) > k {
		return len(b) - len(a)
	}
	c.setPattern(a)
	if c.nb == 1 {
		return c.distance1(b, k)
	}
	return c.distanceN(b, k)
}

func (c *Comparer) distance1(t []rune, k int) int {
	m := c.m
	last := uint64(1) << uint(m-1)
	pv, mv := ^uint64(0), uint64(0)
	score := m
	n := len(t)
	for j, r := range t {
		eq := c.eq1(r)
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&last != 0 {
			score++
		} else if mh&last != 0 {
			score--
		}
		// The final distance is at least score minus the runes left.
		if score-(n-1-j) > k {
			return k + 1
		}
		ph = ph<<1 | 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score
}

// vectors returns the column vectors of Myers' algorithm for the pattern,
// reset to the first column, and the bit of the pattern's last row in the
// last block.
func (c *Comparer) vectors() (pv, mv []uint64, lastBit uint64) {
	nb := c.nb
	if cap(c.pv) < nb {
		c.pv = make([]uint64, nb)
		c.mv = make([]uint64, nb)
	}
	pv, mv = c.pv[:nb], c.mv[:nb]
	for i := range pv {
		pv[i], mv[i] = ^uint64(0), 0
	}
	return pv, mv, uint64(1) << uint((c.m-1)%64)
}

// myersColumn advances Myers' blocked algorithm (Hyyrö's formulation) by one
// text character whose pattern-match bits are eqs, given the horizontal
// delta hin entering the top block (+1 for edit distance, whose top row
// counts the text; 0 for an infix match, which may start anywhere), and
// returns the delta leaving the pattern's last row.
func myersColumn(eqs, pv, mv []uint64, lastBit uint64, hin int) int {
	nb := len(pv)
	for b := 0; b < nb; b++ {
		eq := eqs[b]
		p, mm := pv[b], mv[b]
		xv := eq | mm
		if hin < 0 {
			eq |= 1
		}
		xh := (((eq & p) + p) ^ p) | eq
		ph := mm | ^(xh | p)
		mh := p & xh
		hb := uint64(1) << 63
		if b == nb-1 {
			hb = lastBit
		}
		hout := 0
		if ph&hb != 0 {
			hout = 1
		} else if mh&hb != 0 {
			hout = -1
		}
		ph <<= 1
		mh <<= 1
		if hin < 0 {
			mh |= 1
		} else if hin > 0 {
			ph |= 1
		}
		pv[b] = mh | ^(xv | ph)
		mv[b] = ph & xv
		hin = hout
	}
	return hin
}

func (c *Comparer) distanceN(t []rune, k int) int {
	pv, mv, lastBit := c.vectors()
	score := c.m
	n := len(t)
	for j, r := range t {
		hin := myersColumn(c.eq(r), pv, mv, lastBit, 1) // top row: D[0][j] = j
		score += hin
		if score-(n-1-j) > k {
			return k + 1
		}
	}
	return score
}

// LCS returns the length of the longest common subsequence of a and b.
func (c *Comparer) LCS(a, b []rune) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	pre := 0
	for len(a) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
		pre++
	}
	for len(a) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
		pre++
	}
	if len(a) == 0 {
		return pre
	}
	c.setPattern(a)
	nb := c.nb
	if nb == 1 {
		v := ^uint64(0)
		for _, r := range b {
			u := v & c.eq1(r)
			v = (v + u) | (v - u)
		}
		mask := ^uint64(0) >> uint(64-c.m)
		return pre + bits.OnesCount64(^v&mask)
	}
	if cap(c.pv) < nb {
		c.pv = make([]uint64, nb)
		c.mv = make([]uint64, nb)
	}
	v := c.pv[:nb]
	for i := range v {
		v[i] = ^uint64(0)
	}
	for _, r := range b {
		eqs := c.eq(r)
		var carry uint64
		for i := range v {
			u := v[i] & eqs[i]
			var s uint64
			s, carry = bits.Add64(v[i], u, carry)
			v[i] = s | (v[i] - u)
		}
	}
	n := 0
	for i := 0; i < nb-1; i++ {
		n += bits.OnesCount64(^v[i])
	}
	rem := c.m - 64*(nb-1)
	mask := ^uint64(0) >> uint(64-rem)
	n += bits.OnesCount64(^v[nb-1] & mask)
	return pre + n
}

// EditSimilarity is 1 − Levenshtein(a, b)/max(|a|, |b|); 1 for two empty keys.
func (c *Comparer) EditSimilarity(a, b []rune) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(c.EditDistance(a, b))/float64(n)
}

// EditSimilarityAtLeast reports whether EditSimilarity(a, b) ≥ t, and the
// similarity when it is. It stops early once the threshold is out of reach,
// so a miss costs less than a full computation.
func (c *Comparer) EditSimilarityAtLeast(a, b []rune, t float64) (float64, bool) {
	n := max(len(a), len(b))
	if n == 0 {
		return 1, t <= 1
	}
	k := maxEdits(n, t)
	if k < 0 {
		return 0, false
	}
	d := c.boundedDistance(a, b, k)
	if d > k {
		return 0, false
	}
	return 1 - float64(d)/float64(n), true
}

// maxEdits is the largest distance d with 1 − d/n ≥ t (−1 if none).
func maxEdits(n int, t float64) int {
	if t <= 0 {
		return n
	}
	k := int((1 - t) * float64(n))
	// Guard against rounding: make sure k is the largest admissible value.
	for k >= 0 && 1-float64(k)/float64(n) < t {
		k--
	}
	for k+1 <= n && 1-float64(k+1)/float64(n) >= t {
		k++
	}
	return k
}

// Containment is LCS(a, b)/min(|a|, |b|): how much of the shorter key is
// found, in order, inside the longer one. 1 when one is a subsequence of the
// other; 0 when either is empty.
func (c *Comparer) Containment(a, b []rune) float64 {
	n := min(len(a), len(b))
	if n == 0 {
		return 0
	}
	return float64(c.LCS(a, b)) / float64(n)
}

var comparerPool = sync.Pool{New: func() any { return new(Comparer) }}

func withComparer[T any](f func(c *Comparer) T) T {
	c := comparerPool.Get().(*Comparer)
	v := f(c)
	c.pat = nil
	comparerPool.Put(c)
	return v
}

// EditDistance is the Levenshtein distance of two keys (see Comparer).
func EditDistance(a, b []rune) int {
	return withComparer(func(c *Comparer) int { return c.EditDistance(a, b) })
}

// EditSimilarity is 1 − Levenshtein(a, b)/max(|a|, |b|).
func EditSimilarity(a, b []rune) float64 {
	return withComparer(func(c *Comparer) float64 { return c.EditSimilarity(a, b) })
}

// EditSimilarityAtLeast reports whether EditSimilarity(a, b) ≥ t, returning
// the similarity when it is; it gives up early on clear misses.
func EditSimilarityAtLeast(a, b []rune, t float64) (float64, bool) {
	type res struct {
		s  float64
		ok bool
	}
	r := withComparer(func(c *Comparer) res { s, ok := c.EditSimilarityAtLeast(a, b, t); return res{s, ok} })
	return r.s, r.ok
}

// LCSLength is the length of the longest common subsequence of two keys.
func LCSLength(a, b []rune) int {
	return withComparer(func(c *Comparer) int { return c.LCS(a, b) })
}

// Containment is LCS(a, b)/min(|a|, |b|).
func Containment(a, b []rune) float64 {
	return withComparer(func(c *Comparer) float64 { return c.Containment(a, b) })
}

// Jaccard is |A∩B|/|A∪B| of two sorted, duplicate-free hash sets (as
// returned by ShingleSet); 1 for two empty sets.
func Jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	n := intersect(a, b)
	return float64(n) / float64(len(a)+len(b)-n)
}

// SetContainment is |A∩B|/min(|A|, |B|) of two sorted, duplicate-free sets.
func SetContainment(a, b []uint64) float64 {
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(intersect(a, b)) / float64(m)
}

func intersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// LengthRatio is min/max of two lengths (1 when both are 0). Edit
// similarity can never exceed it, and containment-based matches need it ≥ ½.
func LengthRatio(la, lb int) float64 {
	if la == lb {
		return 1
	}
	if la > lb {
		la, lb = lb, la
	}
	return float64(la) / float64(lb)
}

// InfixDistance is the smallest Levenshtein distance between needle and any
// substring of hay (semi-global alignment: hay's ends are free).
func (c *Comparer) InfixDistance(needle, hay []rune) int {
	return c.boundedInfix(needle, hay, len(needle))
}

// boundedInfix returns the infix distance if it is ≤ k, else some value > k.
func (c *Comparer) boundedInfix(needle, hay []rune, k int) int {
	if len(needle) == 0 {
		return 0
	}
	if len(hay) == 0 {
		return len(needle)
	}
	c.setPattern(needle)
	pv, mv, lastBit := c.vectors()
	score := c.m
	best := score
	n := len(hay)
	for j, r := range hay {
		hin := myersColumn(c.eq(r), pv, mv, lastBit, 0) // top row all zeros: the match may start anywhere
		score += hin
		best = min(best, score)
		// The score falls by at most one per remaining column.
		if best <= k && score-(n-1-j) > best {
			break
		}
		if score-(n-1-j) > k {
			return min(best, k+1)
		}
	}
	return best
}

// InfixContainment is 1 − InfixDistance(shorter, longer)/len(shorter): how
// much of the shorter key is found as one stretch inside the longer one,
// allowing edits. Unlike LCS/len(shorter) it does not add up characters
// scattered over the longer key. 0 when either key is empty.
func (c *Comparer) InfixContainment(a, b []rune) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	return 1 - float64(c.InfixDistance(a, b))/float64(len(a))
}

// InfixContainmentAtLeast reports whether InfixContainment(a, b) ≥ t and
// returns it when it is, stopping early on clear misses.
func (c *Comparer) InfixContainmentAtLeast(a, b []rune, t float64) (float64, bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0, false
	}
	k := maxEdits(len(a), t)
	if k < 0 {
		return 0, false
	}
	d := c.boundedInfix(a, b, k)
	if d > k {
		return 0, false
	}
	return 1 - float64(d)/float64(len(a)), true
}

// InfixContainment is Comparer.InfixContainment with a pooled Comparer.
func InfixContainment(a, b []rune) float64 {
	return withComparer(func(c *Comparer) float64 { return c.InfixContainment(a, b) })
}
