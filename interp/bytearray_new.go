package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Making bytearrays: bytearray(source, encoding, errors), its __new__
// and __init__, and classes derived from bytearray (class B(bytearray)).
// As in CPython, bytearray.__new__ makes an empty bytearray whatever its
// arguments and bytearray.__init__ fills it (again, when called on an
// existing one); calling bytearray is the two in turn. An instance of a
// class is the ByteArray struct with an instance dict after it, so every
// bytearray operation reads it unchanged (and its methods return plain
// bytearrays, as CPython's do).

func init() {
	subclassDictOffsets[bytearrayType] = unsafe.Offsetof(subInstance[ByteArray]{}.dict)
	subclassLinked[bytearrayType] = true
	bytearrayType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := bytearrayNew(in, t, nil, nil)
		if err != nil {
			return Value{}, err
		}
		if err := bytearrayInit(in, v, args, kwnames); err != nil {
			in.decRef(v)
			return Value{}, err
		}
		return v, nil
	}
	bytearrayType.new = bytearrayNew
	bytearrayType.init = bytearrayInit
	defLayoutNew(bytearrayType, bytearrayNew)
	defMethod(bytearrayType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, bytearrayInit(in, args[0], args[1:], kwnames)
	})
	bytearrayType.attrs["__doc__"] = internName(bytearrayDoc)
	defMethod(bytearrayType, "__sizeof__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytearray.__sizeof__", args, kwnames); err != nil {
			return Value{}, err
		}
		// CPython's sizes: the struct, a class's __slots__, and the
		// buffer with its trailing NUL (the instance dict and weak
		// references sit before the object in 3.12).
		n := 56 + 8*args[0].Type().slotCount()
		if c := cap(asObject[ByteArray](args[0]).b); c > 0 {
			n += c + 1
		}
		return Int(int64(n)), nil
	})
	// str() of a bytearray is its own repr, not a class's __repr__.
	bytearrayType.str = func(in *Interp, v Value) (Value, error) { return bytearrayType.repr(in, v) }
	defWrapper(bytearrayType, "__str__", 0, func(in *Interp, args []Value) (Value, error) {
		return bytearrayType.repr(in, args[0])
	})
}

// bytearrayNew is bytearray.__new__(t, ...): an empty bytearray of type
// t; the arguments are left to __init__.
func bytearrayNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	o := newInstanceStruct[ByteArray](t)
	if err := in.account(&o.Header, t, bytearraySize); err != nil {
		return Value{}, err
	}
	if t.Flags&TypeHeapType != 0 {
		o.Header.SetFlags(alloc.FlagContainer)
	}
	return valueOf(o), nil
}

// bytearrayInit is bytearray.__init__(source, encoding, errors), with
// CPython's checks in CPython's order: self is emptied first of all,
// and an iterable's items are appended one at a time (a failure leaves
// those before it).
func bytearrayInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	var x, encoding, errors Value
	if err := in.bytesCtorArgs("bytearray", args, kwnames, &x, &encoding, &errors); err != nil {
		return err
	}
	o := asObject[ByteArray](self)
	if _, err := in.baReset(o, 0); err != nil {
		return err
	}
	noString := func() error {
		if !encoding.IsNil() {
			return in.raise(typeErrorType, "encoding without a string argument")
		}
		return in.raise(typeErrorType, "errors without a string argument")
	}
	if x.IsNil() {
		if !encoding.IsNil() || !errors.IsNil() {
			return noString()
		}
		return nil
	}
	if isStrValue(x) {
		if encoding.IsNil() {
			return in.raise(typeErrorType, "string argument without an encoding")
		}
		v, err := in.bytesEncodeArgs(true, x, encoding, errors)
		if err != nil {
			return err
		}
		defer in.decRef(v)
		return in.baSetBytes(o, asObject[ByteArray](v).b)
	}
	if !encoding.IsNil() || !errors.IsNil() {
		return noString()
	}
	n, isIndex, err := in.bytesCountArg(x)
	if err != nil {
		// An __index__ raising TypeError lets the value be a buffer or
		// an iterable after all.
		e, ok := err.(*Exception)
		if !ok || !valueOf(e).Type().IsSubtype(typeErrorType) {
			return err
		}
		in.decRef(valueOf(e))
		isIndex = false
	}
	if isIndex {
		_, err := in.baReset(o, n)
		return err
	}
	if b, ok := bytesDataFull(x); ok {
		return in.baSetBytes(o, b)
	}
	if isReleasedView(x) {
		return in.releasedViewError()
	}
	it, err := in.getIter(x)
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
			in.decRef(valueOf(e))
			return in.raise(typeErrorType, "cannot convert '%s' object to bytearray", x.Type().Name)
		}
		return err
	}
	defer in.decRef(it)
	for {
		item, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err
		}
		c, err := in.byteValue(item, "byte must be in range(0, 256)")
		in.decRef(item)
		if err != nil {
			return err
		}
		n := len(o.b)
		if err := in.baCanResize(o, n+1); err != nil {
			return err
		}
		if err := in.baReserve(o, n+1); err != nil {
			return err
		}
		o.b = append(o.b, c) // within the capacity just reserved
	}
}

// baReset gives bytearray o a new buffer of n zero bytes, exactly, and
// returns it; the old one is dropped. A memoryview export forbids it
// unless the size stays the same.
func (in *Interp) baReset(o *ByteArray, n int) ([]byte, error) {
	if err := in.baCanResize(o, n); err != nil {
		return nil, err
	}
	if n > maxBytesLen {
		return nil, in.memoryError()
	}
	// The accounting comes first, so that a huge n is a MemoryError
	// before Go allocates it.
	if err := in.heap.Resize(&o.Header, uintptr(cap(o.b)), uintptr(n)); err != nil {
		return nil, in.memoryError()
	}
	if n == 0 {
		o.b = nil
	} else {
		o.b = make([]byte, n)
	}
	return o.b, nil
}

// baSetBytes makes bytearray o's contents a copy of b (which must not
// be o's own buffer).
func (in *Interp) baSetBytes(o *ByteArray, b []byte) error {
	buf, err := in.baReset(o, len(b))
	if err == nil {
		copy(buf, b)
	}
	return err
}

// bytearrayDoc is bytearray.__doc__: the call forms, then what each
// makes.
const bytearrayDoc = `bytearray(iterable_of_ints) -> bytearray
bytearray(string, encoding[, errors]) -> bytearray
bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer
bytearray(int) -> bytes array of size given by the parameter initialized with null bytes
bytearray() -> empty bytes array

Construct a mutable bytearray object from:
  - an iterable yielding integers in range(256)
  - a text string encoded using the specified encoding
  - a bytes or a buffer object
  - any object implementing the buffer API.
  - an integer`
