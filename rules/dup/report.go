package dup

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
)

// maxRelated caps the copies named under one refrain finding: a sentence
// found dozens of times is named by its nearest copies and a count.
const maxRelated = 4

// units is what the reporting code needs of a level.
type units interface {
	span(u int) lint.Span // source span
	text(u int) string    // prose text, as written
	match(u int) string   // matching text
	blockIndex(u int) int // the block holding the unit
}

type sentenceUnits struct {
	doc *lint.Document
	sl  *sentenceLevel
}

func (s sentenceUnits) span(u int) lint.Span {
	x := s.sl.sents[u]
	return x.b.Prose().SrcSpan(x.start, x.end)
}
func (s sentenceUnits) text(u int) string    { return s.sl.sents[u].text() }
func (s sentenceUnits) match(u int) string   { return s.sl.texts[u] }
func (s sentenceUnits) blockIndex(u int) int { return s.sl.sents[u].b.Index }

type paragraphUnits struct {
	doc *lint.Document
	pl  *paragraphLevel
}

func (p paragraphUnits) span(u int) lint.Span { return p.pl.blocks[u].Span }
func (p paragraphUnits) text(u int) string    { return p.pl.blocks[u].Text() }
func (p paragraphUnits) match(u int) string   { return p.pl.texts[u] }
func (p paragraphUnits) blockIndex(u int) int { return p.pl.blocks[u].Index }

// where formats a byte offset as line:column, and as 77行1列 for Chinese
// messages.
func where(doc *lint.Document, off int) (en, zh string) {
	p := doc.Pos(off)
	return fmt.Sprintf("%d:%d", p.Line, p.Column), fmt.Sprintf("%d行%d列", p.Line, p.Column)
}

func percent(x float64) int { return int(x*100 + 0.5) }

// keyCache normalises each unit of a group once.
type keyCache map[int][]rune

func (k keyCache) get(us units, u int) []rune {
	if x, ok := k[u]; ok {
		return x
	}
	x := dedup.Normalize(us.match(u), 0)
	k[u] = x
	return x
}

// likeness describes how unit u relates to unit o.
type likeness struct {
	same      bool    // equal keys
	identical bool    // equal text
	sim       float64 // edit similarity of the keys
	inOther   bool    // u is contained in the longer o
	holds     bool    // u contains the shorter o
}

func compare(us units, keys keyCache, cmp *dedup.Comparer, u, o int) likeness {
	if us.match(u) == us.match(o) {
		return likeness{same: true, identical: us.text(u) == us.text(o), sim: 1}
	}
	ku, ko := keys.get(us, u), keys.get(us, o)
	if slices.Equal(ku, ko) {
		return likeness{same: true, identical: us.text(u) == us.text(o), sim: 1}
	}
	l := likeness{sim: cmp.EditSimilarity(ku, ko)}
	switch {
	case len(ko) >= len(ku)+2:
		l.inOther = cmp.InfixContainment(ku, ko) >= 0.95
	case len(ku) >= len(ko)+2:
		l.holds = cmp.InfixContainment(ko, ku) >= 0.95
	}
	return l
}

// relatedCopies names the other members of g, in document order, nearest
// ones first when there are more than maxRelated, each with how it
// compares to u.
func relatedCopies(doc *lint.Document, us units, keys keyCache, cmpr *dedup.Comparer, g group, u int, noun string) []lint.Related {
	others := make([]int, 0, len(g.members)-1)
	for _, m := range g.members {
		if m != u {
			others = append(others, m)
		}
	}
	extra := 0
	if len(others) > maxRelated {
		// Keep the keeper and the nearest copies.
		byDist := slices.Clone(others)
		slices.SortStableFunc(byDist, func(x, y int) int { return cmp.Compare(abs(x-u), abs(y-u)) })
		keep := map[int]bool{g.keeper: true}
		for _, m := range byDist {
			if len(keep) >= maxRelated {
				break
			}
			keep[m] = true
		}
		var kept []int
		for _, m := range others {
			if keep[m] {
				kept = append(kept, m)
			}
		}
		extra = len(others) - len(kept)
		others = kept
	}
	out := make([]lint.Related, 0, len(others))
	for i, o := range others {
		l := compare(us, keys, cmpr, o, u)
		var msg string
		switch {
		case l.identical:
			msg = "same text"
		case l.same:
			msg = "same words (width, spacing or punctuation differ)"
		case l.holds:
			msg = fmt.Sprintf("contains this %s (%d%% similar)", noun, percent(l.sim))
		case l.inOther:
			msg = fmt.Sprintf("contained in this %s (%d%% similar)", noun, percent(l.sim))
		default:
			msg = fmt.Sprintf("%d%% similar", percent(l.sim))
		}
		if o == g.keeper {
			msg = "kept copy: " + msg
		} else {
			msg = "copy: " + msg
		}
		if extra > 0 && i == len(others)-1 {
			msg += fmt.Sprintf("; %d more copies not listed", extra)
		}
		out = append(out, lint.Related{Span: us.span(o), Message: msg})
	}
	return out
}

