// Package alloc implements the per-interpreter allocator: the object
// header, reference counting, exact accounting of live objects and bytes
// per class with a memory limit, free lists per type (Pool) and per size
// class (SlicePool), and the frame stack arena (Stack), which grows from
// nothing as calls nest.
//
// Every heap object is a Go struct whose first field is a Header; a
// container also embeds a GCLink right after it, for the cycle finder.
// Go's collector owns raw memory; this package decides when an object is
// dead (its count reaches zero), keeps freed objects for reuse so that the
// Go allocation rate stays low, and counts what each interpreter holds.
//
// The life of an object:
//
//	x := pool.Get()                        // zeroed, maybe reused
//	err := a.Account(&x.Header, cls, size) // count 1; ErrMemoryLimit if over
//	x.Type = typ
//	IncRef(&x.Header)                      // another owner
//	if DecRef(&x.Header) { ... }           // false: one owner left
//	if DecRef(&x.Header) {                 // true: the last reference went
//		// release what x owns, then
//		a.Free(&x.Header, size)
//		pool.Put(x)
//	}
//
// The reference conventions (new references returned, arguments borrowed,
// containers own what they hold) are in docs/design/memory.md.
//
// The classes an Allocator counts under can come from a ClassTable built
// once and shared, read-only, by every Allocator of a process (the
// interpreter's built-in types), so that making an Allocator only makes
// its counts.
//
// Caveats. An Allocator and everything made for it belong to one
// interpreter and are not safe for concurrent use; counts are non-atomic
// for the same reason. Only immortal objects (and ClassTables) may be
// seen by several interpreters, and nothing here writes to them. Exceeding the memory limit
// is an error the interpreter turns into MemoryError, never a crash.
//
// Built with -tags rcdebug (Debug is true), Free poisons the header,
// pooled objects stay marked freed, and IncRef or DecRef on a freed
// object, a count going below zero, a double Free and a Pool.Put of a live
// object are recorded with a Go stack in the owning Allocator's Reports;
// Stack checks that pushes and pops nest. Normal builds compile all of it
// away. Package alloc imports nothing of ours.
package alloc
