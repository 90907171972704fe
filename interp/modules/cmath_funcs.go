package modules

import (
	"math"

	"github.com/parallel-py/parallel/interp"
)

// The complex functions of the cmath module, computed as CPython's
// cmathmodule.c computes them (its formulas, chosen to avoid overflow and
// cancellation, on glibc's real functions: math_libm.go, math_trig.go and
// math_fdlibm.go), so that results agree to the bit. Arguments with an
// infinite or NaN part take their values from the tables of C99's Annex
// G (cmath_special.go). Each function also reports what CPython's errno
// would hold: errNone, errDomain (ValueError) or errRange
// (OverflowError).

// The thresholds CPython's cmath uses.
var (
	cmLargeDouble     = math.MaxFloat64 / 4
	cmSqrtLargeDouble = math.Sqrt(cmLargeDouble)
	// log(cmLargeDouble), correctly rounded (TestCmathLogLargeDouble):
	// written out because crLog would build its tables at start-up.
	cmLogLargeDouble = 708.3964185322641
	cmSqrtDblMin     = math.Sqrt(0x1p-1022)
)

const (
	dblMin     = 0x1p-1022 // the smallest normal double
	dblMantDig = 53
	cmScaleUp  = 2*(dblMantDig/2) + 1 // 53
	cmScaleDn  = -(cmScaleUp + 1) / 2 // -27
	ln2        = 0.6931471805599453094
	ln10       = 2.302585092994045684
)

func isFinite2(z complex128) bool { return isFinite(real(z)) && isFinite(imag(z)) }

// specialValue returns the table's entry for z when a part of z is
// infinite or NaN.
func specialValue(z complex128, table *[7][7]complex128) (complex128, bool) {
	if isFinite2(z) {
		return 0, false
	}
	return table[specialType(real(z))][specialType(imag(z))], true
}

// mul2 is a*b - c*d with each product rounded, as C computes it without
// fusing.
func mul2(a, b, c, d float64) float64 { return float64(a*b) - float64(c*d) }

// cSqrt is c_sqrt.
func cSqrt(z complex128) (complex128, cErrno) {
	if r, ok := specialValue(z, &sqrtSpecial); ok {
		return r, errNone
	}
	re, im := real(z), imag(z)
	if re == 0 && im == 0 {
		return complex(0, im), errNone
	}
	ax, ay := math.Abs(re), math.Abs(im)
	var s float64
	if ax < dblMin && ay < dblMin {
		// hypot(ax, ay) would be subnormal: scale up first.
		ax = math.Ldexp(ax, cmScaleUp)
		s = math.Ldexp(math.Sqrt(ax+interp.Hypot(ax, math.Ldexp(ay, cmScaleUp))), cmScaleDn)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+interp.Hypot(ax, ay/8))
	}
	d := ay / (2 * s)
	if re >= 0 {
		return complex(s, math.Copysign(d, im)), errNone
	}
	return complex(d, math.Copysign(s, im)), errNone
}

// logOfHalfHypot is log(hypot(x/2, y/2)) + 2 ln 2, the log of |z| for a
// huge z.
func logOfHalfHypot(x, y float64) float64 {
	return crLog(interp.Hypot(x/2, y/2)) + ln2*2
}

// cAcos is c_acos.
func cAcos(z complex128) (complex128, cErrno) {
	if r, ok := specialValue(z, &acosSpecial); ok {
		return r, errNone
	}
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLargeDouble || math.Abs(im) > cmLargeDouble {
		rr := crAtan2(math.Abs(im), re)
		var ri float64
		if re < 0 {
			ri = -math.Copysign(logOfHalfHypot(re, im), im)
		} else {
			ri = math.Copysign(logOfHalfHypot(re, im), -im)
		}
		return complex(rr, ri), errNone
	}
	s1, _ := cSqrt(complex(1-re, -im))
	s2, _ := cSqrt(complex(1+re, im))
	return complex(2*crAtan2(real(s1), real(s2)), asinh(mul2(real(s2), imag(s1), imag(s2), real(s1)))), errNone
}

