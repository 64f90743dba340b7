package cli

import (
	"strings"

	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint/report"
)

type checkFlags struct {
	fix, unsafe, diff bool
	format            string
	selects, ignores  []string
	config            string
	noConfig          bool
	forceExclude      bool
	failLevel         string
	jobs              int
	color             string
	lang              string
	stdinFilename     string
	encoding          string
	maxSize           string
	showVersion       bool
	help              bool

	// CI gates (gate.go, baseline.go, newfrom.go).
	writeBaseline, baseline  string
	newFromRev, newFromPatch string
	maxWarnings              int
	quiet                    bool
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
	fs.BoolVar(&f.forceExclude, "force-exclude", false, "apply the configuration's exclude patterns to files named on the command line too (for pre-commit and editors)")
	fs.StringVar(&f.failLevel, "fail-level", "warning", "exit 1 when a finding is at or above: error, warning, info")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "files checked at once (default: number of CPUs)")
	fs.StringVar(&f.color, "color", "auto", "colour output: auto (terminal without NO_COLOR), always, never")
	fs.StringVar(&f.lang, "lang", "both", "message language: en, zh, both")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "name (and format, by extension) of the text read from stdin")
	fs.StringVar(&f.encoding, "encoding", "", "read files in this encoding instead of detecting it: "+strings.Join(textenc.Names(), ", "))
	fs.StringVar(&f.maxSize, "max-size", "64MiB", "skip (with an error) files larger than this (k, M, G units; 0: no limit)")
	fs.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record the current findings in this baseline file and exit")
	fs.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision")
	fs.StringVar(&f.newFromPatch, "new-from-patch", "", "report only findings on lines added by this unified diff")
	fs.IntVarP(&f.maxWarnings, "max-warnings", "", -1, "exit 1 only when more than this many findings below error remain (errors always fail; -1: no limit)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "report errors only; warnings and info neither show nor fail")
	fs.BoolVar(&f.showVersion, "version", false, "print the version and exit")
	fs.BoolVarP(&f.help, "help", "h", false, "show this help")
}
