package dedup

import (
	"fmt"
	"os"
	"testing"
)

func TestZZCurrent(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	units := zzUnits(t)
	truth := zzTruth(t)
	keys := make([][]rune, len(units))
	for i, u := range units {
		keys[i] = Normalize(u.Text, 0)
	}
	const bands, rows = 21, 3
	post := map[uint64][]int32{}
	cand := map[[2]int]bool{}
	sh := lshShingling
	var sig Signature
	for i, k := range keys {
		if len(k) < 15 || !sh.Eligible(k) {
			continue
		}
		hs := sh.Append(nil, k)
		sig.Reset()
		sig.addFirst(hs, bands*rows+3)
		for _, a := range sig.BandKeys(nil, bands, rows) {
			l := post[a]
			for _, j := range l[max(0, len(l)-64):] {
				cand[[2]int{int(j), i}] = true
			}
			post[a] = append(l, int32(i))
		}
	}
	found := 0
	for p := range truth {
		if cand[p] {
			found++
		}
	}
	fmt.Println("current cand", len(cand), "recall", found, len(truth))
}
