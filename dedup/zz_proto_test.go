package dedup

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/draftlint/draftlint/internal/benchdata"
	"github.com/draftlint/draftlint/lint"
)

func zzUnits(tb testing.TB) []Unit {
	src, err := benchdata.Chinese("..", 4<<20)
	if err != nil {
		tb.Fatal(err)
	}
	doc := lint.Parse("bench.txt", src, lint.FormatText)
	var units []Unit
	seen := map[string]bool{}
	for _, s := range doc.Sentences() {
		b := s.Block
		if b.Kind != lint.Paragraph && b.Kind != lint.ListItem && b.Kind != lint.Quote {
			continue
		}
		t := b.Text()[s.Start:s.End]
		if seen[t] {
			continue
		}
		seen[t] = true
		units = append(units, Unit{Text: t, Group: b.Index})
	}
	return units
}

func TestZZTruth(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	units := zzUnits(t)
	t0 := time.Now()
	pw := FindRepeats(units, FindOptions{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30})
	t1 := time.Now()
	ls := FindRepeats(units, FindOptions{})
	t2 := time.Now()
	fmt.Println("pairwise", t1.Sub(t0), "lsh", t2.Sub(t1))
	set := func(r Repeats) map[[2]int]Relation {
		m := map[[2]int]Relation{}
		for _, p := range r.Pairs {
			m[[2]int{p.A, p.B}] = p.Relation
		}
		return m
	}
	a, b := set(pw), set(ls)
	miss, extra := 0, 0
	cnt := map[Relation]int{}
	for k, r := range a {
		cnt[r]++
		if _, ok := b[k]; !ok {
			miss++
			if miss < 10 {
				fmt.Println("miss", r, units[k[0]].Text, "|", units[k[1]].Text)
			}
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			extra++
		}
	}
	fmt.Println("truth", cnt, "lsh miss", miss, "extra", extra)
	f, _ := os.Create("/tmp/truth.txt")
	for _, p := range pw.Pairs {
		fmt.Fprintf(f, "%d %d %d\n", p.A, p.B, p.Relation)
	}
	f.Close()
}

func BenchmarkZZKeyOld(b *testing.B) {
	units := zzUnits(b)
	var k []rune
	st := benchdata.CPUTime()
	for b.Loop() {
		k = k[:0]
		for _, u := range units {
			k = AppendKey(k, u.Text, 0)
		}
	}
	benchdata.ReportCPU(b, 4<<20, b.N, st)
}

func BenchmarkZZKeyNew(b *testing.B) {
	units := zzUnits(b)
	var k []rune
	st := benchdata.CPUTime()
	for b.Loop() {
		k = k[:0]
		for _, u := range units {
			k = appendKeyPlain(k, u.Text)
		}
	}
	benchdata.ReportCPU(b, 4<<20, b.N, st)
}
