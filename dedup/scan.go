package dedup

import (
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// The finder's pass over a unit. FindRepeats used to normalise every unit
// into a stored []rune key and then walk each key again for its bigram
// hashes, its sketch, its Han count and its number-folded key. scanText
// decodes the UTF-8 bytes and hashes the bigrams into the sketch as it
// goes, with Han ideographs and dropped CJK punctuation inline and only
// the rare rest through the general normaliser, so its key runes are
// exactly those of appendKeyPlain; the hashes and the one-permutation
// sketch follow in short loops over scratch buffers. Keys are kept only for
// the units that a candidate pair or a hash match asks about (finder.key).

// unitScan is what one pass over a unit's text yields.
type unitScan struct {
	n, han int    // key runes, Han runes among them
	hash   uint64 // keyHash of the key
	fold   uint64 // foldHash of the key
	sk     Sketch
	mini   [2]uint64
	// The one-permutation sketch (when asked for): bins and the mask of
	// the bins filled.
	bins [ophBins]uint32
	mask uint64
	// kb holds the key runes and hs[j] the hash of the bigram
	// kb[j-1:j+1], for the passes that only some units need (the second
	// sketch of short keys, the big sketch of long ones). Both are
	// scratch, valid until the next scan.
	kb []rune
	hs []uint64
	// other counts the key runes that are not Han.
	other int
	// fps[j] is the fingerprint of the k-gram of kb ending at j (scanKey).
	fps []uint32
	ks  keyState
}

// The key hashes are FNV-1a over the runes, finished with splitmix64: a
// multiply per rune, which the pass can afford, where xxh3 would need the
// key stored first. Equal keys give equal hashes; exact matches are
// confirmed on the texts or keys, and number variants rely on the 64 bits
// as they did on xxh3's.
const (
	keyHashInit  = 0xCBF29CE484222325
	keyHashPrime = 0x100000001B3
)

// keyHash is the hash scanText computes, for a key at hand.
func keyHash(key []rune) uint64 {
	h := uint64(keyHashInit)
	for _, r := range key {
		h = (h ^ uint64(r)) * keyHashPrime
	}
	return splitmix64(h)
}

// foldHash is keyHash of the key with every run of digits and Chinese
// numerals folded to one '0' (foldKey).
func foldHash(key []rune) uint64 {
	h := uint64(keyHashInit)
	last := false
	for _, r := range key {
		d := isFoldDigit(r)
		if d {
			if last {
				continue
			}
			r = '0'
		}
		last = d
		h = (h ^ uint64(r)) * keyHashPrime
	}
	return splitmix64(h)
}

// scanText scans s (see unitScan). With oph it also fills the
// one-permutation sketch of the key's shingles (see ophSketch).
//
// The first loop decodes the text and hashes the bigrams as it goes, with
// Han (U+4E00..U+9FFF) inline and everything else through scanOther; the
// rest are simple loops, one concern each, which Go keeps in registers.
func (u *unitScan) scanText(s string, oph bool) {
	if len(u.kb) < len(s)+1 || len(u.hs) != len(u.kb) {
		u.kb = make([]rune, len(s)+64)
		u.hs = make([]uint64, len(s)+64)
	}
	u.sk = Sketch{}
	u.other = 0
	kb, hs, sk := u.kb, u.hs[:len(u.kb)], &u.sk // one length, one bounds check
	n := 0
	for i := 0; i < len(s); {
		// A run of Han ideographs U+4E00..U+9FFF after the first key rune:
		// their UTF-8 bytes read big-endian are E4B880..E9BFBF, in code
		// point order, so one range test and one test of the continuation
		// bytes pick them.
		if n > 0 {
			prev := kb[n-1]
			for i+2 < len(s) && n < len(kb) {
				x := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
				if x-0xE4B880 > 0xE9BFBF-0xE4B880 || x&0xC0C0 != 0x8080 {
					break
				}
				r := rune(x>>16&0x0F)<<12 | rune(x>>8&0x3F)<<6 | rune(x&0x3F)
				kb[n] = r
				h := mixShingle(uint64(prev)<<21 | uint64(r))
				hs[n] = h
				sk[h>>6&7] |= 1 << (h & 63)
				prev = r
				n++
				i += 3
			}
			if i >= len(s) {
				break
			}
		}
		// Punctuation, dropped without a call.
		if c := s[i]; c < utf8.RuneSelf {
			if asciiKey[c] == 0 {
				i++
				continue
			}
		} else if c >= 0xE2 && c <= 0xEF && i+2 < len(s) {
			b1, b2 := s[i+1], s[i+2]
			if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && droppedPunct(rune(c&0x0F)<<12|rune(b1&0x3F)<<6|rune(b2&0x3F)) {
				i += 3
				continue
			}
		}
		i, n = u.scanOther(s, i, n)
		kb, hs = u.kb, u.hs[:len(u.kb)]
	}
	u.n = n
	u.han = n - u.other
	u.hash, u.fold = keyHashes(kb[:n])
	// The 128-bit sketch folds the 512-bit one: still one bit per bigram.
	u.mini = [2]uint64{sk[0] | sk[2] | sk[4] | sk[6], sk[1] | sk[3] | sk[5] | sk[7]}
	u.mask = 0
	if oph && n > 0 {
		u.bins = emptyBins
		if u.other == 0 && n >= 2 {
			u.mask = ophAddAll(&u.bins, hs[1:n])
		} else {
			u.mask = ophSketch(kb[:n], hs[:n], &u.bins)
		}
	}
}

// keyHashes returns keyHash(key) and foldHash(key) in one pass, which
// runs as one loop up to the first digit and as two hashes after it.
func keyHashes(key []rune) (hash, fold uint64) {
	h := uint64(keyHashInit)
	j := 0
	for ; j < len(key); j++ {
		r := key[j]
		// isFoldDigit, with its common case written out.
		if uint32(r-0x3400) <= 0x9FFF-0x3400 {
			if hanNumBits[(r-0x3400)>>6]>>(r&63)&1 != 0 {
				break
			}
		} else if isFoldDigitSlow(r) {
			break
		}
		h = (h ^ uint64(r)) * keyHashPrime
	}
	if j == len(key) {
		h = splitmix64(h)
		return h, h
	}
	f := h
	last := false
	for _, r := range key[j:] {
		h = (h ^ uint64(r)) * keyHashPrime
		var d bool
		if uint32(r-0x3400) <= 0x9FFF-0x3400 {
			d = hanNumBits[(r-0x3400)>>6]>>(r&63)&1 != 0
		} else {
			d = isFoldDigitSlow(r)
		}
		if d {
			if last {
				continue
			}
			r = '0'
		}
		last = d
		f = (f ^ uint64(r)) * keyHashPrime
	}
	return splitmix64(h), splitmix64(f)
}

// otherKey returns the key runes of the rune of s at i (none for
// punctuation), as appendKeyPlain gives them, in buf, and the offset after
// the rune.
func otherKey(s string, i int, buf *[8]rune) ([]rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		if r := asciiKey[c]; r != 0 {
			buf[0] = r
			return buf[:1], i + 1
		}
		return nil, i + 1
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return appendKeyPlain(buf[:0], s[i:i+size]), i + size
}

// scanOther handles the rune of s at i that is not a Han ideograph of
// U+4E00..U+9FFF: it appends its key runes (none for punctuation), as
// appendKeyPlain would, with their bigrams, and returns the next offset,
// the key length and the key hash so far.
func (u *unitScan) scanOther(s string, i, n int) (int, int) {
	var buf [8]rune
	k, i := otherKey(s, i, &buf)
	if len(k) == 0 {
		return i, n
	}
	if need := n + len(k) + len(s) - i + 1; need > len(u.kb) || need > len(u.hs) {
		kb, hs := make([]rune, need+64), make([]uint64, need+64)
		copy(kb, u.kb[:n])
		copy(hs, u.hs[:n])
		u.kb, u.hs = kb, hs
	}
	for _, r := range k {
		if n > 0 {
			h := mixShingle(uint64(u.kb[n-1])<<21 | uint64(r))
			u.hs[n] = h
			u.sk[h>>6&7] |= 1 << (h & 63)
		}
		u.kb[n] = r
		if !IsHan(r) {
			u.other++
		}
		n++
	}
	return i, n
}

// droppedPunct reports whether the three-byte rune r is punctuation that
// keys drop: CJK and full-width punctuation, general punctuation, vertical
// and small forms (see appendKeyPlain).
func droppedPunct(r rune) bool {
	switch {
	case uint32(r-0x3000) <= 0x303F-0x3000:
		return cjkPunctKeep>>(r-0x3000)&1 == 0
	case uint32(r-0xFF01) <= 0xFF5E-0xFF01:
		return asciiKey[r-0xFEE0] == 0
	}
	return uint32(r-0x2000) <= 0x206F-0x2000 || uint32(r-0xFE10) <= 0xFE1F-0xFE10 || uint32(r-0xFE30) <= 0xFE6F-0xFE30
}

// bigramBits hashes the bigram (p, r) for the sketches of scanKey with one
// multiply: the sketches read only the top bits of the product, which
// depend on every bit of the pair. The runes share 32 bits as in the shift
// register of scanKey (16 each for Han; longer runes overlap, which only
// merges a few bigrams of rare characters).
func bigramBits(p, r rune) uint64 {
	return uint64(uint32(p)<<16^uint32(r)) * bigramMul
}

const bigramMul = 0x9E3779B97F4A7C15

// hanNum64K marks the Chinese numerals of the Basic Multilingual Plane
// (see isFoldDigit) in a bitmap of every 16-bit rune, read without a
// bounds check.
var hanNum64K = func() (m [1024]uint64) {
	for _, r := range "〇零一二三四五六七八九十百千两" {
		m[r>>6] |= 1 << (r & 63)
	}
	return m
}()

// setBigram sets the sketch bit of the bigram hash h (see bigramBits).
func setBigram(sk *Sketch, h uint64) {
	sk[h>>61] |= 1 << (h >> 55 & 63)
}

// scanKey is scanText without the bigram hashes and the one-permutation
// sketch, for the anchor and pairwise paths. One pass decodes the text into
// kb and, rune by rune, sets the sketch bits of its bigrams (bigramBits),
// updates the key hash and the number-folded hash, and writes the k-gram
// fingerprints into fps, all as keyPrints would; winnow reads fps after.
func (u *unitScan) scanKey(s string) {
	if len(u.kb) < len(s)+1 {
		u.kb = make([]rune, len(s)+64)
	}
	if len(u.fps) < len(u.kb) {
		u.fps = make([]uint32, len(u.kb))
	}
	u.sk = Sketch{}
	u.other = 0
	u.ks = keyState{h: keyHashInit, f: keyHashInit}
	kb, fps, sk := u.kb, u.fps[:len(u.kb)], &u.sk
	base := unsafe.Pointer(unsafe.StringData(s))
	n := 0
	for i := 0; i < len(s); {
		st := u.ks
		if n > 0 && i+3 < len(s) {
			// A run of Han U+4E00..U+9FFF after the first key rune, as in
			// scanText, read four bytes at a time (the fourth is ignored)
			// while four remain. kb and fps have room for a rune per byte
			// left (see scanKeyOther), so the loop writes through pointers,
			// which leaves Go registers for the key state.
			kp, fp := unsafe.Pointer(unsafe.SliceData(kb)), unsafe.Pointer(unsafe.SliceData(fps))
			end := len(s) - 3
			reg, h, f, last := st.reg, st.h, st.f, st.last
			for i < end {
				x := bits.ReverseBytes32(*(*uint32)(unsafe.Add(base, i))) >> 8
				if x-0xE4B880 > 0xE9BFBF-0xE4B880 || x&0xC0C0 != 0x8080 {
					break
				}
				r := x>>16&0x0F<<12 | x>>8&0x3F<<6 | x&0x3F
				*(*uint32)(unsafe.Add(kp, 4*n)) = r
				reg = reg<<16 | uint64(r)
				b := uint64(uint32(reg)) * bigramMul
				sk[b>>61] |= 1 << (b >> 55 & 63)
				*(*uint32)(unsafe.Add(fp, 4*n)) = uint32((reg * fpMul) >> 32)
				h = (h ^ uint64(r)) * keyHashPrime
				// Chinese numerals fold as digits (isFoldDigit).
				if hanNum64K[r>>6&1023]>>(r&63)&1 == 0 {
					f = (f ^ uint64(r)) * keyHashPrime
					last = false
				} else if !last {
					f = (f ^ '0') * keyHashPrime
					last = true
				}
				n++
				i += 3
			}
			st = keyState{reg: reg, h: h, f: f, last: last}
		}
		u.ks = st
		if i >= len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			// A run of ASCII, inline: Latin words, figures and spaces
			// went through scanKeyOther a byte at a time. At most one
			// key rune per byte, for which kb and fps have room.
			st, other := u.ks, u.other
			for i < len(s) && s[i] < utf8.RuneSelf {
				r := asciiKey[s[i]]
				i++
				if r == 0 {
					continue
				}
				if n > 0 {
					setBigram(sk, bigramBits(kb[n-1], r))
				}
				st.push(r, fps, n)
				kb[n] = r
				other++
				n++
			}
			u.ks, u.other = st, other
			continue
		} else if c >= 0xE2 && c <= 0xEF && i+2 < len(s) {
			b1, b2 := s[i+1], s[i+2]
			if b1&0xC0 == 0x80 && b2&0xC0 == 0x80 && droppedPunct(rune(c&0x0F)<<12|rune(b1&0x3F)<<6|rune(b2&0x3F)) {
				i += 3
				continue
			}
		}
		i, n = u.scanKeyOther(s, i, n)
		kb, fps = u.kb, u.fps[:len(u.kb)]
	}
	u.n = n
	u.han = n - u.other
	u.mini = [2]uint64{sk[0] | sk[2] | sk[4] | sk[6], sk[1] | sk[3] | sk[5] | sk[7]}
	u.hash, u.fold = splitmix64(u.ks.h), splitmix64(u.ks.f)
}

