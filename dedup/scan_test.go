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

// refScanKey is what scanKey must yield, computed the long way: the key
// from the reference normaliser, the hashes from keyHash and foldHash, the
// sketch from the bigrams, and each fingerprint from the anchorK runes it
// ends (fewer at the start).
func refScanKey(s string) (key []rune, sk Sketch, hash, fold uint64, fps []uint32) {
	key = Normalize(s, 0)
	for j := 1; j < len(key); j++ {
		setBigram(&sk, bigramBits(key[j-1], key[j]))
	}
	for j := range key {
		var reg uint64
		for _, r := range key[max(0, j-anchorK+1) : j+1] {
			reg = reg<<16 ^ uint64(r)
		}
		fps = append(fps, uint32((reg*fpMul)>>32))
	}
	return key, sk, keyHash(key), foldHash(key), fps
}

func checkScanKey(t *testing.T, us *unitScan, s string) {
	t.Helper()
	us.scanKey(s)
	key, sk, hash, fold, fps := refScanKey(s)
	han := 0
	for _, r := range key {
		if IsHan(r) {
			han++
		}
	}
	switch {
	case !slices.Equal(us.kb[:us.n], key):
		t.Fatalf("%q: key %q, want %q", s, string(us.kb[:us.n]), string(key))
	case us.han != han:
		t.Fatalf("%q: %d Han runes, want %d", s, us.han, han)
	case us.hash != hash || us.fold != fold:
		t.Fatalf("%q: hashes %x %x, want %x %x", s, us.hash, us.fold, hash, fold)
	case us.sk != sk || us.mini != [2]uint64{sk[0] | sk[2] | sk[4] | sk[6], sk[1] | sk[3] | sk[5] | sk[7]}:
		t.Fatalf("%q: sketches differ", s)
	case !slices.Equal(us.fps[:us.n], fps):
		t.Fatalf("%q: fingerprints differ", s)
	}
	// keyPrints, the reference the finder's tests use, agrees too.
	buf := make([]uint32, len(key))
	if h, f := keyPrints(key, buf); h != hash || f != fold || !slices.Equal(buf, fps) {
		t.Fatalf("%q: keyPrints disagrees", s)
	}
}

// scanKey equals the reference on texts mixing Han runs, numerals and
// every path of the normaliser, in one reused scanner.
func TestScanKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var us unitScan
	han := []rune("全省上下要坚定信心凝心聚力推动高质量发展取得新成效〇零一二三四五六七八九十百千两")
	for range 30000 {
		var sb strings.Builder
		for range rng.IntN(80) {
			if rng.IntN(3) == 0 {
				sb.WriteString(keyAlphabet[rng.IntN(len(keyAlphabet))])
			} else {
				sb.WriteRune(han[rng.IntN(len(han))])
			}
		}
		checkScanKey(t, &us, sb.String())
	}
	for _, s := range []string{"", "，。", "中", "中国", "ﷺﷺﷺ", strings.Repeat("ﷺ", 50), "第十三届增长5.2%，abc de",
		"\xe4\xb8", "一二三", "十一月二十日", "𠀀𠀁𠀂𠀃𠀄", "中\xe4\xb8文"} {
		checkScanKey(t, &us, s)
	}
}

func FuzzScanKey(f *testing.F) {
	for _, s := range keyAlphabet {
		f.Add(s + "第十三届增长5.2%，GDP达到一千亿元")
	}
	var us unitScan
	f.Fuzz(func(t *testing.T, s string) {
		checkScanKey(t, &us, s)
	})
}
