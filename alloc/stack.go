package alloc

import (
	"fmt"
	"unsafe"
)

// A Stack is a chunked bump allocator of T slots for frames: each call
// pushes its locals and value stack as one contiguous run of slots and
// pops them when it returns. Chunks are kept when emptied, so a program
// whose call depth has stopped growing pushes and pops without any Go
// allocation.
//
// Nothing is allocated before the first Push, and chunks start small and
// double up to the chunk size, so that an idle thread, or one that never
// calls deeply, holds little.
//
// Every slot above the top is zero: Pop clears what it releases, which
// also drops the Go references the frame held. A Stack is not safe for
// concurrent use. Its memory is bounded by the interpreter's recursion
// limit and is not accounted by an Allocator; Cap reports it.
type Stack[T any] struct {
	slots     []T // chunks[cur].slots, nil before the first chunk
	top       int // slots used in chunks[cur]
	cur       int // index of the chunk holding the top
	chunks    []stackChunk[T]
	chunkSize int

	pushes []int // rcdebug only: the size of every live push, to check Pop
}

// stackChunk is one chunk and, once the stack has moved past it, the
// number of its slots that were in use.
type stackChunk[T any] struct {
	slots []T
	top   int
}

// firstChunk is the most slots a Stack's first chunk has; each further
// chunk doubles it, up to the chunk size.
const firstChunk = 128

// NewStack returns a Stack whose chunks grow to chunkSize slots (or to a
// single push's size when that is larger). It allocates nothing yet.
func NewStack[T any](chunkSize int) *Stack[T] {
	return &Stack[T]{chunkSize: max(chunkSize, 1)}
}

// chunkLen is the size of chunk i, made for a push of n slots.
func (s *Stack[T]) chunkLen(i, n int) int {
	size := s.chunkSize
	if i < 16 {
		size = min(size, firstChunk<<i)
	}
	return max(n, size)
}

// Push returns n zeroed, contiguous slots. The slice's capacity is n, so
// appending to it cannot reach a neighbour's slots. The slots stay valid
// until the matching Pop.
func (s *Stack[T]) Push(n int) []T {
	if r, ok := s.TryPush(n); ok {
		return r
	}
	return s.pushChunk(n)
}

// TryPush is Push when the current chunk has room for n slots, and
// otherwise returns ok false (and, in rcdebug builds, always does, so
// that Push keeps its bookkeeping). It makes no call, so it inlines where
// Push does not: the eval loop pushes a frame per call with it.
func (s *Stack[T]) TryPush(n int) (r []T, ok bool) {
	top := s.top
	if Debug || uint(n) > uint(len(s.slots)-top) {
		return nil, false
	}
	s.top = top + n
	// The n slots from top are inside the chunk: the checks of a slice
	// expression or of unsafe.Slice, and a slice's masking of the
	// pointer (~8 instructions a call), have nothing to catch. An empty
	// push (a code object with no locals and no stack) points at the
	// chunk's start, never past its end.
	p := unsafe.Pointer(unsafe.SliceData(s.slots))
	if n > 0 {
		var zero T
		p = unsafe.Add(p, uintptr(top)*unsafe.Sizeof(zero))
	}
	h := sliceHeader{p, n, n}
	return *(*[]T)(unsafe.Pointer(&h)), true
}

// sliceHeader is the layout of a slice, for TryPush.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// pushChunk moves the top to the next chunk, allocating or replacing it
// when it is missing or too small for n slots. It is kept out of line so
// that Push's fast path stays short.
//
//go:noinline
func (s *Stack[T]) pushChunk(n int) []T {
	if Debug {
		s.pushes = append(s.pushes, n)
		if end := s.top + n; end <= len(s.slots) { // TryPush's case
			r := s.slots[s.top:end:end]
			s.top = end
			return r
		}
	}
	if len(s.chunks) == 0 {
		s.chunks = []stackChunk[T]{{slots: make([]T, s.chunkLen(0, n))}}
		s.slots = s.chunks[0].slots
		s.top = n
		return s.slots[:n:n]
	}
	s.chunks[s.cur].top = s.top
	s.cur++
	if s.cur == len(s.chunks) {
		s.chunks = append(s.chunks, stackChunk[T]{})
	}
	if len(s.chunks[s.cur].slots) < n {
		s.chunks[s.cur].slots = make([]T, s.chunkLen(s.cur, n))
	}
	s.slots = s.chunks[s.cur].slots
	s.top = n
	return s.slots[:n:n]
}

