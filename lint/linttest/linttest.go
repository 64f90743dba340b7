// Package linttest runs rules over test files whose expectations are
// written next to the text, and checks golden fixed outputs.
//
// Expectations are HTML comments, which rules never see:
//
//	这是一句话(有半角括号)。<!-- want halfwidth-punct "half-width" -->
//
// A want comment names a rule and a regular expression the message must
// match; several pairs may follow one "want". The finding must start on the
// line holding the comment; "want@+N" / "want@-N" shift that line (for
// findings on blank lines). Every expectation must match exactly one
// finding and every finding must be expected.
//
// Beside each input X.md or X.txt:
//   - X.md.golden holds the text after all safe fixes (required when they
//     change the text, forbidden otherwise);
//   - X.md.unsafe.golden likewise with unsafe fixes admitted.
//
// The harness also checks that fixing a golden file changes nothing and
// that two runs give the same findings. Run tests with -update to rewrite
// golden files.
package linttest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// Update rewrites golden files instead of comparing them.
var Update = flag.Bool("update", false, "rewrite golden files")

// Expectation is one parsed want.
type Expectation struct {
	Line int
	Rule string
	Re   *regexp.Regexp
}

var wantRe = regexp.MustCompile(`^\s*want(@[+-]\d+)?\s+(.*?)\s*$`)
var pairRe = regexp.MustCompile(`^([a-z0-9-]+)\s+"((?:[^"\\]|\\.)*)"\s*`)

// ParseExpectations reads the want comments of a document.
func ParseExpectations(doc *lint.Document) ([]Expectation, error) {
	var out []Expectation
	for _, c := range doc.Comments {
		body := string(doc.Src[c.Start:c.End])
		body = strings.TrimSuffix(strings.TrimPrefix(body, "<!--"), "-->")
		m := wantRe.FindStringSubmatch(body)
		if m == nil {
			continue
		}
		line := doc.Line(c.Start)
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1][1:])
			line += n
		}
		rest := m[2]
		if rest == "" {
			return nil, fmt.Errorf("%s:%d: want without rule", doc.Path, line)
		}
		for rest != "" {
			pm := pairRe.FindStringSubmatch(rest)
			if pm == nil {
				return nil, fmt.Errorf("%s:%d: bad want syntax %q (want RULE \"regexp\" …)", doc.Path, line, rest)
			}
			pat, err := strconv.Unquote(`"` + pm[2] + `"`)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad quoted pattern: %w", doc.Path, line, err)
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", doc.Path, line, err)
			}
			out = append(out, Expectation{Line: line, Rule: pm[1], Re: re})
			rest = rest[len(pm[0]):]
		}
	}
	return out, nil
}

// Run checks every .md and .txt file in dir with the given rules.
func Run(t *testing.T, dir string, rules ...*lint.Rule) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".md" && ext != ".txt" && ext != ".markdown" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) { RunFile(t, f, rules...) })
	}
	if n == 0 {
		t.Fatalf("no test files in %s", dir)
	}
}

// RunFile checks one test file.
func RunFile(t *testing.T, file string, rules ...*lint.Rule) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := lint.Parse(file, src, lint.FormatFor(file))
	wants, err := ParseExpectations(doc)
	if err != nil {
		t.Fatal(err)
	}
	diags, errs := lint.Check(doc, rules)
	for _, e := range errs {
		t.Errorf("rule error: %v", e)
	}
	CompareExpectations(t, file, diags, wants)

	// Two runs agree.
	doc2 := lint.Parse(file, src, lint.FormatFor(file))
	diags2, _ := lint.Check(doc2, rules)
	if !reflect.DeepEqual(strip(diags), strip(diags2)) {
		t.Errorf("%s: two runs gave different findings", file)
	}

	checkGolden(t, file, src, rules, false)
	checkGolden(t, file, src, rules, true)
}

