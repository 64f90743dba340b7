package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// SARIF constants. The schema URI is the one GitHub code scanning documents.
const (
	sarifSchema     = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion    = "2.1.0"
	sarifInfoURI    = "https://github.com/draftlint/draftlint"
	sarifRulesDoc   = "https://github.com/draftlint/draftlint/blob/main/docs/rules.md#"
	sarifSrcRoot    = "%SRCROOT%"
	sarifFingerprnt = "draftlint/v1"
)

// sarifReporter writes a SARIF 2.1.0 log with a single run, as accepted by
// GitHub code scanning. Columns are code points (columnKind
// unicodeCodePoints), matching lint.Position.
type sarifReporter struct{ opts Options }

func newSARIF(opts Options) Reporter { return &sarifReporter{opts: opts} }

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifText        `json:"help"`
	HelpURI              string           `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           *sarifProperties `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent *sarifText      `json:"insertedContent,omitempty"`
}

// sarifByteRegion addresses an edit by bytes: lint.Edit offsets are bytes
// into the decoded UTF-8 text, and columns would be ambiguous here.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level          string              `json:"level"`
	Message        sarifText           `json:"message"`
	Locations      []sarifLocation     `json:"locations,omitempty"`
	AssociatedRule *sarifRuleReference `json:"associatedRule,omitempty"`
}

type sarifRuleReference struct {
	ID    string `json:"id"`
	Index *int   `json:"index,omitempty"`
}

func sarifLevel(s lint.Severity) string {
	switch level(s) {
	case lint.Error:
		return "error"
	case lint.Info:
		return "note"
	}
	return "warning"
}

// camelCase turns a rule ID such as "halfwidth-punct" into "HalfwidthPunct",
// the form SARIF suggests for reportingDescriptor.name.
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' }) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

// firstParagraph is the first blank-line-separated paragraph of s, its
// lines joined with spaces.
func firstParagraph(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, " ")
}

// artifact locates p for SARIF: a relative, slash-separated, percent-encoded
// URI against %SRCROOT% when p lies inside the root (or is relative and no
// root is set), an absolute file URI otherwise.
func (s *sarifReporter) artifact(p string) sarifArtifactLocation {
	rel, ok := relToRoot(s.opts.Root, p)
	if !ok && s.opts.Root == "" && !filepath.IsAbs(p) {
		rel, ok = filepath.Clean(p), true
	}
	if ok {
		u := &url.URL{Path: filepath.ToSlash(rel)}
		return sarifArtifactLocation{URI: u.String(), URIBaseID: sarifSrcRoot}
	}
	if abs, err := filepath.Abs(p); err == nil {
		return sarifArtifactLocation{URI: fileURI(abs, false)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(p)}).String()}
}

// fileURI makes a file:// URI of an absolute OS path; dir adds the trailing
// slash that SARIF requires of base URIs.
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive paths: file:///C:/…
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func sarifRegionOf(start, end lint.Position) *sarifRegion {
	if start.Line <= 0 {
		return nil
	}
	r := &sarifRegion{StartLine: start.Line}
	if start.Column > 0 {
		r.StartColumn = start.Column
	}
	if end.Line >= start.Line {
		r.EndLine = end.Line
		if end.Column > 0 && (end.Line > start.Line || end.Column >= start.Column) {
			r.EndColumn = end.Column
		}
	}
	return r
}

