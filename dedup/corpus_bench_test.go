package dedup

import (
	"testing"

	"github.com/draftlint/draftlint/internal/benchdata"
)

// Benchmarks of the corpus index's passes with CPU-time throughput
// (cpu-MB/s: bytes per CPU second of the process), which a shared machine
// disturbs far less than the wall clock. Run with
//
//	go test ./dedup -run '^$' -bench 'Corpus' -cpu 1,2
//
// cpu-MB/s is per core; with -cpu 2 the wall-clock MB/s of SignAll shows the
// speed-up of the signature pass on two cores.

func corpusParas(b *testing.B) ([]string, int64) {
	paras := loadCorpus(b).paragraphs
	var n int64
	for _, p := range paras {
		n += int64(len(p))
	}
	return paras, n
}

// BenchmarkCorpusExactPass: the exact pass of one unit — normalise and
// xxh3 the key — over the clean Chinese corpus paragraphs.
func BenchmarkCorpusExactPass(b *testing.B) {
	paras, n := corpusParas(b)
	buf := make([]rune, 0, 4096)
	var sink uint64
	b.SetBytes(n)
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		for _, p := range paras {
			buf = AppendKey(buf[:0], p, 0)
			sink ^= KeyHash(buf)
		}
	}
	benchdata.ReportCPU(b, n, b.N, start)
	_ = sink
}

// BenchmarkCorpusSignature: the near pass of one unit — normalise, exact
// hash, bigram shingles, K=128 MinHash, 25 band keys, anchors and SigBits
// (Signer.Sign) — over the same paragraphs, on one goroutine.
func BenchmarkCorpusSignature(b *testing.B) {
	paras, n := corpusParas(b)
	var s Signer
	b.SetBytes(n)
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		for _, p := range paras {
			s.Sign(p)
		}
	}
	benchdata.ReportCPU(b, n, b.N, start)
}

// BenchmarkCorpusSignAll: the signature pass of 100k generated paragraphs
// on GOMAXPROCS goroutines.
func BenchmarkCorpusSignAll(b *testing.B) {
	units := indexUnits(b)
	n := textBytes(units)
	ix := NewIndex()
	b.SetBytes(n)
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		ix.SignAll(units, 0)
	}
	benchdata.ReportCPU(b, n, b.N, start)
}

// BenchmarkCorpusClusters: exact pass, band join, prefilter, verification
// and union-find over the 100k paragraphs (2 % of their sentences
// repeated), texts served from memory.
func BenchmarkCorpusClusters(b *testing.B) {
	units := indexUnits(b)
	n := textBytes(units)
	ix := NewIndex()
	for i, s := range ix.SignAll(units, 0) {
		ix.AddSig(uint64(i), s)
	}
	text := func(_ int, id uint64) (string, error) { return units[id], nil }
	var cl []Cluster
	var st ClusterStats
	b.SetBytes(n)
	b.ResetTimer()
	start := benchdata.CPUTime()
	for b.Loop() {
		cl, st, _ = ix.Clusters(text, ClusterOptions{})
	}
	benchdata.ReportCPU(b, n, b.N, start)
	b.ReportMetric(float64(len(cl)), "clusters")
	b.ReportMetric(float64(st.Verified), "verified")
}
