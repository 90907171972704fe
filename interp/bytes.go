package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Bytes is a bytes object (immutable); ByteArray is a bytearray
// (mutable). Their methods live in bytes_*.go.
type Bytes struct {
	alloc.Header
	b      []byte
	hashed bool
	hash   int64
}

// ByteArray is a bytearray object.
type ByteArray struct {
	alloc.Header
	b []byte
}

var (
	bytesType     = newBuiltinType("bytes", objectType, TypeBaseType)
	bytearrayType = newBuiltinType("bytearray", objectType, TypeBaseType)
)

const (
	bytesSize     = unsafe.Sizeof(Bytes{})
	bytearraySize = unsafe.Sizeof(ByteArray{})
)

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

// newImmortalBytes makes a bytes constant shared by every interpreter.
func newImmortalBytes(b []byte) Value {
	o := &Bytes{b: b}
	o.Header.Type = unsafe.Pointer(bytesType)
	alloc.MakeImmortal(&o.Header)
	return valueOf(o)
}

func init() {
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
}
