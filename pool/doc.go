// Package pool implements worker pools of warm interpreters that run
// Python functions for Go programs, with contexts, limits and metrics; it
// backs InterpreterPoolExecutor.
//
// New starts a fixed number of interpreters in a runtime.Runtime, each
// running the pool's setup code once; Call, Submit, Map, MapStream and
// Group run functions that code defined, with Go values converted as
// runtime.Interpreter.Call converts them. Tasks wait in one FIFO queue,
// bounded or not, and are handed to idle workers; a synchronous Call
// runs on its caller's goroutine with the worker lent to it, and
// submitted tasks on the worker's own goroutine. TaskTimeout, MemoryLimit, RecycleAfter
// and the queue's bound limit what a task or a worker may take; Stats
// and Var report what the pool did. docs/pool.md shows a whole program.
//
// A pool must never let one job's failure, panic or memory limit harm
// another job or the host program: errors come back as Go errors. A
// worker whose interpreter breaks (MemoryError, SystemExit, a Go panic,
// an interpreter closed under it) is replaced by a fresh one before it
// runs anything else, and its task fails with a clear error; nothing
// queued is lost or left waiting. Package pool may import runtime and
// channels; runtime must not import it.
package pool
