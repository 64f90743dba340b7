package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/docx"
	"github.com/draftlint/draftlint/internal/docx/docxtest"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules"
)

// sampleLines splits the sample report into lines the way
// docxtest.FromText sees them: which lines become paragraphs, and the
// heading marker each loses.
type sampleLine struct {
	blank  bool
	marker int // runes of "# " … "### " dropped from a heading
}

func sampleLines(text string) []sampleLine {
	var out []sampleLine
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		l := sampleLine{blank: strings.TrimSpace(line) == ""}
		for _, m := range []string{"### ", "## ", "# "} {
			if strings.HasPrefix(line, m) {
				l.marker = len(m)
				break
			}
		}
		out = append(out, l)
	}
	return out
}

// docxKeepingBlankLines is FromText with an empty paragraph for every blank
// line, so that paragraph numbers equal the text's line numbers and the
// blank-line runs that layout rules read are still there.
func docxKeepingBlankLines(text string) []docxtest.Paragraph {
	paras := docxtest.FromText(text)
	var out []docxtest.Paragraph
	k := 0
	for _, l := range sampleLines(text) {
		if l.blank {
			out = append(out, docxtest.Paragraph{})
			continue
		}
		out = append(out, paras[k])
		k++
	}
	return out
}

// expectFromText maps findings of the text file to where they must be in
// the Word file: paragraph numbers through lineToPara, columns shifted by
// the heading marker the paragraph lost. blank-lines does not run on Word
// files; skip names rules whose findings are not expected either.
func expectFromText(base []jsonFinding, lines []sampleLine, lineToPara func(int) int, skip ...string) []string {
	var out []string
	for _, f := range base {
		if f.Rule == "blank-lines" || inList(skip, f.Rule) {
			continue
		}
		g := f
		g.Paragraph, g.Line, g.EndLine = lineToPara(f.Line), lineToPara(f.Line), lineToPara(f.EndLine)
		g.Column -= lines[f.Line-1].marker
		g.EndColumn -= lines[f.EndLine-1].marker
		out = append(out, docxKey(g))
	}
	return out
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var lineRef = regexp.MustCompile(`(line |第 )\d+|\d+:\d+`)

// docxKey identifies a finding; line numbers quoted in messages are left
// out because they follow the numbering of the file they were found in.
func docxKey(f jsonFinding) string {
	return fmt.Sprintf("¶%d:%d-¶%d:%d %s %s: %s", f.Paragraph, f.Column, f.EndLine, f.EndColumn, f.Severity, f.Rule, lineRef.ReplaceAllString(f.Message, "${1}N"))
}

func docxKeys(fs []jsonFinding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = docxKey(f)
	}
	return out
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %d:\n  %s\nwant %d:\n  %s", what, len(got), strings.Join(got, "\n  "), len(want), strings.Join(want, "\n  "))
	}
}

// The acceptance test for Word documents: the sample report as a
// .docx gives the same rule hits as the text, located by paragraph.
func TestDocxSameFindings(t *testing.T) {
	sample := string(readRepoFile(t, "testdata/sample-report.txt"))
	lines := sampleLines(sample)
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "sample.txt"), []byte(sample))
	writeBytes(t, filepath.Join(dir, "draft.docx"), docxtest.Build(docxtest.FromText(sample)))
	writeBytes(t, filepath.Join(dir, "blank.docx"), docxtest.Build(docxKeepingBlankLines(sample)))
	base, r := jsonFindings(t, dir, "sample.txt")
	if r.code != ExitFindings {
		t.Fatalf("exit %d", r.code)
	}

	// With blank lines kept as empty paragraphs, paragraph n is line n.
	got, r := jsonFindings(t, dir, "blank.docx")
	if r.code != ExitFindings || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	equalLines(t, "blank.docx", docxKeys(got), expectFromText(base, lines, func(l int) int { return l }))

	// FromText drops blank lines: paragraphs are numbered by non-blank
	// line. intruding-caption needs the blank-line run where the photo
	// was, which such a document no longer has.
	para := make([]int, len(lines)+1)
	n := 0
	for i, l := range lines {
		if !l.blank {
			n++
		}
		para[i+1] = n
	}
	got, r = jsonFindings(t, dir, "draft.docx")
	if r.code != ExitFindings || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	equalLines(t, "draft.docx", docxKeys(got), expectFromText(base, lines, func(l int) int { return para[l] }, "intruding-caption"))
	for _, f := range got {
		if f.Paragraph == 0 || f.Paragraph != f.Line {
			t.Fatalf("finding without a paragraph number: %+v", f)
		}
	}

	// Text output locates findings as draft.docx:¶P:C.
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "draft.docx")
	if !strings.Contains(r.stdout, "draft.docx:¶9:40: warning: half-width parentheses") ||
		!strings.Contains(r.stdout, "省政协举行党组(扩大)会议和理论学习中心组集体学习。") {
		t.Errorf("text output:\n%s", r.stdout)
	}
}

