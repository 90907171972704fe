package format

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Arg is an operand of the % operator, seen through what its conversions
// need. The interpreter adapts its values to it.
//
// Conversion methods return ok=false with a nil error when the conversion
// failed with a TypeError (the object does not support it); Percent then
// raises its own message, as CPython replaces the TypeError. Any other
// failure is returned as the error and passed through unchanged.
type Arg interface {
	// TypeName is type(v).__name__.
	TypeName() string
	// Int returns v's value when v is an int (PyLong_Check: bool and int
	// subclasses included).
	Int() (x *big.Int, ok bool)
	// Text returns v's text (WTF-8) when v is a str (PyUnicode_Check).
	Text() (s string, ok bool)
	// IsNumber is PyNumber_Check: v has __index__, __int__ or __float__,
	// or is a complex.
	IsNumber() bool
	// Long is int(v) (PyNumber_Long), used by %d %i %u for non-ints.
	Long() (x *big.Int, ok bool, err error)
	// Index is operator.index(v) (PyNumber_Index), used by %o %x %X and
	// %c for non-ints.
	Index() (x *big.Int, ok bool, err error)
	// Float is PyFloat_AsDouble(v), used by %e %f %g: the float itself, an
	// int converted with IntToFloat, or __float__/__index__; its errors
	// (such as "must be real number, not str") are the adapter's.
	Float() (float64, error)
	// Str and Repr are str(v) and repr(v).
	Str() (string, error)
	Repr() (string, error)
}

// SmallIntArg may be implemented by an Arg to give an int's value without
// a big.Int: SmallInt returns what Int would, when v is an int whose value
// fits in int64 (ok false otherwise, Int is then asked).
type SmallIntArg interface {
	SmallInt() (x int64, ok bool)
}

// Mapping is implemented by an operand that may serve %(key)s lookups.
// IsMapping is PyMapping_Check(v) (v has __getitem__) and is consulted
// only for an operand that is neither a tuple nor a str.
type Mapping interface {
	IsMapping() bool
	// Lookup is v[key] with key a str.
	Lookup(key string) (Arg, error)
}

// Percent returns format % args where the right operand is a tuple whose
// items are args, with Default's settings.
func Percent(format string, args []Arg) (string, error) {
	return Default.Percent(format, args)
}

// PercentValue returns format % v where the right operand v is not a
// tuple, with Default's settings.
func PercentValue(format string, v Arg) (string, error) {
	return Default.PercentValue(format, v)
}

// Percent returns format % args, the right operand being a tuple.
func (c Config) Percent(format string, args []Arg) (string, error) {
	p := percent{cfg: c, tuple: args, arglen: len(args)}
	return p.run(format)
}

// PercentValue returns format % v, the right operand v not being a tuple.
// When v implements Mapping and IsMapping reports true and v is not a str,
// %(key) conversions look keys up in it.
func (c Config) PercentValue(format string, v Arg) (string, error) {
	p := percent{cfg: c, single: v, arglen: -1, argidx: -2}
	if m, ok := v.(Mapping); ok && m.IsMapping() {
		if _, isStr := v.Text(); !isStr {
			p.dict = m
		}
	}
	return p.run(format)
}

// percent is the state of PyUnicode_Format, kept with CPython's argument
// bookkeeping: arglen is -1 and argidx -2 when the operand is a single
// object (or the value a mapping key selected).
type percent struct {
	cfg    Config
	tuple  []Arg
	single Arg
	arglen int
	argidx int
	dict   Mapping
}

const (
	fLJust = 1 << iota
	fSign
	fBlank
	fAlt
	fZero
)

func (p *percent) nextArg() (Arg, error) {
	if p.argidx < p.arglen {
		i := p.argidx
		p.argidx++
		if p.arglen < 0 {
			return p.single, nil
		}
		return p.tuple[i], nil
	}
	return nil, errorf(TypeError, "not enough arguments for format string")
}

