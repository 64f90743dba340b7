package dedup

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Unit is one sentence or paragraph of a document, in document order.
type Unit struct {
	Text string
	// Group is the enclosing paragraph (for sentences) or section (for
	// paragraphs); with FindOptions.SameGroup only units of one group are
	// compared.
	Group int
}

// Relation classifies a repeated pair.
type Relation uint8

const (
	// Exact: equal keys (the texts differ at most in width, case,
	// punctuation and spacing).
	Exact Relation = iota + 1
	// Contained: the shorter key is (almost) wholly inside the longer one,
	// e.g. the same sentence with a phrase prefixed. The longer is kept.
	Contained
	// Near: edit similarity or containment above the thresholds.
	Near
	// NumberVariant: equal once every run of digits (Arabic or Chinese
	// numerals) is folded to 0, but the numbers differ — likely a copy whose figures were (or were not)
	// updated. Never a deletion candidate.
	NumberVariant
)

func (r Relation) String() string {
	switch r {
	case Exact:
		return "exact"
	case Contained:
		return "contained"
	case Near:
		return "near"
	case NumberVariant:
		return "number-variant"
	}
	return "none"
}

// Pair is one repeated pair of units.
type Pair struct {
	A, B     int // unit indexes, A < B
	Relation Relation
	// EditSim is 1 − Levenshtein/max length of the keys; Containment is
	// InfixContainment (the shorter key as an approximate substring of the
	// longer); Jaccard is over DefaultShingling sets.
	EditSim, Containment, Jaccard float64
	// Keeper is A or B: the first, unless B is longer and contains A
	// (containment ≥ FindOptions.ContainedAt), then the more complete B.
	Keeper int
}

// RepeatGroup is a connected set of exact, contained and near repeats
// (number variants are not joined: they are different facts).
type RepeatGroup struct {
	Units  []int // ascending
	Keeper int   // first member, unless a later one contains it (see Pair.Keeper)
}

// Repeats is the result of FindRepeats.
type Repeats struct {
	Pairs  []Pair        // ordered by A, then B
	Groups []RepeatGroup // ordered by first member
}

// FindOptions tune FindRepeats. Zero fields take the defaults shown.
type FindOptions struct {
	// MinRunes: units with shorter keys are ignored (default 15). Short
	// sentences repeat legitimately (会议强调, 一是…, headings), and two
	// unrelated 10-rune sentences differ in only two or three runes far too
	// often; 15 Han characters is about the shortest sentence whose repeat is
	// worth an editor's attention.
	MinRunes int
	// EditSim: near when edit similarity ≥ this (default 0.80).
	EditSim float64
	// Containment: near when the shorter key is found inside the longer
	// one with at most (1 − Containment)·len(shorter) edits (default 0.90:
	// InfixContainment, an approximate-substring match, so characters
	// scattered over the longer unit — 的, 发展, 推进 — do not add up), the
	// shorter has ≥ ContainMinHan Han runes (default 8) or ≥ ContainMinWords
	// words (default 5), and the longer is at most twice as long.
	Containment     float64
	ContainMinHan   int
	ContainMinWords int
	// ContainedAt: the Contained relation and the keeper exception need
	// containment ≥ this (default 0.95). Contained also needs the longer key
	// to be at least two runes longer: a one-rune difference is a typo-sized
	// near copy, not an added phrase.
	ContainedAt float64
	// Jaccard: also near when the DefaultShingling Jaccard ≥ this (0 = off;
	// ParagraphOptions sets 0.70).
	Jaccard float64
	// SameGroup compares only units with equal Group.
	SameGroup bool
	// NoNumberVariants turns off the number-variant class.
	NoNumberVariants bool
	// PairwiseMax: with more distinct units than this (default 2000), or
	// more key runes in them than PairwiseMaxRunes (default 250,000, about
	// 750 KB of Chinese: long paragraphs make each pair dearer), candidates
	// come from one-permutation hashing of character bigrams in bands (see
	// oph.go) instead of all pairs.
	PairwiseMax      int
	PairwiseMaxRunes int
}

// SentenceOptions are the defaults for sentences.
func SentenceOptions() FindOptions { return FindOptions{}.withDefaults() }

// ParagraphOptions are the defaults for paragraphs: sentence thresholds
// plus character 3-gram Jaccard ≥ 0.70.
func ParagraphOptions() FindOptions {
	o := FindOptions{Jaccard: 0.70}
	return o.withDefaults()
}

