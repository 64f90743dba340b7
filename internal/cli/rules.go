package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules"
	"go.yaml.in/yaml/v3"
)

func runRules(env Env, args []string) int {
	fs := newFlagSet("rules", env.Stderr)
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		return fail(env, usagef("%v", err))
	}
	if *help {
		fmt.Fprintln(env.Stdout, "Usage: draftlint rules [ID ...]\n\nWithout IDs, lists every rule; with IDs, explains each with its examples.")
		return ExitOK
	}
	all := rules.All()
	if fs.NArg() == 0 {
		listRules(env.Stdout, all)
		return ExitOK
	}
	code := ExitOK
	for i, id := range fs.Args() {
		r := rules.ByID(id)
		if r == nil {
			ids := make([]string, len(all))
			for k, x := range all {
				ids[k] = x.ID
			}
			msg := fmt.Sprintf("unknown rule %q", id)
			if best := lint.Nearest(id, ids); best != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", best)
			}
			fmt.Fprintf(env.Stderr, "draftlint: %s\n", msg)
			code = ExitError
			continue
		}
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		explainRule(env.Stdout, r)
	}
	return code
}

func listRules(w io.Writer, all []*lint.Rule) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tDEFAULT\tSEVERITY\tSUMMARY")
	for _, r := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, defaultText(r), r.Severity, r.Summary)
	}
	_ = tw.Flush()
}

func defaultText(r *lint.Rule) string {
	if len(r.Profiles) > 0 {
		return strings.Join(r.Profiles, "+")
	}
	if r.Default {
		return "on"
	}
	return "off"
}

func explainRule(w io.Writer, r *lint.Rule) {
	fmt.Fprintf(w, "%s — %s\n%s\n\n", r.ID, r.Summary, r.SummaryZh)
	fmt.Fprintf(w, "Category: %s    Severity: %s    Default: %s\n\n", r.Category, r.Severity, defaultText(r))
	fmt.Fprintln(w, strings.TrimSpace(r.Doc))
	if r.Options != nil {
		if b, err := yaml.Marshal(r.Options()); err == nil {
			fmt.Fprintf(w, "\nOptions (defaults), under rules: %s: in .draftlint.yaml:\n", r.ID)
			for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
				fmt.Fprintf(w, "  %s\n", l)
			}
		}
	}
	for i, ex := range r.Examples {
		fmt.Fprintf(w, "\nExample %d:\n", i+1)
		show := func(label, text string) {
			if text == "" {
				return
			}
			fmt.Fprintf(w, "  %s:\n", label)
			for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
				fmt.Fprintf(w, "    %s\n", l)
			}
		}
		show("Bad", ex.Bad)
		show("Good", ex.Good)
		show("Fixed", ex.Fixed)
	}
}