// diffDetail shows how copy u differs from the kept copy k, character by
// character ([-removed-], {+added+}), or "" when the texts are the same.
func diffDetail(us units, at string, k, u int) string {
	if us.text(k) == us.text(u) {
		return ""
	}
	return fmt.Sprintf("diff against the kept copy at %s: %s", at, dedup.CharDiff(us.text(k), us.text(u)))
}

// nearTo reports whether another member of g lies in u's block or within
// dist blocks of it.
func nearTo(us units, g group, u, dist int) bool {
	bu := us.blockIndex(u)
	for _, m := range g.members {
		if m != u && abs(us.blockIndex(m)-bu) <= dist {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// kind holds the words for one unit kind in messages.
type kind struct {
	noun, zh string // "sentence", "句子"
}

// copyMessage words a finding on copy m of group g, kept copy k.
func copyMessage(kd kind, l likeness, at, zat string, k, m int) (msg, zh string) {
	switch {
	case l.same:
		msg = fmt.Sprintf("%s repeats the %s at %s", kd.noun, kd.noun, at)
		zh = fmt.Sprintf("%s与第%s处的%s重复", kd.zh, zat, kd.zh)
	case l.inOther && k < m:
		msg = fmt.Sprintf("%s repeats, shortened, the %s at %s (%d%% similar)", kd.noun, kd.noun, at, percent(l.sim))
		zh = fmt.Sprintf("%s重复了第%s处的%s，但不完整（相似度%d%%）", kd.zh, zat, kd.zh, percent(l.sim))
	case l.inOther:
		msg = fmt.Sprintf("%s is repeated, more completely, at %s (%d%% similar)", kd.noun, at, percent(l.sim))
		zh = fmt.Sprintf("%s在第%s处重复出现，且那里更完整（相似度%d%%）", kd.zh, zat, percent(l.sim))
	default:
		msg = fmt.Sprintf("%s nearly repeats the %s at %s (%d%% similar)", kd.noun, kd.noun, at, percent(l.sim))
		zh = fmt.Sprintf("%s与第%s处的%s近似重复（相似度%d%%）", kd.zh, zat, kd.zh, percent(l.sim))
	}
	return msg, zh
}

// refrain reports a group with more copies than a draft pastes by accident
// — boilerplate under every table, a form's recurring line, a document
// assembled from one template — once, on its first repeat, naming the
// nearest copies and offering no fix: which copies are meant is for the
// author to say.
func refrain(p *lint.Pass, us units, keys keyCache, cmp *dedup.Comparer, kd kind, g group) {
	doc := p.Doc
	m := g.members[0]
	if m == g.keeper {
		m = g.members[1]
	}
	at, zat := where(doc, us.span(g.members[0]).Start)
	p.Report(lint.Diagnostic{
		Span:      us.span(m),
		Severity:  lint.Warning,
		Message:   fmt.Sprintf("%s occurs %d times in the document, first at %s: boilerplate, or pasted too often?", kd.noun, len(g.members), at),
		MessageZh: fmt.Sprintf("%s在文中出现%d次，首次在第%s处：是固定表述，还是粘贴过多？", kd.zh, len(g.members), zat),
		Related:   relatedCopies(doc, us, keys, cmp, g, m, kd.noun),
	})
}
