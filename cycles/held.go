package cycles

import "github.com/parallel-py/parallel/alloc"

// Held reports whether the collector holds the tracked container h as
// garbage of the collection under way: a reference it will release
// before the collection ends, so that h, unless a finalizer stored it
// somewhere, dies then. An interpreter freeing one object of a garbage
// cycle can thus tell that another, still alive, is about to die too.
func Held(h *alloc.Header) bool {
	return h.Flags()&alloc.FlagContainer != 0 && alloc.Link(h).GCBits&bitHeld != 0
}
