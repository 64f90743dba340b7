package dedup

import "math/bits"

func popcount(x uint64) int { return bits.OnesCount64(x) }

func bitsLen(x uint) int { return bits.Len(x) }
