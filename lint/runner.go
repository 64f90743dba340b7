package lint

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// Input is a loaded file: the decoded document and the raw bytes it came
// from (to detect concurrent changes and to diff against).
type Input struct {
	Doc *Document
	Raw []byte
}

// Runner lints files in parallel and applies policy and fixes.
type Runner struct {
	Policy *Policy
	// Jobs bounds the files processed at once; 0 means the number of CPUs.
	Jobs int
	// Fix writes fixed files; Diff computes diffs instead; Unsafe admits
	// unsafe fixes to either.
	Fix, Diff, Unsafe bool
	// Load reads one path. The default reads UTF-8 text from disk.
	Load func(path string) (*Input, error)
	// Encode turns fixed text back into file bytes (encoding, BOM); the
	// default uses doc.Encoding.Encode when set.
	Encode func(doc *Document, fixed []byte) ([]byte, error)
	// Write stores fixed bytes; the default is WriteFileAtomic.
	Write func(path string, orig, data []byte) error
	// DiffFunc renders a unified diff (from the report package; injected to
	// keep the engine free of output code).
	DiffFunc func(path string, old, new []byte) string
	// Reparse builds a document for fixed source; the default parses with
	// the same path, format and encoding.
	Reparse func(prev *Document, src []byte) *Document
}

// DefaultLoad reads a UTF-8 file.
func DefaultLoad(path string) (*Input, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc := Parse(path, raw, FormatFor(path))
	return &Input{Doc: doc, Raw: raw}, nil
}

// Run lints every path. Results come back in input order whatever the
// parallelism.
func (r *Runner) Run(ctx context.Context, paths []string) *Result {
	res := &Result{Files: make([]*FileResult, len(paths)), Rules: r.Policy.Rules}
	errs := make([][]*FileError, len(paths))
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	var corpus *corpusState
	legacy := r.hasCorpusRules()
	cols := r.collectors()
	if len(paths) < 2 {
		// Corpus rules compare documents with each other: one document
		// gives them nothing, and collecting its paragraphs cost a
		// large file a third as much as linting it.
		legacy, cols = false, nil
	}
	if legacy || cols != nil {
		corpus = &corpusState{docs: make([]*fileState, len(paths))}
	}
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i, p := range paths {
		if ctx.Err() != nil {
			errs[i] = append(errs[i], &FileError{Path: p, Err: ctx.Err()})
			if cols != nil {
				r.collect(i, nil, cols) // tells the collectors the file is out
			}
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, p string) {
			defer wg.Done()
			defer func() { <-sem }()
			fr, fe, st := r.runFile(p)
			if cols != nil {
				fe = append(fe, r.collect(i, st, cols)...)
			}
			if corpus != nil && st != nil {
				st.srcLen = len(st.doc.Src)
				if !legacy {
					st.doc = nil // the collectors took what they need
				}
				corpus.docs[i] = st
			}
			res.Files[i] = fr
			errs[i] = fe
		}(i, p)
	}
	wg.Wait()
	if legacy {
		r.runCorpus(corpus, res, errs)
	}
	if cols != nil {
		r.finishCollectors(corpus, cols, errs)
	}
	for _, e := range errs {
		res.Errors = append(res.Errors, e...)
	}
	// Keep only files that were read.
	out := res.Files[:0]
	for _, f := range res.Files {
		if f != nil {
			out = append(out, f)
		}
	}
	res.Files = out
	res.Rules = r.Policy.Used()
	return res
}

func (r *Runner) hasCorpusRules() bool {
	for _, rule := range r.Policy.Rules {
		if rule.RunCorpus != nil {
			return true
		}
	}
	return false
}

// fileState is what the corpus pass needs of a file. doc is kept only for
// RunCorpus rules.
type fileState struct {
	doc      *Document
	active   []ActiveRule
	dirs     []*directive
	fr       *FileResult
	srcLen   int
	corpusFP map[uint64]int // fingerprint occurrences of two-phase corpus findings
}

type corpusState struct {
	docs []*fileState
}

