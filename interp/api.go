package interp

import (
	"math"
	"math/big"
	"runtime"
	"sync"
	"weak"
)

// The exported API for the built-in modules written in Go (package
// interp/modules). Such a module never touches the interpreter's
// internals: it registers an init function that fills the module's
// namespace, and its functions receive and return Values through the
// helpers below.
//
// Reference rules are those of the whole package: a function that returns
// a Value returns a new reference; arguments are borrowed; release what
// you own with DecRef, on error paths too. Unboxed values (Int, Float,
// Bool, None) need no release but releasing them is harmless.

// BuiltinFunc is the Go signature of a built-in function: args holds the
// positional values then the keyword values, and kwnames the names (strs)
// of the last len(kwnames) of args, as CPython's vectorcall passes them.
type BuiltinFunc func(in *Interp, args []Value, kwnames []Value) (Value, error)

// RegisterModule makes a built-in module importable by name. init fills a
// new module's namespace (with Module.Set) each time an interpreter
// imports it. Call it from a package init function: the registry is read
// without locking once interpreters run.
func RegisterModule(name string, init func(in *Interp, m *Module) error) {
	registerModule(name, init)
}

// Set binds name to v (borrowed) in the module's namespace.
func (m *Module) Set(in *Interp, name string, v Value) error {
	return in.setGlobal(m, name, v)
}

// NewBuiltin makes a built-in function. The function is immortal and
// shared by every interpreter, so make it once, at package
// initialization, and Set the same Value into each new module.
func NewBuiltin(name string, fn BuiltinFunc) Value {
	return newBuiltin(name, fn)
}

// IncRef takes a new reference to v.
func IncRef(v Value) { incRef(v) }

// DecRef releases a reference to v.
func (in *Interp) DecRef(v Value) { in.decRef(v) }

// Argument helpers.

// ParseArgs unpacks the arguments of a built-in whose parameters are
// positional-or-keyword: names lists them, the first required ones must
// be given, and out receives borrowed values (the zero Value, IsNil, for
// those not given). Its messages are argument clinic's.
func (in *Interp) ParseArgs(fname string, args []Value, kwnames []Value, names []string, required int, out ...*Value) error {
	return in.parseArgs(fname, args, kwnames, names, required, out...)
}

// CheckArgCount checks a positional-only built-in's argument count
// (between min and max, no keywords) with PyArg_UnpackTuple's messages:
// "fname expected 1 argument, got 2".
func (in *Interp) CheckArgCount(fname string, args []Value, kwnames []Value, min, max int) error {
	return in.checkArgCount(fname, args, kwnames, min, max)
}

// NoKeywords fails with "fname() takes no keyword arguments" when the
// call passed keywords.
func (in *Interp) NoKeywords(fname string, kwnames []Value) error {
	return in.noKeywords(fname, kwnames)
}

// Built-in types, for type tests (v.Type() == IntType) and messages.
var (
	ObjectType = objectType
	IntType    = intType
	BoolType   = boolType
	FloatType  = floatType
	StrType    = strType
	BytesType  = bytesType
	TupleType  = tupleType
	ListType   = listType
	DictType   = dictType
	NoneType   = noneType
)

// TypeValue returns a type as a Value (to bind it in a module).
func TypeValue(t *Type) Value { return valueOf(t) }

// Exceptions.

// Exception types the modules raise most; ExcType finds the others.
var (
	BaseException       = baseExceptionType
	TypeError           = typeErrorType
	ValueError          = valueErrorType
	OverflowError       = overflowErrorType
	ZeroDivisionError   = zeroDivisionErrorType
	IndexError          = indexErrorType
	KeyError            = keyErrorType
	AttributeError      = attributeErrorType
	RuntimeError        = runtimeErrorType
	NotImplementedError = notImplementedErrorType
	StopIteration       = stopIterationType
	MemoryError         = memoryErrorType
	OSError             = osErrorType
	SystemExit          = systemExitType
)

// ExcType returns the built-in exception type of that name
// ("UnicodeDecodeError"), or nil when there is none.
func ExcType(name string) *Type { return exceptionTypes[name] }

// Raise returns a new exception of type t whose argument is the
// formatted message (CPython's PyErr_Format); return it as the error.
func (in *Interp) Raise(t *Type, format string, args ...any) error {
	return in.raise(t, format, args...)
}

// NoMemory returns the MemoryError to raise when a result would pass the
// interpreter's size limits (no allocation is needed to raise it).
func (in *Interp) NoMemory() error { return in.memoryError() }

// ErrorIs reports whether err is a Python exception of type t or a
// subclass of it (an except clause's test).
func ErrorIs(err error, t *Type) bool {
	e, ok := err.(*Exception)
	return ok && valueOf(e).Type().IsSubtype(t)
}

// DiscardError drops an exception the caller caught and handled; err
// must be a Python exception (or nil).
func (in *Interp) DiscardError(err error) {
	if e, ok := err.(*Exception); ok {
		in.decRef(valueOf(e))
	}
}

// Conversions.

// IsInt reports whether v is an int (bools included).
func IsInt(v Value) bool { return isInt(v) }

// IsStr reports whether v is a str.
func IsStr(v Value) bool { return v.Type() == strType || v.Type().IsSubtype(strType) }

