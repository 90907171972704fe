package interp

import (
	"fmt"
	"reflect"
	"sync/atomic"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Built-in types for the Go modules (package interp/modules): NewType
// defines a type the way this package's own files do, from a TypeSpec
// and the Go struct T of its instances.
//
// # The struct layout contract
//
// T's first field is an alloc.Header, or, when the type derives from
// another NewType type B, B's struct (which begins with the header), so
// a pointer to T is a pointer to its header and to B's struct. A type
// whose instances hold references to other objects (it has Traverse, a
// DictField, or a container base) is a container: its header is followed
// at once by an alloc.GCLink, which only the cycle finder touches:
//
//	type countObject struct {
//		alloc.Header
//		alloc.GCLink // containers only
//		next, step Value
//	}
//
// NewType checks this and panics when T does not follow it.
//
// # Life cycle
//
// NewObject[T] allocates and accounts an instance (it counts against the
// interpreter's memory limit, and containers are tracked by the cycle
// finder from then on, so fill the fields before running Python code).
// When the last reference goes, the Dealloc slot releases what the
// object owns (nil-safe: an object may die half-built, on an error path,
// or after Clear); the API then drops the instance dict and frees the
// memory. Traverse visits every counted reference the object holds;
// Clear drops those whose loss leaves the object usable, to break a
// cycle. Bytes an instance owns beyond its struct (a Go slice of
// Values, say) may be accounted with AccountBytes; give them back in
// Dealloc.
//
// # Subclassing
//
// With Subclassable set (and a New slot), Python classes may derive from
// the type: their instances are T followed by an instance dict, made by
// the same New slot (which must allocate with NewObject[T](in, t) for the
// class t it receives), and Init runs as __init__ unless the class
// overrides it.
//
// Types are immortal and shared by every interpreter: define them, and
// add their methods and attributes, at package initialization. Each gets
// an accounting class that every interpreter registers in the same
// order, so doing either after the first interpreter exists panics.

// TypeSpec describes a built-in type for NewType. Every slot may be nil:
// a nil slot is inherited from Base (object by default), as CPython's
// inherit_slots does, and otherwise means the operation is unsupported.
type TypeSpec struct {
	// Name is __name__ and __qualname__ ("count"); Module is __module__
	// ("itertools"). CPython's messages name the type "itertools.count".
	Name   string
	Module string

	// Doc is the instances' __doc__ (empty: None).
	Doc string

	// Base is the type's base: nil for object, or a type made by NewType
	// whose struct begins T.
	Base *Type

	// Subclassable lets Python classes derive from the type; it requires
	// New.
	Subclassable bool

	// DictField names a Value field of T that holds the instance
	// __dict__ (created on the first attribute store, released by the
	// API); empty means instances have none.
	DictField string

	// Dealloc releases the references an instance owns when it dies.
	// Memory is freed by the API afterwards: do not free it here.
	Dealloc func(in *Interp, v Value)
	// Traverse visits every counted reference an instance holds (for the
	// cycle finder; empty and unboxed Values may be visited too); Clear drops them (nil: the object cannot be cleared,
	// and cycles are broken at their other members).
	Traverse func(v Value, visit func(Value))
	Clear    func(in *Interp, v Value)

	// Repr and Str are repr() and str() (Str nil: repr).
	Repr func(in *Interp, v Value) (Value, error)
	Str  func(in *Interp, v Value) (Value, error)
	// Hash is hash(); a type with Compare but no Hash is unhashable.
	Hash func(in *Interp, v Value) (int64, error)
	// Compare is the rich comparison a op b, with a an instance; it
	// returns NotImplemented for operands it does not handle.
	Compare func(in *Interp, a, b Value, op CompareOp) (Value, error)
	// Bool is truth (nil: true, or Len != 0).
	Bool func(in *Interp, v Value) (bool, error)
	// Len is len().
	Len func(in *Interp, v Value) (int, error)
	// Iter is iter(); use SelfIter for an iterator.
	Iter func(in *Interp, v Value) (Value, error)
	// Next is next(): the next item, or ok false when exhausted (return
	// ok false rather than raising StopIteration).
	Next func(in *Interp, v Value) (item Value, ok bool, err error)
	// GetItem is v[key]; SetItem is v[key] = value, or del v[key] when
	// value is nil; Contains is `key in v`.
	GetItem  func(in *Interp, v, key Value) (Value, error)
	SetItem  func(in *Interp, v, key, value Value) error
	Contains func(in *Interp, v, key Value) (bool, error)
	// Call is calling an instance: v(args...), args holding the
	// positional then the keyword values, kwnames the keywords' names.
	Call func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error)
	// Construct is calling the type itself (nil: New then Init).
	Construct func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error)
	// New makes an instance of t (the type or a class derived from it):
	// __new__. Init initializes one: __init__ (nil: nothing to do).
	New  func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error)
	Init func(in *Interp, self Value, args []Value, kwnames []Value) error
	// GetAttr and SetAttr (value nil: delete) replace the generic
	// attribute access; use GenericGetAttr inside them for the rest.
	GetAttr func(in *Interp, v, name Value) (Value, error)
	SetAttr func(in *Interp, v, name, value Value) error
	// DescrGet is __get__ (obj nil when reached through the class owner);
	// DescrSet is __set__, or __delete__ when value is nil.
	DescrGet func(in *Interp, descr, obj Value, owner *Type) (Value, error)
	DescrSet func(in *Interp, descr, obj, value Value) error

	// Number holds the arithmetic slots, nil for none.
	Number *NumberSpec
}

