package dedup

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuRate runs f reps times and returns process CPU time per run and the
// throughput in MB/s of CPU time. On a shared machine CPU time is far
// steadier than the wall clock the benchmarks use.
func cpuRate(reps int, bytes int64, f func()) (time.Duration, float64) {
	f()
	c0 := cpuNow()
	for range reps {
		f()
	}
	d := (cpuNow() - c0) / time.Duration(reps)
	return d, float64(bytes) / 1e6 / d.Seconds()
}

// TestCPUThroughput reports CPU-time throughput of every stage
// (DEDUP_CPU=1 GOMAXPROCS=1 to run). Nothing is asserted.
func TestCPUThroughput(t *testing.T) {
	if os.Getenv("DEDUP_CPU") == "" {
		t.Skip("set DEDUP_CPU=1")
	}
	paras := loadCorpus(t).paragraphs
	var corpusBytes int64
	for _, p := range paras {
		corpusBytes += int64(len(p))
	}
	buf := make([]rune, 0, 1<<16)
	report := func(name string, reps int, bytes int64, f func()) {
		d, r := cpuRate(reps, bytes, f)
		t.Logf("%-34s %10v/run %8.1f MB/s (CPU)", name, d.Round(time.Microsecond), r)
	}
	report("normalise (corpus)", 50, corpusBytes, func() {
		for _, p := range paras {
			buf = AppendKey(buf[:0], p, 0)
		}
	})
	report("exact pass: normalise+xxh3", 50, corpusBytes, func() {
		for _, p := range paras {
			buf = AppendKey(buf[:0], p, 0)
			KeyHash(buf)
		}
	})
	var sg Signer
	report("signature: norm+shingle+K128+bands", 10, corpusBytes, func() {
		for _, p := range paras {
			sg.Sign(p)
		}
	})
	for _, n := range []int{1 << 20, 10 << 20} {
		units := benchDoc(t, n)
		pu := paragraphsOf(units)
		reps := 5
		if n > 1<<20 {
			reps = 2
		}
		report("FindRepeats sentences "+size(n), reps, unitBytes(units), func() { FindRepeats(units, SentenceOptions()) })
		report("FindRepeats paragraphs "+size(n), reps, unitBytes(pu), func() { FindRepeats(pu, ParagraphOptions()) })
	}
	texts := indexUnitsT(t)
	tb := textBytes(texts)
	var ix *Index
	report("Index.Add 100k paragraphs", 1, tb, func() {
		ix = NewIndex()
		for i, s := range texts {
			ix.Add(uint64(i), s)
		}
	})
	report("Index.Clusters 100k paragraphs", 1, tb, func() {
		ix.Clusters(func(_ int, id uint64) (string, error) { return texts[id], nil }, ClusterOptions{})
	})
}

func size(n int) string {
	return map[int]string{1 << 20: "1MB", 10 << 20: "10MB"}[n]
}
