package syntax

// This file implements Python 3.12's repr() of the values a Constant can
// hold: str, bytes, int, float, complex, bool, None and Ellipsis. The
// interpreter reuses these functions for its own repr, so they follow
// CPython's algorithms (Objects/unicodeobject.c unicode_repr,
// Objects/bytesobject.c PyBytes_Repr, Python/pystrtod.c format_float_short,
// Objects/complexobject.c complex_repr, Objects/longobject.c
// long_to_decimal_string_internal) rather than Go's formatting.

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// IsPrintable reports whether the code point r is printable in the sense of
// Python 3.12's str.isprintable, which decides what repr() escapes: every
// character except those in the Unicode categories Cc, Cf, Cs, Co, Cn, Zl,
// Zp and Zs, with the ASCII space the one printable Zs.
//
// That set is exactly the complement of Go's unicode.IsPrint while Go's
// Unicode tables have CPython 3.12's version, 15.0.0; TestIsPrintableCPython
// checks every code point against CPython and TestUnicodeVersion fails when
// Go's tables move on.
func IsPrintable(r rune) bool {
	if r < 0x7f {
		return r >= ' '
	}
	if r < 0xa1 {
		return false // DEL, C1 controls and NO-BREAK SPACE
	}
	return unicode.IsPrint(r)
}

// ReprString returns Python's repr() of the str s, whose text is WTF-8:
// UTF-8 in which a lone surrogate U+D800..U+DFFF is stored as its 3-byte
// encoding. The result is quoted with ' unless s contains ' and no ", and
// escapes backslash, the chosen quote, \t \n \r, other non-printable
// characters as \xhh, \uhhhh or \Uhhhhhhhh, and surrogates as \udxxx. A byte
// that is neither valid UTF-8 nor a WTF-8 surrogate cannot come from a
// Python str; each such byte is shown as U+FFFD, unescaped.
func ReprString(s string) string {
	return string(AppendReprString(make([]byte, 0, len(s)+2), s))
}

// AppendReprString appends ReprString(s) to dst and returns the result.
func AppendReprString(dst []byte, s string) []byte {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	dst = append(dst, quote)
	start := 0 // s[start:i] is pending literal text
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c < 0x7f && c != '\\' && c != quote {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', quote:
				dst = append(dst, '\\', c)
			case '\t':
				dst = append(dst, '\\', 't')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			default:
				dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if sr, ok := wtf8Surrogate(s[i:]); ok {
				dst = append(dst, s[start:i]...)
				dst = appendUEscape(dst, sr)
				i += 3
				start = i
				continue
			}
			// Not a str byte: show U+FFFD, which is printable.
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\ufffd"...)
			i++
			start = i
			continue
		}
		if IsPrintable(r) {
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = appendUEscape(dst, r)
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, quote)
}

// appendUEscape appends the escape repr() uses for the non-printable code
// point r >= 0x7f: \xhh, \uhhhh or \Uhhhhhhhh.
func appendUEscape(dst []byte, r rune) []byte {
	switch {
	case r <= 0xff:
		return append(dst, '\\', 'x', hexDigits[r>>4], hexDigits[r&15])
	case r <= 0xffff:
		return append(dst, '\\', 'u',
			hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
	}
	return append(dst, '\\', 'U',
		hexDigits[r>>28&15], hexDigits[r>>24&15], hexDigits[r>>20&15], hexDigits[r>>16&15],
		hexDigits[r>>12&15], hexDigits[r>>8&15], hexDigits[r>>4&15], hexDigits[r&15])
}

// wtf8Surrogate decodes a lone surrogate stored as ED A0..BF 80..BF at the
// start of s.
func wtf8Surrogate(s string) (rune, bool) {
	if len(s) < 3 || s[0] != 0xed || s[1] < 0xa0 || s[1] > 0xbf || s[2] < 0x80 || s[2] > 0xbf {
		return 0, false
	}
	return 0xd000 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f), true
}

