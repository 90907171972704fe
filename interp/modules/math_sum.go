package modules

import (
	"math"

	"github.com/parallel-py/parallel/interp"
)

// Sums and products: fsum (exact, Shewchuk's partials with CPython's
// final half-even correction), hypot and dist (CPython's vector_norm),
// sumprod (CPython's integer, triple-length float and generic paths, in
// the same order, so mixed inputs round the same) and prod.

// forEach calls fn on each item of an iterable (borrowed).
func forEach(in *interp.Interp, iterable interp.Value, fn func(item interp.Value) error) error {
	it, err := in.Iter(iterable)
	if err != nil {
		return err
	}
	defer in.DecRef(it)
	for {
		item, ok, err := in.Next(it)
		if err != nil || !ok {
			return err
		}
		err = fn(item)
		in.DecRef(item)
		if err != nil {
			return err
		}
	}
}

// fsum adds floats exactly and rounds once.
func fsum(in *interp.Interp, iterable interp.Value) (interp.Value, error) {
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	err := forEach(in, iterable, func(item interp.Value) error {
		x, err := in.ToFloat(item)
		if err != nil {
			return err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if !isFinite(x) {
				// A non-finite x comes from an inf or nan summand, or
				// from overflow of the partial sums.
				if isFinite(xsave) {
					return in.Raise(interp.OverflowError, "intermediate overflow in fsum")
				}
				if math.IsInf(xsave, 0) {
					infSum += xsave
				}
				specialSum += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
		return nil
	})
	if err != nil {
		return interp.Value{}, err
	}
	if specialSum != 0 {
		if math.IsNaN(infSum) {
			return interp.Value{}, in.Raise(interp.ValueError, "-inf + inf in fsum")
		}
		return interp.Float(specialSum), nil
	}
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		// Add from the top while the sum stays exact.
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			lo = y - (hi - x)
			if lo != 0 {
				break
			}
		}
		// Half-even rounding across several partials: a following
		// partial of lo's sign breaks the tie away from hi.
		if n > 0 && (lo < 0 && partials[n-1] < 0 || lo > 0 && partials[n-1] > 0) {
			y := lo * 2
			x := hi + y
			if y == x-hi {
				hi = x
			}
		}
	}
	return interp.Float(hi), nil
}

// twoProduct is x*y as an unevaluated sum (CPython's dl_mul).
func twoProduct(x, y float64) (hi, lo float64) {
	hi = x * y
	return hi, math.FMA(x, y, -hi)
}

// vectorNorm is sqrt(sum(x*x)) of the absolute values vec, whose
// largest is max, as CPython 3.12 computes it: scaled by a power of two,
// squares summed in double length, and the root corrected once.
func vectorNorm(vec []float64, max float64, foundNaN bool) float64 {
	switch {
	case math.IsInf(max, 0):
		return max
	case foundNaN:
		return math.NaN()
	case max == 0 || len(vec) <= 1:
		return max
	}
	_, maxE := math.Frexp(max)
	if maxE < -1023 {
		// ldexp(1, -maxE) would overflow: make the subnormals normal.
		const dblMin = 0x1p-1022
		for i := range vec {
			vec[i] /= dblMin
		}
		return dblMin * vectorNorm(vec, max/dblMin, foundNaN)
	}
	scale := math.Ldexp(1, -maxE)
	csum, frac1, frac2 := 1.0, 0.0, 0.0
	for _, x := range vec {
		x *= scale
		hi, lo := twoProduct(x, x)
		s := csum + hi
		frac1 += lo
		frac2 += hi - (s - csum)
		csum = s
	}
	h := math.Sqrt(csum - 1 + (frac1 + frac2))
	hi, lo := twoProduct(-h, h)
	s := csum + hi
	frac1 += lo
	frac2 += hi - (s - csum)
	csum = s
	x := csum - 1 + (frac1 + frac2)
	h += x / (2 * h)
	return h / scale
}

