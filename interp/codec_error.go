package interp

import "strconv"

// UnicodeEncodeError and UnicodeDecodeError as the codec layer raises
// them: with CPython's five arguments (encoding, object, start, end,
// reason), from which their attributes and str() are read.

// newUnicodeError makes a UnicodeEncodeError or UnicodeDecodeError with
// CPython's arguments.
func (in *Interp) newUnicodeError(t *Type, encoding string, object Value, start, end int, reason string) error {
	enc, err := in.NewStr(encoding)
	if err != nil {
		return err
	}
	defer in.decRef(enc)
	why, err := in.NewStr(reason)
	if err != nil {
		return err
	}
	defer in.decRef(why)
	e, err := in.newException(t, enc, object, Int(int64(start)), Int(int64(end)), why)
	if err != nil {
		return err
	}
	return e
}

// decodeError is the UnicodeDecodeError of bytes start..end of data,
// which it shows as a new bytes object.
func (in *Interp) decodeError(c codec, data []byte, start, end int, reason string) error {
	obj, err := in.newBytes(append([]byte(nil), data...))
	if err != nil {
		return err
	}
	defer in.decRef(obj)
	return in.newUnicodeError(unicodeDecodeErrorT, c.name(), obj, start, end, reason)
}

// encodeError is the UnicodeEncodeError of code points start..end of
// the text s, shown as obj, or as a new str when obj is nil.
func (in *Interp) encodeError(c codec, s string, obj Value, start, end int, reason string) error {
	if obj.IsNil() {
		var err error
		if obj, err = in.NewStr(s); err != nil {
			return err
		}
		defer in.decRef(obj)
	}
	return in.newUnicodeError(unicodeEncodeErrorT, c.name(), obj, start, end, reason)
}

// initUnicodeErrors gives UnicodeEncodeError and UnicodeDecodeError
// their str() and attributes. The exception types' init calls it once it
// has set every exception type's slots.
func initUnicodeErrors() {
	unicodeEncodeErrorT.str = unicodeErrorStr
	unicodeDecodeErrorT.str = unicodeErrorStr
	for _, t := range []*Type{unicodeEncodeErrorT, unicodeDecodeErrorT} {
		for i, name := range []string{"encoding", "object", "start", "end", "reason"} {
			i, name := i, name
			defGetSet(t, name, func(in *Interp, v Value) (Value, error) {
				args := asObject[Tuple](asObject[Exception](v).args).items
				if len(args) != 5 {
					return None, nil
				}
				incRef(args[i])
				return args[i], nil
			}, func(in *Interp, v, value Value) error {
				return in.raise(notImplementedErrorType, "setting %s.%s is not implemented yet", v.Type().Name, name)
			})
		}
	}
}

// unicodeErrorStr is str() of a UnicodeEncodeError or UnicodeDecodeError
// made with CPython's five arguments; any other is shown as exceptions
// are.
func unicodeErrorStr(in *Interp, v Value) (Value, error) {
	args := asObject[Tuple](asObject[Exception](v).args).items
	if len(args) != 5 || !isStr(args[0]) || !args[2].IsSmallInt() || !args[3].IsSmallInt() || !isStr(args[4]) {
		return exceptionStr(in, v)
	}
	enc, obj, reason := args[0].GoString(), args[1], args[4].GoString()
	start, end := int(args[2].SmallInt()), int(args[3].SmallInt())
	decoding := v.Type().IsSubtype(unicodeDecodeErrorT)
	if decoding && obj.Type().IsSubtype(bytesType) {
		data := asObject[Bytes](obj).b
		if start >= 0 && start < len(data) && end == start+1 {
			hex := appendBackslashEscape(nil, rune(data[start]))[2:]
			return in.NewStr("'" + enc + "' codec can't decode byte 0x" + string(hex) + " in position " + strconv.Itoa(start) + ": " + reason)
		}
	} else if !decoding && isStr(obj) {
		o := strObj(obj)
		if start >= 0 && start < o.length && end == start+1 {
			r, _ := decodeCP(o.s[o.offset(start):])
			esc := string(appendBackslashEscape(nil, r))
			return in.NewStr("'" + enc + "' codec can't encode character '" + esc + "' in position " + strconv.Itoa(start) + ": " + reason)
		}
	} else {
		return exceptionStr(in, v)
	}
	verb, noun := "encode", "characters"
	if decoding {
		verb, noun = "decode", "bytes"
	}
	return in.NewStr("'" + enc + "' codec can't " + verb + " " + noun + " in position " + strconv.Itoa(start) + "-" + strconv.Itoa(end-1) + ": " + reason)
}
