package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/linttest"
)

func TestBlankLines(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/blank-lines", BlankLines)
}

// The artefact rules are tested together: every file states every finding
// of all six, so a trap in one rule's folder also proves the others quiet.
var artefactRules = []*lint.Rule{SplitParagraph, IntrudingCaption, StrayCaption, OrphanFragment, PageFurniture, HyphenBreak}

// defaultArtefactRules are those on without configuration (stray-caption
// is opt-in).
func defaultArtefactRules() []*lint.Rule {
	var out []*lint.Rule
	for _, r := range artefactRules {
		if r.Default {
			out = append(out, r)
		}
	}
	return out
}

func TestSplitParagraph(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/split-paragraph", artefactRules...)
}

func TestIntrudingCaption(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/intruding-caption", artefactRules...)
}

func TestStrayCaption(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/stray-caption", artefactRules...)
}

func TestOrphanFragment(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/orphan-fragment", artefactRules...)
}

func TestPageFurniture(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/page-furniture", artefactRules...)
}

func TestHyphenBreak(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/hyphen-break", artefactRules...)
}

// The sample report with the default rules gives exactly the findings of
// issue 3's "Done when": the seven cut points (the caption one as
// intruding-caption) and the orphan on line 79; the goldens hold the
// rejoined text, and fixing them finds nothing more.
func TestSampleReport(t *testing.T) {
	linttest.RunFile(t, "../../testdata/rules/split-paragraph/sample/sample-report.txt", defaultArtefactRules()...)
}

// After every fix the sample holds the rejoined phrases and a second run
// finds nothing of these kinds.
func TestSampleReportFixed(t *testing.T) {
	src, err := os.ReadFile("../../testdata/sample-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := lint.Parse("sample-report.txt", src, lint.FormatText)
	fixed, _, _, err := lint.FixAll(doc, defaultArtefactRules(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"当前和今后一个时期", "算力集群建设。构建", "人民政协事业高质量发展。", "思想凝心铸魂",
		"中国式现代化湖北实践", "到2027年，全省制造业", "一次加强人民政协专门协商机构建设"} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("fixed sample lacks %q", want)
		}
	}
	doc2 := lint.Parse("sample-report.txt", fixed, lint.FormatText)
	diags, errs := lint.Check(doc2, defaultArtefactRules())
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	for _, d := range diags {
		if d.Rule != OrphanFragment.ID { // the orphan has no fix
			t.Errorf("after fixing: %d:%d %s: %s", d.Start.Line, d.Start.Column, d.Rule, d.Message)
		}
	}
}

// The clean corpora (the Constitution as it is, the sentence files with
// one sentence per paragraph) give no finding at all.
func TestCorporaClean(t *testing.T) {
	files, err := filepath.Glob("../../testdata/corpora/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, format := range []lint.Format{lint.FormatFor(f), lint.FormatText} {
			doc := lint.Parse(f, src, format)
			diags, errs := lint.Check(doc, artefactRules)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			for _, d := range diags {
				t.Errorf("%s:%d:%d: %s: %s", f, d.Start.Line, d.Start.Column, d.Rule, d.Message)
			}
		}
	}
	if n < 3 {
		t.Fatalf("only %d corpus files", n)
	}
}

// Splits gives the halves and the caption between them.
func TestSplitsAPI(t *testing.T) {
	src := "这次宣讲也是一次加强\n\n\n\n7月22日，湖北省政协召开会议。\n\n人民政协建设的再动员。\n\n作为当前和今\n\n后一个时期的任务。\n"
	doc := lint.Parse("x.txt", []byte(src), lint.FormatText)
	sp := Splits(doc)
	if len(sp) != 2 {
		t.Fatalf("got %d splits, want 2: %+v", len(sp), sp)
	}
	if sp[0].First != 0 || sp[0].Second != 2 || sp[0].Caption != 1 || len(sp[0].Between) != 1 || sp[0].Strong {
		t.Errorf("caption split: %+v", sp[0])
	}
	if sp[1].First != 3 || sp[1].Second != 4 || sp[1].Caption != -1 || !sp[1].Strong || sp[1].Word != "今后" {
		t.Errorf("word split: %+v", sp[1])
	}
	if &Splits(doc)[0] != &sp[0] {
		t.Error("Splits is not memoised")
	}
}

// Fixes keep CRLF line endings.
func TestCRLF(t *testing.T) {
	src := "这次宣讲也是一次加强\r\n\r\n\r\n7月22日，湖北省政协召开会议。\r\n\r\n人民政协建设的再动员。\r\n\r\n下一段。\r\n"
	doc := lint.Parse("x.txt", []byte(src), lint.FormatText)
	fixed, _, _, err := lint.FixAll(doc, artefactRules, true)
	if err != nil {
		t.Fatal(err)
	}
	want := "这次宣讲也是一次加强人民政协建设的再动员。\r\n\r\n7月22日，湖北省政协召开会议。\r\n\r\n下一段。\r\n"
	if string(fixed) != want {
		t.Errorf("got %q\nwant %q", fixed, want)
	}
}
