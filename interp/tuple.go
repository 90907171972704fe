package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Tuple is a tuple object. It owns a reference to each item.
type Tuple struct {
	alloc.Header
	alloc.GCLink
	items []Value
}

var tupleType = newBuiltinType("tuple", objectType, TypeBaseType)

const tupleSize = unsafe.Sizeof(Tuple{})

func init() {
	// Instances are Tuple structs, also a subclass's (newBuiltinType
	// would give object's layout).
	tupleType.layout = tupleType
	tupleType.dealloc = tupleDealloc
	tupleType.repr = tupleRepr
}

// tupleRepr is repr() of a tuple: (a, b), with the trailing comma of a
// one-item tuple.
func tupleRepr(in *Interp, v Value) (Value, error) {
	items := asObject[Tuple](v).items
	if !in.reprEnter(v) {
		return in.NewStr("(...)")
	}
	defer in.reprLeave()
	var b []byte
	b = append(b, '(')
	for i, item := range items {
		if i > 0 {
			b = append(b, ", "...)
		}
		r, err := in.Repr(item)
		if err != nil {
			return Value{}, err
		}
		b = append(b, r.GoString()...)
		in.decRef(r)
	}
	if len(items) == 1 {
		b = append(b, ',')
	}
	b = append(b, ')')
	return in.NewStr(string(b))
}

// NewTuple returns a tuple of items, taking new references to them.
func (in *Interp) NewTuple(items ...Value) (Value, error) {
	if len(items) == 0 {
		return emptyTuple, nil // () is a singleton, as in CPython
	}
	o, err := in.newTupleSized(len(items))
	if err != nil {
		return Value{}, err
	}
	for i, v := range items {
		incRef(v)
		o.items[i] = v
	}
	return valueOf(o), nil
}

// tupleTakeItems returns a tuple of items, taking over the references
// items holds, as CPython's BUILD_TUPLE steals the stack's: on success
// the slots of items are left empty; on error they are untouched and
// keep their references. It saves NewTuple's count increments and the
// caller's decrements.
func (in *Interp) tupleTakeItems(items []Value) (Value, error) {
	if len(items) == 0 {
		return emptyTuple, nil
	}
	o, err := in.newTupleSized(len(items))
	if err != nil {
		return Value{}, err
	}
	moveArgs(o.items, items)
	return valueOf(o), nil
}

// newTupleSized returns a tuple of n (> 0) empty slots, which the caller
// fills with references the tuple then owns before any code sees it.
func (in *Interp) newTupleSized(n int) (*Tuple, error) {
	if n <= maxInlineTuple {
		return in.newInlineTuple(n)
	}
	o := in.tuples.Get()
	if err := in.account(&o.Header, tupleType, tupleSize+uintptr(n)*valueSize); err != nil {
		in.tuples.Put(o)
		return nil, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	o.items = in.values.Get(n)
	return o, nil
}

func tupleDealloc(in *Interp, v Value) {
	o := asObject[Tuple](v)
	for i := len(o.items) - 1; i >= 0; i-- { // last to first, as CPython
		// decRef by hand: it is not inlined, and most items are
		// unboxed or still referenced elsewhere.
		if x := o.items[i]; alloc.DecRef(x.Header()) {
			in.dealloc(x)
		}
	}
	in.heap.Free(&o.Header, tupleSize+uintptr(len(o.items))*unsafe.Sizeof(Value{}))
	if o.Header.Flags()&flagTupleInline != 0 {
		in.freeInlineTuple(o)
		return
	}
	in.values.Put(o.items)
	o.items = nil
	in.tuples.Put(o)
}

// Len returns the number of items of a tuple value.
func (o *Tuple) Len() int { return len(o.items) }

func init() {
	tupleType.length = func(in *Interp, v Value) (int, error) { return len(asObject[Tuple](v).items), nil }
	tupleType.getitem = func(in *Interp, v, key Value) (Value, error) {
		if key.Type() == sliceType {
			return in.tupleSlice(asObject[Tuple](v), key)
		}
		items := asObject[Tuple](v).items
		i, ok, err := in.itemIndex(v, key, len(items))
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(indexErrorType, "tuple index out of range")
		}
		incRef(items[i])
		return items[i], nil
	}
	tupleType.contains = func(in *Interp, v, key Value) (bool, error) {
		t := asObject[Tuple](v)
		return in.containsItems(func() []Value { return t.items }, key)
	}
	tupleType.boolean = func(in *Interp, v Value) (bool, error) { return len(asObject[Tuple](v).items) > 0, nil }
}

// emptyTuple is the immortal () every interpreter shares.
var emptyTuple = func() Value {
	o := &Tuple{}
	o.Header.Type = unsafe.Pointer(tupleType)
	alloc.MakeImmortal(&o.Header)
	return valueOf(o)
}()
