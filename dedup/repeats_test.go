package dedup

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestLine77(t *testing.T) {
	para := strings.TrimSpace(readTestdata(t, "sample-line77.txt"))
	sents := splitSentences(para)
	if len(sents) != 3 {
		t.Fatalf("want 3 sentences, got %d", len(sents))
	}
	var units []Unit
	for _, s := range sents {
		units = append(units, Unit{Text: s})
	}
	res := FindRepeats(units, SentenceOptions())
	if len(res.Groups) != 1 || len(res.Groups[0].Units) != 3 {
		t.Fatalf("groups = %+v", res.Groups)
	}
	if g := res.Groups[0]; g.Keeper != 0 {
		t.Errorf("keeper = %d, want 0 (the complete first copy)", g.Keeper)
	}
	want := map[[2]int]Relation{{0, 1}: Contained, {1, 2}: Exact}
	for _, p := range res.Pairs {
		t.Logf("%d-%d %v edit %.3f contain %.3f jaccard %.3f keeper %d", p.A, p.B, p.Relation, p.EditSim, p.Containment, p.Jaccard, p.Keeper)
		if r, ok := want[[2]int{p.A, p.B}]; ok {
			if r != p.Relation {
				t.Errorf("pair %d-%d: %v, want %v", p.A, p.B, p.Relation, r)
			}
			delete(want, [2]int{p.A, p.B})
		}
		if p.A == 0 && p.Keeper != 0 {
			t.Errorf("pair %d-%d keeper %d, want 0", p.A, p.B, p.Keeper)
		}
	}
	if len(want) != 0 {
		t.Errorf("missing pairs %v", want)
	}
	d := CharDiff(sents[0], sents[1])
	t.Log(d)
	if !strings.HasPrefix(d, "[-近年来，中共-]湖北省委、省政府") || !strings.HasSuffix(d, "…") {
		t.Errorf("diff = %q", d)
	}
	// The keeper also comes out right when the complete copy is not first.
	units[0], units[1] = units[1], units[0]
	res = FindRepeats(units, SentenceOptions())
	if len(res.Groups) != 1 || res.Groups[0].Keeper != 1 {
		t.Errorf("reordered: groups = %+v", res.Groups)
	}
}

func FuzzFindRepeats(f *testing.F) {
	f.Add("近年来，中共湖北省委、省政府将数字经济放在全局突出位置。湖北省委、省政府将数字经济放在全局突出位置。", 1)
	f.Add("2023年增长5.2%，达到一千亿元规模。2024年增长5.0%，达到一千亿元规模。", 0)
	f.Add("a。b。c", 2)
	f.Fuzz(func(t *testing.T, text string, mode int) {
		sents := splitSentences(text)
		if len(sents) > 200 {
			return
		}
		units := make([]Unit, len(sents))
		for i, s := range sents {
			units[i] = Unit{Text: s, Group: i % 2}
		}
		opt := FindOptions{MinRunes: 4, SameGroup: mode&1 != 0}
		if mode&2 != 0 {
			opt.PairwiseMax = 1
		}
		r1 := FindRepeats(units, opt)
		r2 := FindRepeats(units, opt)
		if !reflect.DeepEqual(r1, r2) {
			t.Fatal("not deterministic")
		}
		for _, p := range r1.Pairs {
			if p.A >= p.B || (p.Keeper != p.A && p.Keeper != p.B) || p.Relation < Exact || p.Relation > NumberVariant {
				t.Fatalf("bad pair %+v", p)
			}
			if opt.SameGroup && units[p.A].Group != units[p.B].Group {
				t.Fatalf("pair across groups %+v", p)
			}
		}
		for _, g := range r1.Groups {
			if !slices.IsSorted(g.Units) || !slices.Contains(g.Units, g.Keeper) {
				t.Fatalf("bad group %+v", g)
			}
		}
	})
}

func TestEnglishAndMixed(t *testing.T) {
	texts := []string{
		"The committee approved the annual budget after a long debate on Tuesday.",
		"The committee approved the anual budget after a long debate on Tuesday!",              //nolint:misspell // near: one typo
		"In the end, the committee approved the annual budget after a long debate on Tuesday.", // contains the first
		"The weather was pleasant and the market opened early on the first day of spring.",     // unrelated
		"2023年GDP增长5.2%，数字经济核心产业增加值占比达到10%以上。",
		"2024年GDP增长5.0%，数字经济核心产业增加值占比达到12%以上。", // number variant
	}
	units := make([]Unit, len(texts))
	for i, s := range texts {
		units[i] = Unit{Text: s}
	}
	got := map[[2]int]Relation{}
	for _, p := range FindRepeats(units, SentenceOptions()).Pairs {
		got[[2]int{p.A, p.B}] = p.Relation
		if p.A == 0 && p.B == 2 && p.Keeper != 2 {
			t.Errorf("keeper of 0-2 is %d, want the longer 2", p.Keeper)
		}
	}
	want := map[[2]int]Relation{{0, 1}: Near, {0, 2}: Contained, {1, 2}: Contained, {4, 5}: NumberVariant}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pairs %v, want %v", got, want)
	}
}
