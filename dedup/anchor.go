package dedup

import "slices"

// Candidate generation for FindRepeats on large documents: frequency-ranked
// winnowed anchors.
//
// Each representative contributes the winnowed fingerprints of its key's
// k-grams (see winnow): any stretch of at least w+k−1 runes that two keys
// share yields a fingerprint of both. The fingerprints are counted over the
// document; a fingerprint seen in one unit only cannot pair it with
// anything, and one seen in hundreds is a stock phrase. Each unit takes as
// anchors the few fingerprints of the lowest count ≥ 2 (ties broken by
// value, so that two copies rank their shared fingerprints alike), and
// is paired with every other unit holding one of its anchors. A near copy's
// edited fingerprints are unique and its shared ones are as rare as the
// sentence's own phrases, so both copies rank the shared ones first; an
// unrelated unit sharing one stock phrase is paired only when nothing rarer
// is shared.
//
// One-shingle anchors taken without counting (a unit's smallest hashes)
// fail on the register of official prose: a stock 6-gram is shared by
// hundreds of sentences and its lists swamp the join; ranking by count
// makes such anchors the last resort.

const (
	// anchorK runes per fingerprinted k-gram: four Han runes fill the
	// 64-bit shift register of scanKey exactly. Longer k-grams make a
	// shared fingerprint more telling but need longer unedited stretches:
	// with 6 the short copies of the synthetic tests lose thirty times as
	// many pairs.
	anchorK = 4
	// anchorMax anchors per unit. With 5, the benchmark draft loses 23 of
	// the pairs that checking every pair finds; with 6, 7.
	anchorMax = 6
	// anchorCap: a fingerprint held by more units than this is a stock
	// phrase; a unit taking it as an anchor counts only the anchorCap
	// units nearest in document order (the units left out are counted in
	// anchorStats).
	anchorCap = 64
)

// anchorWindow is the winnowing window for a key of n runes: short keys
// need every stretch of a few runes to count (w = 2: any 5 shared runes
// give a shared fingerprint, which a 15-rune sentence with two edits
// still has), long ones share long stretches with their copies. Two keys
// with windows w1 ≤ w2 share a fingerprint in every common stretch of
// w2+k−1 runes: the minimum of a wider window is the minimum of each
// narrower one inside it.
func anchorWindow(n int) int {
	return min(max(n/10, 2), 6)
}

// anchorState collects the fingerprints of the representatives.
type anchorState struct {
	keys []uint64 // fingerprint<<32 | representative, in representative order
	tmp  []uint64
	// order has the groups of equal fingerprints with two units or more,
	// by unit count: arena start<<32 | bucket<<24 | units.
	order    []uint64
	taken    []uint8 // anchors taken per representative
	partners []partnerList
	anchors  []uint64 // per representative, m groups taken as anchors
	stamp    []uint32 // per representative: voter<<1 | second vote
	arena    []int32  // distinct units of the groups of two units or more
	stats    anchorStats
}

// anchorStats count what the join did, for tests and tuning: fingerprints
// sorted, groups of two units or more, pairs proposed and kept after the
// length test, units of large groups left out of a vote (see anchorCap),
// and votes cast.
type anchorStats struct {
	fingerprints, groups, pairs, kept, capped, votes int
}

// winnow appends to keys the winnowed fingerprints of a key of n runes for
// representative e, from fps (see keyPrints): the smallest of each window
// of w consecutive k-gram fingerprints, the rightmost on ties, each
// position once. A key shorter than k has the one fingerprint of its
// whole.
func (a *anchorState) winnow(fps []uint32, n int, e int32) {
	tag := uint64(uint32(e))
	if n < anchorK {
		a.keys = append(a.keys, uint64(fps[n-1])<<32|tag)
		return
	}
	fps = fps[anchorK-1 : n]
	w := min(anchorWindow(n), len(fps))
	// Room for every fingerprint, so the loop appends without checks.
	keys := a.keys
	if cap(keys)-len(keys) < len(fps) {
		keys = append(keys[:cap(keys)], make([]uint64, len(fps)+len(keys))...)[:len(keys)]
	}
	out := keys[len(keys):cap(keys)]
	o := 0
	mv, mi := fps[0], 0
	for j := 1; j < w-1; j++ {
		if v := fps[j]; v <= mv {
			mv, mi = v, j
		}
	}
	last := -1
	for j := max(w-1, 0); j < len(fps); j++ {
		if v := fps[j]; v <= mv {
			mv, mi = v, j
		} else if mi <= j-w {
			// The minimum left the window: find the new one, rightmost on
			// ties.
			mv, mi = v, j
			for t := j - 1; t > j-w; t-- {
				if u := fps[t]; u < mv {
					mv, mi = u, t
				}
			}
		}
		// Written always, kept when the minimum moved: a branch here
		// would be mispredicted at every other position.
		out[o] = uint64(mv)<<32 | tag
		if mi != last {
			o++
		}
		last = mi
	}
	a.keys = keys[:len(keys)+o]
}

