package dedup

import (
	"fmt"
	"os"
	"testing"
)

func TestExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	c := loadCorpus(t)
	var units []Unit
	for _, s := range c.sentences {
		units = append(units, Unit{Text: s})
	}
	fmt.Println("sentences", len(units))
	for _, mr := range []int{6, 10, 15} {
		o := FindOptions{MinRunes: mr, PairwiseMax: 100000}
		res := FindRepeats(units, o)
		fmt.Println("MinRunes", mr, "pairs", len(res.Pairs))
		for _, p := range res.Pairs {
			fmt.Printf("  %v e%.2f c%.2f j%.2f\n    %s\n    %s\n", p.Relation, p.EditSim, p.Containment, p.Jaccard, units[p.A].Text, units[p.B].Text)
		}
	}
}
