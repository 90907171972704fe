package modules

import (
	"math/bits"

	"github.com/parallel-py/parallel/interp"
)

// The _heapq module of CPython 3.12, whose functions Lib/heapq.py takes
// in place of its own. The sifts compare with < only, in CPython's
// order, and fail when a comparison changes the heap's size; the items
// move in place, whatever methods a list subclass overrides.

var heapqTable moduleTable

func initHeapq(in *interp.Interp, m *interp.Module) error { return heapqTable.fill(in, m) }

func init() {
	interp.RegisterModule("_heapq", initHeapq)
	heapqTable.set("__doc__", interp.ImmortalStr("Heap queue algorithm (a.k.a. priority queue)."))
	heapqTable.fn("heappush", heapqPush)
	heapqTable.fn("heappushpop", heapqPushPop)
	heapqTable.fn("heappop", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return heapqPop(in, "heappop", args, kwnames, false)
	})
	heapqTable.fn("heapreplace", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return heapqReplace(in, "heapreplace", args, kwnames, false)
	})
	heapqTable.fn("heapify", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return heapqHeapify(in, "heapify", args, kwnames, false)
	})
	heapqTable.fn("_heappop_max", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return heapqPop(in, "_heappop_max", args, kwnames, true)
	})
	heapqTable.fn("_heapreplace_max", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return heapqReplace(in, "_heapreplace_max", args, kwnames, true)
	})
	heapqTable.fn("_heapify_max", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		return heapqHeapify(in, "_heapify_max", args, kwnames, true)
	})
}

// heapqArgs checks the arguments of a function taking (heap, item) or
// (heap) positionally, the heap a list; the messages are CPython's
// argument clinic's.
func heapqArgs(in *interp.Interp, name string, args, kwnames []Value, n int) (*interp.List, error) {
	if err := in.NoKeywords("_heapq."+name, kwnames); err != nil {
		return nil, err
	}
	argWord := "argument"
	if n == 1 {
		if len(args) != 1 {
			return nil, in.Raise(interp.TypeError, "_heapq.%s() takes exactly one argument (%d given)", name, len(args))
		}
	} else {
		if err := in.CheckArgCount(name, args, nil, n, n); err != nil {
			return nil, err
		}
		argWord = "argument 1"
	}
	l := interp.AsList(args[0])
	if l == nil {
		return nil, in.Raise(interp.TypeError, "%s() %s must be list, not %s", name, argWord, args[0].Type().Name)
	}
	return l, nil
}

// heapqLess is a < b for a min-heap, b < a for a max-heap; the items are
// held while the comparison runs, since it may empty the list.
func heapqLess(in *interp.Interp, a, b Value, maxHeap bool) (bool, error) {
	if maxHeap {
		a, b = b, a
	}
	interp.IncRef(a)
	interp.IncRef(b)
	r, err := in.CompareBool(a, b, interp.CmpLT)
	in.DecRef(a)
	in.DecRef(b)
	return r, err
}

func heapqChanged(in *interp.Interp) error {
	return in.Raise(interp.RuntimeError, "list changed size during iteration")
}

// heapqSiftDown moves the item at pos up towards start while it is less than
// its parent. After each comparison it takes the two items afresh from
// the list (the comparison may have rearranged it), as CPython does.
func heapqSiftDown(in *interp.Interp, l *interp.List, start, pos int, maxHeap bool) error {
	size := l.Len()
	newitem := l.Item(pos)
	for pos > start {
		parentpos := (pos - 1) >> 1
		less, err := heapqLess(in, newitem, l.Item(parentpos), maxHeap)
		if err != nil {
			return err
		}
		if size != l.Len() {
			return heapqChanged(in)
		}
		if !less {
			break
		}
		newitem = l.Item(pos)
		l.Swap(parentpos, pos)
		pos = parentpos
	}
	return nil
}

// heapqSiftUp moves the smaller child up from pos until a leaf, then sifts
// the item that was at pos down from there.
func heapqSiftUp(in *interp.Interp, l *interp.List, pos int, maxHeap bool) error {
	endpos := l.Len()
	start := pos
	limit := endpos >> 1
	for pos < limit {
		child := 2*pos + 1
		if child+1 < endpos {
			less, err := heapqLess(in, l.Item(child), l.Item(child+1), maxHeap)
			if err != nil {
				return err
			}
			if !less {
				child++
			}
			if endpos != l.Len() {
				return heapqChanged(in)
			}
		}
		l.Swap(child, pos)
		pos = child
	}
	return heapqSiftDown(in, l, start, pos, maxHeap)
}

