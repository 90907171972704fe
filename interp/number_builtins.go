package interp

import (
	"math"
	"math/big"
)

// The numeric builtins abs, round, divmod and pow, bool(), and the
// conversions they share with int() and float(): CPython's
// PyNumber_Index, PyNumber_AsSsize_t and float-to-int.

func init() {
	builtinFuncs = append(builtinFuncs,
		newBuiltin("abs", builtinAbs),
		newBuiltin("round", builtinRound),
		newBuiltin("divmod", builtinDivmod),
		newBuiltin("pow", builtinPow),
	)
	boolType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("bool", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return False, nil
		}
		b, err := in.Truth(args[0])
		return Bool(b), err
	}
	defNumberNew(boolType)
}

// isClassInstance reports whether v is an instance of a class, whose special
// methods are found by name rather than through Go slots.
func isClassInstance(v Value) bool { return v.Type().Flags&TypeHeapType != 0 }

// intCopy returns the int value of an int or bool as a new reference of
// type int (a bool becomes 0 or 1), as CPython's _PyLong_Copy does.
func intCopy(v Value) Value {
	if v.p == boolTag {
		return Int(int64(v.n))
	}
	incRef(v)
	return v
}

// exactInt is v (an int, a bool or an instance of a class derived from
// int) as an exact int, a new reference: what int(x) and operator.index
// return.
func (in *Interp) exactInt(v Value) (Value, error) {
	if v.IsObject() && v.Type() != intType {
		return in.newInt(&asObject[BigInt](v).v)
	}
	return intCopy(v), nil
}

