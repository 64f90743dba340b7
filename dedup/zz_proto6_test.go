package dedup

import (
	"fmt"
	"math/bits"
	"os"
	"testing"
)

func TestZZOPH(t *testing.T) {
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
	oph := func(n, bands, r int, offset bool) func(k []rune) []uint64 {
		K := bands * r
		return func(k []rune) []uint64 {
			hs := zzGrams(k, n)
			var bins [64]uint64
			for i := range bins {
				bins[i] = ^uint64(0)
			}
			var mask uint64
			for _, h := range hs {
				b := (h >> 32) * uint64(K) >> 32
				bins[b] = min(bins[b], h)
				mask |= 1 << b
			}
			full := uint64(1)<<K - 1
			var den [64]uint64
			for i := 0; i < K; i++ {
				if mask>>i&1 != 0 {
					den[i] = bins[i]
					continue
				}
				// next nonempty to the right, circular over K
				rot := (mask>>i | mask<<(K-i)) & full
				d := bits.TrailingZeros64(rot)
				j := (i + d) % K
				den[i] = bins[j]
				if offset {
					den[i] += uint64(d) * 0x9E3779B97F4A7C15
				}
			}
			var out []uint64
			for b := 0; b < bands; b++ {
				h := uint64(b) << 40
				for x := 0; x < r; x++ {
					h = splitmix64(h ^ den[b+x*bands])
				}
				out = append(out, h)
			}
			return out
		}
	}
	for _, n := range []int{2, 3} {
		eval(fmt.Sprintf("oph%d-21x3", n), oph(n, 21, 3, true), 64)
		eval(fmt.Sprintf("oph%d-21x3-nooff", n), oph(n, 21, 3, false), 64)
		eval(fmt.Sprintf("oph%d-16x3", n), oph(n, 16, 3, true), 64)
		eval(fmt.Sprintf("oph%d-16x4", n), oph(n, 16, 4, true), 64)
		eval(fmt.Sprintf("oph%d-12x4", n), oph(n, 12, 4, true), 64)
		eval(fmt.Sprintf("oph%d-30x2", n), oph(n, 30, 2, true), 64)
	}
}
