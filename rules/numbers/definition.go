package numbers

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// side is one side of a stated equivalence: a prose range and its value.
type side struct {
	start, end int // the whole side as written (1EFLOPS, 每秒 excluded)
	numEnd     int // end of the number part, the span a fix rewrites
	q          zhnum.Quantity
	val, alt   zhnum.Value
	prefixed   bool // carries an SI prefix: the side that defines
	pow        bool // written as 10的18次方
}

// definition is a stated equivalence between an SI prefix or a magnitude
// and a number: 1E=100亿, 1EFLOPS（每秒百亿亿次）, 1万亿=10000亿.
type definition struct {
	bf *blockFigures
	// def is the side whose value is taken as true (the prefix, or the
	// left side); read is the reading checked against it.
	def, read side
}

type definitionsKey struct{}

// definitions returns every stated equivalence of the document, right or
// wrong, in document order.
func definitions(doc *lint.Document) []definition {
	return doc.Cache(definitionsKey{}, func() any {
		var out []definition
		bfs := figures(doc).blocks
		for i := range bfs {
			n := len(out)
			out = findDefinitions(&bfs[i], out)
			for _, d := range out[n:] {
				lo, hi := min(d.def.start, d.read.start), max(d.def.end, d.read.end)
				if bfs[i].rare == nil {
					bfs[i].rare = &rare{}
				}
				bfs[i].defs = append(bfs[i].defs, lint.Span{Start: lo, End: hi})
			}
		}
		return out
	}).([]definition)
}

// relations between the two sides, longest first. strict ones (为, 是)
// only join a unit definition (1P为…, EFLOPS是…), where the left side is
// one unit; the others also join a figure and its conversion (6E，即…).
var looseRelations = []string{"相当于", "等于", "，即", ",即", "也就是", "=", "＝", "即"}
var strictRelations = []string{"为", "是"}

func findDefinitions(bf *blockFigures, out []definition) []definition {
	text := bf.text
	first := len(out)
	// add keeps a definition unless its reading is part of one found
	// before: 1万亿=亿（1Y） reads 亿 once, or two fixes would fight.
	add := func(d definition) {
		for _, e := range out[first:] {
			if d.read.start < max(e.def.end, e.read.end) && min(e.def.start, e.read.start) < d.read.end {
				return
			}
		}
		out = append(out, d)
	}
	for i := range bf.figs {
		f := &bf.figs[i]
		if lhs, ok := figureSide(f, text); ok {
			if d, ok := definitionAfter(bf, lhs, isUnitDef(lhs, text)); ok {
				add(d)
				continue
			}
		}
		// A prefixed quantity in brackets after its reading: 每秒百亿亿次
		// （1EFLOPS）.
		if f.q.Prefix != zhnum.NoPrefix {
			if r := f.prev; r == '(' || r == '（' || r == ' ' {
				if d, ok := reverseGloss(bf, f); ok {
					add(d)
				}
			}
		}
	}
	// Bare prefixed units: EFLOPS = 每秒百亿亿次, E级（每秒百亿亿次）.
	if bf.rare == nil {
		return out
	}
	for _, i := range bf.bare {
		if lhs, ok := bareUnit(text, i); ok {
			if d, ok := definitionAfter(bf, lhs, true); ok {
				add(d)
			}
		}
	}
	return out
}

// isUnitDef: the left side is one unit written with 1 (1E, 1P, 1万亿,
// 一亿亿), which admits 为/是.
func isUnitDef(s side, text string) bool {
	if s.prefixed {
		return s.q.Num.Value.Equal(zhnum.Int(1))
	}
	return strings.HasPrefix(text[s.start:], "1") && !strings.HasPrefix(text[s.start:], "10") || strings.HasPrefix(text[s.start:], "一")
}

