package interp

import "math/big"

// A text file's codec: one of the codec layer's (UTF-8, ASCII, Latin-1,
// decoded and encoded in Go), or, for the other text codecs and error
// handlers, the codec registry's incremental decoder and encoder
// (codecs.lookup(encoding).incrementaldecoder(errors)), which the _codecs
// module provides, as CPython's TextIOWrapper uses them. With the
// registry's codecs a position is CPython's cookie: the byte offset where
// decoding starts again, with the decoder's flags above bit 64, the
// bytes to feed it above bit 128 and the characters to skip then above
// bit 192 (and a flag to end the decoding above bit 256).

// textCodecInfo finds the codec of a text file: c for the codec layer's,
// else info, the registry's CodecInfo (owned).
func (in *Interp) textCodecInfo(encoding, errors string) (c codec, info Value, err error) {
	if !useCodecRegistry(encoding, errors) {
		c, err = in.lookupCodec(encoding)
		return c, Value{}, err
	}
	m, err := in.importModule("_codecs")
	if err != nil {
		return 0, Value{}, err
	}
	defer in.decRef(m)
	name, err := in.NewStr(encoding)
	if err != nil {
		return 0, Value{}, err
	}
	defer in.decRef(name)
	info, err = in.ioCallMethod(m, "lookup", name)
	if err != nil {
		return 0, Value{}, err
	}
	isText, err := in.lookupAttr(info, internName("_is_text_encoding"))
	if err == nil && !isText.IsNil() {
		var ok bool
		ok, err = in.Truth(isText)
		in.decRef(isText)
		if err == nil && !ok {
			err = in.raise(lookupErrorT, "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs", encoding)
		}
	}
	if err != nil {
		in.decRef(info)
		return 0, Value{}, err
	}
	return codecUnsupported, info, nil
}

// textSetCoders makes f's incremental decoder (when it reads) and
// encoder (when it writes) from the registry's CodecInfo, or drops them
// when info is nil.
func (in *Interp) textSetCoders(f *textFile, info Value, errors string) error {
	var dec, enc Value
	if !info.IsNil() {
		errs, err := in.NewStr(errors)
		if err != nil {
			return err
		}
		defer in.decRef(errs)
		for _, x := range []struct {
			want bool
			attr string
			out  *Value
		}{{f.readable, "incrementaldecoder", &dec}, {f.writable, "incrementalencoder", &enc}} {
			if !x.want {
				continue
			}
			if *x.out, err = in.ioCallMethod(info, x.attr, errs); err != nil {
				in.xdecRef(dec)
				return err
			}
		}
	}
	oldDec, oldEnc := f.pyDec, f.pyEnc
	f.pyDec, f.pyEnc = dec, enc
	in.xdecRef(oldDec)
	in.xdecRef(oldEnc)
	return nil
}

// textDecode decodes data with f's codec; used is how many bytes went
// (the registry's decoder takes them all and keeps what it cannot
// decode yet).
func (in *Interp) textDecode(f *textFile, data []byte, final bool) (string, int, error) {
	if f.pyDec.IsNil() {
		return in.decode(f.codec, f.errors, data, final)
	}
	b, err := in.newBytesCopy(data)
	if err != nil {
		return "", 0, err
	}
	defer in.decRef(b)
	r, err := in.ioCallMethod(f.pyDec, "decode", b, Bool(final))
	if err != nil {
		return "", 0, err
	}
	defer in.decRef(r)
	if !isStrValue(r) {
		return "", 0, in.raise(typeErrorType, "decoder should return a string result, not '%s'", r.Type().Name)
	}
	return r.GoString(), len(data), nil
}

// textEncode encodes s (WTF-8) with f's codec.
func (in *Interp) textEncode(f *textFile, s string) ([]byte, error) {
	if f.pyEnc.IsNil() {
		return in.encode(f.codec, f.errors, s)
	}
	v, err := in.NewStr(s)
	if err != nil {
		return nil, err
	}
	defer in.decRef(v)
	r, err := in.ioCallMethod(f.pyEnc, "encode", v)
	if err != nil {
		return nil, err
	}
	defer in.decRef(r)
	b, ok := bytesData(r)
	if !ok || !isBytesValue(r) && !isByteArray(r) {
		return nil, in.raise(typeErrorType, "encoder should return a bytes object, not '%s'", r.Type().Name)
	}
	return append([]byte(nil), b...), nil
}

// decoderState is the registry decoder's getstate(): the bytes it holds
// and its flags (owned).
func (in *Interp) decoderState(f *textFile) (buffered []byte, flags Value, err error) {
	st, err := in.ioCallMethod(f.pyDec, "getstate")
	if err != nil {
		return nil, Value{}, err
	}
	defer in.decRef(st)
	if st.Type() != tupleType || len(asObject[Tuple](st).items) != 2 {
		return nil, Value{}, in.raise(typeErrorType, "illegal decoder state")
	}
	items := asObject[Tuple](st).items
	b, ok := bytesData(items[0])
	if !ok || !isInt(items[1]) {
		return nil, Value{}, in.raise(typeErrorType, "illegal decoder state: %s", items[0].Type().Name)
	}
	incRef(items[1])
	return append([]byte(nil), b...), items[1], nil
}

