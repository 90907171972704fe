package alloc

import (
	"fmt"
	"math/bits"
	"reflect"
	"unsafe"
)

// A Pool is a bounded free list of one object type T for one interpreter.
// Get hands out a zeroed *T, reused when the list has one; Put zeroes the
// object, which drops every Go reference it held so Go's collector can
// reclaim what it pointed to, and keeps it for reuse unless the list is
// full. Like its Allocator, a Pool is not safe for concurrent use.
//
// When T begins with a Header, a Pool in an rcdebug build checks that Put
// follows Free and keeps the pooled object marked freed (FlagFreed) until
// Account starts it again, so a use after free is still reported.
type Pool[T any] struct {
	free   []*T
	max    int
	header bool // T's first field is a Header

	hits, misses, drops uint64
}

// PoolStats are a Pool's counters.
type PoolStats struct {
	Hits   uint64 // Gets served from the free list
	Misses uint64 // Gets that allocated
	Drops  uint64 // Puts not kept because the list was full
	Free   int    // objects in the free list now
}

// NewPool returns a Pool that keeps at most max free objects.
func NewPool[T any](max int) *Pool[T] {
	p := &Pool[T]{}
	p.Init(max)
	return p
}

// Init makes p an empty Pool that keeps at most max free objects, as
// NewPool does, for a Pool held by value inside another struct (one Go
// allocation fewer).
func (p *Pool[T]) Init(max int) {
	*p = Pool[T]{max: max, header: beginsWithHeader(reflect.TypeFor[T]())}
}

// beginsWithHeader reports whether t is a struct whose first field is a
// Header.
func beginsWithHeader(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() > 0 &&
		t.Field(0).Type == reflect.TypeFor[Header]()
}

// Get returns a zeroed object (in rcdebug builds its Header may be marked
// freed; Account clears that).
func (p *Pool[T]) Get() *T {
	n := len(p.free)
	if n == 0 {
		p.misses++
		return new(T)
	}
	x := p.free[n-1]
	p.free[n-1] = nil
	p.free = p.free[:n-1]
	p.hits++
	return x
}

// Reuses reports whether the next Get returns a kept object rather than
// a new one.
func (p *Pool[T]) Reuses() bool { return len(p.free) > 0 }

// Keeps reports whether the next Put keeps its object rather than
// dropping it (the list is not full).
func (p *Pool[T]) Keeps() bool { return len(p.free) < p.max }

// Put zeroes x and keeps it for a later Get. x must not be used again.
func (p *Pool[T]) Put(x *T) {
	if Debug && p.header {
		h := (*Header)(unsafe.Pointer(x))
		checkPut(h)
		old := *h
		var zero T
		*x = zero
		repoison(h, old)
	} else {
		var zero T
		*x = zero
	}
	if len(p.free) >= p.max {
		p.drops++
		return
	}
	p.free = append(p.free, x)
}

// Discard lets go of the free list and keeps nothing from now on: Get
// allocates and Put only zeroes. An interpreter being torn down calls it,
// since its dying objects would otherwise grow lists nobody takes from
// again.
func (p *Pool[T]) Discard() {
	p.free, p.max = nil, 0
}

// Stats returns the pool's counters.
func (p *Pool[T]) Stats() PoolStats {
	return PoolStats{Hits: p.hits, Misses: p.misses, Drops: p.drops, Free: len(p.free)}
}

// A SlicePool is a set of bounded free lists of []T backing arrays, one
// per power-of-two capacity from 1 to a maximum, for lists, tuples, dicts
// and value stacks. Larger slices are allocated exactly and never kept.
// A SlicePool is not safe for concurrent use.
type SlicePool[T any] struct {
	free     [][][]T // free[k] holds slices of capacity 1<<k
	perClass int

	hits, misses, drops uint64
}

// NewSlicePool returns a SlicePool for capacities up to maxCap (rounded up
// to a power of two) that keeps at most perClass free slices per capacity.
func NewSlicePool[T any](maxCap, perClass int) *SlicePool[T] {
	p := &SlicePool[T]{}
	p.Init(maxCap, perClass)
	return p
}

