package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/draftlint/draftlint/dedup/corpus"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/report"
	"github.com/draftlint/draftlint/rules/dup"
	"github.com/zeebo/xxh3"
)

// deletionPlan is what dedup --fix removes from one file: the spans of the
// copies, valid for the text whose hash it records.
type deletionPlan struct {
	hash  uint64
	file  int // in the corpus
	spans []lint.Span
	seen  bool // the file still had that text when the fixer read it
}

// fixPlan gathers, cluster by cluster, what --fix deletes: the spans of
// the copies by file, or, for documents, the files.
type fixPlan struct {
	files []corpus.File
	plans map[string]*deletionPlan
	paths []string // in input order once sorted
	docs  []corpus.Member
}

func newFixPlan(c *corpus.Corpus) *fixPlan {
	return &fixPlan{files: c.Files(), plans: map[string]*deletionPlan{}}
}

func (p *fixPlan) add(g *corpus.Group) {
	for _, m := range g.Members {
		m.Text, m.Diff = "", ""
		p.docs = append(p.docs, m)
		pl := p.plans[m.Path]
		if pl == nil {
			pl = &deletionPlan{hash: p.files[m.File].Hash, file: m.File}
			p.plans[m.Path] = pl
			p.paths = append(p.paths, m.Path)
		}
		pl.spans = append(pl.spans, m.Span)
	}
}

// fixDuplicates deletes (or, with diffOnly, shows the deletion of) every
// copy but the keepers. Paragraphs go through the check runner with a rule
// of their own, so deletions are written like every other fix: in the
// file's encoding and line endings, atomically, refused where a Word file
// cannot take them, and not at all if the file changed since it was read.
// Whole-document copies are files to delete.
func fixDuplicates(ctx context.Context, env Env, dir string, ld *loader, fp *fixPlan, mode corpus.Mode, diffOnly, hadErrs bool) int {
	if mode == corpus.Documents {
		return deleteDocuments(env, dir, ld, fp, diffOnly, hadErrs)
	}
	plans, paths := fp.plans, fp.paths
	// Input order, as the corpus read them.
	sort.Slice(paths, func(i, j int) bool { return plans[paths[i]].file < plans[paths[j]].file })

	var mu sync.Mutex
	var kept []string // copies that cannot be deleted, with the reason
	rule := &lint.Rule{
		ID:       "dedup",
		Summary:  "delete copies found by draftlint dedup",
		Category: "duplication",
		Severity: lint.Warning,
		Default:  true,
		Run: func(p *lint.Pass) error {
			pl := plans[p.Doc.Path]
			if pl == nil || xxh3.Hash(p.Doc.Src) != pl.hash {
				return nil // another file, or a later round of the fix loop
			}
			mu.Lock()
			pl.seen = true
			mu.Unlock()
			blocks := map[lint.Span]*lint.Block{}
			for _, b := range p.Doc.Blocks {
				blocks[b.Span] = b
			}
			var edits []lint.Edit
			for _, sp := range pl.spans {
				b := blocks[sp]
				var e lint.Edit
				ok := b != nil
				if ok {
					e, ok = dup.DeleteParagraphEdit(p.Doc, b)
				}
				if !ok {
					mu.Lock()
					kept = append(kept, fmt.Sprintf("%s: copy not removed: it shares its lines with other text",
						position(p.Doc.Path, p.Doc.Pos(sp.Start))))
					mu.Unlock()
					continue
				}
				edits = append(edits, e)
			}
			// Neighbouring copies may claim the same blank line: join
			// overlapping deletions, which deletes exactly their union.
			sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
			var merged []lint.Edit
			for _, e := range edits {
				if n := len(merged); n > 0 && e.Start < merged[n-1].End {
					merged[n-1].End = max(merged[n-1].End, e.End)
					continue
				}
				merged = append(merged, e)
			}
			for _, e := range merged {
				p.Report(lint.Diagnostic{
					Span:    lint.Span{Start: e.Start, End: e.End},
					Message: "copy found by draftlint dedup",
					Fixes:   []lint.Fix{{Message: "delete the copy", Edits: []lint.Edit{e}}},
				})
			}
			return nil
		},
	}
	pol, err := lint.NewPolicy([]*lint.Rule{rule}, nil, nil, nil)
	if err != nil {
		return fail(env, err)
	}
	runner := &lint.Runner{
		Policy:   pol,
		Fix:      !diffOnly,
		Diff:     diffOnly,
		Unsafe:   true,
		Load:     ld.load,
		Encode:   encodeFor,
		DiffFunc: report.UnifiedDiff,
		Write: func(path string, orig, data []byte) error {
			if !filepath.IsAbs(path) {
				path = filepath.Join(dir, path)
			}
			return lint.WriteFileAtomic(path, orig, data)
		},
	}
	if runner.Fix {
		removeStaleTemps(dir, paths)
	}
	res := runner.Run(ctx, paths)
	summarizeInterrupted(res)
	for _, e := range res.Errors {
		fmt.Fprintf(env.Stderr, "draftlint: %s\n", e.Error())
	}
	for _, p := range paths {
		if pl := plans[p]; !pl.seen && !failedPath(res, p) {
			fmt.Fprintf(env.Stderr, "draftlint: %s: changed since it was read; copies not removed\n", p)
			hadErrs = true
		}
	}
	printRefused(env, res)
	sort.Strings(kept)
	for _, k := range kept {
		fmt.Fprintf(env.Stderr, "draftlint: %s\n", k)
	}
	removed, refused := 0, 0
	hasDiff := false
	for _, fr := range res.Files {
		removed += fr.Fixed
		refused += len(fr.Refused)
		if diffOnly && fr.Diff != "" {
			hasDiff = true
			_, _ = io.WriteString(env.Stdout, fr.Diff)
		}
	}
	if !diffOnly {
		fmt.Fprintf(env.Stderr, "draftlint: %s removed from %s\n", plural(removed, "deletion", "deletions"), plural(len(paths), "file", "files"))
	}
	switch {
	case hadErrs || len(res.Errors) > 0:
		return ExitError
	case diffOnly && hasDiff, !diffOnly && (refused > 0 || len(kept) > 0):
		return ExitFindings
	}
	return ExitOK
}