func strip(ds []lint.Diagnostic) []lint.Diagnostic {
	out := make([]lint.Diagnostic, len(ds))
	for i, d := range ds {
		d.Related = append([]lint.Related(nil), d.Related...)
		for j := range d.Related {
			d.Related[j].Doc = nil
		}
		out[i] = d
	}
	return out
}

// CompareExpectations matches findings to expectations one to one.
func CompareExpectations(t *testing.T, file string, diags []lint.Diagnostic, wants []Expectation) {
	t.Helper()
	used := make([]bool, len(diags))
	for _, w := range wants {
		found := -1
		for i, d := range diags {
			if used[i] || d.Rule != w.Rule || d.Start.Line != w.Line || !w.Re.MatchString(d.Message) {
				continue
			}
			found = i
			break
		}
		if found < 0 {
			var near []string
			for _, d := range diags {
				if d.Start.Line == w.Line {
					near = append(near, fmt.Sprintf("%s %q", d.Rule, d.Message))
				}
			}
			t.Errorf("%s:%d: expected %s matching %q; findings on that line: %v", file, w.Line, w.Rule, w.Re, near)
			continue
		}
		used[found] = true
	}
	for i, d := range diags {
		if !used[i] {
			t.Errorf("%s:%d:%d: unexpected %s: %s", file, d.Start.Line, d.Start.Column, d.Rule, d.Message)
		}
	}
}

func checkGolden(t *testing.T, file string, src []byte, rules []*lint.Rule, unsafe bool) {
	t.Helper()
	golden := file + ".golden"
	if unsafe {
		golden = file + ".unsafe.golden"
	}
	doc := lint.Parse(file, src, lint.FormatFor(file))
	fixed, _, _, err := lint.FixAll(doc, rules, unsafe)
	if err != nil {
		t.Errorf("%s: fixing: %v", file, err)
		return
	}
	changed := !bytes.Equal(fixed, src)
	if unsafe {
		// The unsafe golden is only needed when unsafe fixes add something.
		safeDoc := lint.Parse(file, src, lint.FormatFor(file))
		safe, _, _, _ := lint.FixAll(safeDoc, rules, false)
		changed = !bytes.Equal(fixed, safe)
	}
	if *Update {
		if changed {
			if err := os.WriteFile(golden, fixed, 0o644); err != nil {
				t.Fatal(err)
			}
		} else {
			_ = os.Remove(golden)
		}
		return
	}
	want, err := os.ReadFile(golden)
	switch {
	case err != nil && changed:
		t.Errorf("%s: fixes change the text but %s is missing (run go test -update)", file, filepath.Base(golden))
		return
	case err == nil && !changed:
		t.Errorf("%s: %s exists but the fixes change nothing (run go test -update)", file, filepath.Base(golden))
		return
	case err != nil:
		return
	}
	if !bytes.Equal(fixed, want) {
		t.Errorf("%s: fixed output differs from %s:\n%s", file, filepath.Base(golden), lineDiff(string(want), string(fixed)))
	}
	// Fixing the golden is a no-op.
	gdoc := lint.Parse(file, want, lint.FormatFor(file))
	again, _, _, err := lint.FixAll(gdoc, rules, unsafe)
	if err != nil {
		t.Errorf("%s: fixing golden: %v", golden, err)
	} else if !bytes.Equal(again, want) {
		t.Errorf("%s: fixing the golden output changes it again (fixes are not idempotent):\n%s", golden, lineDiff(string(want), string(again)))
	}
}

// lineDiff is a small line-level comparison for failure messages.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, x, y))
			if len(out) > 8 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// RunExamples executes every rule's examples: Bad must produce a finding of
