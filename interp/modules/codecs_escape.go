package modules

import (
	"github.com/parallel-py/parallel/interp"
)

// The escape codecs of _codecs: escape_encode and escape_decode (bytes
// literals' escapes, for bytes), unicode_escape (str literals' escapes
// over Latin-1) and raw_unicode_escape (only \u and \U).

func addEscapeFunctions(t *moduleTable) {
	t.fn("escape_encode", escapeEncode)
	t.fn("escape_decode", escapeDecode)
	t.fn("unicode_escape_encode", unicodeEscapeEncoder("unicode_escape_encode", false))
	t.fn("raw_unicode_escape_encode", unicodeEscapeEncoder("raw_unicode_escape_encode", true))
	t.fn("unicode_escape_decode", unicodeEscapeDecoder("unicode_escape_decode", false))
	t.fn("raw_unicode_escape_decode", unicodeEscapeDecoder("raw_unicode_escape_decode", true))
}

func escapeEncode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("escape_encode", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	if !interp.IsBytes(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "escape_encode() argument 1 must be bytes, not %s", typeName(args[0]))
	}
	if _, err := codecErrorsArg(in, "escape_encode", 2, args); err != nil {
		return Value{}, err
	}
	data, _ := interp.BufferBytes(args[0])
	out := make([]byte, 0, len(data))
	for _, c := range data {
		switch {
		case c == '\\' || c == '\'':
			out = append(out, '\\', c)
		case c == '\t':
			out = append(out, '\\', 't')
		case c == '\n':
			out = append(out, '\\', 'n')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c < 0x20 || c >= 0x7f:
			out = append(out, backslashEscape(rune(c))...)
		default:
			out = append(out, c)
		}
	}
	return encodeResult(in, out, len(data))
}

// simpleEscape is the character of a one-letter escape (\n...), ok false
// for others.
func escSimple(c byte) (byte, bool) {
	switch c {
	case '\\', '\'', '"':
		return c, true
	case 'a':
		return 7, true
	case 'b':
		return 8, true
	case 'f':
		return 12, true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return 11, true
	}
	return 0, false
}

func escHexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// octalEscape reads up to three octal digits at data[i:] (the first is
// known to be one): the value and the digits' count.
func escOctal(data []byte, i int) (int, int) {
	v, n := 0, 0
	for n < 3 && i+n < len(data) && data[i+n] >= '0' && data[i+n] <= '7' {
		v = v*8 + int(data[i+n]-'0')
		n++
	}
	return v, n
}