// tripleLength is CPython's TripleLength accumulator of sumprod.
type tripleLength struct{ hi, lo, tiny float64 }

// exactSum is a + b as hi + lo (CPython's dl_sum).
func exactSum(a, b float64) (float64, float64) {
	x := a + b
	z := x - a
	return x, (a - (x - z)) + (b - z)
}

func (t tripleLength) fma(x, y float64) tripleLength {
	prHi, prLo := twoProduct(x, y)
	smHi, smLo := exactSum(t.hi, prHi)
	r1Hi, r1Lo := exactSum(t.lo, prLo)
	r2Hi, r2Lo := exactSum(r1Hi, smLo)
	return tripleLength{smHi, r2Hi, t.tiny + r1Lo + r2Lo}
}

func (t tripleLength) float() float64 {
	hi, lo := exactSum(t.lo, t.hi)
	return t.tiny + lo + hi
}

// floatOrInt returns the value of an exact float or an int (bools
// included) converted to float, and whether v is one of those.
func floatOrInt(in *interp.Interp, v interp.Value, allowInt bool) (float64, bool) {
	if v.IsFloat() {
		return v.FloatValue(), true
	}
	// Exact ints only, as CPython's PyLong_CheckExact: a subclass (or
	// bool) may define its own arithmetic.
	if !allowInt || v.Type() != interp.IntType {
		return 0, false
	}
	f, err := in.ToFloat(v)
	if err != nil {
		in.DiscardError(err)
		return 0, false
	}
	return f, true
}

// sumprod is sum(map(operator.mul, p, q, strict=True)) with CPython
// 3.12's three paths: small exact ints, floats in triple length, and
// generic arithmetic, each flushed into the total when it stops.
func sumprod(in *interp.Interp, p, q interp.Value) (interp.Value, error) {
	pIt, err := in.Iter(p)
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(pIt)
	qIt, err := in.Iter(q)
	if err != nil {
		return interp.Value{}, err
	}
	defer in.DecRef(qIt)
	total := interp.Int(0)
	defer func() { in.DecRef(total) }()
	add := func(term interp.Value) error {
		t, err := in.BinaryOp(interp.OpAdd, total, term)
		if err != nil {
			return err
		}
		in.DecRef(total)
		total = t
		return nil
	}
	intPath, fltPath := true, true
	var intTotal int64
	intInUse, fltInUse := false, false
	var flt tripleLength
	for {
		pi, pOK, err := in.Next(pIt)
		if err != nil {
			return interp.Value{}, err
		}
		qi, qOK, err := in.Next(qIt)
		if err != nil {
			if pOK {
				in.DecRef(pi)
			}
			return interp.Value{}, err
		}
		release := func() {
			if pOK {
				in.DecRef(pi)
			}
			if qOK {
				in.DecRef(qi)
			}
		}
		if pOK != qOK {
			release()
			return interp.Value{}, in.Raise(interp.ValueError, "Inputs are not the same length")
		}
		finished := !pOK
		if intPath {
			if !finished && pi.IsSmallInt() && qi.IsSmallInt() {
				a, b := pi.SmallInt(), qi.SmallInt()
				if prod, ok := mulInt64(a, b); ok {
					if sum, ok := addInt64(intTotal, prod); ok {
						intTotal, intInUse = sum, true
						release()
						continue
					}
				}
			}
			intPath = false
			if intInUse {
				if err := add(interp.Int(intTotal)); err != nil {
					release()
					return interp.Value{}, err
				}
				intTotal, intInUse = 0, false
			}
		}
		if fltPath {
			if !finished {
				var x, y float64
				ok := false
				switch {
				case pi.IsFloat() && qi.IsFloat():
					x, y, ok = pi.FloatValue(), qi.FloatValue(), true
				case pi.IsFloat():
					x = pi.FloatValue()
					y, ok = floatOrInt(in, qi, true)
				case qi.IsFloat():
					y = qi.FloatValue()
					x, ok = floatOrInt(in, pi, true)
				}
				if ok {
					if next := flt.fma(x, y); isFinite(next.hi) {
						flt, fltInUse = next, true
						release()
						continue
					}
				}
			}
			fltPath = false
			if fltInUse {
				if err := add(interp.Float(flt.float())); err != nil {
					release()
					return interp.Value{}, err
				}
				flt, fltInUse = tripleLength{}, false
			}
		}
		if finished {
			incRef := total
			interp.IncRef(incRef)
			return incRef, nil
		}
		term, err := in.BinaryOp(interp.OpMul, pi, qi)
		release()
		if err != nil {
			return interp.Value{}, err
		}
		err = add(term)
		in.DecRef(term)
		if err != nil {
			return interp.Value{}, err
		}
	}
}

