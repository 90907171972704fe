package interp

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parsing numbers from text: int(str, base), float(str), float.fromhex
// and float.hex, with CPython's grammar (whitespace, signs, underscores
// between digits, base prefixes, Unicode digits) and messages.

// isPySpace is Py_ISSPACE: the ASCII whitespace C's isspace accepts.
func isPySpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// numberText prepares the text of a str for the number parsers as
// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII does: Unicode
// decimal digits become their ASCII digit, Unicode whitespace a space,
// and any other non-ASCII character '?', which no parser accepts.
func numberText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
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
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + decimalValue(r)))
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// decimalValue is the digit value of a Unicode decimal digit (category
// Nd). Unicode assigns those in contiguous runs of ten from zero, so the
// value is the distance from the start of the run modulo ten.
func decimalValue(r rune) int {
	start := r
	for start > 0 && unicode.IsDigit(start-1) {
		start--
	}
	return int(r-start) % 10
}

// intDigitValue is the value of an ASCII digit or letter in bases up to 36,
// or 99 for any other byte.
func intDigitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// intLiteral is the outcome of scanning the text of int(text, base).
type intLiteral struct {
	neg      bool
	base     int
	digits   string // the digits, underscores removed
	oldOctal bool   // base 0 with a leading 0: only zero is valid
}

// scanIntText checks text (ASCII, see numberText) against the grammar of
// int(): optional whitespace, a sign, a base prefix where base allows one,
// digits of the base with single underscores between them, whitespace.
// ok is false when text does not match.
func scanIntText(s string, base int) (lit intLiteral, ok bool) {
	i, n := 0, len(s)
	for i < n && isPySpace(s[i]) {
		i++
	}
	if i < n && (s[i] == '+' || s[i] == '-') {
		lit.neg = s[i] == '-'
		i++
	}
	prefix := func(c byte) int {
		switch c {
		case 'x', 'X':
			return 16
		case 'o', 'O':
			return 8
		case 'b', 'B':
			return 2
		}
		return 0
	}
	if base == 0 {
		switch {
		case i >= n || s[i] != '0':
			base = 10
		case i+1 < n && prefix(s[i+1]) != 0:
			base = prefix(s[i+1])
		default:
			base, lit.oldOctal = 10, true
		}
	}
	lit.base = base
	if i+1 < n && s[i] == '0' && prefix(s[i+1]) == base {
		i += 2
		if i < n && s[i] == '_' { // one underscore may follow the prefix
			i++
		}
	}
	start, underscores := i, 0
	prevDigit := false
	for ; i < n; i++ {
		c := s[i]
		if c == '_' {
			if !prevDigit {
				return lit, false
			}
			prevDigit = false
			underscores++
			continue
		}
		if intDigitValue(c) >= base {
			break
		}
		prevDigit = true
	}
	if !prevDigit { // no digits, or a trailing underscore
		return lit, false
	}
	lit.digits = s[start:i]
	for i < n && isPySpace(s[i]) {
		i++
	}
	if i != n {
		return lit, false
	}
	if underscores > 0 {
		lit.digits = strings.ReplaceAll(lit.digits, "_", "")
	}
	return lit, true
}

