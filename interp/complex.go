package interp

import (
	"math"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The complex type: the object, its repr, hash, comparisons and
// arithmetic slots, and its methods. The arithmetic itself (CPython's
// _Py_c_quot, _Py_c_pow and c_powi) is in complex_arith.go, the
// constructor in complex_new.go, format() in complex_format.go.

// Complex is a complex number, an immutable pair of floats. The complex
// constants of code (1j, 2.5j) are immortal Complex objects shared by
// every interpreter, like the other constants.
type Complex struct {
	alloc.Header
	re, im float64
}

const complexSize = unsafe.Sizeof(Complex{})

var complexType = newBuiltinType("complex", objectType, TypeBaseType)

// isComplex reports whether v is a complex, or an instance of a class
// derived from complex (PyComplex_Check).
func isComplex(v Value) bool {
	if !v.IsObject() {
		return false
	}
	t := v.Type()
	return t == complexType || t.Flags&TypeHeapType != 0 && t.IsSubtype(complexType)
}

// complexParts returns the real and imaginary parts of a complex v.
func complexParts(v Value) (re, im float64) {
	o := asObject[Complex](v)
	return o.re, o.im
}

// newComplex returns a new complex re+imj.
func (in *Interp) newComplex(re, im float64) (Value, error) {
	return in.newComplexOf(complexType, re, im)
}

// newComplexOf returns a new instance of complex or of a class t derived
// from it, with the value re+imj.
func (in *Interp) newComplexOf(t *Type, re, im float64) (Value, error) {
	o := newInstanceStruct[Complex](t)
	if err := in.account(&o.Header, t, complexSize); err != nil {
		return Value{}, err
	}
	o.re, o.im = re, im
	return valueOf(o), nil
}

// immortalComplex makes the immortal complex of a code constant.
func immortalComplex(c complex128) Value {
	o := &Complex{re: real(c), im: imag(c)}
	o.Header.Type = unsafe.Pointer(complexType)
	alloc.MakeImmortal(&o.Header)
	return valueOf(o)
}

// exactComplex returns v itself when it is an exact complex, else a new
// complex with its value (complex.__complex__, unary +).
func (in *Interp) exactComplex(v Value) (Value, error) {
	if v.Type() == complexType {
		incRef(v)
		return v, nil
	}
	re, im := complexParts(v)
	return in.newComplex(re, im)
}

func init() {
	// Instances of classes derived from complex are the Complex struct
	// with an instance dict after it.
	subclassDictOffsets[complexType] = unsafe.Offsetof(subInstance[Complex]{}.dict)

	complexType.dealloc = func(in *Interp, v Value) { in.heap.Free(v.Header(), complexSize) }
	complexType.repr = func(in *Interp, v Value) (Value, error) {
		re, im := complexParts(v)
		return in.NewStr(syntax.ReprComplex(complex(re, im)))
	}
	complexType.hash = complexHash
	complexType.boolean = func(in *Interp, v Value) (bool, error) {
		re, im := complexParts(v)
		return re != 0 || im != 0, nil
	}
	complexType.compare = complexCompare
	complexType.number = &numberSlots{
		neg: func(in *Interp, v Value) (Value, error) {
			re, im := complexParts(v)
			return in.newComplex(-re, -im)
		},
		pos: func(in *Interp, v Value) (Value, error) { return in.exactComplex(v) },
		abs: func(in *Interp, v Value) (Value, error) {
			re, im := complexParts(v)
			r, overflow := complexAbs(re, im)
			if overflow {
				return Value{}, in.raise(overflowErrorType, "absolute value too large")
			}
			return Float(r), nil
		},
	}
	complexType.number.binary[OpAdd] = complexArith(OpAdd)
	complexType.number.binary[OpSub] = complexArith(OpSub)
	complexType.number.binary[OpMul] = complexArith(OpMul)
	complexType.number.binary[OpTrueDiv] = complexArith(OpTrueDiv)
	complexType.number.binary[OpPow] = func(in *Interp, a, b Value) (Value, error) { return complexPow3(in, a, b, None) }

	complexType.construct = complexNew
	complexType.new = complexNew
	complexType.init = objectInit
	defNumberNew(complexType)

	defNumNoArgs(complexType, "conjugate", func(in *Interp, self Value) (Value, error) {
		re, im := complexParts(self)
		return in.newComplex(re, -im)
	})
	defNumNoArgs(complexType, "__complex__", func(in *Interp, self Value) (Value, error) { return in.exactComplex(self) })
	defNumNoArgs(complexType, "__getnewargs__", func(in *Interp, self Value) (Value, error) {
		re, im := complexParts(self)
		return in.NewTuple(Float(re), Float(im))
	})
	defMethod(complexType, "__format__", complexFormatMethod)
	readonly := func(in *Interp, v, value Value) error { return in.raise(attributeErrorType, "readonly attribute") }
	defGetSet(complexType, "real", func(in *Interp, v Value) (Value, error) {
		re, _ := complexParts(v)
		return Float(re), nil
	}, readonly)
	defGetSet(complexType, "imag", func(in *Interp, v Value) (Value, error) {
		_, im := complexParts(v)
		return Float(im), nil
	}, readonly)

	// The slot wrappers.
	defNumSlot0(complexType, "__repr__", func(in *Interp, self Value) (Value, error) { return complexType.repr(in, self) })
	defNumSlot0(complexType, "__hash__", func(in *Interp, self Value) (Value, error) {
		h, err := complexHash(in, self)
		return Int(h), err
	})
	defNumSlot0(complexType, "__bool__", func(in *Interp, self Value) (Value, error) {
		b, err := complexType.boolean(in, self)
		return Bool(b), err
	})
	defNumUnaryDunders(complexType)
	for _, op := range []BinaryOp{OpAdd, OpSub, OpMul, OpTrueDiv} {
		slot := complexType.number.binary[op]
		defNumSlot1(complexType, binaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, self, other) })
		defNumSlot1(complexType, rbinaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, other, self) })
	}
	for _, reflected := range []bool{false, true} {
		name := "__pow__"
		if reflected {
			name = "__rpow__"
		}
		defMethod(complexType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "wrapper %s() takes no keyword arguments", name)
			}
			if err := in.checkArgCount("", args[1:], nil, 1, 2); err != nil {
				return Value{}, err
			}
			mod := None
			if len(args) == 3 {
				mod = args[2]
			}
			if reflected {
				return complexPow3(in, args[1], args[0], mod)
			}
			return complexPow3(in, args[0], args[1], mod)
		})
	}
	for op, name := range compareDunders {
		op := CompareOp(op)
		defNumSlot1(complexType, name, func(in *Interp, self, other Value) (Value, error) {
			return complexCompare(in, self, other, op)
		})
	}
}