// NumberSpec holds a type's arithmetic slots. A binary slot receives the
// operands in source order whichever of them is the instance (it serves
// both __add__ and __radd__) and returns NotImplemented for operands it
// does not handle; an InPlace slot serves a op= b (nil: a op b).
type NumberSpec struct {
	Binary  map[BinaryOp]func(in *Interp, a, b Value) (Value, error)
	InPlace map[BinaryOp]func(in *Interp, a, b Value) (Value, error)
	Neg     func(in *Interp, v Value) (Value, error)
	Pos     func(in *Interp, v Value) (Value, error)
	Invert  func(in *Interp, v Value) (Value, error)
	Abs     func(in *Interp, v Value) (Value, error)
}

// moduleTypeInfo is what NewType remembers of a type it made.
type moduleTypeInfo struct {
	goType    reflect.Type
	container bool
	release   func(in *Interp, v Value) // Dealloc, then the base's
	traverse  func(v Value, visit func(Value))
	clear     func(in *Interp, v Value)
}

// moduleTypes is written at package initialization only.
var moduleTypes = map[*Type]*moduleTypeInfo{}

// typesSealed is set when the first interpreter is created: from then
// on the set of built-in types and their attributes is fixed.
var typesSealed atomic.Bool

// checkUnsealed panics when built-in types are changed too late.
func checkUnsealed(what string) {
	if typesSealed.Load() {
		panic("interp: " + what + " after the first interpreter was created; built-in types must be defined at package initialization")
	}
}

var (
	headerType = reflect.TypeFor[alloc.Header]()
	gcLinkType = reflect.TypeFor[alloc.GCLink]()
	valueType  = reflect.TypeFor[Value]()
)

