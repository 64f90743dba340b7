//go:build unix

package benchdata

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user + system) the process has used so far.
// Benchmarks report throughput per CPU second as well as per wall second:
// on a shared, loaded machine wall time says more about the neighbours.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
