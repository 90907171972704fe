package modules

import "math"

// gamma and lgamma as CPython computes them itself (not with the C
// library): Lanczos' approximation with N=13 and g=6.024680040776729...,
// the parameters Boost uses, the sum written as a rational function,
// and the reflection formula for negative arguments. The order of the
// operations is CPython's, so the results are its results.

const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	logPi             = 1.144729885849400174143427351353058711647
)

var lanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

// lanczosDen is x*(x+1)*...*(x+11) expanded.
var lanczosDen = [13]float64{0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0}

// gammaIntegral holds gamma(n) for n = 1..23, which are exact.
var gammaIntegral = [23]float64{
	1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
	3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
	1307674368000.0, 20922789888000.0, 355687428096000.0,
	6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
	51090942171709440000.0, 1124000727777607680000.0,
}

// lanczosSum is Lanczos' sum for positive x, in 1/x past 5 to avoid
// overflow.
func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5 {
		for i := len(lanczosNum) - 1; i >= 0; i-- {
			num = float64(num*x) + lanczosNum[i]
			den = float64(den*x) + lanczosDen[i]
		}
	} else {
		for i := range lanczosNum {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinpi is sin(pi*x), accurate near the integers.
func sinpi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2)
	var r float64
	switch int(math.Round(2 * y)) {
	case 0:
		r = crSin(float64(cPi * y))
	case 1:
		r = crCos(float64(cPi * (y - 0.5)))
	case 2:
		// -sin(pi*(y-1)) would give -0.0 at y == 1.
		r = crSin(float64(cPi * (1 - y)))
	case 3:
		r = -crCos(float64(cPi * (y - 1.5)))
	default:
		r = crSin(float64(cPi * (y - 2)))
	}
	return math.Copysign(1, x) * r
}

// tgamma is the gamma function, with the errno CPython's m_tgamma sets.
func tgamma(x float64) (float64, cErrno) {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x, errNone
	case math.IsInf(x, -1):
		return math.NaN(), errDomain
	case x == 0:
		return math.Copysign(math.Inf(1), x), errDomain
	}
	if x == math.Floor(x) {
		if x < 0 {
			return math.NaN(), errDomain
		}
		if x <= float64(len(gammaIntegral)) {
			return gammaIntegral[int(x)-1], errNone
		}
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		r := 1 / x
		if math.IsInf(r, 0) {
			return r, errRange
		}
		return r, errNone
	}
	if absx > 200 {
		if x < 0 {
			return 0 / sinpi(x), errNone
		}
		return math.Inf(1), errRange
	}
	y := absx + lanczosGMinusHalf
	var z float64
	// The error in y, for a correction.
	if absx > lanczosGMinusHalf {
		q := y - absx
		z = q - lanczosGMinusHalf
	} else {
		q := y - lanczosGMinusHalf
		z = q - absx
	}
	z = float64(z*lanczosG) / y
	var r float64
	if x < 0 {
		r = float64(float64(-cPi/sinpi(absx)/absx)*crExp(y)) / lanczosSum(absx)
		r -= float64(z * r)
		if absx < 140 {
			r /= crPow(y, absx-0.5)
		} else {
			sqrtpow := crPow(y, float64(absx/2)-0.25)
			r /= sqrtpow
			r /= sqrtpow
		}
	} else {
		r = lanczosSum(absx) / crExp(y)
		r += float64(z * r)
		if absx < 140 {
			r *= crPow(y, absx-0.5)
		} else {
			sqrtpow := crPow(y, float64(absx/2)-0.25)
			r *= sqrtpow
			r *= sqrtpow
		}
	}
	if math.IsInf(r, 0) {
		return r, errRange
	}
	return r, errNone
}

// lgamma is log(abs(gamma(x))), with the errno CPython's m_lgamma sets.
func lgamma(x float64) (float64, cErrno) {
	switch {
	case math.IsNaN(x):
		return x, errNone
	case math.IsInf(x, 0):
		return math.Inf(1), errNone
	}
	if x == math.Floor(x) && x <= 2 {
		if x <= 0 {
			return math.Inf(1), errDomain
		}
		return 0, errNone
	}
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -crLog(absx), errNone
	}
	r := crLog(lanczosSum(absx)) - lanczosG
	r += float64((absx - 0.5) * (crLog(absx+lanczosG-0.5) - 1))
	if x < 0 {
		r = logPi - crLog(math.Abs(sinpi(absx))) - crLog(absx) - r
	}
	if math.IsInf(r, 0) {
		return r, errRange
	}
	return r, errNone
}