// NewType defines an immortal built-in type whose instances are Go
// structs T (see the layout contract above). Call it at package
// initialization; it panics on a spec that breaks the contract.
func NewType[T any](spec TypeSpec) *Type {
	checkUnsealed("NewType(" + spec.Name + ")")
	gt := reflect.TypeFor[T]()
	fail := func(format string, args ...any) {
		panic(fmt.Sprintf("interp: NewType(%s.%s): ", spec.Module, spec.Name) + fmt.Sprintf(format, args...))
	}
	if spec.Name == "" {
		fail("no name")
	}
	base := spec.Base
	if base == nil {
		base = objectType
	}
	var baseInfo *moduleTypeInfo
	if base != objectType {
		if baseInfo = moduleTypes[base]; baseInfo == nil {
			fail("the base %s is not a type made by NewType", base.Name)
		}
	}
	if gt.Kind() != reflect.Struct || gt.NumField() == 0 {
		fail("%s is not a struct", gt)
	}
	container := spec.Traverse != nil || spec.DictField != "" || baseInfo != nil && baseInfo.container
	switch {
	case baseInfo == nil && gt.Field(0).Type != headerType:
		fail("%s does not begin with alloc.Header", gt)
	case baseInfo != nil && gt.Field(0).Type != baseInfo.goType:
		fail("%s does not begin with its base's struct %s", gt, baseInfo.goType)
	case baseInfo == nil && container && (gt.NumField() < 2 || gt.Field(1).Type != gcLinkType):
		fail("%s is a container (it has Traverse or a DictField) but alloc.GCLink does not follow its header", gt)
	case baseInfo != nil && container && !baseInfo.container:
		fail("%s is a container but its base %s is not: the GCLink must follow the header", gt, baseInfo.goType)
	case spec.Subclassable && spec.New == nil:
		fail("a subclassable type needs a New slot")
	case spec.Clear != nil && spec.Traverse == nil:
		fail("Clear without Traverse")
	}
	var dictOff uintptr
	if spec.DictField != "" {
		f, ok := gt.FieldByName(spec.DictField)
		if !ok || f.Type != valueType || len(f.Index) != 1 {
			fail("DictField %q is not a Value field of %s", spec.DictField, gt)
		}
		dictOff = f.Offset
	} else if baseInfo != nil {
		dictOff = base.dictOffset
	}

	name := spec.Name
	if spec.Module != "" && spec.Module != "builtins" {
		name = spec.Module + "." + spec.Name
	}
	var flags TypeFlags
	if spec.Subclassable {
		flags |= TypeBaseType
	}
	t := newBuiltinType(name, base, flags)
	t.Qualname = spec.Name
	t.Module = spec.Module
	if t.Module == "" {
		t.Module = "builtins"
	}
	t.dictOffset = dictOff
	// A static type's namespace has its __module__ and __doc__, which
	// instances show too (functools.update_wrapper copies them).
	t.attrs["__module__"] = internName(t.Module)
	t.attrs["__doc__"] = None
	if spec.Doc != "" {
		t.attrs["__doc__"] = internName(spec.Doc)
	}
	if dictOff != 0 {
		t.attrs["__dict__"] = instanceAttrDescrs["__dict__"]
	}

	info := &moduleTypeInfo{goType: gt, container: container}
	moduleTypes[t] = info
	info.release = spec.Dealloc
	if baseInfo != nil && baseInfo.release != nil {
		own, inherited := spec.Dealloc, baseInfo.release
		if own == nil {
			info.release = inherited
		} else {
			info.release = func(in *Interp, v Value) { own(in, v); inherited(in, v) }
		}
	}
	info.traverse, info.clear = spec.Traverse, spec.Clear
	if baseInfo != nil {
		info.traverse = chainTraverse(baseInfo.traverse, spec.Traverse)
		info.clear = chainClear(baseInfo.clear, spec.Clear)
	}

	size := unsafe.Sizeof(*new(T))
	release := info.release
	t.dealloc = func(in *Interp, v Value) {
		if release != nil {
			release(in, v)
		}
		if dictOff != 0 {
			in.clearField((*Value)(unsafe.Add(v.p, dictOff)))
		}
		// Zero the struct (keeping the header) so that Go's collector
		// does not keep what it pointed to alive.
		h := v.Header()
		saved := *h
		*(*T)(v.p) = *new(T)
		*h = saved
		in.heap.Free(h, size)
	}
	if container {
		traverse, clear := info.traverse, info.clear
		t.traverse = func(v Value, visit func(Value)) {
			if traverse != nil {
				traverse(v, func(x Value) {
					if !x.IsNil() {
						visit(x)
					}
				})
			}
			if dictOff != 0 {
				if d := *(*Value)(unsafe.Add(v.p, dictOff)); !d.IsNil() {
					visit(d)
				}
			}
		}
		if clear != nil || dictOff != 0 {
			t.clear = func(in *Interp, v Value) {
				if clear != nil {
					clear(in, v)
				}
				if dictOff != 0 {
					in.clearField((*Value)(unsafe.Add(v.p, dictOff)))
				}
			}
		}
	}

	t.repr, t.str, t.hash, t.compare, t.boolean = spec.Repr, spec.Str, spec.Hash, spec.Compare, spec.Bool
	t.length, t.iter, t.next = spec.Len, spec.Iter, spec.Next
	t.getitem, t.setitem, t.contains = spec.GetItem, spec.SetItem, spec.Contains
	t.call, t.getattr, t.setattr = spec.Call, spec.GetAttr, spec.SetAttr
	t.descrGet, t.descrSet = spec.DescrGet, spec.DescrSet
	if n := spec.Number; n != nil {
		t.number = &numberSlots{neg: n.Neg, pos: n.Pos, invert: n.Invert, abs: n.Abs}
		for op, fn := range n.Binary {
			t.number.binary[op] = fn
		}
		for op, fn := range n.InPlace {
			t.number.inplace[op] = fn
		}
	}
	if t.boolean == nil && spec.Len != nil {
		length := spec.Len
		t.boolean = func(in *Interp, v Value) (bool, error) {
			n, err := length(in, v)
			return n != 0, err
		}
	}

	t.new, t.init = spec.New, spec.Init
	switch {
	case spec.Construct != nil:
		t.construct = spec.Construct
	case spec.New != nil:
		newSlot, initSlot := spec.New, spec.Init
		t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			obj, err := newSlot(in, t, args, kwnames)
			if err != nil || initSlot == nil || !obj.Type().IsSubtype(t) {
				return obj, err
			}
			if err := initSlot(in, obj, args, kwnames); err != nil {
				in.decRef(obj)
				return Value{}, err
			}
			return obj, nil
		}
	default:
		t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			return Value{}, in.raise(typeErrorType, "cannot create '%s' instances", t.Name)
		}
	}
	if spec.New != nil {
		defNew(t)
	} else if spec.Construct != nil {
		construct := spec.Construct
		defStatic(t, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			sub, err := in.newArgClass(t, args, kwnames)
			if err != nil {
				return Value{}, err
			}
			return construct(in, sub, args[1:], kwnames)
		})
	}
	if spec.Init != nil {
		initSlot := spec.Init
		defMethod(t, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := initSlot(in, args[0], args[1:], kwnames); err != nil {
				return Value{}, err
			}
			return None, nil
		})
	}
	if spec.Subclassable {
		subclassDictOffsets[t] = unsafe.Offsetof(subInstance[T]{}.dict)
	}
	if spec.Compare != nil && spec.Hash == nil {
		// CPython gives a type that compares but does not hash
		// __hash__ = None, so that hash() and classes see it unhashable.
		t.attrs["__hash__"] = None
	}
	if spec.Number != nil {
		for op, slot := range spec.Number.Binary {
			defNumSlot1(t, binaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, self, other) })
			defNumSlot1(t, rbinaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, other, self) })
		}
		for op, slot := range spec.Number.InPlace {
			defNumSlot1(t, ibinaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, self, other) })
		}
		defNumUnaryDunders(t)
	}
	// Slot wrappers (__repr__, __iter__, ...) for the type's own slots
	// only; the inherited ones are found on the base, as in CPython.
	addSlotWrappers(t)
	inheritSlots(t, base)
	if t.init == nil {
		// No __init__ of its own (object's applies, as in CPython); a
		// class's construction may still call the layout's.
		t.init = func(in *Interp, self Value, args []Value, kwnames []Value) error { return nil }
	}
	return t
}

