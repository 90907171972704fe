package modules

import (
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp"
)

// The math module of CPython 3.12: its functions, constants and error
// rules (math domain error, math range error), on the correctly rounded
// and glibc-matching elementary functions of math_libm.go, math_trig.go
// and math_fdlibm.go. The integer functions are in math_int.go, the
// sums and norms in math_sum.go, gamma and lgamma in math_gamma.go.

// namedFunc is a module function and the name it is bound to.
type namedFunc struct {
	name string
	fn   interp.Value
}

// mathFuncs lists the module's functions; they are made once and shared
// by every interpreter.
var mathFuncs []namedFunc

func defMath(name string, fn interp.BuiltinFunc) {
	mathFuncs = append(mathFuncs, namedFunc{name, interp.NewBuiltin(name, fn)})
}

// initMath fills a new math module.
func initMath(in *interp.Interp, m *interp.Module) error {
	for _, c := range []struct {
		name string
		v    float64
	}{{"pi", math.Pi}, {"e", math.E}, {"tau", 2 * math.Pi}, {"inf", math.Inf(1)}, {"nan", math.Float64frombits(0x7ff8000000000000)}} {
		if err := m.Set(in, c.name, interp.Float(c.v)); err != nil {
			return err
		}
	}
	for _, f := range mathFuncs {
		if err := m.Set(in, f.name, f.fn); err != nil {
			return err
		}
	}
	return nil
}

// Errors of the math module.
func domainError(in *interp.Interp) error {
	return in.Raise(interp.ValueError, "math domain error")
}

func rangeError(in *interp.Interp) error {
	return in.Raise(interp.OverflowError, "math range error")
}

// oneArg checks the call of a function taking one positional argument
// (METH_O in CPython).
func oneArg(in *interp.Interp, name string, args, kwnames []interp.Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "math.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return in.Raise(interp.TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// posArgs checks a positional-only function of min to max arguments.
func posArgs(in *interp.Interp, name string, args, kwnames []interp.Value, min, max int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "math.%s() takes no keyword arguments", name)
	}
	return in.CheckArgCount(name, args, nil, min, max)
}

// math1 wraps a function of one float as CPython's math_1 does: a NaN
// from a non-NaN is a domain error; an infinity from a finite argument
// is a range error when the function can overflow, else a domain error
// (a pole).
func math1(name string, f func(float64) float64, canOverflow bool) {
	defMath(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, name, args, kwnames); err != nil {
			return interp.Value{}, err
		}
		x, err := in.ToFloat(args[0])
		if err != nil {
			return interp.Value{}, err
		}
		r := f(x)
		switch {
		case math.IsNaN(r) && !math.IsNaN(x):
			return interp.Value{}, domainError(in)
		case math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x):
			if canOverflow {
				return interp.Value{}, rangeError(in)
			}
			return interp.Value{}, domainError(in)
		}
		return interp.Float(r), nil
	})
}

// cErrno is the errno a C math function sets: 0, EDOM or ERANGE.
type cErrno int

const (
	errNone cErrno = iota
	errDomain
	errRange
)

// math1a wraps a function that reports its errors through errno, as
// CPython's math_1a does (gamma, lgamma); a range error with a result
// below 1.5 in magnitude is an underflow and no error.
func math1a(name string, f func(float64) (float64, cErrno)) {
	defMath(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, name, args, kwnames); err != nil {
			return interp.Value{}, err
		}
		x, err := in.ToFloat(args[0])
		if err != nil {
			return interp.Value{}, err
		}
		r, e := f(x)
		switch {
		case e == errDomain:
			return interp.Value{}, domainError(in)
		case e == errRange && math.Abs(r) >= 1.5:
			return interp.Value{}, rangeError(in)
		}
		return interp.Float(r), nil
	})
}

// math2 wraps a function of two floats as CPython's math_2 does.
func math2(name string, f func(x, y float64) float64) {
	defMath(name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posArgs(in, name, args, kwnames, 2, 2); err != nil {
			return interp.Value{}, err
		}
		x, y, err := twoFloats(in, args)
		if err != nil {
			return interp.Value{}, err
		}
		r := f(x, y)
		switch {
		case math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y):
			return interp.Value{}, domainError(in)
		case math.IsInf(r, 0) && isFinite(x) && isFinite(y):
			return interp.Value{}, rangeError(in)
		}
		return interp.Float(r), nil
	})
}