func (r *Runner) runFile(path string) (fr *FileResult, errs []*FileError, st *fileState) {
	defer func() {
		if p := recover(); p != nil {
			errs = append(errs, &FileError{Path: path, Err: fmt.Errorf("internal error: %v", p)})
			fr = nil
		}
	}()
	active, err := r.Policy.For(path)
	if err != nil {
		return nil, []*FileError{{Path: path, Err: err}}, nil
	}
	load := r.Load
	if load == nil {
		load = DefaultLoad
	}
	in, err := load(path)
	if err != nil {
		return nil, []*FileError{{Path: path, Err: err}}, nil
	}
	doc := in.Doc
	fr = &FileResult{Path: doc.Path, Format: doc.Format}
	var dirs, firstDirs []*directive
	var firstDiags []Diagnostic
	lints := 0
	lintDoc := func(d *Document) []Diagnostic {
		diags, ds, fe := r.lintDocument(d, active)
		dirs = ds
		if lints == 0 {
			firstDiags, firstDirs = diags, ds
		}
		lints++
		errs = append(errs, fe...)
		return diags
	}
	if !r.Fix && !r.Diff {
		fr.Diagnostics = lintDoc(doc)
		return fr, errs, &fileState{doc: doc, active: active, dirs: dirs, fr: fr}
	}
	reparse := r.Reparse
	if reparse == nil {
		reparse = func(prev *Document, src []byte) *Document {
			nd := Parse(prev.Path, src, prev.Format)
			nd.Encoding = prev.Encoding
			return nd
		}
	}
	final, diags, applied, refused, ferr := fixLoop(doc, r.Unsafe, lintDoc, func(src []byte) *Document { return reparse(doc, src) })
	if ferr != nil {
		errs = append(errs, &FileError{Path: path, Err: fmt.Errorf("%w; file left unchanged", ferr)})
	}
	fr.Diagnostics = diags
	fr.Fixed = applied
	fr.Refused = refused
	// A file left unwritten still holds what was found in it.
	unwritten := func() *fileState {
		fr.Diagnostics, fr.Fixed, fr.Refused, fr.Diff = firstDiags, 0, nil, ""
		return &fileState{doc: doc, active: active, dirs: firstDirs, fr: fr}
	}
	if ferr != nil {
		// Rules that keep rewriting each other's output leave a text
		// nobody asked for: the file is not written.
		return fr, errs, unwritten()
	}
	if final != doc {
		encode := r.Encode
		if encode == nil {
			encode = defaultEncode
		}
		data, err := encode(final, final.Src)
		if err != nil {
			errs = append(errs, &FileError{Path: path, Err: fmt.Errorf("fixed text not written: %w", err)})
			return fr, errs, unwritten()
		}
		if r.Diff && r.DiffFunc != nil {
			if doc.Encoding != nil && doc.Encoding.TextDiff {
				fr.Diff = r.DiffFunc(doc.Path, doc.Src, final.Src)
			} else {
				fr.Diff = r.DiffFunc(doc.Path, in.Raw, data)
			}
		}
		if r.Fix {
			write := r.Write
			if write == nil {
				write = WriteFileAtomic
			}
			if err := write(path, in.Raw, data); err != nil {
				errs = append(errs, &FileError{Path: path, Err: fmt.Errorf("fixes not written: %w", err)})
				return fr, errs, unwritten()
			}
		}
	}
	return fr, errs, &fileState{doc: final, active: active, dirs: dirs, fr: fr}
}

func defaultEncode(doc *Document, fixed []byte) ([]byte, error) {
	if doc.Encoding != nil && doc.Encoding.Encode != nil {
		return doc.Encoding.Encode(fixed)
	}
	return fixed, nil
}

// lintDocument runs the active rules on one document and applies policy:
// severities, directives, positions, sorting and de-duplication.
func (r *Runner) lintDocument(doc *Document, active []ActiveRule) ([]Diagnostic, []*directive, []*FileError) {
	var errs []*FileError
	var diags []Diagnostic
	for i := range active {
		a := &active[i]
		if a.Rule.Run == nil {
			continue
		}
		// The rule appends to the document's findings directly; its own
		// part is checked in place below (or dropped if the rule failed),
		// so findings are not copied from slice to slice.
		before := len(diags)
		pass := &Pass{Rule: a.Rule, Doc: doc, Options: a.Options, Profile: r.Policy.Profile, diags: diags}
		err := runRule(pass)
		mine := pass.diags[before:]
		diags = pass.diags[:before]
		if err != nil {
			errs = append(errs, &FileError{Path: doc.Path, Rule: a.Rule.ID, Err: err})
			continue
		}
		for _, dg := range mine {
			if err := checkDiagnostic(doc, &dg); err != nil {
				errs = append(errs, &FileError{Path: doc.Path, Rule: a.Rule.ID, Err: err})
				continue
			}
			dg.Rule = a.Rule.ID
			dg.Severity = effectiveSeverity(a, dg.Severity)
			diags = append(diags, dg) // never past the one read
		}
	}
	return r.finish(doc, active, diags, errs)
}

