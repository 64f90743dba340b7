package dup

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/dedup/corpus"
	"github.com/draftlint/draftlint/lint"
)

// DuplicateAcrossFiles reports paragraphs that copy, exactly or nearly, a
// paragraph of another file checked in the same run. It runs the corpus
// index of draftlint dedup as a two-phase corpus rule: each file is cut
// into paragraphs and signed as soon as it is final, its texts go to a
// spill store, and the document is released; the clusters are formed once
// every file is in.
var DuplicateAcrossFiles = &lint.Rule{
	ID:        "duplicate-across-files",
	Summary:   "a paragraph repeats a paragraph of another file checked in the same run",
	SummaryZh: "段落与同批检查的另一文件中的段落完全或近似重复",
	Doc: `When several files are checked together (a folder, a pre-commit run, a
CI job), a paragraph that another file already holds — copied whole, or
re-edited in a few places, or with a phrase or sentence added — is reported
in the file that holds the later copy, naming the copy kept and showing,
character by character, how the two differ. It uses the corpus index of
draftlint dedup: matching ignores width, case, spacing and punctuation;
copies are near when their character n-gram Jaccard similarity (3-grams for
Chinese, 5-grams for Latin text) reaches threshold, their edit similarity
reaches threshold + 0.1, or the shorter lies, but for a tenth, inside the
longer (a phrase or sentence added).

Kept is the copy in the file checked first (files in the order given,
folders in path order), unless a later copy contains it and is longer. Only
copies in files other than the kept one's are reported here; repeats inside
one file are duplicate-paragraph's. There is no fix in check: to delete the
copies, run draftlint dedup --fix --unsafe-fixes on the same files.

Not compared: headings, table cells and paragraphs under min-chars
characters (letters, digits and Han characters; default 20).

Options (.draftlint.yaml):

  rules:
    duplicate-across-files:
      min-chars: 20
      threshold: 0.70`,
	Category: "duplication",
	Severity: lint.Warning,
	Default:  true,
	Options:  func() any { return &AcrossOptions{MinChars: 20, Threshold: 0.70} },
	Examples: []lint.Example{{
		Bad: "<!-- file: a.txt -->\n湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。\n" +
			"<!-- file: b.txt -->\n近年来，湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。\n",
		Good: "<!-- file: a.txt -->\n湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。\n" +
			"<!-- file: b.txt -->\n省政府办公厅印发了数字经济强省三年行动计划，明确了今后三年的重点任务和保障措施。\n",
	}},
	Corpus: func() lint.CorpusCollector { return &acrossCollector{pending: map[int]*acrossFile{}} },
}

// AcrossOptions are the options of duplicate-across-files.
type AcrossOptions struct {
	MinChars  int     `yaml:"min-chars"`
	Threshold float64 `yaml:"threshold"`
}

// acrossCollector is one run of duplicate-across-files. Files are filed
// in the corpus in run order — unit numbers, keepers and output follow it
// — as soon as every earlier file is in (or known to be out), so what
// waits is only the few files that finished early; the corpus keeps their
// signatures, positions and (in a spill file) texts.
type acrossCollector struct {
	mu      sync.Mutex
	c       *corpus.Corpus
	next    int                 // the next run file to file
	pending map[int]*acrossFile // collected (nil: not collected), waiting for earlier files
	runFile []int               // corpus file → run file
	units   []acrossUnit        // by corpus unit
}

// acrossFile is a file waiting to be filed.
type acrossFile struct {
	prep  *corpus.Prepared
	extra []acrossUnit
}

// acrossUnit is what a finding needs of a unit besides its corpus place.
type acrossUnit struct {
	endLine, endCol uint32
	fp              uint64        // lint.SpanFingerprint of the unit
	line            dedup.TextRef // the source line of the unit's start
}

func (a *acrossCollector) corpus() *corpus.Corpus {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.c == nil {
		a.c = corpus.New(corpus.Options{})
	}
	return a.c
}

// arrive files file i (nil: it will not be collected) and every waiting
// file after it whose turn has come.
func (a *acrossCollector) arrive(i int, af *acrossFile) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending[i] = af
	for {
		af, ok := a.pending[a.next]
		if !ok {
			return
		}
		delete(a.pending, a.next)
		if af != nil {
			a.c.Add(af.prep)
			a.runFile = append(a.runFile, a.next)
			a.units = append(a.units, af.extra...)
		}
		a.next++
	}
}

// Skip is called for the files this rule will not see.
func (a *acrossCollector) Skip(i int) { a.arrive(i, nil) }

