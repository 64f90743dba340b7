package rules

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// fuzzMaxLen bounds the text one fuzz input lints, to keep executions fast.
const fuzzMaxLen = 4096

// fuzzDoc parses text as plain text, Markdown or a Word document (one
// paragraph per line, "# " lines as headings).
func fuzzDoc(src string, format uint8) *lint.Document {
	switch format % 3 {
	case 1:
		return lint.Parse("f.md", []byte(src), lint.FormatMarkdown)
	case 2:
		var paras []lint.SourceParagraph
		for _, line := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
			p := lint.SourceParagraph{Text: line, Kind: lint.Paragraph}
			if rest, ok := strings.CutPrefix(line, "# "); ok {
				p = lint.SourceParagraph{Text: rest, Kind: lint.Heading, Level: 1}
			}
			paras = append(paras, p)
		}
		return lint.ParseParagraphs("f.docx", paras)
	}
	return lint.Parse("f.txt", []byte(src), lint.FormatText)
}

// FuzzFixAll applies every rule's fixes, safe and unsafe, to arbitrary
// text and lints again until nothing changes: no rule panics or fails, no
// rule proposes an invalid fix (out of range, overlapping, into code), the
// loop settles within its cap, the result is valid UTF-8, and fixing the
// result again changes nothing.
func FuzzFixAll(f *testing.F) {
	if b, err := os.ReadFile("../testdata/sample-report.txt"); err == nil {
		paras := strings.Split(string(b), "\n\n")
		for i, p := range paras {
			if i < 12 {
				f.Add(p, uint8(i))
			}
		}
	}
	for _, s := range []string{
		"", "会议审议了工作安排(草案),研究落实。\n\n\n\n第二段  \n", "# 标题\n\n正文……。\n\n- 列表项,\n", "全会精神作为当前和今\n\n后一个时期的重大任务。",
		"算力规模达到6E(1E=100亿)次，增长２０％。", "“引号’和《书名〉不配对", "English text , with spaces .And more", "Ａｂｃ１２３　全角",
		"重复的句子。重复的句子。重复的句子。", "```\ncode(x)\n```\n正文(括号)", "<!-- draftlint-disable halfwidth-punct -->\n(括号)\n", "既要加强、也要落实。",
	} {
		for format := uint8(0); format < 3; format++ {
			f.Add(s, format)
		}
	}
	// Every rule that can be on in the default profile, default or not:
	// the rules of the other profile contradict some of these by design
	// (cjk-latin-spacing against cjk-latin-spacing-mixed).
	var all []*lint.Rule
	for _, r := range All() {
		if len(r.Profiles) == 0 || r.DefaultIn("official") {
			all = append(all, r)
		}
	}
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		// The loader only ever hands rules valid UTF-8; keep the mutated
		// input useful rather than dropping it.
		src = strings.ToValidUTF8(src, "\uFFFD")
		if len(src) > fuzzMaxLen {
			k := fuzzMaxLen
			for k > 0 && !utf8.RuneStart(src[k]) {
				k--
			}
			src = src[:k]
		}
		doc := fuzzDoc(src, format)
		fixed, _, _, err := lint.FixAll(doc, all, true)
		if err != nil {
			t.Fatalf("%v\ninput %q (format %d)", err, src, format%3)
		}
		if !utf8.Valid(fixed) {
			t.Fatalf("fixed text is not UTF-8: %q", fixed)
		}
		again, _, n, err := lint.FixAll(fuzzDoc(string(fixed), format), all, true)
		// A Word document's text has no heading markers, so re-reading it
		// as lines turns a heading that began with "# " into a plain
		// paragraph: there only "no more fixes" is meaningful, and not
		// even that when there was a heading (a paragraph meets rules a
		// heading does not, the duplicate ones among them).
		docx := format%3 == 2
		lostHeading := docx && (strings.HasPrefix(src, "# ") || strings.Contains(src, "\n# "))
		sameText := docx || bytes.Equal(again, fixed)
		if err != nil || n != 0 && !lostHeading || !sameText {
			t.Fatalf("fixing the fixed text again: %d more fixes, %v\ninput %q\nfixed %q\nagain %q", n, err, src, fixed, again)
		}
	})
}
