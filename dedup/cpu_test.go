package dedup

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestCPUFinder reports the CPU and wall time of FindRepeats on generated
// 1 MB and 10 MB documents (DEDUP_CPU=1 to run). CPU time is the figure to
// read on a shared machine; nothing is asserted.
func TestCPUFinder(t *testing.T) {
	if os.Getenv("DEDUP_CPU") == "" {
		t.Skip()
	}
	for _, n := range []int{1 << 20, 10 << 20} {
		units := benchDoc(t, n)
		for _, para := range []bool{false, true} {
			u, o := units, SentenceOptions()
			if para {
				u, o = paragraphsOf(units), ParagraphOptions()
			}
			FindRepeats(u, o)
			c0, w0 := cpuNow(), time.Now()
			const reps = 3
			for range reps {
				FindRepeats(u, o)
			}
			t.Logf("%dMB para=%v units %d: cpu %v wall %v per run", n>>20, para, len(u), (cpuNow()-c0)/reps, time.Since(w0)/reps)
		}
	}
}
