package interp

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Value is one Python value, passed by value (docs/design/values.md).
//
// p always points to an alloc.Header. For the unboxed kinds — int that fits
// in int64, float, bool and None — it is one of the static, immortal kind
// headers below and n holds the bits; for every other value it is the
// header that begins the heap object, and n is 0. Either way the header's
// Type is the value's Python type, so type(v) is one load.
//
// The zero Value (p == nil) is not a Python value: it marks an empty slot
// (an unbound local, a NULL on the value stack).
type Value struct {
	p unsafe.Pointer
	n uint64
}

// The kind headers of the unboxed values. They are immortal and shared by
// every interpreter; only their addresses matter on the hot path.
var (
	intKind   = kindHeader(intType)
	floatKind = kindHeader(floatType)
	boolKind  = kindHeader(boolType)
	noneKind  = kindHeader(noneType)

	intTag   = unsafe.Pointer(intKind)
	floatTag = unsafe.Pointer(floatKind)
	boolTag  = unsafe.Pointer(boolKind)
	noneTag  = unsafe.Pointer(noneKind)
)

// kindHeader makes the immortal kind header of an unboxed type.
func kindHeader(t *Type) *alloc.Header {
	h := &alloc.Header{Type: unsafe.Pointer(t)}
	alloc.MakeImmortal(h)
	return h
}

// None, True and False are the singleton values.
var (
	None  = Value{noneTag, 0}
	True  = Value{boolTag, 1}
	False = Value{boolTag, 0}
)

// Int returns the int value i (never allocates).
func Int(i int64) Value { return Value{intTag, uint64(i)} }

// Float returns the float value f (never allocates).
func Float(f float64) Value { return Value{floatTag, math.Float64bits(f)} }

// Bool returns True or False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// IsNil reports whether v is the empty slot, not a Python value.
func (v Value) IsNil() bool { return v.p == nil }

// IsSmallInt reports whether v is an int stored unboxed.
func (v Value) IsSmallInt() bool { return v.p == intTag }

// IsFloat reports whether v is a float.
func (v Value) IsFloat() bool { return v.p == floatTag }

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { return v.p == boolTag }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.p == noneTag }

// IsObject reports whether v is a heap object (reference counted).
func (v Value) IsObject() bool {
	return v.p != nil && v.p != intTag && v.p != floatTag && v.p != boolTag && v.p != noneTag
}

// SmallInt returns the int64 of an unboxed int; v must be one.
func (v Value) SmallInt() int64 { return int64(v.n) }

// FloatValue returns the float64 of a float, or of an instance of a
// class derived from float (boxed, see subclass_float.go); v must be one.
func (v Value) FloatValue() float64 {
	if v.p == floatTag {
		return math.Float64frombits(v.n)
	}
	return boxedFloatValue(v)
}

// BoolValue returns the truth of True or False; v must be a bool.
func (v Value) BoolValue() bool { return v.n != 0 }

// Header returns the header v points to: the kind header of an unboxed
// value or the object's own header.
func (v Value) Header() *alloc.Header { return (*alloc.Header)(v.p) }

// Type returns the Python type of v.
func (v Value) Type() *Type { return (*Type)((*alloc.Header)(v.p).Type) }

// Is reports whether a and b are the same Python object (the `is`
// operator): the same heap object, or equal unboxed values of one kind.
// Two unboxed ints with the same value are identical, as CPython's cached
// small ints are; large ones may differ there, and programs must not rely
// on either.
func (a Value) Is(b Value) bool { return a == b }

// objectValue returns the Value of a heap object given its header.
func objectValue(h *alloc.Header) Value { return Value{unsafe.Pointer(h), 0} }

// incRef takes a reference to v; unboxed values are immortal.
func incRef(v Value) { alloc.IncRef((*alloc.Header)(v.p)) }

// decRef releases a reference to v, deallocating it when it was the last.
func (in *Interp) decRef(v Value) {
	if h := (*alloc.Header)(v.p); alloc.DecRef(h) {
		in.dealloc(v)
	}
}

// xdecRef is decRef for a slot that may be empty.
func (in *Interp) xdecRef(v Value) {
	if v.p != nil {
		in.decRef(v)
	}
}
