package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/dup"
)

// A variant is one kind of injected defect: a unit (sentence, paragraph or
// word), a mutation, and the rule that must report it.
type variant struct {
	name string
	unit string // "sentence", "paragraph", "word"
	rule string
	op   string  // exact, width, prefix+, suffix+, prefix-, suffix-, subst, delete, insert, number, han, english
	rate float64 // for subst, delete, insert
}

func variants() []variant {
	var vs []variant
	for _, unit := range []string{"sentence", "paragraph"} {
		rule := "duplicate-" + unit
		add := func(op string, rate float64) {
			name := op
			if rate > 0 {
				name = fmt.Sprintf("%s-%g%%", op, rate*100)
			}
			vs = append(vs, variant{name: name, unit: unit, rule: rule, op: op, rate: rate})
		}
		add("exact", 0)
		add("width", 0)
		for _, op := range []string{"prefix+", "suffix+", "prefix-", "suffix-"} {
			add(op, 0)
		}
		for _, op := range []string{"subst", "delete", "insert"} {
			for _, r := range []float64{0.01, 0.03, 0.05, 0.10} {
				add(op, r)
			}
		}
	}
	vs = append(vs,
		variant{name: "number", unit: "sentence", rule: "near-duplicate-number", op: "number"},
		variant{name: "han", unit: "word", rule: "repeated-word", op: "han"},
		variant{name: "english", unit: "word", rule: "repeated-word", op: "english"},
	)
	return vs
}

// exactOp reports variants whose copy has the same key as the original:
// recall must be 1 for them.
func (v variant) exactOp() bool { return v.op == "exact" || v.op == "width" }

// Counts are the outcome for one rule and variant.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 1 when nothing was reported.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was injected.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Result holds the counts per variant (for its own rule), per rule, the
// findings on the clean documents, and notes on misses and false alarms.
type Result struct {
	Variants  []variant
	ByVariant map[string]*Counts // key: unit/name
	ByRule    map[string]*Counts
	// Severity: injected sentence copies reported at the severity their
	// distance calls for (error near, warning far), of those found.
	SeverityOK, SeverityAll int
	// Clean: findings on the documents before injection (all false).
	Clean map[string]int
	Docs  int
	Notes []string
}

// key names a variant in ByVariant.
func (v variant) key() string { return v.unit + "/" + v.name }

// Table renders the result.
func (r *Result) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %-13s %6s %6s %6s %9s %7s\n", "rule", "variant", "TP", "FP", "FN", "precision", "recall")
	for _, v := range r.Variants {
		c := r.ByVariant[v.key()]
		fmt.Fprintf(&b, "%-22s %-13s %6d %6d %6d %9.3f %7.3f\n", v.rule, v.name, c.TP, c.FP, c.FN, c.Precision(), c.Recall())
	}
	b.WriteString("\n")
	var rules []string
	for id := range r.ByRule {
		rules = append(rules, id)
	}
	sort.Strings(rules)
	for _, id := range rules {
		c := r.ByRule[id]
		fmt.Fprintf(&b, "%-22s %-13s %6d %6d %6d %9.3f %7.3f\n", id, "all", c.TP, c.FP, c.FN, c.Precision(), c.Recall())
	}
	fmt.Fprintf(&b, "\nseverity as the distance calls for (error within one or adjacent paragraphs, warning farther): %d of %d\n", r.SeverityOK, r.SeverityAll)
	clean := 0
	for _, n := range r.Clean {
		clean += n
	}
	fmt.Fprintf(&b, "findings on the %d documents before injection: %d\n", r.Docs, clean)
	return b.String()
}

// pool is the clean material: corpus sentences that repeat nothing else in
// the pool (the corpora hold exact repeats and templated pairs of their
// own), Han characters for insertions and substitutions, and English
// sentences.
type pool struct {
	sents   []string // clean sentences, each ending with 。！？
	sources []int    // indexes of sentences long enough to be copied
	numbers []int    // indexes of sources holding an Arabic number
	han     []rune
	english []string
}

