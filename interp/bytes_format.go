package interp

import (
	"math"
	"math/big"
	"strconv"

	"github.com/parallel-py/parallel/interp/format"
)

// bytes % args (PEP 461): CPython's _PyBytes_FormatEx. The numeric
// conversions go through the format package's % engine, which formats
// numbers for str % exactly as for bytes %; %s, %b, %r, %a and %c are
// done here.

// bytesPercent formats fmt (the bytes of self) with args.
func (in *Interp) bytesPercent(fmtb []byte, args Value) ([]byte, error) {
	var tuple []Value
	arglen, argidx := -1, -2
	if args.Type() == tupleType || args.Type().IsSubtype(tupleType) {
		tuple = asObject[Tuple](args).items
		arglen, argidx = len(tuple), 0
	}
	// A mapping operand serves %(key)s; anything subscriptable counts,
	// except the sequences that are always plain operands.
	var dict Value
	if args.Type().getitem != nil && tuple == nil && !isBytesValue(args) && !isByteArray(args) && !isStrValue(args) {
		dict = args
	}
	nextArg := func() (Value, error) {
		if argidx < arglen {
			i := argidx
			argidx++
			if arglen < 0 {
				return args, nil
			}
			return tuple[i], nil
		}
		return Value{}, in.raise(typeErrorType, "not enough arguments for format string")
	}
	var held []Value // values looked up by key, released at the end
	defer func() { in.releaseBytesItems(held) }()

	out := make([]byte, 0, len(fmtb)+16)
	for i := 0; i < len(fmtb); {
		c := fmtb[i]
		if c != '%' {
			j := i
			for j < len(fmtb) && fmtb[j] != '%' {
				j++
			}
			out = append(out, fmtb[i:j]...)
			i = j
			continue
		}
		i++
		if i < len(fmtb) && fmtb[i] == '%' {
			out = append(out, '%')
			i++
			continue
		}
		if i < len(fmtb) && fmtb[i] == '(' {
			if dict.IsNil() {
				return nil, in.raise(typeErrorType, "format requires a mapping")
			}
			depth, start := 1, i+1
			i++
			for i < len(fmtb) && depth > 0 {
				switch fmtb[i] {
				case '(':
					depth++
				case ')':
					depth--
				}
				i++
			}
			if depth > 0 {
				return nil, in.raise(valueErrorType, "incomplete format key")
			}
			key, err := in.newBytes(append([]byte(nil), fmtb[start:i-1]...))
			if err != nil {
				return nil, err
			}
			v, err := in.GetItem(dict, key)
			in.decRef(key)
			if err != nil {
				return nil, err
			}
			// As in CPython, the value becomes the operand the conversion
			// (and any later one without a key) takes.
			held = append(held, v)
			args, tuple = v, nil
			arglen, argidx = -1, -2
		}
		var flags struct{ left, sign, blank, alt, zero bool }
	flagLoop:
		for ; i < len(fmtb); i++ {
			switch fmtb[i] {
			case '-':
				flags.left = true
			case '+':
				flags.sign = true
			case ' ':
				flags.blank = true
			case '#':
				flags.alt = true
			case '0':
				flags.zero = true
			default:
				break flagLoop
			}
		}
		width, prec := -1, -1
		if i < len(fmtb) && fmtb[i] == '*' {
			i++
			v, err := nextArg()
			if err != nil {
				return nil, err
			}
			if !isInt(v) {
				return nil, in.raise(typeErrorType, "* wants int")
			}
			if width, err = in.bytesSsize(v); err != nil {
				return nil, err
			}
			if width < 0 {
				flags.left, width = true, -width
			}
		} else if i < len(fmtb) && isBytesDigit(fmtb[i]) {
			width = 0
			for ; i < len(fmtb) && isBytesDigit(fmtb[i]); i++ {
				d := int(fmtb[i] - '0')
				if width > (math.MaxInt64-d)/10 {
					return nil, in.raise(valueErrorType, "width too big")
				}
				width = width*10 + d
			}
		}
		if i < len(fmtb) && fmtb[i] == '.' {
			i++
			prec = 0
			if i < len(fmtb) && fmtb[i] == '*' {
				i++
				v, err := nextArg()
				if err != nil {
					return nil, err
				}
				if !isInt(v) {
					return nil, in.raise(typeErrorType, "* wants int")
				}
				if prec, err = in.cIntArg(v); err != nil {
					return nil, err
				}
				prec = max(prec, 0)
			} else {
				for ; i < len(fmtb) && isBytesDigit(fmtb[i]); i++ {
					d := int(fmtb[i] - '0')
					if prec > (math.MaxInt32-d)/10 {
						return nil, in.raise(valueErrorType, "prec too big")
					}
					prec = prec*10 + d
				}
			}
		}
		if i < len(fmtb) && (fmtb[i] == 'h' || fmtb[i] == 'l' || fmtb[i] == 'L') {
			i++
		}
		if i >= len(fmtb) {
			return nil, in.raise(valueErrorType, "incomplete format")
		}
		if width > maxBytesLen || prec > maxBytesLen {
			return nil, in.memoryError()
		}
		conv := fmtb[i]
		index := i
		i++
		arg, err := nextArg()
		if err != nil {
			return nil, err
		}
		var piece []byte
		numeric := false
		switch conv {
		case 's', 'b':
			b, err := in.bytesFormatArg(arg)
			if err != nil {
				return nil, err
			}
			data, _ := bytesData(b)
			piece = append([]byte(nil), data...)
			in.decRef(b)
			if prec >= 0 && len(piece) > prec {
				piece = piece[:prec]
			}
		case 'r', 'a':
			r, err := in.Repr(arg)
			if err != nil {
				return nil, err
			}
			piece = []byte(format.ASCII(r.GoString()))
			in.decRef(r)
			if prec >= 0 && len(piece) > prec {
				piece = piece[:prec]
			}
		case 'c':
			b, err := in.bytesFormatChar(arg)
			if err != nil {
				return nil, err
			}
			piece = []byte{b}
		case 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G':
			s, err := in.bytesFormatNumber(arg, conv, flags.left, flags.sign, flags.blank, flags.alt, flags.zero, width, prec)
			if err != nil {
				return nil, err
			}
			piece, numeric = []byte(s), true
		default:
			if conv >= 0x80 {
				// CPython formats the message's %c from a signed char,
				// which fails for these.
				return nil, in.raise(overflowErrorType, "character argument not in range(0x110000)")
			}
			return nil, in.raise(valueErrorType, "unsupported format character '%c' (0x%x) at index %d", rune(conv), conv, index)
		}
		if !numeric && width > len(piece) {
			pad := make([]byte, width-len(piece))
			for k := range pad {
				pad[k] = ' '
			}
			if flags.left {
				out = append(append(out, piece...), pad...)
			} else {
				out = append(append(out, pad...), piece...)
			}
		} else {
			out = append(out, piece...)
		}
		if len(out) > maxBytesLen {
			return nil, in.memoryError()
		}
	}
	if argidx < arglen && dict.IsNil() {
		return nil, in.raise(typeErrorType, "not all arguments converted during bytes formatting")
	}
	return out, nil
}

