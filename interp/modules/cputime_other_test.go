//go:build !unix

package modules_test

// processCPU is 0 where the process's CPU time is not read: the
// benchmarks' cpu-ns/op is then 0 and only ns/op means anything.
func processCPU() int64 { return 0 }
