package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/layout"
)

// Defect kinds the generator injects, and the rule that must report each.
const (
	kMidWord   = "mid-word split"
	kComma     = "split after a comma"
	kCaption   = "caption between halves"
	kOrphan    = "lost-beginning tail"
	kPageNum   = "page number"
	kHeader    = "running header"
	kPrint     = "print header/footer"
	kHyphen    = "hyphen break"
	kFurnSplit = "split across a page number"
	// kOrphanAny is informational: a tail cut at any word-like bigram
	// whose second character is often a word's second half. Many such
	// tails read as sentences (动阵地。, 表法国的大鹰。); the rule does
	// not promise them, so they count neither for nor against it.
	kOrphanAny = "tail cut anywhere (info)"
)

var kindRule = map[string]string{
	kMidWord: "split-paragraph", kComma: "split-paragraph", kFurnSplit: "split-paragraph",
	kCaption: "intruding-caption", kOrphan: "orphan-fragment", kOrphanAny: "orphan-fragment",
	kPageNum: "page-furniture", kHeader: "page-furniture", kPrint: "page-furniture",
	kHyphen: "hyphen-break",
}

var kinds = []string{kMidWord, kComma, kFurnSplit, kCaption, kOrphan, kPageNum, kHeader, kPrint, kHyphen, kOrphanAny}

// Rules under test: the layout-artefact rules that are on by default.
func rulesUnderTest() []*lint.Rule {
	return []*lint.Rule{layout.SplitParagraph, layout.IntrudingCaption, layout.OrphanFragment, layout.PageFurniture, layout.HyphenBreak}
}

// Counts are the outcome for one rule or one defect kind.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 1 when nothing was reported.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// Result holds the counts per rule and per injected kind.
type Result struct {
	Docs   int
	Bytes  int
	ByRule map[string]*Counts
	ByKind map[string]*Counts
	Notes  []string // misses and false positives, for -v
}

// Table renders the result as two plain-text tables.
func (r *Result) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "layout benchmark: %d documents, %d bytes\n\n", r.Docs, r.Bytes)
	fmt.Fprintf(&b, "%-20s %6s %6s %6s %9s %7s\n", "rule", "TP", "FP", "FN", "precision", "recall")
	for _, rl := range rulesUnderTest() {
		c := r.ByRule[rl.ID]
		fmt.Fprintf(&b, "%-20s %6d %6d %6d %9.3f %7.3f\n", rl.ID, c.TP, c.FP, c.FN, c.Precision(), c.Recall())
	}
	fmt.Fprintf(&b, "\n%-28s %-18s %6s %6s %7s\n", "injected defect", "rule", "found", "missed", "recall")
	for _, k := range kinds {
		c := r.ByKind[k]
		fmt.Fprintf(&b, "%-28s %-18s %6d %6d %7.3f\n", k, kindRule[k], c.TP, c.FN, c.Recall())
	}
	return b.String()
}

