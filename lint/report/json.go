package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/draftlint/draftlint/lint"
)

// JSONVersion is the version of the json format's schema. The json format
// writes one object, indented with two spaces and ended by a
// newline. Keys always appear in this order; arrays are never null.
//
//	{
//	  "version": 1,                  // schema version; bumped on incompatible change
//	  "diagnostics": [               // findings, files in input order
//	    {
//	      "path": "docs/report.md",  // relative to the root when inside it, "/" separated
//	      "rule": "halfwidth-punct",
//	      "severity": "warning",     // "error", "warning" or "info"
//	      "message": "…",            // English
//	      "messageZh": "…",          // Chinese; left out when the rule has none
//	      "detail": "…",             // extra explanation; left out when empty
//	      "paragraph": 12,           // Word documents only: 1-based paragraph (equals line there)
//	      "line": 3,                 // 1-based start line
//	      "column": 5,               // 1-based start column, in characters (code points) from the line's (paragraph's) start
//	      "endParagraph": 12,        // Word documents only
//	      "endLine": 3,              // end position, exclusive
//	      "endColumn": 6,
//	      "offset": 42,              // start byte offset into the file's decoded UTF-8 text (Word: paragraph texts each followed by "\n")
//	      "endOffset": 43,           // end byte offset, exclusive
//	      "fingerprint": "…",        // stable identity across runs and line shifts
//	      "fixes": [                 // alternatives; --fix applies the first safe one
//	        {
//	          "message": "…",
//	          "safe": true,          // false: applied only with --unsafe-fixes
//	          "edits": [             // byte ranges [start, end) replaced by new
//	            {"start": 42, "end": 43, "new": "，"}
//	          ]
//	        }
//	      ],
//	      "related": [               // other places that explain the finding
//	        {"path": "…", "paragraph": 1, "line": 1, "column": 1, "endLine": 1, "endColumn": 9, "message": "…"}  // paragraph: Word only
//	      ]
//	    }
//	  ],
//	  "errors": [                    // failures that are not findings (exit status 2)
//	    {"path": "missing.md", "rule": "…", "message": "…"}  // rule only when a rule failed
//	  ]
//	}
const JSONVersion = 1

type jsonReporter struct{ opts Options }

func newJSON(opts Options) Reporter { return &jsonReporter{opts: opts} }

type jsonOutput struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Errors      []jsonError      `json:"errors"`
}

type jsonDiagnostic struct {
	Path        string        `json:"path"`
	Rule        string        `json:"rule"`
	Severity    string        `json:"severity"`
	Message     string        `json:"message"`
	MessageZh   string        `json:"messageZh,omitempty"`
	Detail      string        `json:"detail,omitempty"`
	Paragraph   int           `json:"paragraph,omitempty"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	EndPara     int           `json:"endParagraph,omitempty"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	Offset      int           `json:"offset"`
	EndOffset   int           `json:"endOffset"`
	Fingerprint string        `json:"fingerprint"`
	Fixes       []jsonFix     `json:"fixes"`
	Related     []jsonRelated `json:"related"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

type jsonRelated struct {
	Path      string `json:"path"`
	Paragraph int    `json:"paragraph,omitempty"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

type jsonError struct {
	Path    string `json:"path"`
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
}

func (j *jsonReporter) path(p string) string {
	return filepath.ToSlash(j.opts.displayPath(p))
}

func (j *jsonReporter) Report(w io.Writer, r *lint.Result) error {
	out := jsonOutput{Version: JSONVersion, Diagnostics: []jsonDiagnostic{}, Errors: []jsonError{}}
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
			jd := jsonDiagnostic{
				Path:        j.path(p),
				Rule:        d.Rule,
				Severity:    level(d.Severity).String(),
				Message:     d.Message,
				MessageZh:   d.MessageZh,
				Detail:      d.Detail,
				Paragraph:   d.Start.Paragraph,
				EndPara:     d.End.Paragraph,
				Line:        d.Start.Line,
				Column:      d.Start.Column,
				EndLine:     d.End.Line,
				EndColumn:   d.End.Column,
				Offset:      d.Start.Offset,
				EndOffset:   d.End.Offset,
				Fingerprint: d.Fingerprint,
				Fixes:       make([]jsonFix, 0, len(d.Fixes)),
				Related:     make([]jsonRelated, 0, len(d.Related)),
			}
			for _, fx := range d.Fixes {
				jf := jsonFix{Message: fx.Message, Safe: fx.Safe, Edits: make([]jsonEdit, 0, len(fx.Edits))}
				for _, e := range fx.Edits {
					jf.Edits = append(jf.Edits, jsonEdit{Start: e.Start, End: e.End, New: e.New})
				}
				jd.Fixes = append(jd.Fixes, jf)
			}
			for _, rel := range d.Related {
				rp := rel.Path
				if rp == "" {
					rp = p
				}
				jd.Related = append(jd.Related, jsonRelated{
					Path:      j.path(rp),
					Paragraph: rel.Start.Paragraph,
					Line:      rel.Start.Line,
					Column:    rel.Start.Column,
					EndLine:   rel.End.Line,
					EndColumn: rel.End.Column,
					Message:   rel.Message,
				})
			}
			out.Diagnostics = append(out.Diagnostics, jd)
		}
	}
	for _, e := range r.Errors {
		if e == nil {
			continue
		}
		out.Errors = append(out.Errors, jsonError{Path: j.path(e.Path), Rule: e.Rule, Message: errorText(e)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep <, > and & readable in messages
	return enc.Encode(out)
}
