package modules

import (
	"math"
	"math/big"
	"sync"
)

// The circular functions and their inverses, correctly rounded (see
// math_libm.go). sin, cos and tan reduce their argument by pi/2 with a
// 150-bit pi/2 up to |x| < 2^22, and with a 1400-bit 2/pi computed in
// math/big beyond, so huge arguments are reduced exactly too.

var (
	twoOverPiOnce sync.Once
	twoOverPi     *big.Float // 2/pi to 1400 bits
	bigPi2        *big.Float // pi/2 to 1400 bits
)

const reducePrec = 1400

// initTwoOverPi computes pi by Machin's formula to reducePrec bits.
func initTwoOverPi() {
	twoOverPiOnce.Do(func() {
		prec := uint(reducePrec + 64)
		atanInv := func(n int64) *big.Float {
			// atan(1/n) = sum (-1)^k / ((2k+1) n^(2k+1))
			x := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), new(big.Float).SetPrec(prec).SetInt64(n))
			x2 := new(big.Float).SetPrec(prec).Mul(x, x)
			sum := new(big.Float).SetPrec(prec).Set(x)
			pow := new(big.Float).SetPrec(prec).Set(x)
			for k := int64(1); ; k++ {
				pow.Mul(pow, x2)
				term := new(big.Float).SetPrec(prec).Quo(pow, new(big.Float).SetPrec(prec).SetInt64(2*k+1))
				if k%2 == 1 {
					sum.Sub(sum, term)
				} else {
					sum.Add(sum, term)
				}
				if term.MantExp(nil) < -int(prec)-8 {
					return sum
				}
			}
		}
		pi := new(big.Float).SetPrec(prec).Mul(atanInv(5), new(big.Float).SetInt64(16))
		pi.Sub(pi, new(big.Float).SetPrec(prec).Mul(atanInv(239), new(big.Float).SetInt64(4)))
		bigPi2 = new(big.Float).SetPrec(prec).Quo(pi, new(big.Float).SetInt64(2))
		twoOverPi = new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(2), pi)
	})
}

// reducePi2 returns r and the quadrant q (0..3) with x = r + (4k + q)
// pi/2 and |r| <= pi/4 (a hair more), for finite x.
func reducePi2(x float64) (dd, int) {
	if math.Abs(x) <= math.Pi/4 {
		return ddOf(x), 0
	}
	if math.Abs(x) < 0x1p22 {
		k := math.Round(x * (2 / math.Pi))
		t := x - k*pi2Parts[0] // exact
		r := twoSum(t, -k*pi2Parts[1])
		for _, p := range pi2Parts[2:] {
			r = r.addF(-k * p)
		}
		return r, int(int64(k) & 3)
	}
	initTwoOverPi()
	prec := uint(reducePrec)
	y := new(big.Float).SetPrec(prec).SetFloat64(x)
	y.Mul(y, twoOverPi)
	// k is the integer nearest y; only its last two bits matter.
	kInt, _ := new(big.Float).SetPrec(prec).Add(y, new(big.Float).SetFloat64(math.Copysign(0.5, x))).Int(nil)
	k := new(big.Float).SetPrec(prec).SetInt(kInt)
	f := new(big.Float).SetPrec(prec).Sub(y, k)
	f.Mul(f, bigPi2)
	q := int(new(big.Int).And(kInt, big.NewInt(3)).Int64())
	hi, _ := f.Float64()
	lo, _ := new(big.Float).SetPrec(prec).Sub(f, new(big.Float).SetFloat64(hi)).Float64()
	return dd{hi, lo}, q
}

// sinCosSmall returns sin(d) and cos(d) for |d| <= 1/128.
func sinCosSmall(d dd) (dd, dd) {
	d2 := d.mul(d)
	h := d2.hi
	// The terms from d^6 on, in double precision.
	st := -h * h * (invFact[7].hi - h*(invFact[9].hi-h*(invFact[11].hi-h*invFact[13].hi)))
	ct := -h * h * (invFact[6].hi - h*(invFact[8].hi-h*(invFact[10].hi-h*invFact[12].hi)))
	s := dd{st, 0}.add(d2.mul(invFact[5])).sub(invFact[3]).mul(d2).addF(1).mul(d)
	c := dd{ct, 0}.add(d2.mul(invFact[4])).sub(invFact[2]).mul(d2).addF(1)
	return s, c
}

// sinCosReduced returns sin(r) and cos(r) for |r| <= pi/4.
func sinCosReduced(r dd) (dd, dd) {
	a := math.Round(r.hi * 64)
	d := r.addF(-a / 64)
	sd, cd := sinCosSmall(d)
	j := int(a)
	if j == 0 {
		return sd, cd
	}
	sa, ca := sinTab[abs(j)], cosTab[abs(j)]
	if j < 0 {
		sa = sa.neg()
	}
	return sa.mul(cd).add(ca.mul(sd)), ca.mul(cd).sub(sa.mul(sd))
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// crSin is sin(x), correctly rounded.
func crSin(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN()
	case math.Abs(x) < 0x1p-26:
		return x
	}
	r, q := reducePi2(x)
	s, c := sinCosReduced(r)
	switch q {
	case 1:
		return c.round()
	case 2:
		return -s.round()
	case 3:
		return -c.round()
	}
	return s.round()
}

