package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Line      int    `xml:"line,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// parseJUnit reads the report back with a real XML parser and checks that
// the counts agree with the test cases.
func parseJUnit(t *testing.T, out []byte) *junitDoc {
	t.Helper()
	var doc junitDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	tests, failures, errs := 0, 0, 0
	for _, s := range doc.Suites {
		f, e := 0, 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e {
			t.Errorf("suite %s: counts %d/%d/%d, cases %d/%d/%d", s.Name, s.Tests, s.Failures, s.Errors, len(s.Cases), f, e)
		}
		tests += len(s.Cases)
		failures += f
		errs += e
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errs {
		t.Errorf("totals %d/%d/%d, cases %d/%d/%d", doc.Tests, doc.Failures, doc.Errors, tests, failures, errs)
	}
	return &doc
}

func TestJUnitParses(t *testing.T) {
	doc := parseJUnit(t, render(t, "junit", Options{}, fixture(t)))
	if doc.Tests != 12 || doc.Failures != 9 || doc.Errors != 2 {
		t.Errorf("tests/failures/errors = %d/%d/%d, want 12/9/2", doc.Tests, doc.Failures, doc.Errors)
	}
	// Quotes, line breaks and tabs survive the round trip through XML.
	var found bool
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Classname == "draftlint.space-before-punct" {
				found = true
				if c.Failure.Message != "space before \",\"\nin English text" || c.Failure.Type != "error" || c.Line != 2 {
					t.Errorf("failure %+v", c.Failure)
				}
				if !strings.Contains(c.Failure.Text, "expected:\t\"approved,\"\nfound:") {
					t.Errorf("text %q", c.Failure.Text)
				}
			}
		}
	}
	if !found {
		t.Error("space-before-punct case missing")
	}
	parseJUnit(t, render(t, "junit", Options{}, &lint.Result{}))
}

// Characters XML cannot hold are replaced, so the report stays readable by
// any parser whatever the text contains (mojibake findings quote it).
func TestJUnitControlCharacters(t *testing.T) {
	d := lint.Diagnostic{Rule: "mojibake", Severity: lint.Error, Path: "a&b<c>.md",
		Message: "control \x00\x1b[31m\x7f and \ufffe, CR\r, <tag> & \"q\" 'a'",
		Start:   lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 2}}
	r := &lint.Result{Files: []*lint.FileResult{{Path: d.Path, Diagnostics: []lint.Diagnostic{d}}}}
	doc := parseJUnit(t, render(t, "junit", Options{}, r))
	c := doc.Suites[0].Cases[0]
	if doc.Suites[0].Name != "a&b<c>.md" || c.File != "a&b<c>.md" {
		t.Errorf("path %q", doc.Suites[0].Name)
	}
	want := "control \ufffd\ufffd[31m\x7f and \ufffd, CR\r, <tag> & \"q\" 'a'"
	if c.Failure.Message != want {
		t.Errorf("message %q, want %q", c.Failure.Message, want)
	}
}
