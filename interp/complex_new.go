package interp

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// complex(real=0, imag=0): CPython's complex_new, with its conversions
// (__complex__, __float__, __index__, the text of a str) and messages.

// complexNew makes an instance of complex, or of a class t derived from
// it, from the arguments of complex().
func complexNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	var r, i Value
	if len(args) > 2 {
		// Argument clinic counts keywords too before matching them.
		return Value{}, in.raise(typeErrorType, "complex() takes at most 2 arguments (%d given)", len(args))
	}
	if err := in.parseArgs("complex", args, kwnames, []string{"real", "imag"}, 0, &r, &i); err != nil {
		return Value{}, err
	}
	if r.IsNil() {
		r = Int(0)
	}
	if r.Type() == complexType && i.IsNil() && t == complexType {
		incRef(r)
		return r, nil
	}
	if r.Type().IsSubtype(strType) {
		if !i.IsNil() {
			return Value{}, in.raise(typeErrorType, "complex() can't take second arg if first is a string")
		}
		return in.complexFromString(t, r)
	}
	if !i.IsNil() && i.Type().IsSubtype(strType) {
		return Value{}, in.raise(typeErrorType, "complex() second arg can't be a string")
	}
	if isClassInstance(r) {
		c, found, err := in.callSpecial(r, "__complex__")
		if err != nil {
			return Value{}, err
		}
		if found {
			if !isComplex(c) {
				in.decRef(c)
				return Value{}, in.raise(typeErrorType, "__complex__ returned non-complex (type %s)", c.Type().Name)
			}
			defer in.decRef(c)
			r = c
		}
	}
	if ok, err := in.complexArgIsNumber(r); err != nil || !ok {
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.raise(typeErrorType, "complex() first argument must be a string or a number, not '%s'", r.Type().Name)
	}
	if !i.IsNil() {
		if ok, err := in.complexArgIsNumber(i); err != nil || !ok {
			if err != nil {
				return Value{}, err
			}
			return Value{}, in.raise(typeErrorType, "complex() second argument must be a number, not '%s'", i.Type().Name)
		}
	}
	// The result is r + i*1j, where either may itself be complex.
	var cr, ci complexPair
	crComplex, ciComplex := false, false
	if isComplex(r) {
		cr.re, cr.im = complexParts(r)
		crComplex = true
	} else {
		f, err := in.numberFloat(r)
		if err != nil {
			return Value{}, err
		}
		cr.re = f.FloatValue()
	}
	switch {
	case i.IsNil():
		ci.re = cr.im
	case isComplex(i):
		ci.re, ci.im = complexParts(i)
		ciComplex = true
	default:
		f, err := in.numberFloat(i)
		if err != nil {
			return Value{}, err
		}
		ci.re = f.FloatValue()
	}
	if ciComplex {
		cr.re -= ci.im
	}
	if crComplex && !i.IsNil() {
		ci.re += cr.im
	}
	return in.newComplexOf(t, cr.re, ci.re)
}

// complexArgIsNumber is complex()'s test of a non-string argument: an
// int, a float, a complex, or an object with __float__ or __index__.
func (in *Interp) complexArgIsNumber(v Value) (bool, error) {
	if isFloat(v) || isInt(v) || isComplex(v) {
		return true, nil
	}
	if !isClassInstance(v) {
		return false, nil
	}
	for _, name := range []string{"__float__", "__index__"} {
		attr, err := in.lookupString(v.Type(), name)
		if err != nil || !attr.IsNil() {
			return err == nil, err
		}
	}
	return false, nil
}

// complexText prepares the text of a str for parsing as CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII does: Unicode whitespace
// becomes a space and Unicode decimal digits their ASCII digit; at the
// first other non-ASCII character (or DEL) the text ends with '?'.
func complexText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 127 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 127:
			b.WriteByte(byte(r))
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + decimalValue(r)))
		default:
			b.WriteByte('?')
			return b.String()
		}
	}
	return b.String()
}