func loadPool(root string) (*pool, error) {
	var paras []string
	for _, f := range []string{"ecspell-odw-target.txt", "ud-gsdsimp-test.txt"} {
		b, err := os.ReadFile(filepath.Join(root, "testdata", "corpora", f))
		if err != nil {
			return nil, err
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	var cand []string
	seen := map[string]bool{}
	for _, p := range paras {
		for _, sp := range lint.SplitSentences(p, nil) {
			s := p[sp.Start:sp.End]
			last, _ := utf8.DecodeLastRuneInString(s)
			if !strings.ContainsRune("。！？", last) || strings.ContainsAny(s, "“”‘’（）()《》\"") {
				continue // quotes and brackets can pair across sentences
			}
			k := string(dedup.Normalize(s, dedup.FoldDigitRuns|dedup.FoldHanNumerals))
			if seen[k] {
				continue
			}
			seen[k] = true
			cand = append(cand, s)
		}
	}
	// Drop every sentence that already repeats another (exactly, nearly
	// or as a number variant): those pairs are not injected defects.
	units := make([]dedup.Unit, len(cand))
	for i, s := range cand {
		units[i] = dedup.Unit{Text: s}
	}
	opt := dedup.SentenceOptions()
	opt.PairwiseMax = 1 << 30
	opt.MinRunes = 8
	drop := map[int]bool{}
	for _, p := range dedup.FindRepeats(units, opt).Pairs {
		drop[p.A], drop[p.B] = true, true
	}
	pl := &pool{english: englishSentences}
	hanSeen := map[rune]bool{}
	for i, s := range cand {
		if drop[i] {
			continue
		}
		pl.sents = append(pl.sents, s)
		for _, r := range s {
			if unicode.Is(unicode.Han, r) && !hanSeen[r] && !strings.ContainsRune(hanNumerals+"的了在是和与把被对", r) {
				hanSeen[r] = true
				pl.han = append(pl.han, r)
			}
		}
	}
	sort.Slice(pl.han, func(i, j int) bool { return pl.han[i] < pl.han[j] })
	for i, s := range pl.sents {
		if len(dedup.Normalize(s, 0)) >= 20 {
			pl.sources = append(pl.sources, i)
			if strings.ContainsAny(s, "0123456789") {
				pl.numbers = append(pl.numbers, i)
			}
		}
	}
	return pl, nil
}

// hanNumerals are never inserted or substituted: an edit must not turn a
// copy into a number variant.
const hanNumerals = "〇零一二三四五六七八九十百千万亿两"

// gen builds one document at a time.
type gen struct {
	rng *rand.Rand
	p   *pool
}

// doc is a document under construction: paragraphs of sentences.
type doc struct {
	paras [][]string
}

// injected is one injected defect: where the original and the copy end up
// in the final text.
type injected struct {
	orig, copy lint.Span
	far        bool // the copy is three or more paragraphs from the original
}

func (g *gen) document(nPara int) *doc {
	d := &doc{}
	used := map[int]bool{}
	for range nPara {
		n := 2 + g.rng.IntN(4)
		var para []string
		for len(para) < n {
			i := g.rng.IntN(len(g.p.sents))
			if used[i] {
				continue
			}
			used[i] = true
			para = append(para, g.p.sents[i])
		}
		d.paras = append(d.paras, para)
	}
	return d
}

// pick returns an unused pool source (from list) not yet in the document.
func (g *gen) pick(d *doc, list []int) (string, bool) {
	in := map[string]bool{}
	for _, p := range d.paras {
		for _, s := range p {
			in[s] = true
		}
	}
	for range 200 {
		s := g.p.sents[list[g.rng.IntN(len(list))]]
		if !in[s] {
			return s, true
		}
	}
	return "", false
}

// content: characters an edit may touch (Han other than numerals, Latin
// letters).
func content(r rune) bool {
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune(hanNumerals, r) || r < 0x80 && unicode.IsLetter(r)
}

func (g *gen) hans(n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(g.p.han[g.rng.IntN(len(g.p.han))])
	}
	return b.String()
}

// mutate applies a variant's edit to s (a sentence or a paragraph).
func (g *gen) mutate(v variant, s string) string {
	rs := []rune(s)
	// end: where the final punctuation starts.
	end := len(rs)
	for end > 0 && !content(rs[end-1]) && !unicode.IsDigit(rs[end-1]) {
		end--
	}
	nContent := 0
	for _, r := range rs {
		if content(r) {
			nContent++
		}
	}
	phrase := 2 + g.rng.IntN(5) // 2–6 characters
	switch v.op {
	case "exact":
		return s
	case "width":
		var b strings.Builder
		for i, r := range rs {
			switch {
			case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
				r += 0xFEE0
			case r == '，' || r == '、':
				r = ','
			case r == '；':
				r = ';'
			case r == '：':
				r = ':'
			}
			b.WriteRune(r)
			if i%9 == 4 && i+1 < len(rs) {
				b.WriteByte(' ')
			}
		}
		return b.String()
	case "prefix+":
		p := g.hans(phrase)
		if g.rng.IntN(2) == 0 {
			p += "，"
		}
		return p + s
	case "suffix+":
		return string(rs[:end]) + g.hans(phrase) + string(rs[end:])
	case "prefix-", "suffix-":
		// Drop a phrase: at most a tenth of the text, at least two
		// characters.
		k := min(phrase, max(2, nContent/10))
		if v.op == "prefix-" {
			i, dropped := 0, 0
			for i < len(rs) && dropped < k {
				if content(rs[i]) {
					dropped++
				}
				i++
			}
			for i < len(rs) && !content(rs[i]) && !unicode.IsDigit(rs[i]) {
				i++ // no punctuation left at the start
			}
			return string(rs[i:])
		}
		i, dropped := end, 0
		for i > 0 && dropped < k {
			if content(rs[i-1]) {
				dropped++
			}
			i--
		}
		for i > 0 && !content(rs[i-1]) && !unicode.IsDigit(rs[i-1]) {
			i--
		}
		return string(rs[:i]) + string(rs[end:])
	case "subst", "delete", "insert":
		var pos []int
		for i, r := range rs[:end] {
			if content(r) {
				pos = append(pos, i)
			}
		}
		n := min(len(pos), max(1, int(math.Round(v.rate*float64(len(pos))))))
		g.rng.Shuffle(len(pos), func(i, j int) { pos[i], pos[j] = pos[j], pos[i] })
		pick := map[int]bool{}
		for _, i := range pos[:n] {
			pick[i] = true
		}
		var b strings.Builder
		for i, r := range rs {
			if !pick[i] {
				b.WriteRune(r)
				continue
			}
			switch v.op {
			case "subst":
				x := g.p.han[g.rng.IntN(len(g.p.han))]
				for x == r {
					x = g.p.han[g.rng.IntN(len(g.p.han))]
				}
				b.WriteRune(x)
			case "insert":
				b.WriteString(g.hans(1))
				b.WriteRune(r)
			}
		}
		return b.String()
	case "number":
		// Change the last digit of one number.
		var lasts []int
		for i, r := range rs {
			if r >= '0' && r <= '9' && (i+1 == len(rs) || rs[i+1] < '0' || rs[i+1] > '9') {
				lasts = append(lasts, i)
			}
		}
		if len(lasts) == 0 {
			return s
		}
		i := lasts[g.rng.IntN(len(lasts))]
		rs[i] = '0' + (rs[i]-'0'+1+rune(g.rng.IntN(9)))%10
		return string(rs)
	}
	panic("unknown op " + v.op)
}

// render writes the document: paragraphs separated by blank lines. Marks
// (injected sentences or paragraphs, by pointer identity of their text
// slot) get their spans recorded.
type slot struct{ p, s int } // paragraph, sentence (-1: whole paragraph)

func (d *doc) render(marks map[slot]*lint.Span) string {
	var b strings.Builder
	for pi, p := range d.paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		pstart := b.Len()
		for si, s := range p {
			if sp := marks[slot{pi, si}]; sp != nil {
				sp.Start = b.Len()
				sp.End = b.Len() + len(s)
			}
			b.WriteString(s)
		}
		if sp := marks[slot{pi, -1}]; sp != nil {
			sp.Start, sp.End = pstart, b.Len()
		}
	}
	b.WriteString("\n")
	return b.String()
}

