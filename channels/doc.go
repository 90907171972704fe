// Package channels implements interpreter-neutral shareable data and the
// channels (PEP 554) and queues (PEP 734) that carry it between
// interpreters.
//
// Shareable data — None, bool, int, big int, float, str, bytes, tuples of
// these, channel and queue handles — holds no reference into any
// interpreter's heap; lists, dicts, sets and instances of importable
// classes are copied structurally into the receiver, and anything else is
// refused with NotShareableError. Waiting parks the goroutine; nothing
// polls. Package channels may import alloc at most.
package channels
