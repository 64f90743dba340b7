package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/report"
	"github.com/draftlint/draftlint/rules"
	"github.com/spf13/pflag"
)

type checkFlags struct {
	fix, unsafe, diff bool
	format            string
	selects, ignores  []string
	config            string
	noConfig          bool
	failLevel         string
	jobs              int
	color             string
	lang              string
	stdinFilename     string
	encoding          string
	showVersion       bool
	help              bool
}

func (f *checkFlags) register(fs interface {
	BoolVar(*bool, string, bool, string)
	StringVarP(*string, string, string, string, string)
	StringVar(*string, string, string, string)
	StringSliceVar(*[]string, string, []string, string)
	IntVarP(*int, string, string, int, string)
	BoolVarP(*bool, string, string, bool, string)
}) {
	fs.BoolVar(&f.fix, "fix", false, "apply safe fixes to the files")
	fs.BoolVar(&f.unsafe, "unsafe-fixes", false, "also apply fixes that may change meaning (with --fix or --diff)")
	fs.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff instead of writing them; exit 1 if there is one")
	fs.StringVarP(&f.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringSliceVar(&f.selects, "select", nil, "run only these rules (IDs, categories, globs such as 'dup*'; comma-separated)")
	fs.StringSliceVar(&f.ignores, "ignore", nil, "do not run these rules (IDs, categories, globs)")
	fs.StringVarP(&f.config, "config", "c", "", "configuration file (default: .draftlint.yaml found from the working directory up)")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore configuration files")
	fs.StringVar(&f.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above: error, warning, info")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "files checked at once (default: number of CPUs)")
	fs.StringVar(&f.color, "color", "auto", "colour output: auto (terminal without NO_COLOR), always, never")
	fs.StringVar(&f.lang, "lang", "both", "message language: en, zh, both")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "name (and format, by extension) of the text read from stdin")
	fs.StringVar(&f.encoding, "encoding", "", "read files in this encoding instead of detecting it: "+strings.Join(textenc.Names(), ", "))
	fs.BoolVar(&f.showVersion, "version", false, "print the version and exit")
	fs.BoolVarP(&f.help, "help", "h", false, "show this help")
}

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
	all := rules.All()
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
	ld := &loader{dir: dir, forced: forced}
	var files []string
	var walkErrs []*lint.FileError
	if useStdin {
		data, err := io.ReadAll(env.Stdin)
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
		files, walkErrs = collect(dir, paths, cfg)
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
			fixedStdin = fixed
			return encodeFor(doc, fixed)
		}
	} else {
		runner.Encode = encodeFor
	}
	res := runner.Run(ctx, files)
	res.Errors = append(walkErrs, res.Errors...)

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
	if len(res.Errors) > 0 {
		return ExitError
	}
	for _, fr := range res.Files {
		for _, d := range fr.Diagnostics {
			if d.Severity >= failLevel {
				return ExitFindings
			}
		}
	}
	return ExitOK
}

func checkHelp(env Env, fs interface{ FlagUsages() string }) int {
	fmt.Fprint(env.Stdout, `Usage: draftlint [check] [flags] [path ...]

Checks .md, .markdown and .txt files (folders are searched recursively; other
files are checked when named). "-" reads stdin. Exit status: 0 no findings at
or above --fail-level, 1 findings (or a diff with --diff), 2 errors.

Flags:
`)
	fmt.Fprint(env.Stdout, fs.FlagUsages())
	return ExitOK
}

// collect expands folders into the files to check, in a stable order.
func collect(dir string, paths []string, cfg *lint.Config) ([]string, []*lint.FileError) {
	var files []string
	var errs []*lint.FileError
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, p)
		}
		st, err := os.Stat(abs)
		if err != nil {
			errs = append(errs, &lint.FileError{Path: p, Err: cleanErr(err)})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				rel := relTo(dir, path, p, abs)
				errs = append(errs, &lint.FileError{Path: rel, Err: cleanErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != abs && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			if !isLintable(name) {
				return nil
			}
			rel := relTo(dir, path, p, abs)
			if cfg.Excluded(filepath.Join(dir, rel)) {
				return nil
			}
			found = append(found, rel)
			return nil
		})
		if err != nil {
			errs = append(errs, &lint.FileError{Path: p, Err: cleanErr(err)})
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, errs
}

// relTo shows a walked path the way the user named its root.
func relTo(dir, path, given, abs string) string {
	r, err := filepath.Rel(abs, path)
	if err != nil {
		return path
	}
	if given == "." {
		return r
	}
	return filepath.Join(given, r)
}

func isLintable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// cleanErr turns *PathError into its bare cause: the path is printed
// separately.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such file or directory")
		}
		return pe.Err
	}
	return err
}

// loader reads files: size and binary checks, encoding detection, parsing.
type loader struct {
	dir       string
	forced    *textenc.Encoding
	stdinName string
	stdinData []byte
}

func (l *loader) load(path string) (*lint.Input, error) {
	var raw []byte
	if l.stdinName != "" && path == l.stdinName {
		raw = l.stdinData
	} else {
		full := path
		if !filepath.IsAbs(full) {
			full = filepath.Join(l.dir, path)
		}
		st, err := os.Stat(full)
		if err != nil {
			return nil, cleanErr(err)
		}
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		raw, err = os.ReadFile(full)
		if err != nil {
			return nil, cleanErr(err)
		}
	}
	enc := textenc.Detect(raw)
	if l.forced != nil {
		enc = *l.forced
	} else if textenc.LooksBinary(raw) {
		return nil, errors.New("binary file, not checked")
	}
	text, err := textenc.Decode(raw, enc)
	if err != nil {
		return nil, err
	}
	doc := lint.Parse(path, text, lint.FormatFor(path))
	e := enc
	doc.Encoding = &lint.Encoding{Name: enc.String(), BOM: enc.HasBOM(), Encode: func(b []byte) ([]byte, error) {
		return textenc.Encode(b, e)
	}}
	return &lint.Input{Doc: doc, Raw: raw}, nil
}

// encodeFor writes fixed text back in the document's encoding.
func encodeFor(doc *lint.Document, fixed []byte) ([]byte, error) {
	if doc.Encoding != nil && doc.Encoding.Encode != nil {
		return doc.Encoding.Encode(fixed)
	}
	return bytes.Clone(fixed), nil
}
