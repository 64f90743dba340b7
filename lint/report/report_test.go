package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, UnifiedDiff(name, want, got))
	}
}

// position computes the runner's view of byte offset off in src: 1-based
// line, 1-based column in runes.
func position(src string, off int) lint.Position {
	line := 1 + strings.Count(src[:off], "\n")
	ls := strings.LastIndex(src[:off], "\n") + 1
	return lint.Position{Line: line, Column: 1 + utf8.RuneCountInString(src[ls:off]), Offset: off}
}

// sourceLine is the text of the line holding off, without its ending.
func sourceLine(src string, off int) string {
	ls := strings.LastIndex(src[:off], "\n") + 1
	le := strings.IndexByte(src[ls:], '\n')
	if le < 0 {
		le = len(src) - ls
	}
	return strings.TrimSuffix(src[ls:ls+le], "\r")
}

// span finds the nth (0-based) occurrence of needle in src.
func span(t testing.TB, src, needle string, nth int) lint.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(src[from:], needle)
		if i < 0 {
			t.Fatalf("%q: occurrence %d not found", needle, nth)
		}
		if nth == 0 {
			return lint.Span{Start: from + i, End: from + i + len(needle)}
		}
		nth--
		from += i + len(needle)
	}
}

// diag fills what the runner fills: positions, source line, path.
func diag(path, src string, sp lint.Span, d lint.Diagnostic) lint.Diagnostic {
	d.Path = path
	d.Span = sp
	d.Start = position(src, sp.Start)
	d.End = position(src, sp.End)
	d.SourceLine = sourceLine(src, sp.Start)
	if d.Fixes == nil {
		d.Fixes = []lint.Fix{}
	}
	if d.Related == nil {
		d.Related = []lint.Related{}
	}
	return d
}

func related(path, src string, sp lint.Span, msg string) lint.Related {
	return lint.Related{Span: sp, Message: msg, Path: path, Start: position(src, sp.Start), End: position(src, sp.End)}
}

var reportSrc = "# 二〇二四年工作报告\n" +
	"\n" +
	"今年以来,全市经济运行总体平稳。\n" +
	"各部门认真落实\u200b决策部署,\n" +
	"推动高质量发展取得新成效。\n" +
	"\tＡＢＣ公司 reported 👍🏽 growth.\n" +
	strings.Repeat("长", 30) + "句子里面有一个逗号,然后继续" + strings.Repeat("写很多很多字", 20) + "。\n" +
	"\n" +
	"\n" +
	"最后一段。"

const notesSrc = "Meeting notes\r\n" +
	"The <b>budget</b> & timeline were approved ,  see below.\r\n"

