package interp

import (
	"math"
	"math/big"
	"sync"
)

// The C library functions complex arithmetic calls (hypot, exp, log,
// atan2, sin, cos; pow is pyPow in float_pow.go), computed so that the
// results are glibc's bit for bit. hypot follows glibc's own algorithm
// (it is not correctly rounded, and CPython's abs(z) shows its results);
// the others are computed in double-double arithmetic (about 104 bits)
// and rounded once, which is the correctly rounded result, as glibc's
// are but in rare cases.

// libmHypot is glibc 2.35+'s hypot (Borges' "An Improved Algorithm for
// hypot(a,b)" with a correction step, the version built without fused
// multiply-add, as on x86-64).
func libmHypot(x, y float64) float64 {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	x, y = math.Abs(x), math.Abs(y)
	ax, ay := x, y
	if x < y {
		ax, ay = y, x
	}
	const (
		scale = 0x1p-600
		large = 0x1p+511
		tiny  = 0x1p-511
		eps   = 0x1p-54
	)
	switch {
	case ax > large:
		if ay <= ax*eps {
			return ax + ay
		}
		return hypotKernel(ax*scale, ay*scale) / scale
	case ay < tiny:
		if ax >= ay/eps {
			return ax + ay
		}
		return hypotKernel(ax/scale, ay/scale) * scale
	case ay <= ax*eps:
		return ax + ay
	}
	return hypotKernel(ax, ay)
}

// hypotKernel is sqrt(ax*ax + ay*ay) for ax >= ay >= 0 whose squares
// neither overflow nor underflow, corrected by one step. The explicit
// float64 conversions keep Go from fusing a multiply and an add, which
// the C code does not do either.
func hypotKernel(ax, ay float64) float64 {
	h := math.Sqrt(float64(ax*ax) + float64(ay*ay))
	var t1, t2 float64
	if h <= 2*ay {
		delta := h - ay
		t1 = ax * (2*delta - ax)
		t2 = float64((delta - 2*(ax-ay)) * delta)
	} else {
		delta := h - ax
		t1 = 2 * delta * (ax - 2*ay)
		t2 = float64((4*delta-ay)*ay) + float64(delta*delta)
	}
	h -= (t1 + t2) / (2 * h)
	return h
}

// libmExp is exp(x), correctly rounded.
func libmExp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	case math.Abs(x) < 0x1p-54:
		return 1 + x
	}
	m, k := ddExp(powDD{x, 0})
	return ddRound(m, k)
}

// libmLog is log(x), correctly rounded.
func libmLog(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case x == 1:
		return 0
	}
	l := ddLog(x)
	return l.hi + l.lo
}

// The constants of the circular functions, computed once with math/big:
// pi/2 to 1400 bits for reducing huge arguments, pi/2 in three floats
// for the others, pi and pi/2 as double-doubles, and the Taylor
// coefficients of sin and cos.
var (
	circularOnce  sync.Once
	bigHalfPi     *big.Float
	bigTwoOverPi  *big.Float
	halfPiParts   [3]float64
	piDD          powDD
	halfPiDD      powDD
	sinTaylor     []powDD // (-1)^i / (2i+1)!
	cosTaylor     []powDD // (-1)^i / (2i)!
	circularPrec  = uint(1400)
	sinTaylorSize = 15
	cosTaylorSize = 16
)

// bigDD splits x into a double-double.
func bigDD(x *big.Float) powDD {
	hi, _ := x.Float64()
	r := new(big.Float).SetPrec(x.Prec()).Sub(x, new(big.Float).SetFloat64(hi))
	lo, _ := r.Float64()
	return powDD{hi, lo}
}

func initCircular() {
	circularOnce.Do(func() {
		prec := circularPrec + 64
		newF := func() *big.Float { return new(big.Float).SetPrec(prec) }
		// atanInv is atan(1/n) by its series.
		atanInv := func(n int64) *big.Float {
			x := newF().Quo(newF().SetInt64(1), newF().SetInt64(n))
			x2 := newF().Mul(x, x)
			sum, pow := newF().Set(x), newF().Set(x)
			for k := int64(1); ; k++ {
				pow.Mul(pow, x2)
				term := newF().Quo(pow, newF().SetInt64(2*k+1))
				if k%2 == 1 {
					sum.Sub(sum, term)
				} else {
					sum.Add(sum, term)
				}
				if term.Sign() == 0 || term.MantExp(nil) < -int(prec)-8 {
					return sum
				}
			}
		}
		// Machin: pi/4 = 4 atan(1/5) - atan(1/239).
		pi := newF().Sub(newF().Mul(newF().SetInt64(16), atanInv(5)), newF().Mul(newF().SetInt64(4), atanInv(239)))
		bigHalfPi = newF().Quo(pi, newF().SetInt64(2))
		bigTwoOverPi = newF().Quo(newF().SetInt64(2), pi)
		piDD = bigDD(pi)
		halfPiDD = bigDD(bigHalfPi)
		rest := newF().Set(bigHalfPi)
		for i := range halfPiParts {
			halfPiParts[i], _ = rest.Float64()
			rest.Sub(rest, newF().SetFloat64(halfPiParts[i]))
		}
		fact := newF().SetInt64(1)
		for n := int64(0); n < int64(2*cosTaylorSize); n++ {
			if n > 0 {
				fact.Mul(fact, newF().SetInt64(n))
			}
			c := newF().Quo(newF().SetInt64(1), fact)
			if (n/2)%2 == 1 {
				c.Neg(c)
			}
			if n%2 == 0 {
				cosTaylor = append(cosTaylor, bigDD(c))
			} else if len(sinTaylor) < sinTaylorSize {
				sinTaylor = append(sinTaylor, bigDD(c))
			}
		}
	})
}