func (o FindOptions) withDefaults() FindOptions {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	defi := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defi(&o.MinRunes, 15)
	def(&o.EditSim, 0.80)
	def(&o.Containment, 0.90)
	defi(&o.ContainMinHan, 8)
	defi(&o.ContainMinWords, 5)
	def(&o.ContainedAt, 0.95)
	defi(&o.PairwiseMax, 2000)
	defi(&o.PairwiseMaxRunes, 250_000)
	return o
}

// docUnit is the per-unit state of one FindRepeats call.
type docUnit struct {
	k0, k1 int32  // key = keys[k0:k1]; k0 < 0 until built
	hash   uint64 // of the key (with the group when SameGroup)
	rep    int32  // first unit with the same key (itself for representatives), -1 when too short
}

// repUnit is the state of a representative (the first unit with its key;
// unit is -1 for a unit found to be an exact copy after its scan) that
// candidate checks read: kept apart from docUnit and packed, because
// on large documents the checks visit representatives in random order.
type repUnit struct {
	unit  int32
	n     int32  // key length
	han   int32  // Han runes in the key
	words int32  // words (see countWords), -1 until counted
	skn   int32  // bits set in the sketch
	big   int32  // index into finder.big (a 2048-bit sketch) or -1
	bign  int32  // bits set in the big sketch
	fold  uint64 // hash of the digit-run-folded key (with the group when SameGroup)
	// ent and sent are the LSH entry and short entry, or -1.
	ent, sent int32
}

// bigSketchRunes: units at least this long also get a 2048-bit sketch, so
// that the prefilter still rejects unrelated paragraphs.
const bigSketchRunes = 128

type bigSketch [32]uint64

func bigCommon(a, b *bigSketch) int {
	n := 0
	for i := range a {
		n += popcount(a[i] & b[i])
	}
	return n
}

type finder struct {
	opt   FindOptions
	units []Unit
	sc    *scratch
	keys  []rune
	du    []docUnit
	rs    []repUnit // representatives in document order
	sks   []Sketch  // bigram sketch per representative
	// The first test of a candidate pair reads only pre, 24 bytes per
	// representative, which stay in cache where rs and sks do not.
	pre []preUnit
	// lens[e] is the key length of representative e, doubled, plus one
	// when it has enough Han runes for a containment match.
	lens []uint32
	big  []bigSketch
	cmp  Comparer
	anc  *anchorState
	// touched keeps the loads of anchors' look-ahead alive.
	touched uint32
	pairs   []Pair
	uf      *UnionFind
	sets    map[int][]uint64
	// minRatio is the smallest length ratio any test accepts; slack is
	// 2·(1 − the lowest threshold of any test).
	minRatio, slack float64
	// memoised maxEdits per length, for EditSim and Containment
	editK, contK []int16
}

// key returns the key of unit i, built on first use: most units are only
// ever scanned (see scanText).
func (f *finder) key(i int) []rune {
	d := &f.du[i]
	if d.k0 < 0 {
		d.k0 = int32(len(f.keys))
		f.keys = appendKeyPlain(f.keys, f.units[i].Text)
		d.k1 = int32(len(f.keys))
	}
	return f.keys[d.k0:d.k1]
}

// FindRepeats finds repeated units of one document: exact copies, near
// copies, contained copies and number variants. Exact copies are paired with
// their first occurrence; the other relations are found between first
// occurrences of distinct keys. Up to PairwiseMax distinct units (and
// PairwiseMaxRunes of their text) every pair within the length-ratio window
// is checked (after the bigram-sketch prefilter); beyond, candidates come
// from one-permutation hashing and banding restricted to the document (see
// oph.go). Every reported pair is verified on the keys.
func FindRepeats(units []Unit, opt FindOptions) Repeats {
	sc := scratchPool.Get().(*scratch)
	f := newFinder(units, opt, sc)
	r := f.run()
	sc.keys = f.keys[:0]
	scratchPool.Put(sc)
	return r
}

func newFinder(units []Unit, opt FindOptions, sc *scratch) *finder {
	f := &finder{opt: opt.withDefaults(), units: units, sc: sc}
	f.minRatio = min(f.opt.EditSim, 0.5)
	lowest := min(f.opt.EditSim, f.opt.Containment)
	if f.opt.Jaccard > 0 {
		f.minRatio = min(f.minRatio, f.opt.Jaccard)
		lowest = min(lowest, f.opt.Jaccard)
	}
	f.slack = 2 * (1 - lowest)
	return f
}

