package numbers

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
)

// MagnitudeConsistency reports two statements of the same quantity, in
// different notations, that disagree by a power of ten.
var MagnitudeConsistency = &lint.Rule{
	ID:        "magnitude-consistency",
	Summary:   "two statements of one quantity disagree by a power of ten (6E and 60亿亿次)",
	SummaryZh: "同一数量的两处表述相差10的整数次幂（如6E与60亿亿次）",
	Doc: `A report that gives a figure once with an SI prefix and again in Chinese
magnitude words (6E, 600亿亿次, 6000P) converts by hand, and a slipped step
makes the two statements disagree by 10, 100 or 10^4 while the digits stay
the same.

The rule compares figures of one dimension — computing power (FLOPS, 次 in
a sentence about 算力, or a bare T/P/E/Z/Y prefix there), power (W, 瓦),
energy (Wh), data (B, 字节, bit) and frequency (Hz) — written in different
notations (a prefix against 万/亿, or for computing power also two
different SI prefixes: a 1MB buffer and a 1GB limit are two quantities) in
different sentences. When their digits agree and their values differ by an exact
power of ten, the later one is reported with the earlier one as related
information. Figures of different years (截至2023年… 到2025年…, the last
year named before each figure) are different quantities and are not
compared; definitions (1E=…) are left to
magnitude-definition.

There is no fix: either statement may be the wrong one. Basis: the SI
prefix table and the 万/亿 system; GB/T 15835-2011 §4.1; reference §2.6
(conversions between two statements must agree).`,
	Category: "numbers",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "全省算力规模达到6E。其中，算力规模60亿亿次/秒的目标已经实现。\n",
		Good: "全省算力规模达到6E。其中，算力规模600亿亿次/秒的目标已经实现。\n",
	}},
	Run: runMagnitudeConsistency,
}

// Dimensions of comparable figures.
const (
	dimNone = iota
	dimCompute
	dimPower
	dimEnergy
	dimData
	dimBits
	dimFreq
)

type statement struct {
	bf   *blockFigures
	f    *figure
	dim  int
	year string // the last year named before it (2023年), "" when none
	sent int    // sentence start, to keep conversions in one sentence apart
}

func runMagnitudeConsistency(p *lint.Pass) error {
	definitions(p.Doc)
	var stmts []statement
	df := figures(p.Doc)
	bfs := df.blocks
	year, y := "", 0 // the last year named so far: the time a statement is about
	for bi := range bfs {
		bf := &bfs[bi]
		for i := range bf.figs {
			f := &bf.figs[i]
			st, ok := asStatement(bf, f)
			if !ok {
				continue
			}
			for ; y < len(df.years) && (df.years[y].block < bf.b.Index || df.years[y].block == bf.b.Index && df.years[y].off < f.start); y++ {
				year = df.years[y].year
			}
			st.year = year
			stmts = append(stmts, st)
		}
	}
	// Only figures with the same digits can differ by a power of ten; of
	// those, the first of each notation and year is enough to compare
	// with, which keeps the work linear however often a figure recurs.
	type key struct {
		dim  int
		mant string
	}
	type seenKey struct {
		notation int
		year     string
	}
	groups := map[key][]*statement{}
	seen := map[key]map[seenKey]bool{}
	for j := range stmts {
		b := &stmts[j]
		m, _ := b.f.q.Value().Mantissa()
		k := key{b.dim, m.String()}
		for _, a := range groups[k] {
			if n, ok := disagree(a, b); ok {
				reportDisagreement(p, a, b, n)
				break
			}
		}
		sk := seenKey{notation(b.f), b.year}
		if seen[k] == nil {
			seen[k] = map[seenKey]bool{}
		}
		if !seen[k][sk] {
			seen[k][sk] = true
			groups[k] = append(groups[k], b)
		}
	}
	return nil
}

