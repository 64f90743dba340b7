//go:build !amd64

package dedup

const useAVX2 = false

func minhashAVX2(sig *sig32, hs []uint32, a, b *[NumHashes]uint32) { sig.addGeneric(hs) }