// ReprBytes returns Python's repr() of a bytes object: b'...' (or b"..."
// when b contains ' and no "), escaping backslash, the quote, \t \n \r,
// and every other byte outside 0x20..0x7e as \xhh.
func ReprBytes[B ~string | ~[]byte](b B) string {
	return string(AppendReprBytes(make([]byte, 0, len(b)+3), b))
}

// AppendReprBytes appends ReprBytes(b) to dst and returns the result.
func AppendReprBytes[B ~string | ~[]byte](dst []byte, b B) []byte {
	quote := byte('\'')
	hasSingle, hasDouble := false, false
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\'':
			hasSingle = true
		case '"':
			hasDouble = true
		}
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	dst = append(dst, 'b', quote)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' || c == quote:
			dst = append(dst, '\\', c)
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c < ' ' || c >= 0x7f:
			dst = append(dst, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, quote)
}

// ReprFloat returns Python's repr() of f: the shortest decimal string that
// reads back as f. Writing f as d.ddd×10**e, it is positional when
// -4 <= e < 16, with ".0" added when there is no fractional part ("1.5",
// "0.0001", "1000000000000000.0", "-0.0"), and otherwise in exponent form
// with a sign and at least two exponent digits ("1e+16", "1.5e-05",
// "1e-300"). Infinities are "inf" and "-inf"; every NaN is "nan".
func ReprFloat(f float64) string {
	var buf [32]byte
	return string(AppendReprFloat(buf[:0], f))
}

// AppendReprFloat appends ReprFloat(f) to dst and returns the result.
func AppendReprFloat(dst []byte, f float64) []byte {
	return appendFloatRepr(dst, f, true, false)
}

// ReprComplex returns Python's repr() of c: "1.5j" when the real part is
// +0.0, otherwise "(re+imj)" with parentheses; parts use ReprFloat's rules
// without the ".0" ("1e+16j", "(1+2j)", "(-0+0j)", "infj", "(nan+nanj)").
func ReprComplex(c complex128) string {
	var buf [64]byte
	return string(AppendReprComplex(buf[:0], c))
}

// AppendReprComplex appends ReprComplex(c) to dst and returns the result.
func AppendReprComplex(dst []byte, c complex128) []byte {
	re, im := real(c), imag(c)
	if re == 0 && !math.Signbit(re) {
		dst = appendFloatRepr(dst, im, false, false)
		return append(dst, 'j')
	}
	dst = append(dst, '(')
	dst = appendFloatRepr(dst, re, false, false)
	dst = appendFloatRepr(dst, im, false, true)
	return append(dst, 'j', ')')
}

// appendFloatRepr formats f as CPython's PyOS_double_to_string(f, 'r', 0,
// flags) does: addDot0 is Py_DTSF_ADD_DOT_0, sign is Py_DTSF_SIGN.
func appendFloatRepr(dst []byte, f float64, addDot0, sign bool) []byte {
	switch {
	case math.IsNaN(f):
		// CPython drops the sign of a NaN.
		if sign {
			dst = append(dst, '+')
		}
		return append(dst, "nan"...)
	case math.IsInf(f, 1):
		if sign {
			dst = append(dst, '+')
		}
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	}
	// Shortest round-trip digits from Go, as d.ddddde±XX.
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	var digits [24]byte
	nd := 0
	i := 0
	for ; i < len(e) && e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[nd] = e[i]
			nd++
		}
	}
	exp := 0
	expNeg := e[i+1] == '-'
	for _, c := range e[i+2:] {
		exp = exp*10 + int(c-'0')
	}
	if expNeg {
		exp = -exp
	}
	decpt := exp + 1 // f = 0.d1d2... * 10**decpt

	if neg {
		dst = append(dst, '-')
	} else if sign {
		dst = append(dst, '+')
	}
	d := digits[:nd]
	if decpt <= -4 || decpt > 16 {
		dst = append(dst, d[0])
		if nd > 1 {
			dst = append(dst, '.')
			dst = append(dst, d[1:]...)
		}
		dst = append(dst, 'e')
		if exp < 0 {
			dst = append(dst, '-')
			exp = -exp
		} else {
			dst = append(dst, '+')
		}
		if exp < 10 {
			dst = append(dst, '0')
		}
		return strconv.AppendInt(dst, int64(exp), 10)
	}
	switch {
	case decpt <= 0:
		dst = append(dst, '0', '.')
		for k := decpt; k < 0; k++ {
			dst = append(dst, '0')
		}
		dst = append(dst, d...)
	case decpt >= nd:
		dst = append(dst, d...)
		for k := nd; k < decpt; k++ {
			dst = append(dst, '0')
		}
		if addDot0 {
			dst = append(dst, '.', '0')
		}
	default:
		dst = append(dst, d[:decpt]...)
		dst = append(dst, '.')
		dst = append(dst, d[decpt:]...)
	}
	return dst
}

