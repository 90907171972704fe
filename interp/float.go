package interp

import (
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp/syntax"
)

func init() {
	// The slots read floats through floatOf: v may be an instance of a
	// class derived from float (subclass_float.go).
	floatType.repr = func(in *Interp, v Value) (Value, error) { return in.NewStr(syntax.ReprFloat(floatOf(v))) }
	floatType.hash = func(in *Interp, v Value) (int64, error) { return floatHash(floatOf(v)), nil }
	floatType.boolean = func(in *Interp, v Value) (bool, error) { return floatOf(v) != 0, nil }
	floatType.compare = numberCompare
	floatType.number = &numberSlots{
		neg:    func(in *Interp, v Value) (Value, error) { return Float(-floatOf(v)), nil },
		pos:    func(in *Interp, v Value) (Value, error) { return Float(floatOf(v)), nil },
		abs:    func(in *Interp, v Value) (Value, error) { return Float(math.Abs(floatOf(v))), nil },
		binary: floatBinarySlots(),
	}
}

// floatOperands converts the operands of a float operation: floats as
// they are, ints converted (OverflowError when too large); ok is false
// when either operand is neither.
func (in *Interp) floatOperands(a, b Value) (x, y float64, ok bool, err error) {
	conv := func(v Value) (float64, bool, error) {
		if v.p == floatTag {
			return v.FloatValue(), true, nil
		}
		if isInt(v) {
			f, err := in.intToFloat(v)
			return f, true, err
		}
		if isFloatSub(v) {
			return floatOf(v), true, nil
		}
		return 0, false, nil
	}
	if x, ok, err = conv(a); !ok || err != nil {
		return
	}
	y, ok, err = conv(b)
	return
}

func floatBinarySlots() (slots [numBinaryOps]func(in *Interp, a, b Value) (Value, error)) {
	arith := func(op BinaryOp) func(in *Interp, a, b Value) (Value, error) {
		return func(in *Interp, a, b Value) (Value, error) {
			x, y, ok, err := in.floatOperands(a, b)
			if !ok {
				return NotImplemented, nil
			}
			if err != nil {
				return Value{}, err
			}
			switch op {
			case OpAdd:
				return Float(x + y), nil
			case OpSub:
				return Float(x - y), nil
			case OpMul:
				return Float(x * y), nil
			case OpTrueDiv:
				if y == 0 {
					return Value{}, in.raise(zeroDivisionErrorType, "float division by zero")
				}
				return Float(x / y), nil
			case OpFloorDiv:
				if y == 0 {
					return Value{}, in.raise(zeroDivisionErrorType, "float floor division by zero")
				}
				q, _ := floatDivmod(x, y)
				return Float(q), nil
			case OpRemainder:
				if y == 0 {
					return Value{}, in.raise(zeroDivisionErrorType, "float modulo")
				}
				_, m := floatDivmod(x, y)
				return Float(m), nil
			}
			return floatPow(in, Float(x), Float(y))
		}
	}
	for _, op := range []BinaryOp{OpAdd, OpSub, OpMul, OpTrueDiv, OpFloorDiv, OpRemainder, OpPow} {
		slots[op] = arith(op)
	}
	return slots
}

// floatDivmod is Python's float divmod: the floor quotient and a modulus
// with the sign of y (CPython's float_divmod, including its signed zeros).
func floatDivmod(x, y float64) (q, m float64) {
	m = math.Mod(x, y)
	div := (x - m) / y
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
			div -= 1
		}
	} else {
		m = math.Copysign(0, y)
	}
	if div != 0 {
		q = math.Floor(div)
		if div-q > 0.5 {
			q += 1
		}
	} else {
		q = math.Copysign(0, x/y)
	}
	return q, m
}

// floatPow is float ** float with CPython's special cases and errors.
func floatPow(in *Interp, a, b Value) (Value, error) {
	x, y, ok, err := in.floatOperands(a, b)
	if !ok {
		return NotImplemented, nil
	}
	if err != nil {
		return Value{}, err
	}
	if x == 0 && y < 0 && !math.IsInf(y, 0) { // 0.0 ** -inf is inf, as in C
		return Value{}, in.raise(zeroDivisionErrorType, "0.0 cannot be raised to a negative power")
	}
	if x < 0 && !math.IsInf(x, 0) && y != math.Trunc(y) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		// A negative number to a fractional power is complex.
		return complexPow3(in, Float(x), Float(y), None)
	}
	r := pyPow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) {
		errno, err := in.NewStr("Numerical result out of range")
		if err != nil {
			return Value{}, err
		}
		e, err := in.newException(overflowErrorType, Int(34), errno)
		in.decRef(errno)
		if err != nil {
			return Value{}, err
		}
		return Value{}, e
	}
	return Float(r), nil
}

