package interp

import "unsafe"

// Classes derived from bytes (class B(bytes)): an instance is the Bytes
// struct with an instance dict after it, so every bytes operation reads
// it unchanged. This file owns bytes.__new__ and bytesType.new, and
// the same for enumerate.

func init() {
	subclassDictOffsets[bytesType] = unsafe.Offsetof(subInstance[Bytes]{}.dict)
	bytesType.new = bytesNew
	defLayoutNew(bytesType, bytesNew)
}

// bytesNew is bytes(source, encoding, errors) for bytes and its
// subclasses: a subclass gets a copy of the bytes value in an instance
// of the class.
func bytesNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	v, err := bytesConstruct(in, bytesType, args, kwnames)
	if err != nil || t == bytesType {
		return v, err
	}
	defer in.decRef(v)
	return in.newBytesSubclass(t, asObject[Bytes](v).b)
}

// newBytesSubclass makes an instance of class t derived from bytes
// holding b (shared: bytes are immutable).
func (in *Interp) newBytesSubclass(t *Type, b []byte) (Value, error) {
	o := newInstanceStruct[Bytes](t)
	if err := in.account(&o.Header, t, bytesSize+uintptr(len(b))); err != nil {
		return Value{}, err
	}
	o.b = b
	return valueOf(o), nil
}

// Classes derived from enumerate (class E(enumerate)) are the
// enumerateObject struct with an instance dict after it; newEnumerate
// builds them. enumerate has no __init__ of its own (object's applies).
func init() {
	subclassDictOffsets[enumerateType] = unsafe.Offsetof(subInstance[enumerateObject]{}.dict)
	enumerateType.new = newEnumerate
	defLayoutNew(enumerateType, newEnumerate)
}

// defLayoutNew adds t.__new__(cls, ...) calling newFn for cls, t or a
// class derived from it, with CPython's checks of cls.
func defLayoutNew(t *Type, newFn func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error)) {
	defStatic(t, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) <= len(kwnames) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(): not enough arguments", t.Name)
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(X): X is not a type object (%s)", t.Name, args[0].Type().Name)
		}
		cls := (*Type)(args[0].p)
		if !cls.IsSubtype(t) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(%s): %s is not a subtype of %s", t.Name, cls.Name, cls.Name, t.Name)
		}
		return newFn(in, cls, args[1:], kwnames)
	})
}
