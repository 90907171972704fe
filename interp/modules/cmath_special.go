package modules

import "math"

// The special values of the cmath functions for arguments with an
// infinite or NaN part: C99 Annex G's results, as CPython 3.12's tables
// hold them (read from CPython's answers). Rows are indexed by the
// special type of the real part, columns by that of the imaginary part
// (see specialType). Entries marked cmUnused are never read: both parts
// finite, or the function computes the value itself (an infinite part
// with a finite nonzero other part), or it raises.

// The special types of a float, in the tables' order.
const (
	stNInf  = iota // -inf
	stNeg          // negative finite nonzero
	stNZero        // -0.0
	stPZero        // +0.0
	stPos          // positive finite nonzero
	stPInf         // +inf
	stNaN
)

// specialType classifies d for the tables.
func specialType(d float64) int {
	switch {
	case math.IsNaN(d):
		return stNaN
	case math.IsInf(d, 1):
		return stPInf
	case math.IsInf(d, -1):
		return stNInf
	case d == 0:
		if math.Signbit(d) {
			return stNZero
		}
		return stPZero
	case d < 0:
		return stNeg
	}
	return stPos
}

var (
	cmInf    = math.Inf(1)
	cmNaN    = math.NaN()
	cmNZ     = math.Copysign(0, -1)
	cmPi     = math.Pi
	cmPi2    = math.Pi / 2
	cmPi4    = math.Pi / 4
	cmPi34   = 3 * math.Pi / 4
	cmUnused = complex(cmNaN, cmNaN)
)