// finish applies directives, fills positions and fingerprints, sorts and
// removes duplicates.
func (r *Runner) finish(doc *Document, active []ActiveRule, diags []Diagnostic, errs []*FileError) ([]Diagnostic, []*directive, []*FileError) {
	known := map[string]bool{}
	for _, rule := range r.Policy.Rules {
		known[rule.ID] = true
	}
	activeSet := map[string]bool{}
	var unusedRule *ActiveRule
	for i := range active {
		activeSet[active[i].Rule.ID] = true
		if active[i].Rule.ID == UnusedDirective.ID {
			unusedRule = &active[i]
		}
	}
	dirs, problems := parseDirectives(doc, known)
	// Sorted first, the findings' starts come in order for the sweep
	// that fills positions; filtering keeps the order.
	sortDiagnostics(diags)
	fillAllPositions(doc, diags)
	kept := diags[:0]
	for _, dg := range diags {
		suppressed := false
		for _, dir := range dirs {
			if dir.suppresses(&dg) {
				suppressed = true
			}
		}
		if !suppressed {
			kept = append(kept, dg)
		}
	}
	diags = kept
	if unusedRule != nil {
		for _, dg := range append(problems, unusedDirectives(dirs, activeSet)...) {
			dg.Rule = UnusedDirective.ID
			dg.Severity = effectiveSeverity(unusedRule, SeverityUnset)
			fillPositions(doc, &dg)
			diags = append(diags, dg)
		}
	}
	sortDiagnostics(diags)
	diags = dedupe(diags)
	fingerprint(doc, diags)
	return diags, dirs, errs
}

func effectiveSeverity(a *ActiveRule, own Severity) Severity {
	if a.Explicit || own == SeverityUnset {
		return a.Severity
	}
	return own
}

func runRule(p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v\n%s", v, firstFrames(debug.Stack()))
		}
	}()
	return p.Rule.Run(p)
}

// firstFrames keeps the part of a stack trace that names the rule's code.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.Contains(l, "draftlint/rules") || strings.Contains(l, "draftlint/lint.") && !strings.Contains(l, "runRule") && !strings.Contains(l, "panic") {
			out = append(out, strings.TrimSpace(l))
			if i+1 < len(lines) {
				out = append(out, "  "+strings.TrimSpace(lines[i+1]))
			}
			if len(out) >= 4 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

func checkDiagnostic(doc *Document, dg *Diagnostic) error {
	if dg.Span.Start < 0 || dg.Span.End < dg.Span.Start || dg.Span.End > len(doc.Src) {
		return fmt.Errorf("finding span [%d,%d) out of range", dg.Span.Start, dg.Span.End)
	}
	if dg.Message == "" {
		return errors.New("finding without a message")
	}
	valid := dg.Fixes[:0]
	var bad error
	for _, f := range dg.Fixes {
		if err := validateFix(doc, &f); err != nil {
			bad = fmt.Errorf("invalid fix %q: %w", f.Message, err)
			continue
		}
		valid = append(valid, f)
	}
	dg.Fixes = valid
	for _, rel := range dg.Related {
		d := rel.Doc
		if d == nil {
			d = doc
		}
		if rel.Span.Start < 0 || rel.Span.End < rel.Span.Start || rel.Span.End > len(d.Src) {
			return fmt.Errorf("related span [%d,%d) out of range", rel.Span.Start, rel.Span.End)
		}
	}
	return bad
}

func fillPositions(doc *Document, dg *Diagnostic) {
	dg.Path = doc.Path
	dg.Start = doc.Pos(dg.Span.Start)
	dg.End = doc.Pos(dg.Span.End)
	dg.SourceLine = doc.LineText(dg.Start.Line)
	if dg.Fixes == nil {
		dg.Fixes = []Fix{}
	}
	if dg.Related == nil {
		dg.Related = []Related{}
	}
	for i := range dg.Related {
		rel := &dg.Related[i]
		d := rel.Doc
		if d == nil {
			d = doc
		}
		rel.Path = d.Path
		rel.Start = d.Pos(rel.Span.Start)
		rel.End = d.Pos(rel.Span.End)
	}
}

