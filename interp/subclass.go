package interp

import (
	"math/big"
	"strings"
	"unsafe"
)

// Classes derived from built-in types (class L(list), class P(tuple),
// class N(int) ...): an instance is the built-in type's Go struct with an
// instance dict after it. A pointer to the wrapper is a pointer to the
// built-in struct, so every operation of the built-in type works on it
// unchanged; the class only adds the dict, and dealloc, traverse and
// clear are the built-in's plus the dict.

// subInstance is the Go struct of an instance of a class derived from a
// built-in type whose struct is T.
type subInstance[T any] struct {
	base  T
	dict  Value
	slots []Value // __slots__ values, made on first store
}

// newInstanceStruct allocates the struct of a new instance of t: T
// itself for the built-in type, or T with an instance dict after it for
// a class. The caller accounts it with in.account.
func newInstanceStruct[T any](t *Type) *T {
	if t.Flags&TypeHeapType != 0 {
		return &(&subInstance[T]{}).base
	}
	return new(T)
}

// slotsOf returns the address of v's __slots__ array: Instance's for
// object's layout, the wrapper's for a class derived from a built-in
// type (the slots field is 16 bytes after the dict in subInstance).
func slotsOf(v Value) *[]Value {
	t := v.Type()
	switch t.layout {
	case objectType:
		return &asObject[Instance](v).slots
	case baseExceptionType:
		return &asObject[Exception](v).slots
	}
	off, ok := subclassDictOffsets[t.layout]
	if !ok {
		return nil
	}
	return (*[]Value)(unsafe.Add(v.p, off+unsafe.Sizeof(Value{})))
}

// subclassDictOffsets gives, for each built-in layout a class can
// derive from this way, where the instance dict sits.
var subclassDictOffsets = map[*Type]uintptr{
	listType:      unsafe.Offsetof(subInstance[List]{}.dict),
	dictType:      unsafe.Offsetof(subInstance[Dict]{}.dict),
	tupleType:     unsafe.Offsetof(subInstance[Tuple]{}.dict),
	setType:       unsafe.Offsetof(subInstance[Set]{}.dict),
	frozensetType: unsafe.Offsetof(subInstance[Set]{}.dict),
	intType:       unsafe.Offsetof(subInstance[BigInt]{}.dict),
	strType:       unsafe.Offsetof(subInstance[Str]{}.dict),

	staticMethodType: unsafe.Offsetof(subInstance[staticMethod]{}.dict),
	classMethodType:  unsafe.Offsetof(subInstance[staticMethod]{}.dict),
	propertyType:     unsafe.Offsetof(subInstance[property]{}.dict),
	weakrefType:      unsafe.Offsetof(subInstance[WeakRef]{}.dict),
	genericAliasType: unsafe.Offsetof(subInstance[genericAlias]{}.dict),
}

// subclassLinked marks the layouts whose Go struct has a GCLink although
// the built-in type itself holds no references and is not tracked
// (bytearray): the instances of a class derived from one are tracked,
// for the cycles through their instance dict.
var subclassLinked = map[*Type]bool{}

// instanceLayouts marks the built-in layouts whose struct is Instance
// (SimpleNamespace): their own dealloc, traverse and clear handle the
// dict and __slots__ of a class's instances already.
var instanceLayouts = map[*Type]bool{}

// subclassDealloc, subclassTraverse and subclassClear wrap the layout's
// slots for class t: the instance dict goes first.
func subclassSlots(t *Type) {
	layout := t.layout
	off, ok := subclassDictOffsets[layout]
	if !ok || instanceLayouts[layout] {
		return
	}
	dictOf := func(v Value) *Value { return (*Value)(unsafe.Add(v.p, off)) }
	t.dealloc = func(in *Interp, v Value) {
		d := dictOf(v)
		old := *d
		*d = Value{}
		in.xdecRef(old)
		if slots := slotsOf(v); slots != nil {
			for i, x := range *slots {
				(*slots)[i] = Value{}
				in.xdecRef(x)
			}
			*slots = nil
		}
		layout.dealloc(in, v)
	}
	if layout.traverse == nil && !subclassLinked[layout] {
		// No GCLink in the layout's struct: instances cannot be tracked,
		// so a cycle through their dict is not found (it leaks).
		return
	}
	t.traverse = func(v Value, visit func(Value)) {
		if layout.traverse != nil {
			layout.traverse(v, visit)
		}
		if d := *dictOf(v); !d.IsNil() {
			visit(d)
		}
		if slots := slotsOf(v); slots != nil {
			visitAll(*slots, visit)
		}
	}
	t.clear = func(in *Interp, v Value) {
		if layout.clear != nil {
			layout.clear(in, v)
		}
		in.clearField(dictOf(v))
		if slots := slotsOf(v); slots != nil {
			for i := range *slots {
				in.clearField(&(*slots)[i])
			}
		}
	}
}

// typeFullName is CPython's tp_name of t, which error messages show: a
// built-in type outside builtins has its module in front
// ("types.UnionType"), a class only its name.
func typeFullName(t *Type) string {
	if t.Flags&TypeHeapType != 0 || t.Module == "" || t.Module == "builtins" || strings.Contains(t.Name, ".") {
		return t.Name
	}
	return t.Module + "." + t.Name
}

// newIntSubclass makes an instance of class t derived from int with the
// value of the int v.
func (in *Interp) newIntSubclass(t *Type, v Value) (Value, error) {
	o := newInstanceStruct[BigInt](t)
	var z big.Int
	o.v.Set(bigOf(v, &z))
	if err := in.account(&o.Header, t, bigIntSize+uintptr(len(o.v.Bits()))*unsafe.Sizeof(big.Word(0))); err != nil {
		return Value{}, err
	}
	return valueOf(o), nil
}
