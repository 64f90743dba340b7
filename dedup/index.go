package dedup

import (
	"fmt"
	"iter"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// Index is the corpus near-duplicate index. Units are added one at a time
// (Add or AddSig); the index keeps only their signatures — exact hash, key
// length, 21 band keys and the caller's id, 192 bytes a unit in fixed-size
// chunks, so growing never copies — never their text. Clusters joins the
// bands, asks for the text of candidate pairs only, verifies them and
// returns the clusters.
type Index struct {
	signer Signer
	chunks [][]record
	n      int
}

type record struct {
	id    uint64
	exact uint64
	runes int32
	near  bool
	bands [NumBands]uint64
}

const chunkSize = 4096

// NewIndex returns an empty index that uses DefaultShingling.
func NewIndex() *Index { return &Index{} }

// Len is the number of units added.
func (ix *Index) Len() int { return ix.n }

func (ix *Index) rec(u int) *record { return &ix.chunks[u/chunkSize][u%chunkSize] }

// Add signs text and adds it under the caller's id. It returns the unit
// number: units are numbered 0, 1, 2… in the order they are added.
func (ix *Index) Add(id uint64, text string) int {
	return ix.AddSig(id, ix.signer.Sign(text))
}

// AddSig adds a unit whose signature was computed elsewhere (for example by
// SignAll on several cores, or read back from a signature file).
func (ix *Index) AddSig(id uint64, s UnitSig) int {
	if ix.n%chunkSize == 0 {
		ix.chunks = append(ix.chunks, make([]record, chunkSize))
	}
	r := ix.rec(ix.n)
	*r = record{id: id, exact: s.Exact, runes: s.Runes, near: s.Near, bands: s.Bands}
	ix.n++
	return ix.n - 1
}

// ID returns the caller's id of a unit.
func (ix *Index) ID(unit int) uint64 { return ix.rec(unit).id }

// Sig returns the stored signature of a unit.
func (ix *Index) Sig(unit int) UnitSig {
	r := ix.rec(unit)
	return UnitSig{Exact: r.exact, Runes: r.runes, Near: r.near, Bands: r.bands}
}

// SignAll signs texts on up to workers goroutines (≤ 0: GOMAXPROCS). The
// result is in input order and does not depend on the number of workers.
func SignAll(texts []string, workers int) []UnitSig {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]UnitSig, len(texts))
	var wg sync.WaitGroup
	const batch = 256
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			var s Signer
			for lo := range next {
				for i := lo; i < min(lo+batch, len(texts)); i++ {
					out[i] = s.Sign(texts[i])
				}
			}
		})
	}
	for lo := 0; lo < len(texts); lo += batch {
		next <- lo
	}
	close(next)
	wg.Wait()
	return out
}

// BandRow is one row of the band-key table: unit, caller id, band number
// and band key. The table is what a distributed band join (a GROUP BY on
// Band, Key) needs.
type BandRow struct {
	Unit int
	ID   uint64
	Band int
	Key  uint64
}

// BandRows iterates the band-key table in unit order, then band order.
// Units too short for MinHash have no rows.
func (ix *Index) BandRows() iter.Seq[BandRow] {
	return func(yield func(BandRow) bool) {
		for u := range ix.n {
			r := ix.rec(u)
			if !r.near {
				continue
			}
			for b, k := range r.bands {
				if !yield(BandRow{Unit: u, ID: r.id, Band: b, Key: k}) {
					return
				}
			}
		}
	}
}

// TextFunc re-supplies the text of a unit for verification.
type TextFunc func(unit int, id uint64) (string, error)

// ClusterOptions tune Clusters; the zero value means the defaults.
type ClusterOptions struct {
	// Jaccard is the verification threshold on real shingle sets
	// (default 0.70).
	Jaccard float64
	// MaxReps caps how many sub-clusters of one band bucket a unit is
	// verified against (default 16); it bounds the work on huge buckets of
	// boilerplate that are not exact copies.
	MaxReps int
	// CacheUnits caps the number of shingle sets kept between verifications
	// (default 4096).
	CacheUnits int
}

// Cluster is a set of near-duplicate units.
type Cluster struct {
	// Units in ascending order. Units[0] is the first added, the default
	// keeper.
	Units []int
	// Exact is true when every member has the same exact key.
	Exact bool
}

// ClusterStats counts the work Clusters did.
type ClusterStats struct {
	ExactUnions   int // units joined by equal exact hashes
	Candidates    int // band collisions between units not yet joined
	Verified      int // candidate pairs whose shingle sets were compared
	VerifiedEqual int // of those, pairs at or above the Jaccard threshold
	TextCalls     int // calls to the TextFunc
}

