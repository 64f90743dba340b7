package dedup

import (
	"sync"
	"unsafe"

	"github.com/zeebo/xxh3"
)

// splitmix64 is the finaliser of the SplitMix64 generator: a cheap, well
// mixed bijection on 64-bit words, used for shingle and band hashes.
func splitmix64(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// littleEndian is true on the platforms where a []rune can be hashed in
// place and still give the same value as the portable encoding.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// KeyHash is the exact-match fingerprint of a key: xxh3 over the key runes
// encoded as little-endian 32-bit words, so it is the same on every platform
// (band keys and hashes may be written to files and joined elsewhere).
func KeyHash(key []rune) uint64 {
	if len(key) == 0 {
		return xxh3.Hash(nil)
	}
	if littleEndian {
		return xxh3.Hash(unsafe.Slice((*byte)(unsafe.Pointer(&key[0])), 4*len(key)))
	}
	b := make([]byte, 4*len(key))
	for i, r := range key {
		b[4*i], b[4*i+1], b[4*i+2], b[4*i+3] = byte(r), byte(r>>8), byte(r>>16), byte(r>>24)
	}
	return xxh3.Hash(b)
}

var keyPool = sync.Pool{New: func() any { b := make([]rune, 0, 256); return &b }}

// HashString is KeyHash(Normalize(s, f)) without keeping the key.
func HashString(s string, f Fold) uint64 {
	p := keyPool.Get().(*[]rune)
	k := AppendKey((*p)[:0], s, f)
	h := KeyHash(k)
	*p = k
	keyPool.Put(p)
	return h
}