// bytesFormatArg is the bytes %s and %b take: a buffer's, or what
// __bytes__ returns.
func (in *Interp) bytesFormatArg(v Value) (Value, error) {
	if b, ok := bytesDataFull(v); ok {
		return in.newBytesKind(false, b)
	}
	if v.Type().Flags&TypeHeapType != 0 {
		r, found, err := in.callSpecial(v, "__bytes__")
		if err != nil {
			return Value{}, err
		}
		if found {
			if !isBytesValue(r) {
				in.decRef(r)
				return Value{}, in.raise(typeErrorType, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
			}
			return r, nil
		}
	}
	if isReleasedView(v) {
		return Value{}, in.releasedViewError()
	}
	return Value{}, in.raise(typeErrorType, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", v.Type().Name)
}

// bytesFormatChar is the byte %c takes: a bytes of length one, or an int
// in range(256).
func (in *Interp) bytesFormatChar(v Value) (byte, error) {
	if b, ok := bytesData(v); ok && len(b) == 1 && v.Type() != memoryviewType {
		return b[0], nil
	}
	if isInt(v) || v.Type().Flags&TypeHeapType != 0 && in.hasSpecial(v, "__index__") {
		i, fits, err := in.bytesIndex(v)
		if err != nil {
			return 0, err
		}
		if !fits || i < 0 || i > 255 {
			return 0, in.raise(overflowErrorType, "%%c arg not in range(256)")
		}
		return byte(i), nil
	}
	return 0, in.raise(typeErrorType, "%%c requires an integer in range(256) or a single byte")
}

// bytesFormatNumber formats one numeric conversion with the format
// package's % engine.
func (in *Interp) bytesFormatNumber(v Value, conv byte, left, sign, blank, alt, zero bool, width, prec int) (string, error) {
	arg := bytesPctArg{in: in, v: v}
	switch conv {
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, err := in.bytesFormatFloat(v)
		if err != nil {
			return "", err
		}
		arg.f = f
	}
	spec := []byte{'%'}
	for _, f := range []struct {
		on bool
		c  byte
	}{{left, '-'}, {sign, '+'}, {blank, ' '}, {alt, '#'}, {zero, '0'}} {
		if f.on {
			spec = append(spec, f.c)
		}
	}
	if width >= 0 {
		spec = strconv.AppendInt(spec, int64(width), 10)
	}
	if prec >= 0 {
		spec = strconv.AppendInt(append(spec, '.'), int64(prec), 10)
	}
	spec = append(spec, conv)
	s, err := format.PercentValue(string(spec), arg)
	if err != nil {
		if _, ok := err.(*Exception); ok {
			return "", err
		}
		return "", in.formatError(err)
	}
	return s, nil
}

// bytesFormatFloat is the float of %e %f %g: a float, an int converted,
// or __float__ (__index__) of a class; any failure is the TypeError
// CPython's formatfloat raises.
func (in *Interp) bytesFormatFloat(v Value) (float64, error) {
	wrong := func() (float64, error) {
		return 0, in.raise(typeErrorType, "float argument required, not %s", v.Type().Name)
	}
	switch {
	case isFloat(v):
		return floatOf(v), nil
	case isInt(v):
		var z big.Int
		f, err := format.IntToFloat(bigOf(v, &z))
		if err != nil {
			return wrong()
		}
		return f, nil
	case v.Type().Flags&TypeHeapType != 0:
		for _, name := range []string{"__float__", "__index__"} {
			r, found, err := in.callSpecial(v, name)
			if err != nil {
				return 0, err
			}
			if found {
				defer in.decRef(r)
				if r.IsFloat() || isInt(r) {
					return in.bytesFormatFloat(r)
				}
				return wrong()
			}
		}
	}
	return wrong()
}

// bytesPctArg adapts an operand of a numeric conversion to the format
// package.
type bytesPctArg struct {
	in *Interp
	v  Value
	f  float64 // the converted float of %e %f %g
}

func (a bytesPctArg) TypeName() string { return a.v.Type().Name }

func (a bytesPctArg) Int() (*big.Int, bool) {
	if !isInt(a.v) {
		return nil, false
	}
	var z big.Int
	return new(big.Int).Set(bigOf(a.v, &z)), true
}

func (a bytesPctArg) Text() (string, bool) {
	if isStrValue(a.v) {
		return a.v.GoString(), true
	}
	return "", false
}

func (a bytesPctArg) IsNumber() bool {
	if a.v.IsFloat() || isInt(a.v) {
		return true
	}
	if a.v.Type().Flags&TypeHeapType == 0 {
		return false
	}
	for _, name := range []string{"__index__", "__int__", "__float__"} {
		if a.in.hasSpecial(a.v, name) {
			return true
		}
	}
	return false
}

func (a bytesPctArg) Long() (*big.Int, bool, error) {
	if a.v.IsFloat() {
		f := a.v.FloatValue()
		switch {
		case math.IsInf(f, 0):
			return nil, false, a.in.raise(overflowErrorType, "cannot convert float infinity to integer")
		case math.IsNaN(f):
			return nil, false, a.in.raise(valueErrorType, "cannot convert float NaN to integer")
		}
		x, _ := big.NewFloat(math.Trunc(f)).Int(nil)
		return x, true, nil
	}
	for _, name := range []string{"__int__", "__index__"} {
		if x, ok, err := a.callInt(name); ok || err != nil {
			return x, ok, err
		}
	}
	return nil, false, nil
}

func (a bytesPctArg) Index() (*big.Int, bool, error) { return a.callInt("__index__") }

// callInt calls a class's special method that must return an int.
func (a bytesPctArg) callInt(name string) (*big.Int, bool, error) {
	if a.v.Type().Flags&TypeHeapType == 0 {
		return nil, false, nil
	}
	r, found, err := a.in.callSpecial(a.v, name)
	if err != nil || !found {
		return nil, false, err
	}
	defer a.in.decRef(r)
	if !isInt(r) {
		return nil, false, a.in.raise(typeErrorType, "%s returned non-int (type %s)", name, r.Type().Name)
	}
	var z big.Int
	return new(big.Int).Set(bigOf(r, &z)), true, nil
}

func (a bytesPctArg) Float() (float64, error) { return a.f, nil }

func (a bytesPctArg) Str() (string, error) { return a.text(a.in.Str(a.v)) }

func (a bytesPctArg) Repr() (string, error) { return a.text(a.in.Repr(a.v)) }

func (a bytesPctArg) text(s Value, err error) (string, error) {
	if err != nil {
		return "", err
	}
	defer a.in.decRef(s)
	return s.GoString(), nil
}
