package interp

import (
	"math/bits"
	"sync"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Recyclers keep the Go memory of dead objects for the next object of
// the same kind, for the kinds that hot loops make and drop by the
// million (slices, sets and their tables, generators, ranges) and that
// have no free list in the Interp struct. Fewer Go allocations mean
// fewer collections, and each collection turns on write barriers that
// slow every store of a pointer: in nqueens, set tables alone were half
// of all Go allocation.
//
// A recycler is process-wide (a sync.Pool), not per interpreter: what
// goes in is zeroed first, so nothing of one interpreter reaches
// another, and sync.Pool's per-P caches keep interpreters on different
// cores from contending. The objects are still accounted per
// interpreter by alloc.Allocator. rcdebug builds (alloc.Debug) never
// recycle, so that a use after free is still reported.

// recycler is a free list of *T.
type recycler[T any] struct{ pool sync.Pool }

// get returns a zeroed *T.
func (r *recycler[T]) get() *T {
	if !alloc.Debug {
		if x, ok := r.pool.Get().(*T); ok {
			return x
		}
	}
	return new(T)
}

// put zeroes x and keeps it for a later get. x must not be used again.
func (r *recycler[T]) put(x *T) {
	if alloc.Debug {
		return
	}
	var zero T
	*x = zero
	r.pool.Put(x)
}

// maxRecycledClass bounds the arrays a tableRecycler keeps: 1<<12
// entries (96 KiB of set entries); bigger ones go to Go's collector.
const maxRecycledClass = 12

// tableRecycler is a free list of []T arrays whose length is a power of
// two, one list per length. The pools hold the array's address, not a
// slice header, so that putting one in does not allocate.
type tableRecycler[T any] struct {
	pools [maxRecycledClass + 1]sync.Pool
}

// get returns a zeroed []T of length n, a power of two.
func (r *tableRecycler[T]) get(n int) []T {
	if k := bits.TrailingZeros(uint(n)); !alloc.Debug && n&(n-1) == 0 && k <= maxRecycledClass {
		if p, ok := r.pools[k].Get().(*T); ok {
			return unsafe.Slice(p, n)
		}
	}
	return make([]T, n)
}

// put zeroes s and keeps it for a later get, if its length is one the
// recycler keeps (and its capacity the same). s must not be used again.
func (r *tableRecycler[T]) put(s []T) {
	n := len(s)
	if alloc.Debug || n == 0 || n&(n-1) != 0 || cap(s) != n {
		return
	}
	k := bits.TrailingZeros(uint(n))
	if k > maxRecycledClass {
		return
	}
	clear(s)
	r.pools[k].Put(unsafe.SliceData(s))
}