func twoFloats(in *interp.Interp, args []interp.Value) (float64, float64, error) {
	x, err := in.ToFloat(args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := in.ToFloat(args[1])
	return x, y, err
}

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// The conversions CPython compiles into its constants (in double
// arithmetic, not Go's exact constant arithmetic).
var (
	cPi      = math.Pi
	degToRad = cPi / 180
	radToDeg = 180 / cPi
)

func init() {
	math1("acos", crAcos, false)
	math1("acosh", acosh, false)
	math1("asin", crAsin, false)
	math1("asinh", asinh, false)
	math1("atan", crAtan, false)
	math1("atanh", atanh, false)
	math1("cbrt", cbrt, false)
	math1("cos", crCos, false)
	math1("cosh", cosh, true)
	math1("exp", crExp, true)
	math1("exp2", crExp2, true)
	math1("expm1", expm1, true)
	math1("fabs", math.Abs, false)
	math1("log1p", log1p, false)
	math1("sin", crSin, false)
	math1("sinh", sinh, true)
	math1("sqrt", math.Sqrt, false)
	math1("tan", crTan, false)
	math1("tanh", tanh, false)
	for _, c := range []struct {
		name   string
		factor *float64
	}{{"degrees", &radToDeg}, {"radians", &degToRad}} {
		c := c
		defMath(c.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := oneArg(in, c.name, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			x, err := in.ToFloat(args[0])
			if err != nil {
				return interp.Value{}, err
			}
			return interp.Float(x * *c.factor), nil
		})
	}
	math1a("erf", func(x float64) (float64, cErrno) { return erf(x), errNone })
	math1a("erfc", func(x float64) (float64, cErrno) { return erfc(x), errNone })
	math1a("gamma", tgamma)
	math1a("lgamma", lgamma)
	math2("atan2", crAtan2)
	math2("copysign", math.Copysign)
	math2("remainder", remainder)

	defMath("fmod", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posArgs(in, "fmod", args, kwnames, 2, 2); err != nil {
			return interp.Value{}, err
		}
		x, y, err := twoFloats(in, args)
		if err != nil {
			return interp.Value{}, err
		}
		if math.IsInf(y, 0) && isFinite(x) {
			return interp.Float(x), nil
		}
		r := math.Mod(x, y)
		if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
			return interp.Value{}, domainError(in)
		}
		return interp.Float(r), nil
	})
	defMath("pow", mathPow)
	defMath("log", mathLog)
	defMath("log2", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "log2", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		return logOf(in, args[0], crLog2)
	})
	defMath("log10", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "log10", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		return logOf(in, args[0], log10)
	})
	for _, p := range []struct {
		name string
		f    func(float64) bool
	}{
		{"isfinite", isFinite},
		{"isinf", func(x float64) bool { return math.IsInf(x, 0) }},
		{"isnan", math.IsNaN},
	} {
		p := p
		defMath(p.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := oneArg(in, p.name, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			x, err := in.ToFloat(args[0])
			if err != nil {
				return interp.Value{}, err
			}
			return interp.Bool(p.f(x)), nil
		})
	}
	for _, r := range []struct {
		name    string
		special string
		f       func(float64) float64
	}{{"floor", "__floor__", math.Floor}, {"ceil", "__ceil__", math.Ceil}} {
		r := r
		defMath(r.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			if err := oneArg(in, r.name, args, kwnames); err != nil {
				return interp.Value{}, err
			}
			return roundToInt(in, args[0], r.special, r.f)
		})
	}
	defMath("trunc", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "trunc", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		x := args[0]
		switch {
		case x.IsFloat():
			return in.FloatToInt(x.FloatValue())
		case interp.IsInt(x):
			return in.Index(x)
		}
		r, found, err := in.CallSpecial(x, "__trunc__")
		if !found && err == nil {
			err = in.Raise(interp.TypeError, "type %s doesn't define __trunc__ method", x.Type().Name)
		}
		return r, err
	})
	defMath("frexp", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "frexp", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		x, err := in.ToFloat(args[0])
		if err != nil {
			return interp.Value{}, err
		}
		m, e := math.Frexp(x)
		return in.NewTuple(interp.Float(m), interp.Int(int64(e)))
	})
	defMath("modf", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "modf", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		x, err := in.ToFloat(args[0])
		if err != nil {
			return interp.Value{}, err
		}
		switch {
		case math.IsInf(x, 0):
			return in.NewTuple(interp.Float(math.Copysign(0, x)), interp.Float(x))
		case math.IsNaN(x):
			return in.NewTuple(interp.Float(x), interp.Float(x))
		}
		i, f := math.Modf(x)
		return in.NewTuple(interp.Float(f), interp.Float(i))
	})
	defMath("ldexp", mathLdexp)
	defMath("isclose", mathIsclose)
	defMath("nextafter", mathNextafter)
	defMath("ulp", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "ulp", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		x, err := in.ToFloat(args[0])
		if err != nil {
			return interp.Value{}, err
		}
		return interp.Float(ulp(x)), nil
	})
}

