package dedup

import (
	"strings"
	"testing"
)

// benchChinese is the clean corpus text joined into one string (≈230 KB,
// almost all Chinese).
func benchChinese(b *testing.B) string {
	return strings.Join(loadCorpus(b).paragraphs, "\n")
}

func BenchmarkNormalize(b *testing.B) {
	s := benchChinese(b)
	buf := make([]rune, 0, len(s))
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		buf = AppendKey(buf[:0], s, 0)
	}
}

func BenchmarkNormalizeOffsets(b *testing.B) {
	s := benchChinese(b)
	key := make([]rune, 0, len(s))
	offs := make([]int32, 0, len(s))
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		key, offs = AppendKeyOffsets(key[:0], offs[:0], s, 0, 0)
	}
}

// BenchmarkExactPass normalises and hashes every paragraph.
func BenchmarkExactPass(b *testing.B) {
	paras := loadCorpus(b).paragraphs
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	buf := make([]rune, 0, 4096)
	var sink uint64
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paras {
			buf = AppendKey(buf[:0], p, 0)
			sink ^= KeyHash(buf)
		}
	}
	_ = sink
}

// BenchmarkMinHash: normalise + shingle + K=128 MinHash + band keys per
// paragraph, the whole near-duplicate signature pass.
func BenchmarkMinHash(b *testing.B) {
	paras := loadCorpus(b).paragraphs
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	var sg Signer
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paras {
			sg.Sign(p)
		}
	}
}
