package format

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/parallel-py/parallel/interp/syntax"
)

// Config carries the per-interpreter settings the engines need. The
// package-level functions use Default.
type Config struct {
	// MaxStrDigits is sys.get_int_max_str_digits(): the most decimal
	// digits an int may be converted to; 0 means no limit.
	MaxStrDigits int
}

// Default is the configuration of a fresh CPython 3.12.
var Default = Config{MaxStrDigits: syntax.DefaultMaxStrDigits}

// FormatInt formats x under spec as int.__format__ does, with
// Default's settings. See Config.FormatInt.
func FormatInt(x *big.Int, spec Spec, typeName string) (string, error) {
	return Default.FormatInt(x, spec, typeName)
}

// FormatFloat formats f under spec as float.__format__ does. See
// Config.FormatFloat.
func FormatFloat(f float64, spec Spec, typeName string) (string, error) {
	return Default.FormatFloat(f, spec, typeName)
}

// Int parses spec and formats x with it, with Default's settings. An empty
// spec gives str(x); for a subclass of int CPython calls str(obj) instead,
// which is the caller's business.
func Int(x *big.Int, spec, typeName string) (string, error) {
	return Default.Int(x, spec, typeName)
}

// Float parses spec and formats f with it; an empty spec gives repr(f).
func Float(f float64, spec, typeName string) (string, error) {
	return Default.Float(f, spec, typeName)
}

// Int parses spec and formats x with it. An empty spec gives str(x).
func (c Config) Int(x *big.Int, spec, typeName string) (string, error) {
	if spec == "" {
		return syntax.ReprBigInt(x, c.MaxStrDigits)
	}
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	return c.FormatInt(x, sp, typeName)
}

// Int64 is Int for an int that fits in int64, with Default's settings.
func Int64(x int64, spec, typeName string) (string, error) {
	return Default.Int64(x, spec, typeName)
}

// Int64 is Int for an int that fits in int64: the same text and errors,
// without a big.Int.
func (c Config) Int64(x int64, spec, typeName string) (string, error) {
	if spec == "" {
		return c.decimal(anyInt{small: x})
	}
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	return c.formatInt(anyInt{small: x}, sp, typeName)
}

// FormatInt64 is FormatInt for an int that fits in int64.
func (c Config) FormatInt64(x int64, spec Spec, typeName string) (string, error) {
	return c.formatInt(anyInt{small: x}, spec, typeName)
}

// anyInt is an int being formatted: big when it is not nil, else small,
// so that the common ints need no big.Int.
type anyInt struct {
	small int64
	big   *big.Int
}

// text is x.Text(base) (lower-case digits, a leading '-').
func (x anyInt) text(base int) string {
	if x.big != nil {
		return x.big.Text(base)
	}
	return strconv.FormatInt(x.small, base)
}

// int64 returns x when it fits in int64.
func (x anyInt) int64() (int64, bool) {
	if x.big != nil {
		return x.big.Int64(), x.big.IsInt64()
	}
	return x.small, true
}

// toFloat is IntToFloat(x).
func (x anyInt) toFloat() (float64, error) {
	if x.big != nil {
		return IntToFloat(x.big)
	}
	return float64(x.small), nil // rounds to nearest, ties to even
}

// decimal is str(x) under the MaxStrDigits limit.
func (c Config) decimal(x anyInt) (string, error) {
	if x.big != nil {
		return syntax.ReprBigInt(x.big, c.MaxStrDigits)
	}
	s := strconv.FormatInt(x.small, 10)
	n := len(s)
	if x.small < 0 {
		n--
	}
	if c.MaxStrDigits > 0 && n > c.MaxStrDigits {
		return "", &syntax.IntMaxStrDigitsError{Limit: c.MaxStrDigits}
	}
	return s, nil
}

// Float parses spec and formats f with it. An empty spec gives repr(f).
func (c Config) Float(f float64, spec, typeName string) (string, error) {
	if spec == "" {
		return syntax.ReprFloat(f), nil
	}
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	return c.FormatFloat(f, sp, typeName)
}