// chainTraverse visits what a base's traverse and a type's own visit.
func chainTraverse(base, own func(v Value, visit func(Value))) func(v Value, visit func(Value)) {
	switch {
	case base == nil:
		return own
	case own == nil:
		return base
	}
	return func(v Value, visit func(Value)) { base(v, visit); own(v, visit) }
}

// chainClear clears what a type's own clear and its base's drop.
func chainClear(base, own func(in *Interp, v Value)) func(in *Interp, v Value) {
	switch {
	case base == nil:
		return own
	case own == nil:
		return base
	}
	return func(in *Interp, v Value) { own(in, v); base(in, v) }
}

// inheritSlots fills t's nil slots from its base, as CPython's
// inherit_slots does: hash and comparison only as a pair.
func inheritSlots(t, base *Type) {
	if t.compare == nil && t.hash == nil {
		t.compare, t.hash = base.compare, base.hash
	}
	inherit := func(dst *func(in *Interp, v Value) (Value, error), src func(in *Interp, v Value) (Value, error)) {
		if *dst == nil {
			*dst = src
		}
	}
	inherit(&t.repr, base.repr)
	inherit(&t.str, base.str)
	if t.boolean == nil {
		t.boolean = base.boolean
	}
	if t.length == nil {
		t.length = base.length
	}
	inherit(&t.iter, base.iter)
	if t.next == nil {
		t.next = base.next
	}
	if t.getitem == nil {
		t.getitem = base.getitem
	}
	if t.setitem == nil {
		t.setitem = base.setitem
	}
	if t.contains == nil {
		t.contains = base.contains
	}
	if t.call == nil {
		t.call = base.call
	}
	if t.getattr == nil {
		t.getattr = base.getattr
	}
	if t.setattr == nil {
		t.setattr = base.setattr
	}
	if t.descrGet == nil {
		t.descrGet = base.descrGet
	}
	if t.descrSet == nil {
		t.descrSet = base.descrSet
	}
	if t.number == nil && base.number != nil {
		n := *base.number
		t.number = &n
	}
}