// Evaluate builds docs documents from the text under root (the repository
// root), injects defects with the given seed and scores the rules.
func Evaluate(root string, docs int, seed uint64) (*Result, error) {
	src, err := loadSources(root)
	if err != nil {
		return nil, err
	}
	res := &Result{Docs: docs, ByRule: map[string]*Counts{}, ByKind: map[string]*Counts{}}
	for _, r := range rulesUnderTest() {
		res.ByRule[r.ID] = &Counts{}
	}
	for _, k := range kinds {
		res.ByKind[k] = &Counts{}
	}
	rules := rulesUnderTest()
	for d := 0; d < docs; d++ {
		rng := rand.New(rand.NewPCG(seed, uint64(d)))
		text, wants := src.document(rng)
		res.Bytes += len(text)
		name := fmt.Sprintf("synthetic-%03d.txt", d)
		doc := lint.Parse(name, []byte(text), lint.FormatText)
		diags, errs := lint.Check(doc, rules)
		if len(errs) > 0 {
			return nil, errs[0]
		}
		type key struct {
			rule string
			line int
		}
		expected := map[key]string{}
		for _, w := range wants {
			expected[key{kindRule[w.kind], w.line}] = w.kind
		}
		found := map[key]bool{}
		for _, dg := range diags {
			k := key{dg.Rule, dg.Start.Line}
			c := res.ByRule[dg.Rule]
			if c == nil {
				continue
			}
			if kind, ok := expected[k]; ok && !found[k] {
				found[k] = true
				if kind != kOrphanAny {
					c.TP++
				}
				continue
			}
			c.FP++
			res.Notes = append(res.Notes, fmt.Sprintf("FP %s:%d %s: %s | %s", name, dg.Start.Line, dg.Rule, dg.Message, clip(doc.LineText(dg.Start.Line), 60)))
		}
		for k, kind := range expected {
			if found[k] {
				res.ByKind[kind].TP++
				continue
			}
			res.ByKind[kind].FN++
			if kind == kOrphanAny {
				continue
			}
			res.ByRule[k.rule].FN++
			res.Notes = append(res.Notes, fmt.Sprintf("FN %s:%d %s (%s) | %s | %s | %s", name, k.line, k.rule, kind,
				clip(prevText(doc, k.line), 20), clip(doc.LineText(k.line), 40), clip(nextText(doc, k.line), 20)))
		}
	}
	sort.Strings(res.Notes)
	return res, nil
}

// SweepResult is Evaluate over consecutive seeds: each seed's result and
// their sum.
type SweepResult struct {
	First  uint64
	Seeds  []*Result
	Pooled *Result
}

// Sweep runs Evaluate for seeds first … first+n-1 and pools the counts.
func Sweep(root string, docs int, first uint64, n int) (*SweepResult, error) {
	sw := &SweepResult{First: first, Pooled: &Result{ByRule: map[string]*Counts{}, ByKind: map[string]*Counts{}}}
	for _, r := range rulesUnderTest() {
		sw.Pooled.ByRule[r.ID] = &Counts{}
	}
	for _, k := range kinds {
		sw.Pooled.ByKind[k] = &Counts{}
	}
	for i := 0; i < n; i++ {
		res, err := Evaluate(root, docs, first+uint64(i))
		if err != nil {
			return nil, err
		}
		sw.Seeds = append(sw.Seeds, res)
		p := sw.Pooled
		p.Docs += res.Docs
		p.Bytes += res.Bytes
		p.Notes = append(p.Notes, res.Notes...)
		for id, c := range res.ByRule {
			p.ByRule[id].add(c)
		}
		for k, c := range res.ByKind {
			p.ByKind[k].add(c)
		}
	}
	return sw, nil
}

func (c *Counts) add(o *Counts) { c.TP, c.FP, c.FN = c.TP+o.TP, c.FP+o.FP, c.FN+o.FN }

