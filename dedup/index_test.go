package dedup

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func TestUnionFind(t *testing.T) {
	u := NewUnionFind(8)
	if !u.Union(5, 3) || !u.Union(3, 7) || u.Union(7, 5) {
		t.Fatal("Union results wrong")
	}
	u.Union(1, 6)
	if u.Find(7) != 3 || u.Find(6) != 1 || !u.Same(5, 7) || u.Same(1, 3) {
		t.Fatal("Find/Same wrong")
	}
	if x := u.Add(); x != 8 || u.Len() != 9 {
		t.Fatal("Add wrong")
	}
	u.Union(8, 0)
	want := [][]int{{0, 8}, {1, 6}, {3, 5, 7}}
	if got := u.Sets(2); !reflect.DeepEqual(got, want) {
		t.Fatalf("Sets(2) = %v, want %v", got, want)
	}
	if got := u.Sets(1); len(got) != 5 {
		t.Fatalf("Sets(1) = %v", got)
	}
	// Random unions agree with a naive labelling.
	rng := rand.New(rand.NewPCG(9, 9))
	n := 500
	u = NewUnionFind(n)
	label := make([]int, n)
	for i := range label {
		label[i] = i
	}
	for range 400 {
		a, b := rng.IntN(n), rng.IntN(n)
		u.Union(a, b)
		la, lb := label[a], label[b]
		for i := range label {
			if label[i] == lb {
				label[i] = la
			}
		}
	}
	for a := range n {
		for b := range n {
			if (label[a] == label[b]) != u.Same(a, b) {
				t.Fatalf("%d,%d disagree", a, b)
			}
		}
	}
}

func TestShingleEdgeCases(t *testing.T) {
	sh := DefaultShingling
	cases := []struct {
		key      string
		n        int // shingles appended
		gram     int
		eligible bool
	}{
		{"", 0, 5, false},
		{"数字", 1, 2, false},  // shorter than 2+2
		{"数字经济", 3, 2, true}, // 4 runes: 2-grams, eligible at n+2
		{"数字经济强省三年行动计划数字经济促进办法以及", 20, 3, true}, // 22 runes: 3-grams
		{"abcd", 1, 5, false}, // one whole-run shingle
		{"hello world again", 13, 5, true},
		{"5g基站", 2, 2, true}, // "5g" Latin run + "基站" Han run
	}
	for _, c := range cases {
		k := []rune(c.key)
		hs := sh.Append(nil, k)
		if len(hs) != c.n || sh.Gram(k) != c.gram || sh.Eligible(k) != c.eligible {
			t.Errorf("%q: %d shingles (want %d), gram %d (want %d), eligible %v (want %v)",
				c.key, len(hs), c.n, sh.Gram(k), c.gram, sh.Eligible(k), c.eligible)
		}
	}
	// Kinds never collide: the 2-gram 数字 of a short unit and the
	// whole-run shingle 数字 of a long one (a Han run under 3 runes).
	a := sh.Set(nil, []rune("数字经济"))
	b := sh.Set(nil, []rune("数字2024全国实体经济和数字经济融合发展示范区目标"))
	if intersect(a, b) != 0 {
		t.Error("whole-run shingle collides with a 2-gram")
	}
	// Sets are sorted and unique; repeats collapse.
	s := ShingleSet([]rune("数字数字数字数字"))
	if !slices.IsSorted(s) || len(s) != 2 {
		t.Errorf("ShingleSet = %v", s)
	}
	// Mixed text gets Han and Latin shingles.
	m := ShingleSet(Normalize("在 Machine Learning 领域的发展与应用研究，锚定建设全国实体经济", WordBreaks))
	h := ShingleSet(Normalize("领域的发展与应用研究，锚定建设全国实体经济", 0))
	if intersect(m, h) == 0 || len(m) <= len(h) {
		t.Errorf("mixed text: %d shingles, %d shared with its Han part", len(m), intersect(m, h))
	}
}

func TestMinHashEstimate(t *testing.T) {
	a := ShingleSet(Normalize("湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标，陆续出台了数字经济强省三年行动计划", 0))
	b := ShingleSet(Normalize("近年来，中共湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标，陆续出台了数字经济强省三年行动计划", 0))
	var sa, sb Signature
	sa.Reset()
	sb.Reset()
	sa.Add(a)
	sb.Add(b)
	j, e := Jaccard(a, b), sa.Estimate(&sb)
	if e < j-0.15 || e > j+0.15 {
		t.Errorf("estimate %.3f far from Jaccard %.3f", e, j)
	}
	// Add is order-independent and equals the one-at-a-time result.
	var sc Signature
	sc.Reset()
	for i := len(a) - 1; i >= 0; i-- {
		sc.Add(a[i : i+1])
	}
	if sc != sa {
		t.Error("Add depends on order or batching")
	}
	ka, kb := sa.BandKeys(nil, NumBands, BandRows), sb.BandKeys(nil, NumBands, BandRows)
	same := 0
	for i := range ka {
		if ka[i] == kb[i] {
			same++
		}
	}
	if same == 0 {
		t.Error("near-identical sets share no band")
	}
}