// figureSide turns a figure into the defining side of an equivalence: an
// SI-prefixed quantity (1E, 20EFLOPS, 1.8万P) or a power of ten written
// with magnitude words or as 10^n (1万亿, 百亿亿, 10^18).
func figureSide(f *figure, text string) (side, bool) {
	q := f.q
	fl := q.Num.Flags
	if q.Prefix == zhnum.NoPrefix && fl&(zhnum.Magnitude|zhnum.Sci) == 0 {
		return side{}, false // the common case: a plain figure
	}
	if f.code() || fl&(zhnum.Percent|zhnum.Permille|zhnum.Approx|zhnum.Zhao) != 0 {
		return side{}, false
	}
	s := side{start: f.start, end: f.end, numEnd: f.numEnd, q: q, val: q.Value(), alt: q.Alt()}
	if q.Prefix != zhnum.NoPrefix {
		// 5G, 4K, 100M: a bare G/M/k after anything but 1 names a
		// network generation or a resolution more often than a number.
		if q.Unit == "" && q.Prefix <= zhnum.Giga && !q.Num.Value.Equal(zhnum.Int(1)) {
			return side{}, false
		}
		s.prefixed = true
		return s, true
	}
	if _, ok := s.val.Pow10(); ok && fl&(zhnum.Magnitude|zhnum.Sci) != 0 {
		return s, true
	}
	return side{}, false
}

var bareUnits = []string{"FLOP/s", "FLOPS", "Flops", "flops", "级"}

// bareUnitAt reports a unit that a bare prefix may carry at i.
func bareUnitAt(text string, i int) bool { return prefixAt(text, i, bareUnits...) > 0 }

// bareUnit reads a prefixed unit without a number at i (EFLOPS, E级),
// which stands for one unit.
func bareUnit(text string, i int) (side, bool) {
	p, _ := zhnum.ParsePrefix(text, i)
	if p == zhnum.NoPrefix || text[i] >= 0x80 {
		return side{}, false
	}
	if i > 0 {
		if c := text[i-1]; c < 0x80 && (c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '.') {
			return side{}, false
		}
	}
	n := prefixAt(text, i+1, bareUnits...)
	if n == 0 {
		return side{}, false
	}
	if e := i + 1 + n; e < len(text) && text[e] < 0x80 && zh.IsLatin(rune(text[e])) {
		return side{}, false
	}
	v := p.Value()
	q := zhnum.Quantity{Num: zhnum.Number{Value: zhnum.Int(1), Alt: zhnum.Int(1)}, Prefix: p, PrefixText: text[i : i+1], Unit: text[i+1 : i+1+n]}
	return side{start: i, end: i + 1 + n, numEnd: i, q: q, val: v, alt: v, prefixed: true}, true
}

// definitionAfter looks for a relation or a bracketed gloss after the
// defining side lhs and reads the other side.
func definitionAfter(bf *blockFigures, lhs side, unitDef bool) (definition, bool) {
	text := bf.text
	j := skipSpace(text, lhs.end)
	gloss := false
	k := -1
	if n := prefixAt(text, j, looseRelations...); n > 0 {
		k = j + n
	} else if n := prefixAt(text, j, strictRelations...); n > 0 && unitDef {
		k = j + n
	} else if n := openBracket(text, j); n > 0 {
		k, gloss = j+n, true
		if m := prefixAt(text, k, "即"); m > 0 {
			k += m
		}
	}
	if k < 0 {
		return definition{}, false
	}
	k = skipSpace(text, k)
	if n := prefixAt(text, k, "每秒钟", "每秒"); n > 0 {
		k += n
	}
	rhs, ok := readingAt(text, k)
	if !ok {
		return definition{}, false
	}
	if gloss {
		// The bracket must hold only the reading and its unit words:
		// 6E(1E=100亿) is not a gloss of 6E but holds a definition.
		if !glossCloses(text, rhs.end) {
			return definition{}, false
		}
		// A gloss pairs notations: one side has a prefix or 10^n.
		if !lhs.prefixed && !rhs.prefixed && lhs.q.Num.Flags&zhnum.Sci == 0 && rhs.q.Num.Flags&zhnum.Sci == 0 && !rhs.pow {
			return definition{}, false
		}
	}
	if !readingIsBig(rhs) && (!lhs.prefixed || !smallReading(text, rhs)) {
		return definition{}, false
	}
	if lhs.prefixed || !rhs.prefixed {
		return definition{bf: bf, def: lhs, read: rhs}, true
	}
	return definition{bf: bf, def: rhs, read: lhs}, true
}

// readingIsBig: a plain reading of a magnitude is at least 1000 (1万=10000),
// so that 以1万为1个单位 is not read as a definition.
func readingIsBig(s side) bool {
	if s.prefixed || s.pow || s.q.Num.Flags&(zhnum.Magnitude|zhnum.Sci) != 0 {
		return true
	}
	return s.val.Log10() >= 3
}