// inject adds copies of the variant to d and returns the document text and
// the injected defects.
func (g *gen) inject(d *doc, v variant, n int) (string, []*injected) {
	type plan struct {
		orig, copy slot
		far        bool
	}
	var plans []plan
	usedPara := map[int]bool{}
	for range n {
		switch v.unit {
		case "sentence":
			list := g.p.sources
			if v.op == "number" {
				list = g.p.numbers
			}
			src, ok := g.pick(d, list)
			if !ok {
				continue
			}
			// The original goes into a random paragraph; the copy into the
			// same one, the next one, or one three or more further on.
			var pi int
			for {
				pi = g.rng.IntN(len(d.paras))
				if !usedPara[pi] {
					break
				}
			}
			where := g.rng.IntN(3)
			qi := pi
			switch where {
			case 1:
				qi = pi + 1
			case 2:
				qi = pi + 3 + g.rng.IntN(3)
			}
			if qi >= len(d.paras) || usedPara[qi] {
				continue
			}
			usedPara[pi], usedPara[qi] = true, true
			si := g.rng.IntN(len(d.paras[pi]) + 1)
			d.paras[pi] = insertAt(d.paras[pi], si, src)
			cp := g.mutate(v, src)
			var ci int
			if qi == pi {
				ci = si + 1 + g.rng.IntN(len(d.paras[pi])-si)
			} else {
				ci = g.rng.IntN(len(d.paras[qi]) + 1)
			}
			d.paras[qi] = insertAt(d.paras[qi], ci, cp)
			plans = append(plans, plan{slot{pi, si}, slot{qi, ci}, where == 2})
		case "paragraph":
			var pi int
			for tries := 0; ; tries++ {
				pi = g.rng.IntN(len(d.paras))
				if !usedPara[pi] || tries > 50 {
					break
				}
			}
			if usedPara[pi] {
				continue
			}
			far := g.rng.IntN(2) == 1
			qi := pi + 1
			if far {
				qi = pi + 3 + g.rng.IntN(3)
			}
			if qi > len(d.paras) {
				continue
			}
			cp := g.mutate(v, strings.Join(d.paras[pi], ""))
			d.paras = append(d.paras[:qi], append([][]string{{cp}}, d.paras[qi:]...)...)
			// Paragraph indexes after qi moved by one.
			moved := map[int]bool{}
			for k := range usedPara {
				if k >= qi {
					moved[k+1] = true
				} else {
					moved[k] = true
				}
			}
			usedPara = moved
			for i := range plans {
				if plans[i].orig.p >= qi {
					plans[i].orig.p++
				}
				if plans[i].copy.p >= qi {
					plans[i].copy.p++
				}
			}
			usedPara[pi], usedPara[qi] = true, true
			plans = append(plans, plan{slot{pi, -1}, slot{qi, 0}, far})
		}
	}
	marks := map[slot]*lint.Span{}
	var out []*injected
	for _, pl := range plans {
		in := &injected{far: pl.far}
		origSlot, copySlot := pl.orig, pl.copy
		if v.unit == "paragraph" {
			copySlot = slot{pl.copy.p, -1}
		}
		marks[origSlot] = &in.orig
		marks[copySlot] = &in.copy
		out = append(out, in)
	}
	return d.render(marks), out
}

