package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Small tuples, of 1 to maxInlineTuple items, are one Go allocation: the
// Tuple struct with its items right after it (items points there), as
// CPython's tuples are one block. They are most of the tuples programs
// make (pairs, (key, value), argument packs, binary_trees' nodes), so
// each size has its own free list in the interpreter (inlineTuples),
// sized like CPython's tuple free lists (2000 per size) and larger for
// pairs, which programs build by the tree (65,535 nodes of a
// binary_trees tree die at once). A free tuple keeps nothing alive: Put
// zeroes it.
//
// An inline tuple carries flagTupleInline, which tupleDealloc reads to
// give it back to its free list. Exact tuples only: a tuple subclass's
// instance is laid out by newInstanceStruct.

// maxInlineTuple is the largest tuple made with its items inline.
const maxInlineTuple = 4

// flagTupleInline marks a tuple whose items are inline (an exact tuple:
// the instance flag bits at flagBlockShift never apply to it).
const flagTupleInline = alloc.Flags(1) << 14

// The inline layouts: a Tuple's fields (so a pointer to one is a *Tuple)
// and the items.
type (
	tupleInline1 struct {
		alloc.Header
		alloc.GCLink
		items  []Value
		inline [1]Value
	}
	tupleInline2 struct {
		alloc.Header
		alloc.GCLink
		items  []Value
		inline [2]Value
	}
	tupleInline3 struct {
		alloc.Header
		alloc.GCLink
		items  []Value
		inline [3]Value
	}
	tupleInline4 struct {
		alloc.Header
		alloc.GCLink
		items  []Value
		inline [4]Value
	}
)

// The inline layouts must begin as a Tuple does.
var (
	_ = [1]struct{}{}[unsafe.Offsetof(tupleInline1{}.inline)-tupleSize]
	_ = [1]struct{}{}[unsafe.Offsetof(tupleInline2{}.inline)-tupleSize]
	_ = [1]struct{}{}[unsafe.Offsetof(tupleInline3{}.inline)-tupleSize]
	_ = [1]struct{}{}[unsafe.Offsetof(tupleInline4{}.inline)-tupleSize]
	_ = [1]struct{}{}[unsafe.Offsetof(tupleInline4{}.items)-unsafe.Offsetof(Tuple{}.items)]
)

// inlineTuplePools are the free lists of inline tuples, one per size.
type inlineTuplePools struct {
	p1 alloc.Pool[tupleInline1]
	p2 alloc.Pool[tupleInline2]
	p3 alloc.Pool[tupleInline3]
	p4 alloc.Pool[tupleInline4]
}

// init sizes the free lists.
func (p *inlineTuplePools) init() {
	p.p1.Init(2000)
	p.p2.Init(1 << 14)
	p.p3.Init(2000)
	p.p4.Init(2000)
}

// discard lets go of the free lists (Pool.Discard).
func (p *inlineTuplePools) discard() {
	p.p1.Discard()
	p.p2.Discard()
	p.p3.Discard()
	p.p4.Discard()
}

// newInlineTuple returns an accounted tuple of n (1 to maxInlineTuple)
// empty slots, for newTupleSized.
//
// A tuple taken from a free list is not counted as an allocation by the
// cycle finder, nor is one going back to a free list counted as a
// deallocation (see tupleKept), as in CPython, whose tuple free lists
// bypass the collector's count: a program that builds and drops tuple
// trees then triggers the collections CPython would, not twice as many.
func (in *Interp) newInlineTuple(n int) (*Tuple, error) {
	var o *Tuple
	var reused bool
	switch n {
	case 1:
		reused = in.inlineTuples.p1.Reuses()
		x := in.inlineTuples.p1.Get()
		x.items = x.inline[:]
		o = (*Tuple)(unsafe.Pointer(x))
	case 2:
		reused = in.inlineTuples.p2.Reuses()
		x := in.inlineTuples.p2.Get()
		x.items = x.inline[:]
		o = (*Tuple)(unsafe.Pointer(x))
	case 3:
		reused = in.inlineTuples.p3.Reuses()
		x := in.inlineTuples.p3.Get()
		x.items = x.inline[:]
		o = (*Tuple)(unsafe.Pointer(x))
	default:
		reused = in.inlineTuples.p4.Reuses()
		x := in.inlineTuples.p4.Get()
		x.items = x.inline[:]
		o = (*Tuple)(unsafe.Pointer(x))
	}
	size := tupleSize + uintptr(n)*valueSize
	if reused {
		o.Header.Type = unsafe.Pointer(tupleType)
		if !in.heap.TryAccount(&o.Header, tupleType.class, size) {
			if err := in.heap.Account(&o.Header, tupleType.class, size); err != nil {
				in.freeInlineTuple(o)
				return nil, in.memoryError()
			}
		}
		in.gc.TrackUncounted(&o.Header)
	} else if err := in.account(&o.Header, tupleType, size); err != nil {
		in.freeInlineTuple(o)
		return nil, err
	}
	o.Header.SetFlags(alloc.FlagContainer | flagTupleInline)
	return o, nil
}

// tupleKept reports whether the inline tuple o, once dead, goes back to
// its free list (which is not full).
func (in *Interp) tupleKept(o *Tuple) bool {
	switch cap(o.items) {
	case 1:
		return in.inlineTuples.p1.Keeps()
	case 2:
		return in.inlineTuples.p2.Keeps()
	case 3:
		return in.inlineTuples.p3.Keeps()
	default:
		return in.inlineTuples.p4.Keeps()
	}
}

// freeInlineTuple gives a dead inline tuple back to its free list (its
// items released and heap.Free called), or a tuple newInlineTuple could
// not account.
func (in *Interp) freeInlineTuple(o *Tuple) {
	switch cap(o.items) { // the size it was made with
	case 1:
		in.inlineTuples.p1.Put((*tupleInline1)(unsafe.Pointer(o)))
	case 2:
		in.inlineTuples.p2.Put((*tupleInline2)(unsafe.Pointer(o)))
	case 3:
		in.inlineTuples.p3.Put((*tupleInline3)(unsafe.Pointer(o)))
	default:
		in.inlineTuples.p4.Put((*tupleInline4)(unsafe.Pointer(o)))
	}
}
