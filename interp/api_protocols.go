package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// More of the exported API for the Go modules: the object protocols
// (attributes, comparisons, unary operators, iteration helpers) and
// access to the built-in containers, as thin wrappers over this
// package's own functions. Reference rules are api.go's.

// Types the modules test against or name in messages.
var (
	TypeType      = typeType
	FrozenSetType = frozensetType
	SetType       = setType
	ByteArrayType = bytearrayType
	FunctionType  = functionType
	ComplexType   = complexType
)

// AsType returns the type v is, or nil when v is not a type object.
func AsType(v Value) *Type {
	if !isType(v) {
		return nil
	}
	return (*Type)(v.p)
}

// IsSequence is PySequence_Check: v's type supports v[i] and is not a
// mapping of the dict family.
func IsSequence(v Value) bool {
	t := v.Type()
	return t.getitem != nil && !t.IsSubtype(dictType) && t != mappingProxyType
}

// XDecRef releases a reference to v unless v is the zero Value.
func (in *Interp) XDecRef(v Value) { in.xdecRef(v) }

// ClearRef releases the reference in *p, if any, and leaves it empty
// (the zero Value) before the release can run any code.
func (in *Interp) ClearRef(p *Value) { in.clearField(p) }

// Overrides reports whether a class in t's MRO other than object defines
// name itself (a built-in type's "does the subclass override __init__").
func (in *Interp) Overrides(t *Type, name string) bool { return in.overrides(t, name) }

// LookupSpecial finds name in t's MRO, unbound (borrowed; the zero
// Value when no class defines it), as CPython looks special methods up.
func (in *Interp) LookupSpecial(t *Type, name string) (Value, error) {
	return in.lookupString(t, name)
}

// GetAttrString is getattr(v, name).
func (in *Interp) GetAttrString(v Value, name string) (Value, error) {
	return in.GetAttr(v, internName(name))
}

// LookupAttr is getattr(v, name) that answers the zero Value instead of
// raising AttributeError (hasattr, getattr with a default).
func (in *Interp) LookupAttr(v, name Value) (Value, error) { return in.lookupAttr(v, name) }

// GenericGetAttr is object.__getattribute__, for a GetAttr slot that
// handles some names itself and leaves the rest to it.
func (in *Interp) GenericGetAttr(v, name Value) (Value, error) {
	return in.genericGetAttr(v, name, false)
}