func escapeDecode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("escape_decode", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	data, err := codecBufferArg(in, args[0], true)
	if err != nil {
		return Value{}, err
	}
	errors, err := codecErrorsArg(in, "escape_decode", 2, args)
	if err != nil {
		return Value{}, err
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		c := data[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(data) {
			return Value{}, in.Raise(interp.ValueError, "Trailing \\ in string")
		}
		e := data[i+1]
		if s, ok := escSimple(e); ok {
			out = append(out, s)
			i += 2
			continue
		}
		switch {
		case e == '\n':
			i += 2
		case e >= '0' && e <= '7':
			v, n := escOctal(data, i+1)
			out = append(out, byte(v))
			i += 1 + n
		case e == 'x':
			if i+3 < len(data) && escHexVal(data[i+2]) >= 0 && escHexVal(data[i+3]) >= 0 {
				out = append(out, byte(escHexVal(data[i+2])<<4|escHexVal(data[i+3])))
				i += 4
				continue
			}
			switch errors {
			case "strict":
				return Value{}, in.Raise(interp.ValueError, "invalid \\x escape at position %d", i)
			case "replace":
				out = append(out, '?')
			case "ignore":
			default:
				return Value{}, in.Raise(interp.ValueError, "decoding error; unknown error handling code: %s", errors)
			}
			// Skip the escape and its hex digits.
			i += 2
			for k := 0; k < 2 && i < len(data) && escHexVal(data[i]) >= 0; k++ {
				i++
			}
		default:
			out = append(out, '\\')
			i++
		}
	}
	return encodeResult(in, out, len(data))
}

func unicodeEscapeEncoder(fname string, raw bool) interp.BuiltinFunc {
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount(fname, args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		rs, err := codecStrArgAt(in, fname, 1, args[0])
		if err != nil {
			return Value{}, err
		}
		if _, err := codecErrorsArg(in, fname, 2, args); err != nil {
			return Value{}, err
		}
		out := make([]byte, 0, len(rs))
		for _, r := range rs {
			switch {
			case raw && r < 0x100:
				out = append(out, byte(r))
			case raw:
				out = append(out, backslashEscape(r)...)
			case r == '\\':
				out = append(out, '\\', '\\')
			case r == '\t':
				out = append(out, '\\', 't')
			case r == '\n':
				out = append(out, '\\', 'n')
			case r == '\r':
				out = append(out, '\\', 'r')
			case r >= 0x20 && r < 0x7f:
				out = append(out, byte(r))
			default:
				out = append(out, backslashEscape(r)...)
			}
		}
		return encodeResult(in, out, len(rs))
	}
}

// unicodeEscapeDecoder makes unicode_escape_decode and (raw)
// raw_unicode_escape_decode: (data, errors=None, final=True, /).
func unicodeEscapeDecoder(fname string, raw bool) interp.BuiltinFunc {
	codec := "unicodeescape"
	if raw {
		codec = "rawunicodeescape"
	}
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		data, errors, _, final, err := decoderArgs(in, fname, args, kwnames, false, true, true)
		if err != nil {
			return Value{}, err
		}
		d := &decodeErrs{in: in, codec: codec, errors: errors, data: data}
		defer d.release()
		var out []rune
		var n int
		invalid := -1
		if raw {
			out, n, err = decodeRawUnicodeEscape(d, final)
		} else {
			out, n, invalid, err = decodeUnicodeEscape(d, final)
		}
		if err != nil {
			return Value{}, err
		}
		if invalid >= 0 {
			// The first invalid escape is deprecated, once decoding
			// succeeded, as CPython warns of it.
			msg := "invalid escape sequence '\\" + string(rune(data[invalid])) + "'"
			if c := data[invalid]; c >= '4' && c <= '7' {
				msg = "invalid octal escape sequence '\\" + string(data[invalid:min(invalid+3, len(data))]) + "'"
			}
			if err := codecDeprecationWarning(in, msg); err != nil {
				return Value{}, err
			}
		}
		return decodeResult(in, out, n, false, 0)
	}
}

// codecDeprecationWarning issues a DeprecationWarning attributed to the
// Python code that called the codec, through the warnings module.
func codecDeprecationWarning(in *interp.Interp, msg string) error {
	w, err := in.ImportModule("warnings")
	if err != nil {
		return err
	}
	defer in.DecRef(w)
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(m)
	r, err := in.CallMethod(w, "warn", []Value{m, interp.TypeValue(interp.ExcType("DeprecationWarning")), interp.Int(1)}, nil)
	if err != nil {
		return err
	}
	in.DecRef(r)
	return nil
}

// escHexDigits reads up to count hex digits from data[i:]: their value,
// and how many there were.
func escHexDigits(data []byte, i, count int) (uint32, int) {
	v, n := uint32(0), 0
	for n < count && i+n < len(data) {
		h := escHexVal(data[i+n])
		if h < 0 {
			break
		}
		v = v<<4 | uint32(h)
		n++
	}
	return v, n
}

