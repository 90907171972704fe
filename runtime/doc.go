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
// between them; data is copied through plain Go values (xi.go) and the
// queues and channels of package channels, one Registry per Runtime.
// Python code reaches all of it through modules this package registers:
// the Go modules _xi, _interpqueues and _interpchannels, and the Python
// modules embedded from pylib/ (_interpreters, concurrent.interpreters
// with its queues, interpreters and interpchannels for PEP 554). A
// deterministic scheduling mode (one slot, every switch decided from a
// seed, so it must not consult the clock or Go's scheduler) is to come
// here. Package runtime may import every package of this module except
// pool, stress and cmd; none of those lower packages may import it.
package runtime
