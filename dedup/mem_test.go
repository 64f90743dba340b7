package dedup

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
)

// TestIndexMemory measures the peak RSS of an in-memory index of a million
// units (DEDUP_MEM=1 to run; it reports, it does not assert): 137 bytes a
// unit of signatures, then the union-find and one band buffer with its
// sort scratch while clustering — 137 MB after adding, 170 MB peak
// measured. Signatures are synthetic: random band keys, with every 50th
// unit a near copy of the one before (sharing all bands but one and the
// text but one character). The whole command (positions, spill store,
// documents in flight) is measured with internal/bench/dedup.
func TestIndexMemory(t *testing.T) {
	if os.Getenv("DEDUP_MEM") == "" {
		t.Skip("set DEDUP_MEM=1")
	}
	const n = 1_000_000
	base := vmHWM()
	ix := NewIndex()
	nk := DefaultBanding.NumKeys()
	bands := make([]uint64, nk)
	x := uint64(1)
	for u := range n {
		near := u%50 == 1
		for b := range bands {
			if !near || b == 0 {
				x = splitmix64(x)
				bands[b] = x
			}
		}
		x = splitmix64(x)
		ix.AddSig(uint64(u), UnitSig{Exact: x, Runes: 60, Bands: bands})
	}
	afterAdd := vmHWM()
	text := func(u int, _ uint64) (string, error) {
		if u%50 == 1 {
			u--
			return fmt.Sprintf("%08d", u) + strings.Repeat("数字经济融合发展示范区目标", 4) + "甲", nil
		}
		return fmt.Sprintf("%08d", u) + strings.Repeat("数字经济融合发展示范区目标", 4), nil
	}
	cl, st, err := ix.Clusters(text, ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%d units: peak RSS %d MB before, %d MB after adding, %d MB after clustering (%d clusters, %+v); %.0f bytes a unit",
		n, base>>20, afterAdd>>20, vmHWM()>>20, len(cl), st, float64(vmHWM()-base)/n)
}

// vmHWM reads the peak resident set size from /proc (Linux only).
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "VmHWM:"), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}