// cAcosh is c_acosh.
func cAcosh(z complex128) (complex128, cErrno) {
	if r, ok := specialValue(z, &acoshSpecial); ok {
		return r, errNone
	}
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLargeDouble || math.Abs(im) > cmLargeDouble {
		return complex(logOfHalfHypot(re, im), crAtan2(im, re)), errNone
	}
	s1, _ := cSqrt(complex(re-1, im))
	s2, _ := cSqrt(complex(re+1, im))
	return complex(asinh(float64(real(s1)*real(s2))+float64(imag(s1)*imag(s2))), 2*crAtan2(imag(s1), real(s2))), errNone
}

// cAsinh is c_asinh.
func cAsinh(z complex128) (complex128, cErrno) {
	if r, ok := specialValue(z, &asinhSpecial); ok {
		return r, errNone
	}
	re, im := real(z), imag(z)
	if math.Abs(re) > cmLargeDouble || math.Abs(im) > cmLargeDouble {
		var rr float64
		if im >= 0 {
			rr = math.Copysign(logOfHalfHypot(re, im), re)
		} else {
			rr = -math.Copysign(logOfHalfHypot(re, im), -re)
		}
		return complex(rr, crAtan2(im, math.Abs(re))), errNone
	}
	s1, _ := cSqrt(complex(1+im, -re))
	s2, _ := cSqrt(complex(1-im, re))
	return complex(asinh(mul2(real(s1), imag(s2), real(s2), imag(s1))), crAtan2(im, mul2(real(s1), real(s2), imag(s1), imag(s2)))), errNone
}

// cAsin is c_asin: asin(z) = -i asinh(iz).
func cAsin(z complex128) (complex128, cErrno) {
	s, e := cAsinh(complex(-imag(z), real(z)))
	return complex(imag(s), -real(s)), e
}

// cAtanh is c_atanh.
func cAtanh(z complex128) (complex128, cErrno) {
	if r, ok := specialValue(z, &atanhSpecial); ok {
		return r, errNone
	}
	re, im := real(z), imag(z)
	if re < 0 {
		// atanh(z) = -atanh(-z).
		r, e := cAtanh(complex(-re, -im))
		return complex(-real(r), -imag(r)), e
	}
	ay := math.Abs(im)
	switch {
	case re > cmSqrtLargeDouble || ay > cmSqrtLargeDouble:
		// For a huge z, atanh(z) is about 1/z +- i pi/2.
		h := interp.Hypot(re/2, im/2)
		return complex(re/4/h/h, -math.Copysign(math.Pi/2, -im)), errNone
	case re == 1 && ay < cmSqrtDblMin:
		if ay == 0 {
			return complex(math.Inf(1), im), errDomain
		}
		return complex(-crLog(math.Sqrt(ay)/math.Sqrt(interp.Hypot(ay, 2))), math.Copysign(crAtan2(2, -ay)/2, im)), errNone
	}
	rr := log1p(4*re/(float64((1-re)*(1-re))+float64(ay*ay))) / 4
	ri := -crAtan2(-2*im, float64((1-re)*(1+re))-float64(ay*ay)) / 2
	return complex(rr, ri), errNone
}

// cAtan is c_atan: atan(z) = -i atanh(iz).
func cAtan(z complex128) (complex128, cErrno) {
	s, e := cAtanh(complex(-imag(z), real(z)))
	return complex(imag(s), -real(s)), e
}

// overflowed is the errno of a result computed from finite parts.
func overflowed(r complex128) cErrno {
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
		return errRange
	}
	return errNone
}

// cCosh is c_cosh.
func cCosh(z complex128) (complex128, cErrno) {
	re, im := real(z), imag(z)
	if !isFinite2(z) {
		var r complex128
		if math.IsInf(re, 0) && isFinite(im) && im != 0 {
			ri := math.Copysign(math.Inf(1), crSin(im))
			if re < 0 {
				ri = -ri
			}
			r = complex(math.Copysign(math.Inf(1), crCos(im)), ri)
		} else {
			r = coshSpecial[specialType(re)][specialType(im)]
		}
		if math.IsInf(im, 0) && !math.IsNaN(re) {
			return r, errDomain
		}
		return r, errNone
	}
	var r complex128
	if math.Abs(re) > cmLogLargeDouble {
		// cosh(re) overflows where cosh(z) may not.
		x := re - math.Copysign(1, re)
		r = complex(crCos(im)*cosh(x)*math.E, crSin(im)*sinh(x)*math.E)
	} else {
		r = complex(crCos(im)*cosh(re), crSin(im)*sinh(re))
	}
	return r, overflowed(r)
}