func (p *percent) run(format string) (string, error) {
	var out strings.Builder
	out.Grow(len(format) + 16)
	pos := 0
	for pos < len(format) {
		if format[pos] != '%' {
			start := pos
			if i := strings.IndexByte(format[pos:], '%'); i >= 0 {
				pos += i
			} else {
				pos = len(format)
			}
			if asciiPrefix(format[start:pos]) == pos-start {
				out.WriteString(format[start:pos])
			} else {
				// Decoded and encoded again, as invalid bytes become U+FFFD.
				for i := start; i < pos; {
					r, n := decodeRune(format[i:pos])
					writeRune(&out, r)
					i += n
				}
			}
			continue
		}
		pos++
		if pos < len(format) && format[pos] == '%' {
			out.WriteByte('%')
			pos++
			continue
		}
		var err error
		if pos, err = p.conversion(format, pos, &out); err != nil {
			return "", err
		}
		if p.dict != nil && p.argidx < p.arglen {
			return "", errorf(TypeError, "not all arguments converted during string formatting")
		}
		if err := checkLen(out.Len()); err != nil {
			return "", err
		}
	}
	if p.argidx < p.arglen && p.dict == nil {
		return "", errorf(TypeError, "not all arguments converted during string formatting")
	}
	return out.String(), nil
}

// conversion parses and formats the conversion specifier that starts at
// byte pos of format, just after its '%', and returns the byte position
// after it.
func (p *percent) conversion(format string, pos int, out *strings.Builder) (int, error) {
	end := len(format)
	if pos < end && format[pos] == '(' {
		if p.dict == nil {
			return pos, errorf(TypeError, "format requires a mapping")
		}
		pos++
		start := pos
		if i := strings.IndexByte(format[pos:], ')'); i >= 0 && strings.IndexByte(format[pos:pos+i], '(') < 0 {
			pos += i + 1 // a key without parentheses of its own, as nearly all are
		} else {
			depth := 1
			for depth > 0 && pos < end {
				switch format[pos] {
				case ')':
					depth--
				case '(':
					depth++
				}
				pos++
			}
			if depth > 0 {
				return pos, errorf(ValueError, "incomplete format key")
			}
		}
		key := format[start : pos-1]
		if asciiPrefix(key) < len(key) && !utf8.ValidString(key) {
			key = string(runesToWTF8(decodeAll(key))) // invalid bytes become U+FFFD
		}
		v, err := p.dict.Lookup(key)
		if err != nil {
			return pos, err
		}
		p.single, p.arglen, p.argidx = v, -1, -2
	}
	if pos < end {
		// The bare conversions most formats are made of: no flags,
		// width or precision to parse, nothing to pad.
		switch c := format[pos]; c {
		case 's', 'r', 'd', 'i':
			s, _, err := p.format(rune(c), 0, -1, -1, format[:pos])
			if err != nil {
				return pos + 1, err
			}
			out.WriteString(s)
			return pos + 1, nil
		}
	}
	flags := 0
	var ch rune
	have := false  // ch holds an unconsumed character
	chStart := pos // where ch starts
	next := func() bool {
		if pos < end {
			chStart = pos
			if c := format[pos]; c < utf8.RuneSelf {
				ch = rune(c)
				pos++
			} else {
				r, n := decodeRune(format[pos:])
				ch = r
				pos += n
			}
			have = true
			return true
		}
		have = false
		return false
	}
flagLoop:
	for next() {
		switch ch {
		case '-':
			flags |= fLJust
		case '+':
			flags |= fSign
		case ' ':
			flags |= fBlank
		case '#':
			flags |= fAlt
		case '0':
			flags |= fZero
		default:
			break flagLoop
		}
	}
	width, prec := -1, -1
	if have && ch == '*' {
		v, err := p.nextArg()
		if err != nil {
			return pos, err
		}
		x, ok := v.Int()
		if !ok {
			return pos, errorf(TypeError, "* wants int")
		}
		if !x.IsInt64() {
			return pos, errorf(OverflowError, "Python int too large to convert to C ssize_t")
		}
		w := x.Int64()
		if w < 0 {
			flags |= fLJust
			w = -w
			if w < 0 { // math.MinInt64
				w = math.MaxInt64
			}
		}
		width = int(w)
		next()
	} else if have && ch >= '0' && ch <= '9' {
		width = int(ch - '0')
		for next() {
			if ch < '0' || ch > '9' {
				break
			}
			d := int(ch - '0')
			if width > (math.MaxInt64-d)/10 {
				return pos, errorf(ValueError, "width too big")
			}
			width = width*10 + d
		}
	}
	if have && ch == '.' {
		prec = 0
		next()
		if have && ch == '*' {
			v, err := p.nextArg()
			if err != nil {
				return pos, err
			}
			x, ok := v.Int()
			if !ok {
				return pos, errorf(TypeError, "* wants int")
			}
			if !x.IsInt64() || x.Int64() > math.MaxInt32 || x.Int64() < math.MinInt32 {
				return pos, errorf(OverflowError, "Python int too large to convert to C int")
			}
			prec = max(int(x.Int64()), 0)
			next()
		} else if have && ch >= '0' && ch <= '9' {
			prec = int(ch - '0')
			for next() {
				if ch < '0' || ch > '9' {
					break
				}
				d := int(ch - '0')
				if prec > (math.MaxInt32-d)/10 {
					return pos, errorf(ValueError, "precision too big")
				}
				prec = prec*10 + d
			}
		}
	}
	if have && (ch == 'h' || ch == 'l' || ch == 'L') {
		next()
	}
	if !have {
		return pos, errorf(ValueError, "incomplete format")
	}
	s, sign, err := p.format(ch, flags, width, prec, format[:chStart])
	if err != nil {
		return pos, err
	}
	return pos, p.output(out, s, ch, sign, flags, width, prec)
}