func sortDiagnostics(diags []Diagnostic) {
	less := func(a, b *Diagnostic) int {
		if a.Span.Start != b.Span.Start {
			return cmp.Compare(a.Span.Start, b.Span.Start)
		}
		if a.Span.End != b.Span.End {
			return cmp.Compare(a.Span.End, b.Span.End)
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	}
	sorted := true
	for i := 1; i < len(diags) && sorted; i++ {
		sorted = less(&diags[i-1], &diags[i]) <= 0
	}
	if sorted {
		return
	}
	// Sort small keys and move each finding once: swapping the large
	// structs themselves cost more than the comparisons.
	type key struct {
		start, end int
		rule, msg  string
		i          int
	}
	keys := make([]key, len(diags))
	for i := range diags {
		d := &diags[i]
		keys[i] = key{d.Span.Start, d.Span.End, d.Rule, d.Message, i}
	}
	// Each rule reports in document order, so the findings are a few
	// sorted runs: a natural merge sort merges them, taking the left
	// run's key on ties, which keeps equal findings in their order as a
	// stable sort would.
	cmpKey := func(a, b *key) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.end != b.end {
			return cmp.Compare(a.end, b.end)
		}
		if c := strings.Compare(a.rule, b.rule); c != 0 {
			return c
		}
		return strings.Compare(a.msg, b.msg)
	}
	tmp := make([]key, len(keys))
	for {
		// Merge neighbouring runs pairwise from keys into tmp.
		runs := 0
		for lo := 0; lo < len(keys); {
			mid := lo + 1
			for mid < len(keys) && cmpKey(&keys[mid-1], &keys[mid]) <= 0 {
				mid++
			}
			hi := mid
			if mid < len(keys) {
				hi++
				for hi < len(keys) && cmpKey(&keys[hi-1], &keys[hi]) <= 0 {
					hi++
				}
			}
			a, b, o := lo, mid, lo
			for a < mid && b < hi {
				if cmpKey(&keys[b], &keys[a]) < 0 {
					tmp[o] = keys[b]
					b++
				} else {
					tmp[o] = keys[a]
					a++
				}
				o++
			}
			o += copy(tmp[o:], keys[a:mid])
			copy(tmp[o:], keys[b:hi])
			runs++
			lo = hi
		}
		keys, tmp = tmp, keys
		if runs == 1 {
			break
		}
	}
	// Apply the permutation in place, cycle by cycle: diags[k] takes
	// diags[keys[k].i].
	for k := range keys {
		if keys[k].i < 0 {
			continue
		}
		tmp := diags[k]
		j := k
		for {
			src := keys[j].i
			keys[j].i = -1
			if src == k {
				diags[j] = tmp
				break
			}
			diags[j] = diags[src]
			j = src
		}
	}
}

func dedupe(diags []Diagnostic) []Diagnostic {
	out := diags[:0]
	for i, dg := range diags {
		if i > 0 {
			p := &out[len(out)-1]
			if p.Rule == dg.Rule && p.Span == dg.Span && p.Message == dg.Message {
				continue
			}
		}
		out = append(out, dg)
	}
	return out
}

// fingerprint hashes rule, span text and a little context on each side, and
// the occurrence count of that triple, so the value survives edits
// elsewhere in the file.
func fingerprint(doc *Document, diags []Diagnostic) {
	seen := make(map[uint64]int, len(diags))
	var b []byte // reused: one key at a time
	for i := range diags {
		dg := &diags[i]
		b = append(b[:0], dg.Rule...)
		b = append(b, 0)
		b = appendFP(b, doc.Src[dg.Span.Start:dg.Span.End])
		b = append(b, 0)
		b = appendFP(b, contextBefore(doc, dg.Span.Start, 12))
		b = append(b, 0)
		b = appendFP(b, contextAfter(doc, dg.Span.End, 12))
		h := xxh3.Hash(b)
		n := seen[h]
		seen[h] = n + 1
		dg.Fingerprint = strconv.FormatUint(xxh3.HashSeed(b, uint64(n)), 16)
	}
}

