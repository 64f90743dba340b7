package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// gitlabReporter writes a GitLab code quality report: the subset of the
// Code Climate issue format GitLab reads (artifacts:reports:codequality),
// a JSON array of issues:
//
//	[
//	  {
//	    "type": "issue",
//	    "check_name": "halfwidth-punct",
//	    "description": "half-width comma in Chinese text (halfwidth-punct)",
//	    "content": {"body": "…"},                  // the finding's detail, when it has one
//	    "categories": ["Style"],
//	    "location": {"path": "docs/a.md", "lines": {"begin": 3, "end": 3}},
//	    "severity": "minor",                       // error: major, warning: minor, info: info
//	    "fingerprint": "…"                         // 32 hex digits, unique in the report
//	  }
//	]
//
// GitLab compares reports of two pipelines by fingerprint, so it is
// derived from the path and the runner's line-independent fingerprint:
// a finding moved by edits above it is not shown as new. File errors are
// not issues about the text; they go to stderr and the exit status.
type gitlabReporter struct {
	opts Options
}

func newGitLab(opts Options) Reporter { return &gitlabReporter{opts: opts} }

type gitlabIssue struct {
	Type        string           `json:"type"`
	CheckName   string           `json:"check_name"`
	Description string           `json:"description"`
	Content     *gitlabContent   `json:"content,omitempty"`
	Categories  []string         `json:"categories"`
	Location    gitlabLocation   `json:"location"`
	Severity    string           `json:"severity"`
	Fingerprint string           `json:"fingerprint"`
	OtherLocs   []gitlabLocation `json:"other_locations,omitempty"`
}

type gitlabContent struct {
	Body string `json:"body"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

func gitlabSeverity(s lint.Severity) string {
	switch level(s) {
	case lint.Error:
		return "major"
	case lint.Info:
		return "info"
	}
	return "minor"
}

// gitlabCategory maps a rule category to a Code Climate category.
func gitlabCategory(cat string) string {
	switch cat {
	case "duplication":
		return "Duplication"
	case "numbers", "encoding":
		return "Bug Risk"
	case "draftlint":
		return "Compatibility"
	}
	return "Style"
}

// gitlabLinesOf gives inclusive begin and end lines; a span that ends with
// a line break ends on its own line, and a finding about the whole file
// points at line 1.
func gitlabLinesOf(start, end lint.Position) gitlabLines {
	b, e := start.Line, end.Line
	if b <= 0 {
		return gitlabLines{1, 1}
	}
	if e > b && end.Column == 1 {
		e--
	}
	return gitlabLines{b, max(e, b)}
}

func (g *gitlabReporter) path(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(g.opts.displayPath(p)), "./")
}

func (g *gitlabReporter) Report(w io.Writer, r *lint.Result) error {
	category := map[string]string{}
	for _, rule := range r.Rules {
		category[rule.ID] = rule.Category
	}
	issues := []gitlabIssue{}
	seen := map[string]int{}
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
			p = g.path(p)
			is := gitlabIssue{
				Type:        "issue",
				CheckName:   d.Rule,
				Description: g.opts.message(d.Message, d.MessageZh) + " (" + d.Rule + ")",
				Categories:  []string{gitlabCategory(category[d.Rule])},
				Location:    gitlabLocation{Path: p, Lines: gitlabLinesOf(d.Start, d.End)},
				Severity:    gitlabSeverity(d.Severity),
			}
			if d.Detail != "" {
				is.Content = &gitlabContent{Body: strings.TrimRight(d.Detail, "\n")}
			}
			for _, rel := range d.Related {
				rp := rel.Path
				if rp == "" {
					rp = p
				} else {
					rp = g.path(rp)
				}
				is.OtherLocs = append(is.OtherLocs, gitlabLocation{Path: rp, Lines: gitlabLinesOf(rel.Start, rel.End)})
			}
			// Without a runner fingerprint, fall back to the position.
			id := d.Fingerprint
			if id == "" {
				id = strconv.Itoa(d.Start.Line) + ":" + strconv.Itoa(d.Start.Column) + ":" + d.Message
			}
			key := p + "\x00" + d.Rule + "\x00" + id
			// GitLab shows one issue per fingerprint: keep them unique even
			// if two findings share everything.
			if n := seen[key]; n > 0 {
				key += "\x00" + strconv.Itoa(n)
			}
			seen[p+"\x00"+d.Rule+"\x00"+id]++
			sum := sha256.Sum256([]byte(key))
			is.Fingerprint = hex.EncodeToString(sum[:16])
			issues = append(issues, is)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
