package dup

import (
	"fmt"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

func check(t *testing.T, name, src string) []lint.Diagnostic {
	t.Helper()
	doc := lint.Parse(name, []byte(src), lint.FormatFor(name))
	diags, errs := lint.Check(doc, Rules())
	for _, e := range errs {
		t.Fatal(e)
	}
	return diags
}

func fixAll(t *testing.T, name, src string, unsafe bool) string {
	t.Helper()
	out, _, _, err := lint.FixAll(lint.Parse(name, []byte(src), lint.FormatFor(name)), Rules(), unsafe)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func summary(ds []lint.Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d %s %s", d.Start.Line, d.Rule, d.Severity))
	}
	return strings.Join(out, "; ")
}

const (
	sA = "全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。"
	sB = "各级党组织要切实履行主体责任，层层传导压力，确保责任落实到位。"
	sC = "要把学习宣传贯彻全会精神作为当前和今后一个时期的重大政治任务。"
	sD = "持续优化营商环境，激发各类经营主体活力，增强发展内生动力。"
	sE = "加快建设全国构建新发展格局先行区，奋力推进中国式现代化湖北实践。"
	sF = "统筹推进城乡融合发展，扎实推进乡村全面振兴取得新进展。"
	sG = "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。"
)

// Copies in one paragraph or adjacent ones are errors, copies farther
// apart warnings (error-distance 1).
func TestSeverityByDistance(t *testing.T) {
	src := sA + sB + "\n\n" + sC + "\n\n" + sD + "\n\n" + sE + sA + "\n\n" + sF + sB + sG + "\n"
	got := summary(check(t, "d.txt", src))
	want := "7 duplicate-sentence warning; 9 duplicate-sentence warning"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	src = sA + "\n\n" + sC + sA + "\n"
	if got, want := summary(check(t, "d.txt", src)), "3 duplicate-sentence error"; got != want {
		t.Errorf("adjacent: got %s, want %s", got, want)
	}
}

// A paragraph pasted twice is one paragraph finding, not one finding per
// sentence; the sentence rule still reports a sentence of it found
// elsewhere.
func TestParagraphCopyOwnsItsSentences(t *testing.T) {
	p := sA + sB + sC
	src := p + "\n\n" + sD + "\n\n" + p + "\n\n" + sE + sB + "\n"
	got := summary(check(t, "p.txt", src))
	if want := "5 duplicate-paragraph error; 7 duplicate-sentence error"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	fixed := fixAll(t, "p.txt", src, false)
	if want := p + "\n\n" + sD + "\n\n" + sE + "\n"; fixed != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", fixed, want)
	}
}

// Two paragraphs that differ only in a figure are a template (or a figure
// to check), not copies to delete: their shared sentences are not
// reported, the figure is.
func TestFigureVariantParagraphs(t *testing.T) {
	p1 := sA + "全省地区生产总值比上年增长5.2%，增速高于全国平均水平。" + sB
	p2 := sA + "全省地区生产总值比上年增长5.0%，增速高于全国平均水平。" + sB
	src := p1 + "\n\n" + sC + "\n\n" + p2 + "\n"
	got := summary(check(t, "n.txt", src))
	if want := "5 near-duplicate-number info"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if fixed := fixAll(t, "n.txt", src, true); fixed != src {
		t.Errorf("fixes changed a figure variant:\n%s", fixed)
	}
}

// A sentence found more than max-copies times is boilerplate: one warning,
// no fix.
func TestRefrain(t *testing.T) {
	var b strings.Builder
	for _, s := range []string{sB, sC, sD, sE, sF, sG} {
		fmt.Fprintf(&b, "%s以上数据来源于国家统计局年度统计公报。\n\n", s)
	}
	ds := check(t, "r.txt", b.String())
	n := 0
	for _, d := range ds {
		if strings.Contains(d.Message, "occurs 6 times") {
			n++
			if d.Severity != lint.Warning || len(d.Fixes) != 0 || len(d.Related) != maxRelated {
				t.Errorf("refrain finding: %s, %d fixes, %d related", d.Severity, len(d.Fixes), len(d.Related))
			}
			continue
		}
		if d.Rule != DuplicateSentence.ID {
			t.Errorf("unexpected %s: %s", d.Rule, d.Message)
		}
	}
	if n != 1 {
		t.Errorf("%d refrain findings, want 1: %s", n, summary(ds))
	}
}

// Fixes never touch a comment, and a paragraph deletion keeps CRLF line
// endings.
func TestFixEdges(t *testing.T) {
	src := sA + "\n\n" + sA + "<!-- 保留这条注释 -->\n"
	ds := check(t, "c.txt", src)
	if len(ds) != 1 || len(ds[0].Fixes) != 0 {
		t.Errorf("a paragraph sharing its line with a comment must be reported without a fix: %+v", ds)
	}
	crlf := sA + "\r\n\r\n" + sC + "\r\n\r\n" + sA + "\r\n\r\n" + sD + "\r\n"
	if got, want := fixAll(t, "c.txt", crlf, false), sA+"\r\n\r\n"+sC+"\r\n\r\n"+sD+"\r\n"; got != want {
		t.Errorf("CRLF: got %q\nwant %q", got, want)
	}
	last := sA + "\n\n" + sC + "\n\n" + sA
	if got, want := fixAll(t, "c.txt", last, false), sA+"\n\n"+sC; got != want {
		t.Errorf("last paragraph without newline: got %q, want %q", got, want)
	}
}

// The keeper: the first copy, unless a later one contains it.
func TestKeeper(t *testing.T) {
	short := "湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。"
	long := "近年来，中共" + short
	src := short + sB + long + "\n"
	if got, want := fixAll(t, "k.txt", src, true), sB+long+"\n"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	src = long + sB + short + "\n"
	if got, want := fixAll(t, "k.txt", src, true), long+sB+"\n"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
