//go:build unix

package modules_test

import "syscall"

// processCPU returns the CPU time the process has used (user and system,
// all threads, the collector's included) in nanoseconds. Benchmarks
// report it per operation beside ns/op because on a shared machine wall
// time mostly measures the neighbours.
func processCPU() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