func insertAt(list []string, i int, s string) []string {
	list = append(list, "")
	copy(list[i+1:], list[i:])
	list[i] = s
	return list
}

// Evaluate builds docs documents per variant from the clean pool, injects
// two defects into each, runs the duplication rules and counts.
func Evaluate(root string, docs int, seed uint64) (*Result, error) {
	p, err := loadPool(root)
	if err != nil {
		return nil, err
	}
	rules := dup.Rules()
	res := &Result{Variants: variants(), ByVariant: map[string]*Counts{}, ByRule: map[string]*Counts{}, Clean: map[string]int{}}
	for _, r := range rules {
		res.ByRule[r.ID] = &Counts{}
	}
	for vi, v := range res.Variants {
		g := &gen{rng: rand.New(rand.NewPCG(seed, uint64(vi)+1)), p: p}
		c := &Counts{}
		res.ByVariant[v.key()] = c
		for range docs {
			d := g.document(8 + g.rng.IntN(5))
			if vi == 0 {
				// The clean documents: every finding is false.
				text := d.render(nil)
				for _, dg := range check(text, rules) {
					res.Clean[dg.Rule]++
					res.ByRule[dg.Rule].FP++
					res.Notes = append(res.Notes, fmt.Sprintf("clean: %s %s at %d", dg.Rule, dg.Message, dg.Start.Line))
				}
				res.Docs++
			}
			var text string
			var ins []*injected
			switch v.unit {
			case "word":
				text, ins = g.injectWords(d, v, 3)
			default:
				text, ins = g.inject(d, v, 2)
			}
			diags := check(text, rules)
			res.score(v, text, ins, diags, c)
		}
		res.ByRule[v.rule].add(*c)
	}
	return res, nil
}