// decoderSetState is the registry decoder's setstate((b"", flags)).
func (in *Interp) decoderSetState(f *textFile, buffered []byte, flags Value) error {
	b, err := in.newBytesCopy(buffered)
	if err != nil {
		return err
	}
	st, err := in.NewTuple(b, flags)
	in.decRef(b)
	if err != nil {
		return err
	}
	r, err := in.ioCallMethod(f.pyDec, "setstate", st)
	in.decRef(st)
	if err == nil {
		in.decRef(r)
	}
	return err
}

// textSnapshot records, before a chunk is decoded with the registry's
// decoder, the decoder's state and the bytes it is about to decode, from
// which tell() finds the position of the text decoded ahead (CPython's
// snapshot); chars are then the characters the chunk gave.
func (in *Interp) textSnapshot(f *textFile, chunk []byte) error {
	in.textDropSnapshot(f)
	if !f.seekable || f.iterating {
		return nil
	}
	buffered, flags, err := in.decoderState(f)
	if err != nil {
		return err
	}
	f.snapFlags = flags
	f.snapInput = append(buffered, chunk...)
	f.snapCarry = countRunes(f.pending)
	f.snapChars = 0
	f.snapValid = true
	return nil
}

// textDropSnapshot forgets the snapshot.
func (in *Interp) textDropSnapshot(f *textFile) {
	old := f.snapFlags
	f.snapFlags, f.snapInput, f.snapValid = Value{}, nil, false
	in.xdecRef(old)
}

// textCodecCookie is tell()'s answer for the registry's codecs given
// the buffer position pos (after the bytes decoded): where the text
// decoded ahead starts, found by decoding the snapshot's bytes again one
// at a time, as CPython does.
func (in *Interp) textCodecCookie(f *textFile, pos int64) (Value, error) {
	if !f.snapValid {
		return Int(pos), nil
	}
	start := pos - int64(len(f.snapInput))
	needed := f.snapChars - (countRunes(f.pending) - f.snapCarry)
	if needed < 0 {
		return Value{}, in.raise(notImplementedErrorType, "tell() before the last chunk decoded by the '%s' codec is not implemented yet", f.encoding)
	}
	if needed == 0 {
		return in.textBuildCookie(start, f.snapFlags, 0, 0, false)
	}
	savedBuf, savedFlags, err := in.decoderState(f)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(savedFlags)
	cookie, err := in.textReconstruct(f, start, needed)
	if rerr := in.decoderSetState(f, savedBuf, savedFlags); rerr != nil {
		in.xdecRef(cookie)
		in.xdecRefErr(err)
		return Value{}, rerr
	}
	return cookie, err
}

// textReconstruct decodes the snapshot's bytes from its state until
// needed characters came: the cookie is the last point before them
// where the decoder held no bytes, with the bytes to feed and the
// characters to skip from there.
func (in *Interp) textReconstruct(f *textFile, start int64, needed int) (Value, error) {
	if err := in.decoderSetState(f, nil, f.snapFlags); err != nil {
		return Value{}, err
	}
	safeFlags := f.snapFlags
	incRef(safeFlags)
	defer func() { in.decRef(safeFlags) }()
	chars, safeBytes, safeChars, fed := 0, 0, 0, 0
	for i := range f.snapInput {
		s, _, err := in.textDecode(f, f.snapInput[i:i+1], false)
		if err != nil {
			return Value{}, err
		}
		chars += countRunes(s)
		fed = i + 1
		buffered, flags, err := in.decoderState(f)
		if err != nil {
			return Value{}, err
		}
		if len(buffered) == 0 && chars <= needed {
			in.decRef(safeFlags)
			safeFlags, safeBytes, safeChars = flags, i+1, chars
		} else {
			in.decRef(flags)
		}
		if chars >= needed {
			break
		}
	}
	eof := false
	if chars < needed {
		s, _, err := in.textDecode(f, nil, true)
		if err != nil {
			return Value{}, err
		}
		chars += countRunes(s)
		eof = true
		if chars < needed {
			return Value{}, in.raise(osErrorType, "can't reconstruct logical file position")
		}
	}
	return in.textBuildCookie(start+int64(safeBytes), safeFlags, int64(fed-safeBytes), int64(needed-safeChars), eof)
}

