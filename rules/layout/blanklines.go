// Package layout holds the rules for layout artefacts: blank-line runs,
// paragraphs split by page breaks, stray captions, orphan fragments, page
// furniture.
package layout

import (
	"fmt"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// Rules lists the layout rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{BlankLines, SplitParagraph, IntrudingCaption, StrayCaption, OrphanFragment, PageFurniture, HyphenBreak}
}

// BlankLines reports runs of blank lines, blank lines at the start and end,
// a missing final newline and trailing white space.
var BlankLines = &lint.Rule{
	ID:        "blank-lines",
	Summary:   "runs of blank lines, leading blank lines, trailing white space, missing final newline",
	SummaryZh: "连续空行、文首空行、行尾空白、文末缺少换行",
	Doc: `Runs of two or more blank lines usually mark where an image, a table or a
page break used to be; a draft should separate paragraphs with exactly one
blank line. Blank lines at the start or end of a file, white space at the end
of lines and a missing final newline are noise that makes diffs and merges
harder. All fixes are safe: a run is collapsed to one blank line, leading
and trailing blank lines and trailing white space are removed, a final
newline is added. Code blocks and front matter are left alone, and so are
Markdown hard line breaks (two spaces at the end of a line inside a
paragraph).`,
	Category: "layout",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "第一段。\n\n\n\n第二段。  \n",
		Good:  "第一段。\n\n第二段。\n",
		Fixed: "第一段。\n\n第二段。\n",
	}, {
		Bad:   "\n\n标题\n\n正文。",
		Fixed: "标题\n\n正文。\n",
	}},
	Run: runBlankLines,
}

func isBlank(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch r {
		case ' ', '\t', '\r', '\f', '\v', '\u3000', '\u00a0':
			i += n
		default:
			return false
		}
	}
	return true
}

func runBlankLines(p *lint.Pass) error {
	d := p.Doc
	src := d.Src
	n := d.LineCount()
	if len(src) == 0 || d.Format == lint.FormatDocx {
		// A Word document has no blank lines or final newline of its own:
		// its text is extracted paragraph by paragraph.
		return nil
	}
	// lineStart(l) and the start of the next line, including its ending.
	next := func(l int) int {
		if l >= n {
			return len(src)
		}
		return d.LineSpan(l + 1).Start
	}
	nl := d.Newline()
	hardBreaks := markdownHardBreaks(d)
	last := n
	for last >= 1 && isBlank(src[d.LineSpan(last).Start:d.LineSpan(last).End]) {
		last--
	}
	for l := 1; l <= n; {
		sp := d.LineSpan(l)
		if d.InRegion(sp.Start) {
			l++
			continue
		}
		if !isBlank(src[sp.Start:sp.End]) {
			trailing(p, sp, hardBreaks[l])
			l++
			continue
		}
		// A run of blank lines l..k.
		k := l
		for k+1 <= n {
			s2 := d.LineSpan(k + 1)
			if !isBlank(src[s2.Start:s2.End]) || d.InRegion(s2.Start) {
				break
			}
			k++
		}
		count := k - l + 1
		switch {
		case l == 1 && k >= last+1 && last == 0:
			// The whole file is blank.
			p.Report(lint.Diagnostic{
				Span:      lint.Span{Start: 0, End: len(src)},
				Message:   "file holds only blank lines",
				MessageZh: "文件只有空行",
			})
		case l == 1:
			p.Report(lint.Diagnostic{
				Span:      lint.Span{Start: sp.Start, End: d.LineSpan(k).End},
				Message:   plural(count, "blank line", "blank lines") + " at the start of the file",
				MessageZh: fmt.Sprintf("文首有 %d 个空行", count),
				Fixes: []lint.Fix{{Message: "remove leading blank lines", Safe: true,
					Edits: []lint.Edit{{Start: 0, End: next(k)}}}},
			})
		case k > last:
			// Trailing blank lines: the file should end right after the last
			// text line's newline. The run starts there, unless the lines
			// after the last text line begin inside code (an unclosed
			// fence), which stays as it is.
			start := sp.Start
			p.Report(lint.Diagnostic{
				Span:      lint.Span{Start: sp.Start, End: len(src)},
				Message:   plural(count, "blank line", "blank lines") + " at the end of the file",
				MessageZh: fmt.Sprintf("文末有 %d 个空行", count),
				Fixes: []lint.Fix{{Message: "remove trailing blank lines", Safe: true,
					Edits: []lint.Edit{{Start: start, End: len(src)}}}},
			})
		case count >= 2:
			keepEnd := next(l) // keep the first blank line
			p.Report(lint.Diagnostic{
				Span:      lint.Span{Start: sp.Start, End: d.LineSpan(k).End},
				Message:   fmt.Sprintf("%d consecutive blank lines; one separates paragraphs", count),
				MessageZh: fmt.Sprintf("连续 %d 个空行，段落之间保留一个即可", count),
				Fixes: []lint.Fix{{Message: "collapse to one blank line", Safe: true,
					Edits: []lint.Edit{{Start: keepEnd, End: next(k)}}}},
			})
		default:
			// A single blank line between paragraphs is right, but white
			// space on it is not.
			if sp.End > sp.Start {
				trailing(p, sp, false)
			}
		}
		l = k + 1
	}
	if src[len(src)-1] != '\n' && last == n {
		end := len(src)
		p.Report(lint.Diagnostic{
			Span:      lint.Span{Start: end, End: end},
			Message:   "no newline at the end of the file",
			MessageZh: "文件末尾缺少换行符",
			Fixes: []lint.Fix{{Message: "add a final newline", Safe: true,
				Edits: []lint.Edit{{Start: end, End: end, New: nl}}}},
		})
	}
	return nil
}

// trailing reports white space at the end of a line.
func trailing(p *lint.Pass, sp lint.Span, hardBreak bool) {
	src := p.Doc.Src
	e := sp.End
	s := e
	for s > sp.Start {
		r, n := utf8.DecodeLastRune(src[sp.Start:s])
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\u00a0' {
			break
		}
		s -= n
	}
	if s == e {
		return
	}
	if hardBreak && isHardBreak(src[s:e]) {
		return
	}
	if p.Doc.InRegion(s) {
		return
	}
	p.Report(lint.Diagnostic{
		Span:      lint.Span{Start: s, End: e},
		Message:   "trailing white space",
		MessageZh: "行尾有多余空白",
		Fixes:     []lint.Fix{{Message: "remove trailing white space", Safe: true, Edits: []lint.Edit{{Start: s, End: e}}}},
	})
}

func isHardBreak(b []byte) bool {
	if len(b) < 2 {
		return false
	}
	for _, c := range b {
		if c != ' ' {
			return false
		}
	}
	return true
}

// markdownHardBreaks marks lines inside a Markdown paragraph that are
// followed by another line of the same paragraph: there, two trailing
// spaces are a hard line break, not noise.
func markdownHardBreaks(d *lint.Document) map[int]bool {
	if d.Format != lint.FormatMarkdown {
		return nil
	}
	m := map[int]bool{}
	for _, b := range d.Blocks {
		first, last := d.Line(b.Span.Start), d.Line(b.Span.End)
		for l := first; l < last; l++ {
			m[l] = true
		}
	}
	return m
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