func (s *sarifReporter) Report(w io.Writer, res *lint.Result) error {
	// Rules: every rule of the run, plus any rule a finding names that the
	// run did not list, so that every ruleIndex resolves.
	byID := map[string]*lint.Rule{}
	for _, r := range res.Rules {
		if r != nil && r.ID != "" {
			if _, dup := byID[r.ID]; !dup {
				byID[r.ID] = r
			}
		}
	}
	for _, f := range res.Files {
		if f == nil {
			continue
		}
		for _, d := range f.Diagnostics {
			if _, ok := byID[d.Rule]; !ok {
				byID[d.Rule] = &lint.Rule{ID: d.Rule, Severity: d.Severity}
			}
		}
	}
	for _, e := range res.Errors {
		if e != nil && e.Rule != "" {
			if _, ok := byID[e.Rule]; !ok {
				byID[e.Rule] = &lint.Rule{ID: e.Rule, Severity: lint.Error}
			}
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	index := make(map[string]int, len(ids))
	rules := make([]sarifRule, 0, len(ids))
	for i, id := range ids {
		index[id] = i
		rules = append(rules, s.rule(byID[id]))
	}

	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "draftlint",
			Version:        s.opts.ToolVersion,
			InformationURI: sarifInfoURI,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(res.Errors) == 0}},
		Results:     []sarifResult{},
		ColumnKind:  "unicodeCodePoints",
	}
	if s.opts.Root != "" {
		if abs, err := filepath.Abs(s.opts.Root); err == nil && filepath.IsAbs(s.opts.Root) {
			run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{sarifSrcRoot: {URI: fileURI(abs, true)}}
		}
	}

	for _, f := range res.Files {
		if f == nil {
			continue
		}
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			p := d.Path
			if p == "" {
				p = f.Path
			}
			run.Results = append(run.Results, s.result(d, p, index[d.Rule]))
		}
	}

	inv := &run.Invocations[0]
	for _, e := range res.Errors {
		if e == nil {
			continue
		}
		n := sarifNotification{Level: "error", Message: sarifText{Text: errorMessage(e)}}
		if e.Path != "" {
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: s.artifact(e.Path)}}}
		}
		if e.Rule != "" {
			i := index[e.Rule]
			n.AssociatedRule = &sarifRuleReference{ID: e.Rule, Index: &i}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func (s *sarifReporter) rule(r *lint.Rule) sarifRule {
	short := s.opts.message(r.Summary, r.SummaryZh)
	if short == "" {
		short = r.ID
	}
	full := firstParagraph(r.Doc)
	if full == "" {
		full = short
	}
	help := strings.TrimSpace(r.Doc)
	if help == "" {
		help = short
	}
	sr := sarifRule{
		ID:                   r.ID,
		Name:                 camelCase(r.ID),
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifText{Text: help},
		HelpURI:              sarifRulesDoc + r.ID,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
	}
	if r.Category != "" {
		sr.Properties = &sarifProperties{Tags: []string{r.Category}}
	}
	return sr
}

func (s *sarifReporter) result(d *lint.Diagnostic, path string, ruleIndex int) sarifResult {
	msg := s.opts.message(d.Message, d.MessageZh)
	if d.Detail != "" {
		msg += "\n\n" + strings.TrimRight(d.Detail, "\n")
	}
	if msg == "" {
		msg = d.Rule // SARIF requires a message text
	}
	art := s.artifact(path)
	res := sarifResult{
		RuleID:    d.Rule,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(d.Severity),
		Message:   sarifText{Text: msg},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: art,
			Region:           sarifRegionOf(d.Start, d.End),
		}}},
	}
	if d.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{sarifFingerprnt: d.Fingerprint}
	}
	for i, rel := range d.Related {
		id := i + 1
		rp := rel.Path
		if rp == "" {
			rp = path
		}
		loc := sarifLocation{
			ID: &id,
			PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: s.artifact(rp),
				Region:           sarifRegionOf(rel.Start, rel.End),
			},
		}
		if rel.Message != "" {
			loc.Message = &sarifText{Text: rel.Message}
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	for _, fx := range d.Fixes {
		if len(fx.Edits) == 0 {
			continue // SARIF requires at least one replacement
		}
		desc := fx.Message
		if !fx.Safe {
			desc = strings.TrimSpace(desc + " (unsafe)")
		}
		change := sarifArtifactChange{ArtifactLocation: art}
		for _, e := range fx.Edits {
			rep := sarifReplacement{DeletedRegion: sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
			if e.New != "" {
				rep.InsertedContent = &sarifText{Text: e.New}
			}
			change.Replacements = append(change.Replacements, rep)
		}
		res.Fixes = append(res.Fixes, sarifFix{Description: sarifText{Text: desc}, ArtifactChanges: []sarifArtifactChange{change}})
	}
	return res
}
