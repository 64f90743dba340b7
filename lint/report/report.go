// Package report renders a lint.Result in the output formats of draftlint
// (text, json, sarif, github, gitlab, junit) and writes unified diffs of fixes. Each format
// lives in its own file; everything a format does is in that file.
package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// Options control every reporter. The zero value is usable: no color, both
// languages, paths shown as given.
type Options struct {
	// Color enables ANSI colors (text format only). The caller decides
	// (TTY, NO_COLOR, --color); reporters never look at the terminal.
	Color bool
	// Lang picks the message language: "en", "zh" or "both" (default).
	Lang string
	// ToolVersion is reported in SARIF tool.driver.version.
	ToolVersion string
	// Root: paths inside it are shown relative to it. SARIF artifact URIs
	// are relative to it (uriBaseId %SRCROOT%), slash-separated.
	Root string
}

// Reporter writes a whole result to w.
type Reporter interface {
	Report(w io.Writer, r *lint.Result) error
}

// Language choices for Options.Lang.
const (
	LangEn   = "en"
	LangZh   = "zh"
	LangBoth = "both"
)

// formats lists the reporters in the order Formats shows them.
var formats = []struct {
	name string
	new  func(Options) Reporter
}{
	{"text", newText},
	{"json", newJSON},
	{"sarif", newSARIF},
	{"github", newGitHub},
	{"gitlab", newGitLab},
	{"junit", newJUnit},
}

// Formats lists the names New accepts.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// New returns the reporter for format. An unknown format or language is an
// error that lists the valid ones.
func New(format string, opts Options) (Reporter, error) {
	switch opts.Lang {
	case "":
		opts.Lang = LangBoth
	case LangEn, LangZh, LangBoth:
	default:
		return nil, fmt.Errorf("unknown language %q (valid: en, zh, both)", opts.Lang)
	}
	for _, f := range formats {
		if f.name == format {
			return f.new(opts), nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (valid: %s)", format, strings.Join(Formats(), ", "))
}

// message picks the text of a finding for the configured language.
func (o *Options) message(en, zh string) string {
	switch o.Lang {
	case LangEn:
		return en
	case LangZh:
		if zh != "" {
			return zh
		}
		return en
	}
	if zh == "" || zh == en {
		return en
	}
	if en == "" {
		return zh
	}
	return en + " — " + zh
}

// displayPath shows p relative to Root when it lies inside Root, otherwise
// as given.
func (o *Options) displayPath(p string) string {
	if rel, ok := relToRoot(o.Root, p); ok {
		return rel
	}
	return p
}

// relToRoot returns p relative to root (OS separators) when p lies inside
// root. Relative and absolute paths are compared after making both absolute.
func relToRoot(root, p string) (string, bool) {
	if root == "" || p == "" {
		return "", false
	}
	if filepath.IsAbs(root) != filepath.IsAbs(p) {
		var err error
		if root, err = filepath.Abs(root); err != nil {
			return "", false
		}
		if p, err = filepath.Abs(p); err != nil {
			return "", false
		}
	}
	rel, err := filepath.Rel(root, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// level maps an unset severity to the default, warning, so that every
// output shows a real level.
func level(s lint.Severity) lint.Severity {
	if s == lint.SeverityUnset {
		return lint.Warning
	}
	return s
}

// errorMessage is the text of a file error without its path (outputs show
// the path separately).
func errorMessage(e *lint.FileError) string {
	if e.Rule != "" {
		return "rule " + e.Rule + ": " + errorText(e)
	}
	return errorText(e)
}

// errorText is the bare error of a file error.
func errorText(e *lint.FileError) string {
	if e.Err == nil {
		return "unknown error"
	}
	return e.Err.Error()
}

// fixKind tells whether --fix (safe) or only --unsafe-fixes would fix d.
// --fix applies the first safe fix, --unsafe-fixes the first fix of all.
func fixKind(d *lint.Diagnostic) (safe, unsafe *lint.Fix) {
	for i := range d.Fixes {
		if d.Fixes[i].Safe {
			return &d.Fixes[i], nil
		}
	}
	if len(d.Fixes) > 0 {
		return nil, &d.Fixes[0]
	}
	return nil, nil
}