// Table renders the pooled result and each seed's precision and recall.
func (sw *SweepResult) Table() string {
	if len(sw.Seeds) == 1 {
		return sw.Seeds[0].Table()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "seeds %d–%d, pooled:\n", sw.First, sw.First+uint64(len(sw.Seeds))-1)
	b.WriteString(sw.Pooled.Table())
	fmt.Fprintf(&b, "\n%-20s", "precision/recall")
	for i := range sw.Seeds {
		fmt.Fprintf(&b, " %11s", fmt.Sprintf("seed %d", sw.First+uint64(i)))
	}
	b.WriteByte('\n')
	for _, rl := range rulesUnderTest() {
		fmt.Fprintf(&b, "%-20s", rl.ID)
		for _, res := range sw.Seeds {
			c := res.ByRule[rl.ID]
			fmt.Fprintf(&b, " %5.3f/%5.3f", c.Precision(), c.Recall())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// prevText is the previous non-blank line before line n.
func prevText(doc *lint.Document, n int) string {
	for l := n - 1; l >= 1; l-- {
		if t := strings.TrimSpace(doc.LineText(l)); t != "" {
			return t
		}
	}
	return ""
}

// nextText is the next non-blank line after line n.
func nextText(doc *lint.Document, n int) string {
	for l := n + 1; l <= doc.LineCount(); l++ {
		if t := strings.TrimSpace(doc.LineText(l)); t != "" {
			return t
		}
	}
	return ""
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n/2]) + "…" + string(r[len(r)-n/2:])
}

// sources is the clean material documents are made of.
type sources struct {
	sentences  []string   // clean sentences that end a sentence
	genre      []string   // clean lines without a final mark (names, titles, notes)
	chunks     [][]string // runs of blocks kept together: Constitution sections, rule-test traps
	english    []string
	bigram     map[[2]rune]bool // word-like bigrams for the generator
	tail       map[rune]bool    // characters often a word's second half
	strictTail map[rune]bool    // characters nearly always a word's second half
}

var wantRe = regexp.MustCompile(`<!--.*?-->`)

func loadSources(root string) (*sources, error) {
	s := &sources{english: englishSentences}
	read := func(rel string) (string, error) {
		b, err := os.ReadFile(filepath.Join(root, rel))
		return string(b), err
	}
	var all strings.Builder
	for _, f := range []string{"ecspell-odw-target.txt", "ud-gsdsimp-test.txt"} {
		t, err := read(filepath.Join("testdata", "corpora", f))
		if err != nil {
			return nil, err
		}
		all.WriteString(t)
		for _, p := range strings.Split(t, "\n\n") {
			p = strings.TrimSpace(p)
			switch {
			case p == "" || strings.Contains(p, "\n"):
			case sentenceEnd(p):
				s.sentences = append(s.sentences, p)
			default:
				s.genre = append(s.genre, p)
			}
		}
	}
	con, err := read(filepath.Join("testdata", "corpora", "lawrefbook-constitution.md"))
	if err != nil {
		return nil, err
	}
	all.WriteString(con)
	con = wantRe.ReplaceAllString(con, "")
	var cur []string
	for _, p := range strings.Split(con, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if (strings.HasPrefix(p, "#") || strings.HasPrefix(p, "第")) && len(cur) >= 4 {
			s.chunks = append(s.chunks, cur)
			cur = nil
		}
		cur = append(cur, p)
	}
	if len(cur) > 0 {
		s.chunks = append(s.chunks, cur)
	}
	// The genre traps of the layout rule tests (a fixed list: other rule
	// families' test files change under their own owners).
	for _, id := range []string{"split-paragraph", "intruding-caption", "stray-caption", "orphan-fragment", "page-furniture", "hyphen-break"} {
		f := filepath.Join(root, "testdata", "rules", id, "traps.txt")
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		t := wantRe.ReplaceAllString(string(b), "")
		var blocks []string
		for _, p := range strings.Split(t, "\n\n") {
			if p = strings.Trim(p, "\n"); strings.TrimSpace(p) != "" {
				blocks = append(blocks, p)
			}
		}
		// Only traps that stay clean without their neighbours' want
		// comments: drop blocks that the rule tests expect findings on.
		if strings.Contains(string(b), "want") {
			continue
		}
		s.chunks = append(s.chunks, blocks)
	}
	s.bigram = wordBigrams(all.String())
	s.tail = tailChars(all.String(), s.bigram, 0.6, 0.02)
	s.strictTail = tailChars(all.String(), s.bigram, 0.85, 0.005)
	return s, nil
}

// sentenceEnd reports text ending with 。！？ (a closing quote may follow).
func sentenceEnd(p string) bool {
	p = strings.TrimRight(p, "”’」』")
	r, _ := utf8.DecodeLastRuneInString(p)
	return r == '。' || r == '！' || r == '？'
}

// wordBigrams learns where words are from the corpora alone: a Han bigram
// that occurs at least three times and whose pointwise mutual information
// is at least ln 30 (its characters occur together thirty times more often
// than chance) is taken as word-internal.
func wordBigrams(text string) map[[2]rune]bool {
	uni := map[rune]int{}
	bi := map[[2]rune]int{}
	n := 0
	prev := rune(0)
	for _, r := range text {
		if !lint.IsHan(r) {
			prev = 0
			continue
		}
		uni[r]++
		n++
		if prev != 0 {
			bi[[2]rune{prev, r}]++
		}
		prev = r
	}
	out := map[[2]rune]bool{}
	for k, c := range bi {
		if c < 3 {
			continue
		}
		pmi := math.Log(float64(c) * float64(n) / (float64(uni[k[0]]) * float64(uni[k[1]])))
		if pmi >= math.Log(30) {
			out[k] = true
		}
	}
	return out
}

// tailChars learns from the corpora which characters are a word's second
// half: at least minSecond of their occurrences close a word-like bigram,
// and at most maxStart of them begin a clause (after a punctuation mark
// or at a paragraph start). Strict (85%, 0.5%): the rule's "normally the
// second half of a word"; loose (60%, 2%): the informational row.
func tailChars(text string, bigram map[[2]rune]bool, minSecond, maxStart float64) map[rune]bool {
	total := map[rune]int{}
	second := map[rune]int{}
	start := map[rune]int{}
	prev := rune('\n')
	for _, r := range text {
		if lint.IsHan(r) {
			total[r]++
			if bigram[[2]rune{prev, r}] {
				second[r]++
			}
			if prev == '\n' || unicode.IsPunct(prev) {
				start[r]++
			}
		}
		prev = r
	}
	out := map[rune]bool{}
	for r, t := range total {
		if t >= 5 && float64(second[r]) >= minSecond*float64(t) && float64(start[r]) <= maxStart*float64(t) {
			out[r] = true
		}
	}
	return out
}

// block is one rendered paragraph with the expectations it carries.
type block struct {
	text  string
	blank int // blank lines before it
	wants []want
}

// want is an injected defect: the kind and the line within the block
// (0-based) where its finding must start; line is filled on rendering.
type want struct {
	kind string
	off  int
	line int
}

func (s *sources) prose(rng *rand.Rand) string {
	n := 1 + rng.IntN(4)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(s.sentences[rng.IntN(len(s.sentences))])
	}
	return b.String()
}