// join appends to cand the candidate pairs of representatives (earlier<<32
// | later) whose length ratio is at least minRatio, unsorted and possibly
// repeated. rs tells which representatives still take part (exact copies
// do not), lens their key lengths (doubled, see finder.lens).
//
// Fingerprints are sorted, grouped and the groups of two units or more
// visited in order of their unit count. A fingerprint of exactly two units
// pairs them at once (see direct); a larger group is recorded as an anchor
// of its members with anchors left, and a unit is then paired with the
// units found in two of its anchors (see votes): a stretch of official
// prose recurs in a dozen unrelated sentences, while a copy shares most of
// a unit's fingerprints.
func (a *anchorState) join(rs []repUnit, lens []uint32, minRatio float64, cand []uint64) []uint64 {
	const m, capN = anchorMax, anchorCap
	nreps := len(rs)
	// Drop the entries of representatives found to be exact copies.
	ks := a.keys[:0]
	for _, x := range a.keys {
		if rs[uint32(x)].unit >= 0 {
			ks = append(ks, x)
		}
	}
	a.stats = anchorStats{fingerprints: len(ks)}
	ks, a.tmp = radixSortHigh(ks, a.tmp)
	a.keys = ks
	// Groups of one fingerprint with two units or more: their distinct
	// units go to the arena, in order of unit count (counts above capN
	// share the last bucket), so that the selection below reads it
	// straight through; votes reads it unit by unit, and far smaller than
	// ks, it stays in cache. A group is its arena start<<32 | bucket<<24 |
	// units. A first pass over ks counts the units of each bucket, a second
	// writes them.
	var units, groups [anchorCap + 2]int32
	distinct := func(run []uint64) int32 {
		u := int32(1)
		for k := 1; k < len(run); k++ {
			if uint32(run[k]) != uint32(run[k-1]) {
				u++
			}
		}
		return u
	}
	forRuns := func(f func(run []uint64)) {
		for i := 0; i < len(ks); {
			fp := ks[i] >> 32
			j := i + 1
			for j < len(ks) && ks[j]>>32 == fp {
				j++
			}
			if j-i >= 2 {
				f(ks[i:j])
			}
			i = j
		}
	}
	forRuns(func(run []uint64) {
		if u := distinct(run); u >= 2 {
			c := min(int(u), capN+1)
			units[c] += u
			groups[c]++
		}
	})
	var uo, gs int32
	for c := range units {
		units[c], uo = uo, uo+units[c]
		groups[c], gs = gs, gs+groups[c]
	}
	arena := resize(a.arena, int(uo))
	a.order = resize(a.order, int(gs))
	forRuns(func(run []uint64) {
		u := distinct(run)
		if u < 2 {
			return
		}
		c := min(int(u), capN+1)
		as := units[c]
		prev := int32(-1)
		for k, x := range run {
			if e := int32(uint32(x)); k == 0 || e != prev {
				arena[as] = e
				as++
				prev = e
			}
		}
		a.order[groups[c]] = uint64(units[c])<<32 | uint64(c)<<24 | uint64(u)
		units[c] = as
		groups[c]++
	})
	a.arena = arena
	a.stats.groups = int(gs)
	a.taken = resize(a.taken, nreps)
	clear(a.taken)
	a.partners = resize(a.partners, nreps)
	clear(a.partners)
	a.anchors = resize(a.anchors, nreps*m)
	// Pairs whose lengths no test accepts are dropped here, from the
	// compact lengths, before they cost a random read of the prefilter
	// data.
	emit := func(e, o int32) {
		a.stats.pairs++
		le, lo := float64(lens[e]>>1), float64(lens[o]>>1)
		if min(le, lo) < minRatio*max(le, lo) {
			return
		}
		a.stats.kept++
		p, q := min(e, o), max(e, o)
		cand = append(cand, uint64(p)<<32|uint64(q))
	}
	for _, g := range a.order {
		start, size := int(g>>32), int(g&0xFFFFFF)
		sel := arena[start : start+size]
		if size == 2 {
			a.direct(g, sel[0], sel[1], m, emit)
			continue
		}
		// A member takes the fingerprint as an anchor unless it took one of
		// the same members just before (every fingerprint of a long shared
		// stretch has the same units).
		var hm uint32
		for _, e := range sel {
			hm += uint32(e+1) * 0x9E3779B1
		}
		for _, e := range sel {
			if int(a.taken[e]) >= m {
				continue
			}
			pe := &a.partners[e]
			if pe.has(int32(hm)) {
				continue
			}
			pe.add(int32(hm))
			a.anchors[int(e)*m+int(a.taken[e])] = g
			a.taken[e]++
		}
	}
	a.votes(m, capN, emit)
	return cand
}

