package dedup

import (
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/synth"
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

var indexUnitsCache []string

// indexUnits is 100k generated paragraphs of one to three sentences
// (≈27 MB), 2 % of the sentences repeating earlier ones.
func indexUnits(b *testing.B) []string { return indexUnitsT(b) }

func indexUnitsT(b testing.TB) []string {
	if indexUnitsCache != nil {
		return indexUnitsCache
	}
	g := synth.New(43, loadCorpus(b).paragraphs)
	sents, _ := g.Document(30<<20, 0.02)
	var out []string
	for i := 0; i < len(sents) && len(out) < 100000; {
		k := min(1+g.Intn(3), len(sents)-i)
		out = append(out, strings.Join(sents[i:i+k], ""))
		i += k
	}
	indexUnitsCache = out
	return out
}

func textBytes(ts []string) int64 {
	n := 0
	for _, t := range ts {
		n += len(t)
	}
	return int64(n)
}

// BenchmarkIndexAdd: normalise, hash, shingle, MinHash and band 100k
// paragraphs into an Index (one core).
func BenchmarkIndexAdd(b *testing.B) {
	units := indexUnits(b)
	b.SetBytes(textBytes(units))
	for b.Loop() {
		ix := NewIndex()
		for i, t := range units {
			ix.Add(uint64(i), t)
		}
	}
}

// BenchmarkIndexClusters: the exact pass, band join, verification and
// union-find over 100k paragraphs already in the index.
func BenchmarkIndexClusters(b *testing.B) {
	units := indexUnits(b)
	ix := NewIndex()
	for i, t := range units {
		ix.Add(uint64(i), t)
	}
	text := func(_ int, id uint64) (string, error) { return units[id], nil }
	b.SetBytes(textBytes(units))
	var cl []Cluster
	var st ClusterStats
	for b.Loop() {
		cl, st, _ = ix.Clusters(text, ClusterOptions{})
	}
	b.ReportMetric(float64(len(cl)), "clusters")
	b.ReportMetric(float64(st.Verified), "verified")
}

// BenchmarkIndexSignAll: the signature pass on all cores (GOMAXPROCS).
func BenchmarkIndexSignAll(b *testing.B) {
	units := indexUnits(b)
	ix := NewIndex()
	b.SetBytes(textBytes(units))
	for b.Loop() {
		ix.SignAll(units, 0)
	}
}
