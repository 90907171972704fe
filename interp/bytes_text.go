package interp

// The ASCII text methods bytes and bytearray share: case conversion, the
// is* predicates, padding, expandtabs, hex, translate and maketrans.

func isBytesUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isBytesLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isBytesAlpha(c byte) bool { return isBytesUpper(c) || isBytesLower(c) }
func isBytesDigit(c byte) bool { return '0' <= c && c <= '9' }

func bytesToUpper(c byte) byte {
	if isBytesLower(c) {
		return c - 32
	}
	return c
}

func bytesToLower(c byte) byte {
	if isBytesUpper(c) {
		return c + 32
	}
	return c
}

func init() {
	for _, m := range []struct {
		name string
		conv func(dst, src []byte)
	}{
		{"upper", func(dst, src []byte) {
			for i, c := range src {
				dst[i] = bytesToUpper(c)
			}
		}},
		{"lower", func(dst, src []byte) {
			for i, c := range src {
				dst[i] = bytesToLower(c)
			}
		}},
		{"swapcase", func(dst, src []byte) {
			for i, c := range src {
				if isBytesUpper(c) {
					dst[i] = c + 32
				} else {
					dst[i] = bytesToUpper(c)
				}
			}
		}},
		{"capitalize", func(dst, src []byte) {
			for i, c := range src {
				if i == 0 {
					dst[i] = bytesToUpper(c)
				} else {
					dst[i] = bytesToLower(c)
				}
			}
		}},
		{"title", func(dst, src []byte) {
			prevCased := false
			for i, c := range src {
				switch {
				case isBytesLower(c):
					if !prevCased {
						c -= 32
					}
					prevCased = true
				case isBytesUpper(c):
					if prevCased {
						c += 32
					}
					prevCased = true
				default:
					prevCased = false
				}
				dst[i] = c
			}
		}},
	} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			if err := in.bytesNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			b, _ := bytesData(args[0])
			r, buf, err := in.allocBytes(isByteArray(args[0]), len(b))
			if err == nil {
				m.conv(buf, b)
			}
			return r, err
		})
	}

	// The predicates: each is false for empty bytes except isascii.
	for _, m := range []struct {
		name string
		test func(b []byte) bool
	}{
		{"isalnum", func(b []byte) bool {
			return bytesAll(b, func(c byte) bool { return isBytesAlpha(c) || isBytesDigit(c) })
		}},
		{"isalpha", func(b []byte) bool { return bytesAll(b, isBytesAlpha) }},
		{"isdigit", func(b []byte) bool { return bytesAll(b, isBytesDigit) }},
		{"isspace", func(b []byte) bool { return bytesAll(b, isBytesSpace) }},
		{"isascii", func(b []byte) bool {
			for _, c := range b {
				if c >= 0x80 {
					return false
				}
			}
			return true
		}},
		{"islower", func(b []byte) bool {
			cased := false
			for _, c := range b {
				if isBytesUpper(c) {
					return false
				}
				cased = cased || isBytesLower(c)
			}
			return cased
		}},
		{"isupper", func(b []byte) bool {
			cased := false
			for _, c := range b {
				if isBytesLower(c) {
					return false
				}
				cased = cased || isBytesUpper(c)
			}
			return cased
		}},
		{"istitle", func(b []byte) bool {
			cased, prevCased := false, false
			for _, c := range b {
				switch {
				case isBytesUpper(c):
					if prevCased {
						return false
					}
					prevCased, cased = true, true
				case isBytesLower(c):
					if !prevCased {
						return false
					}
					prevCased, cased = true, true
				default:
					prevCased = false
				}
			}
			return cased
		}},
	} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			if err := in.bytesNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			b, _ := bytesData(args[0])
			return Bool(m.test(b)), nil
		})
	}

	for _, m := range []struct {
		name string
		left func(marg, width int) int // how much of the padding goes left
	}{
		{"ljust", func(marg, width int) int { return 0 }},
		{"rjust", func(marg, width int) int { return marg }},
		{"center", func(marg, width int) int { return marg/2 + (marg & width & 1) }},
	} {
		bytesMethod(m.name, func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
			if err := in.bytesPosArgs(qual, m.name, args, kwnames, 1, 2); err != nil {
				return Value{}, err
			}
			width, err := in.bytesSsize(args[1])
			if err != nil {
				return Value{}, err
			}
			fill := byte(' ')
			if len(args) > 2 {
				f, ok := bytesData(args[2])
				if !ok || len(f) != 1 || args[2].Type() == memoryviewType {
					return Value{}, in.raise(typeErrorType, "%s() argument 2 must be a byte string of length 1, not %s", m.name, args[2].Type().Name)
				}
				fill = f[0]
			}
			b, _ := bytesData(args[0])
			if width <= len(b) {
				return in.bytesSame(args[0])
			}
			left := m.left(width-len(b), width)
			return in.bytesPadded(args[0], b, left, width-len(b)-left, fill)
		})
	}
	bytesMethod("zfill", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		if err := in.methodOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		width, err := in.bytesSsize(args[1])
		if err != nil {
			return Value{}, err
		}
		b, _ := bytesData(args[0])
		if width <= len(b) {
			return in.bytesSame(args[0])
		}
		fill := width - len(b)
		r, err := in.bytesPadded(args[0], b, fill, 0, '0')
		if err != nil {
			return Value{}, err
		}
		if out, _ := bytesData(r); len(b) > 0 && (b[0] == '+' || b[0] == '-') {
			out[0], out[fill] = b[0], '0'
		}
		return r, nil
	})
	bytesMethod("expandtabs", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		var tabv Value
		if err := in.parseArgs("expandtabs", args[1:], kwnames, []string{"tabsize"}, 0, &tabv); err != nil {
			return Value{}, err
		}
		tabsize := 8
		if !tabv.IsNil() {
			var err error
			if tabsize, err = in.cIntArg(tabv); err != nil {
				return Value{}, err
			}
		}
		b, _ := bytesData(args[0])
		var out []byte
		col := 0
		for _, c := range b {
			switch {
			case c == '\t':
				if tabsize > 0 {
					n := tabsize - col%tabsize
					if len(out)+n > maxBytesLen {
						return Value{}, in.memoryError()
					}
					for k := 0; k < n; k++ {
						out = append(out, ' ')
					}
					col += n
				}
			default:
				out = append(out, c)
				col++
				if c == '\n' || c == '\r' {
					col = 0
				}
			}
		}
		return in.bytesResult(args[0], out)
	})
	bytesMethod("hex", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		var sepv, perv Value
		if err := in.parseArgs("hex", args[1:], kwnames, []string{"sep", "bytes_per_sep"}, 0, &sepv, &perv); err != nil {
			return Value{}, err
		}
		b, _ := bytesData(args[0])
		s, err := in.bytesHex(b, sepv, perv)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(s)
	})
	bytesMethod("translate", func(in *Interp, qual string, args []Value, kwnames []Value) (Value, error) {
		if len(args)-len(kwnames) < 2 {
			return Value{}, in.raise(typeErrorType, "translate() takes at least 1 positional argument (0 given)")
		}
		var tablev, delv Value
		if err := in.parseArgs("translate", args[1:], kwnames, []string{"table", "delete"}, 1, &tablev, &delv); err != nil {
			return Value{}, err
		}
		var table []byte
		if !tablev.IsNone() {
			var err error
			if table, err = in.bytesArg(tablev); err != nil {
				return Value{}, err
			}
			if len(table) != 256 {
				return Value{}, in.raise(valueErrorType, "translation table must be 256 characters long")
			}
		}
		var del [256]bool
		if !delv.IsNil() {
			d, err := in.bytesArg(delv)
			if err != nil {
				return Value{}, err
			}
			for _, c := range d {
				del[c] = true
			}
		}
		b, _ := bytesData(args[0])
		out := make([]byte, 0, len(b))
		for _, c := range b {
			if del[c] {
				continue
			}
			if table != nil {
				c = table[c]
			}
			out = append(out, c)
		}
		return in.bytesResult(args[0], out)
	})
	for _, t := range []*Type{bytesType, bytearrayType} {
		qual := t.Name + ".maketrans"
		defStatic(t, "maketrans", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
			}
			if err := in.checkArgCount("maketrans", args, nil, 2, 2); err != nil {
				return Value{}, err
			}
			from, err := in.bytesArg(args[0])
			if err != nil {
				return Value{}, err
			}
			to, err := in.bytesArg(args[1])
			if err != nil {
				return Value{}, err
			}
			if len(from) != len(to) {
				return Value{}, in.raise(valueErrorType, "maketrans arguments must have same length")
			}
			table := make([]byte, 256)
			for i := range table {
				table[i] = byte(i)
			}
			for i, c := range from {
				table[c] = to[i]
			}
			return in.newBytes(table)
		})
	}
}