// direct pairs the two units of a fingerprint when either has anchors left
// and they are not paired yet: a fingerprint of just the two is the
// strongest evidence there is, and a pairing already made leaves the
// anchor free, so that a unit with a close copy still reaches its other
// relatives.
func (a *anchorState) direct(g uint64, e, o int32, m int, emit func(e, o int32)) {
	if int(a.taken[e]) >= m && int(a.taken[o]) >= m || a.partners[e].has(o) {
		return
	}
	for _, u := range [2]int32{e, o} {
		if t := int(a.taken[u]); t < m {
			a.anchors[int(u)*m+t] = g
			a.taken[u]++
		}
	}
	a.partners[e].add(o)
	a.partners[o].add(e)
	emit(e, o)
}

// votes pairs each unit with the units found in two of its anchors (at
// most capN of each anchor's units, the nearest in document order), unless
// a direct pairing has made them partners already.
func (a *anchorState) votes(m, capN int, emit func(e, o int32)) {
	stamp := resize(a.stamp, len(a.taken))
	clear(stamp)
	a.stamp = stamp
	for e := range a.taken {
		t := int(a.taken[e])
		if t < 2 {
			continue
		}
		me := uint32(e+1) << 1
		pe := &a.partners[e]
		for _, g := range a.anchors[e*m : e*m+t] {
			if g&0xFFFFFF == 2 {
				continue // a direct pair, counted as a partner
			}
			start, size := int(g>>32), int(g&0xFFFFFF)
			mem := a.arena[start : start+size]
			if int(g>>24&0xFF) > capN {
				// The window of members around e.
				i, _ := slices.BinarySearch(mem, int32(e))
				lo := max(0, i-capN/2)
				hi := min(len(mem), lo+capN+1)
				lo = max(0, hi-capN-1)
				a.stats.capped += len(mem) - (hi - lo)
				mem = mem[lo:hi]
			}
			a.stats.votes += len(mem)
			for _, x := range mem {
				o := uint32(x)
				if o == uint32(e) {
					continue
				}
				switch v := stamp[o]; {
				case v>>1 != me>>1:
					stamp[o] = me
				case v&1 == 0:
					stamp[o] = me | 1
					if !pe.has(int32(o)) {
						emit(int32(e), int32(o))
					}
				}
			}
		}
	}
}

// partnerList holds the last three units a unit was paired with directly
// or member sets it took an anchor for (+1, 0 is empty), and in its last
// slot where the next one goes: 16 bytes, so that the lists of a large
// document stay in the second-level cache.
type partnerList [4]int32

func (p *partnerList) has(o int32) bool {
	o++
	return p[0] == o || p[1] == o || p[2] == o
}

func (p *partnerList) add(o int32) {
	i := p[3]
	p[i] = o + 1
	p[3] = (i + 1) % 3
}

// radixSortHigh sorts a stably by the high 32 bits (LSD, four 8-bit
// digits: 256 destinations per pass keep the scatter's write streams in the
// first-level cache, where 2048 of three passes did not): entries come in
// representative order, so equal fingerprints stay in it.
func radixSortHigh(a, tmp []uint64) (sorted, buf []uint64) {
	tmp = resize(tmp, len(a))
	var count [4][256]int32
	for _, x := range a {
		count[0][x>>32&0xFF]++
		count[1][x>>40&0xFF]++
		count[2][x>>48&0xFF]++
		count[3][x>>56]++
	}
	for d := range 4 {
		sum := int32(0)
		c := &count[d]
		for i := range c {
			c[i], sum = sum, sum+c[i]
		}
		shift := uint(32 + 8*d)
		for _, x := range a {
			v := x >> shift & 0xFF
			tmp[c[v]] = x
			c[v]++
		}
		a, tmp = tmp, a
	}
	return a, tmp
}
