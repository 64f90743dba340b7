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
// (Add or AddSig); the index keeps only their signatures — the caller's id,
// exact hash, key length and band keys, 208 bytes a unit with the default
// 21 bands and 2 anchors, in fixed-size chunks so that growing never
// copies — never their text. Clusters joins the bands, asks for the text of candidate pairs only,
// verifies them and returns the clusters.
type Index struct {
	opt    IndexOptions
	signer Signer
	chunks []chunk
	n      int
}

type chunk struct {
	recs  []record
	bands []uint64 // chunkSize × Bands
}

type record struct {
	id    uint64
	exact uint64
	runes int32
	near  bool
}

const chunkSize = 4096

// IndexOptions configure an Index; zero fields take the defaults.
type IndexOptions struct {
	Shingling Shingling // default DefaultShingling (CJK 3-grams, Latin 5-grams)
	Banding   Banding   // default DefaultBanding (21 × 6)
}

// HighRecallIndexOptions trade memory and verification work for recall on
// heavily edited copies: character bigrams (Latin trigrams) in 42 bands of
// 3 rows. Scattered 10 % character edits leave a 3-gram Jaccard near 0.5,
// which 21 × 6 bands catch only about half the time; here 1−(1−J³)⁴² is
// 0.996 at J = 0.5. Band keys take 352 bytes a unit, and unrelated units of
// one genre share enough bigrams to collide far more often than with
// 3-grams, so keep this for corpora of up to about 10⁵ units.
var HighRecallIndexOptions = IndexOptions{
	Shingling: Shingling{Han: 2, HanShort: 2, ShortUnder: 1, Latin: 3},
	Banding:   Banding{Bands: 42, Rows: 3, Anchors: true},
}

// NewIndex returns an empty index with DefaultShingling and DefaultBanding.
func NewIndex() *Index { return NewIndexWith(IndexOptions{}) }

// NewIndexWith returns an empty index with the given options.
func NewIndexWith(opt IndexOptions) *Index {
	if opt.Shingling == (Shingling{}) {
		opt.Shingling = DefaultShingling
	}
	if opt.Banding == (Banding{}) {
		opt.Banding = DefaultBanding
	}
	if opt.Banding.Bands*opt.Banding.Rows > NumHashes || opt.Banding.Bands < 1 || opt.Banding.Rows < 1 {
		panic(fmt.Sprintf("dedup: banding %d×%d does not fit %d hashes", opt.Banding.Bands, opt.Banding.Rows, NumHashes))
	}
	return &Index{opt: opt, signer: Signer{Shingling: opt.Shingling, Banding: opt.Banding}}
}

// Options returns the options in force.
func (ix *Index) Options() IndexOptions { return ix.opt }

// Signer returns a new Signer that produces signatures for this index.
func (ix *Index) Signer() *Signer {
	return &Signer{Shingling: ix.opt.Shingling, Banding: ix.opt.Banding}
}

// Len is the number of units added.
func (ix *Index) Len() int { return ix.n }

func (ix *Index) rec(u int) *record { return &ix.chunks[u/chunkSize].recs[u%chunkSize] }

func (ix *Index) bands(u int) []uint64 {
	nb := ix.opt.Banding.NumKeys()
	i := u % chunkSize
	return ix.chunks[u/chunkSize].bands[i*nb : (i+1)*nb]
}

// Add signs text and adds it under the caller's id. It returns the unit
// number: units are numbered 0, 1, 2… in the order they are added.
func (ix *Index) Add(id uint64, text string) int {
	return ix.AddSig(id, ix.signer.Sign(text))
}

// AddSig adds a unit whose signature was computed elsewhere (by SignAll on
// several cores, or read back from a signature file). The signature must
// come from a Signer with this index's options.
func (ix *Index) AddSig(id uint64, s UnitSig) int {
	nb := ix.opt.Banding.NumKeys()
	if s.Bands != nil && len(s.Bands) != nb {
		panic(fmt.Sprintf("dedup: signature has %d bands, index wants %d", len(s.Bands), nb))
	}
	if ix.n%chunkSize == 0 {
		ix.chunks = append(ix.chunks, chunk{recs: make([]record, chunkSize), bands: make([]uint64, chunkSize*nb)})
	}
	u := ix.n
	*ix.rec(u) = record{id: id, exact: s.Exact, runes: s.Runes, near: s.Bands != nil}
	copy(ix.bands(u), s.Bands)
	ix.n++
	return u
}