func bytesAll(b []byte, f func(c byte) bool) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !f(c) {
			return false
		}
	}
	return true
}

// bytesPadded makes a value of self's type: b with left and right fill
// bytes around it.
func (in *Interp) bytesPadded(self Value, b []byte, left, right int, fill byte) (Value, error) {
	if left+right > maxBytesLen {
		return Value{}, in.memoryError()
	}
	r, buf, err := in.allocBytes(isByteArray(self), left+len(b)+right)
	if err != nil {
		return Value{}, err
	}
	for i := 0; i < left; i++ {
		buf[i] = fill
	}
	copy(buf[left:], b)
	for i := left + len(b); i < len(buf); i++ {
		buf[i] = fill
	}
	return r, nil
}

// bytesHex is bytes.hex(sep, bytes_per_sep): two lowercase hex digits a
// byte, with sep between groups of bytes_per_sep bytes counted from the
// right (from the left when negative).
func (in *Interp) bytesHex(b []byte, sepv, perv Value) (string, error) {
	const digits = "0123456789abcdef"
	var sep byte
	hasSep := false
	if !sepv.IsNil() {
		n, err := in.Len(sepv)
		if err != nil {
			return "", err
		}
		if n != 1 {
			return "", in.raise(valueErrorType, "sep must be length 1.")
		}
		switch {
		case isStrValue(sepv):
			s := sepv.GoString()
			if len(s) != 1 || s[0] >= 0x80 {
				return "", in.raise(valueErrorType, "sep must be ASCII.")
			}
			sep = s[0]
		case isBytesValue(sepv):
			sep = asObject[Bytes](sepv).b[0]
			if sep >= 0x80 {
				return "", in.raise(valueErrorType, "sep must be ASCII.")
			}
		default:
			return "", in.raise(typeErrorType, "sep must be str or bytes.")
		}
		hasSep = true
	}
	per := 1
	if !perv.IsNil() {
		var err error
		if per, err = in.cIntArg(perv); err != nil {
			return "", err
		}
	}
	group := per
	if group < 0 {
		group = -group
	}
	if !hasSep || group == 0 || group >= len(b) {
		out := make([]byte, 0, 2*len(b))
		for _, c := range b {
			out = append(out, digits[c>>4], digits[c&15])
		}
		return string(out), nil
	}
	out := make([]byte, 0, 2*len(b)+len(b)/group)
	// Groups are counted from the right unless per is negative; the
	// first group from the left then holds the remainder.
	first := len(b) % group
	if per < 0 || first == 0 {
		first = group
	}
	for i, c := range b {
		if i > 0 && (i == first || i > first && (i-first)%group == 0) {
			out = append(out, sep)
		}
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out), nil
}
