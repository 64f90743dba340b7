package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/draftlint/draftlint/lint"
)

// A baseline lets a team adopt draftlint on drafts that already have many
// findings: --write-baseline records today's findings once, --baseline then
// reports only the others. Findings are matched by path, rule and the
// runner's fingerprint (rule, normalised text of the span and its context,
// occurrence number), never by line, so edits elsewhere in a file keep old
// findings matched.

const baselineVersion = 1

type baselineFile struct {
	Version  int             `json:"version"`
	Comment  string          `json:"comment,omitempty"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	// Path is relative to the baseline file's folder, slash-separated, so
	// the file works from any working directory and on any system.
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	// Line and Message help people review the file; matching ignores them.
	Line    int    `json:"line,omitempty"`
	Message string `json:"message,omitempty"`
}

type baselineKey struct{ path, rule, fingerprint string }

type baseline struct {
	dir     string // absolute folder the entry paths are relative to
	entries []baselineEntry
}

// baselineDir is the absolute folder of a baseline file named on the
// command line (relative to the working directory dir).
func baselineDir(dir, file string) string {
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	return filepath.Dir(abs)
}

// baselinePath maps a reported path (relative to the working directory, or
// absolute) to the form stored in a baseline kept in baseDir.
func baselinePath(dir, baseDir, p string) string {
	abs := p
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(dir, p)
	}
	rel, err := filepath.Rel(baseDir, abs)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

func loadBaseline(dir, file string) (*baseline, error) {
	full := file
	if !filepath.IsAbs(full) {
		full = filepath.Join(dir, file)
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", file, cleanErr(err))
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("--baseline %s: not a draftlint baseline (invalid JSON at byte %d)", file, se.Offset)
		}
		return nil, fmt.Errorf("--baseline %s: not a draftlint baseline (%w)", file, err)
	}
	if bf.Version != baselineVersion {
		return nil, fmt.Errorf("--baseline %s: baseline version %d is not supported (want %d); write it again with --write-baseline", file, bf.Version, baselineVersion)
	}
	return &baseline{dir: baselineDir(dir, file), entries: bf.Findings}, nil
}

// match marks the diagnostics of res that the baseline records, and counts
// the entries that no longer occur. Only entries of files and rules checked
// in this run can be gone: checking one file must not declare the findings
// of every other file fixed.
func (b *baseline) match(dir string, res *lint.Result) (known map[*lint.Diagnostic]bool, gone int) {
	counts := map[baselineKey]int{}
	for _, e := range b.entries {
		counts[baselineKey{e.Path, e.Rule, e.Fingerprint}]++
	}
	known = map[*lint.Diagnostic]bool{}
	checked := map[string]bool{}
	for _, fr := range res.Files {
		if fr == nil {
			continue
		}
		checked[baselinePath(dir, b.dir, fr.Path)] = true
		for i := range fr.Diagnostics {
			d := &fr.Diagnostics[i]
			k := baselineKey{baselinePath(dir, b.dir, diagPath(fr, d)), d.Rule, d.Fingerprint}
			if counts[k] > 0 {
				counts[k]--
				known[d] = true
			}
		}
	}
	active := map[string]bool{}
	for _, r := range res.Rules {
		active[r.ID] = true
	}
	for k, n := range counts {
		if n > 0 && checked[k.path] && active[k.rule] {
			gone += n
		}
	}
	return known, gone
}

func diagPath(fr *lint.FileResult, d *lint.Diagnostic) string {
	if d.Path != "" {
		return d.Path
	}
	return fr.Path
}

// writeBaseline records every finding of res in file and returns how many.
func writeBaseline(dir, file string, res *lint.Result) (int, error) {
	baseDir := baselineDir(dir, file)
	bf := baselineFile{
		Version:  baselineVersion,
		Comment:  "draftlint baseline: these findings are not reported by draftlint check --baseline FILE. Write it again with --write-baseline FILE.",
		Findings: []baselineEntry{},
	}
	for _, fr := range res.Files {
		if fr == nil {
			continue
		}
		for i := range fr.Diagnostics {
			d := &fr.Diagnostics[i]
			bf.Findings = append(bf.Findings, baselineEntry{
				Path:        baselinePath(dir, baseDir, diagPath(fr, d)),
				Rule:        d.Rule,
				Fingerprint: d.Fingerprint,
				Line:        d.Start.Line,
				Message:     d.Message,
			})
		}
	}
	sort.SliceStable(bf.Findings, func(i, j int) bool {
		a, b := &bf.Findings[i], &bf.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bf); err != nil {
		return 0, err
	}
	full := file
	if !filepath.IsAbs(full) {
		full = filepath.Join(dir, file)
	}
	if err := writeFileReplacing(full, buf.Bytes()); err != nil {
		return 0, fmt.Errorf("--write-baseline %s: %w", file, cleanErr(err))
	}
	return len(bf.Findings), nil
}

// writeFileReplacing writes data to a temporary file next to path and
// renames it over path, so an interrupted write never leaves half a file.
func writeFileReplacing(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".draftlint-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		_ = os.Remove(name)
	}
	return werr
}
