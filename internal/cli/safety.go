package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules"
)

// ruleSet gives the rules of a run; tests swap it to add a rule of their
// own.
var ruleSet = rules.All

// readStdin reads stdin within the size limit.
func readStdin(r io.Reader, maxSize int64) ([]byte, error) {
	if maxSize > 0 {
		r = io.LimitReader(r, maxSize+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if maxSize > 0 && int64(len(data)) > maxSize {
		return nil, tooLarge(int64(len(data)), maxSize)
	}
	return data, nil
}

// interruptible stops the run on SIGINT or SIGTERM: no further file is
// started, files being fixed are finished (each written whole or not at
// all, no temporary file left) and the run ends with exit status 2.
func interruptible(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}

// removeStaleTemps clears, before a --fix run, the temporary files a
// killed earlier run left next to the files it was fixing.
func removeStaleTemps(dir string, files []string) {
	seen := map[string]bool{}
	for _, f := range files {
		if !filepath.IsAbs(f) {
			f = filepath.Join(dir, f)
		}
		d := filepath.Dir(f)
		if !seen[d] {
			seen[d] = true
			lint.RemoveStaleTemps(d)
		}
	}
}

// summarizeInterrupted replaces the one error per file not started after
// an interrupt with a single line.
func summarizeInterrupted(res *lint.Result) {
	n := 0
	kept := res.Errors[:0]
	for _, e := range res.Errors {
		if errors.Is(e.Err, context.Canceled) && e.Rule == "" {
			n++
			continue
		}
		kept = append(kept, e)
	}
	res.Errors = kept
	if n > 0 {
		res.Errors = append(res.Errors, &lint.FileError{Err: fmt.Errorf("interrupted: %s not checked", plural(n, "file", "files"))})
	}
}

// printRefused reports, one line each on stderr, the fixes a file's format
// could not take (Word edits across paragraphs or differently formatted
// runs). They are not errors: the findings remain and set the exit status.
func printRefused(env Env, res *lint.Result) {
	for _, fr := range res.Files {
		for _, r := range fr.Refused {
			what := "fix"
			if r.Message != "" {
				what = "fix “" + r.Message + "”"
			}
			fmt.Fprintf(env.Stderr, "draftlint: %s: %s of %s not applied: %s\n", position(fr.Path, r.Start), what, r.Rule, r.Reason)
		}
	}
}

// position formats path:line:col, or path:¶paragraph:col in a Word file.
func position(path string, p lint.Position) string {
	if p.Paragraph > 0 {
		return path + ":¶" + strconv.Itoa(p.Paragraph) + ":" + strconv.Itoa(p.Column)
	}
	return path + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}
