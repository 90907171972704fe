//go:build !unix

package modules

// processTimeNs reports that the process's CPU time is not available
// here (-1: the clock raises NotImplementedError).
func processTimeNs() int64 { return -1 }