func (s *sources) englishPara(rng *rand.Rand) string {
	n := 2 + rng.IntN(3)
	var parts []string
	for i := 0; i < n; i++ {
		parts = append(parts, s.english[rng.IntN(len(s.english))])
	}
	return strings.Join(parts, " ")
}

// midWordCuts lists the byte offsets inside word-like bigrams of p.
func (s *sources) midWordCuts(p string) []int {
	var out []int
	prev := rune(0)
	for i, r := range p {
		if prev != 0 && lint.IsHan(prev) && lint.IsHan(r) && s.bigram[[2]rune{prev, r}] {
			out = append(out, i)
		}
		prev = r
	}
	return out
}

// commaCuts lists the offsets right after a ， or 、 that is not last.
func commaCuts(p string) []int {
	var out []int
	for i, r := range p {
		if r == '，' || r == '、' {
			j := i + utf8.RuneLen(r)
			if j < len(p)-6 {
				out = append(out, j)
			}
		}
	}
	return out
}

var (
	captionOrgs  = []string{"湖北省政协", "省人大常委会", "市政府", "省政协调研组", "省委宣讲团", "委员视察团", "区政协"}
	captionActs  = []string{"召开专题协商会议", "在武汉调研企业数字化转型", "举行常委会会议开幕式", "在鄂州考察产业园区", "召开座谈会听取意见", "举办委员履职培训班", "走访慰问困难群众"}
	captionPhoto = []string{"调研组在企业车间了解生产情况", "会议现场", "委员们在展厅参观", "座谈会现场", "委员们在田间查看秧苗长势"}
	photogs      = []string{"张三", "李明", "王芳", "刘洋"}
	headers      = []string{"湖北政协 2024年第9期", "政府工作报告", "内部资料 注意保存", "中国政协理论研究 第3期", "XX市人民政府公报"}
)

