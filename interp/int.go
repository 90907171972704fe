package interp

import (
	"math"
	"math/big"
	"strconv"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/syntax"
)

// BigInt is an int object too large for int64. Ints that fit are always
// unboxed (Int), so a BigInt never holds a value in int64 range.
type BigInt struct {
	alloc.Header
	v big.Int
}

const bigIntSize = unsafe.Sizeof(BigInt{})

// maxIntBits bounds the size of an int result (about 16 M decimal
// digits): past it an operation raises MemoryError instead of asking Go
// for an unbounded amount of memory that the allocator cannot account.
const maxIntBits = 1 << 26

// maxStrDigits is CPython's default limit on int/str conversion digits.
const maxStrDigits = syntax.DefaultMaxStrDigits

func init() {
	intType.repr = intRepr
	// int, bool and float have no __str__ of their own (str() is their
	// repr), so a derived class's __repr__ serves str() too.
	intType.hash = intHash
	intType.boolean = func(in *Interp, v Value) (bool, error) {
		if v.IsSmallInt() {
			return v.n != 0, nil
		}
		// Heap ints are large, except the instances of int subclasses.
		return asObject[BigInt](v).v.Sign() != 0, nil
	}
	intType.compare = intCompare
	intType.dealloc = bigIntDealloc
	intType.number = &numberSlots{
		neg:    intNeg,
		pos:    intPos,
		invert: intInvert,
		abs:    intAbs,
	}
	for op := range numBinaryOps {
		if f := intBinary(op); f != nil {
			intType.number.binary[op] = f
		}
	}
	boolType.repr = boolRepr
	boolType.hash = intHash
	boolType.boolean = func(in *Interp, v Value) (bool, error) { return v.n != 0, nil }
	boolType.compare = intCompare
	// bool & bool, | and ^ stay bools; everything else is int's.
	boolNumber := *intType.number
	for _, op := range []BinaryOp{OpAnd, OpOr, OpXor} {
		intSlot := intType.number.binary[op]
		boolNumber.binary[op] = func(in *Interp, a, b Value) (Value, error) {
			if a.p == boolTag && b.p == boolTag {
				r, _ := smallIntOp(op, int64(a.n), int64(b.n))
				return Bool(r != 0), nil
			}
			return intSlot(in, a, b)
		}
	}
	boolNumber.invert = func(in *Interp, v Value) (Value, error) {
		if v.p == boolTag {
			if err := in.warn(exceptionTypes["DeprecationWarning"], "Bitwise inversion '~' on bool is deprecated. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.", 1); err != nil {
				return Value{}, err
			}
		}
		return intInvert(in, v)
	}
	boolType.number = &boolNumber
	noneType.repr = func(in *Interp, v Value) (Value, error) { return noneRepr, nil }
	noneType.str = noneType.repr
	noneType.boolean = func(in *Interp, v Value) (bool, error) { return false, nil }
}

var (
	noneRepr  = newImmortalStr("None")
	trueRepr  = newImmortalStr("True")
	falseRepr = newImmortalStr("False")
)

func boolRepr(in *Interp, v Value) (Value, error) {
	if v.n != 0 {
		return trueRepr, nil
	}
	return falseRepr, nil
}

// isInt reports whether v is an int (bools included, as in Python).
func isInt(v Value) bool {
	return v.p == intTag || v.p == boolTag || v.IsObject() && v.Type().IsSubtype(intType)
}

// intCompare is int's comparison: two ints compare as big ints (not
// through numberCompare's exact rationals, which copy both); anything
// else goes to numberCompare.
func intCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if !isInt(a) || !isInt(b) {
		return numberCompare(in, a, b, op)
	}
	var za, zb big.Int
	return compareResult(bigOf(a, &za).Cmp(bigOf(b, &zb)), op), nil
}

// bigOf returns v (an int) as a big.Int, using z for unboxed values.
func bigOf(v Value, z *big.Int) *big.Int {
	if v.p == intTag || v.p == boolTag {
		return z.SetInt64(int64(v.n))
	}
	return &asObject[BigInt](v).v
}

// newInt returns the int x, unboxed when it fits in int64. x is copied.
func (in *Interp) newInt(x *big.Int) (Value, error) {
	if x.IsInt64() {
		return Int(x.Int64()), nil
	}
	if x.BitLen() > maxIntBits {
		return Value{}, in.memoryError()
	}
	o := in.bigs.Get()
	size := bigIntSize + uintptr(len(x.Bits()))*unsafe.Sizeof(big.Word(0))
	if err := in.account(&o.Header, intType, size); err != nil {
		in.bigs.Put(o)
		return Value{}, err
	}
	o.v.Set(x)
	return valueOf(o), nil
}

