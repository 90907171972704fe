package cycles

import "github.com/parallel-py/parallel/alloc"

// list is the head of a circular doubly-linked list of containers, linked
// through their GCLinks. The head is itself shaped like a container (a
// Header followed by a GCLink) so that alloc.Link works on it and the
// list operations need no special case for the ends. A list must be
// initialized with init before use and must not be copied afterwards.
type list struct {
	alloc.Header
	alloc.GCLink
}

// init makes l an empty list.
func (l *list) init() {
	l.GCNext = &l.Header
	l.GCPrev = &l.Header
}

// end is l's head as a node: iteration stops when it reaches it.
func (l *list) end() *alloc.Header { return &l.Header }

// empty reports whether l holds no object.
func (l *list) empty() bool { return l.GCNext == &l.Header }

// first returns l's first object; l must not be empty.
func (l *list) first() *alloc.Header { return l.GCNext }

// len counts l's objects.
func (l *list) len() int {
	n := 0
	for h := l.GCNext; h != &l.Header; h = alloc.Link(h).GCNext {
		n++
	}
	return n
}

// push appends h, which must not be in any list, at l's end.
func (l *list) push(h *alloc.Header) {
	lk := alloc.Link(h)
	last := l.GCPrev
	lk.GCPrev = last
	lk.GCNext = &l.Header
	alloc.Link(last).GCNext = h
	l.GCPrev = h
}

// unlink takes h out of the list it is in, leaving its own links stale.
func unlink(h *alloc.Header) {
	lk := alloc.Link(h)
	alloc.Link(lk.GCPrev).GCNext = lk.GCNext
	alloc.Link(lk.GCNext).GCPrev = lk.GCPrev
}

// move takes h out of its list and appends it to l.
func (l *list) move(h *alloc.Header) {
	unlink(h)
	l.push(h)
}

// splice appends every object of from to l, leaving from empty.
func (l *list) splice(from *list) {
	if from.empty() {
		return
	}
	first, last := from.GCNext, from.GCPrev
	tail := l.GCPrev
	alloc.Link(tail).GCNext = first
	alloc.Link(first).GCPrev = tail
	alloc.Link(last).GCNext = &l.Header
	l.GCPrev = last
	from.init()
}