// asStatement classifies figure f as a statement of a dimensioned quantity.
func asStatement(bf *blockFigures, f *figure) (statement, bool) {
	q := f.q
	if q.Prefix == zhnum.NoPrefix && q.Num.Mag < 8 {
		return statement{}, false // the common case
	}
	if f.code() || q.Num.Flags&(zhnum.Percent|zhnum.Permille|zhnum.Approx|zhnum.Zhao|zhnum.Digitwise) != 0 || bf.inDefinition(f.start) {
		return statement{}, false
	}
	text := bf.text
	s, e := sentenceAt(bf.b, text, f.start)
	sent := text[s:e]
	dim := dimNone
	u := q.Unit
	switch {
	case strings.HasPrefix(u, "FLOP") || strings.HasPrefix(u, "flop") || strings.HasPrefix(u, "Flop") || u == "OPS" || u == "ops" || u == "Ops":
		dim = dimCompute
	case strings.HasPrefix(u, "次"):
		if hasAny(sent, computeWords) {
			dim = dimCompute
		}
	case u == "" && q.Prefix >= zhnum.Tera && q.PrefixText[0] < 0x80:
		if hasAny(sent, computeWords) {
			dim = dimCompute
		}
	case u == "W" || u == "瓦":
		dim = dimPower
	case u == "Wh" || u == "瓦时":
		dim = dimEnergy
	case u == "B" || u == "Byte" || u == "字节":
		dim = dimData
	case u == "bit" || u == "比特" || u == "b":
		dim = dimBits
	case u == "Hz" || u == "赫" || u == "赫兹":
		dim = dimFreq
	}
	if dim == dimNone {
		return statement{}, false
	}
	return statement{bf: bf, f: f, dim: dim, sent: s}, true
}

func isDigit(c byte) bool { return c-'0' <= 9 }

// notation distinguishes ways of writing a figure: the SI prefix, and
// whether Chinese magnitude words are used.
func notation(f *figure) int {
	n := f.q.Prefix.Exp() * 2
	if f.q.Num.Mag > 0 {
		n++
	}
	return n
}

// disagree reports two statements of one dimension, in different
// notations and sentences, whose values differ by an exact power of ten.
func disagree(a, b *statement) (int, bool) {
	if a.dim != b.dim || a.f.q.Prefix == b.f.q.Prefix || notation(a.f) == notation(b.f) {
		return 0, false
	}
	if a.bf == b.bf && a.sent == b.sent {
		return 0, false
	}
	if a.dim != dimCompute && a.f.q.Num.Mag == 0 && b.f.q.Num.Mag == 0 {
		// Two SI prefixes on data, power, energy or frequency (a 1 MB
		// buffer, a 1 GB limit) are different quantities far more often
		// than a slipped conversion, which goes between a prefix and
		// 万/亿; computing power (6E against 6P) stays compared.
		return 0, false
	}
	if a.year != "" && b.year != "" && a.year != b.year {
		return 0, false
	}
	n, ok := zhnum.Ratio10(b.f.q.Value(), a.f.q.Value())
	return n, ok && n != 0
}

func reportDisagreement(p *lint.Pass, a, b *statement, n int) {
	at, bt := a.f.text(a.bf.text), b.f.text(b.bf.text)
	av, bv := a.f.q.Value(), b.f.q.Value()
	line := p.Doc.Line(a.bf.b.Prose().Src(a.f.start))
	factor := "10"
	if abs(n) > 1 {
		factor = "10^" + itoa(abs(n))
	}
	p.Report(lint.Diagnostic{
		Span: b.bf.b.Prose().SrcSpan(b.f.start, b.f.end),
		Message: fmt.Sprintf("%s (%s = %s) disagrees with %s on line %d (%s = %s) by a factor of %s; one of them slipped a magnitude",
			bt, zhnum.FormatPow(bv), zhnum.FormatZh(bv), at, line, zhnum.FormatPow(av), zhnum.FormatZh(av), factor),
		MessageZh: fmt.Sprintf("%s（%s，即%s）与第%d行的%s（%s，即%s）相差%s倍，其中一处数量级有误",
			bt, zhnum.FormatPow(bv), zhnum.FormatZh(bv), line, at, zhnum.FormatPow(av), zhnum.FormatZh(av), factor),
		Related: []lint.Related{{
			Span:    a.bf.b.Prose().SrcSpan(a.f.start, a.f.end),
			Message: "the other statement",
		}},
	})
}