// complexFromString is complex(s) for a str s.
func (in *Interp) complexFromString(t *Type, v Value) (Value, error) {
	s := complexText(v.GoString())
	// Underscores must sit between digits (checked up to a NUL, as the
	// C code's loop stops there); they are then dropped.
	nul := strings.IndexByte(s, 0)
	if nul < 0 {
		nul = len(s)
	}
	if strings.IndexByte(s[:nul], '_') >= 0 {
		ok := nul == len(s)
		var b strings.Builder
		prev := byte(0)
		for k := 0; k < nul && ok; k++ {
			c := s[k]
			if c == '_' {
				ok = prev >= '0' && prev <= '9'
			} else {
				ok = prev != '_' || c >= '0' && c <= '9'
				b.WriteByte(c)
			}
			prev = c
		}
		if !ok || prev == '_' {
			r, err := in.Repr(v)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(r)
			return Value{}, in.raise(valueErrorType, "could not convert string to complex: %s", r.GoString())
		}
		s = b.String()
	}
	re, im, ok := parseComplexText(s)
	if !ok {
		return Value{}, in.raise(valueErrorType, "complex() arg is a malformed string")
	}
	return in.newComplexOf(t, re, im)
}

// parseComplexText parses the forms complex() accepts, optionally in
// parentheses and surrounded by whitespace: <float>, <float>j,
// <float><signed float>j, and the older <float><sign>j, <sign>j and j.
func parseComplexText(s string) (re, im float64, ok bool) {
	i := 0
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	skipSpace := func() {
		for i < len(s) && isPySpace(s[i]) {
			i++
		}
	}
	isJ := func(c byte) bool { return c == 'j' || c == 'J' }
	sign := func(c byte) float64 {
		if c == '-' {
			return -1
		}
		return 1
	}
	skipSpace()
	bracket := at(i) == '('
	if bracket {
		i++
		skipSpace()
	}
	if z, n := strtodPrefix(s[i:]); n > 0 {
		i += n
		switch c := at(i); {
		case c == '+' || c == '-':
			re = z
			if y, n := strtodPrefix(s[i:]); n > 0 {
				im = y
				i += n
			} else {
				im = sign(c)
				i++
			}
			if !isJ(at(i)) {
				return 0, 0, false
			}
			i++
		case isJ(c):
			im = z
			i++
		default:
			re = z
		}
	} else {
		im = 1
		if c := at(i); c == '+' || c == '-' {
			im = sign(c)
			i++
		}
		if !isJ(at(i)) {
			return 0, 0, false
		}
		i++
	}
	skipSpace()
	if bracket {
		if at(i) != ')' {
			return 0, 0, false
		}
		i++
		skipSpace()
	}
	return re, im, i == len(s)
}

// strtodPrefix parses the longest prefix of s that is a float, as
// CPython's _PyOS_ascii_strtod does: a sign, digits with an optional
// point and exponent, or inf, infinity or nan in any case. n is the
// length parsed, 0 when s does not begin with a float. Out-of-range
// values become infinities or zeros.
func strtodPrefix(s string) (f float64, n int) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	isDigit := func(k int) bool { return k < len(s) && s[k] >= '0' && s[k] <= '9' }
	digits := 0
	for ; isDigit(i); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; isDigit(i); i++ {
			digits++
		}
	}
	if digits == 0 {
		return infNaNPrefix(s)
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		k := i + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if isDigit(k) {
			for isDigit(k) {
				k++
			}
			i = k
		}
	}
	f, err := strconv.ParseFloat(s[:i], 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, 0
		}
	}
	return f, i
}

// infNaNPrefix is _Py_parse_inf_or_nan: an optionally signed inf,
// infinity or nan at the start of s, in any case.
func infNaNPrefix(s string) (float64, int) {
	i := 0
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	match := func(word string) bool {
		return len(s)-i >= len(word) && strings.EqualFold(s[i:i+len(word)], word)
	}
	var f float64
	switch {
	case match("inf"):
		i += 3
		if match("inity") {
			i += 5
		}
		f = math.Inf(1)
	case match("nan"):
		i += 3
		f = quietNaN
	default:
		return 0, 0
	}
	if neg {
		f = math.Copysign(f, -1)
	}
	return f, i
}
