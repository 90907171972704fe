package interp

import (
	"math/bits"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Lists are as hot as tuples (fannkuch makes two per inner step), so
// they come from the same free lists: the List struct from the tuple
// pool, whose Tuple struct has exactly List's layout (a header, a GC
// link and an item slice; see the assertion below), and the backing
// array from the interpreter's value-slice pool. A list gives its
// backing array back only when it dies: a grown list's old array may
// still be borrowed by the caller that made it grow (list.extend of the
// list itself), so listReserve leaves that one to Go's collector.

// The List and Tuple structs must stay interchangeable for the pool.
var _ = [1]struct{}{}[unsafe.Sizeof(List{})-unsafe.Sizeof(Tuple{})]
var _ = [1]struct{}{}[unsafe.Offsetof(List{}.items)-unsafe.Offsetof(Tuple{}.items)]

// newListObject returns an empty, accounted list struct.
func (in *Interp) newListObject() (*List, error) {
	l := (*List)(unsafe.Pointer(in.tuples.Get()))
	if err := in.account(&l.Header, listType, listSize); err != nil {
		in.tuples.Put((*Tuple)(unsafe.Pointer(l)))
		return nil, err
	}
	l.Header.SetFlags(alloc.FlagContainer)
	return l, nil
}

// newListSized returns a list of n empty slots, which the caller fills
// with references the list then owns before any code can see the list.
// The struct and its array are accounted at once.
func (in *Interp) newListSized(n int) (*List, error) {
	if n == 0 {
		return in.newListObject()
	}
	if n > maxSeqLen {
		return nil, in.memoryError()
	}
	if n <= 1<<maxSmallListClass {
		if l := in.free.lists.get(n); l != nil {
			if err := in.account(&l.Header, listType, listSize+uintptr(cap(l.items))*valueSize); err != nil {
				in.free.lists.put(l)
				return nil, err
			}
			l.Header.SetFlags(alloc.FlagContainer)
			return l, nil
		}
	}
	items := in.values.Get(n)
	l := (*List)(unsafe.Pointer(in.tuples.Get()))
	if err := in.account(&l.Header, listType, listSize+uintptr(cap(items))*valueSize); err != nil {
		in.tuples.Put((*Tuple)(unsafe.Pointer(l)))
		in.values.Put(items)
		return nil, err
	}
	l.Header.SetFlags(alloc.FlagContainer)
	l.items = items
	return l, nil
}

// freeListObject returns a dead list's struct and backing array to the
// pools (after its items were released and heap.Free was called).
func (in *Interp) freeListObject(l *List) {
	in.values.Put(l.items)
	l.items = nil
	in.tuples.Put((*Tuple)(unsafe.Pointer(l)))
}

// Small lists are recycled whole, struct and array together, by the
// interpreter (in.free.lists): most lists a loop makes and drops hold a
// few items, and taking the two from their separate pools, and giving
// them back, cost more than the list's own work.

// maxSmallListClass bounds the arrays kept with their lists: 1<<k
// items for k up to it.
const maxSmallListClass = 3

// maxSmallLists bounds the lists kept per array length.
const maxSmallLists = 64

// smallListFreeList keeps dead exact lists with their arrays (empty,
// zeroed), one stack per power-of-two capacity.
type smallListFreeList struct {
	byClass [maxSmallListClass + 1][]*List
	off     bool // discarded: keep nothing
}

// get returns a kept list whose array holds n items (n >= 1, at most
// 1<<maxSmallListClass), its slots empty, or nil.
func (f *smallListFreeList) get(n int) *List {
	k := bits.Len(uint(n - 1))
	s := f.byClass[k]
	if len(s) == 0 {
		return nil
	}
	l := s[len(s)-1]
	s[len(s)-1] = nil
	f.byClass[k] = s[:len(s)-1]
	l.items = l.items[:n]
	return l
}

// put keeps l, a dead exact list after heap.Free, with its array, when
// the array's capacity is a kept one and that stack is not full; it
// reports whether it did. The array must be zeroed up to its length
// (past it, a list's slots are always empty).
func (f *smallListFreeList) put(l *List) bool {
	c := cap(l.items)
	if alloc.Debug || f.off || c == 0 || c&(c-1) != 0 || c > 1<<maxSmallListClass {
		return false
	}
	k := bits.Len(uint(c - 1))
	if len(f.byClass[k]) >= maxSmallLists {
		return false
	}
	l.GCLink = alloc.GCLink{}
	l.items = l.items[:0]
	f.byClass[k] = append(f.byClass[k], l)
	return true
}

// discard lets go of the kept lists and keeps nothing from now on.
func (f *smallListFreeList) discard() {
	for k := range f.byClass {
		f.byClass[k] = nil
	}
	f.off = true
}