func bigIntDealloc(in *Interp, v Value) {
	o := asObject[BigInt](v)
	in.heap.Free(&o.Header, bigIntSize+uintptr(len(o.v.Bits()))*unsafe.Sizeof(big.Word(0)))
	recycleBig(&o.v)
	in.bigs.Put(o)
}

func intRepr(in *Interp, v Value) (Value, error) {
	if v.p == intTag {
		return in.NewStr(strconv.FormatInt(int64(v.n), 10))
	}
	s, err := syntax.ReprBigInt(&asObject[BigInt](v).v, in.maxStrDigits)
	if err != nil {
		return Value{}, in.raise(valueErrorType, "%s", err.Error())
	}
	return in.NewStr(s)
}

// hashModulus is CPython's modulus for numeric hashes, 2**61 - 1, which
// makes equal numbers of different types hash alike.
const hashModulus = 1<<61 - 1

func intHash(in *Interp, v Value) (int64, error) {
	var h int64
	if v.p == intTag || v.p == boolTag {
		i := int64(v.n)
		m := i % hashModulus
		h = m
	} else {
		x := &asObject[BigInt](v).v
		m := new(big.Int).Rem(x, big.NewInt(hashModulus)) // sign of x
		h = m.Int64()
	}
	if h == -1 {
		h = -2
	}
	return h, nil
}

func intNeg(in *Interp, v Value) (Value, error) {
	if v.p == intTag || v.p == boolTag {
		if i := int64(v.n); i != math.MinInt64 {
			return Int(-i), nil
		}
	}
	var z big.Int
	return in.newInt(z.Neg(bigOf(v, &z)))
}

// intPos is +x: the int itself, or the int value of a bool.
func intPos(in *Interp, v Value) (Value, error) {
	if v.p == boolTag {
		return Int(int64(v.n)), nil
	}
	incRef(v)
	return v, nil
}

func intInvert(in *Interp, v Value) (Value, error) {
	if v.p == intTag || v.p == boolTag {
		return Int(^int64(v.n)), nil
	}
	var z big.Int
	return in.newInt(z.Not(bigOf(v, &z)))
}

func intAbs(in *Interp, v Value) (Value, error) {
	if v.p == intTag || v.p == boolTag {
		if i := int64(v.n); i >= 0 {
			return Int(i), nil
		} else if i != math.MinInt64 {
			return Int(-i), nil
		}
	}
	var z big.Int
	return in.newInt(z.Abs(bigOf(v, &z)))
}

// intBinary returns the int slot for op, or nil when ints do not support
// it (@).
func intBinary(op BinaryOp) func(in *Interp, a, b Value) (Value, error) {
	switch op {
	case OpMatMul:
		return nil
	case OpTrueDiv:
		return intTrueDiv
	case OpPow:
		return intPow
	}
	return func(in *Interp, a, b Value) (Value, error) {
		if !isInt(a) || !isInt(b) {
			return NotImplemented, nil
		}
		if (a.p == intTag || a.p == boolTag) && (b.p == intTag || b.p == boolTag) {
			if r, ok := smallIntOp(op, int64(a.n), int64(b.n)); ok {
				return Int(r), nil
			}
		}
		return in.bigIntOp(op, a, b)
	}
}

// smallIntOp computes op on int64 operands; ok is false when the result
// does not fit or the case needs the general path (errors, big shifts).
func smallIntOp(op BinaryOp, x, y int64) (r int64, ok bool) {
	switch op {
	case OpAdd:
		r = x + y
		return r, (x >= 0) != (y >= 0) || (r >= 0) == (x >= 0)
	case OpSub:
		r = x - y
		return r, (x >= 0) == (y >= 0) || (r >= 0) == (x >= 0)
	case OpMul:
		return mulInt64(x, y)
	case OpFloorDiv:
		if y == 0 || x == math.MinInt64 && y == -1 {
			return 0, false
		}
		q := x / y
		if (x%y != 0) && ((x < 0) != (y < 0)) {
			q--
		}
		return q, true
	case OpRemainder:
		if y == 0 {
			return 0, false
		}
		if y == -1 {
			return 0, true
		}
		m := x % y
		if m != 0 && (m < 0) != (y < 0) {
			m += y
		}
		return m, true
	case OpAnd:
		return x & y, true
	case OpOr:
		return x | y, true
	case OpXor:
		return x ^ y, true
	case OpLShift:
		if y < 0 || y >= 63 {
			return 0, false
		}
		r = x << uint(y)
		return r, r>>uint(y) == x
	case OpRShift:
		if y < 0 {
			return 0, false
		}
		if y >= 63 {
			if x < 0 {
				return -1, true
			}
			return 0, true
		}
		return x >> uint(y), true
	}
	return 0, false
}

