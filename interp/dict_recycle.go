package interp

import (
	"math/bits"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Dicts are made and dropped by the hundred thousand in some programs
// (copy.deepcopy makes a memo dict and a dict per dict it copies, **kwargs
// calls one per call), and a small dict is three Go allocations: the
// struct, its index table and its entry array. The struct of a dict
// NewDict made, and the tables dictGrowFor made, are recycled
// (in.free, recycle.go) when the dict dies; the bits of Dict.recycle
// say which it has. Tables a dict drops when it grows or is cleared are
// left to Go's collector: Go code may still be ranging over the old
// entry array (a call made inside the loop can grow the dict), and
// reading a recycled one would see another dict's entries.
//
// The recyclers are the interpreter's own free lists, not process-wide
// sync.Pools: every dict is made and dies in its interpreter, and a
// Pool's Get and Put (pin, per-P queues, and the interface box of the
// value) cost tens of instructions where a free list costs a few.

const (
	// dictOwnStruct: the Dict struct is a NewDict one, not part of an
	// instance block or of a subclass's struct.
	dictOwnStruct uint8 = 1 << iota
	// dictOwnTables: indices and entries were made by dictGrowFor, for
	// this dict alone, in the sizes the table recyclers keep.
	dictOwnTables
	// dictInBlock: the Dict struct is part of an instance block
	// (instance_blocks.go), which may be recycled when it dies.
	dictInBlock
)

// entryFreeList is a bounded free list of dict entry arrays for one
// interpreter, one list per index table size 1<<k, whose arrays have
// dictGrowFor's capacity for it, (1<<k)*2/3. Each list holds at most
// maxFreeTableBytes of arrays, as a tableFreeList's.
type entryFreeList struct {
	lists [maxRecycledClass + 1][][]dictEntry
	off   bool // discarded: keep nothing
}

// get returns an empty entry array with room for the entries of an
// index table of size n (a power of two).
func (r *entryFreeList) get(n int) []dictEntry {
	if k := bits.TrailingZeros(uint(n)); k <= maxRecycledClass {
		if l := r.lists[k]; len(l) > 0 {
			i := len(l) - 1
			s := l[i]
			l[i] = nil
			r.lists[k] = l[:i]
			return s
		}
	}
	return make([]dictEntry, 0, n*2/3)
}

// put zeroes the array of s and keeps it, if its capacity is the one
// get gives for an index table of size n and that size's list is not
// full. s must not be used again.
func (r *entryFreeList) put(s []dictEntry, n int) {
	k := bits.TrailingZeros(uint(n))
	c := n * 2 / 3
	if alloc.Debug || r.off || n < minIndices || k > maxRecycledClass || cap(s) != c {
		return
	}
	if len(r.lists[k]) >= max(2, maxFreeTableBytes/(c*int(unsafe.Sizeof(dictEntry{})))) {
		return
	}
	s = s[:c]
	clear(s)
	r.lists[k] = append(r.lists[k], s[:0])
}

// discard lets go of the lists and keeps nothing from now on.
func (r *entryFreeList) discard() {
	for k := range r.lists {
		r.lists[k] = nil
	}
	r.off = true
}

// newDictTables returns the tables of a dict with an index table of
// size n (a power of two): the indices all emptySlot, no entries.
func (in *Interp) newDictTables(n int) ([]int32, []dictEntry) {
	idx := in.free.dictIndices.get(n)
	for i := range idx {
		idx[i] = emptySlot
	}
	return idx, in.free.dictEntries.get(n)
}

// recycleDict keeps what of the dead dict d is recyclable: recycle is
// what d.recycle was, indices and entries the tables it had, whose
// references are released. Neither d nor its tables may be used again.
func (in *Interp) recycleDict(d *Dict, recycle uint8, indices []int32, entries []dictEntry) {
	if recycle&dictOwnTables != 0 {
		n := len(indices)
		if n > 0 && n&(n-1) == 0 && cap(entries) == n*2/3 {
			in.free.dictEntries.put(entries, n)
			in.free.dictIndices.put(indices)
		}
	}
	if recycle&dictOwnStruct != 0 {
		in.free.dicts.put(d)
	}
}
