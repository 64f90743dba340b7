package dedup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveDistance is the textbook two-row Levenshtein DP.
func naiveDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func naiveLCS(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestEditDistanceTable(t *testing.T) {
	cases := []struct {
		a, b string
		d    int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"湖北省委省政府", "中共湖北省委省政府", 2},
		{"数字经济", "数字经济", 0},
		{"数字经济强省", "数字济强省份", 2},
	}
	var c Comparer
	for _, tc := range cases {
		a, b := []rune(tc.a), []rune(tc.b)
		if got := c.EditDistance(a, b); got != tc.d {
			t.Errorf("EditDistance(%q,%q)=%d want %d", tc.a, tc.b, got, tc.d)
		}
		if got := EditDistance(b, a); got != tc.d {
			t.Errorf("EditDistance(%q,%q)=%d want %d", tc.b, tc.a, got, tc.d)
		}
	}
	if s := EditSimilarity(nil, nil); s != 1 {
		t.Errorf("EditSimilarity(empty, empty) = %v", s)
	}
}

// randKeys draws two related keys from a small alphabet (so that matches
// happen) with lengths that cross the 64-rune block boundary.
func randKeys(rng *rand.Rand) ([]rune, []rune) {
	alpha := []rune("ab数字经济c湖北")
	n := rng.IntN(200)
	a := make([]rune, n)
	for i := range a {
		a[i] = alpha[rng.IntN(len(alpha))]
	}
	b := append([]rune(nil), a...)
	for e := rng.IntN(20); e > 0; e-- {
		switch op := rng.IntN(3); {
		case op == 0 && len(b) > 0:
			b[rng.IntN(len(b))] = alpha[rng.IntN(len(alpha))]
		case op == 1 && len(b) > 0:
			i := rng.IntN(len(b))
			b = append(b[:i], b[i+1:]...)
		default:
			i := rng.IntN(len(b) + 1)
			b = append(b[:i], append([]rune{alpha[rng.IntN(len(alpha))]}, b[i:]...)...)
		}
	}
	if rng.IntN(4) == 0 {
		b = b[:rng.IntN(len(b)+1)]
	}
	return a, b
}

func TestSimilarityAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var c Comparer
	for it := 0; it < 3000; it++ {
		a, b := randKeys(rng)
		want := naiveDistance(a, b)
		if got := c.EditDistance(a, b); got != want {
			t.Fatalf("EditDistance(%q,%q)=%d want %d", string(a), string(b), got, want)
		}
		if got, want := c.LCS(a, b), naiveLCS(a, b); got != want {
			t.Fatalf("LCS(%q,%q)=%d want %d", string(a), string(b), got, want)
		}
		for _, th := range []float64{0, 0.5, 0.8, 0.9, 1} {
			n := max(len(a), len(b))
			sim := 1.0
			if n > 0 {
				sim = 1 - float64(want)/float64(n)
			}
			s, ok := c.EditSimilarityAtLeast(a, b, th)
			if ok != (sim >= th) || (ok && s != sim) {
				t.Fatalf("AtLeast(%q,%q,%v)=%v,%v; sim %v", string(a), string(b), th, s, ok, sim)
			}
		}
	}
}

func TestJaccardAndContainment(t *testing.T) {
	a := []uint64{1, 2, 3, 4}
	b := []uint64{3, 4, 5}
	if j := Jaccard(a, b); j != 2.0/5 {
		t.Errorf("Jaccard = %v", j)
	}
	if c := SetContainment(a, b); c != 2.0/3 {
		t.Errorf("SetContainment = %v", c)
	}
	if j := Jaccard(nil, nil); j != 1 {
		t.Errorf("Jaccard(empty) = %v", j)
	}
	if c := Containment([]rune("湖北省委"), []rune("中共湖北省委、")); c != 1 {
		t.Errorf("Containment = %v", c)
	}
	if r := LengthRatio(3, 6); r != 0.5 {
		t.Errorf("LengthRatio = %v", r)
	}
}

func FuzzEditSimilarity(f *testing.F) {
	f.Add("kitten", "sitting", 0.5)
	f.Add("近年来，中共湖北省委、省政府", "湖北省委、省政府", 0.8)
	f.Add("", "a", 0.0)
	f.Fuzz(func(t *testing.T, sa, sb string, th float64) {
		a, b := []rune(sa), []rune(sb)
		if len(a) > 300 || len(b) > 300 {
			return
		}
		d := naiveDistance(a, b)
		if got := EditDistance(a, b); got != d {
			t.Fatalf("EditDistance=%d want %d", got, d)
		}
		if got, want := LCSLength(a, b), naiveLCS(a, b); got != want {
			t.Fatalf("LCS=%d want %d", got, want)
		}
		n := max(len(a), len(b))
		sim := 1.0
		if n > 0 {
			sim = 1 - float64(d)/float64(n)
		}
		if got := EditSimilarity(a, b); got != sim {
			t.Fatalf("EditSimilarity=%v want %v", got, sim)
		}
		if th != th { // NaN
			return
		}
		s, ok := EditSimilarityAtLeast(a, b, th)
		if ok != (sim >= th) || (ok && s != sim) {
			t.Fatalf("AtLeast(%v)=%v,%v; sim %v", th, s, ok, sim)
		}
	})
}

func naiveInfix(needle, hay []rune) int {
	prev := make([]int, len(hay)+1) // row 0 is all zeros: free start
	cur := make([]int, len(hay)+1)
	for i := 1; i <= len(needle); i++ {
		cur[0] = i
		for j := 1; j <= len(hay); j++ {
			c := prev[j-1]
			if needle[i-1] != hay[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return slices.Min(prev)
}

func TestInfixAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var c Comparer
	for it := 0; it < 3000; it++ {
		a, b := randKeys(rng)
		if len(a) > len(b) {
			a, b = b, a
		}
		want := naiveInfix(a, b)
		if got := c.InfixDistance(a, b); got != want {
			t.Fatalf("InfixDistance(%q,%q)=%d want %d", string(a), string(b), got, want)
		}
		for _, th := range []float64{0.5, 0.9, 0.95} {
			sim := 0.0
			if len(a) > 0 {
				sim = 1 - float64(want)/float64(len(a))
			}
			s, ok := c.InfixContainmentAtLeast(a, b, th)
			if len(a) > 0 && (ok != (sim >= th) || (ok && s != sim)) {
				t.Fatalf("InfixAtLeast(%q,%q,%v)=%v,%v; want %v", string(a), string(b), th, s, ok, sim)
			}
		}
	}
	if got := InfixContainment([]rune("湖北省委省政府"), []rune("近年来中共湖北省委省政府将")); got != 1 {
		t.Errorf("InfixContainment = %v", got)
	}
}
