// Package corpusgen builds deterministic, labelled corpora for measuring
// corpus deduplication (`draftlint dedup`, duplicate-across-files).
//
// Base paragraphs are clean text: Chinese paragraphs of one to five
// consecutive sentences of testdata/corpora, the sample report's
// paragraphs, and English paragraphs of the project's own documentation
// (README.md, docs/). Bases that already repeat one another there (the
// constitution's parallel articles, ECSpell's doubled sentences) are left
// out, so every pair of bases is unrelated. Each mutation of the list
// (exact copy, width and punctuation variant, a prefix or suffix added or
// cut, 1–10 % of the characters substituted, deleted or inserted, a
// sentence added or dropped; for English also a tenth of the words
// replaced) gets its own bases, and the copy goes into a
// different file from its original; some bases get two or three copies.
// Each mutation draws its own bases, so some bases get several copies;
// the bases without copies, and fresh pseudo-Chinese paragraphs, are
// unrelated filler. The same seed gives the same corpus on every run and platform.
//
// Big gives the large synthetic corpora of the benchmarks: Markov-chain
// paragraphs with a share of near copies, streamed to disk.
package corpusgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/internal/synth"
)

// Mutations are the copy kinds of the labelled set, in table order.
var Mutations = []synth.Mutation{
	{Op: synth.Exact}, {Op: synth.Width},
	{Op: synth.Prefix}, {Op: synth.Suffix}, {Op: synth.PrefixCut}, {Op: synth.SuffixCut},
	{Op: synth.Subst, Rate: 0.01}, {Op: synth.Subst, Rate: 0.03}, {Op: synth.Subst, Rate: 0.05}, {Op: synth.Subst, Rate: 0.10},
	{Op: synth.Delete, Rate: 0.01}, {Op: synth.Delete, Rate: 0.03}, {Op: synth.Delete, Rate: 0.05}, {Op: synth.Delete, Rate: 0.10},
	{Op: synth.Insert, Rate: 0.01}, {Op: synth.Insert, Rate: 0.03}, {Op: synth.Insert, Rate: 0.05}, {Op: synth.Insert, Rate: 0.10},
	{Op: synth.SentenceAdd}, {Op: synth.SentenceDrop},
	{Op: synth.Words, Rate: 0.05}, {Op: synth.Words, Rate: 0.10}, // English only
}

// Unit is one paragraph of the corpus.
type Unit struct {
	File int // file number
	Para int // paragraph number in the file, from 0
	Base int // the base paragraph it is (or copies)
	// Copy is true for a mutated copy, false for the original.
	Copy bool
	Mut  synth.Mutation
	Text string
}

// Corpus is a labelled corpus.
type Corpus struct {
	Bases []string
	Lang  []string // "zh" or "en", by base
	Units []Unit
	Files [][]int // unit numbers of each file, in paragraph order
}

// Config sizes a labelled corpus; zero fields take the defaults.
type Config struct {
	Seed  uint64
	Files int // default 40
	// PerMutation is how many Chinese bases each mutation copies (default
	// 60); English, with fewer bases, gets a quarter as many.
	PerMutation int
	// Filler is how many fresh pseudo-Chinese paragraphs to add (default
	// 300).
	Filler int
}

// Build makes the labelled corpus from the text below root (the
// repository root).
func Build(root string, cfg Config) (*Corpus, error) {
	if cfg.Files == 0 {
		cfg.Files = 40
	}
	if cfg.PerMutation == 0 {
		cfg.PerMutation = 60
	}
	if cfg.Filler == 0 {
		cfg.Filler = 300
	}
	zh, en, sents, err := Bases(root, cfg.Seed)
	if err != nil {
		return nil, err
	}
	c := &Corpus{}
	g := synth.New(cfg.Seed^0x5EED, sents)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xC0FFEE))
	type placed struct {
		base int
		copy bool
		mut  synth.Mutation
		text string
	}
	var items []placed
	addBases := func(texts []string, lang string, per int) {
		ids := map[int]int{} // text index → base number
		baseOf := func(i int) int {
			if b, ok := ids[i]; ok {
				return b
			}
			b := len(c.Bases)
			ids[i] = b
			c.Bases = append(c.Bases, texts[i])
			c.Lang = append(c.Lang, lang)
			items = append(items, placed{base: b, text: texts[i]})
			return b
		}
		// Each mutation draws its own bases, so a base may get copies of
		// several kinds (a larger cluster); about a fifth get none.
		for _, m := range Mutations {
			n := 0
			for _, i := range rng.Perm(len(texts)) {
				if n == per {
					break
				}
				if !fits(texts[i], m) {
					continue
				}
				b := baseOf(i)
				items = append(items, placed{base: b, copy: true, mut: m, text: mutate(g, texts[i], m)})
				n++
			}
		}
		// The rest are unrelated originals.
		for i := range texts {
			baseOf(i)
		}
	}
	addBases(zh, "zh", cfg.PerMutation)
	addBases(en, "en", max(1, cfg.PerMutation/4))
	for range cfg.Filler {
		s := g.Sentence() + g.Sentence() + g.Sentence()
		b := len(c.Bases)
		c.Bases = append(c.Bases, s)
		c.Lang = append(c.Lang, "zh")
		items = append(items, placed{base: b, text: s})
	}
	// Originals first into random files, then copies into other files.
	c.Files = make([][]int, cfg.Files)
	fileOf := make(map[int]int) // base → file of the original
	put := func(p placed, f int) {
		u := len(c.Units)
		c.Units = append(c.Units, Unit{File: f, Base: p.base, Copy: p.copy, Mut: p.mut, Text: p.text})
		c.Files[f] = append(c.Files[f], u)
	}
	for _, p := range items {
		if !p.copy {
			f := rng.IntN(cfg.Files)
			fileOf[p.base] = f
			put(p, f)
		}
	}
	for _, p := range items {
		if p.copy {
			f := rng.IntN(cfg.Files - 1)
			if f >= fileOf[p.base] {
				f++
			}
			put(p, f)
		}
	}
	// Shuffle each file's paragraphs, then number them.
	for f, us := range c.Files {
		rng.Shuffle(len(us), func(i, j int) { us[i], us[j] = us[j], us[i] })
		for k, u := range us {
			c.Units[u].Para = k
		}
		c.Files[f] = us
	}
	return c, nil
}

