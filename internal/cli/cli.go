// Package cli implements the draftlint command line. It is a library so
// tests can run the whole command in-process; cmd/draftlint only wires it
// to the process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level, or --diff found changes
	ExitError    = 2 // usage, configuration, I/O or internal error
)

// Env is the process environment the command runs in.
type Env struct {
	Args   []string // without the program name
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads environment variables (NO_COLOR); nil means os.Getenv.
	Getenv func(string) string
	// StdinIsTerminal / StdoutIsTerminal; nil means detect from os.Stdin
	// and os.Stdout.
	StdinIsTerminal  func() bool
	StdoutIsTerminal func() bool
	// Dir is the working directory ("" means the process's).
	Dir string
}

// Version is set by the build (-ldflags "-X …cli.Version=v1.2.3") or read
// from the module build information.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Main runs the command and returns the exit code.
func Main(env Env) (code int) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.StdinIsTerminal == nil {
		env.StdinIsTerminal = func() bool { return isatty.IsTerminal(os.Stdin.Fd()) }
	}
	if env.StdoutIsTerminal == nil {
		env.StdoutIsTerminal = func() bool { return isatty.IsTerminal(os.Stdout.Fd()) }
	}
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(env.Stderr, "draftlint: internal error: %v\n", v)
			code = ExitError
		}
	}()
	args := env.Args
	cmd := "check"
	if len(args) > 0 {
		switch args[0] {
		case "check", "rules", "init", "help", "version", "dedup":
			cmd, args = args[0], args[1:]
		}
	}
	switch cmd {
	case "dedup":
		return runDedup(context.Background(), env, args)
	case "rules":
		return runRules(env, args)
	case "init":
		return runInit(env, args)
	case "version":
		fmt.Fprintf(env.Stdout, "draftlint %s\n", version())
		return ExitOK
	case "help":
		printUsage(env.Stdout)
		return ExitOK
	}
	return runCheck(context.Background(), env, args)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `draftlint checks draft reports (Chinese and English) for layout, duplication,
number and punctuation defects, shows fixes as diffs and applies the safe ones.

Usage:
  draftlint [check] [flags] [path ...]   check files and folders ("-" reads stdin)
  draftlint dedup [flags] path ...       find paragraphs copied across files (--help for the flags)
  draftlint rules [ID]                   list the rules, or explain one
  draftlint init [--profile P] [file]    write a commented .draftlint.yaml
  draftlint version                      print the version

Run "draftlint check --help" for the flags.
`)
}

// usageError is a bad flag or argument: one line on stderr, exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// fail prints one clear line and returns the error exit code.
func fail(env Env, err error) int {
	msg := err.Error()
	var ue *usageError
	if errors.As(err, &ue) {
		if strings.Contains(msg, "unknown rule or category") {
			msg += " (see draftlint rules)"
		} else {
			msg += " (see draftlint --help)"
		}
	}
	fmt.Fprintf(env.Stderr, "draftlint: %s\n", msg)
	return ExitError
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, out io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(out)
	fs.SortFlags = false
	return fs
}

// splitList accepts repeated and comma-separated values.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
