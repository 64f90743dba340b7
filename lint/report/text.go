package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"golang.org/x/text/width"

	"github.com/draftlint/draftlint/lint"
)

// Text layout constants.
const (
	// maxSnippetCells caps the width of a shown source line; longer lines
	// are cut to a window around the span.
	maxSnippetCells = 120
	// tabCells is the tab stop used when expanding tabs in source lines.
	tabCells = 4
	// snippetIndent precedes the source line, its carets and detail lines.
	snippetIndent = "    "
)

// textReporter writes one block per finding and a summary line:
//
//	path:line:col: severity: message (rule-id)
//	    source line
//	       ^^^^
//	    detail
//	  = note: path:line:col: related message
//	  = help: fix available: fix message
type textReporter struct {
	opts Options
	sev  map[lint.Severity]*color.Color
	dim  *color.Color
}

func newText(opts Options) Reporter {
	t := &textReporter{opts: opts}
	if opts.Color {
		// EnableColor overrides fatih/color's own TTY and NO_COLOR
		// detection: the caller has already decided.
		mk := func(a ...color.Attribute) *color.Color {
			c := color.New(a...)
			c.EnableColor()
			return c
		}
		t.sev = map[lint.Severity]*color.Color{
			lint.Error:   mk(color.FgRed, color.Bold),
			lint.Warning: mk(color.FgYellow, color.Bold),
			lint.Info:    mk(color.FgBlue, color.Bold),
		}
		t.dim = mk(color.Faint)
	}
	return t
}

func (t *textReporter) paint(c *color.Color, s string) string {
	if c == nil || s == "" {
		return s
	}
	return c.Sprint(s)
}

func (t *textReporter) Report(w io.Writer, r *lint.Result) error {
	var bw strings.Builder
	var sum summary
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		sum.fixed += f.Fixed
		if len(f.Diagnostics) > 0 {
			sum.files++
		}
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			sum.add(d)
			t.finding(&bw, f, d)
		}
	}
	sum.fileErrors = len(r.Errors)
	bw.WriteString(sum.String())
	bw.WriteByte('\n')
	_, err := io.WriteString(w, bw.String())
	return err
}

func (t *textReporter) finding(w *strings.Builder, f *lint.FileResult, d *lint.Diagnostic) {
	sev := level(d.Severity)
	path := d.Path
	if path == "" {
		path = f.Path
	}
	fmt.Fprintf(w, "%s: %s: %s %s\n",
		location(oneLine(t.opts.displayPath(path)), d.Start),
		t.paint(t.sev[sev], sev.String()),
		oneLine(t.opts.message(d.Message, d.MessageZh)),
		t.paint(t.dim, "("+d.Rule+")"))

	if d.Start.Line > 0 {
		endCol := -1 // to the end of the line
		if d.End.Line == d.Start.Line {
			endCol = d.End.Column
		}
		src, pad, n := snippet(d.SourceLine, d.Start.Column, endCol)
		if src != "" {
			w.WriteString(snippetIndent + src)
		}
		w.WriteByte('\n')
		w.WriteString(snippetIndent + strings.Repeat(" ", pad) + t.paint(t.sev[sev], strings.Repeat("^", n)) + "\n")
	}

	if d.Detail != "" {
		for _, line := range strings.Split(strings.TrimRight(d.Detail, "\n"), "\n") {
			line = strings.TrimRight(oneLine(expandTabs(line)), " ")
			if line == "" {
				w.WriteByte('\n')
				continue
			}
			w.WriteString(snippetIndent + line + "\n")
		}
	}
	for _, rel := range d.Related {
		p := rel.Path
		if p == "" {
			p = path
		}
		loc := location(oneLine(t.opts.displayPath(p)), rel.Start)
		if rel.Message == "" {
			fmt.Fprintf(w, "  = note: %s\n", loc)
		} else {
			fmt.Fprintf(w, "  = note: %s: %s\n", loc, oneLine(rel.Message))
		}
	}
	if safe, unsafe := fixKind(d); safe != nil {
		w.WriteString(hint("fix available", safe.Message))
	} else if unsafe != nil {
		w.WriteString(hint("unsafe fix available (--unsafe-fixes)", unsafe.Message))
	}
	w.WriteByte('\n')
}

func hint(what, msg string) string {
	if msg == "" {
		return "  = help: " + what + "\n"
	}
	return "  = help: " + what + ": " + oneLine(msg) + "\n"
}

// location formats path:line:col (path:¶paragraph:col in a Word
// document), leaving out what is unknown.
func location(path string, p lint.Position) string {
	if p.Paragraph > 0 {
		s := path + ":¶" + strconv.Itoa(p.Paragraph)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
		return s
	}
	switch {
	case p.Line <= 0:
		return path
	case p.Column <= 0:
		return path + ":" + strconv.Itoa(p.Line)
	}
	return path + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// oneLine keeps a message on its header line: line breaks become spaces and
// other control characters (which could drive the terminal) become U+FFFD.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7F:
			return utf8.RuneError
		}
		return r
	}, s)
}

// summary counts what the text reporter prints last.
type summary struct {
	errors, warnings, infos int
	files                   int
	safe, unsafe            int
	fixed                   int
	fileErrors              int
}

