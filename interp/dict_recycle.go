package interp

import (
	"math/bits"
	"sync"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Dicts are made and dropped by the hundred thousand in some programs
// (copy.deepcopy makes a memo dict and a dict per dict it copies, **kwargs
// calls one per call), and a small dict is three Go allocations: the
// struct, its index table and its entry array. The struct of a dict
// NewDict made, and the tables dictGrowFor made, are recycled
// (recycle.go) when the dict dies; the bits of Dict.recycle say which
// it has. Tables a dict drops when it grows or is cleared are left to
// Go's collector: Go code may still be ranging over the old entry array
// (a call made inside the loop can grow the dict), and reading a
// recycled one would see another dict's entries.

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

var (
	freeDicts       recycler[Dict]
	freeDictIndices tableRecycler[int32]
	freeDictEntries entryRecycler
)

// entryRecycler is a free list of dict entry arrays, one list per index
// table size 1<<k, whose arrays have dictGrowFor's capacity for it,
// (1<<k)*2/3. As tableRecycler's, the pools hold the array's address.
type entryRecycler struct {
	pools [maxRecycledClass + 1]sync.Pool
}

// get returns an empty entry array with room for the entries of an
// index table of size n (a power of two).
func (r *entryRecycler) get(n int) []dictEntry {
	c := n * 2 / 3
	if k := bits.TrailingZeros(uint(n)); !alloc.Debug && k <= maxRecycledClass {
		if p, ok := r.pools[k].Get().(*dictEntry); ok {
			return unsafe.Slice(p, c)[:0]
		}
	}
	return make([]dictEntry, 0, c)
}

// put zeroes the array of s and keeps it, if its capacity is the one
// get gives for an index table of size n. s must not be used again.
func (r *entryRecycler) put(s []dictEntry, n int) {
	k := bits.TrailingZeros(uint(n))
	if alloc.Debug || n < minIndices || k > maxRecycledClass || cap(s) != n*2/3 {
		return
	}
	s = s[:cap(s)]
	clear(s)
	r.pools[k].Put(unsafe.SliceData(s))
}

// newDictTables returns the tables of a dict with an index table of
// size n (a power of two): the indices all emptySlot, no entries.
func newDictTables(n int) ([]int32, []dictEntry) {
	idx := freeDictIndices.get(n)
	for i := range idx {
		idx[i] = emptySlot
	}
	return idx, freeDictEntries.get(n)
}

// recycleDict keeps what of the dead dict d is recyclable: recycle is
// what d.recycle was, indices and entries the tables it had, whose
// references are released. Neither d nor its tables may be used again.
func recycleDict(d *Dict, recycle uint8, indices []int32, entries []dictEntry) {
	if recycle&dictOwnTables != 0 {
		n := len(indices)
		if n > 0 && n&(n-1) == 0 && cap(entries) == n*2/3 {
			freeDictEntries.put(entries, n)
			freeDictIndices.put(indices)
		}
	}
	if recycle&dictOwnStruct != 0 {
		freeDicts.put(d)
	}
}
