package dup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
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

// The sample report: line 77 holds one 104-character sentence three times,
// the first copy beginning 近年来，中共湖北省委…, the repeats 湖北省委…. Both
// repeats are reported, with the 近年来，中共 difference in the diff; the
// unsafe fixes leave the first, complete sentence once; safe fixes alone
// remove only the exact repeat. Nothing else in the report is a duplicate
// (its stock clauses recur legitimately).
func TestSampleReport(t *testing.T) {
	path := filepath.Join(root, "testdata", "sample-report.txt")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	diags := lintFile(t, path, src)
	if len(diags) != 2 {
		for _, d := range diags {
			t.Logf("%d:%d %s %s", d.Start.Line, d.Start.Column, d.Rule, d.Message)
		}
		t.Fatalf("%d findings, want the two repeats on line 77", len(diags))
	}
	doc := lint.Parse(path, src, lint.FormatText)
	line := doc.LineText(77)
	first := strings.Index(line, "。") + len("。")
	complete := line[:first]
	if !strings.HasPrefix(complete, "近年来，中共湖北省委") {
		t.Fatalf("line 77 does not start with the complete sentence: %q", complete)
	}
	second := line[first : first+strings.Index(line[first:], "。")+len("。")]
	if !strings.HasSuffix(string(dedup.Normalize(complete, 0)), string(dedup.Normalize(second, 0))) || !strings.HasPrefix(second, "湖北省委") {
		t.Fatalf("line 77's second sentence is not the first without 近年来，中共: %q", second)
	}
	for i, d := range diags {
		if d.Rule != DuplicateSentence.ID || d.Start.Line != 77 || d.Severity != lint.Error {
			t.Errorf("finding %d: %s %s at %d:%d", i, d.Severity, d.Rule, d.Start.Line, d.Start.Column)
		}
		if !strings.HasPrefix(string(src[d.Span.Start:d.Span.End]), "湖北省委、省政府") {
			t.Errorf("finding %d spans %q", i, src[d.Span.Start:d.Span.End])
		}
		if !strings.Contains(d.Detail, "[-近年来，中共-]湖北省委、省政府") {
			t.Errorf("finding %d detail %q lacks the diff", i, d.Detail)
		}
		if !strings.Contains(d.Message, "77:1") || !strings.Contains(d.MessageZh, "77行1列") {
			t.Errorf("finding %d message %q / %q does not name the kept copy", i, d.Message, d.MessageZh)
		}
		if len(d.Related) != 2 {
			t.Errorf("finding %d names %d other copies, want 2", i, len(d.Related))
		}
		for _, r := range d.Related {
			if r.Start.Line != 77 || r.Message == "" {
				t.Errorf("finding %d: related %+v", i, r)
			}
			if r.Start.Column == 1 && !strings.Contains(r.Message, "kept copy") {
				t.Errorf("finding %d: the first sentence is not named as the kept copy: %q", i, r.Message)
			}
		}
		if len(d.Fixes) != 1 {
			t.Errorf("finding %d: %d fixes", i, len(d.Fixes))
		}
	}
	if diags[0].Fixes[0].Safe || !diags[1].Fixes[0].Safe {
		t.Errorf("the contained copy needs an unsafe fix and the exact repeat of it a safe one")
	}

	fixed, rest, _, err := lint.FixAll(lint.Parse(path, src, lint.FormatText), Rules(), true)
	if err != nil {
		t.Fatal(err)
	}
	fdoc := lint.Parse(path, fixed, lint.FormatText)
	if got := fdoc.LineText(77); got != complete {
		t.Errorf("line 77 after --fix --unsafe-fixes:\n%s\nwant the first sentence once:\n%s", got, complete)
	}
	if len(rest) != 0 {
		t.Errorf("%d findings left after fixing", len(rest))
	}
	// Nothing but line 77 changed.
	if want := strings.Replace(string(src), line, complete, 1); string(fixed) != want {
		t.Error("the fixes changed more than line 77")
	}

	safe, _, _, err := lint.FixAll(lint.Parse(path, src, lint.FormatText), Rules(), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := lint.Parse(path, safe, lint.FormatText).LineText(77); got != complete+second {
		t.Errorf("line 77 after --fix:\n%s\nwant the complete sentence and one repeat", got)
	}
}

// ecspellRepeats is the number of sentences the ECSpell test set lists
// twice (the dedup package's corpus tests count 38), less the one that is
// a numbered heading (十三、加强改革任务落实和总结评估), which a table of
// contents repeats by design and the rules leave alone (numberedTitle). In
// the one-sentence-per-paragraph file they are exact repeated paragraphs,
// and reporting them is right; they are the only findings the corpora give.
const ecspellRepeats = 38 - 1

// TestCorpora: the clean corpora give no finding from these rules — the
// Constitution's parallel articles (人民法院 / 人民检察院), Wikipedia's
// templated communes (该市镇总面积…人口为…人), the amendment dates, the
// doubled characters of correct text (人民民主, 常委会会议, 对对流层, 和和平) —
// except the exact repeats of the ECSpell sentence list.
func TestCorpora(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "testdata", "corpora", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if ext := filepath.Ext(path); ext != ".txt" && ext != ".md" || filepath.Base(path) == "README.md" {
			continue
		}
		n++
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		diags := lintFile(t, path, src)
		repeats := 0
		for _, d := range diags {
			if filepath.Base(path) == "ecspell-odw-target.txt" && d.Rule == DuplicateParagraph.ID &&
				strings.Contains(d.Message, "repeats the paragraph at") && len(d.Related) == 1 &&
				string(src[d.Span.Start:d.Span.End]) == string(src[d.Related[0].Span.Start:d.Related[0].Span.End]) {
				repeats++
				continue
			}
			t.Errorf("%s:%d:%d: %s: %s", filepath.Base(path), d.Start.Line, d.Start.Column, d.Rule, d.Message)
		}
		if filepath.Base(path) == "ecspell-odw-target.txt" && repeats != ecspellRepeats {
			t.Errorf("ecspell-odw-target.txt: %d exact repeated paragraphs, want %d", repeats, ecspellRepeats)
		}
	}
	if n != 3 {
		t.Errorf("%d corpus files, want 3", n)
	}
}
