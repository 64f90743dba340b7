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
// length, 32-bit band keys and the 2-bit MinHash sketch, 137 bytes a unit
// with DefaultBanding (8 more once some caller id differs from its unit
// number), in fixed-size chunks so that growing never copies — never their
// text. Clusters joins the bands, asks for the text of candidate pairs
// only, verifies them and returns the clusters.
type Index struct {
	opt    IndexOptions
	signer Signer
	chunks []*chunk
	n      int
}

// chunk holds chunkSize units, field by field; band keys are band-major
// so that a band pass reads them sequentially.
type chunk struct {
	exact []uint64
	runes []int32
	near  []bool
	ids   []uint64 // nil while every id equals its unit number
	bands []uint32 // bands[b*chunkSize+i]
	bits  []SigBits
}

const chunkSize = 4096

// IndexOptions configure an Index; zero fields take the defaults.
type IndexOptions struct {
	Shingling Shingling // default IndexShingling (CJK bigrams, Latin trigrams)
	Banding   Banding   // default DefaultBanding (25 × 5 and two anchors)
}

// HighRecallIndexOptions trade memory and verification work for recall on
// copies edited beyond 10 %: character bigrams (Latin trigrams) in 42
// bands of 3 rows, 1−(1−J³)⁴² = 0.996 at J = 0.5. Band keys take 176
// bytes a unit, and unrelated units of one genre collide about thirty
// times as often as with DefaultBanding (the SigBits prefilter rejects
// them, but band buckets grow), so keep this for corpora of up to about
// 10⁵ units.
var HighRecallIndexOptions = IndexOptions{
	Shingling: Shingling{Han: 2, HanShort: 2, ShortUnder: 1, Latin: 3},
	Banding:   Banding{Bands: 42, Rows: 3, Anchors: true},
}

// NewIndex returns an empty index with IndexShingling and DefaultBanding.
func NewIndex() *Index { return NewIndexWith(IndexOptions{}) }

