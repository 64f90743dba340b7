package lint

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"sort"
	"strconv"

	"github.com/zeebo/xxh3"
)

// Two-phase corpus rules.
//
// A rule with RunCorpus sees every Document of the run at once, so the
// runner keeps them all in memory. A rule with Corpus instead gets a
// CorpusCollector per run: the runner hands it each document where the rule
// is active as soon as the document is final (after its fixes) and then
// drops the document; the collector keeps what it needs in compact form
// (signatures, spans, positions). When every file is done, Finish reports
// findings by file number, with the positions the collector computed while
// it had the document. Memory is then bounded by the largest file plus the
// collectors' state, not by the number of files.

// CorpusCollector is one run of a two-phase corpus rule.
type CorpusCollector interface {
	// Collect sees one document, once. Calls for different files may run
	// at the same time. The document must not be kept after the call.
	Collect(f *CorpusFile) error
	// Finish reports the findings through CorpusPass.ReportFile, after
	// every Collect.
	Finish(p *CorpusPass) error
}

// CorpusSkipper is implemented by collectors that want to know, for every
// file of the run they will not see (it could not be read, the run was
// interrupted, or the rule is off for it), that they will not: a collector
// that files documents in input order can then go on without waiting for
// it.
type CorpusSkipper interface {
	Skip(index int)
}

// CorpusFile is a document handed to CorpusCollector.Collect.
type CorpusFile struct {
	// Index is the file's number in the run (input order); ReportFile
	// takes it.
	Index int
	Doc   *Document // valid during Collect only
	// Options are the rule's options for this file; Profile the active
	// profile.
	Options any
	Profile string
}

// ReportFile records a finding of a two-phase corpus rule in file number
// file. The document is gone by then, so d carries what the runner would
// otherwise compute from it: Span, Start and End (Document.Pos, taken
// during Collect), SourceLine when the text output should show the line,
// and for each Related entry its Path, Start and End. Set d.Fingerprint to
// SpanFingerprint(doc, d.Span), also taken during Collect; the runner
// mixes in the rule and the occurrence. Fixes are dropped: corpus findings
// come after the files were fixed.
func (p *CorpusPass) ReportFile(file int, d Diagnostic) {
	if p.fileDiags == nil {
		p.fileDiags = map[int][]Diagnostic{}
	}
	p.fileDiags[file] = append(p.fileDiags[file], d)
}

// SpanFingerprint is the rule-independent part of a finding's fingerprint:
// the span's text and up to twelve characters on each side within its
// line, white space ignored, as for every other finding.
func SpanFingerprint(doc *Document, s Span) string {
	var b bytes.Buffer
	b.Write(normFP(doc.Src[s.Start:s.End]))
	b.WriteByte(0)
	b.Write(normFP(contextBefore(doc, s.Start, 12)))
	b.WriteByte(0)
	b.Write(normFP(contextAfter(doc, s.End, 12)))
	return strconv.FormatUint(xxh3.Hash(b.Bytes()), 16)
}

// collectors starts the two-phase corpus rules of a run.
func (r *Runner) collectors() map[*Rule]CorpusCollector {
	var cs map[*Rule]CorpusCollector
	for _, rule := range r.Policy.Rules {
		if rule.Corpus != nil {
			if cs == nil {
				cs = map[*Rule]CorpusCollector{}
			}
			cs[rule] = rule.Corpus()
		}
	}
	return cs
}

// collect hands a final document to the collectors of the rules active on
// it, and tells the others (all of them when st is nil: the file was not
// read) that they will not see it.
func (r *Runner) collect(i int, st *fileState, cs map[*Rule]CorpusCollector) []*FileError {
	var errs []*FileError
	seen := map[*Rule]bool{}
	defer func() {
		for rule, c := range cs {
			if sk, ok := c.(CorpusSkipper); ok && !seen[rule] {
				sk.Skip(i)
			}
		}
	}()
	if st == nil {
		return nil
	}
	for k := range st.active {
		a := &st.active[k]
		c := cs[a.Rule]
		if c == nil {
			continue
		}
		seen[a.Rule] = true
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = fmt.Errorf("panic: %v\n%s", v, firstFrames(debug.Stack()))
				}
			}()
			return c.Collect(&CorpusFile{Index: i, Doc: st.doc, Options: a.Options, Profile: r.Policy.Profile})
		}()
		if err != nil {
			errs = append(errs, &FileError{Path: st.doc.Path, Rule: a.Rule.ID, Err: err})
		}
	}
	return errs
}

