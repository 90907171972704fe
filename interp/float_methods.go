package interp

import (
	"math"
	"math/big"
	"strconv"
)

// float(): the constructor, float's methods and attributes, and the
// special methods that expose the float slots by name.

func init() {
	floatType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("float", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return Float(0), nil
		}
		return in.numberFloat(args[0])
	}
	defNumberNew(floatType)

	defNumNoArgs(floatType, "is_integer", func(in *Interp, self Value) (Value, error) {
		f := floatOf(self)
		return Bool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
	})
	defNumNoArgs(floatType, "as_integer_ratio", func(in *Interp, self Value) (Value, error) {
		f := floatOf(self)
		switch {
		case math.IsInf(f, 0):
			return Value{}, in.raise(overflowErrorType, "cannot convert Infinity to integer ratio")
		case math.IsNaN(f):
			return Value{}, in.raise(valueErrorType, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return in.newIntPair(r.Num(), r.Denom())
	})
	defNumNoArgs(floatType, "hex", func(in *Interp, self Value) (Value, error) { return in.NewStr(floatHex(floatOf(self))) })
	defClassMethod(floatType, "fromhex", floatFromHexMethod)
	defClassMethod(floatType, "__getformat__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__getformat__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if args[1].Type() != strType {
			return Value{}, in.raise(typeErrorType, "__getformat__() argument must be str, not %s", args[1].Type().Name)
		}
		if s := args[1].GoString(); s != "double" && s != "float" {
			return Value{}, in.raise(valueErrorType, "__getformat__() argument 1 must be 'double' or 'float'")
		}
		return in.NewStr("IEEE, little-endian")
	})
	defNumNoArgs(floatType, "conjugate", func(in *Interp, self Value) (Value, error) { return Float(floatOf(self)), nil })
	defNumNoArgs(floatType, "__trunc__", func(in *Interp, self Value) (Value, error) { return in.floatToInt(floatOf(self)) })
	defNumNoArgs(floatType, "__floor__", func(in *Interp, self Value) (Value, error) {
		return in.floatToInt(math.Floor(floatOf(self)))
	})
	defNumNoArgs(floatType, "__ceil__", func(in *Interp, self Value) (Value, error) {
		return in.floatToInt(math.Ceil(floatOf(self)))
	})
	defNumNoArgs(floatType, "__getnewargs__", func(in *Interp, self Value) (Value, error) { return in.NewTuple(Float(floatOf(self))) })
	defMethod(floatType, "__round__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "float.__round__() takes no keyword arguments")
		}
		if err := in.checkArgCount("__round__", args[1:], nil, 0, 1); err != nil {
			return Value{}, err
		}
		x := floatOf(args[0])
		if len(args) == 1 || args[1].IsNone() {
			return in.floatToInt(math.RoundToEven(x))
		}
		nd, err := in.indexClipped(args[1])
		if err != nil {
			return Value{}, err
		}
		return in.floatRound(x, nd)
	})
	defNumNoArgs(floatType, "__sizeof__", func(in *Interp, self Value) (Value, error) { return Int(24), nil })
	defMethod(floatType, "__format__", numberFormatMethod("float"))
	defGetSet(floatType, "real", func(in *Interp, v Value) (Value, error) { return Float(floatOf(v)), nil }, nil)
	defGetSet(floatType, "imag", func(in *Interp, v Value) (Value, error) { return Float(0), nil }, nil)

	// The slot wrappers.
	defNumSlot0(floatType, "__repr__", func(in *Interp, self Value) (Value, error) { return floatType.repr(in, self) })
	defNumSlot0(floatType, "__hash__", func(in *Interp, self Value) (Value, error) { return Int(floatHash(floatOf(self))), nil })
	defNumSlot0(floatType, "__bool__", func(in *Interp, self Value) (Value, error) { return Bool(floatOf(self) != 0), nil })
	defNumSlot0(floatType, "__int__", func(in *Interp, self Value) (Value, error) { return in.floatToInt(floatOf(self)) })
	defNumSlot0(floatType, "__float__", func(in *Interp, self Value) (Value, error) { return Float(floatOf(self)), nil })
	defNumUnaryDunders(floatType)
	defNumArithDunders(floatType, floatPow3, floatDivmodSlot)
	defNumCompareDunders(floatType, func(v Value) bool { return isFloat(v) || isInt(v) })
}

