package dedup

import (
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

func TestCharDiff(t *testing.T) {
	cases := []struct{ a, b, want string }{
		{"", "", ""},
		{"相同", "相同", "相同"},
		{"湖北省委", "中共湖北省委", "{+中共+}湖北省委"},
		{"近年来，中共湖北省委、省政府", "湖北省委、省政府", "[-近年来，中共-]湖北省委、省政府"},
		{"2023年增长5.2%", "2024年增长5.0%", "202[-3-]{+4+}年增长5.[-2-]{+0+}%"},
		// Long unchanged stretches keep ten runes next to each change.
		{"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
			"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸X子丑寅卯辰巳午未申酉戌亥",
			"…甲乙丙丁戊己庚辛壬癸{+X+}子丑寅卯辰巳午未申酉…"},
		{"数字经济强省三年行动计划数字经济促进办法数字化流域建设行动计划等文件，实施行动",
			"数字经济强省三年行动计划数字经济促进办法数字化流域建设行动计划等文件，实施“数字化湖北”行动",
			"…行动计划等文件，实施{+“数字化湖北”+}行动"},
		{"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅", "一二三四五六七八九十…丁戊己庚辛壬癸子丑寅"},
	}
	for _, c := range cases {
		if got := CharDiff(c.a, c.b); got != c.want {
			t.Errorf("CharDiff(%q, %q)\n got %q\nwant %q", c.a, c.b, got, c.want)
		}
	}
}

func FuzzCharDiff(f *testing.F) {
	f.Add("近年来，中共湖北省委、省政府", "湖北省委、省政府")
	f.Add("2023年增长5.2%", "2024年增长5.0%")
	f.Add("abc", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 500 || len(b) > 500 {
			return
		}
		// The operations rebuild both texts (for valid UTF-8), and the
		// rendering is deterministic.
		var ra, rb strings.Builder
		for _, d := range charDiffOps(a, b) {
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				ra.WriteString(d.Text)
			case diffmatchpatch.DiffInsert:
				rb.WriteString(d.Text)
			default:
				ra.WriteString(d.Text)
				rb.WriteString(d.Text)
			}
		}
		if strings.ToValidUTF8(a, "\uFFFD") == a && strings.ToValidUTF8(b, "\uFFFD") == b {
			if ra.String() != a || rb.String() != b {
				t.Fatalf("ops rebuild %q/%q, want %q/%q", ra.String(), rb.String(), a, b)
			}
		}
		if first, again := CharDiff(a, b), CharDiff(a, b); first != again {
			t.Fatal("not deterministic")
		}
	})
}

func TestCompareAndKeeper(t *testing.T) {
	sents := splitSentences(readTestdata(t, "sample-line77.txt"))
	s := Compare(sents[0], sents[1])
	if s.Containment != 1 || s.EditSim < 0.94 || s.Jaccard < 0.9 {
		t.Errorf("Compare = %+v", s)
	}
	if k := ClusterKeeper([]string{sents[1], sents[0], sents[2]}); k != 1 {
		t.Errorf("ClusterKeeper = %d, want 1 (the complete copy)", k)
	}
	if k := ClusterKeeper([]string{sents[1], sents[2]}); k != 0 {
		t.Errorf("ClusterKeeper of equal copies = %d, want 0", k)
	}
	if ClusterKeeper(nil) != -1 {
		t.Error("ClusterKeeper(nil)")
	}
}