func (a *acrossCollector) Collect(f *lint.CorpusFile) (err error) {
	var af *acrossFile
	defer func() {
		if v := recover(); v != nil {
			a.arrive(f.Index, nil)
			panic(v)
		}
		a.arrive(f.Index, af)
	}()
	opt, _ := f.Options.(*AcrossOptions)
	if opt == nil {
		opt = &AcrossOptions{MinChars: 20, Threshold: 0.70}
	}
	c := a.corpus()
	p, err := c.PrepareMin(f.Doc, max(opt.MinChars, 1))
	if err != nil || len(p.Units) == 0 {
		return err
	}
	extra := make([]acrossUnit, len(p.Units))
	for i, u := range p.Units {
		ref, err := c.Stash(f.Doc.LineText(u.Start.Line))
		if err != nil {
			return err
		}
		end := f.Doc.Pos(u.Span.End)
		fp, _ := strconv.ParseUint(lint.SpanFingerprint(f.Doc, u.Span), 16, 64)
		extra[i] = acrossUnit{endLine: uint32(end.Line), endCol: uint32(end.Column), fp: fp, line: ref}
	}
	af = &acrossFile{prep: p, extra: extra}
	return nil
}

func (a *acrossCollector) Finish(p *lint.CorpusPass) error {
	// Files still waiting (none, when the runner reported every skip).
	rest := make([]int, 0, len(a.pending))
	for i := range a.pending {
		rest = append(rest, i)
	}
	sort.Ints(rest)
	for _, i := range rest {
		if af := a.pending[i]; af != nil {
			a.c.Add(af.prep)
			a.runFile = append(a.runFile, i)
			a.units = append(a.units, af.extra...)
		}
	}
	a.pending = nil
	if a.c == nil {
		return nil
	}
	c := a.c
	defer c.Close()
	if len(a.runFile) < 2 {
		return nil
	}
	if opt, ok := p.Options.(*AcrossOptions); ok {
		c.SetThreshold(opt.Threshold)
	}
	clusters, _, err := c.Clusters()
	if err != nil {
		return err
	}
	files := c.Files()
	endOf := func(m corpus.Member) lint.Position {
		x := a.units[m.Unit]
		pos := lint.Position{Line: int(x.endLine), Column: int(x.endCol), Offset: m.Span.End}
		if files[m.File].Format == lint.FormatDocx {
			pos.Paragraph = pos.Line
		}
		return pos
	}
	for _, cl := range clusters {
		g, err := c.Group(cl, corpus.KeepFirst)
		if err != nil {
			return err
		}
		k := g.Keeper
		for _, m := range g.Members {
			if m.File == k.File {
				continue // a repeat inside one file: duplicate-paragraph's
			}
			x := a.units[m.Unit]
			line, err := c.Stashed(x.line)
			if err != nil {
				return err
			}
			where := fmt.Sprintf("%s:%d", k.Path, k.Start.Line)
			if k.Start.Paragraph > 0 {
				where = fmt.Sprintf("%s:¶%d", k.Path, k.Start.Paragraph)
			}
			kind, kindZh := "exact copy", "完全重复"
			if m.Diff != "" && m.Similarity < 1 {
				kind = fmt.Sprintf("near copy, similarity %.2f", m.Similarity)
				kindZh = fmt.Sprintf("近似重复，相似度 %.2f", m.Similarity)
			}
			d := lint.Diagnostic{
				Span:        m.Span,
				Start:       m.Start,
				End:         endOf(m),
				SourceLine:  line,
				Fingerprint: strconv.FormatUint(x.fp, 16),
				Message:     fmt.Sprintf("paragraph repeats %s (%s)", where, kind),
				MessageZh:   fmt.Sprintf("段落与 %s 重复（%s）", where, kindZh),
				Related:     []lint.Related{{Path: k.Path, Start: k.Start, End: endOf(k), Message: "the copy kept"}},
			}
			if m.Diff != "" {
				d.Detail = strings.TrimSpace(m.Diff)
			}
			p.ReportFile(a.runFile[m.File], d)
		}
	}
	return nil
}

// DeleteParagraphEdit returns the edit that deletes block b from doc with
// its whole lines and one separating blank line (deleteBlock), or, in a
// Word document, the block's paragraph with its separator (the last
// paragraph is emptied: the body must end with one); ok is false when the
// block cannot be removed alone. draftlint dedup --fix uses it to
// delete copies.
func DeleteParagraphEdit(doc *lint.Document, b *lint.Block) (lint.Edit, bool) {
	if doc.Paragraphs() == 0 {
		return deleteBlock(doc, b)
	}
	p := doc.Line(b.Span.Start) - 1
	if p < 0 || p >= doc.Paragraphs() {
		return lint.Edit{}, false
	}
	ps := doc.ParagraphSpan(p)
	if b.Span.Start < ps.Start || b.Span.End > ps.End {
		return lint.Edit{}, false
	}
	if p+1 == doc.Paragraphs() {
		// Word needs a paragraph at the end of the body: empty it.
		return lint.Edit{Start: ps.Start, End: ps.End}, true
	}
	return lint.Edit{Start: ps.Start, End: doc.ParagraphSpan(p + 1).Start}, true
}