func caption(rng *rand.Rand) string {
	switch rng.IntN(3) {
	case 0:
		return fmt.Sprintf("%d月%d日，%s%s。", 1+rng.IntN(12), 1+rng.IntN(28), captionOrgs[rng.IntN(len(captionOrgs))], captionActs[rng.IntN(len(captionActs))])
	case 1:
		return "图为" + captionPhoto[rng.IntN(len(captionPhoto))] + "。"
	}
	return fmt.Sprintf("%s。（%s 摄）", captionPhoto[rng.IntN(len(captionPhoto))], photogs[rng.IntN(len(photogs))])
}

func pageNumber(rng *rand.Rand, page int) string {
	total := page + 1 + rng.IntN(30)
	switch rng.IntN(6) {
	case 0:
		return fmt.Sprintf("— %d —", page)
	case 1:
		return fmt.Sprintf("- %d -", page)
	case 2:
		return fmt.Sprintf("第%d页", page)
	case 3:
		return fmt.Sprintf("第 %d 页 共 %d 页", page, total)
	case 4:
		return fmt.Sprintf("%d/%d", page, total)
	}
	return fmt.Sprintf("Page %d of %d", page, total)
}

// document builds one synthetic document and its expectations.
func (s *sources) document(rng *rand.Rand) (string, []want) {
	var blocks []block
	add := func(t string, ws ...want) { blocks = append(blocks, block{text: t, blank: 1, wants: ws}) }
	nUnits := 12 + rng.IntN(14)
	chunkUsed := false
	for i := 0; i < nUnits; i++ {
		switch x := rng.IntN(100); {
		case x < 62:
			add(s.prose(rng))
		case x < 77:
			add(s.genre[rng.IntN(len(s.genre))])
		case x < 87 && !chunkUsed:
			chunkUsed = true
			for _, b := range s.chunks[rng.IntN(len(s.chunks))] {
				add(b)
			}
		default:
			add(s.englishPara(rng))
		}
	}
	// Injections work on a copy of the block list, one defect per
	// original prose block.
	isProse := func(t string) bool {
		return sentenceEnd(t) && !strings.Contains(t, "\n") && utf8.RuneCountInString(t) >= 12
	}
	pick := func(ok func(string) bool) int {
		var c []int
		for i, b := range blocks {
			if len(b.wants) == 0 && ok(b.text) {
				c = append(c, i)
			}
		}
		if len(c) == 0 {
			return -1
		}
		return c[rng.IntN(len(c))]
	}
	insert := func(at int, bs ...block) {
		blocks = append(blocks[:at], append(bs, blocks[at:]...)...)
	}
	split := func(kind string, cuts func(string) []int, between func() []block) {
		i := pick(func(t string) bool { return isProse(t) && len(cuts(t)) > 0 })
		if i < 0 {
			return
		}
		t := blocks[i].text
		cs := cuts(t)
		c := cs[rng.IntN(len(cs))]
		a := block{text: t[:c], blank: blocks[i].blank}
		b := block{text: t[c:], blank: 1, wants: []want{{kind: "done"}}}
		var mid []block
		if between != nil {
			mid = between()
		}
		if kind == kCaption {
			a.wants = []want{{kind: "done"}}
		} else {
			a.wants = []want{{kind: kind, off: 0}}
		}
		blocks[i] = a
		insert(i+1, append(mid, b)...)
	}
	page := 1 + rng.IntN(40)
	split(kMidWord, s.midWordCuts, nil)
	if rng.IntN(10) < 7 {
		split(kComma, commaCuts, nil)
	}
	if rng.IntN(10) < 5 {
		cuts := s.midWordCuts
		if rng.IntN(2) == 0 {
			cuts = commaCuts
		}
		split(kCaption, cuts, func() []block {
			return []block{{text: caption(rng), blank: 1 + rng.IntN(3), wants: []want{{kind: kCaption}}}}
		})
	}
	if rng.IntN(10) < 3 {
		split(kFurnSplit, s.midWordCuts, func() []block {
			page++
			return []block{{text: pageNumber(rng, page), wants: []want{{kind: kPageNum}}, blank: 1}}
		})
	}
	if rng.IntN(10) < 6 {
		// A tail whose beginning was lost, after a paragraph that ended:
		// cut before a particle or suffix, or inside a word before a
		// character that is nearly always a word's second half (both
		// learnt from the corpora, see tailChars and boundChars).
		s.orphan(rng, kOrphan, pick, insert, isProse, func(t string, c int) bool {
			r, _ := utf8.DecodeRuneInString(t[c:])
			return s.strictTail[r] || particleAt(t, c)
		})
	}
	if rng.IntN(10) < 3 {
		s.orphan(rng, kOrphanAny, pick, insert, isProse, func(t string, c int) bool {
			r, _ := utf8.DecodeRuneInString(t[c:])
			return s.tail[r]
		})
	}
	if rng.IntN(10) < 6 {
		for k := 1 + rng.IntN(3); k > 0; k-- {
			page++
			at := 1 + rng.IntN(len(blocks))
			if at < len(blocks) && len(blocks[at].wants) > 0 {
				continue // not between the halves of an injected split
			}
			insert(at, block{text: pageNumber(rng, page), blank: 1, wants: []want{{kind: kPageNum}}})
		}
	}
	if rng.IntN(10) < 3 {
		h := headers[rng.IntN(len(headers))]
		for k := 0; k < 3+rng.IntN(2); k++ {
			at := k * len(blocks) / 4
			if at < len(blocks) && len(blocks[at].wants) > 0 && blocks[at].wants[0].kind == "done" {
				at++
			}
			insert(at, block{text: h, blank: 1, wants: []want{{kind: kHeader}}})
		}
	}
	if rng.IntN(10) < 2 {
		at := rng.IntN(len(blocks))
		if !(at < len(blocks) && len(blocks[at].wants) > 0 && blocks[at].wants[0].kind == "done") {
			insert(at, block{text: fmt.Sprintf("2026/%d/%d %d:%02d 政府工作报告_中国政府网", 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60)),
				blank: 1, wants: []want{{kind: kPrint}}})
		}
	}
	if rng.IntN(10) < 5 {
		i := pick(func(t string) bool {
			r, _ := utf8.DecodeRuneInString(t)
			return r >= 'A' && r <= 'Z' && strings.Contains(t, ". ")
		})
		if i >= 0 {
			t := blocks[i].text
			words := strings.Fields(t)
			var cands []int
			for w := 1; w < len(words); w++ {
				if len(words[w]) >= 6 && isLowerWord(words[w]) {
					cands = append(cands, w)
				}
			}
			if len(cands) > 0 {
				w := cands[rng.IntN(len(cands))]
				k := 2 + rng.IntN(len(words[w])-3)
				before := strings.Join(words[:w], " ") + " " + words[w][:k] + "-"
				after := words[w][k:] + " " + strings.Join(words[w+1:], " ")
				after = strings.TrimSpace(after)
				if rng.IntN(2) == 0 {
					blocks[i] = block{text: before + "\n" + after, blank: blocks[i].blank, wants: []want{{kind: kHyphen}}}
				} else {
					blocks[i] = block{text: before, blank: blocks[i].blank, wants: []want{{kind: kHyphen}}}
					insert(i+1, block{text: after, blank: 1, wants: []want{{kind: "done"}}})
				}
			}
		}
	}
	// Render, filling in line numbers.
	var b strings.Builder
	var wants []want
	line := 1
	for k, bl := range blocks {
		if k > 0 {
			for j := 0; j <= bl.blank; j++ {
				b.WriteByte('\n')
			}
			line += bl.blank + 1
		}
		for _, w := range bl.wants {
			if w.kind == "done" {
				continue
			}
			w.line = line + w.off
			if w.kind != kHyphen && kindRule[w.kind] == "split-paragraph" {
				// The finding starts on the first half's last line.
				w.line = line + strings.Count(bl.text, "\n")
			}
			wants = append(wants, w)
		}
		b.WriteString(bl.text)
		line += strings.Count(bl.text, "\n")
	}
	b.WriteByte('\n')
	return b.String(), wants
}