func indexFixture() []string {
	return []string{
		"近年来，中共湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。",
		"全国人民代表大会是最高国家权力机关。",
		"湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。",
		"全国人民代表大会是最高国家权力机关！",
		"自从2004年提出了兴建人文大楼的构想，企业界陆续有人提供捐款。",
		"湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。",
		"杜鹃花为温带植物，台北虽然在亚热带，但冬季的东北季风却使得杜鹃花在台大宜然自得。",
		"自从2004年提出了兴建人文大楼的构想，企业界陆续有人提供了捐款。",
		"短句。",
		"短句",
	}
}

func TestIndexClusters(t *testing.T) {
	texts := indexFixture()
	ix := NewIndex()
	for i, s := range texts {
		if u := ix.Add(uint64(100+i), s); u != i {
			t.Fatalf("unit %d for text %d", u, i)
		}
	}
	calls := 0
	text := func(u int, id uint64) (string, error) {
		calls++
		if id != uint64(100+u) {
			t.Fatalf("callback got unit %d id %d", u, id)
		}
		return texts[u], nil
	}
	cl, st, err := ix.Clusters(text, ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(cl)
	want := "[{[0 2 5] false} {[1 3] true} {[4 7] false} {[8 9] true}]"
	if got != want {
		t.Fatalf("clusters %s, want %s (%+v)", got, want, st)
	}
	if st.TextCalls != calls {
		t.Errorf("stats count %d calls, saw %d", st.TextCalls, calls)
	}
	// Exact only.
	cl, _, _ = ix.Clusters(nil, ClusterOptions{})
	if got := fmt.Sprint(cl); got != "[{[1 3] true} {[2 5] true} {[8 9] true}]" {
		t.Errorf("exact clusters %s", got)
	}
	// Errors from the callback come back.
	if _, _, err := ix.Clusters(func(int, uint64) (string, error) { return "", fmt.Errorf("gone") }, ClusterOptions{}); err == nil {
		t.Error("callback error lost")
	}
}

// Same clusters whatever the worker count, on repeated runs, and when the
// signatures come from SignAll or from the band rows.
func TestIndexDeterminism(t *testing.T) {
	var texts []string
	texts = append(texts, loadCorpus(t).sentences...)
	texts = append(texts, indexFixture()...)
	text := func(_ int, id uint64) (string, error) { return texts[id], nil }
	var ref string
	for _, workers := range []int{1, 2, 3} {
		ix := NewIndex()
		for i, s := range ix.SignAll(texts, workers) {
			ix.AddSig(uint64(i), s)
		}
		cl, _, err := ix.Clusters(text, ClusterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(cl)
		if ref == "" {
			ref = got
			ix2 := NewIndex()
			for i, s := range texts {
				ix2.Add(uint64(i), s)
			}
			if c2, _, _ := ix2.Clusters(text, ClusterOptions{}); fmt.Sprint(c2) != ref {
				t.Fatal("Add and SignAll give different clusters")
			}
			for u := range ix.Len() {
				if !reflect.DeepEqual(ix.Sig(u), ix2.Sig(u)) {
					t.Fatalf("unit %d: signatures differ", u)
				}
			}
		} else if got != ref {
			t.Fatalf("workers %d: clusters differ", workers)
		}
	}
	t.Logf("%d units, clusters: %.300s", len(texts), ref)
}

func TestBandRows(t *testing.T) {
	texts := indexFixture()
	ix := NewIndex()
	for i, s := range texts {
		ix.Add(uint64(i*10), s)
	}
	rows := 0
	per := map[int]int{}
	for r := range ix.BandRows() {
		rows++
		per[r.Unit]++
		if r.ID != uint64(r.Unit*10) || r.Key != ix.Sig(r.Unit).Bands[r.Band] {
			t.Fatalf("bad row %+v", r)
		}
	}
	nk := DefaultBanding.NumKeys()
	if nk != NumBands+2 {
		t.Fatalf("NumKeys = %d", nk)
	}
	for u, n := range per {
		if n != nk {
			t.Errorf("unit %d has %d rows", u, n)
		}
	}
	if _, ok := per[8]; ok {
		t.Error("a unit too short for MinHash has band rows")
	}
	// Early stop.
	for range ix.BandRows() {
		break
	}
	if rows == 0 {
		t.Fatal("no rows")
	}
}
