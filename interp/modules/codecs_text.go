package modules

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/parallel-py/parallel/interp"
)

// The codec functions of _codecs that the encodings package's modules
// call: each encoder returns (bytes, characters consumed) and each
// decoder (str, bytes consumed), as CPython's do. The escape codecs are
// in codecs_escape.go.

func addCodecFunctions(t *moduleTable) {
	t.fn("utf_8_encode", simpleEncoder("utf_8_encode", "utf-8", 1, utf8Put, utf8SurrogatePass, "surrogates not allowed"))
	t.fn("utf_8_decode", utf8Decode)
	t.fn("latin_1_encode", simpleEncoder("latin_1_encode", "latin-1", 1, limitPut(0x100), nil, "ordinal not in range(256)"))
	t.fn("latin_1_decode", latin1Decode)
	t.fn("ascii_encode", simpleEncoder("ascii_encode", "ascii", 1, limitPut(0x80), nil, "ordinal not in range(128)"))
	t.fn("ascii_decode", asciiDecode)
	t.fn("utf_16_encode", utfEncodeBOM("utf_16_encode", 2))
	t.fn("utf_16_le_encode", simpleEncoder("utf_16_le_encode", "utf-16-le", 2, utf16Put(binary.LittleEndian), utf16Pass(binary.LittleEndian), "surrogates not allowed"))
	t.fn("utf_16_be_encode", simpleEncoder("utf_16_be_encode", "utf-16-be", 2, utf16Put(binary.BigEndian), utf16Pass(binary.BigEndian), "surrogates not allowed"))
	t.fn("utf_16_decode", utfDecoder("utf_16_decode", 2, 0, false))
	t.fn("utf_16_le_decode", utfDecoder("utf_16_le_decode", 2, -1, false))
	t.fn("utf_16_be_decode", utfDecoder("utf_16_be_decode", 2, 1, false))
	t.fn("utf_16_ex_decode", utfDecoder("utf_16_ex_decode", 2, 0, true))
	t.fn("utf_32_encode", utfEncodeBOM("utf_32_encode", 4))
	t.fn("utf_32_le_encode", simpleEncoder("utf_32_le_encode", "utf-32-le", 4, utf32Put(binary.LittleEndian), utf32Pass(binary.LittleEndian), "surrogates not allowed"))
	t.fn("utf_32_be_encode", simpleEncoder("utf_32_be_encode", "utf-32-be", 4, utf32Put(binary.BigEndian), utf32Pass(binary.BigEndian), "surrogates not allowed"))
	t.fn("utf_32_decode", utfDecoder("utf_32_decode", 4, 0, false))
	t.fn("utf_32_le_decode", utfDecoder("utf_32_le_decode", 4, -1, false))
	t.fn("utf_32_be_decode", utfDecoder("utf_32_be_decode", 4, 1, false))
	t.fn("utf_32_ex_decode", utfDecoder("utf_32_ex_decode", 4, 0, true))
	for _, name := range []string{"utf_7_encode", "utf_7_decode"} {
		t.fn(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			return Value{}, in.Raise(interp.NotImplementedError, "the 'utf-7' codec is not implemented yet")
		})
	}
	t.fn("charmap_encode", charmapEncode)
	t.fn("charmap_decode", charmapDecode)
	t.fn("charmap_build", charmapBuild)
	t.fn("readbuffer_encode", readbufferEncode)
	addEscapeFunctions(t)
}

// Arguments.

// strArg reads argument pos (1-based) of fname, which must be a str.
func codecStrArgAt(in *interp.Interp, fname string, pos int, v Value) ([]rune, error) {
	if !interp.IsStr(v) {
		return nil, in.Raise(interp.TypeError, "%s() argument %d must be str, not %s", fname, pos, typeName(v))
	}
	return interp.StrRunes(v), nil
}

// bufferArg reads a bytes-like argument; with acceptStr a str gives its
// UTF-8 encoding.
func codecBufferArg(in *interp.Interp, v Value, acceptStr bool) ([]byte, error) {
	if acceptStr && interp.IsStr(v) {
		return in.FSEncode(v) // UTF-8; a lone surrogate fails as CPython's does
	}
	b, ok := interp.BufferBytes(v)
	if !ok {
		return nil, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", typeName(v))
	}
	return b, nil
}

// errorsArg reads an optional errors argument: a str, or None for
// "strict".
func codecErrorsArg(in *interp.Interp, fname string, pos int, args []Value) (string, error) {
	if len(args) <= pos-1 || args[pos-1].IsNone() {
		return "strict", nil
	}
	v := args[pos-1]
	if !interp.IsStr(v) {
		return "", in.Raise(interp.TypeError, "%s() argument %d must be str or None, not %s", fname, pos, typeName(v))
	}
	return v.GoString(), nil
}