// numberFloat is float(x), CPython's PyNumber_Float: floats as they are,
// ints converted, then a class's __float__ or __index__, then the text
// of a str, bytes or bytearray.
func (in *Interp) numberFloat(x Value) (Value, error) {
	switch {
	case x.IsFloat():
		return x, nil
	case isInt(x):
		f, err := in.intToFloat(x)
		return Float(f), err
	}
	if isClassInstance(x) {
		r, found, err := in.callSpecial(x, "__float__")
		if err != nil {
			return Value{}, err
		}
		if found {
			if !isFloat(r) {
				in.decRef(r)
				return Value{}, in.raise(typeErrorType, "%s.__float__ returned non-float (type %s)", x.Type().Name, r.Type().Name)
			}
			if !r.IsFloat() {
				// CPython warns (DeprecationWarning) and takes the value.
				f := floatOf(r)
				in.decRef(r)
				return Float(f), nil
			}
			return r, nil
		}
		if ok, err := in.hasIndex(x); err != nil || ok {
			if err != nil {
				return Value{}, err
			}
			i, err := in.numberIndex(x)
			if err != nil {
				return Value{}, err
			}
			f, err := in.intToFloat(i)
			in.decRef(i)
			return Float(f), err
		}
	}
	if isNumberSource(x) {
		return in.floatFromText(x)
	}
	return Value{}, in.raise(typeErrorType, "float() argument must be a string or a real number, not '%s'", x.Type().Name)
}

// The ndigits beyond which round(x, ndigits) is x itself, and below
// which it is a zero: (53 - -1021) * log10(2) and -(1024 + 1) * log10(2),
// as CPython computes them.
const (
	roundDigitsMax = 323
	roundDigitsMin = -308
)

// floatRound is round(x, ndigits) for a float: x rounded correctly (on
// its exact binary value, ties to even) to ndigits decimal places, as
// CPython's dtoa-based double_round does.
func (in *Interp) floatRound(x float64, ndigits int64) (Value, error) {
	switch {
	case math.IsInf(x, 0) || math.IsNaN(x) || ndigits > roundDigitsMax:
		return Float(x), nil
	case ndigits < roundDigitsMin:
		return Float(math.Copysign(0, x)), nil
	case ndigits >= 0:
		// FormatFloat rounds the exact value, ties to even; parsing its
		// decimal back rounds correctly.
		f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', int(ndigits), 64), 64)
		return Float(f), nil
	}
	// Round to a multiple of p = 10**-ndigits: q = x / p to nearest,
	// ties to even, on the exact rational value of x.
	r := new(big.Rat).SetFloat64(x)
	var p big.Int
	p.Exp(big.NewInt(10), big.NewInt(-ndigits), nil)
	den := new(big.Int).Mul(r.Denom(), &p)
	var q, rem big.Int
	q.QuoRem(r.Num(), den, &rem) // truncated toward zero
	rem.Abs(&rem).Lsh(&rem, 1)
	if c := rem.Cmp(den); c > 0 || c == 0 && q.Bit(0) == 1 {
		if x < 0 {
			q.Sub(&q, big.NewInt(1))
		} else {
			q.Add(&q, big.NewInt(1))
		}
	}
	if q.Sign() == 0 {
		return Float(math.Copysign(0, x)), nil
	}
	f, _ := new(big.Float).SetInt(q.Mul(&q, &p)).Float64()
	if math.IsInf(f, 0) {
		return Value{}, in.raise(overflowErrorType, "rounded value too large to represent")
	}
	return Float(f), nil
}

// floatFromHexMethod is the class method float.fromhex(string).
func floatFromHexMethod(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "float.fromhex() takes no keyword arguments")
	}
	if len(args) != 2 {
		return Value{}, in.raise(typeErrorType, "float.fromhex() takes exactly one argument (%d given)", len(args)-1)
	}
	cls, s := (*Type)(args[0].p), args[1]
	if !s.Type().IsSubtype(strType) {
		return Value{}, in.raise(typeErrorType, "bad argument type for built-in operation")
	}
	f, ok, overflow := floatFromHex(s.GoString())
	switch {
	case !ok:
		return Value{}, in.raise(valueErrorType, "invalid hexadecimal floating-point string")
	case overflow:
		return Value{}, in.raise(overflowErrorType, "hexadecimal value too large to represent as a float")
	}
	if cls == floatType {
		return Float(f), nil
	}
	return in.Call(valueOf(cls), []Value{Float(f)}, nil)
}