// boundChars are the particles and suffixes of Chinese grammar that never
// begin a sentence.
const boundChars = "的了着们者吗呢吧"

// particleAt reports a particle or suffix at byte offset c of t that
// follows a word (a Han character). After a mark the same characters
// begin words (，着力破解…, ，了解掌握…): a cut there leaves a whole clause,
// not a tail.
func particleAt(t string, c int) bool {
	r, _ := utf8.DecodeRuneInString(t[c:])
	prev, _ := utf8.DecodeLastRuneInString(t[:c])
	return strings.ContainsRune(boundChars, r) && lint.IsHan(prev)
}

// orphan inserts, after a clean paragraph, the tail of a corpus sentence
// cut at a position that ok accepts (4 to 40 characters long).
func (s *sources) orphan(rng *rand.Rand, kind string, pick func(func(string) bool) int, insert func(int, ...block), isProse func(string) bool, ok func(string, int) bool) {
	for try := 0; try < 30; try++ {
		t := s.sentences[rng.IntN(len(s.sentences))]
		var cs []int
		cands := s.midWordCuts(t)
		for i := range t {
			if particleAt(t, i) {
				cands = append(cands, i)
			}
		}
		for _, c := range cands {
			if n := utf8.RuneCountInString(t[c:]); n >= 4 && n <= 40 && ok(t, c) {
				cs = append(cs, c)
			}
		}
		i := pick(isProse)
		if len(cs) == 0 || i < 0 {
			continue
		}
		insert(i+1, block{text: t[cs[rng.IntN(len(cs))]:], blank: 1, wants: []want{{kind: kind}}})
		return
	}
}