// floatHash is CPython's hash of a float: the hash of the rational value
// modulo 2**61 - 1, so that hash(2.0) == hash(2); inf and nan are special.
func floatHash(f float64) int64 {
	switch {
	case math.IsInf(f, 1):
		return 314159
	case math.IsInf(f, -1):
		return -314159
	case math.IsNaN(f):
		// CPython hashes nan by identity; unboxed floats have none, so
		// every nan hashes alike (a documented difference).
		return 0
	}
	if t := math.Trunc(f); t == f && math.Abs(f) < 1<<63 {
		h := int64(f) % hashModulus
		if h == -1 {
			h = -2
		}
		return h
	}
	// f = m * 2**e with m an integer: hash(m) * 2**e mod P.
	r := new(big.Rat).SetFloat64(f)
	num := new(big.Int).Mod(new(big.Int).Abs(r.Num()), big.NewInt(hashModulus))
	// The denominator is a power of two; multiply by its inverse mod P.
	inv := new(big.Int).ModInverse(r.Denom(), big.NewInt(hashModulus))
	num.Mul(num, inv).Mod(num, big.NewInt(hashModulus))
	h := num.Int64()
	if f < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// numberCompare compares ints, bools and floats exactly, as CPython does
// (a large int and a float compare by value, not after rounding the int).
func numberCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	c, ok := compareNumbers(a, b)
	if !ok {
		return NotImplemented, nil
	}
	if c == 2 { // a nan: every comparison but != is false
		return Bool(op == CmpNE), nil
	}
	return compareResult(c, op), nil
}

// compareNumbers returns -1, 0 or 1, or 2 when a nan is involved; ok is
// false when an operand is not an int or float.
func compareNumbers(a, b Value) (c int, ok bool) {
	small := func(v Value) bool { return v.p == intTag || v.p == boolTag }
	if small(a) && small(b) {
		x, y := int64(a.n), int64(b.n)
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	if a.p == floatTag && b.p == floatTag {
		x, y := a.FloatValue(), b.FloatValue()
		switch {
		case math.IsNaN(x) || math.IsNaN(y):
			return 2, true
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	if small(a) && b.p == floatTag {
		return compareSmallIntFloat(int64(a.n), b.FloatValue()), true
	}
	if a.p == floatTag && small(b) {
		c := compareSmallIntFloat(int64(b.n), a.FloatValue())
		if c == 2 {
			return 2, true
		}
		return -c, true
	}
	if isFloatSub(a) || isFloatSub(b) {
		return compareNumbers(unboxFloat(a), unboxFloat(b))
	}
	if !(isInt(a) || a.p == floatTag) || !(isInt(b) || b.p == floatTag) {
		return 0, false
	}
	ra, nanA, infA := exactRat(a)
	rb, nanB, infB := exactRat(b)
	switch {
	case nanA || nanB:
		return 2, true
	case infA != 0 || infB != 0:
		switch {
		case infA < infB:
			return -1, true
		case infA > infB:
			return 1, true
		}
		return 0, true
	}
	return ra.Cmp(rb), true
}

// exactRat returns an int or finite float exactly as a rational, or
// reports nan or the sign of an infinity.
func exactRat(v Value) (r *big.Rat, nan bool, inf int) {
	if v.p == floatTag {
		f := v.FloatValue()
		switch {
		case math.IsNaN(f):
			return nil, true, 0
		case math.IsInf(f, 1):
			return nil, false, 1
		case math.IsInf(f, -1):
			return nil, false, -1
		}
		return new(big.Rat).SetFloat64(f), false, 0
	}
	var z big.Int
	return new(big.Rat).SetInt(bigOf(v, &z)), false, 0
}

// compareSmallIntFloat compares an int64 with a float exactly, without
// allocating: -1, 0 or 1, or 2 when f is nan.
func compareSmallIntFloat(i int64, f float64) int {
	switch {
	case math.IsNaN(f):
		return 2
	case absInt64(i) <= 1<<53 && i != math.MinInt64:
		// Exactly representable: compare as floats.
		x := float64(i)
		switch {
		case x < f:
			return -1
		case x > f:
			return 1
		}
		return 0
	case f >= 1<<63:
		return -1
	case f < -(1 << 63):
		return 1
	}
	t := math.Trunc(f)
	ti := int64(t)
	switch {
	case i < ti:
		return -1
	case i > ti:
		return 1
	case f > t:
		return -1
	case f < t:
		return 1
	}
	return 0
}

// quietNaN is the NaN CPython makes for float('nan') and math.nan: the
// quiet NaN with an empty payload (Go's math.NaN has a payload of 1,
// which struct.pack and float.hex would show).
var quietNaN = math.Float64frombits(0x7ff8000000000000)
