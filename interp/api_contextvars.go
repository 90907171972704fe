package interp

import (
	"reflect"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// More of the exported API, for the _contextvars module
// (interp/modules/contextvars*.go), whose Token.MISSING is a singleton
// instance shared by every interpreter.

// NewImmortalObject makes an instance of t, a type made by NewType[T],
// that is shared by every interpreter and never freed (a singleton bound
// as a class attribute with AddAttr). T must hold no Values. Call it at
// package initialization.
func NewImmortalObject[T any](t *Type) *T {
	checkUnsealed("NewImmortalObject(" + t.Name + ")")
	if info := moduleTypes[t]; info == nil || info.goType != reflect.TypeFor[T]() || info.container {
		panic("interp: NewImmortalObject(" + t.Name + "): not a non-container type made by NewType with this struct")
	}
	o := new(T)
	h := (*alloc.Header)(unsafe.Pointer(o))
	h.Type = unsafe.Pointer(t)
	alloc.MakeImmortal(h)
	return o
}