// newArgClass checks the class argument of a type's __new__ (args[0]):
// a type that is t or derives from it.
func (in *Interp) newArgClass(t *Type, args []Value, kwnames []Value) (*Type, error) {
	if len(args) <= len(kwnames) {
		return nil, in.raise(typeErrorType, "%s.__new__(): not enough arguments", t.Name)
	}
	if !isType(args[0]) {
		return nil, in.raise(typeErrorType, "%s.__new__(X): X is not a type object (%s)", t.Name, args[0].Type().Name)
	}
	sub := (*Type)(args[0].p)
	if !sub.IsSubtype(t) {
		return nil, in.raise(typeErrorType, "%s.__new__(%s): %s is not a subtype of %s", t.Name, sub.Name, sub.Name, t.Name)
	}
	return sub, nil
}

// SelfIter is the Iter slot of an iterator: iter(it) is it.
func SelfIter(in *Interp, v Value) (Value, error) { return selfIter(in, v) }

// AddMethod adds the built-in method name to t: fn receives the instance
// as args[0], then the arguments. Call it at package initialization.
func (t *Type) AddMethod(name string, fn MethodFunc) {
	checkUnsealed("AddMethod(" + name + ")")
	defMethod(t, name, fn)
}

// AddClassMethod adds a built-in class method (like dict.fromkeys): fn
// receives the class it was reached through as args[0].
func (t *Type) AddClassMethod(name string, fn MethodFunc) {
	checkUnsealed("AddClassMethod(" + name + ")")
	defClassMethod(t, name, fn)
}

// AddStaticMethod adds a built-in static method: fn receives the
// arguments only.
func (t *Type) AddStaticMethod(name string, fn MethodFunc) {
	checkUnsealed("AddStaticMethod(" + name + ")")
	defStatic(t, name, fn)
}

// AddGetSet adds a computed attribute: get returns its value (a new
// reference) for an instance; set (nil: read-only) stores value, or
// deletes the attribute when value is nil.
func (t *Type) AddGetSet(name string, get func(in *Interp, obj Value) (Value, error), set func(in *Interp, obj, value Value) error) {
	checkUnsealed("AddGetSet(" + name + ")")
	defGetSet(t, name, get, set)
}

