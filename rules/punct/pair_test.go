package punct

import (
	"testing"

	"github.com/draftlint/draftlint/lint"
)

func checkText(t *testing.T, src string, r *lint.Rule) (*lint.Document, []lint.Diagnostic) {
	t.Helper()
	doc := lint.Parse("t.txt", []byte(src), lint.FormatText)
	diags, errs := lint.Check(doc, []*lint.Rule{r})
	for _, e := range errs {
		t.Fatal(e)
	}
	return doc, diags
}

func text(doc *lint.Document, s lint.Span) string { return string(doc.Src[s.Start:s.End]) }

// The finding points at the lone mark; Related says where the partner was
// expected.
func TestPairRelated(t *testing.T) {
	cases := []struct {
		src, mark string
		related   []string
	}{
		{"他说：“我们要努力。\n", "“", []string{"。"}},
		{"体系（以下简称《意见）明确。\n", "《", []string{"）"}},
		{"要做到“学习‘贯彻”落实’相统一。\n", "‘", []string{"”", "’"}},
		{"（工作安排》）。\n", "》", []string{"（"}},
		{"工作安排》。\n", "》", nil},
		{"深入推进“放管服’改革。\n", "“", []string{"’"}},
	}
	for _, c := range cases {
		doc, diags := checkText(t, c.src, UnbalancedPair)
		if len(diags) != 1 {
			t.Errorf("%q: %d findings, want 1: %v", c.src, len(diags), diags)
			continue
		}
		d := diags[0]
		if got := text(doc, d.Span); got != c.mark {
			t.Errorf("%q: finding on %q, want %q", c.src, got, c.mark)
		}
		if len(d.Related) != len(c.related) {
			t.Errorf("%q: %d related, want %d", c.src, len(d.Related), len(c.related))
			continue
		}
		for i, r := range d.Related {
			if got := text(doc, r.Span); got != c.related[i] {
				t.Errorf("%q: related %d on %q, want %q", c.src, i, got, c.related[i])
			}
		}
	}
}

// A quotation cut by a page break, with a photo caption between the two
// halves, is one paragraph once the layout analysis says so.
func TestPairAcrossSplit(t *testing.T) {
	src := "省政协委员表示：“作为一名职业教育工作者，要把培养更多专业人才\n\n" +
		"7月22日，湖北省政协召开会议。\n\n" +
		"作为使命，助力新质生产力发展。”\n"
	_, diags := checkText(t, src, UnbalancedPair)
	if len(diags) != 0 {
		t.Errorf("the layout analysis joins the halves, yet: %v", diags)
	}
	old := paragraphSplits
	defer func() { paragraphSplits = old }()
	paragraphSplits = func(*lint.Document) [][2]int { return nil }
	_, diags = checkText(t, src, UnbalancedPair)
	if len(diags) != 2 {
		t.Errorf("without the split: %d findings, want 2 (the open and the close)", len(diags))
	}
	paragraphSplits = func(*lint.Document) [][2]int { return [][2]int{{0, 2}} }
	_, diags = checkText(t, src, UnbalancedPair)
	if len(diags) != 0 {
		t.Errorf("with the split injected: %v", diags)
	}
	// Adjacent halves need no analysis: the second closes what the first
	// left open.
	_, diags = checkText(t, "他说：“要把培养更多专业人才\n\n作为使命。”\n", UnbalancedPair)
	if len(diags) != 0 {
		t.Errorf("adjacent halves: %v", diags)
	}
}
