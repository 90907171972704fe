package modules

import "github.com/parallel-py/parallel/interp"

// binascii's quoted-printable (RFC 1521, with the header variant of RFC
// 1522) and uuencode conversions, as CPython 3.12's binascii module
// does them, quirks included (quopri and uu rely on them).

const hexDigitsUpper = "0123456789ABCDEF"

// qpMaxLine is the longest encoded line, soft line break included.
const qpMaxLine = 76

var b2aQpParams = interp.Params{Func: "b2a_qp", Names: []string{"data", "quotetabs", "istext", "header"}, Required: 1}

func binasciiB2aQp(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, qtArg, textArg, hdrArg Value
	if err := in.Unpack(&b2aQpParams, args, kwnames, &dataArg, &qtArg, &textArg, &hdrArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	var flags [3]bool
	for i, a := range []struct {
		v   Value
		def bool
	}{{qtArg, false}, {textArg, true}, {hdrArg, false}} {
		if flags[i], err = truthArg(in, a.v, a.def); err != nil {
			return Value{}, err
		}
	}
	return in.NewBytes(encodeQP(data, flags[0], flags[1], flags[2]))
}

// encodeQP is b2a_qp: the line ends of the output are CRLF when the
// first line end of data is.
func encodeQP(data []byte, quotetabs, istext, header bool) []byte {
	crlf := false
	for i, c := range data {
		if c == '\n' {
			crlf = i > 0 && data[i-1] == '\r'
			break
		}
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	softBreak := func() {
		out = append(out, '=')
		if crlf {
			out = append(out, '\r')
		}
		out = append(out, '\n')
	}
	lineLen := 0
	for i := 0; i < len(data); {
		c := data[i]
		atEnd := i+1 == len(data)
		if qpMustQuote(data, i, lineLen, quotetabs, istext, header) {
			if lineLen+3 >= qpMaxLine {
				softBreak()
				lineLen = 0
			}
			out = append(out, '=', hexDigitsUpper[c>>4], hexDigitsUpper[c&15])
			lineLen += 3
			i++
			continue
		}
		if istext && (c == '\n' || c == '\r' && !atEnd && data[i+1] == '\n') {
			// A line end: quote the white space before it, which
			// transports would strip.
			lineLen = 0
			if n := len(out); n > 0 && (out[n-1] == ' ' || out[n-1] == '\t') {
				ws := out[n-1]
				out = append(out[:n-1], '=', hexDigitsUpper[ws>>4], hexDigitsUpper[ws&15])
			}
			if crlf {
				out = append(out, '\r')
			}
			out = append(out, '\n')
			if c == '\r' {
				i += 2
			} else {
				i++
			}
			continue
		}
		if !atEnd && data[i+1] != '\n' && lineLen+1 >= qpMaxLine {
			softBreak()
			lineLen = 0
		}
		lineLen++
		if header && c == ' ' {
			out = append(out, '_')
		} else {
			out = append(out, c)
		}
		i++
	}
	return out
}

// qpMustQuote reports whether data[i] is written as =XX.
func qpMustQuote(data []byte, i, lineLen int, quotetabs, istext, header bool) bool {
	c := data[i]
	atEnd := i+1 == len(data)
	switch {
	case c > 126 || c == '=' || header && c == '_':
		return true
	case c == '.' && lineLen == 0 && (atEnd || data[i+1] == '\n' || data[i+1] == '\r' || data[i+1] == 0):
		return true
	case !istext && (c == '\r' || c == '\n'):
		return true
	case (c == '\t' || c == ' ') && atEnd:
		return true
	case c < 33 && c != '\r' && c != '\n' && (quotetabs || c != '\t' && c != ' '):
		return true
	}
	return false
}

var a2bQpParams = interp.Params{Func: "a2b_qp", Names: []string{"data", "header"}, Required: 1}

func binasciiA2bQp(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, hdrArg Value
	if err := in.Unpack(&a2bQpParams, args, kwnames, &dataArg, &hdrArg); err != nil {
		return Value{}, err
	}
	data, err := asciiArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	header, err := truthArg(in, hdrArg, false)
	if err != nil {
		return Value{}, err
	}
	return in.NewBytes(decodeQP(data, header))
}

// decodeQP is a2b_qp; malformed escapes pass through as they are.
func decodeQP(data []byte, header bool) []byte {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '=':
			i++
			if i >= len(data) {
				return out
			}
			switch d := data[i]; {
			case d == '\n' || d == '\r':
				// A soft line break: skip to the end of the line.
				if d != '\n' {
					for i < len(data) && data[i] != '\n' {
						i++
					}
				}
				if i < len(data) {
					i++
				}
			case d == '=':
				// "==" from broken encoders.
				out = append(out, '=')
				i++
			case i+1 < len(data) && hexDigitValue(d) >= 0 && hexDigitValue(data[i+1]) >= 0:
				out = append(out, byte(hexDigitValue(d)<<4|hexDigitValue(data[i+1])))
				i += 2
			default:
				out = append(out, '=')
			}
		case header && c == '_':
			out = append(out, ' ')
			i++
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

var b2aUuParams = interp.Params{Func: "b2a_uu", Names: []string{"data", "backtick"}, PosOnly: 1, KwOnly: 1, Required: 1}

func binasciiB2aUu(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, btArg Value
	if err := in.Unpack(&b2aUuParams, args, kwnames, &dataArg, &btArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	backtick, err := truthArg(in, btArg, false)
	if err != nil {
		return Value{}, err
	}
	if len(data) > 45 {
		return Value{}, binasciiError(in, "At most 45 bytes at once")
	}
	char := func(v byte) byte {
		if backtick && v == 0 {
			return '`'
		}
		return ' ' + v
	}
	out := make([]byte, 0, 2+(len(data)+2)/3*4)
	out = append(out, char(byte(len(data))))
	for i := 0; i < len(data); i += 3 {
		var g [3]byte
		copy(g[:], data[i:])
		v := uint(g[0])<<16 | uint(g[1])<<8 | uint(g[2])
		out = append(out, char(byte(v>>18)), char(byte(v>>12&63)), char(byte(v>>6&63)), char(byte(v&63)))
	}
	out = append(out, '\n')
	return in.NewBytes(out)
}

func binasciiA2bUu(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := oneArgFunc(in, "binascii.a2b_uu", args, kwnames); err != nil {
		return Value{}, err
	}
	data, err := asciiArg(in, args[0])
	if err != nil {
		return Value{}, err
	}
	// The length character; an empty line reads as the NUL that ends
	// CPython's buffer, so it claims 32 bytes.
	var first byte
	if len(data) > 0 {
		first, data = data[0], data[1:]
	}
	n := int(first-' ') & 63
	out := make([]byte, 0, n)
	var acc uint
	nbits := 0
	i := 0
	for len(out) < n {
		var v byte
		if i < len(data) && data[i] != '\n' && data[i] != '\r' {
			c := data[i]
			// '`' (one past the alphabet) stands for zero in some encoders.
			if c < ' ' || c > ' '+64 {
				return Value{}, binasciiError(in, "Illegal char")
			}
			v = (c - ' ') & 63
		}
		// Missing characters (spaces stripped from the line end) are zeros.
		i++
		acc = acc<<6 | uint(v)
		nbits += 6
		if nbits >= 8 {
			nbits -= 8
			out = append(out, byte(acc>>nbits))
			acc &= 1<<nbits - 1
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c != ' ' && c != ' '+64 && c != '\n' && c != '\r' {
			return Value{}, binasciiError(in, "Trailing garbage")
		}
	}
	return in.NewBytes(out)
}