// smallReading: a reading below 1000 of a prefix (1k=100, kFLOPS=每秒一百次)
// is at least 10 and no count of things (1P为一个单位, 1E为三类).
func smallReading(text string, s side) bool {
	if s.val.Log10() < 1 {
		return false
	}
	r, _ := zh.NextRune(text, s.end, false)
	return !strings.ContainsRune("个类项种名位家人条件只台套批期档组倍", r)
}

// glossCloses reports whether the bracket closes after at most a few unit
// words (次, 次浮点运算, 字节) with no other figure or relation.
func glossCloses(text string, i int) bool {
	for n := 0; i < len(text) && n < 12; n++ {
		if c := closeBracket(text, i); c > 0 {
			return true
		}
		r, size := zh.DecodeRune(text, i)
		if !zh.IsHan(r) && !zh.IsLatin(r) && r != '/' && r != ' ' {
			return false
		}
		if zhnum.StartsNumber(text, i) {
			if _, m := zhnum.Parse(text, i); m > 0 {
				return false
			}
		}
		i += size
	}
	return false
}

// readingAt reads the side after a relation: a number with optional prefix
// and unit, or 10的18次方.
func readingAt(text string, k int) (side, bool) {
	if strings.HasPrefix(text[k:], "10的") {
		if n, size := zhnum.Parse(text, k+len("10的")); size > 0 && n.Flags&(zhnum.Decimal|zhnum.Percent|zhnum.Approx|zhnum.Magnitude) == 0 {
			e := k + len("10的") + size
			if m := prefixAt(text, e, "次方", "次幂"); m > 0 {
				if exp, ok := smallInt(n.Value); ok {
					v := zhnum.Pow10(exp)
					return side{start: k, end: e + m, numEnd: e + m, val: v, alt: v, pow: true,
						q: zhnum.Quantity{Num: zhnum.Number{Value: v, Alt: v, Flags: zhnum.Sci}}}, true
				}
			}
		}
	}
	q, n := zhnum.ParseQuantity(text, k)
	if n == 0 || q.Num.Flags&(zhnum.Percent|zhnum.Permille|zhnum.Approx|zhnum.Digitwise) != 0 {
		return side{}, false
	}
	if k > 0 {
		if p, _ := zh.PrevRune(text, k, false); p < 0x80 && zh.IsLatin(p) {
			return side{}, false
		}
	}
	s := side{start: k, end: k + n, numEnd: k + q.NumLen, q: q, val: q.Value(), alt: q.Alt(), prefixed: q.Prefix != zhnum.NoPrefix}
	if s.prefixed && q.Unit == "" && q.Prefix <= zhnum.Giga && !q.Num.Value.Equal(zhnum.Int(1)) {
		s.prefixed = false // 5G: not a prefix
		s.end, s.val, s.alt = s.numEnd, q.Num.Value, q.Num.Alt
	}
	return s, true
}

// smallInt returns v as an int when it is an integer from 0 to 99.
func smallInt(v zhnum.Value) (int, bool) {
	if v.Sign() < 0 || v.Cmp(zhnum.Int(99)) > 0 {
		return 0, false
	}
	n, err := strconv.Atoi(v.String())
	return n, err == nil
}

// reverseGloss reads a reading before the bracketed prefixed quantity g:
// 每秒百亿亿次（1EFLOPS）, 1000次（1kFLOPS）.
func reverseGloss(bf *blockFigures, g *figure) (definition, bool) {
	text := bf.text
	q := g.q
	if q.Num.Flags&(zhnum.Percent|zhnum.Approx) != 0 || g.code() {
		return definition{}, false
	}
	if closeBracket(text, skipSpace(text, g.end)) == 0 {
		return definition{}, false
	}
	o := skipSpaceBack(text, g.start)
	switch {
	case strings.HasSuffix(text[:o], "（"):
		o -= len("（")
	case strings.HasSuffix(text[:o], "("):
		o--
	default:
		return definition{}, false
	}
	f, ok := readingBefore(text, o)
	if !ok {
		return definition{}, false
	}
	fl := f.q.Num.Flags
	if f.q.Prefix != zhnum.NoPrefix || fl&(zhnum.Percent|zhnum.Approx|zhnum.Digitwise) != 0 || f.code() {
		return definition{}, false
	}
	// A plain figure (1000次) is a reading only of a prefixed quantity with
	// a unit (1kFLOPS), not of a bare 1K.
	plain := fl&(zhnum.Magnitude|zhnum.Sci) == 0
	if q.Unit == "" && (plain || q.Prefix <= zhnum.Giga && !q.Num.Value.Equal(zhnum.Int(1))) {
		return definition{}, false
	}
	def := side{start: g.start, end: g.end, numEnd: g.numEnd, q: q, val: q.Value(), alt: q.Alt(), prefixed: true}
	read := side{start: f.start, end: f.end, numEnd: f.numEnd, q: f.q, val: f.q.Value(), alt: f.q.Alt()}
	return definition{bf: bf, def: def, read: read}, true
}