// IntValue returns the value of int v when it fits in an int64; ok is
// false when v is not an int or is too large.
func IntValue(v Value) (i int64, ok bool) {
	if v.p == intTag || v.p == boolTag {
		return int64(v.n), true
	}
	return 0, false
}

// BigIntOf returns the value of int v (which must be an int) as a new
// big.Int the caller may change.
func BigIntOf(v Value) *big.Int {
	var z big.Int
	return new(big.Int).Set(bigOf(v, &z))
}

// NewInt returns the int x (copied), unboxed when it fits in an int64.
func (in *Interp) NewInt(x *big.Int) (Value, error) { return in.newInt(x) }

// Index is operator.index(v): an int (a new reference; bools become
// plain ints) or TypeError "'str' object cannot be interpreted as an
// integer", calling __index__ for other types.
func (in *Interp) Index(v Value) (Value, error) {
	switch {
	case v.p == intTag:
		return v, nil
	case v.p == boolTag:
		return Int(int64(v.n)), nil
	case isInt(v):
		incRef(v)
		return v, nil
	}
	r, found, err := in.callSpecial(v, "__index__")
	if err != nil {
		return Value{}, err
	}
	if !found {
		return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if !isInt(r) {
		in.decRef(r)
		return Value{}, in.raise(typeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
	}
	if r.p == boolTag {
		return Int(int64(r.n)), nil
	}
	return r, nil
}

// ToFloat converts v to a float64 as PyFloat_AsDouble does: floats as
// they are, ints exactly rounded (OverflowError when too large), other
// types through __float__, then __index__; anything else is TypeError
// "must be real number, not str".
func (in *Interp) ToFloat(v Value) (float64, error) {
	switch {
	case v.p == floatTag:
		return v.FloatValue(), nil
	case isInt(v):
		return in.intToFloat(v)
	case isFloatSub(v):
		return floatOf(v), nil // as PyFloat_AsDouble, even with __float__ overridden
	}
	r, found, err := in.callSpecial(v, "__float__")
	if err != nil {
		return 0, err
	}
	if found {
		defer in.decRef(r)
		if !isFloat(r) {
			return 0, in.raise(typeErrorType, "%s.__float__ returned non-float (type %s)", v.Type().Name, r.Type().Name)
		}
		return floatOf(r), nil
	}
	if idx, found, err := in.callSpecial(v, "__index__"); found || err != nil {
		if err != nil {
			return 0, err
		}
		defer in.decRef(idx)
		if !isInt(idx) {
			return 0, in.raise(typeErrorType, "__index__ returned non-int (type %s)", idx.Type().Name)
		}
		return in.intToFloat(idx)
	}
	return 0, in.raise(typeErrorType, "must be real number, not %s", v.Type().Name)
}

// FloatToInt converts a finite float to the int of its integral part,
// as int(f) does; infinities raise OverflowError and NaN ValueError with
// CPython's messages.
func (in *Interp) FloatToInt(f float64) (Value, error) {
	switch {
	case math.IsInf(f, 0):
		return Value{}, in.raise(overflowErrorType, "cannot convert float infinity to integer")
	case math.IsNaN(f):
		return Value{}, in.raise(valueErrorType, "cannot convert float NaN to integer")
	}
	f = math.Trunc(f)
	if f >= -(1<<63) && f < 1<<63 {
		return Int(int64(f)), nil
	}
	b, _ := big.NewFloat(f).Int(nil)
	return in.newInt(b)
}

// TupleItems returns the items of a tuple (or of a struct sequence),
// borrowed; ok is false when v is not one.
func TupleItems(v Value) (items []Value, ok bool) {
	if !v.Type().IsSubtype(tupleType) {
		return nil, false
	}
	return asObject[Tuple](v).items, true
}

// Protocols.

// Iter is iter(v).
func (in *Interp) Iter(v Value) (Value, error) { return in.getIter(v) }

// Next advances iterator it: the next item (a new reference), or ok
// false when it is exhausted.
func (in *Interp) Next(it Value) (item Value, ok bool, err error) { return in.iterNext(it) }

// CallSpecial calls the special method name (such as "__floor__") of v's
// type with v and args; found is false, and nothing is called, when the
// type has none.
func (in *Interp) CallSpecial(v Value, name string, args ...Value) (r Value, found bool, err error) {
	return in.callSpecial(v, name, args...)
}

// moduleStates holds the private state of the Go modules, per
// interpreter; an interpreter's entry goes when the interpreter does.
var moduleStates sync.Map // weak.Pointer[Interp] -> map[any]any

// ModuleState returns the value a module keeps in this interpreter under
// key (a pointer the module owns), made by init the first time. Only the
// interpreter's own goroutine may use it, as for everything else.
func (in *Interp) ModuleState(key any, init func() any) any {
	wp := weak.Make(in)
	m, ok := moduleStates.Load(wp)
	if !ok {
		m = map[any]any{}
		moduleStates.Store(wp, m)
		runtime.AddCleanup(in, func(wp weak.Pointer[Interp]) { moduleStates.Delete(wp) }, wp)
	}
	states := m.(map[any]any)
	v, ok := states[key]
	if !ok {
		v = init()
		states[key] = v
	}
	return v
}