// intArg reads an optional int argument.
func codecIntArg(in *interp.Interp, pos int, args []Value, def int) (int, error) {
	if len(args) <= pos-1 {
		return def, nil
	}
	return in.AsSsize(args[pos-1])
}

// encodeResult is (bytes, consumed).
func encodeResult(in *interp.Interp, b []byte, n int) (Value, error) {
	v, err := in.NewBytes(b)
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{v, interp.Int(int64(n))})
}

// decodeResult is (str, consumed), and the byte order after for the
// _ex_ decoders when ex is set.
func decodeResult(in *interp.Interp, rs []rune, n int, ex bool, order int) (Value, error) {
	s, err := in.NewStrRunes(rs)
	if err != nil {
		return Value{}, err
	}
	items := []Value{s, interp.Int(int64(n))}
	if ex {
		items = append(items, interp.Int(int64(order)))
	}
	return newTupleOwned(in, items)
}

// Encoders.

type putFunc = func(out []byte, r rune) ([]byte, bool, error)

func utf8Put(out []byte, r rune) ([]byte, bool, error) {
	if isSurrogate(r) {
		return out, false, nil
	}
	return utf8.AppendRune(out, r), true, nil
}

func utf8SurrogatePass(out []byte, r rune) []byte {
	return append(out, 0xed, byte(0xa0|(r>>6)&0x1f), byte(0x80|r&0x3f))
}

func limitPut(limit rune) putFunc {
	return func(out []byte, r rune) ([]byte, bool, error) {
		if r >= limit {
			return out, false, nil
		}
		return append(out, byte(r)), true, nil
	}
}

func utf16Put(o byteOrder) putFunc {
	return func(out []byte, r rune) ([]byte, bool, error) {
		switch {
		case isSurrogate(r):
			return out, false, nil
		case r < 0x10000:
			return o.AppendUint16(out, uint16(r)), true, nil
		}
		r -= 0x10000
		out = o.AppendUint16(out, uint16(0xd800+(r>>10)))
		return o.AppendUint16(out, uint16(0xdc00+(r&0x3ff))), true, nil
	}
}

func utf16Pass(o byteOrder) func([]byte, rune) []byte {
	return func(out []byte, r rune) []byte { return o.AppendUint16(out, uint16(r)) }
}

func utf32Put(o byteOrder) putFunc {
	return func(out []byte, r rune) ([]byte, bool, error) {
		if isSurrogate(r) {
			return out, false, nil
		}
		return o.AppendUint32(out, uint32(r)), true, nil
	}
}

func utf32Pass(o byteOrder) func([]byte, rune) []byte {
	return func(out []byte, r rune) []byte { return o.AppendUint32(out, uint32(r)) }
}

// simpleEncoder makes fname(str, errors=None, /) for a codec.
func simpleEncoder(fname, codec string, unit int, put putFunc, spass func([]byte, rune) []byte, reason string) interp.BuiltinFunc {
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount(fname, args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		rs, err := codecStrArgAt(in, fname, 1, args[0])
		if err != nil {
			return Value{}, err
		}
		errors, err := codecErrorsArg(in, fname, 2, args)
		if err != nil {
			return Value{}, err
		}
		b, err := encodeRunes(in, codec, errors, args[0], rs, reason, unit, put, spass)
		if err != nil {
			return Value{}, err
		}
		return encodeResult(in, b, len(rs))
	}
}

// utfEncodeBOM makes utf_16_encode and utf_32_encode (str, errors=None,
// byteorder=0, /): byte order 0 writes a BOM then little-endian units,
// -1 little-endian and 1 big-endian units without one.
func utfEncodeBOM(fname string, unit int) interp.BuiltinFunc {
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount(fname, args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		rs, err := codecStrArgAt(in, fname, 1, args[0])
		if err != nil {
			return Value{}, err
		}
		errors, err := codecErrorsArg(in, fname, 2, args)
		if err != nil {
			return Value{}, err
		}
		order, err := codecIntArg(in, 3, args, 0)
		if err != nil {
			return Value{}, err
		}
		var o byteOrder = binary.LittleEndian
		if order > 0 {
			o = binary.BigEndian
		}
		put, spass, codec := utf16Put(o), utf16Pass(o), "utf-16"
		if unit == 4 {
			put, spass, codec = utf32Put(o), utf32Pass(o), "utf-32"
		}
		var prefix []byte
		if order == 0 {
			prefix, _, _ = put(nil, 0xfeff)
		}
		b, err := encodeRunes(in, codec, errors, args[0], rs, "surrogates not allowed", unit, put, spass)
		if err != nil {
			return Value{}, err
		}
		return encodeResult(in, append(prefix, b...), len(rs))
	}
}

