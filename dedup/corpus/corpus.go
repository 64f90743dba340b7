// Package corpus finds duplicate paragraphs, or whole documents, across
// the files of a run: the engine behind `draftlint dedup` and the
// duplicate-across-files rule of `draftlint check`.
//
// Files go in as lint documents, one at a time. Prepare (safe on several
// goroutines) cuts a document into units, signs them and moves their text
// to a dedup.TextStore; Add then files them in input order, which fixes the
// unit numbers and so the output. What stays in memory per unit is the
// dedup.Index signature and 28 bytes of position, about 165 bytes in all;
// documents are not kept. Clusters verifies candidates on the stored text,
// and Group turns a cluster into a report: a keeper and, for every other
// member, its place, its similarity to the keeper and a character diff.
package corpus

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
	"github.com/zeebo/xxh3"
)

// Mode says what a unit is.
type Mode uint8

// Modes.
const (
	Paragraphs Mode = iota // prose blocks: paragraphs, list items, quotes, notes
	Documents              // whole files
)

// Keep chooses the member of a cluster to keep.
type Keep uint8

// Keeper rules.
const (
	// KeepFirst keeps the first copy in input order (files as given, then
	// position), unless a later, longer copy contains it (infix
	// containment ≥ 0.95): then the more complete text is kept.
	KeepFirst Keep = iota
	// KeepPathOrder is KeepFirst with the copies ordered by path (then
	// position) rather than by input order.
	KeepPathOrder
	// KeepLongest keeps the copy with the longest matching key (the first
	// of equals).
	KeepLongest
)

// ParseKeep reads first, longest or path-order.
func ParseKeep(s string) (Keep, error) {
	switch s {
	case "first":
		return KeepFirst, nil
	case "longest":
		return KeepLongest, nil
	case "path-order":
		return KeepPathOrder, nil
	}
	return 0, fmt.Errorf("unknown keeper rule %q (want first, longest or path-order)", s)
}

// Options configure a Corpus; zero fields take the defaults.
type Options struct {
	Mode Mode
	// MinChars: units with fewer key characters (letters, digits and Han
	// characters; punctuation and spaces do not count) are left out
	// (default 20).
	MinChars int
	// Threshold is the Jaccard of character n-gram sets (CJK 3-grams,
	// Latin 5-grams) at which two units are near copies (default 0.70).
	// Copies with scattered edits also count at edit similarity ≥
	// Threshold+0.1 (the second test of Lee et al.), and a unit whose text
	// lies, but for 1−max(0.9, Threshold), inside the other's (a phrase or
	// sentence added). At 1 only copies with equal keys count.
	Threshold float64
	// MemText is how many bytes of unit text stay in memory before the
	// rest goes to a temporary file (default 16 MiB); TempDir is where
	// ("" = the system's).
	MemText int
	TempDir string
}

// Corpus is the set of units of a run.
type Corpus struct {
	opt     Options
	ix      *dedup.Index
	store   *dedup.TextStore
	signers sync.Pool
	meta    chunked[unitMeta]
	refs    chunked[dedup.TextRef]
	files   []File
}

// unitMeta is what a unit keeps besides its signature and text: enough to
// name its place.
type unitMeta struct {
	file, start, end, line, col uint32
}

// File is one file of the corpus.
type File struct {
	Path   string
	Format lint.Format
	// Hash is the xxh3 of the document's decoded text, to make sure a
	// fix applies to the text that was read.
	Hash  uint64
	First int // its first unit
	Units int // how many
}

// New returns an empty corpus.
func New(opt Options) *Corpus {
	if opt.MinChars <= 0 {
		opt.MinChars = 20
	}
	if opt.Threshold <= 0 {
		opt.Threshold = 0.70
	}
	c := &Corpus{opt: opt, ix: dedup.NewIndex(), store: &dedup.TextStore{MemLimit: opt.MemText, Dir: opt.TempDir}}
	c.signers.New = func() any { return c.ix.Signer() }
	return c
}

// Options returns the options in force.
func (c *Corpus) Options() Options { return c.opt }

// Unit is one paragraph (or document) of a file.
type Unit struct {
	Block int       // index in Document.Blocks; -1 for a whole document
	Span  lint.Span // source bytes
	Text  string    // the prose a reader sees (Block.Text)
}

