// Package alloc implements the per-interpreter allocator: the object header
// (type pointer, reference count, GC links, flags), free lists per size
// class and per hot type, the frame stack arena, exact accounting of live
// objects and bytes per type, and memory limits.
//
// An Allocator belongs to one interpreter and is not safe for concurrent
// use; reference counts are non-atomic for the same reason. Exceeding a
// limit must be reported as an error the interpreter turns into
// MemoryError, never as a crash. Package alloc imports nothing of ours.
package alloc