// preUnit is what the first test of a candidate pair reads: 16 bytes,
// never across two cache lines, with the key length in f.lens.
type preUnit struct {
	mini [2]uint64 // 128-bit bigram sketch
}

func (f *finder) run() Repeats {
	opt := f.opt
	sc := f.sc
	n := len(f.units)
	f.du = resize(sc.du, n)
	sc.du = f.du
	f.keys = sc.keys[:0]
	total := 0
	for _, u := range f.units {
		total += len(u.Text)
	}
	// Whether the LSH is needed is known only once the representatives
	// are counted; the units and bytes bound their number and runes, so
	// below both limits the one-permutation sketches are not built.
	maybeLSH := n > opt.PairwiseMax || total > opt.PairwiseMaxRunes
	var l *lshState
	var anc *anchorState
	if maybeLSH {
		if useOPH {
			l = newLSH(sc, n)
		} else {
			anc = &sc.anchors
			anc.keys = anc.keys[:0]
		}
	}
	f.anc = anc
	f.rs, f.sks, f.pre, f.lens = sc.rs[:0], sc.sks[:0], sc.pre[:0], sc.lens[:0]
	f.uf = NewUnionFind(n)
	us := &sc.scan
	// Every unit long enough is scanned as if it were a representative;
	// exact copies are found afterwards, in one loop over the hashes
	// whose table lookups do not wait on each other.
	for i, u := range f.units {
		d := &f.du[i]
		d.k0, d.k1, d.rep = -1, -1, -1
		// A key has at most one rune per byte of the text, but for rare
		// decompositions.
		if len(u.Text) < opt.MinRunes && !hasMultiByte(u.Text) {
			continue
		}
		if useOPH {
			us.scanText(u.Text, l != nil)
		} else {
			us.scanKey(u.Text)
		}
		if us.n < opt.MinRunes || us.n == 0 {
			continue
		}
		if !useOPH {
			// The key is at hand: kept, a copy is cheaper than building it
			// again for a candidate.
			d.k0 = int32(len(f.keys))
			f.keys = append(f.keys, us.kb[:us.n]...)
			d.k1 = int32(len(f.keys))
		}
		seed := f.groupSeed(i)
		d.hash = us.hash ^ seed
		d.rep = int32(i)
		f.addRep(i, us, seed, l)
	}
	sc.rs, sc.sks, sc.pre, sc.lens = f.rs, f.sks, f.pre, f.lens
	exact := &sc.exact
	exact.reset(len(f.rs), func(u int32) uint64 { return f.du[u].hash })
	reps, repRunes := 0, 0
	for e := range f.rs {
		r := &f.rs[e]
		i := int(r.unit)
		d := &f.du[i]
		if j, ok := exact.get(d.hash); ok && f.sameKey(int(j), i) {
			d.rep = j
			f.uf.Union(int(j), i)
			f.pairs = append(f.pairs, Pair{A: int(j), B: i, Relation: Exact,
				EditSim: 1, Containment: 1, Jaccard: 1, Keeper: int(j)})
			f.drop(e, l)
			continue
		}
		exact.put(d.hash, int32(i))
		reps++
		repRunes += int(r.n)
	}
	if reps <= opt.PairwiseMax && repRunes <= opt.PairwiseMaxRunes {
		l, anc = nil, nil
	}
	f.numberVariants()
	switch {
	case anc != nil:
		f.anchors(anc)
	case l != nil:
		f.lsh(l)
	default:
		f.pairwise()
	}
	slices.SortFunc(f.pairs, func(a, b Pair) int {
		return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
	})
	var groups []RepeatGroup
	for _, s := range f.uf.Sets(2) {
		groups = append(groups, RepeatGroup{Units: s, Keeper: f.groupKeeper(s)})
	}
	return Repeats{Pairs: f.pairs, Groups: groups}
}