var (
	acosSpecial = [7][7]complex128{
		{complex(cmPi34, cmInf), complex(cmPi, cmInf), complex(cmPi, cmInf), complex(cmPi, -cmInf), complex(cmPi, -cmInf), complex(cmPi34, -cmInf), complex(cmNaN, cmInf)},
		{complex(cmPi2, cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmPi2, -cmInf), complex(cmNaN, cmNaN)},
		{complex(cmPi2, cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmPi2, -cmInf), complex(cmPi2, cmNaN)},
		{complex(cmPi2, cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmPi2, -cmInf), complex(cmPi2, cmNaN)},
		{complex(cmPi2, cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmPi2, -cmInf), complex(cmNaN, cmNaN)},
		{complex(cmPi4, cmInf), complex(0, cmInf), complex(0, cmInf), complex(0, -cmInf), complex(0, -cmInf), complex(cmPi4, -cmInf), complex(cmNaN, cmInf)},
		{complex(cmNaN, cmInf), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, -cmInf), complex(cmNaN, cmNaN)},
	}
	acoshSpecial = [7][7]complex128{
		{complex(cmInf, -cmPi34), complex(cmInf, -cmPi), complex(cmInf, -cmPi), complex(cmInf, cmPi), complex(cmInf, cmPi), complex(cmInf, cmPi34), complex(cmInf, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi4), complex(cmInf, cmNZ), complex(cmInf, cmNZ), complex(cmInf, 0), complex(cmInf, 0), complex(cmInf, cmPi4), complex(cmInf, cmNaN)},
		{complex(cmInf, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmInf, cmNaN), complex(cmNaN, cmNaN)},
	}
	asinhSpecial = [7][7]complex128{
		{complex(-cmInf, -cmPi4), complex(-cmInf, cmNZ), complex(-cmInf, cmNZ), complex(-cmInf, 0), complex(-cmInf, 0), complex(-cmInf, cmPi4), complex(-cmInf, cmNaN)},
		{complex(-cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(-cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(-cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(-cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi4), complex(cmInf, cmNZ), complex(cmInf, cmNZ), complex(cmInf, 0), complex(cmInf, 0), complex(cmInf, cmPi4), complex(cmInf, cmNaN)},
		{complex(cmInf, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNZ), complex(cmNaN, 0), complex(cmNaN, cmNaN), complex(cmInf, cmNaN), complex(cmNaN, cmNaN)},
	}
	atanhSpecial = [7][7]complex128{
		{complex(cmNZ, -cmPi2), complex(cmNZ, -cmPi2), complex(cmNZ, -cmPi2), complex(cmNZ, cmPi2), complex(cmNZ, cmPi2), complex(cmNZ, cmPi2), complex(cmNZ, cmNaN)},
		{complex(cmNZ, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNZ, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmNZ, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNZ, cmPi2), complex(cmNZ, cmNaN)},
		{complex(0, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(0, cmPi2), complex(0, cmNaN)},
		{complex(0, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(0, cmPi2), complex(cmNaN, cmNaN)},
		{complex(0, -cmPi2), complex(0, -cmPi2), complex(0, -cmPi2), complex(0, cmPi2), complex(0, cmPi2), complex(0, cmPi2), complex(0, cmNaN)},
		{complex(0, -cmPi2), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(0, cmPi2), complex(cmNaN, cmNaN)},
	}
	coshSpecial = [7][7]complex128{
		{cmUnused, cmUnused, complex(cmInf, 0), complex(cmInf, cmNZ), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, 0)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, 0)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, complex(cmInf, cmNZ), complex(cmInf, 0), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, 0), complex(cmNaN, 0), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN)},
	}
	expSpecial = [7][7]complex128{
		{complex(0, 0), cmUnused, complex(0, cmNZ), complex(0, 0), cmUnused, complex(0, 0), complex(0, 0)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, complex(cmInf, cmNZ), complex(cmInf, 0), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNZ), complex(cmNaN, 0), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN)},
	}
	logSpecial = [7][7]complex128{
		{complex(cmInf, -cmPi34), complex(cmInf, -cmPi), complex(cmInf, -cmPi), complex(cmInf, cmPi), complex(cmInf, cmPi), complex(cmInf, cmPi34), complex(cmInf, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi2), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmPi2), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmPi4), complex(cmInf, cmNZ), complex(cmInf, cmNZ), complex(cmInf, 0), complex(cmInf, 0), complex(cmInf, cmPi4), complex(cmInf, cmNaN)},
		{complex(cmInf, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmInf, cmNaN), complex(cmNaN, cmNaN)},
	}
	sinhSpecial = [7][7]complex128{
		{cmUnused, cmUnused, complex(-cmInf, cmNZ), complex(-cmInf, 0), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(0, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(0, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, complex(cmInf, cmNZ), complex(cmInf, 0), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNZ), complex(cmNaN, 0), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN)},
	}
	sqrtSpecial = [7][7]complex128{
		{complex(cmInf, -cmInf), complex(0, -cmInf), complex(0, -cmInf), complex(0, cmInf), complex(0, cmInf), complex(cmInf, cmInf), complex(cmNaN, cmInf)},
		{complex(cmInf, -cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmInf), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmInf), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmInf), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmInf), cmUnused, cmUnused, cmUnused, cmUnused, complex(cmInf, cmInf), complex(cmNaN, cmNaN)},
		{complex(cmInf, -cmInf), complex(cmInf, cmNZ), complex(cmInf, cmNZ), complex(cmInf, 0), complex(cmInf, 0), complex(cmInf, cmInf), complex(cmInf, cmNaN)},
		{complex(cmInf, -cmInf), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmInf, cmInf), complex(cmNaN, cmNaN)},
	}
	tanhSpecial = [7][7]complex128{
		{complex(-1, 0), cmUnused, complex(-1, cmNZ), complex(-1, 0), cmUnused, complex(-1, 0), complex(-1, 0)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{complex(1, 0), cmUnused, complex(1, cmNZ), complex(1, 0), cmUnused, complex(1, 0), complex(1, 0)},
		{complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNZ), complex(cmNaN, 0), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN)},
	}
	rectSpecial = [7][7]complex128{
		{cmUnused, cmUnused, complex(-cmInf, 0), complex(-cmInf, cmNZ), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{complex(0, 0), cmUnused, cmUnused, cmUnused, cmUnused, complex(0, 0), complex(0, 0)},
		{complex(0, 0), cmUnused, cmUnused, cmUnused, cmUnused, complex(0, 0), complex(0, 0)},
		{cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, cmUnused, complex(cmNaN, cmNaN)},
		{cmUnused, cmUnused, complex(cmInf, cmNZ), complex(cmInf, 0), cmUnused, cmUnused, complex(cmInf, cmNaN)},
		{complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, 0), complex(cmNaN, 0), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN), complex(cmNaN, cmNaN)},
	}
)
