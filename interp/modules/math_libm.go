package modules

import (
	"math"
	"math/big"
)

// Elementary functions for the math module, correctly rounded.
//
// CPython calls the C library for exp, log, pow, sin and the rest, and
// glibc's versions of these are all but correctly rounded (errors just
// above half an ulp), while Go's math package is off by an ulp or more
// in a sizable share of cases (exp in about 1 case in 8, pow in 4 in 5).
// Computing each result in double-double arithmetic (about 100 bits)
// and rounding once gives the correctly rounded value, which is glibc's
// except in its rare misrounded cases. Functions glibc builds on these
// (sinh, erf, log10, ...) follow glibc's algorithms in math_fdlibm.go.
//
// The tables (2^(j/64), log(j/128), sin, cos and atan of j/64) and the
// split constants are computed with math/big by TestMathTables, which
// writes them into math_tables.go (-update-math-tables) and checks
// them there: computing them at the first math.exp or math.log of a
// process cost about 35 million instructions.

// dd is a double-double: the unevaluated sum hi + lo with |lo| at most
// half an ulp of hi.
type dd struct{ hi, lo float64 }

// twoSum returns a + b exactly.
func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

// quickTwoSum is twoSum for |a| >= |b|.
func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

// twoProd returns a * b exactly.
func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func ddOf(f float64) dd { return dd{f, 0} }

func (x dd) add(y dd) dd {
	s := twoSum(x.hi, y.hi)
	t := twoSum(x.lo, y.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func (x dd) addF(y float64) dd {
	s := twoSum(x.hi, y)
	s.lo += x.lo
	return quickTwoSum(s.hi, s.lo)
}

func (x dd) neg() dd { return dd{-x.hi, -x.lo} }

func (x dd) sub(y dd) dd { return x.add(y.neg()) }

func (x dd) mul(y dd) dd {
	p := twoProd(x.hi, y.hi)
	p.lo += x.hi*y.lo + x.lo*y.hi
	return quickTwoSum(p.hi, p.lo)
}

func (x dd) mulF(y float64) dd {
	p := twoProd(x.hi, y)
	p.lo += x.lo * y
	return quickTwoSum(p.hi, p.lo)
}

func (x dd) div(y dd) dd {
	q1 := x.hi / y.hi
	r := x.sub(y.mulF(q1))
	q2 := r.hi / y.hi
	r = r.sub(y.mulF(q2))
	q3 := r.hi / y.hi
	return quickTwoSum(q1, q2).addF(q3)
}

func (x dd) sqrt() dd {
	if x.hi <= 0 {
		return dd{math.Sqrt(x.hi), 0}
	}
	s := math.Sqrt(x.hi)
	e := x.sub(twoProd(s, s))
	return quickTwoSum(s, e.hi/(2*s))
}

// round returns the double nearest to x.
func (x dd) round() float64 { return x.hi + x.lo }

// bigPrec is the precision of the table computations.
const bigPrec = 200

func newBig() *big.Float { return new(big.Float).SetPrec(bigPrec) }

func bigF(f float64) *big.Float { return newBig().SetFloat64(f) }

// expPoly is exp(r) for |r| <= ln(2)/128: its series, the terms past r^6
// in double precision, the rest in double-double.
func expPoly(r dd) dd {
	h := r.hi
	tail := invFact[6].hi + h*(invFact[7].hi+h*(invFact[8].hi+h*(invFact[9].hi+h*invFact[10].hi)))
	p := dd{tail, 0}
	for n := 5; n >= 0; n-- {
		p = p.mul(r).add(invFact[n])
	}
	return p
}

// expReduced returns p and m with exp(x) = p * 2^m, for |x| < 746.
func expReduced(x dd) (dd, int) {
	k := math.Round(x.hi * (64 / math.Ln2))
	t := x.hi - k*expC[0] // exact
	r := twoSum(t, x.lo).sub(twoProd(k, expC[1])).addF(-k * expC[2])
	ki := int(k)
	j := ki & 63
	return exp2Tab[j].mul(expPoly(r)), (ki - j) / 64
}

// ldexpDD returns x * 2^m rounded once, also when the result is
// subnormal or overflows.
func ldexpDD(x dd, m int) float64 {
	if x.hi == 0 {
		return x.hi
	}
	_, e := math.Frexp(x.hi)
	if e+m > -1021 && e+m < 1024 {
		return math.Ldexp(x.round(), m)
	}
	v := newBig().SetFloat64(x.hi)
	v.Add(v, bigF(x.lo))
	v.SetMantExp(v, m)
	f, _ := v.Float64()
	return f
}

// crExp is exp(x), correctly rounded.
func crExp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 709.8:
		return math.Inf(1)
	case x < -745.2:
		return 0
	case math.Abs(x) < 0x1p-54:
		return 1 + x
	}
	p, m := expReduced(ddOf(x))
	return ldexpDD(p, m)
}

