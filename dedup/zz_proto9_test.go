package dedup

import (
	"fmt"
	"math/bits"
	"os"
	"testing"
)

func TestZZOPH2(t *testing.T) {
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
		for i, k := range keys {
			if len(k) < 15 {
				continue
			}
			for _, a := range anchors(k) {
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
		fmt.Printf("%-28s cand %8d recall %d/%d\n", name, len(cand), found, len(truth))
	}
	var offs [64]int
	x := uint64(12345)
	for i := range offs {
		x = splitmix64(x)
		offs[i] = int(x % 64)
	}
	oph := func(n, bands, r int, mode int) func(k []rune) []uint64 {
		K := bands * r
		full := uint64(1)<<K - 1
		if K == 64 {
			full = ^uint64(0)
		}
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
			var den [64]uint64
			for i := 0; i < K; i++ {
				if mask>>i&1 != 0 {
					den[i] = bins[i]
					continue
				}
				start := i
				if mode == 1 {
					start = offs[i] % K
				}
				rot := (mask>>start | mask<<(K-start)) & full
				d := bits.TrailingZeros64(rot)
				j := (start + d) % K
				den[i] = bins[j]
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
		eval(fmt.Sprintf("oph%d-21x3-rot", n), oph(n, 21, 3, 0))
		eval(fmt.Sprintf("oph%d-21x3-rand", n), oph(n, 21, 3, 1))
		eval(fmt.Sprintf("oph%d-16x3-rand", n), oph(n, 16, 3, 1))
		eval(fmt.Sprintf("oph%d-32x2-rand", n), oph(n, 32, 2, 1))
		eval(fmt.Sprintf("oph%d-20x3-rand", n), oph(n, 20, 3, 1))
	}
}