// check lints one text with the given rules.
func check(text string, rules []*lint.Rule) []lint.Diagnostic {
	doc := lint.Parse("bench.txt", []byte(text), lint.FormatText)
	diags, _ := lint.Check(doc, rules)
	return diags
}

func overlaps(a, b lint.Span) bool { return a.Start < b.End && b.Start < a.End }

// score matches findings to injected defects: a finding of the variant's
// rule on the original or the copy of an injected pair finds it; any other
// finding of any duplication rule is false.
func (r *Result) score(v variant, text string, ins []*injected, diags []lint.Diagnostic, c *Counts) {
	found := make([]bool, len(ins))
	for _, dg := range diags {
		hit := -1
		for i, in := range ins {
			if overlaps(dg.Span, in.copy) || (v.unit != "word" && overlaps(dg.Span, in.orig)) {
				hit = i
				break
			}
		}
		if dg.Rule == v.rule && hit >= 0 && !found[hit] {
			found[hit] = true
			c.TP++
			if v.rule == "duplicate-sentence" {
				r.SeverityAll++
				want := lint.Error
				if ins[hit].far {
					want = lint.Warning
				}
				if dg.Severity == want {
					r.SeverityOK++
				}
			}
			continue
		}
		if dg.Rule == v.rule {
			c.FP++
		} else {
			r.ByRule[dg.Rule].FP++
		}
		if len(r.Notes) < 400 {
			r.Notes = append(r.Notes, fmt.Sprintf("%s/%s: false %s at line %d: %s\n  %s", v.unit, v.name, dg.Rule, dg.Start.Line, dg.Message, snippet(text, dg.Span)))
		}
	}
	for i, in := range ins {
		if !found[i] {
			c.FN++
			if len(r.Notes) < 400 {
				ctx := lint.Span{Start: max(0, in.orig.Start-6), End: min(len(text), in.copy.End+6)}
				r.Notes = append(r.Notes, fmt.Sprintf("%s/%s: missed\n  %s\n  %s", v.unit, v.name, snippet(text, in.orig), snippet(text, ctx)))
			}
		}
	}
}

func snippet(text string, sp lint.Span) string {
	if sp.End > len(text) || sp.Start < 0 || sp.End < sp.Start {
		return "?"
	}
	s := text[sp.Start:sp.End]
	if utf8.RuneCountInString(s) > 120 {
		s = string([]rune(s)[:120]) + "…"
	}
	return s
}

// hanTargets are the function characters repeated-word looks at.
const hanTargets = "的了在是和与把被对"

// englishTargets are the English words it reports doubled.
var englishTargets = []string{"the", "a", "an", "and", "or", "of", "to", "for", "with", "from", "by"}