// textBuildCookie packs a position as CPython does: start | flags << 64
// | bytes to feed << 128 | characters to skip << 192 | need_eof << 256.
func (in *Interp) textBuildCookie(start int64, flags Value, feed, skip int64, eof bool) (Value, error) {
	if flags == Int(0) && feed == 0 && skip == 0 && !eof {
		return Int(start), nil
	}
	acc := Int(start)
	incRef(acc)
	parts := []struct {
		v     Value
		shift int64
	}{{flags, 64}, {Int(feed), 128}, {Int(skip), 192}, {Bool(eof), 256}}
	for _, p := range parts {
		if p.v == Int(0) || p.v == False {
			continue
		}
		v := p.v
		if v == True {
			v = Int(1)
		}
		sh, err := in.BinaryOp(OpLShift, v, Int(p.shift))
		if err != nil {
			in.decRef(acc)
			return Value{}, err
		}
		next, err := in.BinaryOp(OpOr, acc, sh)
		in.decRef(sh)
		in.decRef(acc)
		if err != nil {
			return Value{}, err
		}
		acc = next
	}
	return acc, nil
}

// textCookie is a parsed position.
type textCookie struct {
	pos        int64
	flags      Value // owned
	feed, skip int64
	eof        bool
}

// textCookieParts unpacks a cookie (an int, not negative).
func (in *Interp) textCookieParts(cookie Value) (textCookie, error) {
	if v, ok := IntValue(cookie); ok {
		return textCookie{pos: v, flags: Int(0)}, nil
	}
	var c textCookie
	var parts [5]Value
	for i := range parts {
		s, err := in.BinaryOp(OpRShift, cookie, Int(int64(64*i)))
		if err == nil && i < 4 {
			var mask Value
			if mask, err = in.NewInt(maxUint64Big); err == nil {
				var m Value
				m, err = in.BinaryOp(OpAnd, s, mask)
				in.decRef(mask)
				in.decRef(s)
				s = m
			} else {
				in.decRef(s)
			}
		}
		if err != nil {
			in.releaseAll(parts[:i])
			return c, err
		}
		parts[i] = s
	}
	defer in.releaseAll(parts[:])
	c.pos, _ = IntValue(parts[0])
	c.feed, _ = IntValue(parts[2])
	c.skip, _ = IntValue(parts[3])
	c.eof = parts[4] != Int(0)
	if !isSmallIntValue(parts[0]) || c.feed < 0 || c.skip < 0 || !isSmallIntValue(parts[2]) || !isSmallIntValue(parts[3]) {
		return c, in.raise(overflowErrorType, "Python int too large to convert to C long")
	}
	incRef(parts[1])
	c.flags = parts[1]
	return c, nil
}

// maxUint64Big is 2**64-1, the mask of a cookie's parts.
var maxUint64Big = new(big.Int).SetUint64(1<<64 - 1)

// isSmallIntValue reports whether v is an int that fits in an int64.
func isSmallIntValue(v Value) bool {
	_, ok := IntValue(v)
	return ok
}

// textCodecSeek puts the registry's decoder and encoder in the state of
// a seek to c: the decoder gets the cookie's flags, and the bytes to
// feed are decoded again, less the characters to skip.
func (in *Interp) textCodecSeek(f *textFile, c textCookie) error {
	in.textDropSnapshot(f)
	if !f.pyDec.IsNil() {
		var err error
		if c.pos == 0 && c.flags == Int(0) {
			var r Value
			if r, err = in.ioCallMethod(f.pyDec, "reset"); err == nil {
				in.decRef(r)
			}
		} else {
			err = in.decoderSetState(f, nil, c.flags)
		}
		if err != nil {
			return err
		}
		if c.feed > 0 || c.skip > 0 {
			data, err := in.ioCallMethod(f.buffer, "read", Int(c.feed))
			if err != nil {
				return err
			}
			defer in.decRef(data)
			p, ok := bytesData(data)
			if !ok {
				return in.raise(typeErrorType, "underlying read() should have returned a bytes object, not '%s'", data.Type().Name)
			}
			input := append([]byte(nil), p...)
			if err := in.textSnapshot(f, input); err != nil {
				return err
			}
			s, _, err := in.textDecode(f, input, c.eof)
			if err != nil {
				return err
			}
			n := countRunes(s)
			if n < int(c.skip) {
				return in.raise(osErrorType, "can't restore logical file position")
			}
			f.snapChars = n
			f.pending = s[runeOffset(s, int(c.skip)):]
		}
	}
	return in.textEncoderAt(f, c.pos)
}

// runeOffset is the byte offset of code point n of the WTF-8 string s.
func runeOffset(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, w := decodeCP(s[i:])
		i += w
	}
	return i
}

// textEncoderAt sets the registry's encoder for writing at pos: from
// the start of the stream it writes a BOM, elsewhere not (setstate(0)).
func (in *Interp) textEncoderAt(f *textFile, pos int64) error {
	if f.pyEnc.IsNil() {
		return nil
	}
	var r Value
	var err error
	if pos == 0 {
		r, err = in.ioCallMethod(f.pyEnc, "reset")
	} else {
		r, err = in.ioCallMethod(f.pyEnc, "setstate", Int(0))
	}
	if err == nil {
		in.decRef(r)
	}
	return err
}
