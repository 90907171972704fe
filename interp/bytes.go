package interp

import (
	"bytes"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Bytes is a bytes object (immutable); ByteArray is a bytearray
// (mutable). This file has the objects, their constructors, repr, hash
// and comparisons; the operators are in bytes_ops.go, the methods in
// bytes_methods.go and bytearray.go, the codecs in bytes_codec.go.
type Bytes struct {
	alloc.Header
	b      []byte
	hashed bool
	hash   int64
}

// ByteArray is a bytearray object. Its backing array is accounted by
// capacity. A plain bytearray is not tracked by the cycle finder; the
// GCLink is there for instances of classes derived from bytearray, whose
// instance dict can hold a cycle (subclass_bytearray.go).
type ByteArray struct {
	alloc.Header
	alloc.GCLink
	b       []byte
	exports int // live memoryviews of b: while any, b must keep its size
}

var (
	bytesType             = newBuiltinType("bytes", objectType, TypeBaseType)
	bytearrayType         = newBuiltinType("bytearray", objectType, TypeBaseType)
	bytesIteratorType     = newBuiltinType("bytes_iterator", objectType, 0)
	bytearrayIteratorType = newBuiltinType("bytearray_iterator", objectType, 0)
)

const (
	bytesSize     = unsafe.Sizeof(Bytes{})
	bytearraySize = unsafe.Sizeof(ByteArray{})
)

// maxBytesLen bounds the bytes and bytearray objects the interpreter
// makes: a bigger request raises MemoryError rather than asking Go for
// more memory than the machine is likely to have.
const maxBytesLen = 1 << 32

// newBytes makes a bytes object holding b (which it keeps: the caller
// must not change b afterwards).
func (in *Interp) newBytes(b []byte) (Value, error) {
	o := &Bytes{b: b}
	if err := in.account(&o.Header, bytesType, bytesSize+uintptr(len(b))); err != nil {
		return Value{}, err
	}
	return valueOf(o), nil
}

// newByteArray makes a bytearray holding b (kept, as for newBytes).
func (in *Interp) newByteArray(b []byte) (Value, error) {
	o := &ByteArray{b: b}
	if err := in.account(&o.Header, bytearrayType, bytearraySize+uintptr(cap(b))); err != nil {
		return Value{}, err
	}
	return valueOf(o), nil
}

// allocBytes makes a bytes (or, with ba, a bytearray) of n zero bytes and
// returns it with its buffer for the caller to fill. The size is checked
// and accounted before the buffer is allocated, so a huge request is a
// MemoryError.
func (in *Interp) allocBytes(ba bool, n int) (Value, []byte, error) {
	if n < 0 || n > maxBytesLen {
		return Value{}, nil, in.memoryError()
	}
	if ba {
		o := &ByteArray{}
		if err := in.account(&o.Header, bytearrayType, bytearraySize+uintptr(n)); err != nil {
			return Value{}, nil, err
		}
		o.b = make([]byte, n)
		return valueOf(o), o.b, nil
	}
	o := &Bytes{}
	if err := in.account(&o.Header, bytesType, bytesSize+uintptr(n)); err != nil {
		return Value{}, nil, err
	}
	o.b = make([]byte, n)
	return valueOf(o), o.b, nil
}

// newBytesKind makes a bytes, or with ba a bytearray, of a copy of b.
func (in *Interp) newBytesKind(ba bool, b []byte) (Value, error) {
	v, buf, err := in.allocBytes(ba, len(b))
	if err == nil {
		copy(buf, b)
	}
	return v, err
}

// newImmortalBytes makes a bytes constant shared by every interpreter;
// its hash is computed now, since no interpreter may write to it later.
func newImmortalBytes(b []byte) Value {
	o := &Bytes{b: b}
	o.Header.Type = unsafe.Pointer(bytesType)
	alloc.MakeImmortal(&o.Header)
	o.hash, o.hashed = hashString(string(b)), true
	return valueOf(o)
}

func init() {
	// Instances are Bytes and ByteArray structs, not object's: a class
	// deriving from them must not get object's layout (and dealloc).
	bytesType.layout, bytearrayType.layout = bytesType, bytearrayType
	bytesType.dealloc = func(in *Interp, v Value) {
		o := asObject[Bytes](v)
		n := len(o.b)
		*o = Bytes{Header: o.Header}
		in.heap.Free(&o.Header, bytesSize+uintptr(n))
	}
	bytearrayType.dealloc = func(in *Interp, v Value) {
		o := asObject[ByteArray](v)
		n := cap(o.b)
		*o = ByteArray{Header: o.Header}
		in.heap.Free(&o.Header, bytearraySize+uintptr(n))
	}
	bytesType.repr = func(in *Interp, v Value) (Value, error) {
		return in.NewStr(string(appendBytesRepr(nil, asObject[Bytes](v).b, false)))
	}
	bytearrayType.repr = func(in *Interp, v Value) (Value, error) {
		b := appendBytesRepr([]byte(v.Type().Name+"("), asObject[ByteArray](v).b, true)
		return in.NewStr(string(append(b, ')')))
	}
	bytesType.hash = func(in *Interp, v Value) (int64, error) {
		o := asObject[Bytes](v)
		if !o.hashed {
			// Immortal bytes are hashed when made; only the owner of a
			// mortal one writes here.
			o.hash, o.hashed = hashString(string(o.b)), true
		}
		return o.hash, nil
	}
	bytesType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if !isBytesValue(b) {
			return NotImplemented, nil
		}
		return compareResult(bytes.Compare(asObject[Bytes](a).b, asObject[Bytes](b).b), op), nil
	}
	bytearrayType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		y, ok := bytesData(b)
		if !ok {
			return NotImplemented, nil
		}
		return compareResult(bytes.Compare(asObject[ByteArray](a).b, y), op), nil
	}
	bytesType.construct = bytesConstruct
	// bytearray's construct, __new__ and __init__ are in bytearray_new.go.
}

