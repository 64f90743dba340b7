package lint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"weak"
)

// lineCollector is a two-phase corpus rule for tests: it remembers, per
// file, the first line of each paragraph with its place, and reports every
// paragraph whose text appeared in an earlier file.
type lineCollector struct {
	mu    sync.Mutex
	files map[int][]seenPara
	weak  []weak.Pointer[Document]
	calls map[int]int
	panic string // Collect panics on a document holding this text
}

type seenPara struct {
	text       string
	span       Span
	start, end Position
	line, fp   string
}

func (c *lineCollector) Collect(f *CorpusFile) error {
	if c.panic != "" && strings.Contains(string(f.Doc.Src), c.panic) {
		panic("collector exploded")
	}
	var ps []seenPara
	for _, b := range f.Doc.Blocks {
		ps = append(ps, seenPara{text: b.Text(), span: b.Span, start: f.Doc.Pos(b.Span.Start), end: f.Doc.Pos(b.Span.End),
			line: f.Doc.LineText(f.Doc.Pos(b.Span.Start).Line), fp: SpanFingerprint(f.Doc, b.Span)})
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[f.Index] = ps
	c.calls[f.Index]++
	c.weak = append(c.weak, weak.Make(f.Doc))
	return nil
}

func (c *lineCollector) Finish(p *CorpusPass) error {
	first := map[string]int{}
	for f := 0; f < 100; f++ {
		for _, sp := range c.files[f] {
			if g, ok := first[sp.text]; ok && g != f {
				p.ReportFile(f, Diagnostic{Span: sp.span, Start: sp.start, End: sp.end, SourceLine: sp.line, Fingerprint: sp.fp,
					Message:   fmt.Sprintf("also in file %d", g),
					Related:   []Related{{Path: fmt.Sprintf("file-%d", g), Start: Position{Line: 1, Column: 1}}},
					Fixes:     []Fix{{Safe: true, Edits: []Edit{{Start: 0, End: 0, New: "x"}}}},
					MessageZh: "重复"})
			} else if !ok {
				first[sp.text] = f
			}
		}
	}
	return nil
}

func corpusRule(c *lineCollector) *Rule {
	return &Rule{ID: "corpus-copy", Summary: "x", Category: "duplication", Severity: Warning, Default: true,
		Corpus: func() CorpusCollector { return c }}
}

func writeFiles(t *testing.T, texts ...string) (string, []string) {
	dir := t.TempDir()
	var paths []string
	for i, s := range texts {
		p := filepath.Join(dir, fmt.Sprintf("f%d.txt", i))
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

func TestTwoPhaseCorpusRule(t *testing.T) {
	_, paths := writeFiles(t,
		"甲段落。\n\n乙段落。\n",
		"丙段落。\n\n甲段落。\n",
		"<!-- draftlint-disable-next-line corpus-copy -->\n乙段落。\n\n甲段落。\n",
		"丁段落。\n",
	)
	c := &lineCollector{files: map[int][]seenPara{}, calls: map[int]int{}}
	word := wordRule("word-rule", "丙", "戊")
	pol, err := NewPolicy([]*Rule{corpusRule(c), word}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []int{1, 3} {
		c.files, c.calls, c.weak = map[int][]seenPara{}, map[int]int{}, nil
		res := (&Runner{Policy: pol, Jobs: jobs}).Run(context.Background(), paths)
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		for i := range paths {
			if c.calls[i] != 1 {
				t.Fatalf("file %d collected %d times", i, c.calls[i])
			}
		}
		var got []string
		for _, fr := range res.Files {
			for _, d := range fr.Diagnostics {
				got = append(got, fmt.Sprintf("%s %s@%d:%d %s fixes=%d fp=%v", filepath.Base(d.Path), d.Rule, d.Start.Line, d.Start.Column,
					d.Message, len(d.Fixes), d.Fingerprint != ""))
			}
		}
		want := []string{
			"f1.txt word-rule@1:1 found 丙 fixes=1 fp=true",
			"f1.txt corpus-copy@3:1 also in file 0 fixes=0 fp=true", // fixes dropped
			"f2.txt corpus-copy@4:1 also in file 0 fixes=0 fp=true", // line 2 suppressed by the directive
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("jobs %d: got\n%s\nwant\n%s", jobs, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// The documents were released: only the collector saw them.
		runtime.GC()
		for i, w := range c.weak {
			if w.Value() != nil {
				t.Errorf("document %d still reachable after the run", i)
			}
		}
	}
}

func TestTwoPhaseCorpusErrors(t *testing.T) {
	_, paths := writeFiles(t, "甲段落。\n", "甲段落。\n\nBOOM\n", "甲段落。\n")
	c := &lineCollector{files: map[int][]seenPara{}, calls: map[int]int{}, panic: "BOOM"}
	pol, _ := NewPolicy([]*Rule{corpusRule(c)}, nil, nil, nil)
	res := (&Runner{Policy: pol, Jobs: 2}).Run(context.Background(), paths)
	if len(res.Errors) != 1 || res.Errors[0].Rule != "corpus-copy" || !strings.Contains(res.Errors[0].Error(), "collector exploded") {
		t.Fatalf("errors %v", res.Errors)
	}
	// The other files still count: file 2 copies file 0.
	n := 0
	for _, fr := range res.Files {
		n += len(fr.Diagnostics)
	}
	if n != 1 {
		t.Fatalf("%d findings", n)
	}

	// A finding out of range, or for a file that was not checked, is an
	// error naming the rule; so is an error from Finish.
	for _, fail := range []bool{false, true} {
		bad := &Rule{ID: "bad-corpus", Summary: "x", Category: "duplication", Severity: Warning, Default: true,
			Corpus: func() CorpusCollector { return badCollector{fail: fail} }}
		pol, _ = NewPolicy([]*Rule{bad}, nil, nil, nil)
		res = (&Runner{Policy: pol}).Run(context.Background(), paths[:2]) // corpus rules need two files
		all := ""
		for _, e := range res.Errors {
			all += e.Error() + "\n"
		}
		want := []string{"file 7, which was not checked", "without a valid span"}
		if fail {
			want = []string{"rule bad-corpus: finish failed"}
		}
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("errors %q lack %q", all, w)
			}
		}
		if len(res.Errors) != len(want) {
			t.Errorf("errors %q", all)
		}
	}
}

type badCollector struct{ fail bool }

func (badCollector) Collect(*CorpusFile) error { return nil }
func (b badCollector) Finish(p *CorpusPass) error {
	if b.fail {
		return errors.New("finish failed")
	}
	p.ReportFile(7, Diagnostic{Span: Span{0, 1}, Start: Position{Line: 1, Column: 1}, Message: "x"})
	p.ReportFile(0, Diagnostic{Span: Span{0, 999}, Start: Position{Line: 1, Column: 1}, Message: "x"})
	return nil
}

// skipCollector records which files it saw and which it was told it
// would not see.
type skipCollector struct {
	mu              sync.Mutex
	collect, skip   []int
	finishedSawBoth bool
}

func (s *skipCollector) Collect(f *CorpusFile) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.collect = append(s.collect, f.Index)
	return nil
}

func (s *skipCollector) Skip(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.skip = append(s.skip, i)
}

func (s *skipCollector) Finish(*CorpusPass) error {
	s.finishedSawBoth = len(s.collect)+len(s.skip) == 3
	return nil
}

// Every file is either collected or skipped (here: one cannot be read),
// before Finish.
func TestCorpusSkipper(t *testing.T) {
	dir, paths := writeFiles(t, "甲段落。\n", "乙段落。\n")
	paths = []string{paths[0], filepath.Join(dir, "missing.txt"), paths[1]}
	sc := &skipCollector{}
	rule := &Rule{ID: "corpus-skip", Summary: "x", Category: "duplication", Severity: Warning, Default: true,
		Corpus: func() CorpusCollector { return sc }}
	pol, _ := NewPolicy([]*Rule{rule}, nil, nil, nil)
	res := (&Runner{Policy: pol, Jobs: 2}).Run(context.Background(), paths)
	if len(res.Errors) != 1 {
		t.Fatalf("errors %v", res.Errors)
	}
	if fmt.Sprint(sc.skip) != "[1]" || len(sc.collect) != 2 || !sc.finishedSawBoth {
		t.Fatalf("collected %v, skipped %v", sc.collect, sc.skip)
	}
}

// A run of one document does not run corpus rules: they compare documents
// with each other, and the collection would cost a large file for nothing.
func TestCorpusRulesNeedTwoFiles(t *testing.T) {
	_, paths := writeFiles(t, "甲段落。\n\n甲段落。\n", "乙段落。\n")
	for n, want := range map[int]int{1: 0, 2: 2} {
		c := &lineCollector{files: map[int][]seenPara{}, calls: map[int]int{}}
		pol, _ := NewPolicy([]*Rule{corpusRule(c)}, nil, nil, nil)
		(&Runner{Policy: pol}).Run(context.Background(), paths[:n])
		if len(c.calls) != want {
			t.Errorf("%d files: the collector saw %d documents, want %d", n, len(c.calls), want)
		}
	}
}