// cCos is c_cos: cos(z) = cosh(iz).
func cCos(z complex128) (complex128, cErrno) { return cCosh(complex(-imag(z), real(z))) }

// cSinh is c_sinh.
func cSinh(z complex128) (complex128, cErrno) {
	re, im := real(z), imag(z)
	if !isFinite2(z) {
		var r complex128
		if math.IsInf(re, 0) && isFinite(im) && im != 0 {
			rr := math.Copysign(math.Inf(1), crCos(im))
			if re < 0 {
				rr = -rr
			}
			r = complex(rr, math.Copysign(math.Inf(1), crSin(im)))
		} else {
			r = sinhSpecial[specialType(re)][specialType(im)]
		}
		if math.IsInf(im, 0) && !math.IsNaN(re) {
			return r, errDomain
		}
		return r, errNone
	}
	var r complex128
	if math.Abs(re) > cmLogLargeDouble {
		x := re - math.Copysign(1, re)
		r = complex(crCos(im)*sinh(x)*math.E, crSin(im)*cosh(x)*math.E)
	} else {
		r = complex(crCos(im)*sinh(re), crSin(im)*cosh(re))
	}
	return r, overflowed(r)
}

// cSin is c_sin: sin(z) = -i sinh(iz).
func cSin(z complex128) (complex128, cErrno) {
	s, e := cSinh(complex(-imag(z), real(z)))
	return complex(imag(s), -real(s)), e
}

// cTanh is c_tanh.
func cTanh(z complex128) (complex128, cErrno) {
	re, im := real(z), imag(z)
	if !isFinite2(z) {
		var r complex128
		if math.IsInf(re, 0) && isFinite(im) && im != 0 {
			ri := math.Copysign(0, 2*crSin(im)*crCos(im))
			if re > 0 {
				r = complex(1, ri)
			} else {
				r = complex(-1, ri)
			}
		} else {
			r = tanhSpecial[specialType(re)][specialType(im)]
		}
		if math.IsInf(im, 0) && isFinite(re) {
			return r, errDomain
		}
		return r, errNone
	}
	if math.Abs(re) > cmLogLargeDouble {
		// 2*im may overflow below.
		return complex(math.Copysign(1, re), 4*crSin(im)*crCos(im)*crExp(-2*math.Abs(re))), errNone
	}
	tx, ty := tanh(re), crTan(im)
	cx := 1 / cosh(re)
	txty := tx * ty
	denom := 1 + float64(txty*txty)
	return complex(tx*(1+float64(ty*ty))/denom, ((ty/denom)*cx)*cx), errNone
}

// cTan is c_tan: tan(z) = -i tanh(iz).
func cTan(z complex128) (complex128, cErrno) {
	s, e := cTanh(complex(-imag(z), real(z)))
	return complex(imag(s), -real(s)), e
}

// cExp is c_exp.
func cExp(z complex128) (complex128, cErrno) {
	re, im := real(z), imag(z)
	if !isFinite2(z) {
		var r complex128
		if math.IsInf(re, 0) && isFinite(im) && im != 0 {
			if re > 0 {
				r = complex(math.Copysign(math.Inf(1), crCos(im)), math.Copysign(math.Inf(1), crSin(im)))
			} else {
				r = complex(math.Copysign(0, crCos(im)), math.Copysign(0, crSin(im)))
			}
		} else {
			r = expSpecial[specialType(re)][specialType(im)]
		}
		if math.IsInf(im, 0) && (isFinite(re) || math.IsInf(re, 1)) {
			return r, errDomain
		}
		return r, errNone
	}
	var r complex128
	if re > cmLogLargeDouble {
		l := crExp(re - 1)
		r = complex(l*crCos(im)*math.E, l*crSin(im)*math.E)
	} else {
		l := crExp(re)
		r = complex(l*crCos(im), l*crSin(im))
	}
	return r, overflowed(r)
}

