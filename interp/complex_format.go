package interp

import (
	"math"
	"strings"

	"github.com/parallel-py/parallel/interp/format"
)

// format() of a complex number: CPython's format_complex_internal. Both
// parts are formatted as floats with the same presentation type, the
// imaginary part always signed (unless the real part is left out), then
// the whole is padded; zero padding and '=' alignment are refused.

// complexFormatMethod is complex.__format__(format_spec).
func complexFormatMethod(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "complex.__format__() takes no keyword arguments")
	}
	if len(args) != 2 {
		return Value{}, in.raise(typeErrorType, "complex.__format__() takes exactly one argument (%d given)", len(args)-1)
	}
	if args[1].Type() != strType {
		return Value{}, in.raise(typeErrorType, "__format__() argument must be str, not %s", args[1].Type().Name)
	}
	return in.formatComplex(args[0], args[1].GoString())
}

// formatComplex is format(v, spec) for a complex v: str(v) for an empty
// spec, as CPython's does.
func (in *Interp) formatComplex(v Value, spec string) (Value, error) {
	if spec == "" {
		return in.Str(v)
	}
	re, im := complexParts(v)
	s, err := formatComplexText(re, im, spec, v.Type().Name)
	if err != nil {
		return Value{}, in.formatError(err)
	}
	return in.NewStr(s)
}

// specChar renders a presentation type or separator the way CPython's
// messages do: printable ASCII as itself, anything else as \x and hex.
func specChar(c rune) string {
	if c > 32 && c < 128 {
		return string(c)
	}
	return sprintf("\\x%x", c)
}

// formatComplexText formats re+imj under a non-empty spec; typeName
// appears in errors.
func formatComplexText(re, im float64, specText, typeName string) (string, error) {
	spec, err := format.ParseSpec(specText, typeName)
	if err != nil {
		return "", err
	}
	// The separator check of CPython's spec parser, which knows nothing
	// of the type being formatted.
	if spec.Grouping != 0 {
		switch spec.Type {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		case 'b', 'o', 'x', 'X':
			if spec.Grouping == ',' {
				return "", &format.Error{Kind: format.ValueError, Msg: sprintf("Cannot specify ',' with '%s'.", specChar(spec.Type))}
			}
		default:
			return "", &format.Error{Kind: format.ValueError, Msg: sprintf("Cannot specify '%c' with '%s'.", spec.Grouping, specChar(spec.Type))}
		}
	}
	switch spec.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return "", &format.Error{Kind: format.ValueError, Msg: sprintf("Unknown format code '%s' for object of type '%s'", specChar(spec.Type), typeName)}
	}
	if spec.HasPrecision && spec.Precision > math.MaxInt32 {
		return "", &format.Error{Kind: format.ValueError, Msg: "precision too big"}
	}
	if spec.ZeroPad || spec.Fill == '0' {
		return "", &format.Error{Kind: format.ValueError, Msg: "Zero padding is not allowed in complex format specifier"}
	}
	if spec.Align == '=' {
		return "", &format.Error{Kind: format.ValueError, Msg: "'=' alignment flag is not allowed in complex format specifier"}
	}
	if spec.Precision > format.MaxLen || spec.Width > format.MaxLen {
		return "", &format.Error{Kind: format.MemoryError}
	}

	typ := byte(spec.Type)
	prec, defaultPrec := -1, 6
	if spec.HasPrecision {
		prec = spec.Precision
	}
	skipRe, parens := false, false
	if typ == 0 {
		// Like str(), with the shortest digits.
		typ, defaultPrec = 'r', 0
		if re == 0 && !math.Signbit(re) {
			skipRe = true
		} else {
			parens = true
		}
	}
	if typ == 'n' {
		typ = 'g' // in the C locale
	}
	if prec < 0 {
		prec = defaultPrec
	} else if typ == 'r' {
		typ = 'g'
	}
	sep := rune(0)
	if spec.Type != 'n' {
		sep = spec.Grouping
	}
	part := func(f float64, sign rune) string {
		s := format.FloatToString(f, typ, prec, spec.Alternate, false, false)
		neg := strings.HasPrefix(s, "-")
		if neg {
			s = s[1:]
			if spec.NoNegZero && allZeroDigits(s) {
				neg = false
			}
		}
		var b strings.Builder
		switch {
		case neg:
			b.WriteByte('-')
		case sign == '+' || sign == ' ':
			b.WriteRune(sign)
		}
		d := 0
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		b.WriteString(groupThousands(s[:d], sep))
		b.WriteString(s[d:])
		return b.String()
	}
	var body strings.Builder
	if parens {
		body.WriteByte('(')
	}
	imSign := spec.Sign
	if !skipRe {
		body.WriteString(part(re, spec.Sign))
		imSign = '+'
	}
	body.WriteString(part(im, imSign))
	body.WriteByte('j')
	if parens {
		body.WriteByte(')')
	}
	text := body.String() // ASCII: its length is its code point count
	fill := spec.Fill
	if fill == 0 {
		fill = ' '
	}
	left, right := 0, 0
	if pad := spec.Width - len(text); pad > 0 {
		switch spec.Align {
		case '<':
			right = pad
		case '^':
			left = pad / 2
			right = pad - left
		default:
			left = pad
		}
	}
	if left == 0 && right == 0 {
		return text, nil
	}
	f := string(appendCP(nil, fill))
	return strings.Repeat(f, left) + text + strings.Repeat(f, right), nil
}

// allZeroDigits reports whether the mantissa of a formatted float (the
// part before any exponent) has digits and all of them are zeros: the
// 'z' option then drops the minus sign.
func allZeroDigits(s string) bool {
	digits := 0
	for i := 0; i < len(s) && s[i] != 'e' && s[i] != 'E'; i++ {
		switch c := s[i]; {
		case c == '0':
			digits++
		case c >= '1' && c <= '9':
			return false
		case c != '.':
			return false // inf, nan
		}
	}
	return digits > 0
}

// groupThousands inserts sep between groups of three digits from the
// right; sep 0 means no grouping.
func groupThousands(digits string, sep rune) string {
	if sep == 0 || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += 3 {
		b.WriteRune(sep)
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