// crCos is cos(x), correctly rounded.
func crCos(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN()
	case math.Abs(x) < 0x1p-27:
		return 1
	}
	r, q := reducePi2(x)
	s, c := sinCosReduced(r)
	switch q {
	case 1:
		return -s.round()
	case 2:
		return -c.round()
	case 3:
		return s.round()
	}
	return c.round()
}

// crTan is tan(x), correctly rounded.
func crTan(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN()
	case math.Abs(x) < 0x1p-27:
		return x
	}
	r, q := reducePi2(x)
	s, c := sinCosReduced(r)
	if q&1 == 1 {
		return c.div(s).neg().round()
	}
	return s.div(c).round()
}

// atanDD is atan(x) for x >= 0.
func atanDD(x dd) dd {
	inv := x.hi > 1
	if inv {
		x = ddOf(1).div(x)
	}
	j := int(math.Round(x.hi * 64))
	c := float64(j) / 64
	t := x
	if j != 0 {
		// atan(x) = atan(c) + atan((x - c) / (1 + x c))
		t = x.addF(-c).div(x.mulF(c).addF(1))
	}
	t2 := t.mul(t)
	h := t2.hi
	tail := -h * h * (invOdd[7].hi - h*(invOdd[9].hi-h*(invOdd[11].hi-h*(invOdd[13].hi-h*invOdd[15].hi))))
	r := dd{tail, 0}.add(t2.mul(invOdd[5])).sub(invOdd[3]).mul(t2).addF(1).mul(t)
	if j != 0 {
		r = atanTab[j].add(r)
	}
	if inv {
		r = pi2DD.sub(r)
	}
	return r
}

// atan2DD is atan(y / x) for y, x > 0, in double-double.
func atan2DD(y, x dd) dd {
	if y.hi > x.hi {
		return pi2DD.sub(atanDD(x.div(y)))
	}
	return atanDD(y.div(x))
}

// crAtan is atan(x), correctly rounded.
func crAtan(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.Copysign(math.Pi/2, x)
	case math.Abs(x) < 0x1p-27:
		return x
	}
	r := atanDD(ddOf(math.Abs(x))).round()
	return math.Copysign(r, x)
}

// crAtan2 is atan2(y, x) with C99's special cases, correctly rounded.
func crAtan2(y, x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	case math.IsInf(y, 0):
		switch {
		case math.IsInf(x, 1):
			return math.Copysign(math.Pi/4, y)
		case math.IsInf(x, -1):
			return math.Copysign(3*math.Pi/4, y)
		}
		return math.Copysign(math.Pi/2, y)
	case math.IsInf(x, 0) || y == 0:
		if math.Signbit(x) {
			return math.Copysign(math.Pi, y)
		}
		return math.Copysign(0, y)
	case x == 0:
		return math.Copysign(math.Pi/2, y)
	}
	ay, ax := math.Abs(y), math.Abs(x)
	// Scale both to ordinary exponents: the quotient is unchanged.
	_, ey := math.Frexp(ay)
	_, ex := math.Frexp(ax)
	var a dd
	switch {
	case ey-ex > 60:
		a = pi2DD.sub(ddOf(ax / ay))
	case ex-ey > 60:
		q := ay / ax
		if !math.Signbit(x) {
			return math.Copysign(q, y)
		}
		a = ddOf(q)
	default:
		s := -(ey + ex) / 2
		a = atan2DD(ddOf(math.Ldexp(ay, s)), ddOf(math.Ldexp(ax, s)))
	}
	if math.Signbit(x) {
		a = piDD.sub(a)
	}
	return math.Copysign(a.round(), y)
}

// oneMinusSquare is 1 - x^2 for |x| <= 1, exactly as (1-x)(1+x).
func oneMinusSquare(x float64) dd {
	return twoSum(1, -x).mul(twoSum(1, x))
}

// crAsin is asin(x), correctly rounded.
func crAsin(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case math.Abs(x) < 0x1p-27:
		return x
	case math.Abs(x) == 1:
		return math.Copysign(math.Pi/2, x)
	}
	ax := math.Abs(x)
	return math.Copysign(atan2DD(ddOf(ax), oneMinusSquare(ax).sqrt()).round(), x)
}

// crAcos is acos(x), correctly rounded.
func crAcos(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case x == 1:
		return 0
	case x == -1:
		return math.Pi
	case x == 0:
		return math.Pi / 2
	}
	s := oneMinusSquare(x).sqrt()
	if x > 0 {
		return atan2DD(s, ddOf(x)).round()
	}
	return piDD.sub(atan2DD(s, ddOf(-x))).round()
}