// decodeUnicodeEscape decodes the escapes of Python's str literals over
// Latin-1 bytes: the text, the bytes used (fewer when final is unset and
// an escape is cut off), and the offset of the first invalid escape's
// character (-1 for none), which CPython warns of.
func decodeUnicodeEscape(d *decodeErrs, final bool) ([]rune, int, int, error) {
	data := d.data
	out := make([]rune, 0, len(data))
	invalid := -1
	var err error
	i := 0
	for i < len(data) {
		c := data[i]
		if c != '\\' {
			out = append(out, rune(c))
			i++
			continue
		}
		start := i
		i++
		var reason string
		incomplete := false
		if i >= len(data) {
			reason, incomplete = "\\ at end of string", true
		} else {
			e := data[i]
			i++
			if s, ok := escSimple(e); ok {
				out = append(out, rune(s))
				continue
			}
			count := 0
			switch e {
			case '\n':
				continue
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v, n := escOctal(data, i-1)
				if v > 0o377 && invalid < 0 {
					invalid = i - 1
				}
				out = append(out, rune(v))
				i += n - 1
				continue
			case 'x':
				count, reason = 2, "truncated \\xXX escape"
			case 'u':
				count, reason = 4, "truncated \\uXXXX escape"
			case 'U':
				count, reason = 8, "truncated \\UXXXXXXXX escape"
			case 'N':
				var r rune
				var ok bool
				r, ok, i, reason, incomplete = escNamed(data, i)
				if ok {
					out = append(out, r)
					continue
				}
			default:
				if invalid < 0 {
					invalid = i - 1
				}
				out = append(out, '\\', rune(e))
				continue
			}
			if count > 0 {
				v, n := escHexDigits(data, i, count)
				i += n
				switch {
				case n < count && i >= len(data):
					incomplete = true
				case n < count:
				case v > 0x10ffff:
					reason = "illegal Unicode character"
				default:
					out = append(out, rune(v))
					continue
				}
			}
		}
		if incomplete && !final {
			return out, start, invalid, nil
		}
		if out, i, err = d.fail(out, start, i, reason); err != nil {
			return nil, 0, 0, err
		}
	}
	return out, i, invalid, nil
}

// escNamed reads the rest of a \N{name} escape from data[i:], just
// after the N: the character, or ok false with where the error ends,
// its reason, and whether more data could complete the escape.
func escNamed(data []byte, i int) (r rune, ok bool, end int, reason string, incomplete bool) {
	const malformed = "malformed \\N character escape"
	if i >= len(data) {
		return 0, false, i, malformed, true
	}
	if data[i] != '{' {
		return 0, false, i, malformed, false
	}
	j := i + 1
	for j < len(data) && data[j] != '}' {
		j++
	}
	if j >= len(data) {
		return 0, false, j, malformed, true
	}
	if j == i+1 {
		return 0, false, j, malformed, false
	}
	// Named sequences are not characters: only single code points.
	if rs := ucd15.lookupName(string(data[i+1 : j])); len(rs) == 1 {
		return rs[0], true, j + 1, "", false
	}
	return 0, false, j + 1, "unknown Unicode character name", false
}

// decodeRawUnicodeEscape decodes \uXXXX and \UXXXXXXXX over Latin-1
// bytes: a backslash escapes only those, and only when an even run of
// backslashes does not precede it.
func decodeRawUnicodeEscape(d *decodeErrs, final bool) ([]rune, int, error) {
	data := d.data
	out := make([]rune, 0, len(data))
	var err error
	i := 0
	for i < len(data) {
		c := data[i]
		// A backslash that ends the input is itself when final.
		if c != '\\' || i+1 == len(data) && final {
			out = append(out, rune(c))
			i++
			continue
		}
		start := i
		if i+1 >= len(data) {
			return out, start, nil // more data may make it an escape
		}
		e := data[i+1]
		count, reason := 0, ""
		switch e {
		case 'u':
			count, reason = 4, "truncated \\uXXXX escape"
		case 'U':
			count, reason = 8, "truncated \\UXXXXXXXX escape"
		default:
			out = append(out, '\\', rune(e))
			i += 2
			continue
		}
		i += 2
		v, n := escHexDigits(data, i, count)
		i += n
		switch {
		case n < count && i >= len(data):
			if !final {
				return out, start, nil
			}
		case n < count:
		case v > 0x10ffff:
			reason = "\\Uxxxxxxxx out of range"
		default:
			out = append(out, rune(v))
			continue
		}
		if out, i, err = d.fail(out, start, i, reason); err != nil {
			return nil, 0, err
		}
	}
	return out, i, nil
}