// fixture is a hand-built result covering what reporters must handle:
// Chinese and English messages, wide characters, tabs, a multi-line span,
// related locations in the same and another file, safe and unsafe fixes,
// detail text, a rule missing from Result.Rules, file errors and a file
// without findings.
func fixture(t testing.TB) *lint.Result {
	const rp, np = "docs/报告.md", "notes.txt"
	src, notes := reportSrc, notesSrc
	comma := span(t, src, ",", 0)
	zw := span(t, src, "\u200b", 0)
	split := lint.Span{Start: span(t, src, "决策部署,", 0).Start, End: span(t, src, "推动", 0).End}
	emoji := span(t, src, "👍🏽", 0)
	fw := span(t, src, "ＡＢＣ", 0)
	longComma := span(t, src, ",", 2)
	blank := lint.Span{Start: span(t, src, "\n\n\n", 0).Start + 1, End: span(t, src, "\n\n\n", 0).Start + 2}
	notesSp := span(t, notes, " ,", 0)

	report := &lint.FileResult{Path: rp, Format: lint.FormatMarkdown, Diagnostics: []lint.Diagnostic{
		diag(rp, src, comma, lint.Diagnostic{
			Rule: "halfwidth-punct", Severity: lint.Warning,
			Message: `half-width "," in Chinese text`, MessageZh: "中文语境中使用了半角逗号“,”",
			Fixes:       []lint.Fix{{Message: `replace with "，"`, Safe: true, Edits: []lint.Edit{{Start: comma.Start, End: comma.End, New: "，"}}}},
			Fingerprint: "halfwidth-punct:9f2c4e1a:0",
		}),
		diag(rp, src, zw, lint.Diagnostic{
			Rule: "mojibake", Severity: lint.Error,
			Message: "zero-width space U+200B inside prose", MessageZh: "正文中有零宽空格 U+200B",
			Fixes:       []lint.Fix{{Message: "remove it", Safe: true, Edits: []lint.Edit{{Start: zw.Start, End: zw.End}}}},
			Fingerprint: "mojibake:0c1d2e3f:0",
		}),
		diag(rp, src, split, lint.Diagnostic{
			Rule: "split-paragraph", Severity: lint.Info,
			Message: "paragraph continues a sentence cut at line 4", MessageZh: "段落接续第 4 行被截断的句子",
			Detail:  "line 4 ends with \"，\" and line 5 starts in the middle of the sentence\n- 各部门认真落实决策部署，\n+ 推动高质量发展取得新成效。",
			Related: []lint.Related{related(rp, src, span(t, src, "各部门", 0), "the sentence starts here")},
			Fixes: []lint.Fix{{Message: "join the lines", Safe: false, Edits: []lint.Edit{
				{Start: span(t, src, ",\n推动", 0).Start, End: span(t, src, ",\n推动", 0).Start + 2, New: "，"},
			}}},
			Fingerprint: "split-paragraph:77aa:0",
		}),
		diag(rp, src, fw, lint.Diagnostic{
			Rule: "fullwidth-alnum", Severity: lint.Warning,
			Message: "full-width letters", MessageZh: "全角字母",
			Fixes: []lint.Fix{
				{Message: "use half-width letters (changes meaning in names)", Safe: false, Edits: []lint.Edit{{Start: fw.Start, End: fw.End, New: "ABC"}}},
				{Message: "keep", Safe: false, Edits: []lint.Edit{{Start: fw.Start, End: fw.End, New: "ＡＢＣ"}}},
			},
			Fingerprint: "fullwidth-alnum:1:0",
		}),
		diag(rp, src, emoji, lint.Diagnostic{
			Rule: "style-emoji", Severity: lint.Info,
			Message:     "emoji in a formal report",
			Fingerprint: "style-emoji:2:0",
		}),
		diag(rp, src, longComma, lint.Diagnostic{
			Rule: "halfwidth-punct", Severity: lint.Warning,
			Message: `half-width "," in Chinese text`, MessageZh: "中文语境中使用了半角逗号“,”",
			Fixes:       []lint.Fix{{Message: `replace with "，"`, Safe: true, Edits: []lint.Edit{{Start: longComma.Start, End: longComma.End, New: "，"}}}},
			Fingerprint: "halfwidth-punct:5b5b:1",
		}),
		diag(rp, src, blank, lint.Diagnostic{
			Rule: "blank-lines", Severity: lint.Warning,
			Message: "2 blank lines in a row", MessageZh: "连续 2 个空行",
			Fixes:       []lint.Fix{{Message: "remove the extra blank line", Safe: true, Edits: []lint.Edit{{Start: blank.Start, End: blank.End}}}},
			Fingerprint: "blank-lines:0:0",
		}),
	}}
	dup := diag(np, notes, notesSp, lint.Diagnostic{
		Rule: "space-before-punct", Severity: lint.Error,
		Message:     "space before \",\"\nin English text",
		Detail:      "expected:\t\"approved,\"\nfound:\t\"approved ,\"",
		Related:     []lint.Related{related(rp, src, span(t, src, "今年以来", 0), "same pattern, 同样的问题")},
		Fingerprint: "space-before-punct:ab:0",
	})
	// A finding about the whole file has no position.
	whole := lint.Diagnostic{
		Rule: "mojibake", Severity: lint.Error, Path: np,
		Message: "file mixes GBK and UTF-8", MessageZh: "文件混用了 GBK 与 UTF-8 编码",
		Fixes: []lint.Fix{}, Related: []lint.Related{}, Fingerprint: "mojibake:file:0",
	}
	notesFile := &lint.FileResult{Path: np, Diagnostics: []lint.Diagnostic{dup, whole}}
	clean := &lint.FileResult{Path: "clean.md", Format: lint.FormatMarkdown, Fixed: 2}

	return &lint.Result{
		Files: []*lint.FileResult{report, notesFile, clean},
		Errors: []*lint.FileError{
			{Path: "missing.md", Err: errors.New("open missing.md: no such file or directory")},
			{Path: rp, Rule: "broken-rule", Err: errors.New("panic: index out of range [3] with length 3")},
		},
		Rules: testRules(),
	}
}

func testRules() []*lint.Rule {
	return []*lint.Rule{
		{ID: "split-paragraph", Summary: "paragraph split in the middle of a sentence", SummaryZh: "段落在句中被拆开",
			Doc:      "PDF and Word extraction often breaks a paragraph where a page or a column ended.\nThe next paragraph then starts in the middle of a sentence.\n\nThe fix joins the two paragraphs. It is unsafe: a poem may break lines on purpose.",
			Category: "layout", Severity: lint.Info, Default: true},
		{ID: "halfwidth-punct", Summary: "half-width punctuation in Chinese text", SummaryZh: "中文语境中的半角标点",
			Doc:      "GB/T 15834 §5.1: Chinese text uses full-width punctuation.",
			Category: "punctuation", Severity: lint.Warning, Default: true},
		{ID: "mojibake", Summary: "garbled or invisible characters", Category: "encoding", Severity: lint.Error, Default: true},
		{ID: "blank-lines", Summary: "runs of blank lines and trailing whitespace", SummaryZh: "多余空行与行尾空白",
			Doc: "Blank lines\n\nSee the style guide.", Category: "layout", Severity: lint.Warning, Default: true},
		{ID: "fullwidth-alnum", Summary: "full-width letters and digits", Category: "style", Severity: lint.Warning},
	}
}

