package alloc_test

import (
	"fmt"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Pair is a heap object as an interpreter declares one: a Header first,
// then a GCLink because a Pair holds references, then its fields.
type Pair struct {
	alloc.Header
	alloc.GCLink
	First, Second *alloc.Header
}

// Heap is the part of an interpreter that allocates Pairs.
type Heap struct {
	alloc *alloc.Allocator
	pairs *alloc.Pool[Pair]
	class alloc.Class
}

const pairSize = unsafe.Sizeof(Pair{})

// NewPair returns a new reference to a Pair holding first and second,
// which are borrowed: the Pair takes its own references to them.
func (h *Heap) NewPair(first, second *alloc.Header) (*Pair, error) {
	p := h.pairs.Get()
	if err := h.alloc.Account(&p.Header, h.class, pairSize); err != nil {
		h.pairs.Put(p)
		return nil, err // the interpreter raises MemoryError
	}
	p.SetFlags(alloc.FlagContainer)
	alloc.IncRef(first)
	alloc.IncRef(second)
	p.First, p.Second = first, second
	return p, nil
}

// Release drops a reference to x, and deallocates x if it was the last.
func (h *Heap) Release(x *alloc.Header) {
	if !alloc.DecRef(x) {
		return
	}
	p := (*Pair)(unsafe.Pointer(x)) // every object here is a Pair
	first, second := p.First, p.Second
	h.alloc.Free(&p.Header, pairSize)
	h.pairs.Put(p)
	h.Release(first)
	h.Release(second)
}

func Example() {
	a := alloc.New(alloc.Options{Limit: 3 * int64(pairSize)})
	h := &Heap{alloc: a, pairs: alloc.NewPool[Pair](100), class: a.RegisterClass("pair")}
	before := a.Baseline()

	// An immortal leaf, as None would be.
	var none Pair
	alloc.MakeImmortal(&none.Header)

	inner, _ := h.NewPair(&none.Header, &none.Header)
	outer, _ := h.NewPair(&inner.Header, &none.Header)
	h.Release(&inner.Header) // outer still holds inner
	fmt.Println("inner count:", inner.Refs())

	third, _ := h.NewPair(&none.Header, &none.Header)
	_, err := h.NewPair(&none.Header, &none.Header)
	fmt.Println("fourth pair:", err)
	fmt.Println("leaks:", a.LeaksSince(before))

	h.Release(&third.Header)
	h.Release(&outer.Header) // frees outer, then inner
	s := a.Stats().Classes[h.class]
	fmt.Printf("pairs live %d, allocated %d, freed %d\n", s.Live, s.Allocs, s.Frees)
	fmt.Println("leaks:", a.LeaksSince(before))

	// Output:
	// inner count: 1
	// fourth pair: alloc: memory limit exceeded
	// leaks: [pair: 3 live, 0 at baseline]
	// pairs live 0, allocated 3, freed 3
	// leaks: []
}