// DefaultMaxStrDigits is CPython's default limit on the number of decimal
// digits in an int converted to or from a string
// (sys.get_int_max_str_digits(), PEP 651's -X int_max_str_digits).
const DefaultMaxStrDigits = 4300

// IntMaxStrDigitsError is the ValueError CPython raises when repr() or str()
// of an int would have more than Limit decimal digits (not counting the
// sign).
type IntMaxStrDigitsError struct {
	Limit int
}

func (e *IntMaxStrDigitsError) Error() string {
	return fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", e.Limit)
}

// ReprBigInt returns the decimal repr() of x, or an *IntMaxStrDigitsError
// when maxDigits > 0 and x has more than maxDigits digits, as CPython does
// under sys.set_int_max_str_digits(maxDigits). Values too long are rejected
// from their bit length before any conversion when that already proves the
// limit is exceeded.
func ReprBigInt(x *big.Int, maxDigits int) (string, error) {
	if maxDigits > 0 {
		// |x| >= 2**(bits-1), so it has at least
		// floor((bits-1)*log10(2))+1 digits.
		bits := x.BitLen()
		if bits > 0 && int(float64(bits-1)*math.Log10(2))+1 > maxDigits {
			return "", &IntMaxStrDigitsError{maxDigits}
		}
	}
	s := x.String()
	n := len(s)
	if x.Sign() < 0 {
		n--
	}
	if maxDigits > 0 && n > maxDigits {
		return "", &IntMaxStrDigitsError{maxDigits}
	}
	return s, nil
}

// ReprConstant returns Python's repr() of a ConstantValue: None, True,
// False, Ellipsis, ints, floats, complex numbers, str and bytes. The only
// error is an *IntMaxStrDigitsError for a *big.Int with more than
// DefaultMaxStrDigits digits, which CPython's repr() refuses too.
func ReprConstant(v ConstantValue) (string, error) {
	b, err := AppendReprConstant(nil, v)
	return string(b), err
}

// AppendReprConstant appends ReprConstant(v) to dst and returns the result;
// on error dst is returned unchanged.
func AppendReprConstant(dst []byte, v ConstantValue) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(dst, "None"...), nil
	case bool:
		if v {
			return append(dst, "True"...), nil
		}
		return append(dst, "False"...), nil
	case int64:
		return strconv.AppendInt(dst, v, 10), nil
	case *big.Int:
		s, err := ReprBigInt(v, DefaultMaxStrDigits)
		if err != nil {
			return dst, err
		}
		return append(dst, s...), nil
	case float64:
		return AppendReprFloat(dst, v), nil
	case complex128:
		return AppendReprComplex(dst, v), nil
	case string:
		return AppendReprString(dst, v), nil
	case Bytes:
		return AppendReprBytes(dst, v), nil
	case EllipsisType:
		return append(dst, "Ellipsis"...), nil
	}
	return dst, fmt.Errorf("syntax: %T is not a constant value", v)
}
