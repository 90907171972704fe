package interp

import (
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