// NewIndexWith returns an empty index with the given options.
func NewIndexWith(opt IndexOptions) *Index {
	if opt.Shingling == (Shingling{}) {
		opt.Shingling = IndexShingling
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

func (ix *Index) at(u int) (*chunk, int) { return ix.chunks[u/chunkSize], u % chunkSize }

func (ix *Index) exact(u int) uint64 { c, i := ix.at(u); return c.exact[i] }
func (ix *Index) runes(u int) int32  { c, i := ix.at(u); return c.runes[i] }
func (ix *Index) bits(u int) *SigBits {
	c, i := ix.at(u)
	return &c.bits[i]
}

// Add signs text and adds it under the caller's id. It returns the unit
// number: units are numbered 0, 1, 2… in the order they are added.
func (ix *Index) Add(id uint64, text string) int {
	return ix.AddSig(id, ix.signer.Sign(text))
}

// AddSig adds a unit whose signature was computed elsewhere (by SignAll on
// several cores, or by a Signer with this index's options). Band keys
// beyond 32 bits are cut to 32.
func (ix *Index) AddSig(id uint64, s UnitSig) int {
	nk := ix.opt.Banding.NumKeys()
	if s.Bands != nil && len(s.Bands) != nk {
		panic(fmt.Sprintf("dedup: signature has %d bands, index wants %d", len(s.Bands), nk))
	}
	if ix.n%chunkSize == 0 {
		ix.chunks = append(ix.chunks, &chunk{
			exact: make([]uint64, chunkSize),
			runes: make([]int32, chunkSize),
			near:  make([]bool, chunkSize),
			bands: make([]uint32, chunkSize*nk),
			bits:  make([]SigBits, chunkSize),
		})
	}
	u := ix.n
	c, i := ix.at(u)
	c.exact[i], c.runes[i], c.near[i] = s.Exact, s.Runes, s.Bands != nil
	if id != uint64(u) && c.ids == nil {
		c.ids = make([]uint64, chunkSize)
		for k := range i {
			c.ids[k] = uint64(u - i + k)
		}
	}
	if c.ids != nil {
		c.ids[i] = id
	}
	for b, k := range s.Bands {
		c.bands[b*chunkSize+i] = uint32(k)
	}
	if s.Bands != nil {
		c.bits[i] = s.Bits
	}
	ix.n++
	return u
}

// ID returns the caller's id of a unit.
func (ix *Index) ID(unit int) uint64 {
	c, i := ix.at(unit)
	if c.ids == nil {
		return uint64(unit)
	}
	return c.ids[i]
}

// Sig returns the stored signature of a unit (Bands is a fresh slice).
func (ix *Index) Sig(unit int) UnitSig {
	c, i := ix.at(unit)
	s := UnitSig{Exact: c.exact[i], Runes: c.runes[i]}
	if c.near[i] {
		nk := ix.opt.Banding.NumKeys()
		s.Bands = make([]uint64, nk)
		for b := range nk {
			s.Bands[b] = uint64(c.bands[b*chunkSize+i])
		}
		s.Bits = c.bits[i]
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
		nk := ix.opt.Banding.NumKeys()
		for u := range ix.n {
			c, i := ix.at(u)
			if !c.near[i] {
				continue
			}
			id := ix.ID(u)
			for b := range nk {
				if !yield(BandRow{Unit: u, ID: id, Band: b, Key: uint64(c.bands[b*chunkSize+i])}) {
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
// of the Jaccard, EditSim and Containment tests passes.
type ClusterOptions struct {
	// Jaccard of the two DefaultShingling sets ≥ this (default 0.70).
	Jaccard float64
	// EditSim: edit similarity of the keys ≥ this (default 0.80, the
	// second test of Lee et al.; it keeps copies with scattered character
	// edits whose 3-gram Jaccard falls under 0.7).
	EditSim float64
	// Containment: the shorter key (≥ 8 runes, at least half the longer)
	// found inside the longer with InfixContainment ≥ this (default 0.90):
	// a unit with a phrase added in front or behind; or, when the shorter
	// is at least two thirds of the longer, all but this share of it found
	// in order (LCS): a sentence added or dropped in the middle.
	Containment float64
	// Prefilter: candidates whose SigBits estimate a Jaccard (over the
	// index's shingling) below this are rejected without reading their
	// text (default 0.15). Every pair the tests above accept has a
	// Jaccard far above it — the shorter unit must be at least half the
	// longer, so even a contained copy has one near 0.45, three standard
	// errors of the estimate away — while unrelated units (0.02–0.05)
	// mostly fall below.
	Prefilter float64
	// AnchorPrefilter is the prefilter for candidates that share only an
	// anchor (default 0.30).
	AnchorPrefilter float64
	// MaxReps caps how many sub-clusters of one band bucket a unit is
	// verified against (default 16), each through up to four of its
	// members; it bounds the work on huge buckets of boilerplate that are
	// not exact copies.
	MaxReps int
	// CacheUnits caps the number of units whose keys and shingle sets are
	// kept between verifications (default 4096).
	CacheUnits int
}

func (o ClusterOptions) withDefaults() ClusterOptions {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.Jaccard, 0.70)
	def(&o.EditSim, 0.80)
	def(&o.Containment, 0.90)
	def(&o.Prefilter, 0.15)
	def(&o.AnchorPrefilter, 0.30)
	if o.MaxReps == 0 {
		o.MaxReps = 16
	}
	if o.CacheUnits == 0 {
		o.CacheUnits = 4096
	}
	return o
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
	Prefiltered int // of those, rejected by the SigBits estimate
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
// Memory: besides the index (137 bytes a unit), the union-find (4 bytes a
// unit), one band buffer and its radix-sort scratch (16 bytes a unit), the
// failed-pair set and the verification cache.
func (ix *Index) Clusters(text TextFunc, opt ClusterOptions) ([]Cluster, ClusterStats, error) {
	return ix.clusters(nil, text, opt)
}

// ClustersWithin is Clusters restricted to given groups: group[u] labels
// unit u (a negative label leaves it out), and only units with one label
// are ever compared. Every band bucket is split by label and each part is
// processed exactly as Clusters processes a bucket, so when the labels are
// the connected components of the graph that joins units sharing an exact
// hash or a band key — what an external band join computes from the
// signature table (docs/dedup.md) — the result equals Clusters'.
func (ix *Index) ClustersWithin(group []int32, text TextFunc, opt ClusterOptions) ([]Cluster, ClusterStats, error) {
	if len(group) != ix.n {
		return nil, ClusterStats{}, fmt.Errorf("dedup: %d group labels for %d units", len(group), ix.n)
	}
	return ix.clusters(group, text, opt)
}

func (ix *Index) clusters(group []int32, text TextFunc, opt ClusterOptions) ([]Cluster, ClusterStats, error) {
	opt = opt.withDefaults()
	var st ClusterStats
	n := ix.n
	if int64(n) >= 1<<32 {
		return nil, st, fmt.Errorf("dedup: %d units exceed the in-memory index", n)
	}
	uf := NewUnionFind(n)
	in := func(u int) bool { return group == nil || group[u] >= 0 }
	var scratch []uint64
	split := func(run []uint64, mask uint64, f func(run []uint64)) {
		if group == nil {
			f(run)
			return
		}
		// Keep the run's order inside each label: it is unit order.
		scratch = append(scratch[:0], run...)
		slices.SortStableFunc(scratch, func(a, b uint64) int {
			return int(group[a&mask]) - int(group[b&mask])
		})
		for i := 0; i < len(scratch); {
			j := i + 1
			for j < len(scratch) && group[scratch[j]&mask] == group[scratch[i]&mask] {
				j++
			}
			if j-i > 1 {
				f(scratch[i:j])
			}
			i = j
		}
	}

	// Exact pass: the top bits of the hash with the unit number in the low
	// bits, so a plain uint64 sort groups equal hashes; runs are re-checked
	// on the full hashes.
	ubits := max(bits.Len(uint(n)), 1)
	umask := uint64(1)<<ubits - 1
	buf := make([]uint64, 0, n)
	for u := range n {
		if in(u) {
			buf = append(buf, ix.exact(u)&^umask|uint64(u))
		}
	}
	slices.Sort(buf)
	forRuns(buf, ^umask, func(run []uint64) {
		split(run, umask, func(run []uint64) {
			for i, a := range run {
				ua := int(a & umask)
				for _, b := range run[:i] {
					ub := int(b & umask)
					if ix.exact(ua) == ix.exact(ub) {
						if uf.Union(ua, ub) {
							st.ExactUnions++
						}
						break
					}
				}
			}
		})
	})
	if text == nil {
		return ix.collect(uf), st, nil
	}

	v := verifier{ix: ix, text: text, opt: opt, cache: make(map[int]*verified),
		failed: make(map[uint64]struct{}), st: &st}
	const lo32 = 1<<32 - 1
	nk := ix.opt.Banding.NumKeys()
	// Band buffers: entries key<<32 | unit, sorted by a stable radix sort
	// on the key, so each bucket is in unit order.
	prepare := func(b int, dst, tmp []uint64) []uint64 {
		dst = dst[:0]
		for ci, c := range ix.chunks {
			base := ci * chunkSize
			lim := min(chunkSize, n-base)
			keys := c.bands[b*chunkSize : b*chunkSize+lim]
			for i, k := range keys {
				if c.near[i] && in(base+i) {
					dst = append(dst, uint64(k)<<32|uint64(base+i))
				}
			}
		}
		radixSortHigh32(dst, tmp[:len(dst)])
		return dst
	}
	tmp := make([]uint64, n)
	var seen []int
	var tried []rootTries
	cur := prepare(0, buf, tmp)
	for b := 0; b < nk; b++ {
		if b > 0 {
			cur = prepare(b, cur, tmp)
		}
		// The anchor buckets hold every unit that starts (or ends) with
		// the same twelve characters: formulaic openings make them large,
		// and the units in them share more than chance text. The copies
		// only anchors find — a phrase or a sentence added at one end —
		// still have a Jaccard of 0.5 or more, so their candidates need a
		// higher estimate.
		floor := opt.Prefilter
		if ix.opt.Banding.Anchors && b >= ix.opt.Banding.Bands && floor > 0 {
			floor = max(floor, opt.AnchorPrefilter)
		}
		var err error
		forRuns(cur, ^uint64(lo32), func(run []uint64) {
			split(run, lo32, func(run []uint64) {
				if err != nil {
					return
				}
				// Verify each member against the members seen before it in
				// this bucket that are not yet in its cluster: up to
				// repsPerCluster of each other sub-cluster (a copy may
				// fail against one member of a cluster and match another,
				// as a paragraph with a sentence added fails against a
				// copy with a tenth of the characters deleted but matches
				// the original), for up to MaxReps sub-clusters.
				seen = seen[:0]
				for _, x := range run {
					u := int(x & lo32)
					tried = tried[:0]
				members:
					for _, m := range seen {
						rm := uf.Find(m)
						if rm == uf.Find(u) {
							continue
						}
						k := 0
						for k < len(tried) && tried[k].root != rm {
							k++
						}
						if k == len(tried) {
							if len(tried) >= opt.MaxReps {
								continue members
							}
							tried = append(tried, rootTries{root: rm})
						}
						if tried[k].n >= repsPerCluster {
							continue
						}
						tried[k].n++
						st.Candidates++
						ok, e := v.check(m, u, floor)
						if e != nil {
							err = e
							return
						}
						if ok {
							uf.Union(m, u)
						}
					}
					if len(seen) < opt.MaxReps*repsPerCluster {
						seen = append(seen, u)
					}
				}
			})
		})
		if err != nil {
			return nil, st, err
		}
	}
	return ix.collect(uf), st, nil
}

// repsPerCluster bounds how many members of one sub-cluster a unit is
// verified against in one bucket.
const repsPerCluster = 4

type rootTries struct{ root, n int }

// radixSortHigh32 sorts a by its top 32 bits, stably, using tmp (same
// length) as scratch: four byte-wide counting passes.
func radixSortHigh32(a, tmp []uint64) {
	if len(a) < 2 {
		return
	}
	src, dst := a, tmp
	for shift := uint(32); shift < 64; shift += 8 {
		var count [257]int
		for _, x := range src {
			count[(x>>shift&0xFF)+1]++
		}
		if count[(src[0]>>shift&0xFF)+1] == len(src) {
			continue // every entry has this byte
		}
		for i := 1; i < 257; i++ {
			count[i] += count[i-1]
		}
		for _, x := range src {
			k := x >> shift & 0xFF
			dst[count[k]] = x
			count[k]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}

// forRuns calls f on every run of at least two entries of the sorted buffer
// whose bits under keyMask are equal.
func forRuns(buf []uint64, keyMask uint64, f func(run []uint64)) {
	for i := 0; i < len(buf); {
		j := i + 1
		for j < len(buf) && buf[j]&keyMask == buf[i]&keyMask {
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
		e := ix.exact(s[0])
		for _, u := range s[1:] {
			if ix.exact(u) != e {
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
	key    []rune // without word breaks
	bkey   []rune // with them, for shingles (as in Sign)
	set    []uint64
	hasSet bool
	sk     Sketch
}

// shingles returns the unit's DefaultShingling set, computed on first use:
// most pairs are decided by edit similarity or containment first, and
// sorting the set is the dearest part of reading a unit.
func (s *verified) shingles() []uint64 {
	if !s.hasSet {
		s.set, s.hasSet = DefaultShingling.Set(nil, s.bkey), true
	}
	return s.set
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
	t, err := v.text(u, v.ix.ID(u))
	v.st.TextCalls++
	if err != nil {
		return nil, fmt.Errorf("dedup: text of unit %d: %w", u, err)
	}
	if len(v.cache) >= v.opt.CacheUnits {
		clear(v.cache)
	}
	k := slices.Clone(v.signer.Key(t))
	s := &verified{key: k, bkey: k, sk: NewSketch(k)}
	if len(v.signer.key) != len(k) {
		s.bkey = slices.Clone(v.signer.key)
	}
	v.cache[u] = s
	return s, nil
}

func (v *verifier) check(a, b int, floor float64) (bool, error) {
	if a > b {
		a, b = b, a
	}
	// Every test needs the shorter key to be at least half the longer
	// (Jaccard and edit similarity need more): reject on stored lengths
	// before fetching any text.
	if la, lb := v.ix.runes(a), v.ix.runes(b); 2*min(la, lb) < max(la, lb) {
		return false, nil
	}
	if floor > 0 && v.ix.bits(a).EstimateJaccard(v.ix.bits(b)) < floor {
		v.st.Prefiltered++
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
	// The tests are alternatives: the cheap ones first, the shingle sets
	// (a sort per unit) only for the pairs they leave undecided.
	ok := false
	if v.opt.EditSim > 0 && MayReachEditSim(len(sa.key), len(sb.key), &sa.sk, &sb.sk, v.opt.EditSim) {
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
		// A sentence added inside a paragraph (or dropped from it) breaks
		// the shorter key's one stretch in two: its characters are still
		// all there, in order. Scattered common characters never add up
		// to 90 % of a key two thirds as long as the other.
		if !ok && len(ks) >= 8 && 3*len(ks) >= 2*len(kl) {
			ok = float64(v.cmp.LCS(ks, kl)) >= v.opt.Containment*float64(len(ks))
		}
	}
	if !ok && v.opt.Jaccard > 0 {
		ok = Jaccard(sa.shingles(), sb.shingles()) >= v.opt.Jaccard
	}
	if ok {
		v.st.Accepted++
		return true, nil
	}
	v.failed[key] = struct{}{}
	return false, nil
}