// readingBefore reads the number that ends, followed by at most eight
// unit characters (次, 次浮点运算), at the bracket at o.
func readingBefore(text string, o int) (figure, bool) {
	j := o
	for n := 0; n < 8 && j > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if numeralRune(r) {
			break
		}
		if !zh.IsHan(r) {
			return figure{}, false
		}
		j -= size
	}
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if !numeralRune(r) && r != '.' && r != ',' && r != '^' {
			break
		}
		k -= size
	}
	if k == j {
		return figure{}, false
	}
	q, n := quantityAt(text, k)
	if n == 0 || k+q.NumLen != j {
		return figure{}, false
	}
	prev, _ := zh.PrevRune(text, k, false)
	return figure{start: k, numEnd: j, end: k + n, q: q, prev: prev}, true
}

// numeralRune reports an ASCII digit or a character that may start a
// Chinese number.
func numeralRune(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return r >= 0x800 && r <= 0xFFFF && numStart[r>>6]>>(r&63)&1 != 0
}

// wrong reports whether the reading disagrees with the defined value by an
// exact power of ten, and by how much. Other disagreements (1GB=1024MB)
// are binary prefixes or different quantities, not magnitude slips.
func (d *definition) wrong() (int, bool) {
	if d.def.val.Equal(d.read.val) || d.def.val.Equal(d.read.alt) || d.def.alt.Equal(d.read.val) {
		return 0, false
	}
	n, ok := zhnum.Ratio10(d.def.val, d.read.val)
	return n, ok && n != 0
}

// rewrite returns the reading rewritten to the defined value, in the
// reading's own notation.
func (d *definition) rewrite(text string) string {
	v := d.def.val
	r := &d.read
	fl := r.q.Num.Flags
	switch {
	case r.pow:
		if n, ok := v.Pow10(); ok {
			return "10的" + itoa(n) + "次方"
		}
		return zhnum.FormatPow(v)
	case fl&zhnum.Sci != 0:
		return zhnum.FormatPow(v.MulPow10(-r.q.Prefix.Exp()))
	case r.q.Prefix != zhnum.NoPrefix:
		// 1E=100P: keep the prefix, fix the figure.
		return rewriteNum(v.MulPow10(-r.q.Prefix.Exp()), r.q.Num, text[r.start:r.numEnd])
	}
	return rewriteNum(v, r.q.Num, text[r.start:r.numEnd])
}

// rewriteNum writes v the way the number orig was written: Chinese
// numerals for a power of ten read in Chinese (百亿亿), its own magnitude
// word when the figure stays short (10000亿), else FormatZh (100亿亿).
func rewriteNum(v zhnum.Value, n zhnum.Number, orig string) string {
	fl := n.Flags
	if fl&zhnum.Chinese != 0 && fl&zhnum.Arabic == 0 {
		if e, ok := v.Pow10(); ok {
			s := zhnum.Pow10Zh(e)
			if strings.HasPrefix(orig, "一") && e > 0 {
				s = "一" + s
			}
			return s
		}
		return zhnum.FormatZh(v)
	}
	if n.Mag > 0 {
		m := v.MulPow10(-n.Mag)
		if l := m.Log10(); l >= 0 && l <= 4 && !strings.Contains(m.String(), ".") {
			return m.String() + magWord(orig, n.Mag)
		}
	}
	if fl&zhnum.Magnitude == 0 && v.Log10() < 16 {
		if s := v.String(); !strings.Contains(s, ".") {
			return s
		}
	}
	return zhnum.FormatZh(v)
}

// magWord returns the magnitude words the figure orig ends with (万亿,
// 亿亿), for a rewrite that keeps them; mag is their exponent.
func magWord(orig string, mag int) string {
	i := len(orig)
	for i >= 3 {
		switch orig[i-3 : i] {
		case "万", "亿", "萬", "億":
			i -= 3
			continue
		}
		break
	}
	if w := orig[i:]; w != "" {
		return w
	}
	return zhnum.Pow10Zh(mag)
}

func itoa(n int) string { return strconv.Itoa(n) }
