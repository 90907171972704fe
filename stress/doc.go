// Package stress runs concurrency stress scenarios: many interpreters,
// threads, channels and pool tasks under load and injected faults
// (cancellations, random switch intervals, forced collections), with
// invariants checked at the end (nothing lost or duplicated, exact
// counts, no goroutine leak, no Go panic, no interpreter left open) and
// a watchdog that turns a stall into a report with every goroutine's
// stack. Built-in scenarios register themselves by name; a person's own
// scenario is a Python file with setup(), worker(i) and check().
//
// Every run is driven by a seed and prints the command line that replays
// it. Every random choice a scenario makes comes from the seed; in
// deterministic mode (Config.Deterministic) so does the interleaving of
// each interpreter's threads, with virtual time, and the report carries
// a trace hash that is the same for runs with the same seed. Package stress may import runtime, pool and
// channels; nothing else in the module may import it except
// cmd/parallel.
package stress
