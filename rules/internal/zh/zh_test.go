package zh

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// RuneCount agrees with utf8.RuneCountInString on valid and invalid text.
func TestRuneCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "中", "，", "“", "\xe4", "\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "é", "😀", "\xf0\x9f", "\xe1\x80\x80", "\xec\xbf\xbf", "\xee\x80\x80"}
	for round := 0; round < 2000; round++ {
		var s string
		for k := rng.IntN(12); k > 0; k-- {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// RuneCountUpTo is the count while it is within the limit and limit+1
// beyond, on valid and invalid text.
func TestRuneCountUpTo(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"a", "中", "，", "\xe4", "\xed\xa0\x80", "\xe0\x80\x80", "é", "😀", "\xf0\x9f"}
	for round := 0; round < 5000; round++ {
		var s string
		for k := rng.IntN(30); k > 0; k-- {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		limit := rng.IntN(25)
		want := min(utf8.RuneCountInString(s), limit+1)
		if got := RuneCountUpTo(s, limit); got != want {
			t.Fatalf("RuneCountUpTo(%q, %d) = %d, want %d", s, limit, got, want)
		}
	}
}
