package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/report"
	"github.com/spf13/pflag"
)

func runCheck(ctx context.Context, env Env, args []string) int {
	var f checkFlags
	fset := newFlagSet("check", env.Stderr)
	f.register(fset)
	fset.Usage = func() {}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return checkHelp(env, fset)
		}
		return fail(env, usagef("%v", err))
	}
	if f.help {
		return checkHelp(env, fset)
	}
	if f.showVersion {
		fmt.Fprintf(env.Stdout, "draftlint %s\n", version())
		return ExitOK
	}
	failLevel, err := lint.ParseSeverity(f.failLevel)
	if err != nil {
		return fail(env, usagef("--fail-level: %v", err))
	}
	switch f.color {
	case "auto", "always", "never":
	default:
		return fail(env, usagef("--color must be auto, always or never, not %q", f.color))
	}
	switch f.lang {
	case "en", "zh", "both":
	default:
		return fail(env, usagef("--lang must be en, zh or both, not %q", f.lang))
	}
	if f.jobs < 0 {
		return fail(env, usagef("--jobs must not be negative"))
	}
	var forced *textenc.Encoding
	if f.encoding != "" {
		e, err := textenc.Lookup(f.encoding)
		if err != nil {
			return fail(env, usagef("--encoding: %v", err))
		}
		forced = &e
	}
	dir := env.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	gate, err := setupGates(dir, &f)
	if err != nil {
		return fail(env, err)
	}
	all := ruleSet()
	var cfg *lint.Config
	if !f.noConfig {
		file := f.config
		if file == "" {
			file = lint.FindConfig(dir)
		} else if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		if file != "" {
			cfg, err = lint.LoadConfig(file, all)
			if err != nil {
				return fail(env, err)
			}
		}
	}
	pol, err := lint.NewPolicy(all, cfg, splitList(f.selects), splitList(f.ignores))
	if err != nil {
		return fail(env, usagef("%v", err))
	}
	rep, err := report.New(f.format, report.Options{
		Color:       f.color == "always" || f.color == "auto" && env.StdoutIsTerminal() && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb",
		Lang:        f.lang,
		ToolVersion: version(),
		// Paths are reported as the user gave them (relative to the working
		// directory); SARIF then uses relative URIs against %SRCROOT%.
	})
	if err != nil {
		return fail(env, usagef("%v", err))
	}

	paths := fset.Args()
	useStdin := len(paths) == 1 && paths[0] == "-" || len(paths) == 0 && !env.StdinIsTerminal() && env.Stdin != nil && f.stdinFilename != ""
	if len(paths) == 0 && !useStdin {
		paths = []string{"."}
	}
	maxSize, err := parseSize(f.maxSize)
	if err != nil {
		return fail(env, usagef("--max-size: %v", err))
	}
	ld := &loader{dir: dir, forced: forced, maxSize: maxSize}
	var files []string
	var walkErrs []*lint.FileError
	if useStdin {
		data, err := readStdin(env.Stdin, maxSize)
		if err != nil {
			return fail(env, fmt.Errorf("reading stdin: %w", err))
		}
		name := f.stdinFilename
		if name == "" {
			name = "<stdin>"
		}
		ld.stdinName, ld.stdinData = name, data
		files = []string{name}
	} else {
		for _, p := range paths {
			if p == "-" {
				return fail(env, usagef("\"-\" (stdin) cannot be mixed with other paths"))
			}
		}
		files, walkErrs = collectFiles(dir, paths, cfg, f.forceExclude)
	}

	runner := &lint.Runner{
		Policy:   pol,
		Jobs:     f.jobs,
		Fix:      f.fix && !f.diff && !useStdin,
		Diff:     f.diff || useStdin && f.fix,
		Unsafe:   f.unsafe,
		Load:     ld.load,
		DiffFunc: report.UnifiedDiff,
		Write: func(path string, orig, data []byte) error {
			if !filepath.IsAbs(path) {
				path = filepath.Join(dir, path)
			}
			return lint.WriteFileAtomic(path, orig, data)
		},
	}
	var fixedStdin []byte
	if useStdin && f.fix {
		// With --fix, stdin's fixed text goes to stdout (the editor
		// integration contract); findings go to stderr.
		runner.Encode = func(doc *lint.Document, fixed []byte) ([]byte, error) {
			// Out in the input's own form: its encoding, or the Word package.
			data, err := encodeFor(doc, fixed)
			if err == nil {
				fixedStdin = data
			}
			return data, err
		}
	} else {
		runner.Encode = encodeFor
	}
	if runner.Fix {
		removeStaleTemps(dir, files)
	}
	ctx, stop := interruptible(ctx)
	defer stop()
	res := runner.Run(ctx, files)
	summarizeInterrupted(res)
	res.Errors = append(walkErrs, res.Errors...)
	if f.writeBaseline != "" {
		return writeBaselineAndReport(env, dir, f.writeBaseline, res)
	}
	stats, err := gate.apply(res)
	if err != nil {
		return fail(env, err)
	}

	out := env.Stdout
	if useStdin && f.fix {
		if fixedStdin == nil {
			fixedStdin = ld.stdinData
		}
		_, _ = env.Stdout.Write(fixedStdin)
		out = env.Stderr
		for _, fr := range res.Files {
			fr.Diff = ""
		}
	}
	for _, e := range res.Errors {
		fmt.Fprintf(env.Stderr, "draftlint: %s\n", e.Error())
	}
	printRefused(env, res)
	if f.diff {
		hasDiff := false
		for _, fr := range res.Files {
			if fr.Diff != "" {
				hasDiff = true
				_, _ = io.WriteString(out, fr.Diff)
			}
		}
		if len(res.Errors) > 0 {
			return ExitError
		}
		if hasDiff {
			return ExitFindings
		}
		return ExitOK
	}
	if err := rep.Report(out, res); err != nil {
		fmt.Fprintf(env.Stderr, "draftlint: writing report: %v\n", err)
		return ExitError
	}
	if !f.quiet {
		stats.note(env, gate)
	}
	if len(res.Errors) > 0 {
		return ExitError
	}
	return exitStatus(res, failLevel, f.maxWarnings)
}

func checkHelp(env Env, fs interface{ FlagUsages() string }) int {
	fmt.Fprint(env.Stdout, `Usage: draftlint [check] [flags] [path ...]

Checks .md, .markdown, .txt and .docx files (folders are searched
recursively, honouring .gitignore and .draftlintignore; other files are
checked when named). "-" reads stdin. Exit status: 0 no findings at
or above --fail-level, 1 findings (or a diff with --diff), 2 errors.

Flags:
`)
	fmt.Fprint(env.Stdout, fs.FlagUsages())
	return ExitOK
}
