// Package runtime is the embedding API: a Go program makes a Runtime,
// creates many isolated Python interpreters in it, and runs code in them
// in parallel (Exec, ExecFile, Call), with Go values converted to Python
// and back, Python exceptions as *PythonError, cancellation through a
// context, a memory limit per interpreter, and Close.
//
// Each interpreter has its own GIL (package interp keeps it, with the
// threads, the eval breaker and _thread); to run bytecode a thread also
// needs one of the runtime's run slots, which the scheduler here hands
// out first come, first served, asking the longest holder to drop its
// slot when a waiter has waited a switch interval. So many more
// interpreters than cores share them fairly, and idle or blocked
// interpreters hold no slot and no goroutine.
//
// Interpreters share nothing mutable: only immutable, immortal values and
// code templates (cached process-wide by package interp/codecache) cross
// between them. The Python modules interpreters and
// concurrent.interpreters, and a deterministic scheduling mode (one slot,
// every switch decided from a seed, so it must not consult the clock or
// Go's scheduler), are to come here. Package runtime may import every
// package of this module except pool, stress and cmd; none of those
// lower packages may import it.
package runtime
