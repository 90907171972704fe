package interp

// More of the exported API, for the cmath module (interp/modules/cmath*.go):
// its complex arguments (it makes its results with NewComplex, in
// api_ast.go), and the pieces of CPython's complex arithmetic it reuses
// (_Py_c_quot, and glibc's hypot behind abs).

// AsComplex converts v as PyComplex_AsCComplex does: a complex's value,
// else what v.__complex__() returns (TypeError "__complex__ returned
// non-complex (type int)" unless a complex), else a float through
// ToFloat ("must be real number, not str").
func (in *Interp) AsComplex(v Value) (complex128, error) {
	if isComplex(v) {
		re, im := complexParts(v)
		return complex(re, im), nil
	}
	r, found, err := in.callSpecial(v, "__complex__")
	if err != nil {
		return 0, err
	}
	if found {
		defer in.decRef(r)
		if !isComplex(r) {
			return 0, in.raise(typeErrorType, "__complex__ returned non-complex (type %s)", r.Type().Name)
		}
		re, im := complexParts(r)
		return complex(re, im), nil
	}
	f, err := in.ToFloat(v)
	return complex(f, 0), err
}

// ComplexQuot is CPython's _Py_c_quot, a / b as complex division
// computes it; zeroDiv reports a zero b (CPython's EDOM).
func ComplexQuot(a, b complex128) (q complex128, zeroDiv bool) {
	r, zeroDiv := complexQuot(complexPair{real(a), imag(a)}, complexPair{real(b), imag(b)})
	return complex(r.re, r.im), zeroDiv
}

// Hypot is glibc's hypot, which CPython's abs of a complex calls.
func Hypot(x, y float64) float64 { return libmHypot(x, y) }
