package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// runInit writes a commented .draftlint.yaml: the chosen profile is set,
// everything else is shown commented out with its default, generated from
// the rules themselves so it cannot drift from them.
func runInit(env Env, args []string) int {
	fset := newFlagSet("init", env.Stderr)
	profile := fset.String("profile", "official", "profile: "+strings.Join(lint.Profiles, " or "))
	help := fset.BoolP("help", "h", false, "show this help")
	fset.Usage = func() {}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return initHelp(env, fset)
		}
		return fail(env, usagef("%v", err))
	}
	if *help {
		return initHelp(env, fset)
	}
	if !contains(lint.Profiles, *profile) {
		return fail(env, usagef("--profile must be %s, not %q", strings.Join(lint.Profiles, " or "), *profile))
	}
	if fset.NArg() > 1 {
		return fail(env, usagef("init takes at most one file name"))
	}
	dir := env.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	name := lint.ConfigFileNames[0]
	if fset.NArg() == 1 {
		name = fset.Arg(0)
	}
	target := name
	if !filepath.IsAbs(target) {
		target = filepath.Join(dir, name)
	}
	// The other default name would be found instead of (or before) the new
	// file: refuse rather than leave two configurations side by side.
	if fset.NArg() == 0 {
		for _, n := range lint.ConfigFileNames {
			if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
				return fail(env, fmt.Errorf("init: %s already exists; not overwriting it", n))
			}
		}
	}
	data, err := initConfig(*profile, rules.All())
	if err != nil {
		return fail(env, fmt.Errorf("init: %w", err))
	}
	// O_EXCL: never overwrite, even if the file appears meanwhile.
	fh, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fail(env, fmt.Errorf("init: %s already exists; not overwriting it", name))
		}
		return fail(env, fmt.Errorf("init: %s: %w", name, cleanErr(err)))
	}
	_, werr := fh.Write(data)
	if cerr := fh.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(target)
		return fail(env, fmt.Errorf("init: %s: %w", name, cleanErr(werr)))
	}
	fmt.Fprintf(env.Stdout, "wrote %s (profile %s)\n", name, *profile)
	return ExitOK
}

func initHelp(env Env, fs interface{ FlagUsages() string }) int {
	fmt.Fprint(env.Stdout, `Usage: draftlint init [--profile official|copywriting] [file]

Writes a commented configuration file (default .draftlint.yaml in the
working directory) with the chosen profile and every default shown. An
existing file is never overwritten.

Flags:
`)
	fmt.Fprint(env.Stdout, fs.FlagUsages())
	return ExitOK
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// initConfig renders the configuration file for a profile.
func initConfig(profile string, all []*lint.Rule) ([]byte, error) {
	var b strings.Builder
	b.WriteString(`# draftlint configuration, written by "draftlint init".
# Every key is optional. Lines starting with "#" show the defaults; remove
# the "# " to change one. "draftlint rules" lists the rules, "draftlint
# rules ID" explains one with examples.

# Profile: official (government documents and news, 公文、新闻稿) or
# copywriting (web and marketing copy, 文案: a space between Chinese and
# Latin letters or digits is required rather than merely consistent).
`)
	fmt.Fprintf(&b, "profile: %s\n", profile)
	b.WriteString(`
# Run only these rules instead of the profile's: rule IDs, globs such as
# "dup*" or categories:
# ` + strings.Join(lint.Categories, ", ") + `.
# select: [layout, punctuation]

# Rules not to run.
# ignore: [long-sentence]

# Severity (error, warning, info or off) and options per rule. Setting a
# severity turns a rule on; it then applies to every finding of the rule.
`)
	fmt.Fprintf(&b, "# The values below are the defaults of the %s profile.\n", profile)
	b.WriteString("# rules:\n")
	sorted := append([]*lint.Rule(nil), all...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, r := range sorted {
		sev := "off"
		if r.DefaultIn(profile) {
			sev = r.Severity.String()
		}
		note := ""
		if len(r.Profiles) > 0 {
			note = "# on in the " + strings.Join(r.Profiles, " and ") + " profile"
		} else if !r.Default {
			note = "# off unless selected"
		}
		if r.Options == nil {
			line := fmt.Sprintf("#   %s: %s", r.ID, sev)
			if note != "" {
				line = fmt.Sprintf("%-40s%s", line, note)
			}
			b.WriteString(line + "\n")
			continue
		}
		opts, err := yaml.Marshal(r.Options())
		if err != nil {
			return nil, fmt.Errorf("options of %s: %w", r.ID, err)
		}
		line := fmt.Sprintf("#   %s:", r.ID)
		if note != "" {
			line = fmt.Sprintf("%-40s%s", line, note)
		}
		b.WriteString(line + "\n")
		fmt.Fprintf(&b, "#     severity: %s\n", sev)
		for _, l := range strings.Split(strings.TrimRight(string(opts), "\n"), "\n") {
			fmt.Fprintf(&b, "#     %s\n", l)
		}
	}
	b.WriteString(`
# Paths never checked: globs relative to this file; "**" matches any
# number of folders, a pattern without "/" matches a name at any depth.
# Hidden folders, node_modules and vendor are skipped anyway.
# exclude: ["archive/**", "*.generated.md"]

# Settings for some paths, applied after the ones above.
# overrides:
#   - files: ["poems/**"]
#     ignore: [split-paragraph]
`)
	return []byte(b.String()), nil
}
