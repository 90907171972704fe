package interp

// More of the exported API, for the _heapq and _bisect modules
// (interp/modules/heapq.go, bisect.go), which work on a list's items in
// place as CPython's C code does, without going through the methods a
// list subclass may override.

// PopLast removes the last item of l and returns the reference the list
// held; l must not be empty.
func (l *List) PopLast() Value {
	n := len(l.items) - 1
	v := l.items[n]
	l.items[n] = Value{}
	l.items = l.items[:n]
	return v
}

// Replace stores v at index i of l (0 <= i < Len), taking a reference to
// v, and returns the reference the list held to the item it replaced.
func (l *List) Replace(i int, v Value) (old Value) {
	incRef(v)
	old = l.items[i]
	l.items[i] = v
	return old
}

// Swap exchanges the items at indexes i and j of l.
func (l *List) Swap(i, j int) { l.items[i], l.items[j] = l.items[j], l.items[i] }

// Item returns the item at index i of l (0 <= i < Len), borrowed.
func (l *List) Item(i int) Value { return l.items[i] }

// Insert inserts v (taking a reference) before index i, which is
// clamped to the list as list.insert does (PyList_Insert).
func (in *Interp) Insert(l *List, i int, v Value) error {
	n := len(l.items)
	if i < 0 {
		i = max(i+n, 0)
	}
	return in.listInsert(l, min(i, n), v)
}