// format is unicode_format_arg_format: it converts the next argument for
// conversion ch and reports whether the result carries a numeric sign.
//
// before is the format's text before ch, whose length in code points is
// the index an error reports.
func (p *percent) format(ch rune, flags, width, prec int, before string) (string, bool, error) {
	v, err := p.nextArg()
	if err != nil {
		return "", false, err
	}
	switch ch {
	case 's':
		s, err := v.Str()
		return s, false, err
	case 'r':
		s, err := v.Repr()
		return s, false, err
	case 'a':
		s, err := v.Repr()
		return ASCII(s), false, err
	case 'i', 'd', 'u', 'o', 'x', 'X':
		s, err := p.formatLong(v, ch, flags&fAlt != 0, prec)
		return s, true, err
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, err := v.Float()
		if err != nil {
			return "", false, err
		}
		if prec < 0 {
			prec = 6
		}
		if err := checkLen(prec); err != nil {
			return "", false, err
		}
		return doubleToString(f, byte(ch), prec, floatFlags{alt: flags&fAlt != 0}), true, nil
	case 'c':
		if t, ok := v.Text(); ok {
			if runeCount(t) != 1 {
				return "", false, errorf(TypeError, "%%c requires int or char")
			}
			return t, false, nil
		}
		x, ok := v.Int()
		if !ok {
			var err error
			x, ok, err = v.Index()
			if err != nil {
				return "", false, err
			}
			if !ok {
				return "", false, errorf(TypeError, "%%c requires int or char")
			}
		}
		if !x.IsInt64() || x.Int64() < 0 || x.Int64() > 0x10ffff {
			return "", false, errorf(OverflowError, "%%c arg not in range(0x110000)")
		}
		return string(appendRune(nil, rune(x.Int64()))), false, nil
	}
	c := '?'
	if ch >= 31 && ch <= 126 {
		c = ch
	}
	return "", false, errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", c, ch, runeCount(before))
}