// keyState is what scanKey carries from rune to rune: the shift register
// of the last four runes and the two hashes (see keyPrints).
type keyState struct {
	reg, h, f uint64
	last      bool // the last rune was a folded digit
}

// push adds the key rune r at position n of fps.
func (st *keyState) push(r rune, fps []uint32, n int) {
	st.reg = st.reg<<16 ^ uint64(r)
	fps[n] = uint32((st.reg * fpMul) >> 32)
	st.h = (st.h ^ uint64(r)) * keyHashPrime
	d := isFoldDigit(r)
	if d {
		if st.last {
			return
		}
		r = '0'
	}
	st.last = d
	st.f = (st.f ^ uint64(r)) * keyHashPrime
}

// fpMul hashes the shift register to a fingerprint: the high half of one
// product depends on every bit of the register.
const fpMul = 0x9E3779B97F4A7C15

// keyPrints returns keyHash(key) and foldHash(key) and sets fps[j] to the
// fingerprint of the anchorK-gram ending at key[j] (of the whole key so far
// for j < anchorK−1), from a shift register of the last four runes (a Han
// rune has 16 bits; the bits of longer runes that run over only merge
// fingerprints, and candidates are verified). It is the reference for
// scanKey, which works them out as it decodes.
func keyPrints(key []rune, fps []uint32) (hash, fold uint64) {
	st := keyState{h: keyHashInit, f: keyHashInit}
	for j, r := range key {
		st.push(r, fps, j)
	}
	return splitmix64(st.h), splitmix64(st.f)
}

// scanKeyOther is scanOther for scanKey.
func (u *unitScan) scanKeyOther(s string, i, n int) (int, int) {
	var buf [8]rune
	k, i := otherKey(s, i, &buf)
	if len(k) == 0 {
		return i, n
	}
	if need := n + len(k) + len(s) - i + 1; need > len(u.kb) {
		kb := make([]rune, need+64)
		copy(kb, u.kb[:n])
		u.kb = kb
		fps := make([]uint32, need+64)
		copy(fps, u.fps[:n])
		u.fps = fps
	}
	for _, r := range k {
		if n > 0 {
			setBigram(&u.sk, bigramBits(u.kb[n-1], r))
		}
		u.ks.push(r, u.fps, n)
		u.kb[n] = r
		if !IsHan(r) {
			u.other++
		}
		n++
	}
	return i, n
}