// fits says whether m makes a near copy of s as the set means it: the
// sentence edits need a paragraph of at least three sentences, so that one
// sentence more or less changes at most about a third of it.
func fits(s string, m synth.Mutation) bool {
	switch m.Op {
	case synth.SentenceAdd, synth.SentenceDrop:
		return len(synth.Sentences(s)) >= 3 && len([]rune(s)) >= 90
	}
	return synth.Applicable(s, m)
}

func mutate(g *synth.Gen, s string, m synth.Mutation) string {
	for range 10 {
		t := g.Apply(s, m)
		if m.Op == synth.SentenceAdd || m.Op == synth.SentenceDrop {
			// A copy whose added or dropped sentence is more than 40 % of
			// the original is another paragraph: try again.
			a, b := len(dedup.Normalize(s, 0)), len(dedup.Normalize(t, 0))
			if 5*max(a, b) > 7*min(a, b) {
				continue
			}
		}
		return t
	}
	return g.Apply(s, synth.Mutation{Op: synth.Width})
}

// FileName is the name of file f of a written corpus.
func FileName(f int) string { return fmt.Sprintf("draft-%03d.txt", f) }

// FileText is file f as written: its paragraphs separated by blank lines.
func (c *Corpus) FileText(f int) string {
	var b strings.Builder
	for k, u := range c.Files[f] {
		if k > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.ReplaceAll(c.Units[u].Text, "\n", " "))
		b.WriteString("\n")
	}
	return b.String()
}

// Write writes the corpus into dir, one plain-text file per corpus file,
// and returns their paths.
func (c *Corpus) Write(dir string) ([]string, error) {
	var paths []string
	for f := range c.Files {
		p := filepath.Join(dir, FileName(f))
		if err := os.WriteFile(p, []byte(c.FileText(f)), 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Line is the 1-based line where unit u starts in its written file.
func (c *Corpus) Line(u int) int { return 2*c.Units[u].Para + 1 }

// Bases returns the clean Chinese and English base paragraphs found below
// root, and the Chinese sentences they were made of (for the generator's
// alphabet and Markov chain). Bases that repeat one another — exactly,
// nearly, contained, or differing only in figures — are dropped.
func Bases(root string, seed uint64) (zh, en, sentences []string, err error) {
	read := func(rel string) (string, error) {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		return string(b), err
	}
	for _, f := range []string{"testdata/corpora/ecspell-odw-target.txt", "testdata/corpora/ud-gsdsimp-test.txt"} {
		t, err := read(f)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, p := range strings.Split(t, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				sentences = append(sentences, p)
			}
		}
	}
	t, err := read("testdata/corpora/lawrefbook-constitution.md")
	if err != nil {
		return nil, nil, nil, err
	}
	for _, line := range strings.Split(t, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "<!--") {
			continue
		}
		sentences = append(sentences, synth.Sentences(line)...)
	}
	// Paragraphs of one to five consecutive sentences, from sentences
	// that repeat no other: else a one-sentence base could sit inside
	// another base, and the two would be related after all.
	clean := unrelated(sentences, 8)
	rng := rand.New(rand.NewPCG(seed, 0xBA5E))
	var zhCand []string
	for i := 0; i < len(clean); {
		n := min(1+rng.IntN(5), len(clean)-i)
		zhCand = append(zhCand, strings.Join(clean[i:i+n], ""))
		i += n
	}
	t, err = read("testdata/sample-report.txt")
	if err != nil {
		return nil, nil, nil, err
	}
	for _, p := range strings.Split(t, "\n") {
		if p = strings.TrimSpace(p); len([]rune(p)) >= 40 {
			zhCand = append(zhCand, p)
		}
	}
	var enCand []string
	for _, f := range []string{"README.md", "docs/architecture.md"} {
		t, err := read(f)
		if err != nil {
			return nil, nil, nil, err
		}
		for _, p := range strings.Split(t, "\n\n") {
			p = strings.Join(strings.Fields(p), " ")
			if len(p) >= 120 && isProse(p) {
				enCand = append(enCand, p)
			}
		}
	}
	// At least 28 key characters: a copy with six cut or a tenth deleted
	// keeps the 20 that draftlint dedup compares by default.
	return unrelated(zhCand, 28), unrelated(enCand, 28), sentences, nil
}

// isProse keeps English paragraphs: no tables, code, lists, headings or
// HTML comments, mostly letters.
func isProse(p string) bool {
	// HTML comments are never linted: a paragraph holding one could not
	// be deleted by a fix.
	if strings.ContainsAny(p[:1], "|`#-*>0123456789[<{") || strings.Contains(p, "```") || strings.Contains(p, "<!--") {
		return false
	}
	letters := 0
	for _, r := range p {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			letters++
		}
	}
	return letters*10 >= len(p)*7
}