// Decoders.

// decoderArgs parses (data, errors=None, final=False, /) and the
// extra int argument of the _ex_ decoders (byteorder, before final).
func decoderArgs(in *interp.Interp, fname string, args, kwnames []Value, ex, acceptStr bool, finalDefault bool) (data []byte, errors string, order int, final bool, err error) {
	maxArgs := 3
	if ex {
		maxArgs = 4
	}
	if err = in.CheckArgCount(fname, args, kwnames, 1, maxArgs); err != nil {
		return
	}
	if data, err = codecBufferArg(in, args[0], acceptStr); err != nil {
		return
	}
	if errors, err = codecErrorsArg(in, fname, 2, args); err != nil {
		return
	}
	finalPos := 3
	if ex {
		if order, err = codecIntArg(in, 3, args, 0); err != nil {
			return
		}
		finalPos = 4
	}
	def := 0
	if finalDefault {
		def = 1
	}
	f, err := codecIntArg(in, finalPos, args, def)
	return data, errors, order, f != 0, err
}

func utf8Decode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	data, errors, _, final, err := decoderArgs(in, "utf_8_decode", args, kwnames, false, false, false)
	if err != nil {
		return Value{}, err
	}
	d := &decodeErrs{in: in, codec: "utf-8", errors: errors, data: data, spass: func(b []byte, pos int) (rune, int, bool) {
		if len(b)-pos >= 3 && b[pos] == 0xed && b[pos+1] >= 0xa0 && b[pos+1] <= 0xbf && b[pos+2]&0xc0 == 0x80 {
			return 0xd000 | rune(b[pos+1]&0x3f)<<6 | rune(b[pos+2]&0x3f), 3, true
		}
		return 0, 0, false
	}}
	defer d.release()
	out := make([]rune, 0, len(data))
	i := 0
	for i < len(data) {
		c := data[i]
		if c < utf8.RuneSelf {
			out = append(out, rune(c))
			i++
			continue
		}
		n, size, reason, incomplete := interp.UTF8Sequence(data[i:])
		if n > 0 {
			r, _ := utf8.DecodeRune(data[i : i+n])
			out = append(out, r)
			i += n
			continue
		}
		if !final && (incomplete || len(data)-i == 2 && c == 0xed && data[i+1] >= 0xa0 && data[i+1] <= 0xbf) {
			break
		}
		if out, i, err = d.fail(out, i, i+size, reason); err != nil {
			return Value{}, err
		}
	}
	return decodeResult(in, out, i, false, 0)
}

func latin1Decode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("latin_1_decode", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	data, err := codecBufferArg(in, args[0], false)
	if err != nil {
		return Value{}, err
	}
	if _, err := codecErrorsArg(in, "latin_1_decode", 2, args); err != nil {
		return Value{}, err
	}
	out := make([]rune, len(data))
	for i, b := range data {
		out[i] = rune(b)
	}
	return decodeResult(in, out, len(data), false, 0)
}

func asciiDecode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("ascii_decode", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	data, err := codecBufferArg(in, args[0], false)
	if err != nil {
		return Value{}, err
	}
	errors, err := codecErrorsArg(in, "ascii_decode", 2, args)
	if err != nil {
		return Value{}, err
	}
	d := &decodeErrs{in: in, codec: "ascii", errors: errors, data: data}
	defer d.release()
	out := make([]rune, 0, len(data))
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			out = append(out, rune(data[i]))
			i++
			continue
		}
		if out, i, err = d.fail(out, i, i+1, "ordinal not in range(128)"); err != nil {
			return Value{}, err
		}
	}
	return decodeResult(in, out, len(data), false, 0)
}

