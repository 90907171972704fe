// Package stress runs concurrency stress scenarios: many interpreters,
// threads and channels under load and injected faults, with invariants
// checked and reports written.
//
// Every run is driven by a seed, and a failing run must be replayable
// exactly from that seed. Package stress may import runtime, pool and
// channels; nothing else in the module may import it except cmd/parallel.
package stress
