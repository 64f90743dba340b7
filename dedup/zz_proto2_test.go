package dedup

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"testing"
)

func zzTruth(t *testing.T) map[[2]int]Relation {
	f, err := os.Open("/tmp/truth.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[[2]int]Relation{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a, b, r int
		fmt.Sscan(sc.Text(), &a, &b, &r)
		if Relation(r) != NumberVariant && Relation(r) != Exact {
			m[[2]int{a, b}] = Relation(r)
		}
	}
	return m
}

func zzBigrams(key []rune, n int) []uint64 {
	var hs []uint64
	for i := n - 1; i < len(key); i++ {
		x := uint64(0)
		for _, r := range key[i-n+1 : i+1] {
			x = x<<21 | uint64(r)
		}
		hs = append(hs, splitmix64(x))
	}
	return hs
}

func TestZZAnchors(t *testing.T) {
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
				if len(l) >= cap {
					post[a] = append(l, int32(i))
					continue
				}
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
		big := 0
		for _, l := range post {
			if len(l) > cap {
				big++
			}
		}
		fmt.Printf("%-24s cap %4d anchors %7d lists %7d saturated %5d cand %8d recall %d/%d\n", name, cap, nanch, len(post), big, len(cand), found, len(truth))
	}
	bottom := func(n, s int) func(k []rune) []uint64 {
		return func(k []rune) []uint64 {
			hs := zzBigrams(k, n)
			slices.Sort(hs)
			hs = slices.Compact(hs)
			return hs[:min(s, len(hs))]
		}
	}
	winnow := func(n, w int) func(k []rune) []uint64 {
		return func(k []rune) []uint64 {
			hs := zzBigrams(k, n)
			var out []uint64
			last := -1
			for i := 0; i+w <= len(hs); i++ {
				m := i
				for j := i; j < i+w; j++ {
					if hs[j] <= hs[m] {
						m = j
					}
				}
				if m != last {
					out = append(out, hs[m])
					last = m
				}
			}
			if len(hs) < w && len(hs) > 0 {
				out = append(out, slices.Min(hs))
			}
			slices.Sort(out)
			return slices.Compact(out)
		}
	}
	for _, cap := range []int{8, 32, 1 << 30} {
		for _, s := range []int{4, 6, 8} {
			eval(fmt.Sprintf("bottom2-%d", s), bottom(2, s), cap)
			eval(fmt.Sprintf("bottom3-%d", s), bottom(3, s), cap)
		}
		for _, w := range []int{4, 6, 8} {
			eval(fmt.Sprintf("winnow2-%d", w), winnow(2, w), cap)
			eval(fmt.Sprintf("winnow3-%d", w), winnow(3, w), cap)
		}
	}
}