// injectWords doubles n words of the document: a Han function character
// (one of hanTargets, chosen where it is neither doubled already nor next
// to another copy of itself), or, for the English variant, a function word
// of an English paragraph added to the document.
func (g *gen) injectWords(d *doc, v variant, n int) (string, []*injected) {
	if v.op == "english" {
		var para []string
		for _, i := range g.rng.Perm(len(g.p.english))[:4] {
			para = append(para, g.p.english[i])
		}
		d.paras = append(d.paras, []string{strings.Join(para, " ")})
	}
	text := d.render(nil)
	type cand struct{ start, end int }
	var cands []cand
	switch v.op {
	case "han":
		for i, r := range text {
			if !strings.ContainsRune(hanTargets, r) {
				continue
			}
			n := utf8.RuneLen(r)
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if prev != r && next != r {
				cands = append(cands, cand{i, i + n})
			}
		}
	case "english":
		start := strings.LastIndex(text[:len(text)-1], "\n") + 1
		for i := start; i < len(text); {
			j := i
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
				j++
			}
			if j > i {
				w := strings.ToLower(text[i:j])
				for _, t := range englishTargets {
					if w == t && (i == 0 || text[i-1] == ' ') && j < len(text) && text[j] == ' ' {
						cands = append(cands, cand{i, j})
					}
				}
				i = j
				continue
			}
			i++
		}
	}
	g.rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	var chosen []cand
	for _, c := range cands {
		if len(chosen) == n {
			break
		}
		ok := true
		for _, o := range chosen {
			if c.start < o.end+12 && o.start < c.end+12 {
				ok = false // keep the doublings apart
			}
		}
		if ok {
			chosen = append(chosen, c)
		}
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].start < chosen[j].start })
	var b strings.Builder
	var out []*injected
	pos := 0
	for _, c := range chosen {
		b.WriteString(text[pos:c.end])
		w := text[c.start:c.end]
		start := b.Len() - len(w)
		if v.op == "english" {
			b.WriteString(" ")
			w = strings.ToLower(w)
		}
		b.WriteString(w)
		sp := lint.Span{Start: start, End: b.Len()}
		out = append(out, &injected{orig: sp, copy: sp})
		pos = c.end
	}
	b.WriteString(text[pos:])
	return b.String(), out
}

// englishSentences are plain English sentences written for this
// benchmark, with doubled words that are right (had had, that that).
var englishSentences = []string{
	"The committee reviewed the annual budget and approved it without changes.",
	"Local governments reported steady progress on rural roads and water supply.",
	"The report describes the results of the survey carried out last spring.",
	"Most of the new jobs were created in services and light manufacturing.",
	"The ministry said that the plan would be published by the end of the year.",
	"Exports of machinery rose for the third quarter in a row.",
	"She said that that decision had had no effect on the schedule.",
	"Training for teachers in remote areas will continue with support from the province.",
	"A review of the pilot program found that costs were lower than expected.",
	"The city plans to open two new parks and a library near the river.",
	"Farmers received advice on soil testing and the use of fertiliser.",
	"The agency will publish monthly figures from January onwards.",
	"By the end of June, more than half of the projects had started.",
	"The delegation visited factories, schools and a hospital in the north.",
	"Officials from several departments attended the meeting on Tuesday.",
	"The new rules apply to companies with more than fifty employees.",
	"Investment in research grew faster than the economy as a whole.",
	"An independent panel will evaluate the program every two years.",
	"The bridge was closed for repairs after the heavy rain in May.",
	"Prices for vegetables fell slightly while prices for meat stayed flat.",
	"The museum reopened with an exhibition on the history of the port.",
	"Residents can apply for the subsidy online or at a local office.",
	"The survey covered households in cities, towns and villages.",
	"What it is is a plan for the next five years, not a promise.",
	"The province signed agreements with universities to train engineers.",
	"Air quality improved in most cities compared with last year.",
	"The rail line will connect the airport with the city centre by 2027.",
	"Small firms said access to credit remained their main concern.",
	"The report was written by a team of economists and engineers.",
	"Volunteers helped to clean the beaches along the eastern coast.",
}