// crExp2 is 2**x, correctly rounded.
func crExp2(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x >= 1024:
		return math.Inf(1)
	case x < -1076:
		return 0
	case math.Abs(x) < 0x1p-54:
		return 1 + x
	}
	k := math.Round(x * 64)
	r := x - k/64 // exact
	ki := int(k)
	j := ki & 63
	p := exp2Tab[j].mul(expPoly(ln2DD.mulF(r)))
	return ldexpDD(p, (ki-j)/64)
}

// logParts splits log(x), x positive and finite, into e and log(m) with
// x = m * 2^e, m in [sqrt(1/2), sqrt(2)).
func logParts(x float64) (int, dd) {
	m, e := math.Frexp(x) // m in [1/2, 1)
	m *= 2
	e--
	if m > math.Sqrt2 {
		m /= 2
		e++
	}
	j := int(math.Round(m * 128))
	c := float64(j) / 128
	t := ddOf(m - c).div(ddOf(c)) // m/c - 1, exactly m - c over c
	// log(1 + t) = 2 atanh(s) with s = t / (2 + t).
	s := t.div(t.addF(2))
	s2 := s.mul(s)
	h := s2.hi
	tail := h * (invOdd[7].hi + h*(invOdd[9].hi+h*(invOdd[11].hi+h*invOdd[13].hi)))
	p := dd{tail, 0}.add(invOdd[5]).mul(s2).add(invOdd[3]).mul(s2).addF(1)
	l := s.mul(p).mulF(2)
	if j != 128 {
		l = logTab[j].add(l)
	}
	return e, l
}

// logDD is log(x) as a double-double, x positive and finite.
func logDD(x float64) dd {
	e, l := logParts(x)
	if e == 0 {
		return l
	}
	fe := float64(e)
	return dd{fe * ln2Parts[0], 0}.add(twoProd(fe, ln2Parts[1])).addF(fe * ln2Parts[2]).add(l)
}

// crLog is log(x), correctly rounded.
func crLog(x float64) float64 {
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
	return logDD(x).round()
}

// crLog2 is log2(x), correctly rounded.
func crLog2(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	e, l := logParts(x)
	return l.mul(invLn2DD).addF(float64(e)).round()
}

// crPow is pow(x, y) with C99's special cases, correctly rounded.
func crPow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	case y == 1:
		return x
	}
	yInt := y == math.Trunc(y)
	yOdd := yInt && math.Abs(y) < 1<<53 && math.Mod(y, 2) != 0
	switch {
	case x == 0:
		switch {
		case y < 0 && yOdd:
			return math.Copysign(math.Inf(1), x)
		case y < 0:
			return math.Inf(1)
		case yOdd:
			return x
		}
		return 0
	case math.IsInf(y, 0):
		switch {
		case x == -1:
			return 1
		case (math.Abs(x) < 1) == (y > 0):
			return 0
		}
		return math.Inf(1)
	case math.IsInf(x, 0):
		if math.IsInf(x, -1) {
			return crPow(1/x, -y) // -0 or -inf by the rules for zero
		}
		if y < 0 {
			return 0
		}
		return math.Inf(1)
	case x < 0 && !yInt:
		return math.NaN()
	}
	sign := 1.0
	if x < 0 {
		x = -x
		if yOdd {
			sign = -1
		}
	}
	l := logDD(x).mulF(y)
	switch {
	case l.hi > 709.8:
		return sign * math.Inf(1)
	case l.hi < -745.2:
		return sign * 0
	}
	p, m := expReduced(l)
	return sign * ldexpDD(p, m)
}