// Units cuts doc into units: its prose blocks other than headings and
// table cells, or, in Documents mode, the whole document (the text of all
// its blocks, blank-line separated).
func Units(doc *lint.Document, mode Mode) []Unit {
	if mode == Documents {
		var b strings.Builder
		for _, bl := range doc.Blocks {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(bl.Text())
		}
		return []Unit{{Block: -1, Span: lint.Span{Start: 0, End: len(doc.Src)}, Text: b.String()}}
	}
	var out []Unit
	for _, bl := range doc.Blocks {
		switch bl.Kind {
		case lint.Heading, lint.TableCell:
			continue
		}
		out = append(out, Unit{Block: bl.Index, Span: bl.Span, Text: bl.Text()})
	}
	return out
}

// Prepared is one file's units, signed, their text stored.
type Prepared struct {
	Path   string
	Format lint.Format
	Hash   uint64
	Units  []PreparedUnit
}

// PreparedUnit is a unit kept for the corpus.
type PreparedUnit struct {
	Block int
	Span  lint.Span
	Start lint.Position
	Ref   dedup.TextRef
	Sig   dedup.UnitSig
}

// Prepare cuts doc into units, keeps those with at least MinChars key
// characters, signs them and stores their text. It is safe to call from
// several goroutines; the document is not kept.
func (c *Corpus) Prepare(doc *lint.Document) (*Prepared, error) {
	return c.PrepareMin(doc, c.opt.MinChars)
}

// PrepareMin is Prepare with another minimum of key characters (a rule's
// options may differ by file).
func (c *Corpus) PrepareMin(doc *lint.Document, minChars int) (*Prepared, error) {
	if int64(len(doc.Src)) >= 1<<32 {
		return nil, errors.New("file too large for the corpus index (4 GiB)")
	}
	s := c.signers.Get().(*dedup.Signer)
	defer c.signers.Put(s)
	nk := c.ix.Options().Banding.NumKeys()
	p := &Prepared{Path: doc.Path, Format: doc.Format, Hash: xxh3.Hash(doc.Src)}
	units := Units(doc, c.opt.Mode)
	var back []uint64
	for _, u := range units {
		sig := s.Sign(u.Text)
		if int(sig.Runes) < minChars {
			continue
		}
		if sig.Bands != nil {
			if len(back) < nk {
				back = make([]uint64, nk*max(16, len(units)))
			}
			dst := back[:nk:nk]
			copy(dst, sig.Bands)
			sig.Bands, back = dst, back[nk:]
		}
		ref, err := c.store.Append(u.Text)
		if err != nil {
			return nil, err
		}
		p.Units = append(p.Units, PreparedUnit{Block: u.Block, Span: u.Span, Start: doc.Pos(u.Span.Start), Ref: ref, Sig: sig})
	}
	return p, nil
}

// Add files a prepared file as the next file of the corpus and returns its
// number. Files must be added in input order: unit numbers, and so every
// report, follow it.
func (c *Corpus) Add(p *Prepared) int {
	f := len(c.files)
	c.files = append(c.files, File{Path: p.Path, Format: p.Format, Hash: p.Hash, First: c.ix.Len(), Units: len(p.Units)})
	for _, u := range p.Units {
		id := uint64(c.ix.Len())
		c.ix.AddSig(id, u.Sig)
		c.meta.append(unitMeta{file: uint32(f), start: uint32(u.Span.Start), end: uint32(u.Span.End),
			line: uint32(u.Start.Line), col: uint32(u.Start.Column)})
		c.refs.append(u.Ref)
	}
	return f
}

// Len is the number of units.
func (c *Corpus) Len() int { return c.ix.Len() }

// Files lists the files added.
func (c *Corpus) Files() []File { return c.files }

// Index is the signature index (for the band-key table).
func (c *Corpus) Index() *dedup.Index { return c.ix }

// TextBytes is the size of the stored texts.
func (c *Corpus) TextBytes() int64 { return c.store.Size() }

// Place is where a unit is.
type Place struct {
	File  int
	Path  string
	Span  lint.Span
	Start lint.Position
}

// Place returns where unit u is.
func (c *Corpus) Place(u int) Place {
	m := c.meta.at(u)
	f := &c.files[m.file]
	p := Place{File: int(m.file), Path: f.Path, Span: lint.Span{Start: int(m.start), End: int(m.end)},
		Start: lint.Position{Line: int(m.line), Column: int(m.col), Offset: int(m.start)}}
	if f.Format == lint.FormatDocx {
		p.Start.Paragraph = p.Start.Line
	}
	return p
}

// Stash stores a text in the corpus's spill store (e.g. the source line
// of a unit, for a report); Stashed reads it back.
func (c *Corpus) Stash(s string) (dedup.TextRef, error) { return c.store.Append(s) }

// Stashed returns a text stored by Stash.
func (c *Corpus) Stashed(ref dedup.TextRef) (string, error) { return c.store.Text(ref) }

