package dedup

import (
	"fmt"
	"os"
	"slices"
	"testing"
)

func TestZZCombos(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	units := zzUnits(t)
	truth := zzTruth(t)
	keys := make([][]rune, len(units))
	for i, u := range units {
		keys[i] = Normalize(u.Text, 0)
	}
	eval := func(name string, anchors func(k []rune) []uint64) {
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
				for _, j := range l {
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
		fmt.Printf("%-24s anchors %7d lists %7d maxlist %5d cand %8d recall %d/%d\n", name, nanch, len(post), mx, len(cand), found, len(truth))
	}
	combos := func(n, s, c int) func(k []rune) []uint64 {
		return func(k []rune) []uint64 {
			hs := zzBigrams(k, n)
			slices.Sort(hs)
			hs = slices.Compact(hs)
			hs = hs[:min(s, len(hs))]
			var out []uint64
			if c == 2 {
				for i := range hs {
					for j := i + 1; j < len(hs); j++ {
						out = append(out, splitmix64(hs[i]^hs[j]*3))
					}
				}
			} else {
				for i := range hs {
					for j := i + 1; j < len(hs); j++ {
						for l := j + 1; l < len(hs); l++ {
							out = append(out, splitmix64(hs[i]^hs[j]*3^hs[l]*5))
						}
					}
				}
			}
			return out
		}
	}
	// One-permutation hashing: K bins, rotation densification, bands of r.
	oph := func(n, K, bands, r int) func(k []rune) []uint64 {
		return func(k []rune) []uint64 {
			hs := zzBigrams(k, n)
			bins := make([]uint64, K)
			for i := range bins {
				bins[i] = ^uint64(0)
			}
			for _, h := range hs {
				b := (h >> 32) * uint64(K) >> 32
				bins[b] = min(bins[b], h)
			}
			den := make([]uint64, K)
			for i := range bins {
				j, d := i, 0
				for bins[j] == ^uint64(0) {
					j = (j + 1) % K
					d++
				}
				den[i] = bins[j] + uint64(d)*0x9E3779B97F4A7C15
			}
			var out []uint64
			for b := 0; b < bands; b++ {
				h := uint64(b) << 40
				for _, v := range den[b*r : b*r+r] {
					h = splitmix64(h ^ v)
				}
				out = append(out, h)
			}
			return out
		}
	}
	for _, n := range []int{2, 3} {
		eval(fmt.Sprintf("pairs%d-6", n), combos(n, 6, 2))
		eval(fmt.Sprintf("pairs%d-8", n), combos(n, 8, 2))
		eval(fmt.Sprintf("triples%d-8", n), combos(n, 8, 3))
		eval(fmt.Sprintf("oph%d-64-21x3", n), oph(n, 64, 21, 3))
		eval(fmt.Sprintf("oph%d-32-16x2", n), oph(n, 32, 16, 2))
		eval(fmt.Sprintf("oph%d-48-16x3", n), oph(n, 48, 16, 3))
	}
}
