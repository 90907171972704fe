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
		out := make([]rune, 0, len(data))
		i := 0
	loop:
		for i < len(data) {
			c := data[i]
			if c != '\\' {
				out = append(out, rune(c))
				i++
				continue
			}
			if raw {
				// Only an odd run of backslashes before u or U escapes.
				j := i
				for j < len(data) && data[j] == '\\' {
					j++
				}
				if (j-i)%2 == 0 || j >= len(data) || data[j] != 'u' && data[j] != 'U' {
					if j >= len(data) && (j-i)%2 == 1 && !final {
						for ; i < j-1; i++ {
							out = append(out, '\\')
						}
						break loop
					}
					for ; i < j; i++ {
						out = append(out, '\\')
					}
					continue
				}
				for ; i < j-1; i++ {
					out = append(out, '\\')
				}
			}
			start := i
			if i+1 >= len(data) {
				if !final {
					break
				}
				if out, i, err = d.fail(out, start, len(data), "\\ at end of string"); err != nil {
					return Value{}, err
				}
				continue
			}
			e := data[i+1]
			if !raw {
				if s, ok := escSimple(e); ok {
					out = append(out, rune(s))
					i += 2
					continue
				}
			}
			digits := 0
			var what string
			switch {
			case !raw && e == '\n':
				i += 2
				continue
			case !raw && e >= '0' && e <= '7':
				v, n := escOctal(data, i+1)
				out = append(out, rune(v))
				i += 1 + n
				continue
			case !raw && e == 'x':
				digits, what = 2, "truncated \\xXX escape"
			case e == 'u':
				digits, what = 4, "truncated \\uXXXX escape"
			case e == 'U':
				digits, what = 8, "truncated \\UXXXXXXXX escape"
			case e == 'N':
				return Value{}, in.Raise(interp.NotImplementedError, "\\N{...} escapes in the unicode_escape codec are not implemented yet")
			default:
				out = append(out, '\\', rune(e))
				i += 2
				continue
			}
			v, n := 0, 0
			for n < digits && i+2+n < len(data) && escHexVal(data[i+2+n]) >= 0 {
				v = v<<4 | escHexVal(data[i+2+n])
				n++
			}
			end := i + 2 + n
			if n < digits {
				if !final && end == len(data) {
					break
				}
				if out, i, err = d.fail(out, start, end, what); err != nil {
					return Value{}, err
				}
				continue
			}
			if v > 0x10ffff {
				reason := "illegal Unicode character"
				if raw {
					reason = "\\Uxxxxxxxx out of range"
				}
				if out, i, err = d.fail(out, start, end, reason); err != nil {
					return Value{}, err
				}
				continue
			}
			out = append(out, rune(v))
			i = end
		}
		return decodeResult(in, out, i, false, 0)
	}
}