// the rule, Good none, and fixing Bad must give Fixed when set.
func RunExamples(t *testing.T, rules []*lint.Rule) {
	t.Helper()
	for _, r := range rules {
		for i, ex := range r.Examples {
			name := fmt.Sprintf("%s/%d", r.ID, i)
			path := "example.txt"
			if ex.Format == "markdown" {
				path = "example.md"
			}
			t.Run(name, func(t *testing.T) {
				set := []*lint.Rule{r}
				if r.Corpus != nil && strings.HasPrefix(ex.Bad, fileMarker) {
					runCorpusExample(t, r, ex)
					return
				}
				if ex.Bad != "" {
					d := lint.Parse(path, []byte(ex.Bad), lint.FormatFor(path))
					diags, errs := check(d, r, set)
					if len(errs) > 0 {
						t.Fatalf("errors: %v", errs)
					}
					if len(diags) == 0 {
						t.Errorf("Bad example gives no %s finding:\n%s", r.ID, ex.Bad)
					}
				}
				if ex.Good != "" {
					d := lint.Parse(path, []byte(ex.Good), lint.FormatFor(path))
					diags, errs := check(d, r, set)
					if len(errs) > 0 {
						t.Fatalf("errors: %v", errs)
					}
					for _, dg := range diags {
						t.Errorf("Good example gives %s finding at %d:%d: %s", r.ID, dg.Start.Line, dg.Start.Column, dg.Message)
					}
				}
				if ex.Fixed != "" {
					d := lint.Parse(path, []byte(ex.Bad), lint.FormatFor(path))
					fixed, _, _, err := lint.FixAll(d, set, true)
					if err != nil {
						t.Fatal(err)
					}
					if string(fixed) != ex.Fixed {
						t.Errorf("fixing Bad gives\n%q\nwant\n%q", fixed, ex.Fixed)
					}
				}
			})
		}
	}
}

// fileMarker starts each file of a corpus rule's example: the text is cut
// into files at lines "<!-- file: NAME -->", which are left out.
const fileMarker = "<!-- file: "

// exampleFiles cuts an example into its files, in order.
func exampleFiles(text string) (names, texts []string) {
	for _, part := range strings.Split(text, fileMarker)[1:] {
		name, body, _ := strings.Cut(part, " -->\n")
		names, texts = append(names, name), append(texts, body)
	}
	return names, texts
}

// runCorpusExample checks a corpus rule's example: Bad's files, checked
// together, give a finding of the rule, Good's none.
func runCorpusExample(t *testing.T, r *lint.Rule, ex lint.Example) {
	t.Helper()
	run := func(text string) []lint.Diagnostic {
		names, texts := exampleFiles(text)
		byName := map[string]string{}
		for i, n := range names {
			byName[n] = texts[i]
		}
		pol, err := lint.NewPolicy([]*lint.Rule{r}, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		runner := &lint.Runner{Policy: pol, Load: func(path string) (*lint.Input, error) {
			src := []byte(byName[path])
			return &lint.Input{Doc: lint.Parse(path, src, lint.FormatFor(path)), Raw: src}, nil
		}}
		res := runner.Run(context.Background(), names)
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", res.Errors)
		}
		var out []lint.Diagnostic
		for _, fr := range res.Files {
			for _, d := range fr.Diagnostics {
				if d.Rule == r.ID {
					out = append(out, d)
				}
			}
		}
		return out
	}
	if len(run(ex.Bad)) == 0 {
		t.Errorf("Bad example gives no %s finding:\n%s", r.ID, ex.Bad)
	}
	if ex.Good != "" {
		for _, d := range run(ex.Good) {
			t.Errorf("Good example gives %s finding at %s:%d:%d: %s", r.ID, d.Path, d.Start.Line, d.Start.Column, d.Message)
		}
	}
}

// check runs a rule set and keeps the findings of rule r. The engine's
// unused-directive rule is produced by the runner, so it is checked by
// running a rule set where it is active.
func check(d *lint.Document, r *lint.Rule, set []*lint.Rule) ([]lint.Diagnostic, []*lint.FileError) {
	diags, errs := lint.Check(d, set)
	var out []lint.Diagnostic
	for _, dg := range diags {
		if dg.Rule == r.ID {
			out = append(out, dg)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out, errs
}