// roundToInt is floor and ceil: floats directly, ints as they are,
// other types through their __floor__/__ceil__, else as floats.
func roundToInt(in *interp.Interp, x interp.Value, special string, f func(float64) float64) (interp.Value, error) {
	switch {
	case x.IsFloat():
		return in.FloatToInt(f(x.FloatValue()))
	case interp.IsInt(x):
		return in.Index(x)
	}
	r, found, err := in.CallSpecial(x, special)
	if found || err != nil {
		return r, err
	}
	v, err := in.ToFloat(x)
	if err != nil {
		return interp.Value{}, err
	}
	return in.FloatToInt(f(v))
}

// remainder is IEEE 754's remainder, exactly (CPython's m_remainder).
func remainder(x, y float64) float64 {
	if isFinite(x) && isFinite(y) {
		if y == 0 {
			return math.NaN()
		}
		ax, ay := math.Abs(x), math.Abs(y)
		m := math.Mod(ax, ay)
		c := ay - m
		var r float64
		switch {
		case m < c:
			r = m
		case m > c:
			r = -c
		default:
			// Halfway: the even multiple wins.
			r = m - 2*math.Mod(0.5*(ax-m), ay)
		}
		return math.Copysign(1, x) * r
	}
	switch {
	case math.IsNaN(x):
		return x
	case math.IsNaN(y):
		return y
	case math.IsInf(x, 0):
		return math.NaN()
	}
	return x
}

// mathPow is math.pow(x, y), with CPython's own special cases.
func mathPow(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := posArgs(in, "pow", args, kwnames, 2, 2); err != nil {
		return interp.Value{}, err
	}
	x, y, err := twoFloats(in, args)
	if err != nil {
		return interp.Value{}, err
	}
	var r float64
	if !isFinite(x) || !isFinite(y) {
		switch {
		case math.IsNaN(x):
			r = x
			if y == 0 {
				r = 1
			}
		case math.IsNaN(y):
			r = y
			if x == 1 {
				r = 1
			}
		case math.IsInf(x, 0):
			oddY := isFinite(y) && math.Mod(math.Abs(y), 2) == 1
			switch {
			case y > 0 && oddY:
				r = x
			case y > 0:
				r = math.Abs(x)
			case y == 0:
				r = 1
			case oddY:
				r = math.Copysign(0, x)
			default:
				r = 0
			}
		default: // y is infinite
			switch {
			case math.Abs(x) == 1:
				r = 1
			case y > 0 && math.Abs(x) > 1:
				r = y
			case y < 0 && math.Abs(x) < 1:
				r = -y
			default:
				r = 0
			}
		}
		return interp.Float(r), nil
	}
	r = crPow(x, y)
	switch {
	case math.IsNaN(r):
		return interp.Value{}, domainError(in)
	case math.IsInf(r, 0):
		if x == 0 {
			return interp.Value{}, domainError(in) // 0 ** negative
		}
		return interp.Value{}, rangeError(in)
	}
	return interp.Float(r), nil
}

// logOf is CPython's loghelper: ints of any size exactly (log of the
// mantissa plus the exponent times log 2), other values as floats.
func logOf(in *interp.Interp, x interp.Value, f func(float64) float64) (interp.Value, error) {
	if interp.IsInt(x) {
		b := interp.BigIntOf(x)
		if b.Sign() <= 0 {
			return interp.Value{}, domainError(in)
		}
		v, acc := new(big.Float).SetInt(b).Float64()
		if !math.IsInf(v, 0) || acc == big.Exact {
			return interp.Float(f(v)), nil
		}
		// Too big for a float: x = m * 2**e with m in [0.5, 1).
		bf := new(big.Float).SetPrec(53).SetInt(b)
		mant := new(big.Float)
		e := bf.MantExp(mant)
		m, _ := mant.Float64()
		return interp.Float(f(m) + float64(f(2)*float64(e))), nil
	}
	v, err := in.ToFloat(x)
	if err != nil {
		return interp.Value{}, err
	}
	r := f(v)
	if math.IsNaN(r) && !math.IsNaN(v) || math.IsInf(r, 0) && isFinite(v) {
		return interp.Value{}, domainError(in)
	}
	return interp.Float(r), nil
}

// mathLog is log(x[, base]).
func mathLog(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := posArgs(in, "log", args, kwnames, 1, 2); err != nil {
		return interp.Value{}, err
	}
	num, err := logOf(in, args[0], crLog)
	if err != nil || len(args) == 1 {
		return num, err
	}
	den, err := logOf(in, args[1], crLog)
	if err != nil {
		return interp.Value{}, err
	}
	return in.BinaryOp(interp.OpTrueDiv, num, den)
}