// Pop releases the n slots of the most recent Push, clearing them. Pushes
// and pops must nest; rcdebug builds check it and panic if they do not.
func (s *Stack[T]) Pop(n int) {
	if Debug {
		s.checkPop(n)
	}
	clear(s.slots[s.top-n : s.top])
	s.top -= n
	if s.top == 0 && s.cur > 0 {
		s.popChunk()
	}
}

// PopCleared is Pop for slots the caller has already zeroed, as the eval
// loop does while it releases a frame's references: it skips the clear
// (for a frame of a few dozen slots, a runtime call and a write-barrier
// check). rcdebug builds check that the slots are zero and panic if not.
func (s *Stack[T]) PopCleared(n int) {
	if Debug {
		s.checkPop(n)
		s.checkCleared(n)
	}
	s.top -= n
	if s.top == 0 && s.cur > 0 {
		s.popChunk()
	}
}

// popChunk moves the top back to the previous chunk, once the current
// one is empty.
func (s *Stack[T]) popChunk() {
	s.cur--
	s.slots = s.chunks[s.cur].slots
	s.top = s.chunks[s.cur].top
}

// checkCleared panics unless the top n slots are zero. It reads their
// bytes rather than comparing values, which would box each slot (an
// allocation) in a check that runs at every frame's return.
func (s *Stack[T]) checkCleared(n int) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	for i := s.top - n; i < s.top; i++ {
		for _, b := range unsafe.Slice((*byte)(unsafe.Pointer(&s.slots[i])), size) {
			if b != 0 {
				panic(fmt.Sprintf("alloc: Stack.PopCleared(%d): slot %d of the push is not zero", n, i-(s.top-n)))
			}
		}
	}
}

// checkPop panics unless n is the size of the most recent live push.
func (s *Stack[T]) checkPop(n int) {
	last := len(s.pushes) - 1
	if last < 0 {
		panic(fmt.Sprintf("alloc: Stack.Pop(%d) with nothing pushed", n))
	}
	if s.pushes[last] != n {
		panic(fmt.Sprintf("alloc: Stack.Pop(%d) after Push(%d)", n, s.pushes[last]))
	}
	s.pushes = s.pushes[:last]
}

// Truncate pops every push above the first length slots, as when frames
// abandoned by a recovered panic are dropped together. length must be a
// value Len returned between pushes.
func (s *Stack[T]) Truncate(length int) {
	if Debug {
		for total := s.Len(); total > length && len(s.pushes) > 0; {
			last := len(s.pushes) - 1
			total -= s.pushes[last]
			s.pushes = s.pushes[:last]
			if total < length {
				panic(fmt.Sprintf("alloc: Stack.Truncate(%d) splits a push", length))
			}
		}
	}
	for extra := s.Len() - length; extra > 0; {
		n := min(extra, s.top)
		clear(s.slots[s.top-n : s.top])
		s.top -= n
		extra -= n
		if s.top == 0 && s.cur > 0 {
			s.cur--
			s.slots = s.chunks[s.cur].slots
			s.top = s.chunks[s.cur].top
		}
	}
}

// Len returns the number of slots pushed and not popped.
func (s *Stack[T]) Len() int {
	n := s.top
	for i := 0; i < s.cur; i++ {
		n += s.chunks[i].top
	}
	return n
}

// Started reports whether the stack holds a chunk yet: it allocates one
// on its first Push.
func (s *Stack[T]) Started() bool { return len(s.chunks) > 0 }

// Cap returns the number of slots held in all chunks, used or not.
func (s *Stack[T]) Cap() int {
	n := 0
	for _, c := range s.chunks {
		n += len(c.slots)
	}
	return n
}
