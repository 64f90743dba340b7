package report

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// githubReporter writes GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
//
//	::error file=F,line=L,endLine=EL,col=C,endColumn=EC,title=draftlint (rule-id)::message
//
// Columns are given only when the span lies on one line: GitHub rejects
// column ranges across lines. Unlike lint.Position, endColumn is inclusive,
// as GitHub defaults it to col for a one-character annotation.
type githubReporter struct{ opts Options }

func newGitHub(opts Options) Reporter { return &githubReporter{opts: opts} }

// githubEscapeData escapes a command message exactly as @actions/core
// escapeData does.
func githubEscapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubEscapeProperty escapes a command property value exactly as
// @actions/core escapeProperty does.
func githubEscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// githubCommand renders one command; props are name/value pairs in order,
// empty values left out (as the toolkit does).
func githubCommand(cmd string, props []string, msg string) string {
	var b strings.Builder
	b.WriteString("::" + cmd)
	sep := " "
	for i := 0; i+1 < len(props); i += 2 {
		if props[i+1] == "" {
			continue
		}
		b.WriteString(sep + props[i] + "=" + githubEscapeProperty(props[i+1]))
		sep = ","
	}
	b.WriteString("::" + githubEscapeData(msg) + "\n")
	return b.String()
}

func githubLevel(s lint.Severity) string {
	switch level(s) {
	case lint.Error:
		return "error"
	case lint.Info:
		return "notice"
	}
	return "warning"
}

// githubRange maps a span to annotation lines and columns (0: leave out).
// GitHub columns are inclusive and only allowed when the annotation stays on
// one line; a span that ends with a line break (its end at column 1 of the
// next line) is treated as ending on its own line.
func githubRange(d *lint.Diagnostic) (line, endLine, col, endCol int) {
	line, endLine = d.Start.Line, d.End.Line
	if line <= 0 {
		return 0, 0, 0, 0
	}
	lastCol := d.End.Column - 1 // inclusive end
	if endLine == line+1 && d.End.Column == 1 {
		endLine = line
		lastCol = utf8.RuneCountInString(d.SourceLine)
	}
	if endLine < line {
		endLine = line
	}
	if endLine == line && d.Start.Column > 0 {
		col = d.Start.Column
		endCol = max(lastCol, col)
	}
	return line, endLine, col, endCol
}

func (g *githubReporter) path(p string) string {
	return filepath.ToSlash(g.opts.displayPath(p))
}

func (g *githubReporter) Report(w io.Writer, r *lint.Result) error {
	var bw strings.Builder
	itoa := func(n int) string {
		if n <= 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			p := d.Path
			if p == "" {
				p = f.Path
			}
			line, endLine, col, endCol := githubRange(d)
			msg := g.opts.message(d.Message, d.MessageZh)
			if d.Detail != "" {
				msg += "\n\n" + strings.TrimRight(d.Detail, "\n")
			}
			for _, rel := range d.Related {
				rp := rel.Path
				if rp == "" {
					rp = p
				}
				note := "\nnote: " + location(g.path(rp), rel.Start)
				if rel.Message != "" {
					note += ": " + rel.Message
				}
				msg += note
			}
			bw.WriteString(githubCommand(githubLevel(d.Severity), []string{
				"file", g.path(p),
				"line", itoa(line),
				"endLine", itoa(endLine),
				"col", itoa(col),
				"endColumn", itoa(endCol),
				"title", "draftlint (" + d.Rule + ")",
			}, msg))
		}
	}
	for _, e := range r.Errors {
		if e == nil {
			continue
		}
		bw.WriteString(githubCommand("error", []string{"file", g.path(e.Path)}, errorMessage(e)))
	}
	_, err := io.WriteString(w, bw.String())
	return err
}
