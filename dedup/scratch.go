package dedup

import "sync"

// scratch holds the large buffers of one FindRepeats call. A 4 MB document
// needs about 15 MB of them; allocating and zeroing them on every call cost
// as much as a pass over the text, so they are kept in a pool. Nothing in
// a result points into them.
type scratch struct {
	keys  []rune
	du    []docUnit
	rs    []repUnit
	sks   []Sketch
	pre   []preUnit
	lens  []uint32
	scan  unitScan
	exact firstTable
	folds firstTable
	// LSH
	bandKeys     []uint32
	entries      []int32
	shortKeys    []uint32
	shortEntries []int32
	join         joinScratch
	cand         []uint64
	radix        []uint64
	anchors      anchorState
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// resize returns s with length n, reusing its array when it is big enough.
// The contents are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/8)
	}
	return s[:n]
}