// bytesData returns the contents of a bytes-like value (the buffer
// protocol's simple, contiguous request, which bytes, bytearray and
// memoryview answer); ok is false for anything else, and for a released
// or non-contiguous memoryview (see bytesDataFull). The slice of a
// bytearray is its live buffer.
func bytesData(v Value) ([]byte, bool) {
	switch t := v.Type(); {
	case t == bytesType:
		return asObject[Bytes](v).b, true
	case t == bytearrayType:
		return asObject[ByteArray](v).b, true
	case t == memoryviewType:
		return asObject[MemoryView](v).simple()
	case t.IsSubtype(bytesType):
		return asObject[Bytes](v).b, true
	case t.IsSubtype(bytearrayType):
		return asObject[ByteArray](v).b, true
	}
	return exportedBytes(v) // the Go modules' types (api_buffer.go)
}

// isByteArray reports whether v is a bytearray (the result type of its
// methods); v must be bytes-like.
func isByteArray(v Value) bool {
	return v.Type() == bytearrayType || v.Type().IsSubtype(bytearrayType)
}

// isBytesValue reports whether v is a bytes (or an instance of a
// subclass).
func isBytesValue(v Value) bool { return v.Type() == bytesType || v.Type().IsSubtype(bytesType) }

// isStrValue reports whether v is a str (or an instance of a subclass).
func isStrValue(v Value) bool { return v.Type() == strType || v.Type().IsSubtype(strType) }

// appendBytesRepr appends b'...' as CPython writes it: single quotes
// unless the bytes hold a single quote and no double quote; \t \n \r, the
// quote and backslash escaped; other bytes outside printable ASCII as \xhh.
// A bytearray's repr (escapeSingle) escapes single quotes even inside
// double quotes.
func appendBytesRepr(out, b []byte, escapeSingle bool) []byte {
	quote := byte('\'')
	if bytes.IndexByte(b, '\'') >= 0 && bytes.IndexByte(b, '"') < 0 {
		quote = '"'
	}
	out = append(out, 'b', quote)
	const hex = "0123456789abcdef"
	for _, c := range b {
		switch {
		case c == quote || c == '\\' || c == '\'' && escapeSingle:
			out = append(out, '\\', c)
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c < ' ' || c >= 0x7f:
			out = append(out, '\\', 'x', hex[c>>4], hex[c&15])
		default:
			out = append(out, c)
		}
	}
	return append(out, quote)
}

