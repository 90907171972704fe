package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Type is a Python type object. Built-in types and classes share this one
// struct, and every operation on a value goes through its slots, so the
// specializer can cache what a lookup found and check Version later.
//
// Built-in types are immortal and shared by all interpreters: their slots
// and dicts never change after package initialization.
type Type struct {
	alloc.Header
	alloc.GCLink // classes are containers (their namespace, their bases)

	// Immutable after creation (heap types may rename themselves).
	Name     string // __name__
	Qualname string // __qualname__; Name when empty
	Module   string // __module__, "builtins" for built-in types
	Base     *Type  // __base__: the first base, nil only for object
	Bases    []*Type
	MRO      []*Type
	Flags    TypeFlags

	// attrs holds a built-in type's methods and descriptors, immortal and
	// never changed after package initialization; dict is a heap type's
	// namespace (owned). A type has one or the other.
	attrs map[string]Value
	dict  *Dict

	// layout is the built-in type whose Go struct the instances use (the
	// "solid base"); dictOffset locates the instance-dict field in that
	// struct, 0 when instances have no __dict__.
	layout     *Type
	dictOffset uintptr

	// subclasses lists the heap types that name this type as a base, so
	// a change to a dunder can update their slots; it holds no references.
	subclasses []*Type

	// slotNames are the __slots__ this class itself declared.
	slotNames []string

	// class is the accounting class of the type's instances; built-in
	// types get the same class number in every interpreter.
	class alloc.Class

	// Version changes whenever anything a cached lookup could depend on
	// changes (PEP 659's type version tag); 0 means "do not cache".
	Version uint32

	// shapes is the root of the tree of shapes of the instance dicts
	// (shapes.go), made on first use; heap types only.
	shapes *shape

	// lookupCache remembers MRO lookups through a class
	// (type_lookup_cache.go), made on first use; heap types only.
	lookupCache *lookupCache

	// freeBlocks keeps the blocks of dead instances for new ones
	// (instance_blocks.go); heap types only.
	freeBlocks freeBlocks

	// ctor remembers __new__ and __init__ for calling the class
	// (class_ctor_cache.go); heap types only.
	ctor ctorCache

	// reduce remembers the methods a reduction looks up (reduce.go),
	// made on first use; heap types only.
	reduce *reduceFacts

	// Slots. A nil slot means the operation is not supported.
	repr    func(in *Interp, v Value) (Value, error)
	str     func(in *Interp, v Value) (Value, error)
	hash    func(in *Interp, v Value) (int64, error)
	boolean func(in *Interp, v Value) (bool, error)
	compare func(in *Interp, a, b Value, op CompareOp) (Value, error)
	number  *numberSlots
	dealloc func(in *Interp, v Value)
	// finalize, when set, runs once before an instance is deallocated
	// (CPython's tp_finalize, PEP 442); the instance may be resurrected.
	finalize func(in *Interp, v Value)

	// Attribute access (tp_getattro, tp_setattro; value nil deletes) and
	// the descriptor protocol (tp_descr_get with obj nil for access through
	// the class, tp_descr_set); nil getattr/setattr mean the generic ones.
	getattr  func(in *Interp, v, name Value) (Value, error)
	setattr  func(in *Interp, v, name, value Value) error
	descrGet func(in *Interp, descr, obj Value, t *Type) (Value, error)
	descrSet func(in *Interp, descr, obj, value Value) error

	// call is calling an instance: v(args...), with args holding the
	// positional then the keyword values and kwnames the keywords' names.
	call func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error)

	// The container protocols: iter (tp_iter), next (tp_iternext; ok
	// false when exhausted), length (sq_length), getitem and setitem
	// (mp_subscript, mp_ass_subscript with value nil deleting), contains
	// (sq_contains).
	iter     func(in *Interp, v Value) (Value, error)
	next     func(in *Interp, v Value) (Value, bool, error)
	length   func(in *Interp, v Value) (int, error)
	getitem  func(in *Interp, v, key Value) (Value, error)
	setitem  func(in *Interp, v, key, value Value) error
	contains func(in *Interp, v, key Value) (bool, error)

	// traverse visits every value the object holds a counted reference
	// to (for the cycle finder); clear drops them to break a cycle. A
	// type without traverse is not a container the finder tracks.
	traverse func(v Value, visit func(Value))
	clear    func(in *Interp, v Value)

	// construct is calling the type itself: t(args...). Built-in types
	// that can be subclassed also have new and init, which a subclass's
	// construct runs around the class's own __new__ and __init__.
	construct func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error)
	new       func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error)
	init      func(in *Interp, self Value, args []Value, kwnames []Value) error
}

// TypeFlags describe a type.
type TypeFlags uint32

// Type flags.
const (
	TypeBaseType     TypeFlags = 1 << iota // can be subclassed
	TypeHeapType                           // created by a class statement
	TypeWeakrefs                           // instances have a __weakref__ slot
	TypeHasFinalizer                       // instances have a __del__
	TypeSequence                           // matches sequence patterns (Py_TPFLAGS_SEQUENCE)
	TypeMapping                            // matches mapping patterns (Py_TPFLAGS_MAPPING)
	TypeMatchSelf                          // class pattern matches itself positionally (_Py_TPFLAGS_MATCH_SELF)
	TypeAbstract                           // __abstractmethods__ is set and not empty: cannot be instantiated
)

// CompareOp is a rich comparison, numbered as CPython's Py_LT ... Py_GE.
type CompareOp uint8