func mulInt64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return p, true
}

func addInt64(a, b int64) (int64, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return 0, false
	}
	return s, true
}

func init() {
	defMath("fsum", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := oneArg(in, "fsum", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		return fsum(in, args[0])
	})
	defMath("hypot", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if len(kwnames) > 0 {
			return interp.Value{}, in.Raise(interp.TypeError, "math.hypot() takes no keyword arguments")
		}
		vec := make([]float64, len(args))
		max, foundNaN := 0.0, false
		for i, a := range args {
			x, err := in.ToFloat(a)
			if err != nil {
				return interp.Value{}, err
			}
			x = math.Abs(x)
			vec[i] = x
			foundNaN = foundNaN || math.IsNaN(x)
			if x > max {
				max = x
			}
		}
		return interp.Float(vectorNorm(vec, max, foundNaN)), nil
	})
	defMath("dist", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posArgs(in, "dist", args, kwnames, 2, 2); err != nil {
			return interp.Value{}, err
		}
		var points [2][]interp.Value
		for i, a := range args {
			err := forEach(in, a, func(item interp.Value) error {
				interp.IncRef(item)
				points[i] = append(points[i], item)
				return nil
			})
			defer func(items []interp.Value) {
				for _, x := range items {
					in.DecRef(x)
				}
			}(points[i])
			if err != nil {
				return interp.Value{}, err
			}
		}
		if len(points[0]) != len(points[1]) {
			return interp.Value{}, in.Raise(interp.ValueError, "both points must have the same number of dimensions")
		}
		vec := make([]float64, len(points[0]))
		max, foundNaN := 0.0, false
		for i := range vec {
			px, err := in.ToFloat(points[0][i])
			if err != nil {
				return interp.Value{}, err
			}
			qx, err := in.ToFloat(points[1][i])
			if err != nil {
				return interp.Value{}, err
			}
			x := math.Abs(px - qx)
			vec[i] = x
			foundNaN = foundNaN || math.IsNaN(x)
			if x > max {
				max = x
			}
		}
		return interp.Float(vectorNorm(vec, max, foundNaN)), nil
	})
	defMath("sumprod", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := posArgs(in, "sumprod", args, kwnames, 2, 2); err != nil {
			return interp.Value{}, err
		}
		return sumprod(in, args[0], args[1])
	})
	defMath("prod", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if n := len(args) - len(kwnames); n != 1 {
			return interp.Value{}, in.Raise(interp.TypeError, "prod() takes exactly 1 positional argument (%d given)", n)
		}
		result := interp.Int(1)
		for i, k := range kwnames {
			if k.GoString() != "start" {
				return interp.Value{}, in.Raise(interp.TypeError, "'%s' is an invalid keyword argument for prod()", k.GoString())
			}
			result = args[1+i]
		}
		interp.IncRef(result)
		err := forEach(in, args[0], func(item interp.Value) error {
			r, err := in.BinaryOp(interp.OpMul, result, item)
			if err != nil {
				return err
			}
			in.DecRef(result)
			result = r
			return nil
		})
		if err != nil {
			in.DecRef(result)
			return interp.Value{}, err
		}
		return result, nil
	})
}