// is3 reports a lead E1–EC or EE–EF and two continuation bytes: always
// one valid three-byte character, decoded without a call.
func is3(c, b1, b2 byte) bool {
	return c-0xE1 <= 0xEF-0xE1 && c != 0xED && b1&0xC0 == 0x80 && b2&0xC0 == 0x80
}

func contextBefore(doc *Document, off, runes int) []byte {
	src := doc.Src
	s := off
	for k := 0; k < runes && s > 0; k++ {
		var n int
		switch {
		case src[s-1] < utf8.RuneSelf:
			n = 1
		case s >= 3 && is3(src[s-3], src[s-2], src[s-1]):
			n = 3
		default:
			_, n = utf8.DecodeLastRune(src[:s])
		}
		if doc.Src[s-n] == '\n' {
			break
		}
		s -= n
	}
	return doc.Src[s:off]
}

func contextAfter(doc *Document, off, runes int) []byte {
	e := off
	for k := 0; k < runes && e < len(doc.Src); k++ {
		c := doc.Src[e]
		if c == '\n' {
			break
		}
		switch {
		case c < utf8.RuneSelf:
			e++
		case e+2 < len(doc.Src) && is3(c, doc.Src[e+1], doc.Src[e+2]):
			e += 3
		default:
			_, n := utf8.DecodeRune(doc.Src[e:])
			e += n
		}
	}
	return doc.Src[off:e]
}

// appendFP appends b without white space, so re-wrapping a line does not
// change the fingerprint.
func appendFP(dst, b []byte) []byte {
	if bytes.IndexByte(b, ' ') < 0 && bytes.IndexByte(b, '\n') < 0 && bytes.IndexByte(b, '\t') < 0 && bytes.IndexByte(b, '\r') < 0 {
		// Chinese text often has none: four vectorised searches and
		// one copy instead of a loop over the bytes.
		return append(dst, b...)
	}
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			dst = append(dst, c)
		}
	}
	return dst
}

func (r *Runner) runCorpus(cs *corpusState, res *Result, errs [][]*FileError) {
	var docs []*Document
	byDoc := map[*Document]*fileState{}
	for _, st := range cs.docs {
		if st != nil && st.doc != nil {
			docs = append(docs, st.doc)
			byDoc[st.doc] = st
		}
	}
	for _, rule := range r.Policy.Rules {
		if rule.RunCorpus == nil {
			continue
		}
		// A corpus rule runs over the documents where it is active.
		var these []*Document
		var act *ActiveRule
		for _, d := range docs {
			for i := range byDoc[d].active {
				if byDoc[d].active[i].Rule == rule {
					these = append(these, d)
					if act == nil {
						act = &byDoc[d].active[i]
					}
				}
			}
		}
		if len(these) == 0 {
			continue
		}
		cp := &CorpusPass{Rule: rule, Docs: these, Options: act.Options, Profile: r.Policy.Profile}
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = fmt.Errorf("panic: %v", v)
				}
			}()
			return rule.RunCorpus(cp)
		}()
		if err != nil {
			errs[0] = append(errs[0], &FileError{Rule: rule.ID, Err: err})
			continue
		}
		for d, ds := range cp.diags {
			st := byDoc[d]
			if st == nil {
				continue
			}
			var a *ActiveRule
			for i := range st.active {
				if st.active[i].Rule == rule {
					a = &st.active[i]
				}
			}
			if a == nil {
				continue
			}
			for _, dg := range ds {
				if err := checkDiagnostic(d, &dg); err != nil {
					continue
				}
				dg.Rule = rule.ID
				dg.Severity = effectiveSeverity(a, dg.Severity)
				fillPositions(d, &dg)
				suppressed := false
				for _, dir := range st.dirs {
					if dir.suppresses(&dg) {
						suppressed = true
					}
				}
				if !suppressed {
					st.fr.Diagnostics = append(st.fr.Diagnostics, dg)
				}
			}
			sortDiagnostics(st.fr.Diagnostics)
			fingerprint(d, st.fr.Diagnostics)
		}
	}
}

// normFP returns b without white space (see appendFP).
func normFP(b []byte) []byte { return appendFP(make([]byte, 0, len(b)), b) }
