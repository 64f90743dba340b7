// Package benchdata builds deterministic multi-megabyte Chinese documents
// for benchmarks from the clean corpora in testdata/corpora.
package benchdata

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Sentences reads the clean corpus sentences (one paragraph each in the
// testdata files) below root (the repository root).
func Sentences(root string) ([]string, error) {
	var out []string
	for _, f := range []string{"ecspell-odw-target.txt", "ud-gsdsimp-test.txt"} {
		b, err := os.ReadFile(filepath.Join(root, "testdata", "corpora", f))
		if err != nil {
			return nil, err
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// Chinese returns a document of about size bytes: headings every few
// paragraphs, paragraphs of 2–8 corpus sentences, blank lines between,
// shuffled with a fixed seed so every run sees the same text.
func Chinese(root string, size int) ([]byte, error) {
	sents, err := Sentences(root)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.Grow(size + 4096)
	para := 0
	for b.Len() < size {
		if para%12 == 0 {
			b.WriteString("## ")
			s := []rune(sents[rng.IntN(len(sents))])
			b.WriteString(string(s[:min(len(s), 14)]))
			b.WriteString("\n\n")
		}
		n := 2 + rng.IntN(7)
		for i := 0; i < n; i++ {
			b.WriteString(sents[rng.IntN(len(sents))])
		}
		b.WriteString("\n\n")
		para++
	}
	return b.Bytes(), nil
}

// ReportCPU adds a "cpu-MB/s" metric: bytes processed per CPU second,
// given the CPU time at the start of the timed loop.
func ReportCPU(b interface {
	ReportMetric(float64, string)
}, bytes int64, n int, start time.Duration) {
	cpu := CPUTime() - start
	if cpu <= 0 || start == 0 {
		return
	}
	b.ReportMetric(float64(bytes)*float64(n)/1e6/cpu.Seconds(), "cpu-MB/s")
}
