package dedup

import (
	"math/rand/v2"
	"testing"
)

// The vector kernel and the portable one give the same signature.
func TestMinhash32Kernels(t *testing.T) {
	if !useAVX2 {
		t.Skip("no AVX2 here: only the portable kernel runs")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 7, 64, 301} {
		hs := make([]uint32, n)
		for i := range hs {
			hs[i] = rng.Uint32()
		}
		var v, g sig32
		v.reset()
		g.reset()
		v.add(hs)
		g.addGeneric(hs)
		if v != g {
			t.Fatalf("n=%d: kernels differ", n)
		}
		// Adding in pieces is the same as adding at once.
		var p sig32
		p.reset()
		p.add(hs[:n/2])
		p.add(hs[n/2:])
		if p != v {
			t.Fatalf("n=%d: not associative", n)
		}
	}
}

// A 32-bit MinHash still estimates the Jaccard of two sets.
func TestMinhash32Estimate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	shared := make([]uint32, 300)
	for i := range shared {
		shared[i] = rng.Uint32()
	}
	a := append(append([]uint32{}, shared...), rng.Uint32(), rng.Uint32())
	b := append([]uint32{}, shared[:200]...)
	for range 100 {
		b = append(b, rng.Uint32())
	}
	// |A∩B| = 200, |A∪B| = 302 + 100: J ≈ 0.50.
	var sa, sb sig32
	sa.reset()
	sb.reset()
	sa.add(a)
	sb.add(b)
	eq := 0
	for i := range sa {
		if sa[i] == sb[i] {
			eq++
		}
	}
	if e := float64(eq) / NumHashes; e < 0.35 || e > 0.65 {
		t.Fatalf("estimate %.2f for J = 0.50", e)
	}
}
