//go:build !unix

package benchdata

import "time"

// CPUTime is not available here; benchmarks then report wall time only.
func CPUTime() time.Duration { return 0 }