// formatLong is mainformatlong and _PyUnicode_FormatLong.
func (p *percent) formatLong(v Arg, ch rune, alt bool, prec int) (string, error) {
	wrong := func() error {
		if ch == 'o' || ch == 'x' || ch == 'X' {
			return errorf(TypeError, "%%%c format: an integer is required, not %s", ch, v.TypeName())
		}
		return errorf(TypeError, "%%%c format: a real number is required, not %s", ch, v.TypeName())
	}
	if si, ok := v.(SmallIntArg); ok {
		if x, ok := si.SmallInt(); ok {
			return p.formatInt64(x, ch, alt, prec)
		}
	}
	x, ok := v.Int()
	if !ok {
		if !v.IsNumber() {
			return "", wrong()
		}
		var err error
		if ch == 'o' || ch == 'x' || ch == 'X' {
			x, ok, err = v.Index()
		} else {
			x, ok, err = v.Long()
		}
		if err != nil {
			return "", err
		}
		if !ok {
			return "", wrong()
		}
	}
	var digits, prefix string
	switch ch {
	case 'o':
		digits, prefix = x.Text(8), "0o"
	case 'x':
		digits, prefix = x.Text(16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(x.Text(16)), "0X"
	default:
		var err error
		if digits, err = reprBigInt(x, p.cfg.MaxStrDigits); err != nil {
			return "", err
		}
	}
	return signPrefixDigits(digits, prefix, alt, prec)
}

// signPrefixDigits puts digits (which may start with '-') together with
// the sign, the prefix of an alternate form and the zeros the precision
// asks for.
func signPrefixDigits(digits, prefix string, alt bool, prec int) (string, error) {
	sign := ""
	if digits[0] == '-' {
		sign, digits = "-", digits[1:]
	}
	if !alt {
		prefix = ""
	}
	if prec > len(digits) {
		if err := checkLen(prec); err != nil {
			return "", err
		}
		digits = strings.Repeat("0", prec-len(digits)) + digits
	}
	return sign + prefix + digits, nil
}

// formatInt64 is formatLong for an int that fits in int64.
func (p *percent) formatInt64(x int64, ch rune, alt bool, prec int) (string, error) {
	var digits, prefix string
	switch ch {
	case 'o':
		digits, prefix = strconv.FormatInt(x, 8), "0o"
	case 'x':
		digits, prefix = strconv.FormatInt(x, 16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(strconv.FormatInt(x, 16)), "0X"
	default:
		var err error
		if digits, err = p.cfg.decimal(anyInt{small: x}); err != nil {
			return "", err
		}
	}
	if !alt && prec <= len(digits)-1 {
		return digits, nil // nothing to add, even when x < 0
	}
	return signPrefixDigits(digits, prefix, alt, prec)
}

// output is unicode_format_arg_output: it pads s (the converted text) into
// out according to the flags, width and precision.
func (p *percent) output(out *strings.Builder, s string, ch rune, sign bool, flags, width, prec int) error {
	fill := ' '
	if sign && flags&fZero != 0 {
		fill = '0'
	}
	if width < 0 && prec < 0 && flags&(fSign|fBlank) == 0 {
		out.WriteString(s)
		return nil
	}
	n := runeCount(s)
	if (width < 0 || width <= n) && (prec < 0 || prec >= n) && flags&(fSign|fBlank) == 0 {
		out.WriteString(s)
		return nil
	}
	if ch == 's' || ch == 'r' || ch == 'a' {
		if prec >= 0 && n > prec {
			s = runePrefix(s, prec)
			n = prec
		}
	}
	var signChar byte
	if sign {
		switch {
		case s[0] == '-' || s[0] == '+':
			signChar = s[0]
			s = s[1:]
			n--
		case flags&fSign != 0:
			signChar = '+'
		case flags&fBlank != 0:
			signChar = ' '
		default:
			sign = false
		}
	}
	if width < n {
		width = n
	}
	if err := checkLen(width); err != nil {
		return err
	}
	if sign {
		if fill != ' ' {
			out.WriteByte(signChar)
		}
		if width > n {
			width--
		}
	}
	altPrefix := flags&fAlt != 0 && (ch == 'x' || ch == 'X' || ch == 'o')
	if altPrefix {
		if fill != ' ' {
			out.WriteString(s[:2])
			s = s[2:]
		}
		width = max(width-2, 0)
		n -= 2
	}
	if width > n && flags&fLJust == 0 {
		writeFill(out, fill, width-n)
		width = n
	}
	if fill == ' ' {
		if sign {
			out.WriteByte(signChar)
		}
		if altPrefix {
			out.WriteString(s[:2])
			s = s[2:]
		}
	}
	out.WriteString(s)
	if width > n {
		writeFill(out, ' ', width-n)
	}
	return nil
}

func runesToWTF8(rs []rune) []byte {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		b = appendRune(b, r)
	}
	return b
}