// numberIndex is PyNumber_Index: v as an int (a new reference), through
// __index__ for instances of classes.
func (in *Interp) numberIndex(v Value) (Value, error) {
	if isInt(v) {
		return in.exactInt(v)
	}
	if isClassInstance(v) {
		r, found, err := in.callSpecial(v, "__index__")
		if err != nil {
			return Value{}, err
		}
		if found {
			if !isInt(r) {
				in.decRef(r)
				return Value{}, in.raise(typeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
			}
			i, err := in.exactInt(r)
			in.decRef(r)
			return i, err
		}
	}
	return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// hasIndex reports whether v supports __index__ (PyIndex_Check).
func (in *Interp) hasIndex(v Value) (bool, error) {
	if isInt(v) {
		return true, nil
	}
	if !isClassInstance(v) {
		return false, nil
	}
	attr, err := in.lookupString(v.Type(), "__index__")
	return !attr.IsNil(), err
}

// indexClipped is PyNumber_AsSsize_t(v, NULL): v's __index__ value,
// clipped to the int64 range instead of overflowing.
func (in *Interp) indexClipped(v Value) (int64, error) {
	i, err := in.numberIndex(v)
	if err != nil {
		return 0, err
	}
	defer in.decRef(i)
	if i.IsSmallInt() {
		return i.SmallInt(), nil
	}
	if asObject[BigInt](i).v.Sign() < 0 {
		return math.MinInt64, nil
	}
	return math.MaxInt64, nil
}

// indexSize is a Py_ssize_t argument: v's __index__ value, OverflowError
// when it does not fit.
func (in *Interp) indexSize(v Value) (int64, error) {
	i, err := in.numberIndex(v)
	if err != nil {
		return 0, err
	}
	defer in.decRef(i)
	if i.IsSmallInt() {
		return i.SmallInt(), nil
	}
	return 0, in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
}

// floatToInt converts a float to the int it truncates to (int(x)), with
// CPython's errors for infinities and nan.
func (in *Interp) floatToInt(f float64) (Value, error) {
	switch {
	case math.IsNaN(f):
		return Value{}, in.raise(valueErrorType, "cannot convert float NaN to integer")
	case math.IsInf(f, 0):
		return Value{}, in.raise(overflowErrorType, "cannot convert float infinity to integer")
	}
	t := math.Trunc(f)
	if t >= -(1<<63) && t < 1<<63 {
		return Int(int64(t)), nil
	}
	var z big.Int
	new(big.Float).SetFloat64(t).Int(&z)
	return in.newInt(&z)
}

// builtinAbs is abs(x): the number's abs slot, or a class's __abs__.
func builtinAbs(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.noKeywords("abs", kwnames); err != nil {
		return Value{}, err
	}
	if len(args) != 1 {
		return Value{}, in.raise(typeErrorType, "abs() takes exactly one argument (%d given)", len(args))
	}
	x := args[0]
	if isClassInstance(x) {
		if r, found, err := in.callSpecial(x, "__abs__"); found || err != nil {
			return r, err
		}
	} else if n := x.Type().number; n != nil && n.abs != nil {
		return n.abs(in, x)
	}
	return Value{}, in.raise(typeErrorType, "bad operand type for abs(): '%s'", x.Type().Name)
}

// builtinRound is round(number, ndigits=None): the number's __round__,
// called without an argument when ndigits is None.
func builtinRound(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var number, ndigits Value
	if len(args) == len(kwnames) && !kwGiven(kwnames, "number") {
		// Argument clinic reports the missing argument before any
		// unexpected keyword.
		return Value{}, in.raise(typeErrorType, "round() missing required argument 'number' (pos 1)")
	}
	if err := in.parseArgs("round", args, kwnames, []string{"number", "ndigits"}, 1, &number, &ndigits); err != nil {
		return Value{}, err
	}
	attr, err := in.lookupString(number.Type(), "__round__")
	if err != nil {
		return Value{}, err
	}
	if attr.IsNil() {
		return Value{}, in.raise(typeErrorType, "type %s doesn't define __round__ method", number.Type().Name)
	}
	var rargs []Value
	if !ndigits.IsNil() && !ndigits.IsNone() {
		rargs = []Value{ndigits}
	}
	return in.callAttrWithSelf(attr, number, rargs, nil)
}

// kwGiven reports whether name is among the keyword arguments.
func kwGiven(kwnames []Value, name string) bool {
	for _, k := range kwnames {
		if k.GoString() == name {
			return true
		}
	}
	return false
}

// builtinDivmod is divmod(a, b).
func builtinDivmod(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("divmod", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	r, err := in.divmodNI(args[0], args[1])
	if err == nil && r.Is(NotImplemented) {
		return Value{}, in.raise(typeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", args[0].Type().Name, args[1].Type().Name)
	}
	return r, err
}

// divmodSlot is the built-in divmod of t: ints' (bools included) or
// floats', nil for other types.
func divmodSlot(t *Type) func(in *Interp, a, b Value) (Value, error) {
	switch t {
	case intType, boolType:
		return intDivmod
	case floatType:
		return floatDivmodSlot
	}
	return divmodSlots[t] // a module type's (api_datetime.go)
}

// divmodSideOf is how type t takes part in divmod: a class's __divmod__
// (or __rdivmod__ when reflected) found first in its MRO, or a built-in
// type's divmod.
func (in *Interp) divmodSideOf(t *Type, reflected bool) (binarySide, error) {
	name := "__divmod__"
	if reflected {
		name = "__rdivmod__"
	}
	for _, b := range t.MRO {
		if b.dict != nil {
			v, ok, err := in.DictGet(b.dict, internName(name))
			if err != nil || ok {
				return binarySide{dunder: v}, err
			}
			continue
		}
		if s := divmodSlot(b); s != nil {
			return binarySide{slot: s}, nil
		}
	}
	return binarySide{}, nil
}

// divmodNI is divmod(a, b) answering NotImplemented when no operand
// supports it, with the dispatch of binary operators: the right
// operand's reflected method first when its type is a proper subtype of
// the left's and overrides it.
func (in *Interp) divmodNI(a, b Value) (Value, error) {
	ta, tb := a.Type(), b.Type()
	left, err := in.divmodSideOf(ta, false)
	if err != nil {
		return Value{}, err
	}
	var right binarySide
	if ta != tb {
		if right, err = in.divmodSideOf(tb, true); err != nil {
			return Value{}, err
		}
	}
	return in.dispatchBinary(left, right, a, b)
}

// intDivmod is int's divmod: (a // b, a % b).
func intDivmod(in *Interp, a, b Value) (Value, error) {
	if !isInt(a) || !isInt(b) {
		return NotImplemented, nil
	}
	var za, zb big.Int
	x, y := bigOf(a, &za), bigOf(b, &zb)
	if y.Sign() == 0 {
		return Value{}, in.raise(zeroDivisionErrorType, "integer division or modulo by zero")
	}
	if a.p != intTag && a.p != boolTag || b.p != intTag && b.p != boolTag {
		return in.bigDivmod(x, y)
	}
	q, ok1 := smallIntOp(OpFloorDiv, int64(a.n), int64(b.n))
	m, ok2 := smallIntOp(OpRemainder, int64(a.n), int64(b.n))
	if !ok1 || !ok2 {
		return in.bigDivmod(x, y)
	}
	return in.NewTuple(Int(q), Int(m))
}

// bigDivmod is floor division and modulo of big ints; y is not zero.
func (in *Interp) bigDivmod(x, y *big.Int) (Value, error) {
	q, m := bigScratch(wordsOf(x)+1), bigScratch(wordsOf(y)+1)
	q.QuoRem(x, y, &m)
	if m.Sign() != 0 && (m.Sign() < 0) != (y.Sign() < 0) {
		q.Sub(&q, big.NewInt(1))
		m.Add(&m, y)
	}
	vq, err := in.newIntMoved(&q)
	if err != nil {
		return Value{}, err
	}
	vm, err := in.newIntMoved(&m)
	if err != nil {
		in.decRef(vq)
		return Value{}, err
	}
	t, err := in.newTupleSized(2)
	if err != nil {
		in.decRef(vq)
		in.decRef(vm)
		return Value{}, err
	}
	t.items[0], t.items[1] = vq, vm // the tuple takes both references
	return valueOf(t), nil
}

// newIntPair returns the tuple (a, b) of two ints.
func (in *Interp) newIntPair(a, b *big.Int) (Value, error) {
	va, err := in.newInt(a)
	if err != nil {
		return Value{}, err
	}
	vb, err := in.newInt(b)
	if err != nil {
		in.decRef(va)
		return Value{}, err
	}
	t, err := in.NewTuple(va, vb)
	in.decRef(va)
	in.decRef(vb)
	return t, err
}

// floatDivmodSlot is float's divmod, taking ints as floats.
func floatDivmodSlot(in *Interp, a, b Value) (Value, error) {
	x, y, ok, err := in.floatOperands(a, b)
	if !ok {
		return NotImplemented, nil
	}
	if err != nil {
		return Value{}, err
	}
	if y == 0 {
		return Value{}, in.raise(zeroDivisionErrorType, "float divmod()")
	}
	q, m := floatDivmod(x, y)
	return in.NewTuple(Float(q), Float(m))
}

// builtinPow is pow(base, exp, mod=None).
func builtinPow(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var base, exp, mod Value
	if err := in.parseArgs("pow", args, kwnames, []string{"base", "exp", "mod"}, 2, &base, &exp, &mod); err != nil {
		return Value{}, err
	}
	if mod.IsNil() || mod.IsNone() {
		return in.BinaryOp(OpPow, base, exp)
	}
	return in.ternaryPow(base, exp, mod)
}

// powSlot is the three-argument power of t, nil when it has none: ints'
// and floats' own, and a class's __pow__ (three-argument pow never uses
// __rpow__, as CPython's slot_nb_power does not).
func (in *Interp) powSlot(t *Type) func(in *Interp, a, b, c Value) (Value, error) {
	for _, b := range t.MRO {
		if b.dict != nil {
			if _, ok, _ := in.DictGet(b.dict, internName("__pow__")); ok {
				return classPow3
			}
			continue
		}
		switch b {
		case intType, boolType:
			return intPow3
		case floatType:
			return floatPow3
		case complexType:
			return complexPow3
		}
	}
	return nil
}

// ternaryPow is pow(a, b, c) with c not None: CPython's ternary_op,
// trying the slots of the three operands' types in turn.
func (in *Interp) ternaryPow(a, b, c Value) (Value, error) {
	ta, tb, tc := a.Type(), b.Type(), c.Type()
	sa := in.powSlot(ta)
	var sb, sc func(in *Interp, a, b, c Value) (Value, error)
	if tb != ta {
		sb = in.powSlot(tb)
	}
	if tc != ta && tc != tb {
		sc = in.powSlot(tc)
	}
	if sb != nil && tb.IsSubtype(ta) {
		r, err := sb(in, a, b, c)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		sb = nil
	}
	for _, s := range []func(in *Interp, a, b, c Value) (Value, error){sa, sb, sc} {
		if s == nil {
			continue
		}
		r, err := s(in, a, b, c)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	return Value{}, in.raise(typeErrorType, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", ta.Name, tb.Name, tc.Name)
}

// classPow3 calls a.__pow__(b, c) when a's class defines __pow__.
func classPow3(in *Interp, a, b, c Value) (Value, error) {
	if !isClassInstance(a) {
		return NotImplemented, nil
	}
	attr, err := in.lookupString(a.Type(), "__pow__")
	if err != nil || attr.IsNil() {
		return NotImplemented, err
	}
	return in.callAttrWithSelf(attr, a, []Value{b, c}, nil)
}

// floatPow3 is float's power with a modulus (nil or None: none).
func floatPow3(in *Interp, a, b, c Value) (Value, error) {
	if !(isFloat(a) || isInt(a)) || !(isFloat(b) || isInt(b)) {
		return NotImplemented, nil
	}
	if !c.IsNil() && !c.IsNone() {
		return Value{}, in.raise(typeErrorType, "pow() 3rd argument not allowed unless all arguments are integers")
	}
	return floatPow(in, a, b)
}

// intPow3 is int's power with a modulus (nil or None: none): modular
// exponentiation, a negative exponent meaning the modular inverse.
func intPow3(in *Interp, a, b, c Value) (Value, error) {
	if !isInt(a) || !isInt(b) {
		return NotImplemented, nil
	}
	if c.IsNil() || c.IsNone() {
		return intPow(in, a, b)
	}
	if !isInt(c) {
		return NotImplemented, nil
	}
	var za, zb, zc big.Int
	x, y, m := bigOf(a, &za), bigOf(b, &zb), bigOf(c, &zc)
	if m.Sign() == 0 {
		return Value{}, in.raise(valueErrorType, "pow() 3rd argument cannot be 0")
	}
	negOut := m.Sign() < 0
	var mod big.Int
	mod.Abs(m)
	if mod.Cmp(big.NewInt(1)) == 0 {
		return Int(0), nil
	}
	var base big.Int
	base.Mod(x, &mod) // non-negative
	var e big.Int
	e.Set(y)
	if e.Sign() < 0 {
		if base.ModInverse(&base, &mod) == nil {
			return Value{}, in.raise(valueErrorType, "base is not invertible for the given modulus")
		}
		e.Neg(&e)
	}
	var z big.Int
	z.Exp(&base, &e, &mod)
	if negOut && z.Sign() != 0 {
		z.Sub(&z, &mod)
	}
	return in.newInt(&z)
}

// defNumberNew adds t.__new__(cls, ...) for int, float and bool:
// constructing t itself (their subclasses are not implemented yet).
func defNumberNew(t *Type) {
	defStatic(t, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) <= len(kwnames) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(): not enough arguments", t.Name)
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(X): X is not a type object (%s)", t.Name, args[0].Type().Name)
		}
		cls := (*Type)(args[0].p)
		switch {
		case !cls.IsSubtype(t):
			return Value{}, in.raise(typeErrorType, "%s.__new__(%s): %s is not a subtype of %s", t.Name, cls.Name, cls.Name, t.Name)
		case cls != t && cls.Flags&TypeHeapType == 0:
			return Value{}, in.raise(typeErrorType, "%s.__new__(%s) is not safe, use %s.__new__()", t.Name, cls.Name, cls.Name)
		case cls != t && t.new != nil:
			return t.new(in, cls, args[1:], kwnames)
		case cls != t:
			return Value{}, in.raise(notImplementedErrorType, "subclasses of %s are not implemented yet", t.Name)
		}
		return t.construct(in, t, args[1:], kwnames)
	})
}

func init() {
	// int.__new__ for a class derived from int: the int value, boxed
	// in an instance of the class.
	intType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		v, err := intType.construct(in, intType, args, kwnames)
		if err != nil || t == intType {
			return v, err
		}
		defer in.decRef(v)
		return in.newIntSubclass(t, v)
	}
	intType.init = objectInit
}
