package interp

import (
	"math/bits"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Recyclers keep the Go memory of dead objects for the next object of
// the same kind, for the kinds that hot loops make and drop by the
// million (slices, sets and their tables, generators, ranges) and that
// have no alloc.Pool of their own. Fewer Go allocations mean fewer
// collections, and each collection turns on write barriers that slow
// every store of a pointer: in nqueens, set tables alone were half of
// all Go allocation.
//
// They are free lists of the interpreter (freeLists, in Interp.free):
// an interpreter runs on one goroutine at a time, so its lists need no
// lock, and a Get or Put is a few instructions where a sync.Pool's pin
// and per-P queues cost tens (5% of nqueens). They are bounded, so
// that an interpreter that once made many ranges or sets does not keep
// them all, and Close discards them.
//
// rcdebug builds (alloc.Debug) never recycle, so that a use after free
// is still reported.

// freeLists are the interpreter's recyclers (see above).
type freeLists struct {
	sets         freeList[Set]
	setTables    tableFreeList[setEntry]
	slices       freeList[Slice]
	generators   freeList[Generator]
	boundMethods freeList[BoundMethod]
	builtins     freeList[Builtin]
	ranges       freeList[Range]
	rangeIters   freeList[rangeIterator]
	seqIters     freeList[seqIterator]

	// Dicts and their tables (dict_recycle.go).
	dicts       freeList[Dict]
	dictIndices tableFreeList[int32]
	dictEntries entryFreeList
	dictViews   freeList[dictView]
	dictIters   freeList[dictIter]

	frameObjects freeList[frameObject] // frame_object.go
	lists        smallListFreeList     // list_alloc.go

	// Closures: copy.deepcopy makes a function and its cells at every
	// call, and drops them when it returns.
	functions freeList[Function]
	cells     freeList[Cell]

	// pctCall is the state of the last str % operation, kept for the
	// next (str_format_fast.go); nil while one is running.
	pctCall *pctCall
}

// discard empties every list and makes them keep nothing more, as
// alloc.Pool.Discard does.
func (f *freeLists) discard() {
	f.sets.discard()
	f.setTables.discard()
	f.slices.discard()
	f.generators.discard()
	f.boundMethods.discard()
	f.builtins.discard()
	f.ranges.discard()
	f.rangeIters.discard()
	f.seqIters.discard()
	f.dicts.discard()
	f.dictIndices.discard()
	f.dictEntries.discard()
	f.dictViews.discard()
	f.dictIters.discard()
	f.frameObjects.discard()
	f.lists.discard()
	f.functions.discard()
	f.cells.discard()
}

// maxFree bounds a freeList: enough for the objects a program's inner
// loops have alive at once (nested for loops, a few sets, a generator
// pipeline), not for a whole data structure dying at once.
const maxFree = 256

// freeList is a bounded free list of *T for one interpreter. Its zero
// value is an empty list.
type freeList[T any] struct {
	free []*T
	off  bool // discarded: keep nothing
}

// get returns a zeroed *T.
func (l *freeList[T]) get() *T {
	if n := len(l.free); n > 0 {
		x := l.free[n-1]
		l.free[n-1] = nil
		l.free = l.free[:n-1]
		return x
	}
	return new(T)
}

// put zeroes x and keeps it for a later get, unless the list is full.
// x must not be used again.
func (l *freeList[T]) put(x *T) {
	if alloc.Debug || len(l.free) >= maxFree || l.off {
		return
	}
	var zero T
	*x = zero
	l.free = append(l.free, x)
}

// discard lets go of the list and keeps nothing from now on.
func (l *freeList[T]) discard() { l.free, l.off = nil, true }

// tableFreeList is a bounded free list of []T arrays whose length is a
// power of two, one list per length up to 1<<maxRecycledClass, for one
// interpreter. Small arrays are kept by the dozen, large ones by the
// few: a list holds at most maxFreeTableBytes of arrays.
type tableFreeList[T any] struct {
	lists [maxRecycledClass + 1][][]T
	off   bool // discarded: keep nothing
}

// maxFreeTableBytes bounds the arrays one list of a tableFreeList
// keeps, in bytes (with at least two arrays kept per length).
const maxFreeTableBytes = 64 << 10

// get returns a zeroed []T of length n, a power of two.
func (r *tableFreeList[T]) get(n int) []T {
	if k := bits.TrailingZeros(uint(n)); n&(n-1) == 0 && k <= maxRecycledClass {
		if l := r.lists[k]; len(l) > 0 {
			i := len(l) - 1
			s := l[i]
			l[i] = nil
			r.lists[k] = l[:i]
			return s
		}
	}
	return make([]T, n)
}

// put zeroes s and keeps it for a later get, if its length is one the
// list keeps (and its capacity the same) and that length's list is not
// full. s must not be used again.
func (r *tableFreeList[T]) put(s []T) {
	n := len(s)
	if alloc.Debug || r.off || n == 0 || n&(n-1) != 0 || cap(s) != n {
		return
	}
	k := bits.TrailingZeros(uint(n))
	if k > maxRecycledClass {
		return
	}
	var zero T
	if len(r.lists[k]) >= max(2, maxFreeTableBytes/(n*int(unsafe.Sizeof(zero)))) {
		return
	}
	clear(s)
	r.lists[k] = append(r.lists[k], s)
}

// discard lets go of the lists and keeps nothing from now on.
func (r *tableFreeList[T]) discard() {
	for k := range r.lists {
		r.lists[k] = nil
	}
	r.off = true
}

// maxRecycledClass bounds the arrays a tableFreeList keeps: 1<<12
// entries (96 KiB of set entries); bigger ones go to Go's collector.
const maxRecycledClass = 12