// zipEntries returns the raw (compressed) bytes and header of every entry.
func zipEntries(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		out[f.Name] = fmt.Sprintf("%d %d %x %s", f.Method, f.CRC32, f.Extra, b)
	}
	return out
}

func docxTexts(t *testing.T, data []byte) []string {
	t.Helper()
	d, err := docx.Read(data)
	if err != nil {
		t.Fatalf("the fixed .docx does not read: %v", err)
	}
	out := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		out[i] = p.Text
	}
	return out
}

// --fix on a .docx: the result is a valid package whose text equals the
// fixed text, with every part but word/document.xml byte-identical; fixes
// that would join paragraphs are refused and reported, not applied.
func TestDocxFix(t *testing.T) {
	sample := string(readRepoFile(t, "testdata/sample-report.txt"))
	paras := docxtest.FromText(sample)
	orig := docxtest.Build(paras)

	// Default rules except layout (whose fixes join or move paragraphs):
	// the Word text after --fix is the text file's after --fix, paragraph
	// by paragraph.
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "sample.txt"), []byte(sample))
	writeBytes(t, filepath.Join(dir, "draft.docx"), orig)
	for _, name := range []string{"sample.txt", "draft.docx"} {
		if r := run(t, dir, "", "check", "--fix", "--unsafe-fixes", "--ignore", "layout", name); r.code == ExitError || r.stderr != "" {
			t.Fatalf("%s: exit %d, stderr %s", name, r.code, r.stderr)
		}
	}
	fixedTxt, _ := os.ReadFile(filepath.Join(dir, "sample.txt"))
	var want []string
	for _, p := range docxtest.FromText(string(fixedTxt)) {
		want = append(want, p.PlainText())
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "draft.docx"))
	equalLines(t, "fixed .docx text", docxTexts(t, fixed), want)
	if bytes.Equal(fixed, orig) {
		t.Fatal("nothing fixed")
	}
	before, after := zipEntries(t, orig), zipEntries(t, fixed)
	for name, b := range before {
		if name != "word/document.xml" && after[name] != b {
			t.Errorf("%s changed", name)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d entries, want %d", len(after), len(before))
	}

	// Every default rule: the split-paragraph joins are refused, one line
	// each, the rest applied; the text is what the engine's own fix of the
	// same paragraphs gives; a second --fix changes nothing.
	writeBytes(t, filepath.Join(dir, "draft.docx"), orig)
	r := run(t, dir, "", "check", "--fix", "draft.docx")
	if r.code != ExitFindings {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	refusals := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	for _, want := range []string{"¶6:30", "¶40:105", "¶52:158"} {
		if !strings.Contains(r.stderr, "draftlint: draft.docx:"+want+": fix “join the two halves” of split-paragraph not applied: the fix crosses the end of paragraph") {
			t.Errorf("no refusal at %s:\n%s", want, r.stderr)
		}
	}
	if len(refusals) != 3 || !strings.Contains(r.stdout, "draft.docx:¶6:30: error: paragraph breaks off inside the word") {
		t.Errorf("stderr:\n%s\nstdout:\n%.2000s", r.stderr, r.stdout)
	}
	fixed, _ = os.ReadFile(filepath.Join(dir, "draft.docx"))
	sp := make([]lint.SourceParagraph, len(paras))
	for i, p := range paras {
		sp[i] = lint.SourceParagraph{Text: p.PlainText(), Kind: lint.Paragraph}
		if p.Heading > 0 {
			sp[i].Kind, sp[i].Level = lint.Heading, p.Heading
		}
	}
	var defaults []*lint.Rule
	for _, rule := range rules.All() {
		if rule.DefaultIn("official") {
			defaults = append(defaults, rule)
		}
	}
	engine, _, _, err := lint.FixAll(lint.ParseParagraphs("draft.docx", sp), defaults, false)
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "fixed .docx text", docxTexts(t, fixed), strings.Split(strings.TrimSuffix(string(engine), "\n"), "\n"))
	again := run(t, dir, "", "check", "--fix", "draft.docx")
	if after, _ := os.ReadFile(filepath.Join(dir, "draft.docx")); !bytes.Equal(after, fixed) || again.code == ExitError {
		t.Error("a second --fix changed the file")
	}

}