// AddMember exposes the Value field named field of the type's struct as
// the attribute name, as a C type's T_OBJECT member does: an empty field
// reads as None; unless readonly, assignment stores and del empties it.
// The field must be one the type's Dealloc and Traverse already handle.
func (t *Type) AddMember(name, field string, readonly bool) {
	checkUnsealed("AddMember(" + name + ")")
	info := moduleTypes[t]
	if info == nil {
		panic("interp: AddMember(" + name + ") on a type not made by NewType")
	}
	f, ok := info.goType.FieldByName(field)
	if !ok || f.Type != valueType {
		panic("interp: AddMember(" + name + "): " + field + " is not a Value field of " + info.goType.String())
	}
	off := f.Offset
	get := func(in *Interp, obj Value) (Value, error) {
		v := *(*Value)(unsafe.Add(obj.p, off))
		if v.IsNil() {
			return None, nil
		}
		incRef(v)
		return v, nil
	}
	set := func(in *Interp, obj, value Value) error {
		if readonly {
			return in.raise(attributeErrorType, "readonly attribute")
		}
		p := (*Value)(unsafe.Add(obj.p, off))
		old := *p
		if !value.IsNil() {
			incRef(value)
		}
		*p = value
		in.xdecRef(old)
		return nil
	}
	defGetSet(t, name, get, set)
}

// AddAttr binds a class attribute (a constant such as __doc__ or a
// nested type) in t's namespace. v must be immortal: unboxed, or a type,
// a built-in function or a str from ImmortalStr.
func (t *Type) AddAttr(name string, v Value) {
	checkUnsealed("AddAttr(" + name + ")")
	if v.IsObject() && !v.Header().Has(alloc.FlagImmortal) {
		panic("interp: AddAttr(" + name + "): the value is not immortal")
	}
	t.attrs[name] = v
}

// OwnAttr returns the attribute name of a built-in type's own namespace
// (a method, a descriptor or a constant, borrowed), not its bases'; ok is
// false when it has none or t is a class.
func (t *Type) OwnAttr(name string) (v Value, ok bool) {
	v, ok = t.attrs[name]
	return v, ok
}

// ImmortalStr returns an immortal str shared by every interpreter, for
// constants made at package initialization.
func ImmortalStr(s string) Value { return internName(s) }

// NewObject allocates an instance of t, whose struct is T: t is a type
// made by NewType[T] or a class derived from one (then the struct gets
// its instance dict after T). The object is accounted (MemoryError past
// the interpreter's limit), has one reference, the caller's, and zero
// fields; a container is tracked by the cycle finder at once.
func NewObject[T any](in *Interp, t *Type) (*T, error) {
	if info := moduleTypes[t.layout]; info == nil || info.goType != reflect.TypeFor[T]() {
		return nil, in.raise(systemErrorType, "NewObject: %s instances are not %s structs", t.Name, reflect.TypeFor[T]())
	}
	o := newInstanceStruct[T](t)
	if err := in.account((*alloc.Header)(unsafe.Pointer(o)), t, unsafe.Sizeof(*o)); err != nil {
		return nil, err
	}
	return o, nil
}

// ObjectOf returns the struct of v, a heap object whose struct is T (the
// caller checked its type, with IsInstance).
func ObjectOf[T any](v Value) *T { return asObject[T](v) }

// ValueOf returns the Value of an object's struct (a borrowed reference).
func ValueOf[T any](o *T) Value { return valueOf(o) }

// IsInstance reports whether v's type is t or derives from it.
func IsInstance(v Value, t *Type) bool { return v.Type().IsSubtype(t) }

// AccountBytes changes by delta the bytes accounted to the live object
// v, for memory it owns beyond its struct; growth past the memory limit
// returns MemoryError and changes nothing. What was added must be taken
// back (a negative delta) before the object is freed, in Dealloc.
func (in *Interp) AccountBytes(v Value, delta int) error {
	var err error
	if delta >= 0 {
		err = in.heap.Resize(v.Header(), 0, uintptr(delta))
	} else {
		err = in.heap.Resize(v.Header(), uintptr(-delta), 0)
	}
	if err != nil {
		return in.memoryError()
	}
	return nil
}
