package interp

import (
	"math"
	"math/big"
)

// float ** float computed to nearly correct rounding, as the C library's
// pow that CPython calls is (glibc's errs by at most 0.52 units in the
// last place). Go's math.Pow multiplies repeatedly in plain float64 and
// is often a unit or more off (10.0 ** 33), so results are computed
// here in double-double arithmetic (about 104 bits) and rounded once.

// powDD is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type powDD struct{ hi, lo float64 }

// ddTwoSum returns a + b as a rounded sum and its exact error.
func ddTwoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return
}

// ddQuickTwoSum is ddTwoSum for |a| >= |b|.
func ddQuickTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return
}

// ddTwoProd returns a * b as a rounded product and its exact error.
func ddTwoProd(a, b float64) (p, e float64) {
	p = a * b
	e = math.FMA(a, b, -p)
	return
}

func ddAdd(a, b powDD) powDD {
	s, e := ddTwoSum(a.hi, b.hi)
	t, f := ddTwoSum(a.lo, b.lo)
	e += t
	s, e = ddQuickTwoSum(s, e)
	e += f
	s, e = ddQuickTwoSum(s, e)
	return powDD{s, e}
}

func ddNeg(a powDD) powDD { return powDD{-a.hi, -a.lo} }

func ddSub(a, b powDD) powDD { return ddAdd(a, ddNeg(b)) }

func ddMul(a, b powDD) powDD {
	p, e := ddTwoProd(a.hi, b.hi)
	e += a.hi*b.lo + a.lo*b.hi
	p, e = ddQuickTwoSum(p, e)
	return powDD{p, e}
}

func ddMulFloat(a powDD, b float64) powDD {
	p, e := ddTwoProd(a.hi, b)
	e += a.lo * b
	p, e = ddQuickTwoSum(p, e)
	return powDD{p, e}
}

func ddDiv(a, b powDD) powDD {
	q1 := a.hi / b.hi
	r := ddSub(a, ddMulFloat(b, q1))
	q2 := r.hi / b.hi
	r = ddSub(r, ddMulFloat(b, q2))
	q3 := r.hi / b.hi
	q1, q2 = ddQuickTwoSum(q1, q2)
	return ddAdd(powDD{q1, q2}, powDD{q3, 0})
}

// ln2DD is log(2) to about 107 bits.
var ln2DD = powDD{0.6931471805599453, 2.3190468138462996e-17}

// logSeriesCoeffs are 1/(2i+1) in double-double, for the atanh series
// of the logarithm.
var logSeriesCoeffs = func() []powDD {
	c := make([]powDD, 24)
	for i := range c {
		c[i] = ddDiv(powDD{1, 0}, powDD{float64(2*i + 1), 0})
	}
	return c
}()

// expSeriesCoeffs are 1/i! in double-double, for i up to 9.
var expSeriesCoeffs = func() []powDD {
	c := make([]powDD, 10)
	f := 1.0
	for i := range c {
		if i > 0 {
			f *= float64(i) // exact: 9! < 2**53
		}
		c[i] = ddDiv(powDD{1, 0}, powDD{f, 0})
	}
	return c
}()

// ddLog returns log(x) for a positive normal or subnormal finite x, with
// a relative error near 2**-100 even when x is close to 1.
func ddLog(x float64) powDD {
	m, e := math.Frexp(x) // x = m * 2**e, 0.5 <= m < 1
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	// log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172: the series in
	// s*s needs some twenty terms for full double-double precision.
	num := m - 1 // exact for m in [0.5, 2]
	dh, dl := ddTwoSum(m, 1)
	s := ddDiv(powDD{num, 0}, powDD{dh, dl})
	s2 := ddMul(s, s)
	p := logSeriesCoeffs[len(logSeriesCoeffs)-1]
	for i := len(logSeriesCoeffs) - 2; i >= 0; i-- {
		p = ddAdd(ddMul(p, s2), logSeriesCoeffs[i])
	}
	l := ddMulFloat(ddMul(s, p), 2)
	if e != 0 {
		l = ddAdd(ddMulFloat(ln2DD, float64(e)), l)
	}
	return l
}