func emptyResult() *lint.Result {
	return &lint.Result{Files: []*lint.FileResult{{Path: "a.md"}, {Path: "b.txt"}}, Rules: testRules()[:1]}
}

func render(t *testing.T, format string, opts Options, r *lint.Result) []byte {
	t.Helper()
	rep, err := New(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Report(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name   string
		format string
		opts   Options
		result func(testing.TB) *lint.Result
	}{
		{"text.golden", "text", Options{}, fixture},
		{"text-en.golden", "text", Options{Lang: "en"}, fixture},
		{"text-zh.golden", "text", Options{Lang: "zh"}, fixture},
		{"text-color.golden", "text", Options{Color: true}, fixture},
		{"text-empty.golden", "text", Options{}, func(testing.TB) *lint.Result { return emptyResult() }},
		{"json.golden", "json", Options{}, fixture},
		{"json-empty.golden", "json", Options{}, func(testing.TB) *lint.Result { return emptyResult() }},
		{"sarif.golden", "sarif", Options{ToolVersion: "0.1.0"}, fixture},
		{"sarif-zh.golden", "sarif", Options{ToolVersion: "0.1.0", Lang: "zh"}, fixture},
		{"sarif-empty.golden", "sarif", Options{ToolVersion: "0.1.0"}, func(testing.TB) *lint.Result { return emptyResult() }},
		{"github.golden", "github", Options{}, fixture},
		{"github-empty.golden", "github", Options{}, func(testing.TB) *lint.Result { return emptyResult() }},
		{"gitlab.golden", "gitlab", Options{}, fixture},
		{"gitlab-empty.golden", "gitlab", Options{}, func(testing.TB) *lint.Result { return emptyResult() }},
		{"junit.golden", "junit", Options{}, fixture},
		{"junit-en.golden", "junit", Options{Lang: "en"}, fixture},
		{"junit-empty.golden", "junit", Options{}, func(testing.TB) *lint.Result { return emptyResult() }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.format, c.opts, c.result(t))
			golden(t, c.name, got)
			// Deterministic: a second run gives the same bytes.
			if again := render(t, c.format, c.opts, c.result(t)); !bytes.Equal(got, again) {
				t.Error("two runs differ")
			}
		})
	}
}

func TestNew(t *testing.T) {
	for _, f := range Formats() {
		if _, err := New(f, Options{}); err != nil {
			t.Errorf("New(%q): %v", f, err)
		}
	}
	_, err := New("xml", Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) || !strings.Contains(err.Error(), "text, json, sarif, github") {
		t.Errorf("unknown format: got %v, want an error naming it and listing the valid formats", err)
	}
	if _, err := New("text", Options{Lang: "fr"}); err == nil || !strings.Contains(err.Error(), "en, zh, both") {
		t.Errorf("unknown language: got %v", err)
	}
}

func TestMessageLang(t *testing.T) {
	cases := []struct{ lang, en, zh, want string }{
		{"en", "comma", "逗号", "comma"},
		{"zh", "comma", "逗号", "逗号"},
		{"zh", "comma", "", "comma"},
		{"both", "comma", "逗号", "comma — 逗号"},
		{"both", "comma", "", "comma"},
		{"both", "same", "same", "same"},
	}
	for _, c := range cases {
		o := Options{Lang: c.lang}
		if got := o.message(c.en, c.zh); got != c.want {
			t.Errorf("%s: message(%q, %q) = %q, want %q", c.lang, c.en, c.zh, got, c.want)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "docs", "a.md")
	out := filepath.Join(filepath.Dir(root), "elsewhere.md")
	cases := []struct{ root, path, want string }{
		{"", "docs/a.md", "docs/a.md"},
		{root, in, filepath.Join("docs", "a.md")},
		{root, out, out},
		{root, root, "."},
		{"docs", filepath.Join("docs", "a.md"), "a.md"},
		{"docs", "docs2/a.md", "docs2/a.md"},
		{"docs", "../x.md", "../x.md"},
	}
	for _, c := range cases {
		o := Options{Root: c.root}
		if got := o.displayPath(c.path); got != c.want {
			t.Errorf("root %q: displayPath(%q) = %q, want %q", c.root, c.path, got, c.want)
		}
	}
}
