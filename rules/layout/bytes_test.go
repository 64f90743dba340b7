package layout

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// hasSentenceEnd is strings.ContainsAny(s, "。！？!?；;") on any bytes.
func TestHasSentenceEnd(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	alphabet := []string{"中", "。", "！", "？", "；", "!", "?", ";", "，", "a", "\xe3", "\xe3\x80", "\xef\xbc", "\x82", "\x81", "\xe4", "…"}
	for round := 0; round < 5000; round++ {
		var sb strings.Builder
		for k := rng.IntN(8); k > 0; k-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := sb.String()
		if got, want := hasSentenceEnd(s), strings.ContainsAny(s, "。！？!?；;"); got != want {
			t.Fatalf("hasSentenceEnd(%q) = %v, want %v", s, got, want)
		}
	}
}
