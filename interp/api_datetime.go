package interp

import (
	"reflect"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Exported helpers for the _datetime module (interp/modules): class
// constants that are instances of a module's own types (timedelta.max,
// timezone.utc), the tuple type of date.isocalendar(), and the divmod()
// and format() of module types (timedelta's divmod, date's __format__),
// which number_builtins.go and formatting.go consult.

// NewConstantObject is NewImmortalObject (api_contextvars.go) for
// class constants whose type may be a container, such as timezone.utc
// (tzinfo's subclasses take part in cycle collection): the instance is
// immortal, shared by every interpreter and never tracked by a cycle
// finder, so its Value fields may hold only immortal values. Fill them
// at once, at package initialization; they must never change
// afterwards (interpreters may read them concurrently).
func NewConstantObject[T any](t *Type) *T {
	checkUnsealed("NewConstantObject(" + t.Name + ")")
	if info := moduleTypes[t]; info == nil || info.goType != reflect.TypeFor[T]() {
		panic("interp: NewConstantObject: " + t.Name + " instances are not " + reflect.TypeFor[T]().String() + " structs")
	}
	o := new(T)
	h := (*alloc.Header)(unsafe.Pointer(o))
	h.Type = unsafe.Pointer(t)
	alloc.MakeImmortal(h)
	return o
}

// NewNamedTupleType makes a final tuple type named qualified
// ("datetime.IsoCalendarDate") whose items are also the attributes
// fields, with a struct sequence's repr. Calling the type runs construct
// with the call's arguments (vectorcall style); construct makes the
// instance with NewStructSeq. Call it at package initialization.
func NewNamedTupleType(qualified string, fields []string, construct func(in *Interp, t *Type, args, kwnames []Value) (Value, error)) *Type {
	t := NewStructSeqType(qualified, fields, len(fields))
	t.Qualname = t.Name
	t.Name = qualified
	t.construct = construct
	return t
}

// divmodSlots holds the divmod slots (CPython's nb_divmod) given to
// module types with SetDivmod; divmodSlot consults it.
var divmodSlots = map[*Type]func(in *Interp, a, b Value) (Value, error){}

// SetDivmod gives t, a type made by NewType, a divmod slot: fn serves
// divmod(a, b) whichever operand is the instance, with the operands in
// source order, and returns NotImplemented for those it does not
// handle. It binds __divmod__ and __rdivmod__ too. Call it at package
// initialization.
func (t *Type) SetDivmod(fn func(in *Interp, a, b Value) (Value, error)) {
	checkUnsealed("SetDivmod(" + t.Name + ")")
	divmodSlots[t] = fn
	defNumSlot1(t, "__divmod__", func(in *Interp, self, other Value) (Value, error) { return fn(in, self, other) })
	defNumSlot1(t, "__rdivmod__", func(in *Interp, self, other Value) (Value, error) { return fn(in, other, self) })
}

// moduleFormat is format(v, spec) for an instance of a module type (or
// of a class derived from one) whose type defines __format__ with
// AddMethod, as date's does; found is false for the others. Format
// consults it after a class's own __format__.
func (in *Interp) moduleFormat(v Value, spec string) (r Value, found bool, err error) {
	if moduleTypes[v.Type().layout] == nil {
		return Value{}, false, nil
	}
	attr, err := in.lookupString(v.Type(), "__format__")
	if err != nil {
		return Value{}, true, err
	}
	if d, ok := methodDescrOf(attr); !ok || moduleTypes[d.owner] == nil {
		return Value{}, false, nil
	}
	specStr, err := in.NewStr(spec)
	if err != nil {
		return Value{}, true, err
	}
	r, err = in.callAttrWithSelf(attr, v, []Value{specStr}, nil)
	in.decRef(specStr)
	if err == nil && !r.Type().IsSubtype(strType) {
		err = in.raise(typeErrorType, "__format__ must return a str, not %s", r.Type().Name)
		in.decRef(r)
		r = Value{}
	}
	return r, true, err
}
