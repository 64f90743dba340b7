package dedup

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// refScan is what scanText must yield, computed the long way: the key from
// the reference normaliser, then one loop per quantity, as the finder did
// before the fused pass.
func refScan(s string, oph bool) unitScan {
	key := Normalize(s, 0)
	u := unitScan{n: len(key), kb: key, hs: make([]uint64, len(key))}
	for j := 1; j < len(key); j++ {
		u.hs[j] = mixShingle(uint64(key[j-1])<<21 | uint64(key[j]))
	}
	for _, h := range u.hs[min(1, len(key)):] {
		u.sk[h>>6&7] |= 1 << (h & 63)
	}
	for i, w := range u.sk {
		u.mini[i&1] |= w
	}
	for _, r := range key {
		if IsHan(r) {
			u.han++
		}
	}
	u.hash = keyHash(key)
	u.fold = keyHash(fold(key))
	if oph && len(key) > 0 {
		u.bins = emptyBins
		u.mask = ophSketch(key, u.hs, &u.bins)
	}
	return u
}

func checkScan(t *testing.T, us *unitScan, s string, oph bool) {
	t.Helper()
	us.scanText(s, oph)
	want := refScan(s, oph)
	switch {
	case us.n != want.n || us.han != want.han:
		t.Fatalf("%q: n %d han %d, want %d %d", s, us.n, us.han, want.n, want.han)
	case us.hash != want.hash || us.fold != want.fold:
		t.Fatalf("%q: hashes %x %x, want %x %x", s, us.hash, us.fold, want.hash, want.fold)
	case us.sk != want.sk || us.mini != want.mini:
		t.Fatalf("%q: sketches differ", s)
	case !slices.Equal(us.kb[:us.n], want.kb) || us.n > 1 && !slices.Equal(us.hs[1:us.n], want.hs[1:]):
		t.Fatalf("%q: key %q, want %q", s, string(us.kb[:us.n]), string(want.kb))
	case oph && us.n > 0 && (us.mask != want.mask || us.bins != want.bins):
		t.Fatalf("%q: one-permutation sketch differs", s)
	}
}

// scanText equals the reference on texts mixing every path of the
// normaliser, in one reused scanner (buffers grow and are reused).
func TestScanText(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var us unitScan
	han := []rune("全省上下要坚定信心凝心聚力推动高质量发展取得新成效一二三十百千两")
	for i := range 30000 {
		var sb strings.Builder
		for range rng.IntN(60) {
			if rng.IntN(3) == 0 {
				sb.WriteString(keyAlphabet[rng.IntN(len(keyAlphabet))])
			} else {
				sb.WriteRune(han[rng.IntN(len(han))])
			}
		}
		checkScan(t, &us, sb.String(), i%2 == 0)
	}
	for _, s := range []string{"", "，。", "中", "ﷺﷺﷺ", strings.Repeat("ﷺ", 50), "第十三届增长5.2%，abc de", "\xe4\xb8"} {
		checkScan(t, &us, s, true)
		checkScan(t, &us, s, false)
	}
}

func FuzzScanText(f *testing.F) {
	for _, s := range keyAlphabet {
		f.Add(s+"第十三届增长5.2%，GDP达到", true)
	}
	var us unitScan
	f.Fuzz(func(t *testing.T, s string, oph bool) {
		checkScan(t, &us, s, oph)
	})
}

// keyHashes is keyHash and foldHash at once; foldHash is keyHash of the
// folded key.
func TestKeyHashes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		key := Normalize(randomKeyText(rng), 0)
		h, f := keyHashes(key)
		if h != keyHash(key) || f != foldHash(key) || f != keyHash(fold(key)) {
			t.Fatalf("%q: keyHashes disagree", string(key))
		}
	}
}
