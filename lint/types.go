// Package lint is the draftlint engine: documents, rules, diagnostics, fixes,
// the runner that applies policy, and the fix applier. It never prints and
// never exits; the command line and the reporters sit on top of it.
package lint

import (
	"fmt"
	"strings"
)

// Severity orders findings. The zero value means "not set" (use the default).
type Severity int8

// Severities, weakest first so that comparisons read naturally.
const (
	SeverityUnset Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unset"
}

// ParseSeverity accepts error, warning (warn) and info (note). "off" is
// handled by the configuration layer, not here.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	}
	return SeverityUnset, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText lets severities appear as strings in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Span is a half-open byte range into Document.Src.
type Span struct{ Start, End int }

// Len is the span length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Edit replaces Src[Start:End] with New.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// Fix is a set of edits applied whole or not at all.
type Fix struct {
	Message string `json:"message"`
	// Safe fixes are applied by --fix; unsafe ones (that may change meaning)
	// only with --unsafe-fixes.
	Safe  bool   `json:"safe"`
	Edits []Edit `json:"edits"`
}

// Position is a place shown to people: 1-based line, 1-based column counted
// in characters (runes), and the byte offset into the decoded text. In a
// paragraph document (Word) the lines are the paragraphs: Paragraph is set
// and equals Line, and Column counts from the paragraph's start.
type Position struct {
	Line      int `json:"line"`
	Column    int `json:"column"`
	Offset    int `json:"offset"`
	Paragraph int `json:"paragraph,omitempty"`
}

