// Package runtime is the embedding API: Runtime, Interpreter and threads,
// the per-interpreter GIL, the scheduler that hands out run slots, the eval
// breaker, cancellation through context, and the Go modules that need it
// (_thread, interpreters, concurrent.interpreters).
//
// Interpreters share nothing mutable: only immutable, immortal values and
// code templates cross between them. The deterministic mode runs one slot
// and takes every switch decision from a seed, so it must not consult the
// clock or Go's scheduler. Package runtime may import every package of
// this module except pool, stress and cmd; none of those lower packages
// may import it.
package runtime