// Init makes p an empty SlicePool, as NewSlicePool does, for a SlicePool
// held by value.
func (p *SlicePool[T]) Init(maxCap, perClass int) {
	*p = SlicePool[T]{free: make([][][]T, sizeClass(maxCap)+1), perClass: perClass}
}

// sizeClass returns the k for which 1<<k is the least power of two >= n,
// for n >= 1.
func sizeClass(n int) int {
	return bits.Len(uint(n - 1))
}

// Get returns a zeroed slice of length n. Its capacity is the least power
// of two >= n, unless n is above the pool's largest capacity.
func (p *SlicePool[T]) Get(n int) []T {
	k := sizeClass(n) // 64 for n <= 0
	if k < len(p.free) {
		if l := p.free[k]; len(l) > 0 {
			i := len(l) - 1
			s := l[i]
			l[i] = nil
			p.free[k] = l[:i]
			p.hits++
			return s[:n]
		}
	}
	return p.getSlow(n, k)
}

// getSlow allocates what Get could not find, kept out of line so that
// Get's fast path stays short.
//
//go:noinline
func (p *SlicePool[T]) getSlow(n, k int) []T {
	if n <= 0 {
		return nil
	}
	p.misses++
	if k >= len(p.free) {
		return make([]T, n)
	}
	return make([]T, n, 1<<k)
}

// MaxCap returns the pool's largest capacity: Get(n) for a larger n
// allocates exactly n.
func (p *SlicePool[T]) MaxCap() int { return 1 << (len(p.free) - 1) }

// Put zeroes s up to its capacity and keeps it for a later Get, if its
// capacity is one of the pool's and that list is not full. s must not be
// used again.
func (p *SlicePool[T]) Put(s []T) {
	if k, ok := p.keep(cap(s)); ok {
		s = s[:cap(s)]
		clear(s)
		p.free[k] = append(p.free[k], s)
	}
}

// keep returns the free list a slice of capacity c goes to, or false
// when the pool does not keep it (a capacity not its own, or a full
// list, counted as a drop).
func (p *SlicePool[T]) keep(c int) (int, bool) {
	if c == 0 || c&(c-1) != 0 {
		return 0, false
	}
	k := sizeClass(c)
	if k >= len(p.free) {
		return 0, false
	}
	if len(p.free[k]) >= p.perClass {
		p.drops++
		return 0, false
	}
	return k, true
}

// PutCleared is Put for a slice the caller has already zeroed up to its
// capacity, as a finished generator's frame slots are (releaseFrame
// zeroes each slot it releases, and Get's slices are zero past their
// length): it skips Put's clear, a runtime call of ~100 instructions for
// a frame of a few slots. rcdebug builds check that the slice is zero
// and panic if not.
func (p *SlicePool[T]) PutCleared(s []T) {
	if Debug {
		checkZero(s[:cap(s)])
	}
	if k, ok := p.keep(cap(s)); ok {
		p.free[k] = append(p.free[k], s[:cap(s)])
	}
}

// checkZero panics unless every element of s is zero, reading bytes as
// Stack.checkCleared does.
func checkZero[T any](s []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	for i := range s {
		for _, b := range unsafe.Slice((*byte)(unsafe.Pointer(&s[i])), size) {
			if b != 0 {
				panic(fmt.Sprintf("alloc: SlicePool.PutCleared: element %d of %d is not zero", i, len(s)))
			}
		}
	}
}

// Discard lets go of every free list and keeps nothing from now on, as
// Pool.Discard does; Get still rounds capacities up as before.
func (p *SlicePool[T]) Discard() {
	for k := range p.free {
		p.free[k] = nil
	}
	p.perClass = 0
}

// Stats returns the pool's counters; Free counts slices of every capacity.
func (p *SlicePool[T]) Stats() PoolStats {
	s := PoolStats{Hits: p.hits, Misses: p.misses, Drops: p.drops}
	for _, l := range p.free {
		s.Free += len(l)
	}
	return s
}
