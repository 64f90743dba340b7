package numbers

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/punct"
)

const root = "../.."

func lintFile(t *testing.T, path string, src []byte) []lint.Diagnostic {
	t.Helper()
	doc := lint.Parse(path, src, lint.FormatFor(path))
	diags, errs := lint.Check(doc, Rules())
	for _, e := range errs {
		t.Fatal(e)
	}
	return diags
}

func summary(ds []lint.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d %s", d.Start.Line, d.Rule))
	}
	return out
}

// The sample report: on line 107, 6E(1E=100亿)次, the wrong definition and
// the missing time base, and nothing else from these rules — with the
// brackets as written and after halfwidth-punct made them full width.
func TestSampleReport(t *testing.T) {
	path := filepath.Join(root, "testdata", "sample-report.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := lint.Parse(path, src, lint.FormatText)
	full, _, _, err := lint.FixAll(doc, []*lint.Rule{punct.HalfwidthPunct}, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(full), "6E（1E=100亿）次") {
		t.Fatal("halfwidth-punct no longer converts the brackets of line 107; the full-width case is not tested")
	}
	for name, text := range map[string][]byte{"as written": src, "full-width brackets": full} {
		ds := lintFile(t, path, text)
		got := summary(ds)
		want := []string{"107 magnitude-definition", "107 rate-base"}
		sort.Strings(got)
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: findings %v, want %v", name, got, want)
			continue
		}
		for _, d := range ds {
			switch d.Rule {
			case MagnitudeDefinition.ID:
				if !strings.Contains(d.Message, "1E = 10^18 = 100亿亿, not 100亿 (10^10)") || !strings.Contains(d.MessageZh, "100亿亿") {
					t.Errorf("%s: message %q / %q", name, d.Message, d.MessageZh)
				}
				if len(d.Fixes) != 1 || d.Fixes[0].Safe || d.Fixes[0].Edits[0].New != "100亿亿" {
					t.Errorf("%s: fix %+v, want an unsafe rewrite to 100亿亿", name, d.Fixes)
				}
			case RateBase.ID:
				if d.Severity != lint.Info || !strings.Contains(d.Message, "每秒600亿亿次") {
					t.Errorf("%s: %s %q", name, d.Severity, d.Message)
				}
			}
		}
	}
}

// corpusFindings lists every finding of these rules on the clean corpora,
// each classified. Nothing from the magnitude rules may appear.
var corpusFindings = map[string][]string{
	"ecspell-odw-target.txt": {
		// Real defect: 40％ with a full-width percent sign (known, see
		// testdata/corpora/README.md).
		"567 fullwidth-ascii",
	},
	"ud-gsdsimp-test.txt": {
		// Real defect by GB/T 15835 §5.3 (6万2千多吨: Arabic digits with
		// 千), common in Wikipedia text; info.
		"527 number-form",
		// Deliberate convention: Wikipedia writes ranges with an ASCII
		// hyphen and drops % on the first value (50-60%); info.
		"801 number-range",
	},
	"lawrefbook-constitution.md": {
		// Real defect of the digital copy: 一八四○年 with U+25CB WHITE
		// CIRCLE for 〇 (U+3007); info, safe fix.
		"23 number-form",
	},
}

func TestCorpora(t *testing.T) {
	for file, want := range corpusFindings {
		path := filepath.Join(root, "testdata", "corpora", file)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ds := lintFile(t, path, src)
		for _, d := range ds {
			if strings.HasPrefix(d.Rule, "magnitude-") {
				t.Errorf("%s:%d: %s on clean text: %s", file, d.Start.Line, d.Rule, d.Message)
			}
			if d.Rule == NumberRange.ID || d.Rule == NumberForm.ID {
				if d.Severity != lint.Info {
					t.Errorf("%s:%d: %s at %s, want info on this corpus", file, d.Start.Line, d.Rule, d.Severity)
				}
			}
		}
		if got := summary(ds); strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: findings %v, want %v", file, got, want)
			for _, d := range ds {
				t.Logf("  %d:%d %s %s", d.Start.Line, d.Start.Column, d.Rule, d.Message)
			}
		}
	}
}

// Real sentences with correct figures stay silent one by one: every
// paragraph of the corpora and the sample report that holds a figure with a
// magnitude word, a percent sign, a decimal or digit grouping, except the
// paragraphs listed in corpusFindings and the sample's line 107.
func TestSilentSentences(t *testing.T) {
	files := []string{
		"testdata/corpora/ecspell-odw-target.txt",
		"testdata/corpora/ud-gsdsimp-test.txt",
		"testdata/corpora/lawrefbook-constitution.md",
		"testdata/sample-report.txt",
	}
	known := map[string]bool{"sample-report.txt:107": true}
	for file, lines := range corpusFindings {
		for _, l := range lines {
			known[file+":"+strings.Fields(l)[0]] = true
		}
	}
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if known[filepath.Base(f)+":"+fmt.Sprint(i+1)] || !hasFigure(line) {
				continue
			}
			n++
			for _, d := range findings(t, line, Rules()...) {
				t.Errorf("%s:%d: %s: %s\n  %s", f, i+1, d.Rule, d.Message, line)
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d sentences with figures checked, want at least 40", n)
	}
	t.Logf("%d sentences with figures stay silent", n)
}

// hasFigure: a figure the number rules look at closely.
func hasFigure(s string) bool {
	for i := 0; i < len(s); i++ {
		if !zhnum.StartsNumber(s, i) {
			continue
		}
		q, n := zhnum.ParseQuantity(s, i)
		if n == 0 {
			continue
		}
		if q.Num.Flags&(zhnum.Magnitude|zhnum.Percent|zhnum.Decimal|zhnum.Grouped) != 0 || q.Prefix != zhnum.NoPrefix {
			return true
		}
		i += n - 1
	}
	return false
}

// The excerpts of internal/zhnum's figure table (corpus and sample
// figures, attributed in its README) raise nothing from the magnitude
// rules.
func TestFigureExcerpts(t *testing.T) {
	f, err := os.Open(filepath.Join(root, "internal", "zhnum", "testdata", "figures.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || strings.HasPrefix(cols[0], "#") {
			continue
		}
		if cols[1] == "6E(1E=100亿)次" {
			continue // the sample's own two defects, tested above
		}
		n++
		for _, d := range findings(t, cols[1], MagnitudeDefinition, MagnitudeConsistency, AmbiguousZhao, RateBase) {
			t.Errorf("%q: %s: %s", cols[1], d.Rule, d.Message)
		}
	}
	if n < 40 {
		t.Fatalf("only %d excerpts", n)
	}
}