// Rich comparison operators.
const (
	CmpLT CompareOp = iota
	CmpLE
	CmpEQ
	CmpNE
	CmpGT
	CmpGE
)

// numberSlots holds a type's arithmetic. The binary slots receive the
// operands in source order whichever operand's type supplied the slot, and
// return NotImplemented when they do not handle the pair, as CPython's
// nb_* slots do.
type numberSlots struct {
	binary [numBinaryOps]func(in *Interp, a, b Value) (Value, error)
	// inplace holds the in-place forms a type does differently (list +=
	// extends the list); nil means a op= b is a op b.
	inplace [numBinaryOps]func(in *Interp, a, b Value) (Value, error)
	neg     func(in *Interp, v Value) (Value, error)
	pos     func(in *Interp, v Value) (Value, error)
	invert  func(in *Interp, v Value) (Value, error)
	abs     func(in *Interp, v Value) (Value, error)
}

// BinaryOp is an arithmetic or bitwise binary operator, numbered as the
// BINARY_OP instruction's oparg (CPython's NB_* without the in-place forms).
type BinaryOp uint8

// Binary operators.
const (
	OpAdd BinaryOp = iota
	OpAnd
	OpFloorDiv
	OpLShift
	OpMatMul
	OpMul
	OpRemainder
	OpOr
	OpPow
	OpRShift
	OpSub
	OpTrueDiv
	OpXor
	numBinaryOps
)

var binaryOpSymbols = [numBinaryOps]string{"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"}

// Symbol returns the operator as written in Python source.
func (op BinaryOp) Symbol() string { return binaryOpSymbols[op] }

// builtinTypes lists the built-in types in registration order; an
// interpreter registers their accounting classes in this order, so a
// built-in type's class number is the same everywhere.
var builtinTypes []*Type

// newBuiltinType creates an immortal built-in type and registers it.
func newBuiltinType(name string, base *Type, flags TypeFlags) *Type {
	checkUnsealed("built-in type " + name + " created")
	t := &Type{Name: name, Module: "builtins", Base: base, Flags: flags, attrs: map[string]Value{}}
	t.Header.Type = unsafe.Pointer(typeType)
	alloc.MakeImmortal(&t.Header)
	t.MRO = []*Type{t}
	for b := base; b != nil; b = b.Base {
		t.MRO = append(t.MRO, b)
	}
	if base != nil {
		t.Bases = []*Type{base}
	}
	// Every built-in type has a Go struct of its own unless it says
	// otherwise (the exceptions share BaseException's, struct sequences
	// tuple's): a class derived from it must not be laid out as its base.
	t.layout = t
	builtinTypes = append(builtinTypes, t)
	t.class = alloc.Class(len(builtinTypes)) // class 0 is alloc's "(other)"
	t.Version = uint32(len(builtinTypes))
	return t
}

// typeType is `type`, whose instances are types. It is created by hand
// because it is its own type.
var typeType = &Type{Name: "type", Module: "builtins"}

// The fundamental built-in types.
var (
	objectType    = newBuiltinType("object", nil, TypeBaseType)
	_             = registerTypeType()
	intType       = newBuiltinType("int", objectType, TypeBaseType)
	boolType      = newBuiltinType("bool", intType, 0)
	floatType     = newBuiltinType("float", objectType, TypeBaseType)
	noneType      = newBuiltinType("NoneType", objectType, 0)
	notImplType   = newBuiltinType("NotImplementedType", objectType, 0)
	notImplObject = newSingleton(notImplType)
)

// registerTypeType finishes typeType once object exists.
func registerTypeType() bool {
	typeType.Header.Type = unsafe.Pointer(typeType)
	alloc.MakeImmortal(&typeType.Header)
	typeType.Base = objectType
	typeType.Bases = []*Type{objectType}
	typeType.layout = typeType
	typeType.attrs = map[string]Value{}
	typeType.MRO = []*Type{typeType, objectType}
	typeType.Flags = TypeBaseType
	builtinTypes = append(builtinTypes, typeType)
	typeType.class = alloc.Class(len(builtinTypes))
	typeType.Version = uint32(len(builtinTypes))
	return true
}

// singleton is an immortal object with no state (NotImplemented, ...).
type singleton struct{ alloc.Header }

func newSingleton(t *Type) Value {
	s := &singleton{}
	s.Header.Type = unsafe.Pointer(t)
	alloc.MakeImmortal(&s.Header)
	return objectValue(&s.Header)
}

// NotImplemented is the NotImplemented singleton.
var NotImplemented = notImplObject

var notImplRepr = newImmortalStr("NotImplemented")

func init() {
	notImplType.repr = func(in *Interp, v Value) (Value, error) { return notImplRepr, nil }
	typeType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) == 1 && len(kwnames) == 0 {
			r := valueOf(args[0].Type())
			incRef(r)
			return r, nil
		}
		if len(args)-len(kwnames) == 3 {
			return typeNew(in, t, args, kwnames)
		}
		return Value{}, in.raise(typeErrorType, "type() takes 1 or 3 arguments")
	}
	typeType.repr = func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		name := t.qualname()
		if t.Module != "builtins" {
			name = t.Module + "." + name
		}
		return in.NewStr("<class '" + name + "'>")
	}
}

// IsSubtype reports whether t is sub (or sub itself) by its MRO.
func (sub *Type) IsSubtype(t *Type) bool {
	for _, b := range sub.MRO {
		if b == t {
			return true
		}
	}
	return false
}
