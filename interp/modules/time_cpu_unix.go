//go:build unix

package modules

import "syscall"

// processTimeNs is the CPU time of the process (user and system), as
// CLOCK_PROCESS_CPUTIME_ID counts it, to the microsecond.
func processTimeNs() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