// CallMethod calls v.name(*args), args holding the positional then the
// keyword values and kwnames the keywords' names.
func (in *Interp) CallMethod(v Value, name string, args []Value, kwnames []Value) (Value, error) {
	m, err := in.GetAttrString(v, name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(m)
	return in.Call(m, args, kwnames)
}

// NewMethod binds fn to self: a bound method, calling fn with self
// first (what a DescrGet slot returns for an instance).
func (in *Interp) NewMethod(fn, self Value) (Value, error) { return in.newBoundMethod(fn, self) }

// GenericAlias is types.GenericAlias(origin, args): what a built-in
// type's __class_getitem__ returns (origin[args]).
func (in *Interp) GenericAlias(origin, args Value) (Value, error) {
	return in.newGenericAlias(genericAliasType, origin, args)
}

// IsCallable is callable(v).
func IsCallable(v Value) bool { return v.Type().call != nil }

// Equal is a == b as CPython's PyObject_RichCompareBool decides it for
// containers: identical objects are equal without calling __eq__.
func (in *Interp) Equal(a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	return in.CompareBool(a, b, CmpEQ)
}

// CompareBool is the truth of a op b (no identity shortcut).
func (in *Interp) CompareBool(a, b Value, op CompareOp) (bool, error) {
	r, err := in.RichCompare(a, b, op)
	if err != nil {
		return false, err
	}
	defer in.decRef(r)
	return in.Truth(r)
}

// Neg is -v.
func (in *Interp) Neg(v Value) (Value, error) { return in.unaryOp(bytecode.UNARY_NEGATIVE, v) }

// Invert is ~v.
func (in *Interp) Invert(v Value) (Value, error) { return in.unaryOp(bytecode.UNARY_INVERT, v) }

// Pos is +v.
func (in *Interp) Pos(v Value) (Value, error) {
	return in.intrinsic1(nil, int(bytecode.INTRINSIC_UNARY_POSITIVE), v)
}

// Abs is abs(v).
func (in *Interp) Abs(v Value) (Value, error) { return builtinAbs(in, []Value{v}, nil) }

// StopIteration returns the StopIteration to raise from a __next__
// written by hand (a Next slot returns ok false instead); value
// (borrowed) is its value, nil or None for none.
func (in *Interp) StopIteration(value Value) error {
	if value.IsNil() {
		value = None
	}
	incRef(value)
	return in.stopIteration(value)
}

// LengthHint is operator.length_hint(v, def): len(v) when v's type has
// a length, else v.__length_hint__() (NotImplemented: def), else def.
func (in *Interp) LengthHint(v Value, def int) (int, error) {
	if v.Type().length != nil {
		n, err := in.Len(v)
		if err == nil || !ErrorIs(err, typeErrorType) {
			return n, err
		}
		in.DiscardError(err)
	}
	r, found, err := in.callSpecial(v, "__length_hint__")
	if err != nil {
		if found && ErrorIs(err, typeErrorType) {
			in.DiscardError(err)
			return def, nil
		}
		return 0, err
	}
	if !found || r.Is(NotImplemented) {
		return def, nil
	}
	defer in.decRef(r)
	if !isInt(r) {
		return 0, in.raise(typeErrorType, "__length_hint__ must be an integer, not %s", r.Type().Name)
	}
	n, ok := IntValue(r)
	if !ok || n > int64(maxInt) || n < -int64(maxInt)-1 {
		return 0, in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
	}
	if n < 0 {
		return 0, in.raise(valueErrorType, "__length_hint__() should return >= 0")
	}
	return int(n), nil
}

const maxInt = int(^uint(0) >> 1)

// AsSsize converts v to a Go int through __index__ as the "n" argument
// format does: an int too large is OverflowError "Python int too large
// to convert to C ssize_t".
func (in *Interp) AsSsize(v Value) (int, error) { return in.seqSsizeArg(v, overflowSsize) }

// AsIndexSized is AsSsize with the message of CPython's
// PyNumber_AsSsize_t(v, OverflowError): "cannot fit 'int' into an
// index-sized integer".
func (in *Interp) AsIndexSized(v Value) (int, error) { return in.seqSsizeArg(v, overflowIndex) }

// MethNoArgs checks the call of a method that takes no arguments
// (METH_NOARGS): args[0] is self; qual is "type.name" as CPython's
// messages show it.
func (in *Interp) MethNoArgs(qual string, args, kwnames []Value) error {
	return in.methNoArgs(qual, args, kwnames)
}

// MethOneArg checks the call of a method that takes exactly one
// argument (METH_O); args[0] is self.
func (in *Interp) MethOneArg(qual string, args, kwnames []Value) error {
	return in.seqOneArg(qual, args, kwnames)
}

// ReprEnter marks v as being repr'd, for the repr of an object that may
// contain itself; it returns false when v already is (print "..." or
// the like). Call ReprLeave after a true answer.
func (in *Interp) ReprEnter(v Value) bool { return in.reprEnter(v) }

// ReprLeave undoes the last ReprEnter that answered true.
func (in *Interp) ReprLeave() { in.reprLeave() }

// ListItems returns the items of a list (or of an instance of a list
// subclass), borrowed and valid until the list changes; ok is false
// when v is not one.
func ListItems(v Value) (items []Value, ok bool) {
	if !v.Type().IsSubtype(listType) {
		return nil, false
	}
	return asObject[List](v).items, true
}

// AsList returns the list struct of v for Append, or nil when v is not
// a list.
func AsList(v Value) *List {
	if !v.Type().IsSubtype(listType) {
		return nil
	}
	return asObject[List](v)
}

// AsDict returns the dict struct of v (a dict or an instance of a dict
// subclass) for DictGet, DictSet and DictItems, or nil when v is none.
func AsDict(v Value) *Dict {
	if !v.Type().IsSubtype(dictType) {
		return nil
	}
	return asObject[Dict](v)
}

// DictItems returns the keys and values of d in order, borrowed: valid
// until d changes (take references before running Python code).
func DictItems(d *Dict) (keys, values []Value) {
	keys = make([]Value, 0, d.used)
	values = make([]Value, 0, d.used)
	for _, e := range d.entries {
		if !e.key.IsNil() {
			keys = append(keys, e.key)
			values = append(values, e.value)
		}
	}
	return keys, values
}

// DictCopy returns a new dict with the items of d.
func (in *Interp) DictCopy(d *Dict) (Value, error) { return in.dictCopy(d) }

// BufferBytes returns the bytes of a bytes-like object (bytes,
// bytearray, memoryview), borrowed: do not keep or change them; ok is
// false for other types.
func BufferBytes(v Value) ([]byte, bool) { return bytesDataFull(v) }

// IsASCII reports whether the str v holds ASCII characters only.
func IsASCII(v Value) bool { return asObject[Str](v).ascii }

// HexAddr formats v's address as CPython's default reprs show it
// (without the 0x).
func HexAddr(v Value) string { return hexAddr(v) }
