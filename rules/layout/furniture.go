package layout

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// PageFurniture reports page numbers, running headers and footers and
// browser print headers left in the text.
var PageFurniture = &lint.Rule{
	ID:        "page-furniture",
	Summary:   "page numbers, running headers or footers and print headers left in the text",
	SummaryZh: "正文中残留页码、页眉页脚或浏览器打印页眉",
	Doc: `Text extracted from a PDF, or printed from a browser and scanned back, keeps
what was printed around every page: page numbers (— 12 —, - 3 -, 第3页,
第3页 共15页, 3/15, Page 3 of 15), a running header or footer repeated on
every page (a line of at most 40 characters, without a sentence-final
mark, that occurs three times or more), and browser print headers and
footers (a date and time followed by the page title, a URL followed by
1/15). None of them belongs to the text, and they often sit in the middle
of a sentence that the page break cut (see split-paragraph, which joins
across them).

The fix (unsafe: a line that only looks like furniture would be lost)
deletes the line with its line break. Headings are never reported, nor
are rows and borders of a plain-text table (| … |, +----+) or, in
Markdown, lines with inline markup (_Released on …_), which repeat by
design.`,
	Category: "layout",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "第一段。\n\n— 12 —\n\n第二段。\n",
		Good:  "第一段。\n\n第二段。\n",
		Fixed: "第一段。\n\n第二段。\n",
	}},
	Run: runPageFurniture,
}

type furnLine struct {
	block int
	span  lint.Span // the line without its ending
	kind  string    // "page number", "running header", "print header"
}

var (
	pageNumRes = []*regexp.Regexp{
		regexp.MustCompile(`^[-—–－‒~～]+\s*\d{1,4}\s*[-—–－‒~～]+$`),
		regexp.MustCompile(`^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$`),
		regexp.MustCompile(`^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$`),
		regexp.MustCompile(`^(?i:page)\s+\d{1,4}(\s+(?i:of)\s+\d{1,4})?$`),
	}
	fractionRe    = regexp.MustCompile(`^(\d{1,4})\s*/\s*(\d{1,4})$`)
	printHeaderRe = []*regexp.Regexp{
		regexp.MustCompile(`^\d{4}/\d{1,2}/\d{1,2}\s*(?:(?i:[ap]m)\s*)?\d{1,2}:\d{2}(:\d{2})?(\s*(?i:[ap]m))?(\s+\S.*)?$`),
		regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(:\d{2})?(\s*(?i:[ap]m))?(\s+\S.*)?$`),
		regexp.MustCompile(`^(?:https?://|www\.)\S+\s+\d{1,4}/\d{1,4}$`),
	}
)

type furnKey struct{}

// furnitureLines finds the furniture lines of the document's paragraphs.
func furnitureLines(doc *lint.Document) []furnLine {
	return doc.Cache(furnKey{}, func() any { return computeFurniture(doc) }).([]furnLine)
}

func computeFurniture(doc *lint.Document) []furnLine {
	type cand struct {
		block int
		span  lint.Span
		key   string
	}
	var out []furnLine
	var short []cand
	counts := map[string]int{}
	for bi, b := range doc.Blocks {
		if b.Kind != lint.Paragraph {
			continue
		}
		first, last := doc.Line(b.Span.Start), doc.Line(max(b.Span.End-1, b.Span.Start))
		for ln := first; ln <= last; ln++ {
			sp := doc.LineSpan(ln)
			s, e := trimSpan(doc.Src, sp)
			if e-s > 160 || e == s || doc.InRegion(s) {
				continue
			}
			// Most lines can be neither (see furnitureKind and
			// headerKey): tested on the bytes, before a string is made.
			line := doc.Src[s:e]
			first, _ := utf8.DecodeRune(line)
			lastR, _ := utf8.DecodeLastRune(line)
			mayFurn := furnitureStart(first) && bytes.ContainsAny(line, "0123456789")
			// In Markdown a line with inline markup (_Released on …_,
			// **Autofix**: true) was written as it stands, not left by a
			// page layout.
			mayHead := len(line) <= 120 && (!endRune(lastR) || lastR == '—') &&
				(doc.Format != lint.FormatMarkdown || !bytes.ContainsAny(line, "_*`[]<>"))
			if !mayFurn && !mayHead {
				continue
			}
			t := string(line)
			if k := furnitureKind(t); k != "" {
				out = append(out, furnLine{block: bi, span: lint.Span{Start: s, End: e}, kind: k})
				continue
			}
			if key, ok := headerKey(t); ok {
				short = append(short, cand{bi, lint.Span{Start: s, End: e}, key})
				counts[key]++
			}
		}
	}
	for _, c := range short {
		if counts[c.key] >= 3 {
			out = append(out, furnLine{block: c.block, span: c.span, kind: "running header"})
		}
	}
	if len(short) > 0 {
		sortFurn(out)
	}
	return out
}

func sortFurn(f []furnLine) {
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && f[j].span.Start < f[j-1].span.Start; j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
}

func trimSpan(src []byte, sp lint.Span) (int, int) {
	s, e := sp.Start, sp.End
	for s < e {
		r, n := utf8.DecodeRune(src[s:e])
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\u00a0' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRune(src[s:e])
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\u00a0' && r != '\r' {
			break
		}
		e -= n
	}
	return s, e
}