// reduceHalfPi returns r and k mod 4 with x = k*pi/2 + r and |r| at
// most a little over pi/4, r as a double-double accurate to about 2^-100
// relative even when x is close to a multiple of pi/2. x is finite.
func reduceHalfPi(x float64) (powDD, int) {
	if math.Abs(x) <= math.Pi/4 {
		return powDD{x, 0}, 0
	}
	if math.Abs(x) < 0x1p28 {
		k := math.RoundToEven(x * (2 / math.Pi))
		r := powDD{x, 0}
		for _, p := range halfPiParts {
			ph, pl := ddTwoProd(k, p)
			r = ddSub(r, powDD{ph, pl})
		}
		return r, int(int64(k) & 3)
	}
	// Exact reduction of a huge argument with a 1400-bit pi/2.
	prec := circularPrec + 64
	bx := new(big.Float).SetPrec(prec).SetFloat64(x)
	q := new(big.Float).SetPrec(prec).Mul(bx, bigTwoOverPi)
	q.Add(q, new(big.Float).SetFloat64(0.5))
	k, _ := q.Int(nil)
	if q.Sign() < 0 && !q.IsInt() {
		k.Sub(k, big.NewInt(1)) // Int truncates; this is floor(q + 1/2)
	}
	kf := new(big.Float).SetPrec(prec).SetInt(k)
	r := new(big.Float).SetPrec(prec).Sub(bx, kf.Mul(kf, bigHalfPi))
	return bigDD(r), int(new(big.Int).And(k, big.NewInt(3)).Int64())
}

// sinCosDD returns sin(r) and cos(r) for |r| up to a little over pi/4.
func sinCosDD(r powDD) (s, c powDD) {
	r2 := ddMul(r, r)
	s = sinTaylor[len(sinTaylor)-1]
	for i := len(sinTaylor) - 2; i >= 0; i-- {
		s = ddAdd(ddMul(s, r2), sinTaylor[i])
	}
	s = ddMul(s, r)
	c = cosTaylor[len(cosTaylor)-1]
	for i := len(cosTaylor) - 2; i >= 0; i-- {
		c = ddAdd(ddMul(c, r2), cosTaylor[i])
	}
	return s, c
}

// libmSinCos returns sin(x) and cos(x), correctly rounded; both are nan
// for an infinite or nan x.
func libmSinCos(x float64) (sin, cos float64) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN(), math.NaN()
	case math.Abs(x) < 0x1p-27:
		// sin x = x - x^3/6 and cos x = 1 - x^2/2 round to x and 1.
		return x, 1
	}
	initCircular()
	r, k := reduceHalfPi(x)
	s, c := sinCosDD(r)
	switch k {
	case 1:
		s, c = c, ddNeg(s)
	case 2:
		s, c = ddNeg(s), ddNeg(c)
	case 3:
		s, c = ddNeg(c), s
	}
	return s.hi + s.lo, c.hi + c.lo
}

// atanDD is atan(t) for a double-double t in [2^-28, 1]: one Newton step
// on sin(a) - t cos(a) = 0 from Go's atan, whose error is a few ulps;
// the step's error is of the order of the cube of that.
func atanDD(t powDD) powDD {
	a := math.Atan(t.hi + t.lo)
	s, c := sinCosDD(powDD{a, 0})
	f := ddSub(s, ddMul(t, c))
	d := c.hi + t.hi*s.hi
	return ddAdd(powDD{a, 0}, powDD{-(f.hi + f.lo) / d, 0})
}

// libmAtan2 is atan2(y, x), correctly rounded, with C99's special
// values (which Go's math.Atan2 has too).
func libmAtan2(y, x float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0 || y == 0 {
		return math.Atan2(y, x)
	}
	initCircular()
	ax, ay := math.Abs(x), math.Abs(y)
	var th powDD
	if ay <= ax {
		if q := ay / ax; q < 0x1p-27 {
			// atan(q) = q - q^3/3 rounds as q does.
			if x > 0 {
				return math.Copysign(q, y)
			}
			th = powDD{q, 0}
		} else {
			// Scale so that the division's error terms stay normal.
			_, e := math.Frexp(ax)
			ax, ay = math.Ldexp(ax, -e), math.Ldexp(ay, -e)
			th = atanDD(ddDiv(powDD{ay, 0}, powDD{ax, 0}))
		}
	} else {
		_, e := math.Frexp(ay)
		ax, ay = math.Ldexp(ax, -e), math.Ldexp(ay, -e)
		var t powDD
		if ax/ay < 0x1p-27 {
			t = ddDiv(powDD{ax, 0}, powDD{ay, 0})
			th = ddSub(halfPiDD, t)
		} else {
			th = ddSub(halfPiDD, atanDD(ddDiv(powDD{ax, 0}, powDD{ay, 0})))
		}
	}
	if x < 0 {
		th = ddSub(piDD, th)
	}
	return math.Copysign(th.hi+th.lo, y)
}