// IntToFloat converts x to the nearest float64 (ties to even), or returns
// CPython's OverflowError when it is out of range.
func IntToFloat(x *big.Int) (float64, error) {
	if x.IsInt64() {
		v := x.Int64()
		if v >= -(1<<53) && v <= 1<<53 {
			return float64(v), nil
		}
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	if math.IsInf(f, 0) {
		return 0, errorf(OverflowError, "int too large to convert to float")
	}
	return f, nil
}

// FormatInt formats x under spec as int.__format__ does (for a spec that is
// not empty): types b c d o x X n, none (d), and e E f F g G % through
// float(x). 'n' uses the C locale: no grouping. typeName appears in
// errors.
func (c Config) FormatInt(x *big.Int, spec Spec, typeName string) (string, error) {
	return c.formatInt(anyInt{big: x}, spec, typeName)
}

func (c Config) formatInt(x anyInt, spec Spec, typeName string) (string, error) {
	typ := spec.Type
	if typ == 0 && !spec.nulType {
		typ = 'd'
	}
	size, sep, err := spec.grouping(typ)
	if err != nil {
		return "", err
	}
	switch typ {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, err := x.toFloat()
		if err != nil {
			return "", err
		}
		return formatFloat(f, spec, typ)
	default:
		return "", unknownType(typ, typeName)
	}
	if spec.HasPrecision {
		return "", errorf(ValueError, "Precision not allowed in integer format specifier")
	}
	if spec.NoNegZero {
		return "", errorf(ValueError, "Negative zero coercion (z) not allowed in integer format specifier")
	}
	fill, align := spec.fillAlign('>')
	n := number{sign: spec.Sign, fill: fill, align: align, width: spec.Width, group: size, sep: sep}
	if typ == 'c' {
		if spec.Sign != 0 {
			return "", errorf(ValueError, "Sign not allowed with integer format specifier 'c'")
		}
		if spec.Alternate {
			return "", errorf(ValueError, "Alternate form (#) not allowed with integer format specifier 'c'")
		}
		v, ok := x.int64()
		if !ok {
			return "", errorf(OverflowError, "Python int too large to convert to C long")
		}
		if v < 0 || v > 0x10ffff {
			return "", errorf(OverflowError, "%%c arg not in range(0x110000)")
		}
		n.remainder = string(appendRune(nil, rune(v)))
		n.remainderLen = 1
		return n.render()
	}
	var digits string
	switch typ {
	case 'b':
		digits, n.prefix = x.text(2), "0b"
	case 'o':
		digits, n.prefix = x.text(8), "0o"
	case 'x':
		digits, n.prefix = x.text(16), "0x"
	case 'X':
		digits, n.prefix = strings.ToUpper(x.text(16)), "0X"
	default:
		digits, err = c.decimal(x)
		if err != nil {
			return "", err
		}
	}
	if !spec.Alternate {
		n.prefix = ""
	}
	n.whole = digits
	if digits[0] == '-' {
		n.negative = true
		digits = digits[1:]
	}
	n.digits = digits
	return n.render()
}

// number is a number's text split the way calc_number_widths sees it:
//
//	<lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
type number struct {
	negative     bool
	prefix       string // "0x" etc., ASCII
	digits       string // ASCII digits to group
	hasDecimal   bool   // a '.' follows the digits
	remainder    string // what follows the decimal point (or the digits)
	remainderLen int    // its length in code points
	// whole, when not empty, is the text the parts were cut from: the
	// optional '-', the digits, the decimal point and the remainder. It
	// is the result when nothing is added, saving a copy.
	whole string

	sign  rune // from the spec: '+', ' ', '-' or 0
	fill  rune
	align rune
	width int
	group int  // group size, 0 for no grouping
	sep   rune // separator
}

func (n *number) render() (string, error) {
	signChar := rune(0)
	switch {
	case n.negative:
		signChar = '-'
	case n.sign == '+':
		signChar = '+'
	case n.sign == ' ':
		signChar = ' '
	}
	nSign := 0
	if signChar != 0 {
		nSign = 1
	}
	nDecimal := 0
	if n.hasDecimal {
		nDecimal = 1
	}
	nonDigits := nSign + len(n.prefix) + nDecimal + n.remainderLen
	minWidth := 0
	if n.fill == '0' && n.align == '=' {
		minWidth = n.width - nonDigits
	}
	var g digitGroups
	var groups [8]digitGroup // on the stack for up to 8 groups
	if len(n.digits) > 0 {
		if err := checkLen(max(minWidth, 0)); err != nil {
			return "", err
		}
		g = digitGroups{n.digits, n.sep, planGroups(groups[:0], len(n.digits), minWidth, n.group)}
	}
	groupedLen := g.codePoints()
	var left, inner, right int
	if padding := n.width - (nonDigits + groupedLen); padding > 0 {
		if err := checkLen(n.width); err != nil {
			return "", err
		}
		switch n.align {
		case '<':
			right = padding
		case '^':
			left = padding / 2
			right = padding - left
		case '=':
			inner = padding
		default:
			left = padding
		}
	}
	if n.whole != "" && left+inner+right == 0 && g.plain() && len(n.prefix) == 0 && (signChar == 0 || n.negative) {
		return n.whole, nil
	}
	var b strings.Builder
	fl := runeLen(n.fill)
	b.Grow((left+inner+right)*fl + nSign + len(n.prefix) + g.bytes() + nDecimal + len(n.remainder))
	writeFill(&b, n.fill, left)
	if signChar != 0 {
		b.WriteByte(byte(signChar))
	}
	b.WriteString(n.prefix)
	writeFill(&b, n.fill, inner)
	g.write(&b)
	if n.hasDecimal {
		b.WriteByte('.')
	}
	b.WriteString(n.remainder)
	writeFill(&b, n.fill, right)
	return b.String(), nil
}

// digitGroups is a plan of digits with separators and leading zeros, as
// _PyUnicode_InsertThousandsGrouping lays them out: groups from the right,
// each some zeros then some of the digits, separated by sep.
type digitGroups struct {
	digits string
	sep    rune
	groups []digitGroup // right to left
}

type digitGroup struct{ zeros, chars int }

// planGroups groups nDigits digits by size from the right (size 0: no
// grouping) and pads them with zeros, grouped too, to at least minWidth
// code points, appending the groups to buf.
func planGroups(buf []digitGroup, nDigits, minWidth, size int) []digitGroup {
	minWidth = max(minWidth, 0)
	remaining := nDigits
	for size > 0 {
		l := min(size, max(remaining, minWidth, 1))
		chars := max(0, min(remaining, l))
		buf = append(buf, digitGroup{zeros: max(0, l-remaining), chars: chars})
		remaining -= chars
		minWidth -= l
		if remaining <= 0 && minWidth <= 0 {
			return buf
		}
		minWidth-- // the separator is one code point
	}
	l := max(remaining, minWidth, 1)
	return append(buf, digitGroup{zeros: max(0, l-remaining), chars: max(0, min(remaining, l))})
}

// plain reports whether the plan is the digits alone.
func (g *digitGroups) plain() bool {
	return len(g.groups) == 1 && g.groups[0].zeros == 0
}

// codePoints is the length of the grouped text in code points.
func (g *digitGroups) codePoints() int {
	if len(g.groups) == 0 {
		return 0
	}
	n := len(g.groups) - 1 // separators
	for _, x := range g.groups {
		n += x.zeros + x.chars
	}
	return n
}

// bytes is the length of the grouped text in bytes.
func (g *digitGroups) bytes() int {
	if len(g.groups) == 0 {
		return 0
	}
	return g.codePoints() + (len(g.groups)-1)*(runeLen(g.sep)-1)
}

// write appends the grouped text to b.
func (g *digitGroups) write(b *strings.Builder) {
	pos := 0
	for i := len(g.groups) - 1; i >= 0; i-- {
		x := g.groups[i]
		writeFill(b, '0', x.zeros)
		b.WriteString(g.digits[pos : pos+x.chars])
		pos += x.chars
		if i > 0 {
			writeRune(b, g.sep)
		}
	}
}

// FormatFloat formats f under spec as float.__format__ does (for a spec
// that is not empty): types e E f F g G n % and none, which is like repr()
// without a precision and like 'g' with at least one digit after the
// point with one. 'n' uses the C locale. typeName appears in errors.
func (c Config) FormatFloat(f float64, spec Spec, typeName string) (string, error) {
	switch spec.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		// The separator check comes first, as in CPython's parser.
		if _, _, err := spec.grouping(spec.Type); err != nil {
			return "", err
		}
		return "", unknownType(spec.Type, typeName)
	}
	return formatFloat(f, spec, spec.Type)
}