// furnitureKind recognises page numbers and print headers.
func furnitureKind(t string) string {
	// Cheap filters before the regular expressions, which every line of a
	// document would otherwise meet: every pattern starts with a digit, a
	// dash or tilde, 第/共, P/p or h/w, and holds an ASCII digit.
	if r, _ := utf8.DecodeRuneInString(t); !furnitureStart(r) || !strings.ContainsAny(t, "0123456789") {
		return ""
	}
	// Page numbers are short; print headers and fractions hold a slash.
	slash := strings.IndexByte(t, '/') >= 0
	if len(t) > 64 && !slash {
		return ""
	}
	for _, re := range pageNumRes {
		if re.MatchString(t) {
			return "page number"
		}
	}
	if !slash {
		return ""
	}
	if m := fractionRe.FindStringSubmatch(t); m != nil {
		// 3/15, but not 2023/2024 (a school year) nor 5/3.
		if a, b := atoi(m[1]), atoi(m[2]); a >= 1 && a <= b && b <= 999 {
			return "page number"
		}
	}
	for _, re := range printHeaderRe {
		if re.MatchString(t) {
			return "print header"
		}
	}
	return ""
}

// furnitureStart: r can start a page number or print header.
func furnitureStart(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '~', 'P', 'p', 'h', 'w',
		'—', '–', '－', '‒', '～', '第', '共':
		return true
	}
	return false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// headerKey normalises a short line for counting repeats: digits folded
// (page numbers in footers change), white space removed. Lines that end
// a sentence, and very short ones, are no headers.
func headerKey(t string) (string, bool) {
	if len(t) > 120 || ended(t) && !strings.HasSuffix(t, "—") {
		return "", false
	}
	// Rows and borders of a plain-text table (| 软件包 | 大小 |,
	// +----+----+) repeat through a manual too, and are no headers.
	if t[0] == '|' || t[0] == '+' || strings.Count(t, "|") >= 2 || strings.ContainsAny(t, "│┃┆┊─━┼") {
		return "", false
	}
	n := 0
	var sb strings.Builder
	for _, r := range t {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000':
			continue
		case r >= '0' && r <= '9':
			r = '#'
		}
		sb.WriteRune(r)
		n++
	}
	if n < 4 || n > 40 {
		return "", false
	}
	return sb.String(), true
}

// furnitureBlocks marks the blocks that are furniture through and through.
func furnitureBlocks(doc *lint.Document) map[int]bool {
	fl := furnitureLines(doc)
	if len(fl) == 0 {
		return nil
	}
	lines := map[int]int{}
	for _, f := range fl {
		lines[f.block]++
	}
	m := map[int]bool{}
	for bi, n := range lines {
		b := doc.Blocks[bi]
		if doc.Line(max(b.Span.End-1, b.Span.Start))-doc.Line(b.Span.Start)+1 == n {
			m[bi] = true
		}
	}
	return m
}

func runPageFurniture(p *lint.Pass) error {
	doc := p.Doc
	for _, f := range furnitureLines(doc) {
		// Delete the whole line with its ending; a block of its own also
		// takes the blank line before it.
		ln := doc.Line(f.span.Start)
		ls := doc.LineSpan(ln)
		start, end := ls.Start, doc.LineSpan(ln+1).Start
		if ln == doc.LineCount() {
			end = len(doc.Src)
		}
		b := doc.Blocks[f.block]
		if b.BlankBefore > 0 && doc.Line(b.Span.Start) == ln && doc.Line(max(b.Span.End-1, b.Span.Start)) == ln {
			// Alone in its block: remove one separating blank line too.
			if ln > 1 && ln < doc.LineCount() {
				start = doc.LineSpan(ln - 1).Start
			}
		}
		var en, zh string
		switch f.kind {
		case "page number":
			en, zh = "page number left in the text", "正文中残留页码"
		case "print header":
			en, zh = "browser print header or footer left in the text", "正文中残留浏览器打印的页眉或页脚"
		default:
			en, zh = "running header or footer repeated through the text", "正文中反复出现的页眉或页脚"
		}
		d := lint.Diagnostic{Span: f.span, Message: en, MessageZh: zh}
		if !doc.OverlapsRegion(lint.Span{Start: start, End: end}) {
			d.Fixes = []lint.Fix{{Message: "delete the line", Safe: false, Edits: []lint.Edit{{Start: start, End: end}}}}
		}
		p.Report(d)
	}
	return nil
}
