package modules

import (
	"math"

	"github.com/parallel-py/parallel/interp"
)

// The cmath module of CPython 3.12: its functions' argument handling and
// errors (ValueError "math domain error", OverflowError "math range
// error"), and its constants. The functions themselves are in
// cmath_funcs.go, their special values in cmath_special.go.

var cmathTable moduleTable

// cmathError raises what CPython's math_error does for errno e.
func cmathError(in *interp.Interp, e cErrno) error {
	if e == errRange {
		return in.Raise(interp.OverflowError, "math range error")
	}
	return in.Raise(interp.ValueError, "math domain error")
}

// cmathOneArg checks the call of a METH_O function of cmath.
func cmathOneArg(in *interp.Interp, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "cmath.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return in.Raise(interp.TypeError, "cmath.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// cmathPosArgs checks a positional-only function of min to max
// arguments.
func cmathPosArgs(in *interp.Interp, name string, args, kwnames []Value, min, max int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "cmath.%s() takes no keyword arguments", name)
	}
	return in.CheckArgCount(name, args, nil, min, max)
}

// cmath1 defines a function of one complex argument.
func cmath1(name string, f func(complex128) (complex128, cErrno)) {
	cmathTable.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := cmathOneArg(in, name, args, kwnames); err != nil {
			return Value{}, err
		}
		z, err := in.AsComplex(args[0])
		if err != nil {
			return Value{}, err
		}
		r, e := f(z)
		if e != errNone {
			return Value{}, cmathError(in, e)
		}
		return in.NewComplex(r)
	})
}

// cmathTest defines isfinite, isinf or isnan.
func cmathTest(name string, f func(complex128) bool) {
	cmathTable.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := cmathOneArg(in, name, args, kwnames); err != nil {
			return Value{}, err
		}
		z, err := in.AsComplex(args[0])
		if err != nil {
			return Value{}, err
		}
		return interp.Bool(f(z)), nil
	})
}

func init() {
	for _, f := range []struct {
		name string
		fn   func(complex128) (complex128, cErrno)
	}{
		{"acos", cAcos}, {"acosh", cAcosh}, {"asin", cAsin}, {"asinh", cAsinh},
		{"atan", cAtan}, {"atanh", cAtanh}, {"cos", cCos}, {"cosh", cCosh},
		{"exp", cExp}, {"log10", cLog10}, {"sin", cSin}, {"sinh", cSinh},
		{"sqrt", cSqrt}, {"tan", cTan}, {"tanh", cTanh},
	} {
		cmath1(f.name, f.fn)
	}
	cmathTest("isfinite", isFinite2)
	cmathTest("isinf", func(z complex128) bool { return math.IsInf(real(z), 0) || math.IsInf(imag(z), 0) })
	cmathTest("isnan", func(z complex128) bool { return math.IsNaN(real(z)) || math.IsNaN(imag(z)) })

	cmathTable.fn("log", cmathLog)
	cmathTable.fn("phase", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := cmathOneArg(in, "phase", args, kwnames); err != nil {
			return Value{}, err
		}
		z, err := in.AsComplex(args[0])
		if err != nil {
			return Value{}, err
		}
		phi, e := cPhaseErrno(z)
		if e != errNone {
			return Value{}, cmathError(in, e)
		}
		return interp.Float(phi), nil
	})
	cmathTable.fn("polar", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := cmathOneArg(in, "polar", args, kwnames); err != nil {
			return Value{}, err
		}
		z, err := in.AsComplex(args[0])
		if err != nil {
			return Value{}, err
		}
		phi := cPhase(z)
		r, e := cAbs(z)
		if e != errNone {
			return Value{}, cmathError(in, e)
		}
		return in.NewTuple(interp.Float(r), interp.Float(phi))
	})
	cmathTable.fn("rect", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := cmathPosArgs(in, "rect", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		r, err := in.ToFloat(args[0])
		if err != nil {
			return Value{}, err
		}
		phi, err := in.ToFloat(args[1])
		if err != nil {
			return Value{}, err
		}
		z, e := cRect(r, phi)
		if e != errNone {
			return Value{}, cmathError(in, e)
		}
		return in.NewComplex(z)
	})
	cmathTable.fn("isclose", cmathIsclose)
}

// cmathLog is log(z[, base]): errno is the last c_log's, or EDOM for a
// zero divisor, as in CPython.
func cmathLog(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := cmathPosArgs(in, "log", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	z, err := in.AsComplex(args[0])
	if err != nil {
		return Value{}, err
	}
	r, e := cLog(z)
	if len(args) > 1 {
		b, err := in.AsComplex(args[1])
		if err != nil {
			return Value{}, err
		}
		var lb complex128
		lb, e = cLog(b)
		var zeroDiv bool
		if r, zeroDiv = interp.ComplexQuot(r, lb); zeroDiv {
			e = errDomain
		}
	}
	if e != errNone {
		return Value{}, cmathError(in, e)
	}
	return in.NewComplex(r)
}

var iscloseParams = interp.Params{Func: "isclose", Names: []string{"a", "b", "rel_tol", "abs_tol"}, KwOnly: 2, Required: 2}

// cmathIsclose is isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
func cmathIsclose(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var av, bv, relv, absv Value
	if err := in.Unpack(&iscloseParams, args, kwnames, &av, &bv, &relv, &absv); err != nil {
		return Value{}, err
	}
	a, err := in.AsComplex(av)
	if err != nil {
		return Value{}, err
	}
	b, err := in.AsComplex(bv)
	if err != nil {
		return Value{}, err
	}
	relTol, absTol := 1e-09, 0.0
	if !relv.IsNil() {
		if relTol, err = in.ToFloat(relv); err != nil {
			return Value{}, err
		}
	}
	if !absv.IsNil() {
		if absTol, err = in.ToFloat(absv); err != nil {
			return Value{}, err
		}
	}
	if relTol < 0 || absTol < 0 {
		return Value{}, in.Raise(interp.ValueError, "tolerances must be non-negative")
	}
	if real(a) == real(b) && imag(a) == imag(b) {
		return interp.True, nil
	}
	if math.IsInf(real(a), 0) || math.IsInf(imag(a), 0) || math.IsInf(real(b), 0) || math.IsInf(imag(b), 0) {
		return interp.False, nil
	}
	diff, _ := cAbs(complex(real(a)-real(b), imag(a)-imag(b)))
	absA, _ := cAbs(a)
	absB, _ := cAbs(b)
	return interp.Bool(diff <= relTol*absB || diff <= relTol*absA || diff <= absTol), nil
}

const cmathDoc = "This module provides access to mathematical functions for complex\nnumbers."

// initCmath fills a new cmath module.
func initCmath(in *interp.Interp, m *interp.Module) error {
	if err := cmathTable.fill(in, m); err != nil {
		return err
	}
	for _, c := range []struct {
		name string
		v    float64
	}{{"pi", math.Pi}, {"e", math.E}, {"tau", 2 * math.Pi}, {"inf", math.Inf(1)}, {"nan", math.NaN()}} {
		if err := m.Set(in, c.name, interp.Float(c.v)); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		name string
		make func() (Value, error)
	}{
		{"infj", func() (Value, error) { return in.NewComplex(complex(0, math.Inf(1))) }},
		{"nanj", func() (Value, error) { return in.NewComplex(complex(0, math.NaN())) }},
		{"__doc__", func() (Value, error) { return in.NewStr(cmathDoc) }},
	} {
		v, err := c.make()
		if err != nil {
			return err
		}
		err = m.Set(in, c.name, v)
		in.DecRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

func init() { interp.RegisterModule("cmath", initCmath) }