// Related points at another place that explains a finding: the other half of
// a split paragraph, another copy of a duplicate.
type Related struct {
	// Doc is the document the span belongs to; nil means the diagnostic's own
	// document. Corpus rules set it for cross-file relations.
	Doc     *Document `json:"-"`
	Span    Span      `json:"-"`
	Message string    `json:"message"`

	// Filled by the runner.
	Path  string   `json:"path"`
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Diagnostic is one finding. Rules fill Span, Message (and optionally
// MessageZh, Detail, Fixes, Related); the runner fills the rest.
type Diagnostic struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Span     Span     `json:"-"`
	// Message is English; MessageZh, when set, is the same in Chinese.
	Message   string `json:"message"`
	MessageZh string `json:"messageZh,omitempty"`
	// Detail is optional extra text shown under the finding, e.g. the
	// character diff between two near-duplicate sentences.
	Detail  string    `json:"detail,omitempty"`
	Fixes   []Fix     `json:"fixes"`
	Related []Related `json:"related"`

	// Filled by the runner.
	Path  string   `json:"path"`
	Start Position `json:"start"`
	End   Position `json:"end"`
	// SourceLine is the text of line Start.Line (without its line ending),
	// so reporters can show the source after the document is gone.
	SourceLine string `json:"-"`
	// Fingerprint identifies the finding independently of line numbers:
	// rule, the normalised text of the span and its context, and the
	// occurrence number among identical ones in the file. SARIF
	// partialFingerprints and baselines use it.
	Fingerprint string `json:"fingerprint"`
}

// FileResult is what one input produced.
type FileResult struct {
	Path        string
	Format      Format
	Diagnostics []Diagnostic
	// Diff is the unified diff of the fixes when --diff was asked for.
	Diff string
	// Fixed counts the fixes applied (or that --diff would apply).
	Fixed int
	// Refused are fixes that were chosen but that the file's format could
	// not take (in a Word file: edits across paragraphs or differently
	// formatted runs). Their findings remain in Diagnostics.
	Refused []Refusal
}

// Refusal is a fix that was not made, and why.
type Refusal struct {
	Rule    string   // the finding's rule
	Start   Position // where the finding starts, in the final text
	Message string   // the fix's message
	Reason  string
}

// FileError is a failure that is not a finding: an unreadable file, a rule
// that panicked, a fix that could not be written. The run goes on; the exit
// status becomes 2.
type FileError struct {
	Path string
	Rule string // empty unless a rule failed
	Err  error
}

func (e *FileError) Error() string {
	switch {
	case e.Path != "" && e.Rule != "":
		return fmt.Sprintf("%s: rule %s: %v", e.Path, e.Rule, e.Err)
	case e.Path != "":
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// Result is the outcome of a run, files in input order.
type Result struct {
	Files  []*FileResult
	Errors []*FileError
	// Rules are the rules active in the run (for SARIF rule metadata).
	Rules []*Rule
}

// Example is an executed illustration of a rule. Bad must produce at least
// one finding of the rule and Good none; when Fixed is set, applying every fix
// (safe and unsafe) to Bad until nothing changes must give Fixed.
type Example struct {
	Bad   string
	Good  string
	Fixed string
	// Format of the example texts: "text" (default) or "markdown".
	Format string
}

// Rule describes one check. Rules are package-level values and never mutated
// after init.
type Rule struct {
	ID        string // kebab-case, stable: "split-paragraph"
	Summary   string // one line, lower case, no final period
	SummaryZh string // the same in Chinese
	Doc       string // why it matters, what the fix does, the norm it rests on
	Category  string // layout, duplication, numbers, punctuation, terms, encoding, style, draftlint
	Severity  Severity
	// Default rules run without configuration. Profiles lists the profiles
	// ("official", "copywriting") in which the rule is on; empty means the
	// rule follows Default in every profile.
	Default  bool
	Profiles []string
	Examples []Example
	// Options returns a new pointer to the rule's typed options, filled with
	// defaults. Configuration is decoded into it strictly. Nil: no options.
	Options func() any
	// Run checks one document. RunCorpus, if set, runs once over every
	// document of the run after all of them were parsed (the runner then
	// keeps every document in memory). Corpus rules (RunCorpus, Corpus)
	// compare documents with each other and do not run when a run has
	// a single document.
	Run       func(*Pass) error
	RunCorpus func(*CorpusPass) error
	// Corpus, if set, makes a two-phase corpus rule (see CorpusCollector
	// in corpus.go): a new collector per run sees each document once and
	// keeps what it needs; documents are not kept.
	Corpus func() CorpusCollector
}

// Categories known to the engine; --select and --ignore accept them.
var Categories = []string{"layout", "duplication", "numbers", "punctuation", "terms", "encoding", "style", "draftlint"}

// DefaultIn reports whether the rule is on by default in the given profile.
func (r *Rule) DefaultIn(profile string) bool {
	if len(r.Profiles) == 0 {
		return r.Default
	}
	for _, p := range r.Profiles {
		if p == profile {
			return true
		}
	}
	return false
}

// Pass is what a rule sees when it checks one document.
type Pass struct {
	Rule *Rule
	Doc  *Document
	// Options is the rule's typed options pointer (from Rule.Options, with
	// configuration applied), or nil.
	Options any
	// Profile is the active profile name ("official" by default).
	Profile string

	diags []Diagnostic
}

// Report records a finding. The span must lie inside the document.
func (p *Pass) Report(d Diagnostic) {
	p.diags = append(p.diags, d)
}

// Reportf records a finding without fixes.
func (p *Pass) Reportf(span Span, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

// CorpusPass is what a corpus rule sees: every document of the run (Docs,
// for RunCorpus; a two-phase rule's collector has seen them instead).
type CorpusPass struct {
	Rule    *Rule
	Docs    []*Document
	Options any
	Profile string

	diags     map[*Document][]Diagnostic
	fileDiags map[int][]Diagnostic // two-phase rules, by file number
}

// Report records a finding in doc.
func (p *CorpusPass) Report(doc *Document, d Diagnostic) {
	if p.diags == nil {
		p.diags = map[*Document][]Diagnostic{}
	}
	p.diags[doc] = append(p.diags[doc], d)
}
