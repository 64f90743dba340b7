package cli

import (
	"fmt"

	"github.com/draftlint/draftlint/lint"
)

// gates are the filters a CI run puts between the runner and the
// reporters: only findings on changed lines (--new-from-rev,
// --new-from-patch), only findings missing from a baseline (--baseline),
// only errors (--quiet). They apply in one place, so every output format
// shows the same findings and the exit status follows what is shown.
type gates struct {
	dir      string
	baseline *baseline
	// newFrom computes the changed lines; it runs after the linter so that
	// lines moved by --fix are read from the files as they now are.
	newFrom func() (*changes, error)
	quiet   bool
}

// gateStats is what the gates hid, for the message after the report.
type gateStats struct {
	known int // findings recorded in the baseline
	gone  int // baseline entries that no longer occur
}

// setupGates validates the gate flags and reads what can be read before
// the run, so a missing baseline or a bad revision fails fast.
func setupGates(dir string, f *checkFlags) (*gates, error) {
	switch {
	case f.writeBaseline != "" && (f.fix || f.diff):
		return nil, usagef("--write-baseline cannot be combined with --fix or --diff")
	case f.writeBaseline != "" && (f.baseline != "" || f.newFromRev != "" || f.newFromPatch != "" || f.quiet):
		return nil, usagef("--write-baseline records every finding; it cannot be combined with --baseline, --new-from-rev, --new-from-patch or --quiet")
	case f.newFromRev != "" && f.newFromPatch != "":
		return nil, usagef("--new-from-rev and --new-from-patch cannot be used together")
	case f.maxWarnings < -1:
		return nil, usagef("--max-warnings must be -1 (no limit) or more")
	}
	g := &gates{dir: dir, quiet: f.quiet}
	if f.baseline != "" {
		b, err := loadBaseline(dir, f.baseline)
		if err != nil {
			return nil, err
		}
		g.baseline = b
	}
	switch {
	case f.newFromRev != "":
		top, err := gitTopLevel(dir, f.newFromRev)
		if err != nil {
			return nil, err
		}
		rev := f.newFromRev
		g.newFrom = func() (*changes, error) { return gitChanges(dir, top, rev) }
	case f.newFromPatch != "":
		c, err := patchChanges(dir, f.newFromPatch)
		if err != nil {
			return nil, err
		}
		g.newFrom = func() (*changes, error) { return c, nil }
	}
	return g, nil
}

// apply removes from res the findings the gates hide.
func (g *gates) apply(res *lint.Result) (gateStats, error) {
	var st gateStats
	if g.baseline == nil && g.newFrom == nil && !g.quiet {
		return st, nil
	}
	var ch *changes
	if g.newFrom != nil {
		var err error
		if ch, err = g.newFrom(); err != nil {
			return st, err
		}
	}
	// The baseline is matched against every finding, before the other
	// filters, so an entry hidden by --quiet or --new-from-rev is not
	// mistaken for one that no longer occurs.
	var known map[*lint.Diagnostic]bool
	if g.baseline != nil {
		known, st.gone = g.baseline.match(g.dir, res)
	}
	for _, fr := range res.Files {
		if fr == nil {
			continue
		}
		kept := fr.Diagnostics[:0]
		for i := range fr.Diagnostics {
			d := &fr.Diagnostics[i]
			switch {
			case known[d]:
				st.known++
			case ch != nil && !ch.touches(diagPath(fr, d), d):
			case g.quiet && d.Severity < lint.Error:
			default:
				kept = append(kept, *d)
			}
		}
		fr.Diagnostics = kept
	}
	return st, nil
}

// exitStatus is 1 when a finding at or above the fail level remains. With
// a warning budget (maxWarnings >= 0) only errors and more than that many
// lesser findings at or above the fail level make it 1.
func exitStatus(res *lint.Result, failLevel lint.Severity, maxWarnings int) int {
	lesser := 0
	for _, fr := range res.Files {
		if fr == nil {
			continue
		}
		for _, d := range fr.Diagnostics {
			if d.Severity < failLevel {
				continue
			}
			if maxWarnings < 0 || d.Severity >= lint.Error {
				return ExitFindings
			}
			lesser++
		}
	}
	if maxWarnings >= 0 && lesser > maxWarnings {
		return ExitFindings
	}
	return ExitOK
}

// note tells, on stderr, what the baseline hid and what it lists that is
// gone, so a team knows when to write it again.
func (st gateStats) note(env Env, g *gates) {
	if g.baseline == nil {
		return
	}
	msg := fmt.Sprintf("draftlint: baseline: %s hidden", plural(st.known, "known finding", "known findings"))
	if st.gone > 0 {
		verb := "occur"
		if st.gone == 1 {
			verb = "occurs"
		}
		msg += fmt.Sprintf("; %s no longer %s (--write-baseline drops them)", plural(st.gone, "entry", "entries"), verb)
	}
	fmt.Fprintln(env.Stderr, msg)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// writeBaselineAndReport ends a --write-baseline run: the baseline is
// written only when every file could be checked, else it would silently
// miss their findings.
func writeBaselineAndReport(env Env, dir, file string, res *lint.Result) int {
	for _, e := range res.Errors {
		fmt.Fprintf(env.Stderr, "draftlint: %s\n", e.Error())
	}
	if len(res.Errors) > 0 {
		fmt.Fprintf(env.Stderr, "draftlint: --write-baseline %s: not written because of the errors above\n", file)
		return ExitError
	}
	n, err := writeBaseline(dir, file, res)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stderr, "draftlint: wrote %s to %s\n", plural(n, "finding", "findings"), file)
	return ExitOK
}