// imagHashMultiplier is CPython's _PyHASH_IMAG: hash(x + yj) is
// hash(x) + 1000003 * hash(y), wrapping as an unsigned machine word.
const imagHashMultiplier = 1000003

// complexHash is CPython's complex_hash. A nan part hashes by the
// object's identity, as CPython 3.12's _Py_HashDouble does.
func complexHash(in *Interp, v Value) (int64, error) {
	re, im := complexParts(v)
	part := func(f float64) uint64 {
		if math.IsNaN(f) {
			h, _ := identityHash(in, v)
			return uint64(h)
		}
		return uint64(floatHash(f))
	}
	h := int64(part(re) + imagHashMultiplier*part(im))
	if h == -1 {
		h = -2
	}
	return h, nil
}

// complexCompare is complex's rich comparison: == and != with ints
// (exactly, through float's comparison when the imaginary part is 0),
// floats and complexes; no ordering.
func complexCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if op != CmpEQ && op != CmpNE || !isComplex(a) {
		return NotImplemented, nil
	}
	re, im := complexParts(a)
	var equal bool
	switch {
	case isInt(b):
		if im == 0 {
			return numberCompare(in, Float(re), b, op)
		}
	case isFloat(b):
		equal = re == floatOf(b) && im == 0
	case isComplex(b):
		bre, bim := complexParts(b)
		equal = re == bre && im == bim
	default:
		return NotImplemented, nil
	}
	return Bool(equal == (op == CmpEQ)), nil
}

// complexOperand converts an operand of complex arithmetic as CPython's
// TO_COMPLEX does: ints (OverflowError when too large for a float),
// floats and complexes; ok is false for anything else.
func (in *Interp) complexOperand(v Value) (re, im float64, ok bool, err error) {
	switch {
	case isFloat(v):
		return floatOf(v), 0, true, nil
	case isInt(v):
		f, err := in.intToFloat(v)
		return f, 0, true, err
	case isComplex(v):
		re, im := complexParts(v)
		return re, im, true, nil
	}
	return 0, 0, false, nil
}

// complexOperands converts both operands; ok is false when the operation
// is NotImplemented.
func (in *Interp) complexOperands(a, b Value) (x, y complexPair, ok bool, err error) {
	if x.re, x.im, ok, err = in.complexOperand(a); !ok || err != nil {
		return
	}
	y.re, y.im, ok, err = in.complexOperand(b)
	return
}

// complexArith is the slot of +, -, * or / of complex numbers.
func complexArith(op BinaryOp) func(in *Interp, a, b Value) (Value, error) {
	return func(in *Interp, a, b Value) (Value, error) {
		x, y, ok, err := in.complexOperands(a, b)
		if !ok {
			return NotImplemented, nil
		}
		if err != nil {
			return Value{}, err
		}
		var r complexPair
		switch op {
		case OpAdd:
			r = complexPair{x.re + y.re, x.im + y.im}
		case OpSub:
			r = complexPair{x.re - y.re, x.im - y.im}
		case OpMul:
			r = complexProd(x, y)
		default:
			var zeroDiv bool
			if r, zeroDiv = complexQuot(x, y); zeroDiv {
				return Value{}, in.raise(zeroDivisionErrorType, "complex division by zero")
			}
		}
		return in.newComplex(r.re, r.im)
	}
}

// complexPow3 is complex's power, pow(a, b, mod) with mod None for a ** b.
func complexPow3(in *Interp, a, b, mod Value) (Value, error) {
	x, y, ok, err := in.complexOperands(a, b)
	if !ok {
		return NotImplemented, nil
	}
	if err != nil {
		return Value{}, err
	}
	if !mod.IsNil() && !mod.IsNone() {
		return Value{}, in.raise(valueErrorType, "complex modulo")
	}
	r, status := complexPow(x, y)
	switch status {
	case powDomainError:
		return Value{}, in.raise(zeroDivisionErrorType, "0.0 to a negative or complex power")
	case powRangeError:
		return Value{}, in.raise(overflowErrorType, "complex exponentiation")
	}
	return in.newComplex(r.re, r.im)
}