// SetThreshold changes the Jaccard threshold before Clusters.
func (c *Corpus) SetThreshold(t float64) {
	if t > 0 {
		c.opt.Threshold = t
	}
}

// Text returns the text of unit u.
func (c *Corpus) Text(u int) (string, error) { return c.store.Text(*c.refs.at(u)) }

func (c *Corpus) clusterOptions() dedup.ClusterOptions {
	t := c.opt.Threshold
	return dedup.ClusterOptions{
		Jaccard:     t,
		EditSim:     min(t+0.1, 1),
		Containment: containment(t),
	}
}

// containment is the containment threshold for a Jaccard threshold t;
// off at t = 1, which asks for copies with equal keys only.
func containment(t float64) float64 {
	if t >= 1 {
		return -1
	}
	return max(0.9, t)
}

func (c *Corpus) textFunc() dedup.TextFunc {
	return func(u int, _ uint64) (string, error) { return c.Text(u) }
}

// Clusters finds the clusters of duplicate units.
func (c *Corpus) Clusters() ([]dedup.Cluster, dedup.ClusterStats, error) {
	return c.ix.Clusters(c.textFunc(), c.clusterOptions())
}

// ClustersWithin finds the clusters inside externally computed groups
// (group[u] < 0: u is in none); see dedup.Index.ClustersWithin.
func (c *Corpus) ClustersWithin(group []int32) ([]dedup.Cluster, dedup.ClusterStats, error) {
	return c.ix.ClustersWithin(group, c.textFunc(), c.clusterOptions())
}

// Member is one copy in a cluster report.
type Member struct {
	Unit int
	Place
	// Similarity is the edit similarity of the member's matching key to
	// the keeper's: 1 − Levenshtein/max length, after width, case,
	// punctuation and spaces are folded (1 for copies differing only in
	// those).
	Similarity float64
	// Diff shows how the member differs from the keeper (dedup.CharDiff:
	// [-only in the keeper-] {+only in the member+}).
	Diff string
	Text string
}

// Group is a cluster as reported: the copy to keep and the others.
type Group struct {
	Keeper  Member
	Members []Member // in unit order, the keeper left out
	Exact   bool     // every member has the keeper's key
}

// Group builds the report of one cluster.
func (c *Corpus) Group(cl dedup.Cluster, keep Keep) (*Group, error) {
	ms := make([]Member, len(cl.Units))
	texts := make([]string, len(cl.Units))
	for i, u := range cl.Units {
		t, err := c.Text(u)
		if err != nil {
			return nil, err
		}
		ms[i] = Member{Unit: u, Place: c.Place(u), Text: t}
		texts[i] = t
	}
	k := 0
	switch keep {
	case KeepLongest:
		for i := range ms {
			if c.ix.Sig(ms[i].Unit).Runes > c.ix.Sig(ms[k].Unit).Runes {
				k = i
			}
		}
	case KeepPathOrder:
		order := make([]int, len(ms))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if c := strings.Compare(ms[a].Path, ms[b].Path); c != 0 {
				return c
			}
			return ms[a].Span.Start - ms[b].Span.Start
		})
		ordered := make([]string, len(order))
		for i, o := range order {
			ordered[i] = texts[o]
		}
		k = order[dedup.ClusterKeeper(ordered)]
	default:
		k = dedup.ClusterKeeper(texts)
	}
	g := &Group{Keeper: ms[k], Exact: cl.Exact}
	g.Keeper.Similarity = 1
	kk := dedup.Normalize(texts[k], 0)
	var cmp dedup.Comparer
	for i, m := range ms {
		if i == k {
			continue
		}
		mk := dedup.Normalize(texts[i], 0)
		m.Similarity = cmp.EditSimilarity(kk, mk)
		if texts[i] != texts[k] {
			m.Diff = dedup.CharDiff(texts[k], texts[i])
		}
		g.Members = append(g.Members, m)
	}
	return g, nil
}

// Close removes the text spill file.
func (c *Corpus) Close() error { return c.store.Close() }

// chunked is an append-only slice in fixed chunks: growing never copies,
// so a million entries never need twice their memory.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

const chunkLen = 8192

func (c *chunked[T]) append(v T) {
	if c.n%chunkLen == 0 {
		c.chunks = append(c.chunks, make([]T, chunkLen))
	}
	c.chunks[c.n/chunkLen][c.n%chunkLen] = v
	c.n++
}

func (c *chunked[T]) at(i int) *T { return &c.chunks[i/chunkLen][i%chunkLen] }
