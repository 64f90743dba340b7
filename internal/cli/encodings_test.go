package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/docx/docxtest"
	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules"
)

func readRepoFile(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeBytes(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// encodingVariant is the sample report in another form: convert turns
// UTF-8 text (with LF endings) into the file's bytes.
type encodingVariant struct {
	name    string
	convert func(t *testing.T, utf8 []byte) []byte
	args    []string // e.g. --encoding for forms that are not detected
	// gbk: the form cannot hold the sample's ▶ (U+25B6); it is compared
	// with the sample where ◆ replaces ▶.
	gbk bool
}

// gbkSample is the sample report in characters GBK holds.
func gbkSample(b []byte) []byte { return bytes.ReplaceAll(b, []byte("▶"), []byte("◆")) }

func encodeAs(encs ...textenc.Encoding) func(*testing.T, []byte) []byte {
	return func(t *testing.T, b []byte) []byte {
		t.Helper()
		for _, e := range encs {
			out, err := textenc.Encode(b, e)
			if err != nil {
				t.Fatalf("%v: %v", e, err)
			}
			b = out
		}
		return b
	}
}

func toCRLF(_ *testing.T, b []byte) []byte {
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}

var encodingVariants = []encodingVariant{
	{"crlf.txt", toCRLF, nil, false},
	{"gb18030.txt", encodeAs(textenc.GB18030), nil, false},
	{"utf16le-bom.txt", encodeAs(textenc.UTF16LEBOM), nil, false},
	{"utf16be-bom.txt", encodeAs(textenc.UTF16BEBOM), nil, false},
	{"utf8-bom.txt", encodeAs(textenc.UTF8BOM), nil, false},
	{"gb18030-crlf.txt", func(t *testing.T, b []byte) []byte { return encodeAs(textenc.GB18030)(t, toCRLF(t, b)) }, nil, false},
	{"gbk.txt", encodeAs(textenc.GBK), []string{"--encoding", "gbk"}, true},
	{"utf16le.txt", encodeAs(textenc.UTF16LE), []string{"--encoding", "utf-16le"}, false},
}

type jsonFinding struct {
	Path      string `json:"path"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Paragraph int    `json:"paragraph"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
}

// jsonFindings runs check -f json and returns the findings.
func jsonFindings(t *testing.T, dir string, args ...string) ([]jsonFinding, result) {
	t.Helper()
	r := run(t, dir, "", append([]string{"check", "-f", "json"}, args...)...)
	var out struct {
		Diagnostics []jsonFinding `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %v\n%s%s", args, err, r.stdout, r.stderr)
	}
	return out.Diagnostics, r
}

func (f jsonFinding) String() string {
	return fmt.Sprintf("%d:%d-%d:%d %s %s: %s", f.Line, f.Column, f.EndLine, f.EndColumn, f.Severity, f.Rule, f.Message)
}

// The acceptance test for encodings: the sample report as
// GB18030, UTF-16 with a BOM, CRLF (and the other forms) gives the same
// findings at the same lines and columns as the UTF-8 original, with every
// default rule; JSON byte offsets are those of the decoded UTF-8 text; and
// --fix writes exactly the converted form of the fixed UTF-8 file.
func TestEncodingsSameFindingsAndFixes(t *testing.T) {
	sample := readRepoFile(t, "testdata/sample-report.txt")
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "utf8.txt"), sample)
	writeBytes(t, filepath.Join(dir, "utf8-gbk-safe.txt"), gbkSample(sample))
	bases := map[bool][]jsonFinding{}
	for gbk, name := range map[bool]string{false: "utf8.txt", true: "utf8-gbk-safe.txt"} {
		base, r := jsonFindings(t, dir, name)
		if r.code != ExitFindings || len(base) < 20 || r.stderr != "" {
			t.Fatalf("UTF-8 original: exit %d, %d findings, stderr %q", r.code, len(base), r.stderr)
		}
		bases[gbk] = base
	}
	for _, v := range encodingVariants {
		t.Run(v.name, func(t *testing.T) {
			orig, base := sample, bases[v.gbk]
			if v.gbk {
				orig = gbkSample(sample)
			}
			writeBytes(t, filepath.Join(dir, v.name), v.convert(t, orig))
			got, r := jsonFindings(t, dir, append(v.args, v.name)...)
			if r.code != ExitFindings || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			if len(got) != len(base) {
				t.Fatalf("%d findings, want %d", len(got), len(base))
			}
			crlf := strings.Contains(v.name, "crlf")
			for i := range base {
				if got[i].String() != base[i].String() {
					t.Errorf("finding %d:\n got %s\nwant %s", i, got[i], base[i])
				}
				if !crlf && (got[i].Offset != base[i].Offset || got[i].EndOffset != base[i].EndOffset) {
					t.Errorf("finding %d: offsets %d-%d, want the decoded UTF-8 text's %d-%d", i, got[i].Offset, got[i].EndOffset, base[i].Offset, base[i].EndOffset)
				}
			}
		})
	}
	for _, unsafe := range []bool{false, true} {
		flags := []string{"--fix"}
		if unsafe {
			flags = append(flags, "--unsafe-fixes")
		}
		t.Run(strings.Join(flags, " "), func(t *testing.T) {
			dir := t.TempDir()
			fixedUTF8 := map[bool][]byte{}
			for _, gbk := range []bool{false, true} {
				orig := sample
				if gbk {
					orig = gbkSample(sample)
				}
				writeBytes(t, filepath.Join(dir, "utf8.txt"), orig)
				run(t, dir, "", append([]string{"check"}, append(flags, "utf8.txt")...)...)
				fixedUTF8[gbk], _ = os.ReadFile(filepath.Join(dir, "utf8.txt"))
				if bytes.Equal(fixedUTF8[gbk], orig) {
					t.Fatal("nothing fixed in the UTF-8 original")
				}
			}
			for _, v := range encodingVariants {
				orig, fixed := sample, fixedUTF8[v.gbk]
				if v.gbk {
					orig = gbkSample(sample)
				}
				writeBytes(t, filepath.Join(dir, v.name), v.convert(t, orig))
				r := run(t, dir, "", append([]string{"check"}, append(append(flags, v.args...), v.name)...)...)
				if r.code == ExitError {
					t.Errorf("%s: exit 2: %s", v.name, r.stderr)
				}
				got, _ := os.ReadFile(filepath.Join(dir, v.name))
				if want := v.convert(t, fixed); !bytes.Equal(got, want) {
					t.Errorf("%s: --fix wrote %d bytes that differ from the converted fixed UTF-8 file (%d bytes)", v.name, len(got), len(want))
				}
			}
		})
	}
}

// --diff on an ASCII-compatible encoding diffs the file's bytes, so that
// git apply turns the original into exactly what --fix writes; for UTF-16
// it shows the change on the decoded text.
func TestEncodingsDiff(t *testing.T) {
	orig := gbkSample(readRepoFile(t, "testdata/sample-report.txt"))
	for _, v := range []encodingVariant{
		{"gb18030.txt", encodeAs(textenc.GB18030), nil, false},
		{"gbk.txt", encodeAs(textenc.GBK), []string{"--encoding", "gbk"}, true},
		{"crlf.txt", toCRLF, nil, false},
	} {
		t.Run(v.name, func(t *testing.T) {
			dir := t.TempDir()
			raw := v.convert(t, orig)
			writeBytes(t, filepath.Join(dir, v.name), raw)
			d := run(t, dir, "", append([]string{"check", "--diff"}, append(v.args, v.name)...)...)
			if d.code != ExitFindings || !strings.HasPrefix(d.stdout, "--- a/"+v.name+"\n") {
				t.Fatalf("exit %d\n%.300s%s", d.code, d.stdout, d.stderr)
			}
			gitApplyCheck(t, dir, d.stdout)
			run(t, dir, "", append([]string{"check", "--fix"}, append(v.args, v.name)...)...)
			fixed, _ := os.ReadFile(filepath.Join(dir, v.name))
			if applied := gitApply(t, d.stdout, raw); applied != nil && !bytes.Equal(applied, fixed) {
				t.Error("git apply of --diff differs from the --fix result")
			}
		})
	}
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "u16.txt"), encodeAs(textenc.UTF16LEBOM)(t, readRepoFile(t, "testdata/sample-report.txt")))
	d := run(t, dir, "", "check", "--diff", "--select", "halfwidth-punct", "u16.txt")
	if d.code != ExitFindings || !strings.Contains(d.stdout, "\n-为有效组织推进") || !strings.Contains(d.stdout, "党组（扩大）会议") {
		t.Errorf("UTF-16 diff does not show the decoded text:\n%.600s%s", d.stdout, d.stderr)
	}
}

// A fix that puts a character into a file whose encoding cannot hold it
// leaves that file alone, with the reason and the place on one line; the
// other files of the run are fixed.
func TestFixUnrepresentable(t *testing.T) {
	twoEm := &lint.Rule{ID: "two-em-dash", Summary: "test rule: write the dash as U+2E3A", Category: "punctuation",
		Severity: lint.Warning, Run: func(p *lint.Pass) error {
			src := string(p.Doc.Src)
			for off := 0; ; {
				k := strings.Index(src[off:], "——")
				if k < 0 {
					return nil
				}
				s := off + k
				p.Report(lint.Diagnostic{Span: lint.Span{Start: s, End: s + len("——")}, Message: "two-em dash",
					Fixes: []lint.Fix{{Message: "use ⸺", Safe: true, Edits: []lint.Edit{{Start: s, End: s + len("——"), New: "⸺"}}}}})
				off = s + len("——")
			}
		}}
	old := ruleSet
	ruleSet = func() []*lint.Rule { return append(rules.All(), twoEm) }
	defer func() { ruleSet = old }()

	orig := gbkSample(readRepoFile(t, "testdata/sample-report.txt"))
	dir := t.TempDir()
	gbk := encodeAs(textenc.GBK)(t, orig)
	other := encodeAs(textenc.GBK)(t, []byte("会议审议了工作安排(草案)。\n"))
	writeBytes(t, filepath.Join(dir, "a.txt"), gbk)
	writeBytes(t, filepath.Join(dir, "b.txt"), other)
	r := run(t, dir, "", "check", "--fix", "--select", "two-em-dash,halfwidth-punct", "--encoding", "gbk", "a.txt", "b.txt")
	if got, _ := os.ReadFile(filepath.Join(dir, "a.txt")); !bytes.Equal(got, gbk) {
		t.Error("GBK file written although it cannot hold the fix")
	}
	want := "draftlint: a.txt: fixed text not written: gbk cannot hold '⸺' (U+2E3A), which a fix puts at line 5, column 4\n"
	if r.code != ExitError || r.stderr != want {
		t.Errorf("exit %d, stderr\n%q\nwant\n%q", r.code, r.stderr, want)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "b.txt"))
	if want := encodeAs(textenc.GBK)(t, []byte("会议审议了工作安排（草案）。\n")); !bytes.Equal(got, want) {
		t.Errorf("the other file of the run was not fixed: %q", got)
	}
	if !strings.Contains(r.stdout, "a.txt:5:4: warning: two-em dash") {
		t.Errorf("the unfixed finding is not reported:\n%s", r.stdout)
	}
}

// Undecodable input: one line naming the file and the first bad byte
// offset, exit 2, the other files still checked.
func TestUndecodable(t *testing.T) {
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "bad.txt"), []byte("第一行正文。\n第二行\xff\xfe坏了。\n"))
	writeBytes(t, filepath.Join(dir, "bad16.txt"), []byte{0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0}) // lone surrogate
	writeBytes(t, filepath.Join(dir, "good.txt"), []byte("会议审议了工作安排(草案)。\n"))
	r := run(t, dir, "", "check", "--select", "halfwidth-punct", ".")
	if r.code != ExitError {
		t.Errorf("exit %d", r.code)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "draftlint: bad.txt: cannot decode as utf-8 at byte offset 28 (line 2)") ||
		!strings.HasPrefix(lines[1], "draftlint: bad16.txt: cannot decode as utf-16le-bom at byte offset 4 (line 1)") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if !strings.Contains(r.stdout, "good.txt:1:10: warning: half-width parentheses") {
		t.Errorf("good file not checked:\n%s", r.stdout)
	}
}

// stdin with --fix prints the fixed input in its own form: a GB18030 text
// comes back as GB18030, a Word package as a Word package.
func TestStdinFixKeepsForm(t *testing.T) {
	dir := t.TempDir()
	in := encodeAs(textenc.GB18030)(t, []byte("会议审议了工作安排(草案)。\n"))
	r := run(t, dir, string(in), "check", "--select", "halfwidth-punct", "--fix", "--stdin-filename", "draft.txt", "-")
	if want := encodeAs(textenc.GB18030)(t, []byte("会议审议了工作安排（草案）。\n")); r.stdout != string(want) || r.code != ExitOK {
		t.Errorf("exit %d, stdout %q, want %q (stderr %q)", r.code, r.stdout, want, r.stderr)
	}
	doc := docxtest.Build([]docxtest.Paragraph{{Text: "会议审议了工作安排(草案)。"}})
	r = run(t, dir, string(doc), "check", "--select", "halfwidth-punct", "--fix", "--stdin-filename", "draft.docx", "-")
	if got := docxTexts(t, []byte(r.stdout)); len(got) != 1 || got[0] != "会议审议了工作安排（草案）。" {
		t.Errorf("docx from stdin: %q (stderr %q)", got, r.stderr)
	}
}
