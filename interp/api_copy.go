package interp

import "unsafe"

// What the runtime needs to copy objects between interpreters
// structurally (runtime/copy.go): sets made and read without going
// through Python, and object identity for its memo.

// NewSet returns a new set of items (borrowed), added in order.
func (in *Interp) NewSet(items []Value) (Value, error) { return in.buildSet(items) }

// NewFrozenSet returns a new frozenset of items (borrowed).
func (in *Interp) NewFrozenSet(items []Value) (Value, error) {
	return in.buildSetOf(frozensetType, items)
}

// SetAdd is set.add(item) for a set made by NewSet.
func (in *Interp) SetAdd(set, item Value) error { return in.setAddItem(set, item) }

// SetItems returns the items of a set or frozenset (or of a subclass's
// instance), borrowed: valid until the set changes.
func SetItems(v Value) (items []Value, ok bool) {
	if !v.IsObject() || !isAnySet(v) {
		return nil, false
	}
	s := asObject[Set](v)
	pos := 0
	for {
		e, ok := s.next(&pos)
		if !ok {
			return items, true
		}
		items = append(items, e.key)
	}
}

// Identity is what id() is built on: the address of a heap object, equal
// for two values exactly when they are the same object while both are
// alive (0 for the unboxed kinds: small ints, floats, bools, None).
func Identity(v Value) uintptr {
	if !v.IsObject() {
		return 0
	}
	return uintptr(unsafe.Pointer(v.Header()))
}

// NewListOwning returns a list whose items are items itself: the list
// takes the slice and the references in it (a caller that built new
// references for a list saves the copy NewList makes). On error the
// references are dropped.
func (in *Interp) NewListOwning(items []Value) (Value, error) {
	// The struct comes from the free list a dead list goes back to.
	l, err := in.newListObject()
	if err != nil {
		in.dropAll(items)
		return Value{}, err
	}
	if len(items) > maxSeqLen {
		in.dropAll(items)
		in.decRef(valueOf(l))
		return Value{}, in.memoryError()
	}
	if err := in.heap.Resize(&l.Header, 0, uintptr(cap(items))*valueSize); err != nil {
		in.dropAll(items)
		in.decRef(valueOf(l))
		return Value{}, in.memoryError()
	}
	l.items = items
	return valueOf(l), nil
}

// dropAll drops the references in vs.
func (in *Interp) dropAll(vs []Value) {
	for _, v := range vs {
		in.xdecRef(v)
	}
}