// Clusters groups the units: first by exact hash, then by LSH band
// collisions verified with the real Jaccard of the two shingle sets (text
// fetched through text, which may be nil to skip near-duplicates). Pairs
// already in one cluster are not verified again. Clusters have at least two
// members and come ordered by their first unit; the result is the same
// on every run.
func (ix *Index) Clusters(text TextFunc, opt ClusterOptions) ([]Cluster, ClusterStats, error) {
	if opt.Jaccard == 0 {
		opt.Jaccard = 0.70
	}
	if opt.MaxReps == 0 {
		opt.MaxReps = 16
	}
	if opt.CacheUnits == 0 {
		opt.CacheUnits = 4096
	}
	var st ClusterStats
	n := ix.n
	if n > 1<<32 {
		return nil, st, fmt.Errorf("dedup: %d units exceed the in-memory index", n)
	}
	uf := NewUnionFind(n)
	// One sort buffer for every pass: the top bits of the hash with the unit
	// number in the low bits. Dropping hash bits only adds false collisions,
	// which verification removes (exact ones are re-checked on full hashes).
	ubits := max(bits.Len(uint(n)), 1)
	umask := uint64(1)<<ubits - 1
	buf := make([]uint64, 0, n)

	for u := range n {
		buf = append(buf, ix.rec(u).exact&^umask|uint64(u))
	}
	slices.Sort(buf)
	forRuns(buf, umask, func(run []uint64) {
		for i, a := range run {
			ua := int(a & umask)
			for _, b := range run[:i] {
				ub := int(b & umask)
				if ix.rec(ua).exact == ix.rec(ub).exact {
					if uf.Union(ua, ub) {
						st.ExactUnions++
					}
					break
				}
			}
		}
	})
	if text == nil {
		return ix.collect(uf), st, nil
	}

	v := verifier{ix: ix, text: text, th: opt.Jaccard, cap: opt.CacheUnits,
		cache: make(map[int][]uint64), failed: make(map[uint64]struct{}), st: &st}
	var reps []int
	for b := range NumBands {
		buf = buf[:0]
		for u := range n {
			if r := ix.rec(u); r.near {
				buf = append(buf, r.bands[b]&^umask|uint64(u))
			}
		}
		slices.Sort(buf)
		var err error
		forRuns(buf, umask, func(run []uint64) {
			if err != nil {
				return
			}
			// Verify each member against one representative of each
			// sub-cluster already seen in this bucket.
			reps = reps[:0]
		members:
			for _, x := range run {
				u := int(x & umask)
				ru := uf.Find(u)
				for _, r := range reps {
					if uf.Find(r) == ru {
						continue members
					}
				}
				joined := false
				for i, r := range reps {
					if i >= opt.MaxReps {
						break
					}
					if uf.Same(r, u) {
						continue
					}
					st.Candidates++
					ok, e := v.check(r, u)
					if e != nil {
						err = e
						return
					}
					if ok {
						uf.Union(r, u)
						joined = true
					}
				}
				if !joined {
					reps = append(reps, u)
				}
			}
		})
		if err != nil {
			return nil, st, err
		}
	}
	return ix.collect(uf), st, nil
}

// forRuns calls f on every run of at least two entries of the sorted buffer
// that share the hash bits.
func forRuns(buf []uint64, umask uint64, f func(run []uint64)) {
	for i := 0; i < len(buf); {
		j := i + 1
		for j < len(buf) && buf[j]&^umask == buf[i]&^umask {
			j++
		}
		if j-i > 1 {
			f(buf[i:j])
		}
		i = j
	}
}

func (ix *Index) collect(uf *UnionFind) []Cluster {
	sets := uf.Sets(2)
	out := make([]Cluster, len(sets))
	for i, s := range sets {
		exact := true
		e := ix.rec(s[0]).exact
		for _, u := range s[1:] {
			if ix.rec(u).exact != e {
				exact = false
				break
			}
		}
		out[i] = Cluster{Units: s, Exact: exact}
	}
	return out
}

// verifier compares candidate pairs on real shingle sets, caching the sets
// of recently seen units and the pairs that failed.
type verifier struct {
	ix     *Index
	text   TextFunc
	th     float64
	cap    int
	cache  map[int][]uint64
	failed map[uint64]struct{}
	signer Signer
	st     *ClusterStats
}

func (v *verifier) shingles(u int) ([]uint64, error) {
	if s, ok := v.cache[u]; ok {
		return s, nil
	}
	t, err := v.text(u, v.ix.rec(u).id)
	v.st.TextCalls++
	if err != nil {
		return nil, fmt.Errorf("dedup: text of unit %d: %w", u, err)
	}
	if len(v.cache) >= v.cap {
		clear(v.cache)
	}
	s := slices.Clone(v.signer.Shingles(t))
	v.cache[u] = s
	return s, nil
}

func (v *verifier) check(a, b int) (bool, error) {
	if a > b {
		a, b = b, a
	}
	key := uint64(a)<<32 | uint64(b)
	if _, ok := v.failed[key]; ok {
		return false, nil
	}
	sa, err := v.shingles(a)
	if err != nil {
		return false, err
	}
	sb, err := v.shingles(b)
	if err != nil {
		return false, err
	}
	v.st.Verified++
	if Jaccard(sa, sb) >= v.th {
		v.st.VerifiedEqual++
		return true, nil
	}
	v.failed[key] = struct{}{}
	return false, nil
}