// hasMultiByte reports whether s has a byte outside ASCII: only then can
// its key be longer than s.
func hasMultiByte(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// sameKey reports whether units a and b have the same key: the same text,
// or else equal keys built for the purpose.
func (f *finder) sameKey(a, b int) bool {
	return f.units[a].Text == f.units[b].Text || slices.Equal(f.key(a), f.key(b))
}

// groupSeed keeps the hashes of units of different groups apart under
// SameGroup.
func (f *finder) groupSeed(i int) uint64 {
	if !f.opt.SameGroup {
		return 0
	}
	return splitmix64(uint64(f.units[i].Group))
}

// drop marks the scanned unit e as an exact copy: not a representative,
// and out of the LSH.
func (f *finder) drop(e int, l *lshState) {
	r := &f.rs[e]
	r.unit = -1
	if l != nil {
		if r.ent >= 0 {
			l.entries[r.ent] = -1
		}
		if r.sent >= 0 {
			l.short[r.sent] = -1
		}
	}
}

// addRep records the representative unit i from its scan: the prefilter
// data, the sketches, the folded hash and, for the LSH (l != nil), its
// band keys.
func (f *finder) addRep(i int, us *unitScan, seed uint64, l *lshState) {
	e := int32(len(f.rs))
	n, han := us.n, int32(us.han)
	r := repUnit{unit: int32(i), n: int32(n), han: han, words: -1, big: -1,
		skn: int32(us.sk.Count()), ent: -1, sent: -1}
	if !f.opt.NoNumberVariants {
		r.fold = us.fold ^ seed
	}
	if n >= bigSketchRunes {
		r.big = int32(len(f.big))
		f.big = append(f.big, bigSketch{})
		b := &f.big[r.big]
		if useOPH {
			for _, h := range us.hs[1:n] {
				b[h>>6&31] |= 1 << (h & 63)
			}
		} else {
			kb := us.kb[:n]
			for j := 1; j < len(kb); j++ {
				h := bigramBits(kb[j-1], kb[j])
				b[h>>59] |= 1 << (h >> 53 & 63)
			}
		}
		for _, w := range b {
			r.bign += int32(popcount(w))
		}
	}
	f.sks = append(f.sks, us.sk)
	f.pre = append(f.pre, preUnit{mini: us.mini})
	ok := uint32(0)
	if int(han) >= f.opt.ContainMinHan {
		ok = 1
	}
	f.lens = append(f.lens, uint32(n)<<1|ok)
	if f.anc != nil {
		f.rs = append(f.rs, r)
		f.anc.winnow(us.fps, n, e)
		return
	}
	if l == nil || !lshEligible(us.kb[:n], han) {
		f.rs = append(f.rs, r)
		return
	}
	hs := us.hs[1:n]
	r.ent = int32(len(l.entries))
	if n <= ophShortRunes {
		r.sent = int32(len(l.short))
	}
	f.rs = append(f.rs, r)
	l.add(e, &us.bins, us.mask)
	if n <= ophShortRunes {
		// The second sketch, from independently rehashed bigrams.
		for j := range hs {
			hs[j] = rehashShort(hs[j])
		}
		bins := emptyBins
		var mask uint64
		if int(han) == n {
			mask = ophAddAll(&bins, hs)
		} else {
			mask = ophSketch(us.kb[:n], us.hs[:n], &bins)
		}
		l.addShort(e, &bins, mask)
	}
}

// lshEligible is lshShingling.Eligible for a plain key (no spaces) with
// han Han runes: long enough for two shingles.
func lshEligible(key []rune, han int32) bool {
	if han > 0 {
		return len(key) >= 4
	}
	return lshShingling.Eligible(key)
}

// numberVariants pairs each representative with the first one whose
// number-folded key is the same.
func (f *finder) numberVariants() {
	if f.opt.NoNumberVariants {
		return
	}
	folds := &f.sc.folds
	folds.reset(len(f.rs), func(e int32) uint64 { return f.rs[e].fold })
	for e := range f.rs {
		r := &f.rs[e]
		if r.unit < 0 {
			continue
		}
		if j, ok := folds.get(r.fold); ok {
			f.pairs = append(f.pairs, f.scored(int(f.rs[j].unit), int(r.unit), NumberVariant))
		} else {
			folds.put(r.fold, int32(e))
		}
	}
}

// pairwise checks every pair of representatives whose lengths allow a
// match: sorted by key length, unit j can only match a shorter unit i when
// len(i) ≥ len(j)/2 (containment) or ≥ EditSim·len(j).
func (f *finder) pairwise() {
	byLen := make([]int32, 0, len(f.rs))
	for e, r := range f.rs {
		if r.unit >= 0 {
			byLen = append(byLen, int32(e))
		}
	}
	slices.SortStableFunc(byLen, func(a, b int32) int {
		return cmp.Compare(f.rs[a].n, f.rs[b].n)
	})
	ratio := min(f.opt.EditSim, 0.5)
	// The first test of a pair, in a tight loop over the representatives
	// in length order: bits of one 512-bit bigram sketch missing from the
	// other. Every edit clears at most two, so no test passes with more
	// than slack·(longer length)+1 missing on the shorter side (the bound
	// prefilter applies to the 128-bit fold, which long keys saturate:
	// there, most unrelated pairs of 70-rune sentences pass it). Both
	// sides are tried, so equal lengths need no care.
	type sorted struct {
		mini           [2]uint64
		sk             *Sketch
		bits, mbits, n int32
		e              int32
	}
	ss := make([]sorted, len(byLen))
	for k, e := range byLen {
		m := f.pre[e].mini
		ss[k] = sorted{mini: m, sk: &f.sks[e], bits: f.rs[e].skn,
			mbits: int32(popcount(m[0]) + popcount(m[1])), n: f.rs[e].n, e: e}
	}
	whole := f.opt.EditSim
	if f.opt.Jaccard > 0 {
		whole = min(whole, f.opt.Jaccard)
	}
	contSlack := 2 * (1 - f.opt.Containment)
	lo := 0
	for jj, j := range byLen {
		lj := float64(f.rs[j].n)
		for float64(f.rs[byLen[lo]].n) < ratio*lj {
			lo++
		}
		limit := int32(f.slack*lj + 1)
		// Below the lowest ratio of the edit and Jaccard tests only
		// containment is left, which bounds the shorter side (i) by
		// 2·(1−Containment)·len(i) missing bits (see limits).
		short := float64(f.rs[byLen[lo]].n) < whole*lj
		sj, bj := ss[jj].sk, ss[jj].bits
		mj, mbj := ss[jj].mini, ss[jj].mbits
		for _, si := range ss[lo:jj] {
			// The 128-bit fold first: two words, and short keys barely
			// fill it; the full sketch for what it lets through.
			cm := int32(popcount(si.mini[0]&mj[0]) + popcount(si.mini[1]&mj[1]))
			cont := short && float64(si.n) < whole*lj
			if cont {
				lim := int32(contSlack*float64(si.n)) + 1
				if si.mbits-cm > lim || si.bits-int32(si.sk.Common(sj)) > lim {
					continue
				}
			} else if si.mbits-cm > limit && mbj-cm > limit {
				continue
			} else if c := int32(si.sk.Common(sj)); si.bits-c > limit && bj-c > limit {
				continue
			}
			i := si.e
			f.check(int(min(i, j)), int(max(i, j)))
		}
	}
}

// lshShingling uses one n for every length: with 2-grams under 20 runes
// and 3-grams above, a sentence and its copy on the other side of the
// boundary would share no shingle at all.
var lshShingling = Shingling{Han: 2, HanShort: 2, ShortUnder: 1, Latin: 3}

// lshState collects the band keys of the representatives (see oph.go);
// short ones also have their extra bands in short.
type lshState struct {
	entries []int32  // entry → representative
	stride  int      // capacity: entries per band
	keys    []uint32 // band-major: keys[b*stride+entry]
	short   []int32  // short entry → representative
	skeys   []uint32 // band-major, stride as keys
	bk      [ophBands]uint32
}

func newLSH(sc *scratch, n int) *lshState {
	sc.bandKeys = resize(sc.bandKeys, ophBands*n)
	sc.shortKeys = resize(sc.shortKeys, ophShortBands*n)
	return &lshState{entries: sc.entries[:0], stride: n, keys: sc.bandKeys,
		short: sc.shortEntries[:0], skeys: sc.shortKeys}
}

// addShort records the extra band keys of a short representative from its
// second sketch.
func (l *lshState) addShort(e int32, bins *[ophBins]uint32, mask uint64) {
	ophBandKeys(bins, mask, &l.bk)
	i := len(l.short)
	for b, k := range l.bk[:ophShortBands] {
		l.skeys[b*l.stride+i] = k
	}
	l.short = append(l.short, e)
}

// add records the band keys of representative e from its sketch.
func (l *lshState) add(e int32, bins *[ophBins]uint32, mask uint64) {
	ophBandKeys(bins, mask, &l.bk)
	i := len(l.entries)
	for b, k := range l.bk {
		l.keys[b*l.stride+i] = k
	}
	l.entries = append(l.entries, e)
}

// lsh joins the bands (see ophJoin); the candidate pairs of all bands are
// then sorted, de-duplicated and checked in order.
func (f *finder) lsh(l *lshState) {
	sc := f.sc
	sc.entries, sc.shortEntries = l.entries, l.short
	// Most candidates fail the first, cheap test: applied as the join
	// finds them, it leaves few to sort.
	keep := func(a, b int32) bool {
		_, ok := f.prefilter(int(a), int(b))
		return ok
	}
	cand := ophJoin(l.keys, l.stride, ophBands, l.entries, &sc.join, sc.cand[:0], keep)
	cand = ophJoin(l.skeys, l.stride, ophShortBands, l.short, &sc.join, cand, keep)
	cand, sc.radix = radixSortUnique(cand, sc.radix)
	sc.cand = cand
	for _, c := range cand {
		f.check(int(c>>32), int(uint32(c)))
	}
}

// useOPH selects the one-permutation LSH (oph.go) instead of the anchors
// for large documents: kept for comparison in tests.
var useOPH = false

// anchorStatsHook, when set, receives the statistics of each join.
var anchorStatsHook func(anchorStats)

// anchors joins the representatives on their anchors (see anchor.go); the
// candidate pairs are sorted, de-duplicated and checked in order, which
// reads the representatives' data in one sweep rather than at random.
func (f *finder) anchors(a *anchorState) {
	sc := f.sc
	cand := a.join(f.rs, f.lens, f.minRatio, sc.cand[:0])
	if anchorStatsHook != nil {
		anchorStatsHook(a.stats)
	}
	cand, sc.radix = radixSortUnique(cand, sc.radix)
	sc.cand = cand
	// The later unit of a pair is anywhere in the document: its prefilter
	// data is touched a few pairs ahead, so that the load is under way
	// when the pair is checked.
	const ahead = 8
	var touch uint32
	for i, c := range cand {
		if i+ahead < len(cand) {
			touch += uint32(f.pre[uint32(cand[i+ahead])].mini[0])
		}
		f.check(int(c>>32), int(uint32(c)))
	}
	f.touched = touch
}

// check classifies the representatives ea < eb and records a pair.
func (f *finder) check(ea, eb int) {
	opt := &f.opt
	lim, ok := f.prefilter(ea, eb)
	if !ok {
		return
	}
	ra, rb := &f.rs[ea], &f.rs[eb]
	if !opt.NoNumberVariants && ra.fold == rb.fold {
		return // reported as a number variant
	}
	a, b := int(ra.unit), int(rb.unit)
	if opt.SameGroup && f.units[a].Group != f.units[b].Group {
		return
	}
	if rel, ok := f.classify(ea, eb, &lim); ok {
		f.uf.Union(a, b)
		f.pairs = append(f.pairs, f.scored(a, b, rel))
	}
}

// prefilter is the first test of a pair: the bounds from the lengths and
// the 128-bit sketches against them.
func (f *finder) prefilter(ea, eb int) (bounds, bool) {
	ma, mb := &f.pre[ea].mini, &f.pre[eb].mini
	c := popcount(ma[0]&mb[0]) + popcount(ma[1]&mb[1])
	xa, xb := popcount(ma[0])+popcount(ma[1])-c, popcount(mb[0])+popcount(mb[1])-c
	// No test allows the shorter key more than 2·(1−t)·(longer length)
	// missing bits for its lowest threshold t (one more for rounding):
	// most pairs fail that before the bounds are worked out.
	na, nb := f.lens[ea]>>1, f.lens[eb]>>1
	xs, ll := xa, max(na, nb)
	if nb < na {
		xs = xb
	}
	if float64(xs) > f.slack*float64(ll)+1 {
		return bounds{}, false
	}
	lim, ok := f.limits(ea, eb)
	return lim, ok && xa <= lim.a && xb <= lim.b
}

// bounds are the tests a pair of representatives can pass and, for each
// side, how many bits of its bigram sketch may be missing from the
// other's: every edit clears at most two, so each test has a sound bound.
type bounds struct {
	edit, cont, jacA, jacB int // −1: test not applicable
	a, b                   int
}

// limits works out the bounds from the key lengths; false when no test
// applies.
func (f *finder) limits(ea, eb int) (bounds, bool) {
	opt := &f.opt
	const off = -1
	la, lb := int(f.lens[ea]>>1), int(f.lens[eb]>>1)
	ls, ll := min(la, lb), max(la, lb)
	// Quick exit for lengths no test accepts, without dividing.
	if float64(ls) < f.minRatio*float64(ll) {
		return bounds{}, false
	}
	ratio := LengthRatio(la, lb)
	aShort := la <= lb
	x := bounds{edit: off, cont: off, jacA: off, jacB: off}
	if ratio >= opt.EditSim {
		x.edit = 2 * f.maxEdits(&f.editK, max(la, lb), opt.EditSim)
	}
	if 2*ls >= max(la, lb) {
		es := ea
		if !aShort {
			es = eb
		}
		if f.lens[es]&1 != 0 || f.containable(&f.rs[es]) {
			x.cont = 2 * f.maxEdits(&f.contK, ls, opt.Containment)
		}
	}
	if t := opt.Jaccard; t > 0 && ratio >= t {
		x.jacA, x.jacB = int(2*(1-t)*float64(la)), int(2*(1-t)*float64(lb))
	}
	x.a, x.b = max(x.edit, x.jacA), max(x.edit, x.jacB)
	if x.cont != off {
		// Containment bounds only the shorter side.
		if aShort {
			x.a, x.b = max(x.a, x.cont), 1<<30
		} else {
			x.a, x.b = 1<<30, max(x.b, x.cont)
		}
	}
	return x, x.a >= 0 && x.b >= 0
}

func (f *finder) classify(ea, eb int, lim *bounds) (Relation, bool) {
	opt := &f.opt
	const off = -1
	ra, rb := &f.rs[ea], &f.rs[eb]
	la, lb := int(ra.n), int(rb.n)
	aShort := la <= lb
	c := f.sks[ea].Common(&f.sks[eb])
	xa, xb := int(ra.skn)-c, int(rb.skn)-c
	if xa > lim.a || xb > lim.b {
		return 0, false
	}
	if ra.big >= 0 && rb.big >= 0 {
		c = bigCommon(&f.big[ra.big], &f.big[rb.big])
		xa, xb = int(ra.bign)-c, int(rb.bign)-c
		if xa > lim.a || xb > lim.b {
			return 0, false
		}
	}
	a, b := int(ra.unit), int(rb.unit)
	ka, kb := f.key(a), f.key(b)
	if lim.edit != off && xa <= lim.edit && xb <= lim.edit {
		if _, ok := f.cmp.EditSimilarityAtLeast(ka, kb, opt.EditSim); ok {
			if la-lb >= 2 || lb-la >= 2 {
				if _, ok := f.cmp.InfixContainmentAtLeast(ka, kb, opt.ContainedAt); ok {
					return Contained, true
				}
			}
			return Near, true
		}
	}
	// Containment: the shorter unit found, up to a few edits, as one stretch
	// of a longer one at most twice its length. A stretch within k edits of
	// the shorter key shares all but 2k of its bigram bits.
	ks, kl, xs := ka, kb, xa
	if !aShort {
		ks, kl, xs = kb, ka, xb
	}
	if lim.cont != off && xs <= lim.cont {
		if c, ok := f.cmp.InfixContainmentAtLeast(ks, kl, opt.Containment); ok {
			if len(ks)+2 <= len(kl) && c >= opt.ContainedAt {
				return Contained, true
			}
			return Near, true
		}
	}
	// Jaccard ≥ t of 3-gram sets allows at most (1−t)·|A| trigrams of A
	// outside B, which clear at most twice as many bigram bits.
	if lim.jacA != off && xa <= lim.jacA && xb <= lim.jacB {
		if Jaccard(f.shingles(a), f.shingles(b)) >= opt.Jaccard {
			return Near, true
		}
	}
	return 0, false
}

// maxEdits memoises maxEdits(n, t) per length for one threshold.
func (f *finder) maxEdits(memo *[]int16, n int, t float64) int {
	m := *memo
	if n >= len(m) {
		m = append(m, make([]int16, n+1-len(m))...)
		*memo = m
	}
	if m[n] == 0 {
		m[n] = int16(maxEdits(n, t) + 1)
	}
	return int(m[n] - 1)
}

// containable: the shorter unit is long enough for a containment match.
func (f *finder) containable(r *repUnit) bool {
	if int(r.han) >= f.opt.ContainMinHan {
		return true
	}
	if r.words < 0 {
		r.words = int32(countWords(f.units[r.unit].Text))
	}
	return int(r.words) >= f.opt.ContainMinWords
}

// countWords counts maximal runs of non-Han letters and digits.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := r < 0x80 && asciiKey[r] != 0 || r >= 0x80 && !IsHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// shingles returns the DefaultShingling set of unit i, built once.
func (f *finder) shingles(i int) []uint64 {
	if f.sets == nil {
		f.sets = make(map[int][]uint64)
	}
	i = int(f.du[i].rep)
	if s, ok := f.sets[i]; ok {
		return s
	}
	s := ShingleSet(f.key(i))
	f.sets[i] = s
	return s
}

// scored builds the reported pair with all three scores and the keeper.
func (f *finder) scored(a, b int, rel Relation) Pair {
	ka, kb := f.key(a), f.key(b)
	p := Pair{A: a, B: b, Relation: rel, Keeper: a,
		EditSim:     f.cmp.EditSimilarity(ka, kb),
		Containment: f.cmp.InfixContainment(ka, kb),
		Jaccard:     Jaccard(f.shingles(a), f.shingles(b)),
	}
	if len(kb) > len(ka) && p.Containment >= f.opt.ContainedAt {
		p.Keeper = b
	}
	return p
}

// groupKeeper walks the members in order and moves the keeper to a later,
// longer member that contains the current keeper.
func (f *finder) groupKeeper(s []int) int {
	k := s[0]
	for _, m := range s[1:] {
		km, kk := f.key(m), f.key(k)
		if len(km) > len(kk) && f.cmp.InfixContainment(kk, km) >= f.opt.ContainedAt {
			k = m
		}
	}
	return k
}

// radixSortUnique sorts pair codes (two 32-bit unit positions) with an LSD
// radix sort on 16-bit digits — several times faster than a comparison
// sort on the millions of candidates of a 10 MB document — and drops
// duplicates.
func radixSortUnique(a, tmp []uint64) (sorted, buf []uint64) {
	a, tmp = radixSort(a, tmp)
	return slices.Compact(a), tmp
}

// radixSort sorts a (see radixSortUnique).
func radixSort(a, tmp []uint64) (sorted, buf []uint64) {
	if len(a) < 256 {
		slices.Sort(a)
		return a, tmp
	}
	var top uint64
	for _, x := range a {
		top |= x
	}
	tmp = resize(tmp, len(a))
	var count [1 << 16]int
	for shift := uint(0); shift < 64 && top>>shift != 0; shift += 16 {
		clear(count[:])
		for _, x := range a {
			count[x>>shift&0xFFFF]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, x := range a {
			d := x >> shift & 0xFFFF
			tmp[count[d]] = x
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a, tmp
}

// firstTable maps a 64-bit hash to the first unit that had it: open
// addressing over 8-byte slots (the top 32 bits of the hash and the unit),
// cheaper than a Go map for the tens of thousands of sentences of a large
// document, and half the memory of storing whole hashes. A slot whose hash
// bits match is confirmed against the whole hash in hashes.
type firstTable struct {
	slots  []uint64 // hash>>32<<32 | unit+1; 0 = empty
	hashes func(unit int32) uint64
	mask   uint64
}

// reset empties the table and sizes it for n entries.
func (t *firstTable) reset(n int, hashes func(unit int32) uint64) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	t.slots = resize(t.slots, size)
	clear(t.slots)
	t.mask = uint64(size - 1)
	t.hashes = hashes
}

// slot finds h's slot, or the empty slot where it would go.
func (t *firstTable) slot(h uint64) *uint64 {
	s := (h * 0x9E3779B97F4A7C15) >> 17 & t.mask
	for {
		x := t.slots[s]
		if x == 0 || x>>32 == h>>32 && t.hashes(int32(uint32(x))-1) == h {
			return &t.slots[s]
		}
		s = (s + 1) & t.mask
	}
}

func (t *firstTable) get(h uint64) (int32, bool) {
	x := *t.slot(h)
	return int32(uint32(x)) - 1, x != 0
}

func (t *firstTable) put(h uint64, v int32) {
	*t.slot(h) = h>>32<<32 | uint64(uint32(v+1))
}
