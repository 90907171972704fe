// Package channels owns the data that crosses between interpreters and
// the containers that carry it: queues with PEP 734's semantics, channels
// with PEP 554's, and a per-runtime Registry that names them by ID and
// counts the references interpreters hold to them.
//
// An Item is plain Go data that belongs to no interpreter: None, bool,
// int (int64, or *big.Int beyond it), float, str (a Go string, never
// copied on the way through), bytes (copied once, on the way in), tuples
// of items, and handles naming a queue or a channel end of a Registry
// (or an opaque object of the embedding program); and graphs, the
// structural copies of lists, dicts, sets and instances (graph.go), whose
// nodes keep shared references and cycles. The runtime turns a
// Python object into an Item in the sending interpreter and an Item into
// a new object in the receiving one, so no object is ever seen by two
// interpreters.
//
// Every wait parks the calling goroutine on a channel of its own, and the
// operation that satisfies it (a put for a blocked get, a get for a
// blocked put) hands the item or the room over directly and wakes exactly
// that waiter: nothing polls, nothing spins. Each wait takes a
// context.Context; code that waits in its own way (the runtime, which
// must release an interpreter's GIL and stay interruptible by signals)
// uses the Start* methods, which return a Waiter to wait on and cancel.
//
// The package must not know about interpreters beyond their integer IDs:
// it imports nothing of package interp or runtime (alloc at most), and it
// keeps no global mutable state, so that two runtimes in one process
// share nothing.
package channels