// A .docx fixed by draftlint opens in LibreOffice, where it is installed.
func TestDocxFixOpensInLibreOffice(t *testing.T) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		bin, err = exec.LookPath("libreoffice")
	}
	if err != nil {
		t.Skip("LibreOffice (soffice) is not on PATH: fixed .docx files are checked by reading them back only (TestDocxFix)")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow; skipped with -short")
	}
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "draft.docx"), docxtest.Build(docxtest.FromText(string(readRepoFile(t, "testdata/sample-report.txt")))))
	if r := run(t, dir, "", "check", "--fix", "draft.docx"); r.code == ExitError {
		t.Fatalf("--fix: %s", r.stderr)
	}
	cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, filepath.Join(dir, "draft.docx"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice cannot convert the fixed file: %v\n%s", err, msg)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "draft.txt"))
	if err != nil || !bytes.Contains(txt, []byte("党组（扩大）会议")) {
		t.Errorf("LibreOffice text lacks the fix: %v", err)
	}
}

// Edits across runs with different formatting are refused and reported;
// the other fixes of the paragraph are made.
func TestDocxRunBoundary(t *testing.T) {
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "runs.docx"), docxtest.Build([]docxtest.Paragraph{
		{Runs: []docxtest.Run{{Text: "实施示范工程-"}, {Text: "-选择代表性行业(试点)。", Bold: true}}},
	}))
	r := run(t, dir, "", "check", "--fix", "--unsafe-fixes", "--select", "dash,halfwidth-punct", "runs.docx")
	want := "draftlint: runs.docx:¶1:7: fix “use ——” of dash not applied: Word: the edit crosses runs with different formatting\n"
	if r.stderr != want {
		t.Errorf("stderr %q, want %q", r.stderr, want)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "runs.docx"))
	if got := docxTexts(t, b); len(got) != 1 || got[0] != "实施示范工程--选择代表性行业（试点）。" {
		t.Errorf("text %q", got)
	}
	if !strings.Contains(r.stdout, "runs.docx:¶1:7: ") {
		t.Errorf("the refused finding is not reported:\n%s", r.stdout)
	}
}

// --diff on a .docx shows the change on the extracted text, one paragraph
// per line, and writes nothing.
func TestDocxDiff(t *testing.T) {
	dir := t.TempDir()
	orig := docxtest.Build(docxtest.FromText(string(readRepoFile(t, "testdata/sample-report.txt"))))
	writeBytes(t, filepath.Join(dir, "draft.docx"), orig)
	r := run(t, dir, "", "check", "--diff", "--select", "halfwidth-punct", "draft.docx")
	if r.code != ExitFindings || !strings.HasPrefix(r.stdout, "--- a/draft.docx\n+++ b/draft.docx\n@@ -6,7 +6,7 @@\n") ||
		!strings.Contains(r.stdout, "\n-为有效组织推进学习宣传贯彻党的二十届三中全会精神工作，8月2日，省政协举行党组(扩大)会议") ||
		!strings.Contains(r.stdout, "\n+为有效组织推进学习宣传贯彻党的二十届三中全会精神工作，8月2日，省政协举行党组（扩大）会议") {
		t.Errorf("exit %d\n%.1500s\n%s", r.code, r.stdout, r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "draft.docx")); !bytes.Equal(b, orig) {
		t.Error("--diff wrote the file")
	}
}