// heapqPush is heappush(heap, item, /).
func heapqPush(in *interp.Interp, args, kwnames []Value) (Value, error) {
	l, err := heapqArgs(in, "heappush", args, kwnames, 2)
	if err != nil {
		return Value{}, err
	}
	if err := in.Append(l, args[1]); err != nil {
		return Value{}, err
	}
	if err := heapqSiftDown(in, l, 0, l.Len()-1, false); err != nil {
		return Value{}, err
	}
	return interp.None, nil
}

// heapqPop is heappop(heap, /) and _heappop_max: the last item replaces
// the first, which is returned, and sifts up.
func heapqPop(in *interp.Interp, name string, args, kwnames []Value, maxHeap bool) (Value, error) {
	l, err := heapqArgs(in, name, args, kwnames, 1)
	if err != nil {
		return Value{}, err
	}
	if l.Len() == 0 {
		return Value{}, in.Raise(interp.IndexError, "index out of range")
	}
	last := l.PopLast()
	if l.Len() == 0 {
		return last, nil
	}
	top := l.Replace(0, last)
	in.DecRef(last)
	if err := heapqSiftUp(in, l, 0, maxHeap); err != nil {
		in.DecRef(top)
		return Value{}, err
	}
	return top, nil
}

// heapqReplace is heapreplace(heap, item, /) and _heapreplace_max: pop
// then push, in one sift.
func heapqReplace(in *interp.Interp, name string, args, kwnames []Value, maxHeap bool) (Value, error) {
	l, err := heapqArgs(in, name, args, kwnames, 2)
	if err != nil {
		return Value{}, err
	}
	if l.Len() == 0 {
		return Value{}, in.Raise(interp.IndexError, "index out of range")
	}
	top := l.Replace(0, args[1])
	if err := heapqSiftUp(in, l, 0, maxHeap); err != nil {
		in.DecRef(top)
		return Value{}, err
	}
	return top, nil
}

// heapqPushPop is heappushpop(heap, item, /): push then pop, returning item at once
// when it is not greater than the top.
func heapqPushPop(in *interp.Interp, args, kwnames []Value) (Value, error) {
	l, err := heapqArgs(in, "heappushpop", args, kwnames, 2)
	if err != nil {
		return Value{}, err
	}
	item := args[1]
	if l.Len() == 0 {
		interp.IncRef(item)
		return item, nil
	}
	less, err := heapqLess(in, l.Item(0), item, false)
	if err != nil {
		return Value{}, err
	}
	if !less {
		interp.IncRef(item)
		return item, nil
	}
	if l.Len() == 0 {
		return Value{}, in.Raise(interp.IndexError, "index out of range")
	}
	top := l.Replace(0, item)
	if err := heapqSiftUp(in, l, 0, false); err != nil {
		in.DecRef(top)
		return Value{}, err
	}
	return top, nil
}

// heapqHeapify is heapify(heap, /) and _heapify_max: every node with
// children sifted up, the last first. Past 2500 items CPython visits
// them in a cache-friendly order, sifting a parent as soon as its two
// children are heaps, which compares in another order: so do we.
func heapqHeapify(in *interp.Interp, name string, args, kwnames []Value, maxHeap bool) (Value, error) {
	l, err := heapqArgs(in, name, args, kwnames, 1)
	if err != nil {
		return Value{}, err
	}
	n := l.Len()
	if n <= 2500 {
		for i := n>>1 - 1; i >= 0; i-- {
			if err := heapqSiftUp(in, l, i, maxHeap); err != nil {
				return Value{}, err
			}
		}
		return interp.None, nil
	}
	m := n >> 1 // the first node without children
	leftmost := 1<<(bits.Len(uint(m+1))-1) - 1
	// siftRun sifts i, then its parent as long as the node sifted is a
	// left child (odd): the right sibling, visited before, is a heap.
	siftRun := func(i int) error {
		for j := i; ; j >>= 1 {
			if err := heapqSiftUp(in, l, j, maxHeap); err != nil {
				return err
			}
			if j&1 == 0 {
				return nil
			}
		}
	}
	for i := leftmost - 1; i >= m>>1; i-- {
		if err := siftRun(i); err != nil {
			return Value{}, err
		}
	}
	for i := m - 1; i >= leftmost; i-- {
		if err := siftRun(i); err != nil {
			return Value{}, err
		}
	}
	return interp.None, nil
}
