package dedup

import (
	"fmt"
	"os"
	"slices"
	"testing"
)

func TestZZRare(t *testing.T) {
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
		// document frequency in a small table
		var cnt [1 << 16]uint16
		for _, k := range keys {
			if len(k) < 15 {
				continue
			}
			hs := zzGrams(k, n)
			slices.Sort(hs)
			for _, h := range slices.Compact(hs) {
				if cnt[h>>48] < 65535 {
					cnt[h>>48]++
				}
			}
		}
		rare := func(k []rune, s int) []uint64 {
			hs := zzGrams(k, n)
			slices.Sort(hs)
			hs = slices.Compact(hs)
			slices.SortFunc(hs, func(a, b uint64) int {
				if c := int(cnt[a>>48]) - int(cnt[b>>48]); c != 0 {
					return c
				}
				if a < b {
					return -1
				}
				return 1
			})
			return hs[:min(s, len(hs))]
		}
		for _, s := range []int{3, 4, 5, 6} {
			for _, mode := range []string{"single", "pairs", "count2"} {
				post := map[uint64][]int32{}
				cand := map[[2]int]int{}
				work, nanch := 0, 0
				for i, k := range keys {
					if len(k) < 15 {
						continue
					}
					as := rare(k, s)
					if mode == "pairs" {
						var ps []uint64
						for x := range as {
							for y := x + 1; y < len(as); y++ {
								ps = append(ps, splitmix64(as[x]^as[y]*3))
							}
						}
						as = ps
					}
					nanch += len(as)
					for _, a := range as {
						l := post[a]
						work += len(l)
						for _, j := range l {
							cand[[2]int{int(j), i}]++
						}
						post[a] = append(l, int32(i))
					}
				}
				need := 1
				if mode == "count2" {
					need = 2
				}
				nc, found := 0, 0
				for p, c := range cand {
					if c >= need {
						nc++
						if _, ok := truth[p]; ok {
							found++
						}
					}
				}
				fmt.Printf("n%d rare-%d %-6s anchors %7d work %8d cand %8d recall %d/%d\n", n, s, mode, nanch, work, nc, found, len(truth))
			}
		}
	}
}