func (s *summary) add(d *lint.Diagnostic) {
	switch level(d.Severity) {
	case lint.Error:
		s.errors++
	case lint.Warning:
		s.warnings++
	default:
		s.infos++
	}
	if safe, unsafe := fixKind(d); safe != nil {
		s.safe++
	} else if unsafe != nil {
		s.unsafe++
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// String renders e.g. "3 errors, 2 warnings, 1 info in 2 files (4 fixable
// with --fix, 1 more with --unsafe-fixes), 5 fixed, 1 file error".
func (s *summary) String() string {
	var b strings.Builder
	if s.errors+s.warnings+s.infos == 0 {
		b.WriteString("no problems found")
	} else {
		var parts []string
		if s.errors > 0 {
			parts = append(parts, plural(s.errors, "error", "errors"))
		}
		if s.warnings > 0 {
			parts = append(parts, plural(s.warnings, "warning", "warnings"))
		}
		if s.infos > 0 {
			parts = append(parts, plural(s.infos, "info", "info"))
		}
		b.WriteString(strings.Join(parts, ", "))
		b.WriteString(" in " + plural(s.files, "file", "files"))
		switch {
		case s.safe > 0 && s.unsafe > 0:
			fmt.Fprintf(&b, " (%d fixable with --fix, %d more with --unsafe-fixes)", s.safe, s.unsafe)
		case s.safe > 0:
			fmt.Fprintf(&b, " (%d fixable with --fix)", s.safe)
		case s.unsafe > 0:
			fmt.Fprintf(&b, " (%d fixable with --unsafe-fixes)", s.unsafe)
		}
	}
	if s.fixed > 0 {
		fmt.Fprintf(&b, ", %d fixed", s.fixed)
	}
	if s.fileErrors > 0 {
		b.WriteString(", " + plural(s.fileErrors, "file error", "file errors"))
	}
	return b.String()
}

// cellWidth is the number of terminal cells r occupies: two for East Asian
// wide and fullwidth characters (CJK, most emoji), none for combining marks
// and invisible format characters, one otherwise. Ambiguous-width
// characters (“”…—) count one, as in most non-CJK terminal setups.
func cellWidth(r rune) int {
	switch {
	case r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF):
		return 0 // zero-width joiner, variation selectors
	case r >= 0x1F3FB && r <= 0x1F3FF:
		return 0 // skin-tone modifiers merge into the emoji before them
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// visible returns how r is drawn in a snippet and its width in cells. Tabs
// expand to the next stop after cell col; control and invisible format
// characters (zero-width space, BOM, soft hyphen, bidi controls; joiners and
// variation selectors unless they follow an emoji) are shown as escapes so that the caret has something to point
// at and the terminal is never sent raw control sequences.
func visible(r, prev rune, col int) (string, int) {
	switch {
	case r == '\t':
		n := tabCells - col%tabCells
		return strings.Repeat(" ", n), n
	case (r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F)) && unicode.In(prev, unicode.So, unicode.Sk):
		return string(r), 0 // inside an emoji sequence: keep it
	case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) ||
		unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r):
		s := fmt.Sprintf("<U+%04X>", r)
		return s, len(s)
	}
	return string(r), cellWidth(r)
}

// expandTabs expands tabs in a detail line to the snippet tab stops.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := tabCells - col%tabCells
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col += cellWidth(r)
	}
	return b.String()
}

// snippet renders a source line for display and locates the caret run
// under the span from startCol to endCol (1-based rune columns, end
// exclusive; endCol < 0 means the end of the line). It returns the rendered
// line, the number of cells before the carets and the number of carets
// (at least one). Lines wider than maxSnippetCells are cut to a window
// around the span, marked with "…" at the cut ends.
func snippet(line string, startCol, endCol int) (src string, pad, carets int) {
	runes := make([]string, 0, utf8.RuneCountInString(line))
	pos := make([]int, 0, cap(runes)+1) // pos[i]: first cell of rune i
	cell := 0
	prev := rune(0)
	for _, r := range line {
		s, w := visible(r, prev, cell)
		prev = r
		runes = append(runes, s)
		pos = append(pos, cell)
		cell += w
	}
	pos = append(pos, cell)
	n := len(runes)

	s := min(max(startCol-1, 0), n)
	e := n
	if endCol >= 0 {
		e = min(max(endCol-1, s), n)
	}

	a, b := 0, n // window of runes shown
	if cell > maxSnippetCells {
		budget := maxSnippetCells - 2 // room for two ellipses
		spanW := pos[e] - pos[s]
		ws := pos[s] - 10
		if spanW < budget {
			ws = pos[s] - (budget-spanW)/2 // center the span
		}
		ws = max(ws, 0)
		if ws+budget > cell {
			ws = max(cell-budget, 0)
		}
		we := ws + budget
		for a < n && pos[a] < ws {
			a++
		}
		for b > a && pos[b] > we {
			b--
		}
	}

	var out strings.Builder
	lead := 0
	if a > 0 {
		out.WriteString("…")
		lead = 1
	}
	for _, r := range runes[a:b] {
		out.WriteString(r)
	}
	if b < n {
		out.WriteString("…")
	}
	pad = lead + pos[s] - pos[a]
	carets = max(min(pos[e], pos[b])-pos[s], 1)
	return out.String(), pad, carets
}