// cLog is c_log.
func cLog(z complex128) (complex128, cErrno) {
	if r, ok := specialValue(z, &logSpecial); ok {
		return r, errNone
	}
	re, im := real(z), imag(z)
	ax, ay := math.Abs(re), math.Abs(im)
	var rr float64
	switch {
	case ax > cmLargeDouble || ay > cmLargeDouble:
		rr = crLog(interp.Hypot(ax/2, ay/2)) + ln2
	case ax < dblMin && ay < dblMin:
		if ax == 0 && ay == 0 {
			return complex(math.Inf(-1), crAtan2(im, re)), errDomain
		}
		// hypot(ax, ay) would be subnormal.
		rr = crLog(interp.Hypot(math.Ldexp(ax, dblMantDig), math.Ldexp(ay, dblMantDig))) - dblMantDig*ln2
	default:
		h := interp.Hypot(ax, ay)
		if 0.71 <= h && h <= 1.73 {
			am, an := max(ax, ay), min(ax, ay)
			rr = log1p(float64((am-1)*(am+1))+float64(an*an)) / 2
		} else {
			rr = crLog(h)
		}
	}
	return complex(rr, crAtan2(im, re)), errNone
}

// cLog10 is c_log10.
func cLog10(z complex128) (complex128, cErrno) {
	r, e := cLog(z)
	return complex(real(r)/ln10, imag(r)/ln10), e
}

// cAbs is _Py_c_abs: infinite when a part is, even with a NaN.
func cAbs(z complex128) (float64, cErrno) {
	re, im := real(z), imag(z)
	switch {
	case math.IsInf(re, 0):
		return math.Abs(re), errNone
	case math.IsInf(im, 0):
		return math.Abs(im), errNone
	case math.IsNaN(re) || math.IsNaN(im):
		return math.NaN(), errNone
	}
	h := interp.Hypot(re, im)
	if !isFinite(h) {
		return h, errRange
	}
	return h, errNone
}

// cPhase is c_atan2: the argument of z, with the special cases of C99's
// atan2 made explicit.
func cPhase(z complex128) float64 {
	phi, _ := cPhaseErrno(z)
	return phi
}

// cPhaseErrno is cPhase and the errno glibc's atan2 leaves: ERANGE when
// the result underflows to zero (which cmath.phase reports).
func cPhaseErrno(z complex128) (float64, cErrno) {
	re, im := real(z), imag(z)
	switch {
	case math.IsNaN(re) || math.IsNaN(im):
		return math.NaN(), errNone
	case math.IsInf(im, 0):
		switch {
		case math.IsInf(re, 1):
			return math.Copysign(0.25*math.Pi, im), errNone
		case math.IsInf(re, -1):
			return math.Copysign(0.75*math.Pi, im), errNone
		}
		return math.Copysign(0.5*math.Pi, im), errNone
	case math.IsInf(re, 0) || im == 0:
		if math.Signbit(re) {
			return math.Copysign(math.Pi, im), errNone
		}
		return math.Copysign(0, im), errNone
	}
	phi := crAtan2(im, re)
	if phi == 0 {
		return phi, errRange
	}
	return phi, errNone
}

// cRect is rect(r, phi).
func cRect(r, phi float64) (complex128, cErrno) {
	switch {
	case !isFinite(r) || !isFinite(phi):
		var z complex128
		if math.IsInf(r, 0) && isFinite(phi) && phi != 0 {
			re, im := math.Copysign(math.Inf(1), crCos(phi)), math.Copysign(math.Inf(1), crSin(phi))
			if r < 0 {
				re, im = -re, -im
			}
			z = complex(re, im)
		} else {
			z = rectSpecial[specialType(r)][specialType(phi)]
		}
		if r != 0 && !math.IsNaN(r) && math.IsInf(phi, 0) {
			return z, errDomain
		}
		return z, errNone
	case phi == 0:
		return complex(r, r*phi), errNone
	}
	return complex(r*crCos(phi), r*crSin(phi)), errNone
}