func absInt64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// bigIntOp computes op on ints of any size, with Python's semantics and
// errors.
func (in *Interp) bigIntOp(op BinaryOp, a, b Value) (Value, error) {
	var za, zb big.Int
	x, y := bigOf(a, &za), bigOf(b, &zb)
	var z big.Int
	switch op {
	case OpAdd, OpSub, OpAnd, OpOr, OpXor:
		z = bigScratch(max(wordsOf(x), wordsOf(y)) + 1)
	case OpMul:
		z = bigScratch(wordsOf(x) + wordsOf(y))
	case OpFloorDiv, OpRemainder:
		z = bigScratch(wordsOf(x) + 1)
	}
	// z is moved into the result, or recycled when the result is not z.
	switch op {
	case OpAdd:
		z.Add(x, y)
	case OpSub:
		z.Sub(x, y)
	case OpMul:
		if x.BitLen()+y.BitLen() > maxIntBits {
			return Value{}, in.memoryError()
		}
		z.Mul(x, y)
	case OpFloorDiv, OpRemainder:
		if y.Sign() == 0 {
			if op == OpFloorDiv {
				return Value{}, in.raise(zeroDivisionErrorType, "integer division or modulo by zero")
			}
			return Value{}, in.raise(zeroDivisionErrorType, "integer modulo by zero")
		}
		m := bigScratch(wordsOf(y) + 1)
		z.QuoRem(x, y, &m) // truncated
		if m.Sign() != 0 && (m.Sign() < 0) != (y.Sign() < 0) {
			z.Sub(&z, big.NewInt(1))
			m.Add(&m, y)
		}
		if op == OpRemainder {
			recycleBig(&z)
			return in.newIntMoved(&m)
		}
		recycleBig(&m)
	case OpAnd:
		z.And(x, y)
	case OpOr:
		z.Or(x, y)
	case OpXor:
		z.Xor(x, y)
	case OpLShift, OpRShift:
		if y.Sign() < 0 {
			return Value{}, in.raise(valueErrorType, "negative shift count")
		}
		if op == OpRShift {
			if !y.IsInt64() || y.Int64() > int64(x.BitLen()) {
				if x.Sign() < 0 {
					return Int(-1), nil
				}
				return Int(0), nil
			}
			z.Rsh(x, uint(y.Int64()))
			break
		}
		if x.Sign() == 0 {
			return Int(0), nil
		}
		if !y.IsInt64() || y.Int64() > maxIntBits {
			return Value{}, in.raise(overflowErrorType, "too many digits in integer")
		}
		z.Lsh(x, uint(y.Int64()))
	default:
		return NotImplemented, nil
	}
	return in.newIntMoved(&z)
}

// intToFloat converts an int to float, raising OverflowError as CPython's
// int.__float__ does.
func (in *Interp) intToFloat(v Value) (float64, error) {
	if v.p == intTag || v.p == boolTag {
		return float64(int64(v.n)), nil
	}
	f, _ := new(big.Float).SetInt(&asObject[BigInt](v).v).Float64()
	if math.IsInf(f, 0) {
		return 0, in.raise(overflowErrorType, "int too large to convert to float")
	}
	return f, nil
}

// intTrueDiv is int / int: the correctly rounded quotient as a float.
func intTrueDiv(in *Interp, a, b Value) (Value, error) {
	if !isInt(a) || !isInt(b) {
		return NotImplemented, nil
	}
	var za, zb big.Int
	x, y := bigOf(a, &za), bigOf(b, &zb)
	if y.Sign() == 0 {
		return Value{}, in.raise(zeroDivisionErrorType, "division by zero")
	}
	if x.IsInt64() && y.IsInt64() && absInt64(x.Int64()) < 1<<53 && absInt64(y.Int64()) < 1<<53 {
		return Float(float64(x.Int64()) / float64(y.Int64())), nil
	}
	f, _ := new(big.Rat).SetFrac(x, y).Float64()
	if math.IsInf(f, 0) {
		return Value{}, in.raise(overflowErrorType, "integer division result too large for a float")
	}
	if f == 0 && (x.Sign() < 0) != (y.Sign() < 0) {
		f = math.Copysign(0, -1) // 0 / -big is -0.0, as a float division gives
	}
	return Float(f), nil
}

// intPow is int ** int: an int for a non-negative exponent, else a float.
func intPow(in *Interp, a, b Value) (Value, error) {
	if !isInt(a) || !isInt(b) {
		return NotImplemented, nil
	}
	var za, zb big.Int
	x, y := bigOf(a, &za), bigOf(b, &zb)
	if y.Sign() < 0 {
		fx, err := in.intToFloat(a)
		if err != nil {
			return Value{}, err
		}
		fy, err := in.intToFloat(b)
		if err != nil {
			return Value{}, err
		}
		return floatPow(in, Float(fx), Float(fy))
	}
	if x.BitLen() > 1 && (!y.IsInt64() || int64(x.BitLen()-1)*y.Int64() > maxIntBits) {
		return Value{}, in.memoryError()
	}
	var z big.Int
	return in.newInt(z.Exp(x, y, nil))
}
