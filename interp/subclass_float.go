package interp

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Classes derived from float (class F(float)). A float is unboxed in a
// Value, so an instance of such a class is a heap struct holding the
// float64 (floatBox) with the instance dict after it; plain floats never
// use floatBox. The float slots and methods read either through floatOf,
// and their results are plain floats, as in CPython.

// floatBox is the layout of an instance of a class derived from float.
type floatBox struct {
	alloc.Header
	f float64
}

const floatBoxSize = unsafe.Sizeof(floatBox{})

// isFloatSub reports whether v is an instance of a class derived from
// float (a boxed float).
func isFloatSub(v Value) bool {
	return v.IsObject() && v.Type().layout == floatType
}

// isFloat reports whether v is a float or an instance of a class derived
// from float.
func isFloat(v Value) bool { return v.p == floatTag || isFloatSub(v) }

// floatOf returns the float64 of a float or of an instance of a class
// derived from float; v must be one of them.
func floatOf(v Value) float64 {
	if v.p == floatTag {
		return v.FloatValue()
	}
	return asObject[floatBox](v).f
}

// unboxFloat returns an instance of a class derived from float as the
// plain float of its value, anything else unchanged (no reference is
// taken or dropped either way).
func unboxFloat(v Value) Value {
	if isFloatSub(v) {
		return Float(asObject[floatBox](v).f)
	}
	return v
}

// newFloatSubclass makes an instance of class t derived from float with
// the value f.
func (in *Interp) newFloatSubclass(t *Type, f float64) (Value, error) {
	o := newInstanceStruct[floatBox](t)
	if err := in.account(&o.Header, t, floatBoxSize); err != nil {
		return Value{}, err
	}
	o.f = f
	return valueOf(o), nil
}

func init() {
	subclassDictOffsets[floatType] = unsafe.Offsetof(subInstance[floatBox]{}.dict)
	// Only boxed floats (instances of classes) are ever freed.
	floatType.dealloc = func(in *Interp, v Value) {
		o := asObject[floatBox](v)
		o.f = 0
		in.heap.Free(&o.Header, floatBoxSize)
	}
	// float.__new__(cls, x) for a class derived from float: float(x),
	// boxed in an instance of the class.
	floatType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 && !in.refusesKeywords(t, floatType, "__init__") {
			args, kwnames = args[:len(args)-len(kwnames)], nil // the class's __init__ takes them
		}
		v, err := floatType.construct(in, floatType, args, kwnames)
		if err != nil || t == floatType {
			return v, err
		}
		defer in.decRef(v)
		return in.newFloatSubclass(t, floatOf(v))
	}
}

// boxedFloatValue is Value.FloatValue off its fast path: the float64 of
// an instance of a class derived from float, or for anything else the
// bits of v as before (callers must not rely on that). Not inlined, so
// that FloatValue stays small where it is.
//
//go:noinline
func boxedFloatValue(v Value) float64 {
	if isFloatSub(v) {
		return asObject[floatBox](v).f
	}
	return math.Float64frombits(v.n)
}
