package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// junitReporter writes JUnit XML, which most CI systems show as a test
// report: one testsuite per file, one failing testcase per finding, one
// passing testcase for a file without findings (so a clean file shows as
// passed rather than missing) and an <error> testcase per file error.
//
//	<testsuites name="draftlint" tests="3" failures="1" errors="1">
//	  <testsuite name="docs/a.md" tests="1" failures="1" errors="0">
//	    <testcase name="docs/a.md:3:5" classname="draftlint.halfwidth-punct" file="docs/a.md" line="3">
//	      <failure message="half-width comma …" type="warning">docs/a.md:3:5: warning: … (halfwidth-punct)</failure>
//	    </testcase>
//	  </testsuite>
//	</testsuites>
//
// The severity is the failure's type: JUnit has nothing milder than a
// failure, so every finding reported is one (--quiet reports errors only).
type junitReporter struct{ opts Options }

func newJUnit(opts Options) Reporter { return &junitReporter{opts: opts} }

// The XML is written by hand rather than with encoding/xml, which turns
// every line break and quote of a message into a character reference and
// makes the report hard to read.

type junitSuite struct {
	name     string
	failures int
	errors   int
	cases    []junitCase
}

type junitCase struct {
	name, classname, file string
	line                  int
	problem               string // "failure", "error" or "" (passed)
	message, kind, text   string
}

func (j *junitReporter) path(p string) string {
	return filepath.ToSlash(j.opts.displayPath(p))
}

func (j *junitReporter) Report(w io.Writer, r *lint.Result) error {
	var suites []*junitSuite
	index := map[string]*junitSuite{} // by displayed path
	suite := func(p string) *junitSuite {
		s := index[p]
		if s == nil {
			s = &junitSuite{name: p}
			index[p] = s
			suites = append(suites, s)
		}
		return s
	}
	for _, f := range r.Files {
		if f == nil {
			continue
		}
		fp := j.path(f.Path)
		s := suite(fp)
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			p := fp
			if d.Path != "" {
				p = j.path(d.Path)
			}
			loc := location(p, d.Start)
			msg := j.opts.message(d.Message, d.MessageZh)
			text := loc + ": " + level(d.Severity).String() + ": " + msg + " (" + d.Rule + ")"
			if d.Detail != "" {
				text += "\n\n" + strings.TrimRight(d.Detail, "\n")
			}
			for _, rel := range d.Related {
				rp := p
				if rel.Path != "" {
					rp = j.path(rel.Path)
				}
				text += "\nnote: " + location(rp, rel.Start)
				if rel.Message != "" {
					text += ": " + rel.Message
				}
			}
			s.cases = append(s.cases, junitCase{
				name: loc, classname: "draftlint." + d.Rule, file: p, line: d.Start.Line,
				problem: "failure", message: msg, kind: level(d.Severity).String(), text: text,
			})
			s.failures++
		}
	}
	for _, e := range r.Errors {
		if e == nil {
			continue
		}
		p := j.path(e.Path)
		s := suite(p)
		class := "draftlint"
		if e.Rule != "" {
			class += "." + e.Rule
		}
		msg := errorMessage(e)
		s.cases = append(s.cases, junitCase{
			name: p, classname: class, file: p,
			problem: "error", message: msg, kind: "error", text: p + ": " + msg,
		})
		s.errors++
	}
	tests, failures, errs := 0, 0, 0
	for _, s := range suites {
		if len(s.cases) == 0 {
			s.cases = append(s.cases, junitCase{name: s.name, classname: "draftlint", file: s.name})
		}
		tests += len(s.cases)
		failures += s.failures
		errs += s.errors
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, "<testsuites name=\"draftlint\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n", tests, failures, errs)
	for _, s := range suites {
		fmt.Fprintf(&b, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n", xmlAttr(s.name), len(s.cases), s.failures, s.errors)
		for _, c := range s.cases {
			fmt.Fprintf(&b, "    <testcase name=\"%s\" classname=\"%s\" file=\"%s\"", xmlAttr(c.name), xmlAttr(c.classname), xmlAttr(c.file))
			if c.line > 0 {
				fmt.Fprintf(&b, " line=\"%d\"", c.line)
			}
			if c.problem == "" {
				b.WriteString("/>\n")
				continue
			}
			fmt.Fprintf(&b, ">\n      <%s message=\"%s\" type=\"%s\">%s</%s>\n    </testcase>\n",
				c.problem, xmlAttr(c.message), xmlAttr(c.kind), xmlText(c.text), c.problem)
		}
		b.WriteString("  </testsuite>\n")
	}
	b.WriteString("</testsuites>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// xmlText escapes character data. Characters XML 1.0 cannot hold (most
// C0 controls, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;") // kept: a bare CR would be read as a line break
		case !xmlChar(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlAttr escapes an attribute value; line breaks and tabs are written as
// references so that attribute normalisation keeps them.
func xmlAttr(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("&quot;")
		case '\n':
			b.WriteString("&#xA;")
		case '\t':
			b.WriteString("&#x9;")
		default:
			b.WriteString(xmlText(string(r)))
		}
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
