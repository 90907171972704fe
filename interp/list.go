package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// List is a list object. It owns a reference to each item; its backing
// array comes from the interpreter's value-slice pool and is accounted by
// capacity. The slots past the length are always empty (whatever shrinks
// a list zeroes them), so a dead list's array is reused as it is
// (smallListFreeList).
type List struct {
	alloc.Header
	alloc.GCLink
	items []Value
}

var listType = newBuiltinType("list", objectType, TypeBaseType)

const listSize = unsafe.Sizeof(List{})

const valueSize = unsafe.Sizeof(Value{})

func init() {
	// Instances are List structs, also a subclass's (newBuiltinType
	// would give object's layout).
	listType.layout = listType
	listType.dealloc = listDealloc
	listType.repr = listRepr
	listType.boolean = func(in *Interp, v Value) (bool, error) { return len(asObject[List](v).items) > 0, nil }
}

// NewList returns a list of items, taking new references to them.
func (in *Interp) NewList(items ...Value) (Value, error) {
	l, err := in.newListSized(len(items))
	if err != nil {
		return Value{}, err
	}
	for i, v := range items {
		incRef(v)
		l.items[i] = v
	}
	return valueOf(l), nil
}

// listTakeItems returns a list of items, taking over the references
// items holds, as CPython's BUILD_LIST steals the stack's: on success
// the slots of items are left empty; on error they are untouched and
// keep their references.
func (in *Interp) listTakeItems(items []Value) (Value, error) {
	l, err := in.newListSized(len(items))
	if err != nil {
		return Value{}, err
	}
	moveArgs(l.items, items)
	return valueOf(l), nil
}

// listReserve makes room for n more items, growing the backing array
// geometrically (as CPython's list_resize over-allocates). The pool
// rounds what it serves up to a power of two; past its largest class
// the array grows by half, not by CPython's eighth: CPython's realloc
// of a large block remaps its pages, where a Go array is copied whole,
// and growth by an eighth copied a 150,000-item list eight times over
// (logging_format: 7% of the run). The capacity is not observable
// (sys.getsizeof of a list is not implemented).
func (in *Interp) listReserve(l *List, n int) error {
	need := len(l.items) + n
	if need <= cap(l.items) {
		return nil
	}
	if need > maxSeqLen {
		return in.memoryError()
	}
	newCap := max(need, cap(l.items)+cap(l.items)>>3+6)
	if newCap > in.values.MaxCap() {
		newCap = min(max(need, cap(l.items)+cap(l.items)>>1), maxSeqLen)
	}
	items := in.values.Get(newCap)[:len(l.items)]
	if err := in.heap.Resize(&l.Header, uintptr(cap(l.items))*valueSize, uintptr(cap(items))*valueSize); err != nil {
		in.values.Put(items)
		return in.memoryError()
	}
	copy(items, l.items)
	l.items = items
	return nil
}

// Append appends v to the list, taking a reference.
func (in *Interp) Append(l *List, v Value) error {
	if err := in.listReserve(l, 1); err != nil {
		return err
	}
	incRef(v)
	l.items = append(l.items, v)
	return nil
}

// Len returns the number of items.
func (l *List) Len() int { return len(l.items) }

// listExtend appends the items of src, any iterable (list.extend, +=
// and LIST_EXTEND). Lists and tuples are copied at once, src may be l
// itself; other iterables are consumed item by item, and the items
// appended before an error stay, as in CPython.
func (in *Interp) listExtend(l *List, src Value) error {
	if items, ok := seqItems(src); ok {
		if len(items) == 0 {
			return nil
		}
		if err := in.listReserve(l, len(items)); err != nil {
			return err
		}
		for _, v := range items {
			incRef(v)
			l.items = append(l.items, v)
		}
		return nil
	}
	it, err := in.getIter(src)
	if err != nil {
		return err
	}
	defer in.decRef(it)
	for {
		v, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err
		}
		err = in.Append(l, v)
		in.decRef(v)
		if err != nil {
			return err
		}
	}
}

