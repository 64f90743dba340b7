package dedup

import (
	"fmt"
	"os"
	"slices"
	"testing"
)

func zzGrams(key []rune, n int) []uint64 {
	var hs []uint64
	for i := n - 1; i < len(key); i++ {
		x := uint64(0)
		for _, r := range key[i-n+1 : i+1] {
			x = x*0x100000001B3 + uint64(r)
		}
		hs = append(hs, splitmix64(x))
	}
	return hs
}

func TestZZLong(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	units := zzUnits(t)
	truth := zzTruth(t)
	keys := make([][]rune, len(units))
	for i, u := range units {
		keys[i] = Normalize(u.Text, 0)
	}
	eval := func(name string, anchors func(k []rune) []uint64, cap int) {
		post := map[uint64][]int32{}
		cand := map[[2]int]bool{}
		nanch := 0
		for i, k := range keys {
			if len(k) < 15 {
				continue
			}
			as := anchors(k)
			nanch += len(as)
			for _, a := range as {
				l := post[a]
				for _, j := range l[max(0, len(l)-cap):] {
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
		mx := 0
		for _, l := range post {
			mx = max(mx, len(l))
		}
		fmt.Printf("%-24s cap %5d anchors %7d lists %7d maxlist %5d cand %8d recall %d/%d\n", name, cap, nanch, len(post), mx, len(cand), found, len(truth))
	}
	bottom := func(n, s int) func(k []rune) []uint64 {
		return func(k []rune) []uint64 {
			hs := zzGrams(k, n)
			slices.Sort(hs)
			hs = slices.Compact(hs)
			return hs[:min(s, len(hs))]
		}
	}
	for _, cap := range []int{16, 1 << 20} {
		for _, n := range []int{4, 5, 6} {
			for _, s := range []int{4, 6, 8} {
				eval(fmt.Sprintf("bottom%d-%d", n, s), bottom(n, s), cap)
			}
		}
	}
}