// bytesConstruct is bytes(source, encoding, errors), with CPython's
// checks in CPython's order.
func bytesConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	var x, encoding, errors Value
	if err := in.bytesCtorArgs("bytes", args, kwnames, &x, &encoding, &errors); err != nil {
		return Value{}, err
	}
	if x.IsNil() {
		if !encoding.IsNil() || !errors.IsNil() {
			if !encoding.IsNil() {
				return Value{}, in.raise(typeErrorType, "encoding without a string argument")
			}
			return Value{}, in.raise(typeErrorType, "errors without a string argument")
		}
		return in.newBytes(nil)
	}
	if !encoding.IsNil() {
		if !isStrValue(x) {
			return Value{}, in.raise(typeErrorType, "encoding without a string argument")
		}
		return in.bytesEncodeArgs(false, x, encoding, errors)
	}
	if !errors.IsNil() {
		if isStrValue(x) {
			return Value{}, in.raise(typeErrorType, "string argument without an encoding")
		}
		return Value{}, in.raise(typeErrorType, "errors without a string argument")
	}
	if x.Type().Flags&TypeHeapType != 0 {
		r, found, err := in.callSpecial(x, "__bytes__")
		if err != nil {
			return Value{}, err
		}
		if found {
			if !isBytesValue(r) {
				in.decRef(r)
				return Value{}, in.raise(typeErrorType, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
			}
			return r, nil
		}
	}
	if isStrValue(x) {
		return Value{}, in.raise(typeErrorType, "string argument without an encoding")
	}
	if n, isIndex, err := in.bytesCountArg(x); err != nil || isIndex {
		if err != nil {
			return Value{}, err
		}
		v, _, err := in.allocBytes(false, n)
		return v, err
	}
	if x.Type() == bytesType {
		incRef(x)
		return x, nil
	}
	b, err := in.bytesFromObject(x, "bytes", "bytes must be in range(0, 256)")
	if err != nil {
		return Value{}, err
	}
	return in.newBytes(b)
}

// bytesCtorArgs unpacks (source, encoding, errors), checking that the
// last two are strs.
func (in *Interp) bytesCtorArgs(name string, args []Value, kwnames []Value, x, encoding, errors *Value) error {
	if n := len(args) - len(kwnames); n > 3 {
		return in.raise(typeErrorType, "%s() takes at most 3 arguments (%d given)", name, len(args))
	}
	if err := in.parseArgs(name, args, kwnames, []string{"source", "encoding", "errors"}, 0, x, encoding, errors); err != nil {
		return err
	}
	_, _, err := in.codecArgs(name, *encoding, *errors)
	return err
}