// finishCollectors asks each collector for its findings and files them:
// severity, directives, fingerprints, order.
func (r *Runner) finishCollectors(cs *corpusState, cols map[*Rule]CorpusCollector, errs [][]*FileError) {
	touched := map[int]bool{}
	for _, rule := range r.Policy.Rules {
		c := cols[rule]
		if c == nil {
			continue
		}
		var act *ActiveRule
		for _, st := range cs.docs {
			if st == nil {
				continue
			}
			for k := range st.active {
				if st.active[k].Rule == rule {
					act = &st.active[k]
					break
				}
			}
			if act != nil {
				break
			}
		}
		if act == nil {
			continue // active on no file
		}
		cp := &CorpusPass{Rule: rule, Options: act.Options, Profile: r.Policy.Profile}
		err := func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = fmt.Errorf("panic: %v\n%s", v, firstFrames(debug.Stack()))
				}
			}()
			return c.Finish(cp)
		}()
		if err != nil {
			errs[0] = append(errs[0], &FileError{Rule: rule.ID, Err: fmt.Errorf("rule %s: %w", rule.ID, err)})
			continue
		}
		files := make([]int, 0, len(cp.fileDiags))
		for f := range cp.fileDiags {
			files = append(files, f)
		}
		sort.Ints(files)
		for _, f := range files {
			if f < 0 || f >= len(cs.docs) || cs.docs[f] == nil {
				errs[0] = append(errs[0], &FileError{Rule: rule.ID, Err: fmt.Errorf("rule %s: finding for file %d, which was not checked", rule.ID, f)})
				continue
			}
			st := cs.docs[f]
			var a *ActiveRule
			for k := range st.active {
				if st.active[k].Rule == rule {
					a = &st.active[k]
				}
			}
			if a == nil {
				continue
			}
			for _, dg := range cp.fileDiags[f] {
				if dg.Span.Start < 0 || dg.Span.End < dg.Span.Start || dg.Span.End > st.srcLen || dg.Start.Line < 1 || dg.Message == "" {
					errs[f] = append(errs[f], &FileError{Path: st.fr.Path, Rule: rule.ID,
						Err: fmt.Errorf("corpus finding without a valid span, position or message (span [%d,%d))", dg.Span.Start, dg.Span.End)})
					continue
				}
				dg.Rule = rule.ID
				dg.Severity = effectiveSeverity(a, dg.Severity)
				if dg.Path == "" {
					dg.Path = st.fr.Path
				}
				dg.Fixes = []Fix{}
				if dg.Related == nil {
					dg.Related = []Related{}
				}
				suppressed := false
				for _, dir := range st.dirs {
					if dir.suppresses(&dg) {
						suppressed = true
					}
				}
				if suppressed {
					continue
				}
				basis := dg.Fingerprint
				h := xxh3.HashString(dg.Rule + "\x00" + basis)
				n := st.corpusFP[h]
				if st.corpusFP == nil {
					st.corpusFP = map[uint64]int{}
				}
				st.corpusFP[h] = n + 1
				dg.Fingerprint = strconv.FormatUint(xxh3.HashStringSeed(dg.Rule+"\x00"+basis, uint64(n)), 16)
				st.fr.Diagnostics = append(st.fr.Diagnostics, dg)
				touched[f] = true
			}
		}
	}
	for f := range touched {
		sortDiagnostics(cs.docs[f].fr.Diagnostics)
	}
}
