// Package pool implements worker pools of warm interpreters that run
// Python functions for Go programs, with contexts, limits and metrics; it
// backs InterpreterPoolExecutor.
//
// A pool must never let one job's failure, panic or memory limit harm
// another job or the host program: errors come back as Go errors. Package
// pool may import runtime and channels; runtime must not import it.
package pool