// listExtendUnpack is LIST_EXTEND ([*x]): listExtend, with CPython's
// message when x is not iterable at all.
func (in *Interp) listExtendUnpack(l *List, src Value) error {
	err := in.listExtend(l, src)
	if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
		if t := src.Type(); t.iter == nil && (t.getitem == nil || t.IsSubtype(dictType)) {
			in.decRef(valueOf(e))
			return in.raise(typeErrorType, "Value after * must be an iterable, not %s", t.Name)
		}
	}
	return err
}

// copyRefs copies src into dst (of at least its length) taking a new
// reference to each item, in one pass: for the few items most lists
// hold, copy's call and bulk write barrier cost more than the loop.
func copyRefs(dst, src []Value) {
	dst = dst[:len(src)]
	for i, v := range src {
		incRef(v)
		dst[i] = v
	}
}

// seqItems returns the items of a list or a tuple (borrowed) whose
// iteration cannot be overridden: an instance of list or tuple or of a
// built-in tuple type (a struct sequence), not of a class.
func seqItems(v Value) ([]Value, bool) {
	t := v.Type()
	switch {
	case t == listType:
		return asObject[List](v).items, true
	case t == tupleType || t.Flags&TypeHeapType == 0 && t.IsSubtype(tupleType):
		return asObject[Tuple](v).items, true
	}
	return nil, false
}

func listDealloc(in *Interp, v Value) {
	l := asObject[List](v)
	exact := l.Header.Type == unsafe.Pointer(listType) // not a subclass's bigger struct
	items := l.items
	l.items = nil
	// Last to first, as CPython's list_dealloc: a __del__ shows the order.
	for i := len(items) - 1; i >= 0; i-- {
		item := items[i]
		items[i] = Value{}               // the array is private now: zeroed for reuse
		if alloc.DecRef(item.Header()) { // decRef, inlined by hand
			in.dealloc(item)
		}
	}
	in.heap.Free(&l.Header, listSize+uintptr(cap(items))*valueSize)
	if exact {
		l.items = items
		if !in.free.lists.put(l) {
			in.freeListObject(l)
		}
	}
}

// listRepr is repr() of a list: [a, b]. An item's __repr__ may change
// the list, so the length is read afresh and each item is held while its
// repr runs.
func listRepr(in *Interp, v Value) (Value, error) {
	l := asObject[List](v)
	if !in.reprEnter(v) {
		return in.NewStr("[...]")
	}
	defer in.reprLeave()
	b := []byte{'['}
	for i := 0; i < len(l.items); i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		item := l.items[i]
		incRef(item)
		r, err := in.Repr(item)
		in.decRef(item)
		if err != nil {
			return Value{}, err
		}
		b = append(b, r.GoString()...)
		in.decRef(r)
	}
	b = append(b, ']')
	return in.NewStr(string(b))
}

func init() {
	listType.length = func(in *Interp, v Value) (int, error) { return len(asObject[List](v).items), nil }
	listType.getitem = func(in *Interp, v, key Value) (Value, error) {
		if key.Type() == sliceType {
			return in.listSlice(asObject[List](v), key)
		}
		items := asObject[List](v).items
		i, ok, err := in.itemIndex(v, key, len(items))
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(indexErrorType, "list index out of range")
		}
		incRef(items[i])
		return items[i], nil
	}
	listType.setitem = func(in *Interp, v, key, value Value) error {
		l := asObject[List](v)
		if key.Type() == sliceType {
			return in.listAssignSlice(l, key, value)
		}
		i, ok, err := in.itemIndex(v, key, len(l.items))
		if err != nil {
			return err
		}
		if !ok {
			return in.raise(indexErrorType, "list assignment index out of range")
		}
		old := l.items[i]
		if value.IsNil() {
			copy(l.items[i:], l.items[i+1:])
			l.items[len(l.items)-1] = Value{}
			l.items = l.items[:len(l.items)-1]
		} else {
			incRef(value)
			l.items[i] = value
		}
		in.decRef(old)
		return nil
	}
	listType.contains = func(in *Interp, v, key Value) (bool, error) {
		l := asObject[List](v)
		return in.containsItems(func() []Value { return l.items }, key)
	}
}
