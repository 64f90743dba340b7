package dedup

import (
	"fmt"
	"os"
	"testing"
)

func TestZZBands(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	units := zzUnits(t)
	truth := zzTruth(t)
	keys := make([][]rune, len(units))
	for i, u := range units {
		keys[i] = Normalize(u.Text, 0)
	}
	for _, n := range []int{2, 3} {
		sigs := make([]Signature, len(keys))
		for i, k := range keys {
			if len(k) < 15 {
				continue
			}
			sigs[i].Reset()
			sigs[i].Add(zzGrams(k, n))
		}
		for _, cfg := range [][2]int{{21, 3}, {16, 3}, {12, 3}, {32, 3}, {10, 2}, {16, 2}, {24, 2}, {30, 4}} {
			bands, rows := cfg[0], cfg[1]
			post := map[uint64][]int32{}
			cand := map[[2]int]bool{}
			for i, k := range keys {
				if len(k) < 15 {
					continue
				}
				for _, a := range sigs[i].BandKeys(nil, bands, rows) {
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
			fmt.Printf("minhash n%d %2dx%d cand %8d recall %d/%d\n", n, bands, rows, len(cand), found, len(truth))
		}
	}
}