// unrelated drops every paragraph (or sentence) that repeats another one,
// and those shorter than minRunes key runes: all pairs are compared with
// the paragraph tests of dedup.FindRepeats (exact, near, contained, number
// variants), as strict as the corpus index's verification.
func unrelated(paras []string, minRunes int) []string {
	units := make([]dedup.Unit, len(paras))
	for i, p := range paras {
		units[i] = dedup.Unit{Text: p}
	}
	o := dedup.ParagraphOptions()
	o.PairwiseMax, o.PairwiseMaxRunes = 1<<30, 1<<30
	o.MinRunes = 8
	drop := make([]bool, len(paras))
	for _, p := range dedup.FindRepeats(units, o).Pairs {
		drop[p.A], drop[p.B] = true, true
	}
	var out []string
	for i, p := range paras {
		if !drop[i] && len(dedup.Normalize(p, 0)) >= minRunes {
			out = append(out, p)
		}
	}
	return slices.Clip(out)
}

// BigConfig sizes a benchmark corpus; zero fields take the defaults.
type BigConfig struct {
	Seed       uint64
	Paragraphs int     // default 1,000,000
	Files      int     // default Paragraphs/500
	Copies     float64 // share of paragraphs that copy an earlier one (default 0.05)
}

// BigStats describes a written benchmark corpus.
type BigStats struct {
	Files, Paragraphs, Copies int
	Bytes                     int64
}

// Big writes a benchmark corpus into dir: files of pseudo-Chinese
// paragraphs (two to five sentences of the order-2 Markov chain of the
// corpus text below root), a share of them copies of a recent paragraph
// under one of the Mutations. The text is streamed out; only the last few
// thousand paragraphs stay in memory, for copying.
func Big(root, dir string, cfg BigConfig) (BigStats, error) {
	if cfg.Paragraphs == 0 {
		cfg.Paragraphs = 1_000_000
	}
	if cfg.Files == 0 {
		cfg.Files = max(1, cfg.Paragraphs/500)
	}
	if cfg.Copies == 0 {
		cfg.Copies = 0.05
	}
	_, _, sents, err := Bases(root, cfg.Seed)
	if err != nil {
		return BigStats{}, err
	}
	g := synth.New(cfg.Seed^0xB16, sents)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xB16B16))
	const keep = 4096
	recent := make([]string, 0, keep)
	var st BigStats
	per := (cfg.Paragraphs + cfg.Files - 1) / cfg.Files
	for f := 0; st.Paragraphs < cfg.Paragraphs; f++ {
		var b strings.Builder
		for k := 0; k < per && st.Paragraphs < cfg.Paragraphs; k++ {
			var p string
			if len(recent) > 0 && rng.Float64() < cfg.Copies {
				m := Mutations[rng.IntN(len(Mutations))]
				src := recent[rng.IntN(len(recent))]
				if m.Op == synth.Words || !fits(src, m) {
					m = synth.Mutation{Op: synth.Subst, Rate: 0.03}
				}
				p = mutate(g, src, m)
				st.Copies++
			} else {
				n := 2 + rng.IntN(4)
				for range n {
					p += g.Sentence()
				}
			}
			if len(recent) < keep {
				recent = append(recent, p)
			} else {
				recent[rng.IntN(keep)] = p
			}
			if k > 0 {
				b.WriteString("\n")
			}
			b.WriteString(p)
			b.WriteString("\n")
			st.Paragraphs++
		}
		name := filepath.Join(dir, fmt.Sprintf("big-%05d.txt", f))
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return st, err
		}
		st.Files++
		st.Bytes += int64(b.Len())
	}
	return st, nil
}
