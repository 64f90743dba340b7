package dedup

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/dedup/internal/synth"
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

var docCache = map[int][]Unit{}

// benchDoc is a generated Chinese document of about n bytes, as sentence
// units with paragraph groups; 2 % of the sentences repeat earlier ones.
func benchDoc(tb testing.TB, n int) []Unit {
	if u, ok := docCache[n]; ok {
		return u
	}
	g := synth.New(42, loadCorpus(tb).paragraphs)
	sents, para := g.Document(n, 0.02)
	units := make([]Unit, len(sents))
	for i, s := range sents {
		units[i] = Unit{Text: s, Group: para[i]}
	}
	docCache[n] = units
	return units
}

// paragraphsOf joins sentence units into paragraph units.
func paragraphsOf(units []Unit) []Unit {
	var out []Unit
	for _, u := range units {
		if len(out) > 0 && out[len(out)-1].Group == u.Group {
			out[len(out)-1].Text += u.Text
			continue
		}
		out = append(out, u)
	}
	return out
}

func unitBytes(units []Unit) int64 {
	n := 0
	for _, u := range units {
		n += len(u.Text)
	}
	return int64(n)
}

func benchFinder(b *testing.B, size int, paragraphs bool) {
	units := benchDoc(b, size)
	opt := SentenceOptions()
	if paragraphs {
		units = paragraphsOf(units)
		opt = ParagraphOptions()
	}
	b.SetBytes(unitBytes(units))
	var res Repeats
	for b.Loop() {
		res = FindRepeats(units, opt)
	}
	b.ReportMetric(float64(len(units)), "units")
	b.ReportMetric(float64(len(res.Pairs)), "pairs")
}

func BenchmarkFindSentences1MB(b *testing.B)   { benchFinder(b, 1<<20, false) }
func BenchmarkFindParagraphs1MB(b *testing.B)  { benchFinder(b, 1<<20, true) }
func BenchmarkFindSentences10MB(b *testing.B)  { benchFinder(b, 10<<20, false) }
func BenchmarkFindParagraphs10MB(b *testing.B) { benchFinder(b, 10<<20, true) }