// formatFloat is format_float_internal: f under spec with presentation
// type typ (0 for none).
func formatFloat(f float64, spec Spec, typ rune) (string, error) {
	size, sep, err := spec.grouping(typ)
	if err != nil {
		return "", err
	}
	if spec.HasPrecision && spec.Precision > math.MaxInt32 {
		return "", errorf(ValueError, "precision too big")
	}
	prec := -1
	if spec.HasPrecision {
		prec = spec.Precision
	}
	fl := floatFlags{alt: spec.Alternate, noNegZero: spec.NoNegZero}
	defaultPrec := 6
	code := byte(typ)
	switch typ {
	case 0:
		fl.addDot0 = true
		code = 'r'
		defaultPrec = 0
	case 'n':
		code = 'g'
	}
	pct := false
	if code == '%' {
		code = 'f'
		f *= 100
		pct = true
	}
	if prec < 0 {
		prec = defaultPrec
	} else if code == 'r' {
		code = 'g'
	}
	if err := checkLen(prec); err != nil {
		return "", err
	}
	s := doubleToString(f, code, prec, fl)
	if pct {
		s += "%"
	}
	fill, align := spec.fillAlign('>')
	n := number{sign: spec.Sign, fill: fill, align: align, width: spec.Width, group: size, sep: sep, whole: s}
	if s[0] == '-' {
		n.negative = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n.digits = s[:i]
	if i < len(s) && s[i] == '.' {
		n.hasDecimal = true
		i++
	}
	n.remainder = s[i:]
	n.remainderLen = len(n.remainder)
	return n.render()
}

type floatFlags struct {
	sign      bool // always add a sign
	addDot0   bool // add ".0" to an integral value without exponent
	alt       bool // '#': keep the decimal point (and 'g' trailing zeros)
	noNegZero bool // 'z'
}

// doubleToString is PyOS_double_to_string: code is one of e E f F g G r
// ('r' is repr's shortest digits; its precision must be 0).
func doubleToString(f float64, code byte, prec int, fl floatFlags) string {
	upper := false
	switch code {
	case 'E', 'F', 'G':
		upper = true
		code += 'a' - 'A'
	}
	mode := 0
	switch code {
	case 'e':
		mode = 2
		prec++
	case 'f':
		mode = 3
	case 'g':
		mode = 2
		if prec == 0 {
			prec = 1
		}
	}
	return formatFloatShort(f, code, mode, prec, fl, upper)
}

// dtoa returns the decimal digits of |f| (finite) with trailing zeros
// removed and the position of the decimal point, as David Gay's _Py_dg_dtoa
// does: mode 0 gives the shortest digits that read back as f, mode 2 ndigits
// significant digits, mode 3 ndigits digits after the point. Rounding is
// correct and ties go to even, on the exact binary value.
func dtoa(dst []byte, f float64, mode, ndigits int) (digits []byte, decpt int) {
	f = math.Abs(f)
	if f == 0 {
		return append(dst, '0'), 1
	}
	if mode == 3 {
		buf := strconv.AppendFloat(dst, f, 'f', ndigits, 64)
		intLen := len(buf)
		if dot := indexByte(buf, '.'); dot >= 0 {
			intLen = dot
			buf = append(buf[:dot], buf[dot+1:]...)
		}
		lz := 0
		for lz < len(buf) && buf[lz] == '0' {
			lz++
		}
		digits = trimZeros(buf[lz:])
		if len(digits) == 0 {
			return digits, -ndigits
		}
		return digits, intLen - lz
	}
	p := -1
	if mode == 2 {
		p = ndigits - 1
	}
	buf := strconv.AppendFloat(dst, f, 'e', p, 64)
	e := indexByte(buf, 'e')
	exp := 0
	for _, c := range buf[e+2:] {
		exp = exp*10 + int(c-'0')
	}
	if buf[e+1] == '-' {
		exp = -exp
	}
	mant := buf[:e]
	if len(mant) > 1 { // d.ddd
		mant = append(mant[:1], mant[2:]...)
	}
	return trimZeros(mant), exp + 1
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func trimZeros(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	return b
}

// formatFloatShort is pystrtod.c's format_float_short.
func formatFloatShort(f float64, code byte, mode, prec int, fl floatFlags, upper bool) string {
	neg := math.Signbit(f)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		s := "inf"
		if math.IsNaN(f) {
			s, neg = "nan", false
		}
		if upper {
			s = strings.ToUpper(s)
		}
		if neg {
			return "-" + s
		}
		if fl.sign {
			return "+" + s
		}
		return s
	}
	var dbuf [40]byte // room for most digit strings, on the stack
	digits, decpt := dtoa(dbuf[:0], f, mode, prec)
	if fl.noNegZero && neg && (len(digits) == 0 || (len(digits) == 1 && digits[0] == '0')) {
		neg = false
	}
	vEnd := len(digits)
	useExp := false
	switch code {
	case 'e':
		useExp = true
		vEnd = prec
	case 'f':
		vEnd = decpt + prec
	case 'g':
		limit := prec
		if fl.addDot0 {
			limit = prec - 1
		}
		if decpt <= -4 || decpt > limit {
			useExp = true
		}
		if fl.alt {
			vEnd = prec
		}
	case 'r':
		if decpt <= -4 || decpt > 16 {
			useExp = true
		}
	}
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	vStart := 0
	if decpt <= 0 {
		vStart = decpt - 1
	}
	if !useExp && fl.addDot0 {
		vEnd = max(vEnd, decpt+1)
	} else {
		vEnd = max(vEnd, decpt)
	}
	nd := len(digits)
	var obuf [48]byte
	b := obuf[:0]
	if need := 8 + vEnd - vStart; need > len(obuf) {
		b = make([]byte, 0, need)
	}
	if neg {
		b = append(b, '-')
	} else if fl.sign {
		b = append(b, '+')
	}
	zeros := func(n int) {
		for ; n > 0; n-- {
			b = append(b, '0')
		}
	}
	if decpt <= 0 {
		zeros(decpt - vStart)
		b = append(b, '.')
		zeros(-decpt)
	} else {
		zeros(-vStart)
	}
	if 0 < decpt && decpt <= nd {
		b = append(b, digits[:decpt]...)
		b = append(b, '.')
		b = append(b, digits[decpt:]...)
	} else {
		b = append(b, digits...)
	}
	if nd < decpt {
		zeros(decpt - nd)
		b = append(b, '.')
		zeros(vEnd - decpt)
	} else {
		zeros(vEnd - nd)
	}
	if b[len(b)-1] == '.' && !fl.alt {
		b = b[:len(b)-1]
	}
	if useExp {
		if upper {
			b = append(b, 'E')
		} else {
			b = append(b, 'e')
		}
		if exp < 0 {
			b = append(b, '-')
			exp = -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(exp), 10)
	}
	return string(b)
}

// FloatToString is PyOS_double_to_string for callers outside this
// package (float.__repr__, round(), %-style and 'g' formatting): code is one
// of e E f F g G and r (shortest repr digits, prec ignored), alt is '#',
// sign forces a sign, addDot0 adds ".0" to integral results without an
// exponent.
func FloatToString(f float64, code byte, prec int, alt, sign, addDot0 bool) string {
	if code == 'r' {
		prec = 0
	}
	return doubleToString(f, code, prec, floatFlags{alt: alt, sign: sign, addDot0: addDot0})
}

func reprBigInt(x *big.Int, maxDigits int) (string, error) {
	return syntax.ReprBigInt(x, maxDigits)
}