// truncCodePoints cuts s to at most n code points, as CPython's %.200R does
// with a repr in a message.
func truncCodePoints(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// intFromText is int(v, base) for a str or a bytes-like v (see
// isNumberSource): CPython's PyLong_FromUnicodeObject and
// _PyLong_FromBytes.
func (in *Interp) intFromText(v Value, base int) (Value, error) {
	var text string
	isStr := v.Type().IsSubtype(strType)
	if isStr {
		text = numberText(v.GoString())
	} else {
		b, _ := bytesData(v)
		text = string(b)
	}
	lit, ok := scanIntText(text, base)
	if !ok {
		return Value{}, in.invalidIntLiteral(v, base, isStr)
	}
	if lit.base&(lit.base-1) != 0 && in.maxStrDigits > 0 && len(lit.digits) > in.maxStrDigits {
		return Value{}, in.raise(valueErrorType, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", in.maxStrDigits, len(lit.digits))
	}
	if u, err := strconv.ParseUint(lit.digits, lit.base, 64); err == nil {
		switch {
		case lit.oldOctal && u != 0:
			return Value{}, in.invalidIntLiteral(v, base, isStr)
		case !lit.neg && u <= math.MaxInt64:
			return Int(int64(u)), nil
		case lit.neg && u <= 1<<63:
			return Int(int64(-u)), nil
		}
	}
	if len(lit.digits) > maxIntBits/4 {
		return Value{}, in.memoryError()
	}
	var z big.Int
	if _, ok := z.SetString(lit.digits, lit.base); !ok {
		return Value{}, in.invalidIntLiteral(v, base, isStr)
	}
	if lit.oldOctal && z.Sign() != 0 {
		return Value{}, in.invalidIntLiteral(v, base, isStr)
	}
	if lit.neg {
		z.Neg(&z)
	}
	return in.newInt(&z)
}

// invalidIntLiteral is int()'s ValueError, showing the text's repr cut
// to 200 characters (a bytes-like text is cut to 200 bytes first).
func (in *Interp) invalidIntLiteral(v Value, base int, isStr bool) error {
	var shown Value
	var err error
	if isStr {
		shown, err = in.Repr(v)
	} else {
		b, _ := bytesData(v)
		b = b[:min(len(b), 200)]
		var tmp Value
		if tmp, err = in.newBytes(append([]byte(nil), b...)); err != nil {
			return err
		}
		shown, err = in.Repr(tmp)
		in.decRef(tmp)
	}
	if err != nil {
		return err
	}
	defer in.decRef(shown)
	return in.raise(valueErrorType, "invalid literal for int() with base %d: %s", base, truncCodePoints(shown.GoString(), 200))
}

// parseFloatText parses the text of float() (ASCII, see numberText):
// whitespace, underscores between digits, a sign, a decimal number with
// optional fraction and exponent, or inf, infinity or nan in any case.
// ok is false when text does not match; out-of-range values round to
// infinity or zero as CPython's strtod does.
func parseFloatText(s string) (f float64, ok bool) {
	i, j := 0, len(s)
	for i < j && isPySpace(s[i]) {
		i++
	}
	for j > i && isPySpace(s[j-1]) {
		j--
	}
	s = s[i:j]
	if strings.IndexByte(s, '_') >= 0 {
		isDigit := func(k int) bool { return k >= 0 && k < len(s) && s[k] >= '0' && s[k] <= '9' }
		var b strings.Builder
		for k := 0; k < len(s); k++ {
			if s[k] == '_' {
				if !isDigit(k-1) || !isDigit(k+1) {
					return 0, false
				}
				continue
			}
			b.WriteByte(s[k])
		}
		s = b.String()
	}
	if f, ok := parseInfNaN(s); ok {
		return f, true
	}
	if !validDecimalFloat(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	return f, true
}

// parseInfNaN parses an optionally signed inf, infinity or nan, in any
// case; a negative nan keeps its sign bit, as CPython's does.
func parseInfNaN(s string) (float64, bool) {
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	switch strings.ToLower(s) {
	case "inf", "infinity":
		return math.Inf(int(sign)), true
	case "nan":
		return math.Copysign(quietNaN, sign), true
	}
	return 0, false
}

// validDecimalFloat reports whether s is [sign] digits [. digits]
// [e [sign] digits] with at least one mantissa digit.
func validDecimalFloat(s string) bool {
	i, n := 0, len(s)
	if i < n && (s[i] == '+' || s[i] == '-') {
		i++
	}
	mant := 0
	for i < n && s[i] >= '0' && s[i] <= '9' {
		i++
		mant++
	}
	if i < n && s[i] == '.' {
		i++
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
			mant++
		}
	}
	if mant == 0 {
		return false
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < n && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == n
}

// floatFromText is float(v) for a str or a bytes-like v (see
// isNumberSource).
func (in *Interp) floatFromText(v Value) (Value, error) {
	var text string
	if v.Type().IsSubtype(strType) {
		text = numberText(v.GoString())
	} else {
		b, _ := bytesData(v)
		text = string(b)
	}
	if f, ok := parseFloatText(text); ok {
		return Float(f), nil
	}
	r, err := in.Repr(v)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(r)
	return Value{}, in.raise(valueErrorType, "could not convert string to float: %s", r.GoString())
}

// floatHex is float.hex(): 0x1.<13 hex digits>p<exponent> for normal
// numbers, a leading 0 and exponent -1022 for subnormal ones.
func floatHex(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case x == 0:
		if math.Signbit(x) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	bits := math.Float64bits(x)
	mant := bits & (1<<52 - 1)
	exp := int(bits>>52&0x7ff) - 1023
	lead := "1"
	if exp == -1023 { // subnormal
		lead, exp = "0", -1022
	}
	h := strconv.FormatUint(mant, 16)
	h = strings.Repeat("0", 13-len(h)) + h
	sign := ""
	if x < 0 {
		sign = "-"
	}
	esign := "+"
	if exp < 0 {
		esign, exp = "-", -exp
	}
	return sign + "0x" + lead + "." + h + "p" + esign + strconv.Itoa(exp)
}

// floatFromHex parses float.fromhex's text: whitespace, a sign, inf or
// nan, or an optional 0x, hex digits with an optional point, and an
// optional binary exponent p[sign]digits. The result is correctly
// rounded (ties to even); ok is false for bad text, overflow true when
// the value is too large for a float.
func floatFromHex(s string) (f float64, ok, overflow bool) {
	i, n := 0, len(s)
	for i < n && isPySpace(s[i]) {
		i++
	}
	for n > i && isPySpace(s[n-1]) {
		n--
	}
	s = s[i:n]
	if f, ok := parseInfNaN(s); ok {
		return f, true, false
	}
	i, n = 0, len(s)
	neg := false
	if i < n && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	if i+1 < n && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') {
		i += 2
	}
	var mant big.Int
	ndigits, fracDigits := 0, 0
	var word uint64
	wordDigits := 0
	flush := func() {
		if wordDigits > 0 {
			mant.Lsh(&mant, uint(4*wordDigits))
			mant.Or(&mant, new(big.Int).SetUint64(word))
			word, wordDigits = 0, 0
		}
	}
	seenPoint := false
	for ; i < n; i++ {
		c := s[i]
		if c == '.' && !seenPoint {
			seenPoint = true
			continue
		}
		d := intDigitValue(c)
		if d >= 16 {
			break
		}
		word = word<<4 | uint64(d)
		wordDigits++
		if wordDigits == 15 {
			flush()
		}
		ndigits++
		if seenPoint {
			fracDigits++
		}
	}
	flush()
	if ndigits == 0 {
		return 0, false, false
	}
	exp := int64(0)
	if i < n && (s[i] == 'p' || s[i] == 'P') {
		i++
		eneg := false
		if i < n && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		edigits := 0
		for ; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
			if exp < 1<<40 { // beyond any float's range; stop growing
				exp = exp*10 + int64(s[i]-'0')
			}
			edigits++
		}
		if edigits == 0 {
			return 0, false, false
		}
		if eneg {
			exp = -exp
		}
	}
	if i != n {
		return 0, false, false
	}
	sign := 1.0
	if neg {
		sign = -1
	}
	if mant.Sign() == 0 {
		return math.Copysign(0, sign), true, false
	}
	exp -= 4 * int64(fracDigits)
	// The value is mant * 2**exp; its top bit is worth 2**top.
	top := int64(mant.BitLen()) - 1 + exp
	switch {
	case top > 1024:
		return 0, true, true
	case top < -1076:
		return math.Copysign(0, sign), true, false
	}
	var bf big.Float
	bf.SetPrec(uint(mant.BitLen())).SetInt(&mant)
	bf.SetMantExp(&bf, int(exp))
	f, _ = bf.Float64() // rounds to nearest even, subnormals included
	if math.IsInf(f, 0) {
		return 0, true, true
	}
	return sign * f, true, false
}