// utfDecoder makes the UTF-16 and UTF-32 decoders (unit bytes per code
// unit): order is -1 for little-endian, 1 for big-endian, 0 to read a
// BOM (little-endian without one); ex makes the _ex_ form, which takes
// the byte order as an argument and returns it.
func utfDecoder(fname string, unit int, order int, ex bool) interp.BuiltinFunc {
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		data, errors, argOrder, final, err := decoderArgs(in, fname, args, kwnames, ex, false, false)
		if err != nil {
			return Value{}, err
		}
		order := order
		if ex {
			order = argOrder
		}
		start := 0
		if order == 0 && len(data) >= unit {
			switch {
			case unit == 2 && data[0] == 0xff && data[1] == 0xfe,
				unit == 4 && binary.LittleEndian.Uint32(data) == 0xfeff:
				order, start = -1, unit
			case unit == 2 && data[0] == 0xfe && data[1] == 0xff,
				unit == 4 && binary.BigEndian.Uint32(data) == 0xfeff:
				order, start = 1, unit
			}
		}
		var o byteOrder = binary.LittleEndian
		codec := "utf-16-le"
		if order > 0 {
			o, codec = binary.BigEndian, "utf-16-be"
		}
		if unit == 4 {
			codec = "utf-32" + codec[6:]
		}
		d := &decodeErrs{in: in, codec: codec, errors: errors, data: data}
		defer d.release()
		var out []rune
		var n int
		if unit == 2 {
			out, n, err = decodeUTF16(d, o, start, final)
		} else {
			out, n, err = decodeUTF32(d, o, start, final)
		}
		if err != nil {
			return Value{}, err
		}
		return decodeResult(in, out, n, ex, order)
	}
}

func decodeUTF16(d *decodeErrs, o byteOrder, i int, final bool) ([]rune, int, error) {
	data := d.data
	d.spass = func(b []byte, pos int) (rune, int, bool) {
		if len(b)-pos >= 2 {
			if u := rune(o.Uint16(b[pos:])); isSurrogate(u) {
				return u, 2, true
			}
		}
		return 0, 0, false
	}
	out := make([]rune, 0, len(data)/2)
	var err error
	for i < len(data) {
		if len(data)-i < 2 {
			if !final {
				break
			}
			if out, i, err = d.fail(out, i, len(data), "truncated data"); err != nil {
				return nil, 0, err
			}
			continue
		}
		u := rune(o.Uint16(data[i:]))
		switch {
		case !isSurrogate(u):
			out = append(out, u)
			i += 2
			continue
		case u >= 0xdc00:
			out, i, err = d.fail(out, i, i+2, "illegal encoding")
		case len(data)-i < 4:
			if !final {
				return out, i, nil
			}
			out, i, err = d.fail(out, i, len(data), "unexpected end of data")
		default:
			u2 := rune(o.Uint16(data[i+2:]))
			if u2 >= 0xdc00 && u2 <= 0xdfff {
				out = append(out, 0x10000+(u-0xd800)<<10+(u2-0xdc00))
				i += 4
				continue
			}
			out, i, err = d.fail(out, i, i+2, "illegal UTF-16 surrogate")
		}
		if err != nil {
			return nil, 0, err
		}
	}
	return out, i, nil
}

func decodeUTF32(d *decodeErrs, o byteOrder, i int, final bool) ([]rune, int, error) {
	data := d.data
	d.spass = func(b []byte, pos int) (rune, int, bool) {
		if len(b)-pos >= 4 {
			if u := o.Uint32(b[pos:]); u >= 0xd800 && u <= 0xdfff {
				return rune(u), 4, true
			}
		}
		return 0, 0, false
	}
	out := make([]rune, 0, len(data)/4)
	var err error
	for i < len(data) {
		if len(data)-i < 4 {
			if !final {
				break
			}
			out, i, err = d.fail(out, i, len(data), "truncated data")
		} else {
			u := o.Uint32(data[i:])
			switch {
			case u > 0x10ffff:
				out, i, err = d.fail(out, i, i+4, "code point not in range(0x110000)")
			case u >= 0xd800 && u <= 0xdfff:
				out, i, err = d.fail(out, i, i+4, "code point in surrogate code point range(0xd800, 0xe000)")
			default:
				out = append(out, rune(u))
				i += 4
			}
		}
		if err != nil {
			return nil, 0, err
		}
	}
	return out, i, nil
}

// Charmap.

