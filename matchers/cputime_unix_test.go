//go:build unix

package matchers

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user + system) the process has used, all
// threads together (the benchmark goroutine and the garbage collector).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
