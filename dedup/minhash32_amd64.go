package dedup

import "golang.org/x/sys/cpu"

// useAVX2 selects the vector kernel; tests turn it off to compare.
var useAVX2 = cpu.X86.HasAVX2

// minhashAVX2 is sig32.add with eight functions per instruction
// (minhash32_amd64.s).
//
//go:noescape
func minhashAVX2(sig *sig32, hs []uint32, a, b *[NumHashes]uint32)