func charmapEncode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("charmap_encode", args, kwnames, 1, 3); err != nil {
		return Value{}, err
	}
	rs, err := codecStrArgAt(in, "charmap_encode", 1, args[0])
	if err != nil {
		return Value{}, err
	}
	errors, err := codecErrorsArg(in, "charmap_encode", 2, args)
	if err != nil {
		return Value{}, err
	}
	if len(args) < 3 || args[2].IsNone() {
		b, err := encodeRunes(in, "latin-1", errors, args[0], rs, "ordinal not in range(256)", 1, limitPut(0x100), nil)
		if err != nil {
			return Value{}, err
		}
		return encodeResult(in, b, len(rs))
	}
	mapping := args[2]
	put := func(out []byte, r rune) ([]byte, bool, error) {
		v, err := in.GetItem(mapping, interp.Int(int64(r)))
		if err != nil {
			if interp.ErrorIs(err, interp.ExcType("LookupError")) {
				in.DiscardError(err)
				return out, false, nil
			}
			return nil, false, err
		}
		defer in.DecRef(v)
		switch {
		case v.IsNone():
			return out, false, nil
		case interp.IsInt(v):
			n, ok := interp.IntValue(v)
			if !ok || n < 0 || n > 255 {
				return nil, false, in.Raise(interp.TypeError, "character mapping must be in range(256)")
			}
			return append(out, byte(n)), true, nil
		case interp.IsBytes(v):
			b, _ := interp.BufferBytes(v)
			return append(out, b...), true, nil
		}
		return nil, false, in.Raise(interp.TypeError, "character mapping must return integer, bytes or None, not %s", typeName(v))
	}
	b, err := encodeRunes(in, "charmap", errors, args[0], rs, "character maps to <undefined>", 1, put, nil)
	if err != nil {
		return Value{}, err
	}
	return encodeResult(in, b, len(rs))
}

func charmapDecode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("charmap_decode", args, kwnames, 1, 3); err != nil {
		return Value{}, err
	}
	data, err := codecBufferArg(in, args[0], false)
	if err != nil {
		return Value{}, err
	}
	errors, err := codecErrorsArg(in, "charmap_decode", 2, args)
	if err != nil {
		return Value{}, err
	}
	if len(args) < 3 || args[2].IsNone() {
		out := make([]rune, len(data))
		for i, b := range data {
			out[i] = rune(b)
		}
		return decodeResult(in, out, len(data), false, 0)
	}
	mapping := args[2]
	d := &decodeErrs{in: in, codec: "charmap", errors: errors, data: data}
	defer d.release()
	const undefined = "character maps to <undefined>"
	out := make([]rune, 0, len(data))
	if interp.IsStr(mapping) {
		table := interp.StrRunes(mapping)
		for i := 0; i < len(data); {
			if b := int(data[i]); b < len(table) && table[b] != 0xfffe {
				out = append(out, table[b])
				i++
				continue
			}
			if out, i, err = d.fail(out, i, i+1, undefined); err != nil {
				return Value{}, err
			}
		}
		return decodeResult(in, out, len(data), false, 0)
	}
	for i := 0; i < len(data); {
		v, err := in.GetItem(mapping, interp.Int(int64(data[i])))
		if err != nil {
			if !interp.ErrorIs(err, interp.ExcType("LookupError")) {
				return Value{}, err
			}
			in.DiscardError(err)
			v = interp.None
		}
		ok := true
		switch {
		case v.IsNone():
			ok = false
		case interp.IsInt(v):
			n, fits := interp.IntValue(v)
			if !fits || n < 0 || n > 0x10ffff {
				in.DecRef(v)
				return Value{}, in.Raise(interp.TypeError, "character mapping must be in range(0x110000)")
			}
			out = append(out, rune(n))
		case interp.IsStr(v):
			rs := interp.StrRunes(v)
			if len(rs) == 1 && rs[0] == 0xfffe {
				ok = false
			} else {
				out = append(out, rs...)
			}
		default:
			in.DecRef(v)
			return Value{}, in.Raise(interp.TypeError, "character mapping must return integer, None or str")
		}
		in.DecRef(v)
		if ok {
			i++
			continue
		}
		if out, i, err = d.fail(out, i, i+1, undefined); err != nil {
			return Value{}, err
		}
	}
	return decodeResult(in, out, len(data), false, 0)
}

// charmapBuild makes the encoding table of a decoding table: a dict
// from each character to its byte (CPython makes an EncodingMap for
// full tables, which behaves the same for charmap_encode).
func charmapBuild(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("charmap_build", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	rs, err := codecStrArgAt(in, "charmap_build", 1, args[0])
	if err != nil {
		return Value{}, err
	}
	dv, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	d := interp.AsDict(dv)
	for i, r := range rs {
		if r == 0xfffe && len(rs) == 256 {
			continue // an undefined byte of a full table
		}
		if err := in.DictSet(d, interp.Int(int64(r)), interp.Int(int64(i))); err != nil {
			in.DecRef(dv)
			return Value{}, err
		}
	}
	return dv, nil
}

func readbufferEncode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("readbuffer_encode", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	data, err := codecBufferArg(in, args[0], true)
	if err != nil {
		return Value{}, err
	}
	if _, err := codecErrorsArg(in, "readbuffer_encode", 2, args); err != nil {
		return Value{}, err
	}
	return encodeResult(in, data, len(data))
}

// byteOrder reads and appends code units.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}
