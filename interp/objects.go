package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// This file is the one place that converts between a Value and the Go
// struct of a heap object. Every object struct begins with alloc.Header,
// so a pointer to the header is a pointer to the object.

// asObject returns the object struct of v; v must be a heap object whose
// Go struct is T (the caller checked its type).
func asObject[T any](v Value) *T { return (*T)(v.p) }

// valueOf returns the Value of an object struct.
func valueOf[T any](o *T) Value { return Value{unsafe.Pointer(o), 0} }

// account makes h a live object of type t in this interpreter, counted
// against its memory limit; it returns MemoryError when the limit would
// be passed, and then h must not be used. A container is tracked by the
// cycle finder: only types with a traverse slot are, since their Go
// structs have the GCLink the finder writes into (a class derived from
// str or int has neither, and its instances are not tracked).
//
// This is every object's start: the common cases of Allocator.Account
// and Collector.TrackNew are inlined here, so that a tuple or a list
// costs one call for its accounting and tracking.
func (in *Interp) account(h *alloc.Header, t *Type, size uintptr) error {
	h.Type = unsafe.Pointer(t)
	if t.Flags&TypeHeapType != 0 {
		return in.accountInstance(h, t, size)
	}
	if !in.heap.TryAccount(h, t.class, size) {
		if err := in.heap.Account(h, t.class, size); err != nil {
			return in.memoryError()
		}
	}
	if t.traverse != nil && in.gc != nil && !in.gc.TryTrackNew(h) {
		in.gc.TrackNew(h)
	}
	return nil
}

// accountInstance is account for an instance of a class: counted under
// its layout's class, holding a reference to its class.
func (in *Interp) accountInstance(h *alloc.Header, t *Type, size uintptr) error {
	if !in.heap.TryAccount(h, t.layout.class, size) {
		if err := in.heap.Account(h, t.layout.class, size); err != nil {
			return in.memoryError()
		}
	}
	incRef(valueOf(t)) // released by Interp.dealloc
	if t.traverse != nil && in.gc != nil && !in.gc.TryTrackNew(h) {
		in.gc.TrackNew(h)
	}
	return nil
}