// bytesCountArg tries x as the size of bytes(n) or bytearray(n): isIndex
// is false when x is not an integer (nor has __index__).
func (in *Interp) bytesCountArg(x Value) (n int, isIndex bool, err error) {
	if !isInt(x) && (x.Type().Flags&TypeHeapType == 0 || !in.hasSpecial(x, "__index__")) {
		return 0, false, nil
	}
	i, fits, err := in.bytesIndex(x)
	if err != nil {
		return 0, true, err
	}
	if !fits {
		return 0, true, in.raise(overflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if i < 0 {
		return 0, true, in.raise(valueErrorType, "negative count")
	}
	if i > maxBytesLen {
		return 0, true, in.memoryError()
	}
	return int(i), true, nil
}

// hasSpecial reports whether v's type defines the special method name.
func (in *Interp) hasSpecial(v Value, name string) bool {
	attr, err := in.lookupString(v.Type(), name)
	if err != nil {
		in.decRef(valueOf(err.(*Exception)))
		return false
	}
	return !attr.IsNil()
}

// bytesIndex converts v with __index__: its value, or fits false (and
// the sign in i) for an int beyond int64.
func (in *Interp) bytesIndex(v Value) (i int64, fits bool, err error) {
	switch {
	case v.IsSmallInt() || v.IsBool():
		return int64(v.n), true, nil
	case isInt(v):
		// A big int, or an int subclass's instance (an IntEnum member),
		// which holds even a small value boxed.
		if b := &asObject[BigInt](v).v; b.IsInt64() {
			return b.Int64(), true, nil
		} else {
			return int64(b.Sign()), false, nil
		}
	}
	if v.Type().Flags&TypeHeapType != 0 {
		r, found, err := in.callSpecial(v, "__index__")
		if err != nil {
			return 0, false, err
		}
		if found {
			defer in.decRef(r)
			if !isInt(r) {
				return 0, false, in.raise(typeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
			}
			return in.bytesIndex(r)
		}
	}
	return 0, false, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// bytesFromObject collects the bytes of a buffer or of an iterable of
// ints in range(0, 256) (rangeMsg is bytes' or bytearray's message).
func (in *Interp) bytesFromObject(x Value, kind, rangeMsg string) ([]byte, error) {
	if b, ok := bytesDataFull(x); ok {
		return append([]byte(nil), b...), nil
	}
	if isReleasedView(x) {
		return nil, in.releasedViewError()
	}
	t := x.Type()
	if t == strType || t.IsSubtype(strType) {
		return nil, in.raise(typeErrorType, "cannot convert '%s' object to %s", t.Name, kind)
	}
	it, err := in.getIter(x)
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
			in.decRef(valueOf(e))
			return nil, in.raise(typeErrorType, "cannot convert '%s' object to %s", t.Name, kind)
		}
		return nil, err
	}
	defer in.decRef(it)
	var out []byte
	for {
		item, ok, err := in.iterNext(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		c, err := in.byteValue(item, rangeMsg)
		in.decRef(item)
		if err != nil {
			return nil, err
		}
		if len(out) >= maxBytesLen {
			return nil, in.memoryError()
		}
		out = append(out, c)
	}
}

// byteValue converts an int in range(0, 256) to a byte; msg is the
// ValueError's message otherwise.
func (in *Interp) byteValue(v Value, msg string) (byte, error) {
	i, fits, err := in.bytesIndex(v)
	if err != nil {
		return 0, err
	}
	if !fits || i < 0 || i > 255 {
		return 0, in.raise(valueErrorType, "%s", msg)
	}
	return byte(i), nil
}

// bytesFromHex is bytes.fromhex(): pairs of hex digits, with ASCII
// whitespace allowed between the pairs.
func (in *Interp) bytesFromHex(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			// The position counts code points up to the first non-ASCII one.
			return nil, in.raise(valueErrorType, "non-hexadecimal number found in fromhex() arg at position %d", i)
		}
	}
	var out []byte
	i := 0
	for i < len(s) {
		if isBytesSpace(s[i]) {
			i++
			continue
		}
		hi := bytesHexDigit(s[i])
		if hi < 0 {
			return nil, in.raise(valueErrorType, "non-hexadecimal number found in fromhex() arg at position %d", i)
		}
		if i+1 >= len(s) || bytesHexDigit(s[i+1]) < 0 {
			return nil, in.raise(valueErrorType, "non-hexadecimal number found in fromhex() arg at position %d", i+1)
		}
		out = append(out, byte(hi<<4|bytesHexDigit(s[i+1])))
		i += 2
	}
	return out, nil
}

func bytesHexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// isBytesSpace is Py_ISSPACE: the ASCII whitespace of bytes methods.
func isBytesSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func init() {
	for _, t := range []*Type{bytesType, bytearrayType} {
		ba := t == bytearrayType
		defClassMethod(t, "fromhex", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			// args[0] is the class: a subclass gets cls(result), as in
			// CPython.
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "%s.fromhex() takes no keyword arguments", t.Name)
			}
			if len(args) != 2 {
				return Value{}, in.raise(typeErrorType, "%s.fromhex() takes exactly one argument (%d given)", t.Name, len(args)-1)
			}
			if !isStrValue(args[1]) {
				return Value{}, in.raise(typeErrorType, "fromhex() argument must be str, not %s", args[1].Type().Name)
			}
			b, err := in.bytesFromHex(args[1].GoString())
			if err != nil {
				return Value{}, err
			}
			var r Value
			if ba {
				r, err = in.newByteArray(b)
			} else {
				r, err = in.newBytes(b)
			}
			if err != nil || args[0].p == unsafe.Pointer(t) {
				return r, err
			}
			defer in.decRef(r)
			return in.Call(args[0], []Value{r}, nil)
		})
	}
}