// ID returns the caller's id of a unit.
func (ix *Index) ID(unit int) uint64 { return ix.rec(unit).id }

// Sig returns the stored signature of a unit (Bands is a fresh copy).
func (ix *Index) Sig(unit int) UnitSig {
	r := ix.rec(unit)
	s := UnitSig{Exact: r.exact, Runes: r.runes}
	if r.near {
		s.Bands = slices.Clone(ix.bands(unit))
	}
	return s
}

// SignAll signs texts on up to workers goroutines (≤ 0: GOMAXPROCS) with
// the index's options. The result is in input order and does not depend on
// the number of workers.
func (ix *Index) SignAll(texts []string, workers int) []UnitSig {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	nb := ix.opt.Banding.NumKeys()
	out := make([]UnitSig, len(texts))
	back := make([]uint64, len(texts)*nb)
	var wg sync.WaitGroup
	const batch = 256
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			s := ix.Signer()
			for lo := range next {
				for i := lo; i < min(lo+batch, len(texts)); i++ {
					u := s.Sign(texts[i])
					if u.Bands != nil {
						u.Bands = back[i*nb : (i+1)*nb : (i+1)*nb]
						copy(u.Bands, s.bands)
					}
					out[i] = u
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
// and band key. The table is what a distributed band join (GROUP BY Band,
// Key) needs.
type BandRow struct {
	Unit int
	ID   uint64
	Band int
	Key  uint64
}

// BandRows iterates the band-key table in unit order, then band order
// (the MinHash bands, then the two anchors when Banding.Anchors is set).
// Units too short for MinHash have no rows.
func (ix *Index) BandRows() iter.Seq[BandRow] {
	return func(yield func(BandRow) bool) {
		for u := range ix.n {
			r := ix.rec(u)
			if !r.near {
				continue
			}
			for b, k := range ix.bands(u) {
				if !yield(BandRow{Unit: u, ID: r.id, Band: b, Key: k}) {
					return
				}
			}
		}
	}
}

// TextFunc re-supplies the text of a unit for verification.
type TextFunc func(unit int, id uint64) (string, error)

// ClusterOptions tune Clusters; zero fields take the defaults, negative
// thresholds turn a test off. A candidate pair is a near duplicate when any
// test passes.
type ClusterOptions struct {
	// Jaccard of the two DefaultShingling sets ≥ this (default 0.70).
	Jaccard float64
	// EditSim: edit similarity of the keys ≥ this (default 0.80, the
	// second test of Lee et al.; it keeps copies with scattered character
	// edits whose 3-gram Jaccard falls under 0.7).
	EditSim float64
	// Containment: the shorter key (≥ 8 runes, at least half the longer)
	// found inside the longer with InfixContainment ≥ this (default 0.90):
	// a unit with a phrase added in front or behind.
	Containment float64
	// MaxReps caps how many sub-clusters of one band bucket a unit is
	// verified against (default 16); it bounds the work on huge buckets of
	// boilerplate that are not exact copies.
	MaxReps int
	// CacheUnits caps the number of units whose keys and shingle sets are
	// kept between verifications (default 4096).
	CacheUnits int
}

// Cluster is a set of duplicate units.
type Cluster struct {
	// Units in ascending order. Units[0] is the first added, the default
	// keeper.
	Units []int
	// Exact is true when every member has the same exact key.
	Exact bool
}

// ClusterStats counts the work Clusters did.
type ClusterStats struct {
	ExactUnions int // unions made by equal exact hashes
	Candidates  int // band collisions between units not yet joined
	Verified    int // candidate pairs compared on their text
	Accepted    int // of those, pairs found to be near duplicates
	TextCalls   int // calls to the TextFunc
}

// Clusters groups the units: first by exact hash, then by LSH band
// collisions verified on the text, which text supplies again (nil skips
// near duplicates). Pairs already in one cluster are not verified again.
// Clusters have at least two members and come ordered by their first unit;
// the result is the same on every run.
//
// Memory: besides the index (208 bytes a unit with DefaultBanding), one
// sort buffer of 8 bytes a unit, the union-find (4 bytes a unit), the
// failed-pair set and the verification cache: a million units peak at
// 229 MB RSS when the process runs with GOMEMLIMIT=230MiB (the garbage
// collector otherwise lets garbage from verification pile up to about
// 300 MB).
func (ix *Index) Clusters(text TextFunc, opt ClusterOptions) ([]Cluster, ClusterStats, error) {
	if opt.Jaccard == 0 {
		opt.Jaccard = 0.70
	}
	if opt.EditSim == 0 {
		opt.EditSim = 0.80
	}
	if opt.Containment == 0 {
		opt.Containment = 0.90
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
	// number in the low bits, so a plain uint64 sort does the join. Dropping
	// hash bits only adds false collisions, which verification removes
	// (exact runs are re-checked on the full hashes).
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

	v := verifier{ix: ix, text: text, opt: opt, cache: make(map[int]*verified),
		failed: make(map[uint64]struct{}), st: &st}
	var reps []int
	for b := range ix.opt.Banding.NumKeys() {
		buf = buf[:0]
		for u := range n {
			if ix.rec(u).near {
				buf = append(buf, ix.bands(u)[b]&^umask|uint64(u))
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

// verified is what verification keeps of a unit's text.
type verified struct {
	key []rune
	set []uint64
	sk  Sketch
}

// verifier compares candidate pairs on their text, caching recently seen
// units and the pairs that failed.
type verifier struct {
	ix     *Index
	text   TextFunc
	opt    ClusterOptions
	cache  map[int]*verified
	failed map[uint64]struct{}
	signer Signer
	cmp    Comparer
	st     *ClusterStats
}

func (v *verifier) unit(u int) (*verified, error) {
	if s, ok := v.cache[u]; ok {
		return s, nil
	}
	t, err := v.text(u, v.ix.rec(u).id)
	v.st.TextCalls++
	if err != nil {
		return nil, fmt.Errorf("dedup: text of unit %d: %w", u, err)
	}
	if len(v.cache) >= v.opt.CacheUnits {
		clear(v.cache)
	}
	k := slices.Clone(v.signer.Key(t))
	// Shingles come from the key with word breaks, as in Sign.
	s := &verified{key: k, set: DefaultShingling.Set(nil, v.signer.key), sk: NewSketch(k)}
	v.cache[u] = s
	return s, nil
}

func (v *verifier) check(a, b int) (bool, error) {
	if a > b {
		a, b = b, a
	}
	// Every test needs the shorter key to be at least half the longer
	// (Jaccard and edit similarity need more): reject on stored lengths
	// before fetching any text.
	if la, lb := v.ix.rec(a).runes, v.ix.rec(b).runes; 2*min(la, lb) < max(la, lb) {
		return false, nil
	}
	key := uint64(a)<<32 | uint64(b)
	if _, ok := v.failed[key]; ok {
		return false, nil
	}
	sa, err := v.unit(a)
	if err != nil {
		return false, err
	}
	sb, err := v.unit(b)
	if err != nil {
		return false, err
	}
	v.st.Verified++
	ok := v.opt.Jaccard > 0 && Jaccard(sa.set, sb.set) >= v.opt.Jaccard
	if !ok && v.opt.EditSim > 0 && MayReachEditSim(len(sa.key), len(sb.key), &sa.sk, &sb.sk, v.opt.EditSim) {
		_, ok = v.cmp.EditSimilarityAtLeast(sa.key, sb.key, v.opt.EditSim)
	}
	if !ok && v.opt.Containment > 0 {
		ks, kl := sa.key, sb.key
		if len(ks) > len(kl) {
			ks, kl = kl, ks
		}
		if len(ks) >= 8 && 2*len(ks) >= len(kl) {
			_, ok = v.cmp.InfixContainmentAtLeast(ks, kl, v.opt.Containment)
		}
	}
	if ok {
		v.st.Accepted++
		return true, nil
	}
	v.failed[key] = struct{}{}
	return false, nil
}