// ddExp returns exp(t) as a mantissa near 1 and a power of two, so that
// results beyond the float range can still be rounded; |t.hi| must be
// at most about 750.
func ddExp(t powDD) (powDD, int) {
	k := math.Round(t.hi / ln2DD.hi)
	r := ddSub(t, ddMulFloat(ln2DD, k))
	// exp(r) = exp(r / 1024) ** 1024, with |r / 1024| < 2**-11: a short
	// Taylor series for exp(r/1024) - 1, then ten squarings of 1 + s
	// done as s' = 2s + s*s to keep s's precision.
	r = powDD{r.hi / 1024, r.lo / 1024}
	s := expSeriesCoeffs[len(expSeriesCoeffs)-1]
	for i := len(expSeriesCoeffs) - 2; i >= 1; i-- {
		s = ddAdd(ddMul(s, r), expSeriesCoeffs[i])
	}
	s = ddMul(s, r)
	for i := 0; i < 10; i++ {
		s = ddAdd(ddMulFloat(s, 2), ddMul(s, s))
	}
	return ddAdd(powDD{1, 0}, s), int(k)
}

// ddRound rounds (x.hi + x.lo) * 2**k to the nearest float, ties to
// even, subnormal results included.
func ddRound(x powDD, k int) float64 {
	if r := math.Ldexp(x.hi, k); math.IsInf(r, 0) || math.IsNaN(r) || math.Abs(r) >= 0x1p-1022 {
		return r // x.hi is already x rounded; scaling a normal float is exact
	}
	var f, g big.Float
	f.SetPrec(2200).SetFloat64(x.hi)
	g.SetFloat64(x.lo)
	f.Add(&f, &g)
	f.SetMantExp(&f, k)
	r, _ := f.Float64()
	return r
}

// pyPow is the C library's pow(x, y) as CPython uses it: C99's special
// values, and a result rounded to nearest for finite operands. The
// caller has already rejected a negative x with a non-integral y.
func pyPow(x, y float64) float64 {
	if x == 0 || x == 1 || y == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || math.IsNaN(x) || math.IsNaN(y) {
		return math.Pow(x, y) // C99 Annex F's special cases, which Go follows
	}
	neg := false
	if x < 0 {
		x = -x
		// y is an integer here; the sign survives for odd ones.
		neg = math.Abs(y) < 1<<53 && math.Mod(y, 2) != 0
	}
	r := powPositive(x, y)
	if neg {
		return -r
	}
	return r
}

// powPositive is x ** y for a finite x > 0, x != 1, and a finite y != 0.
func powPositive(x, y float64) float64 {
	switch y {
	case 1:
		return x
	case 2:
		return x * x
	case 0.5:
		return math.Sqrt(x)
	case -1:
		return 1 / x
	}
	if y == math.Trunc(y) && math.Abs(y) <= 1024 {
		// Binary powering of the mantissa in double-double: exact as long
		// as the power fits in 106 bits, which covers every result that
		// lies exactly halfway between two floats.
		m, e := math.Frexp(x)
		if m < math.Sqrt2/2 {
			m *= 2
			e--
		}
		n := int(math.Abs(y))
		p, b := powDD{1, 0}, powDD{m, 0}
		for ; n > 0; n >>= 1 {
			if n&1 != 0 {
				p = ddMul(p, b)
			}
			if n > 1 {
				b = ddMul(b, b)
			}
		}
		k := e * int(math.Abs(y))
		if y < 0 {
			p, k = ddDiv(powDD{1, 0}, p), -k
		}
		return ddRound(p, k)
	}
	l := ddLog(x)
	// Decide overflow and underflow on a plain product first: a double-
	// double product with an infinite part would be nan.
	switch est := l.hi * y; {
	case est > 710:
		return math.Inf(1)
	case est < -746:
		return 0
	}
	t := ddMulFloat(l, y)
	m, k := ddExp(t)
	return ddRound(m, k)
}
