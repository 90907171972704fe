package interp

import "math"

// Complex arithmetic as CPython's Objects/complexobject.c computes it,
// step for step, so that results agree to the last bit: the textbook
// product, Smith's scaled quotient, repeated squaring for small integral
// exponents, and polar form for the others. The explicit float64
// conversions stop Go from fusing a multiply with an add (which it may
// do on some processors), as the C code is compiled without fusing.

// complexPair is a complex value being computed.
type complexPair struct{ re, im float64 }

// complexProd is _Py_c_prod.
func complexProd(a, b complexPair) complexPair {
	return complexPair{
		float64(a.re*b.re) - float64(a.im*b.im),
		float64(a.re*b.im) + float64(a.im*b.re),
	}
}

// complexQuot is _Py_c_quot: the quotient, dividing numerator and
// denominator by the larger part of b to avoid overflow; zeroDiv
// reports a zero divisor (CPython's EDOM).
func complexQuot(a, b complexPair) (r complexPair, zeroDiv bool) {
	absRe, absIm := math.Abs(b.re), math.Abs(b.im)
	switch {
	case absRe >= absIm:
		if absRe == 0 {
			return complexPair{}, true
		}
		ratio := b.im / b.re
		denom := b.re + float64(b.im*ratio)
		r.re = (a.re + float64(a.im*ratio)) / denom
		r.im = (a.im - float64(a.re*ratio)) / denom
	case absIm >= absRe:
		ratio := b.re / b.im
		denom := float64(b.re*ratio) + b.im
		r.re = (float64(a.re*ratio) + a.im) / denom
		r.im = (float64(a.im*ratio) - a.re) / denom
	default:
		// A nan in b.
		r.re, r.im = math.NaN(), math.NaN()
	}
	return r, false
}

// The outcomes of complexPow besides success: CPython's errno values.
const (
	powOK          = iota
	powDomainError // EDOM: ZeroDivisionError
	powRangeError  // ERANGE: OverflowError
)

// complexPow is complex_pow without its operand conversion: a ** b and
// what errno would say.
func complexPow(a, b complexPair) (complexPair, int) {
	var r complexPair
	status := powOK
	if b.im == 0 && b.re == math.Floor(b.re) && math.Abs(b.re) <= 100 {
		// Small integral exponents: faster and more accurate.
		var zeroDiv bool
		r, zeroDiv = complexPowi(a, int(b.re))
		if zeroDiv {
			status = powDomainError
		}
	} else {
		r, status = complexPowGeneral(a, b)
	}
	// _Py_ADJUST_ERANGE2: an infinite part is an overflow, and an
	// overflow or underflow of an intermediate step that did not leave
	// one is forgotten.
	if status != powDomainError {
		status = powOK
		if math.IsInf(r.re, 0) || math.IsInf(r.im, 0) {
			status = powRangeError
		}
	}
	return r, status
}

// complexPowu is c_powu: x ** n for n >= 0 by binary powering.
func complexPowu(x complexPair, n int) complexPair {
	r, p := complexPair{1, 0}, x
	for mask := 1; mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = complexProd(r, p)
		}
		p = complexProd(p, p)
	}
	return r
}

// complexPowi is c_powi: x ** n for an integer n, a negative n through
// the quotient of 1 by x ** -n.
func complexPowi(x complexPair, n int) (complexPair, bool) {
	if n > 0 {
		return complexPowu(x, n), false
	}
	return complexQuot(complexPair{1, 0}, complexPowu(x, -n))
}

// complexPowGeneral is _Py_c_pow: polar form, with the C library's
// hypot, pow, atan2, exp, log, cos and sin. Its status is EDOM for zero
// to a negative or complex power, and for an infinite phase (cos and sin
// of an infinity set EDOM).
func complexPowGeneral(a, b complexPair) (complexPair, int) {
	switch {
	case b.re == 0 && b.im == 0:
		return complexPair{1, 0}, powOK
	case a.re == 0 && a.im == 0:
		if b.im != 0 || b.re < 0 {
			return complexPair{}, powDomainError
		}
		return complexPair{}, powOK
	}
	vabs := libmHypot(a.re, a.im)
	length := pyPow(vabs, b.re)
	at := libmAtan2(a.im, a.re)
	phase := at * b.re
	if b.im != 0 {
		length /= libmExp(at * b.im)
		phase += float64(b.im * libmLog(vabs))
	}
	status := powOK
	if math.IsInf(phase, 0) {
		status = powDomainError
	}
	sin, cos := libmSinCos(phase)
	return complexPair{length * cos, length * sin}, status
}

// complexAbs is _Py_c_abs: hypot, with C99's infinities (an infinite
// part makes the result infinite even with a nan); overflow reports a
// finite value whose magnitude is too large for a float.
func complexAbs(re, im float64) (r float64, overflow bool) {
	switch {
	case math.IsInf(re, 0) || math.IsInf(im, 0):
		return math.Inf(1), false
	case math.IsNaN(re) || math.IsNaN(im):
		return math.NaN(), false
	}
	r = libmHypot(re, im)
	return r, math.IsInf(r, 0)
}