// mathLdexp is ldexp(x, i).
func mathLdexp(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := posArgs(in, "ldexp", args, kwnames, 2, 2); err != nil {
		return interp.Value{}, err
	}
	x, err := in.ToFloat(args[0])
	if err != nil {
		return interp.Value{}, err
	}
	if !interp.IsInt(args[1]) {
		return interp.Value{}, in.Raise(interp.TypeError, "Expected an int as second argument to ldexp.")
	}
	if x == 0 || !isFinite(x) {
		return interp.Float(x), nil
	}
	b := interp.BigIntOf(args[1])
	switch {
	case b.Cmp(big.NewInt(math.MaxInt32)) > 0:
		return interp.Value{}, rangeError(in)
	case b.Cmp(big.NewInt(math.MinInt32)) < 0:
		return interp.Float(math.Copysign(0, x)), nil
	}
	r := math.Ldexp(x, int(b.Int64()))
	if math.IsInf(r, 0) {
		return interp.Value{}, rangeError(in)
	}
	return interp.Float(r), nil
}

// mathIsclose is isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
func mathIsclose(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if n := len(args) - len(kwnames); n > 2 {
		return interp.Value{}, in.Raise(interp.TypeError, "isclose() takes exactly 2 positional arguments (%d given)", n)
	}
	var av, bv, relv, absv interp.Value
	if err := in.ParseArgs("isclose", args, kwnames, []string{"a", "b", "rel_tol", "abs_tol"}, 2, &av, &bv, &relv, &absv); err != nil {
		return interp.Value{}, err
	}
	a, err := in.ToFloat(av)
	if err != nil {
		return interp.Value{}, err
	}
	b, err := in.ToFloat(bv)
	if err != nil {
		return interp.Value{}, err
	}
	rel, abs := 1e-09, 0.0
	if !relv.IsNil() {
		if rel, err = in.ToFloat(relv); err != nil {
			return interp.Value{}, err
		}
	}
	if !absv.IsNil() {
		if abs, err = in.ToFloat(absv); err != nil {
			return interp.Value{}, err
		}
	}
	if rel < 0 || abs < 0 {
		return interp.Value{}, in.Raise(interp.ValueError, "tolerances must be non-negative")
	}
	if a == b {
		return interp.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return interp.False, nil
	}
	diff := math.Abs(b - a)
	return interp.Bool(diff <= math.Abs(rel*b) || diff <= math.Abs(rel*a) || diff <= abs), nil
}

// mathNextafter is nextafter(x, y, /, *, steps=None).
func mathNextafter(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if n := len(args) - len(kwnames); n != 2 {
		return interp.Value{}, in.Raise(interp.TypeError, "nextafter() takes exactly 2 positional arguments (%d given)", n)
	}
	var stepsV interp.Value
	for i, k := range kwnames {
		if k.GoString() != "steps" {
			return interp.Value{}, in.Raise(interp.TypeError, "'%s' is an invalid keyword argument for nextafter()", k.GoString())
		}
		stepsV = args[2+i]
	}
	x, y, err := twoFloats(in, args)
	if err != nil {
		return interp.Value{}, err
	}
	if stepsV.IsNil() || stepsV.IsNone() {
		return interp.Float(math.Nextafter(x, y)), nil
	}
	s, err := in.Index(stepsV)
	if err != nil {
		return interp.Value{}, err
	}
	steps := interp.BigIntOf(s)
	in.DecRef(s)
	if steps.Sign() < 0 {
		return interp.Value{}, in.Raise(interp.ValueError, "steps must be a non-negative integer")
	}
	n := uint64(math.MaxUint64)
	if steps.IsUint64() {
		n = steps.Uint64()
	}
	return interp.Float(nextafterSteps(x, y, n)), nil
}

// nextafterSteps moves n representable steps from x toward y, stopping
// at y, by counting on the bit patterns as CPython does.
func nextafterSteps(x, y float64, n uint64) float64 {
	switch {
	case n == 0:
		return x
	case math.IsNaN(x):
		return x
	case math.IsNaN(y):
		return y
	}
	ux, uy := math.Float64bits(x), math.Float64bits(y)
	if ux == uy {
		return x
	}
	const sign = uint64(1) << 63
	ax, ay := ux&^sign, uy&^sign
	switch {
	case (ux^uy)&sign != 0: // opposite signs: go through zero
		switch {
		case ax+ay <= n:
			return y
		case ax < n:
			return math.Float64frombits(uy&sign | (n - ax))
		}
		return math.Float64frombits(ux - n)
	case ax > ay:
		if ax-ay >= n {
			return math.Float64frombits(ux - n)
		}
		return y
	}
	if ay-ax >= n {
		return math.Float64frombits(ux + n)
	}
	return y
}

// ulp is the value of the least significant bit of x.
func ulp(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	x = math.Abs(x)
	if math.IsInf(x, 0) {
		return x
	}
	x2 := math.Nextafter(x, math.Inf(1))
	if math.IsInf(x2, 0) {
		x2 = math.Nextafter(x, math.Inf(-1))
		return x - x2
	}
	return x2 - x
}