func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// englishSentences are the benchmark's own English text (written for
// it), for hyphen breaks and English paragraphs.
var englishSentences = []string{
	"The committee reviewed the annual budget and approved the proposal without changes.",
	"Several members argued that the regional development strategy needed stronger coordination.",
	"The report describes how local governments improved public services over the past decade.",
	"Participants discussed environmental protection, industrial transformation and innovation policy.",
	"A working group will prepare recommendations before the next plenary session.",
	"The delegation visited manufacturing companies and research institutions in the province.",
	"Investment in digital infrastructure increased considerably during the previous year.",
	"The conference concluded with a statement supporting international cooperation.",
	"Officials promised to publish the implementation schedule within three months.",
	"Small enterprises still face difficulties in obtaining affordable financing.",
	"The survey collected information from thousands of households across rural counties.",
	"Experts recommended simplifying administrative procedures for foreign investors.",
	"The museum reopened after extensive renovation of its exhibition halls.",
	"Students presented their findings on renewable energy and sustainable transportation.",
	"The agreement establishes a framework for scientific exchange between universities.",
	"Rainfall during the summer months exceeded the historical average by a wide margin.",
	"The translation of the regulations was completed by an independent team.",
	"Community volunteers organised training sessions for elderly residents.",
	"The minister emphasised the importance of transparent and accountable governance.",
	"Production capacity expanded after the factory installed automated assembly lines.",
	"The hospital introduced telemedicine services for patients in remote mountain villages.",
	"Historians examined documents preserved in provincial archives for many generations.",
	"The company announced a partnership with a leading semiconductor manufacturer.",
	"Teachers welcomed the decision to increase funding for vocational education.",
}