func failedPath(res *lint.Result, path string) bool {
	for _, e := range res.Errors {
		if e.Path == path {
			return true
		}
	}
	return false
}

// deleteDocuments removes the files that copy a kept one, after making
// sure each still holds the text that was compared; with diffOnly it
// prints their deletion as a git diff instead.
func deleteDocuments(env Env, dir string, ld *loader, fp *fixPlan, diffOnly, hadErrs bool) int {
	files := fp.files
	members := fp.docs
	sort.SliceStable(members, func(i, j int) bool { return members[i].File < members[j].File })
	removed := 0
	hasDiff := false
	for _, m := range members {
		in, err := ld.load(m.Path)
		if err == nil && xxh3.Hash(in.Doc.Src) != files[m.File].Hash {
			err = fmt.Errorf("changed since it was read; not removed")
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "draftlint: %s: %v\n", m.Path, err)
			hadErrs = true
			continue
		}
		full := m.Path
		if !filepath.IsAbs(full) {
			full = filepath.Join(dir, full)
		}
		if diffOnly {
			mode := "100644"
			if st, err := os.Stat(full); err == nil && st.Mode().Perm()&0o111 != 0 {
				mode = "100755"
			}
			_, _ = io.WriteString(env.Stdout, deletionDiff(m.Path, mode, string(in.Doc.Src)))
			hasDiff = true
			continue
		}
		if err := os.Remove(full); err != nil {
			fmt.Fprintf(env.Stderr, "draftlint: %s: %v\n", m.Path, cleanErr(err))
			hadErrs = true
			continue
		}
		removed++
	}
	if !diffOnly {
		fmt.Fprintf(env.Stderr, "draftlint: %s removed\n", plural(removed, "file", "files"))
	}
	switch {
	case hadErrs:
		return ExitError
	case hasDiff:
		return ExitFindings
	}
	return ExitOK
}

// deletionDiff is a git diff deleting the file at path whose (decoded)
// text is text.
func deletionDiff(path, mode, text string) string {
	p := strings.TrimPrefix(filepath.ToSlash(path), "./")
	var b strings.Builder
	fmt.Fprintf(&b, "diff --git a/%s b/%s\ndeleted file mode %s\n--- a/%s\n+++ /dev/null\n", p, p, mode, p)
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return b.String()
	}
	if len(lines) == 1 {
		b.WriteString("@@ -1 +0,0 @@\n")
	} else {
		fmt.Fprintf(&b, "@@ -1,%d +0,0 @@\n", len(lines))
	}
	for _, l := range lines {
		b.WriteString("-" + l)
		if !strings.HasSuffix(l, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
	return b.String()
}
