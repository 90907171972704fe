package modules

import (
	"strconv"

	"github.com/parallel-py/parallel/interp"
)

// The error handling the codec functions share: the built-in handlers
// run in Go, as CPython runs them inline; any other name is looked up
// in the registry and called with a UnicodeEncodeError or
// UnicodeDecodeError, answering (replacement, new position). The
// built-in handlers are also Python callables (codecs.lookup_error),
// which work from the exception's attributes.

// encodeRunes encodes the code points rs of the str str (borrowed, shown
// by errors) for the codec named codec. put appends the encoding of r,
// or answers ok false when the codec cannot encode it; reason is what
// errors say then. unit is the size of the codec's code unit (bytes a
// handler returns must fill whole units); spass, when not nil, encodes a
// surrogate for surrogatepass.
func encodeRunes(in *interp.Interp, codec, errors string, str Value, rs []rune, reason string, unit int,
	put func(out []byte, r rune) ([]byte, bool, error), spass func(out []byte, r rune) []byte) ([]byte, error) {
	out := make([]byte, 0, len(rs))
	var handler Value
	defer func() { in.XDecRef(handler) }()
	fail := func(start, end int) error {
		return in.NewUnicodeError(interp.ExcType("UnicodeEncodeError"), codec, str, start, end, reason)
	}
	// putASCII encodes a replacement made of ASCII characters.
	putASCII := func(s string, start, end int) error {
		for i := 0; i < len(s); i++ {
			o, ok, err := put(out, rune(s[i]))
			if err != nil {
				return err
			}
			if !ok {
				return fail(start, end)
			}
			out = o
		}
		return nil
	}
	for i := 0; i < len(rs); {
		o, ok, err := put(out, rs[i])
		if err != nil {
			return nil, err
		}
		if ok {
			out = o
			i++
			continue
		}
		start, end := i, i+1
		for end < len(rs) {
			_, ok, err := put(nil, rs[end])
			if err != nil {
				return nil, err
			}
			if ok {
				break
			}
			end++
		}
		run := rs[start:end]
		i = end
		switch errors {
		case "strict":
			return nil, fail(start, end)
		case "ignore":
		case "replace":
			for range run {
				if err := putASCII("?", start, end); err != nil {
					return nil, err
				}
			}
		case "backslashreplace":
			for _, r := range run {
				if err := putASCII(backslashEscape(r), start, end); err != nil {
					return nil, err
				}
			}
		case "xmlcharrefreplace":
			for _, r := range run {
				if err := putASCII("&#"+strconv.Itoa(int(r))+";", start, end); err != nil {
					return nil, err
				}
			}
		case "namereplace":
			for _, r := range run {
				if !isSurrogate(r) {
					return nil, in.Raise(interp.NotImplementedError, "the 'namereplace' error handler is not implemented yet")
				}
				if err := putASCII(backslashEscape(r), start, end); err != nil {
					return nil, err
				}
			}
		case "surrogateescape":
			for k, r := range run {
				if unit != 1 || r < 0xdc80 || r > 0xdcff {
					return nil, fail(start+k, end)
				}
				out = append(out, byte(r-0xdc00))
			}
		case "surrogatepass":
			for k, r := range run {
				if spass == nil || !isSurrogate(r) {
					return nil, fail(start+k, end)
				}
				out = spass(out, r)
			}
		default:
			if handler.IsNil() {
				if handler, err = lookupErrorHandler(in, errors); err != nil {
					return nil, err
				}
			}
			exc := in.NewUnicodeError(interp.ExcType("UnicodeEncodeError"), codec, str, start, end, reason)
			repl, pos, err := callErrorHandler(in, handler, exc, "encoding", len(rs))
			if err != nil {
				return nil, err
			}
			if interp.IsStr(repl) {
				for _, r := range interp.StrRunes(repl) {
					o, ok, err := put(out, r)
					if err == nil && !ok {
						err = fail(start, end)
					}
					if err != nil {
						in.DecRef(repl)
						return nil, err
					}
					out = o
				}
			} else {
				b, _ := interp.BufferBytes(repl)
				if len(b)%unit != 0 {
					in.DecRef(repl)
					return nil, fail(start, end)
				}
				out = append(out, b...)
			}
			in.DecRef(repl)
			i = pos
		}
	}
	return out, nil
}

// callErrorHandler calls a registered handler with exc (an error made
// by NewUnicodeError, which it consumes) and checks its answer: a
// replacement (str, or for an encoder bytes; a new reference) and the
// position to go on from, within 0..length.
func callErrorHandler(in *interp.Interp, handler Value, exc error, op string, length int) (Value, int, error) {
	ev := interp.ErrorValue(exc)
	if ev.IsNil() {
		return Value{}, 0, exc
	}
	r, err := in.Call(handler, []Value{ev}, nil)
	in.DiscardError(exc)
	if err != nil {
		return Value{}, 0, err
	}
	defer in.DecRef(r)
	items, ok := interp.TupleItems(r)
	valid := ok && len(items) == 2 && interp.IsInt(items[1]) &&
		(interp.IsStr(items[0]) || op == "encoding" && interp.IsBytes(items[0]))
	if !valid {
		what := "str"
		if op == "encoding" {
			what = "str/bytes"
		}
		return Value{}, 0, in.Raise(interp.TypeError, "%s error handler must return (%s, int) tuple", op, what)
	}
	pos, err := in.AsSsize(items[1])
	if err != nil {
		return Value{}, 0, err
	}
	if pos < 0 {
		pos += length
	}
	if pos < 0 || pos > length {
		return Value{}, 0, in.Raise(interp.IndexError, "position %d from error handler out of bounds", pos)
	}
	interp.IncRef(items[0])
	return items[0], pos, nil
}

// decodeErrs handles the decoding errors of one call of a decoder.
type decodeErrs struct {
	in      *interp.Interp
	codec   string
	errors  string
	data    []byte
	obj     Value // the bytes shown by errors, made when needed (owned)
	handler Value // owned
	// spass decodes the surrogate encoded at data[pos:] for
	// surrogatepass (nil: the codec has none).
	spass func(data []byte, pos int) (r rune, n int, ok bool)
}

// release drops what d made.
func (d *decodeErrs) release() {
	d.in.XDecRef(d.obj)
	d.in.XDecRef(d.handler)
}

// exc makes the UnicodeDecodeError of bytes start..end.
func (d *decodeErrs) exc(start, end int, reason string) error {
	if d.obj.IsNil() {
		var err error
		if d.obj, err = d.in.NewBytes(d.data); err != nil {
			return err
		}
	}
	return d.in.NewUnicodeError(interp.ExcType("UnicodeDecodeError"), d.codec, d.obj, start, end, reason)
}

// fail handles the bad bytes start..end: it appends the replacement to
// out and says where decoding goes on.
func (d *decodeErrs) fail(out []rune, start, end int, reason string) ([]rune, int, error) {
	in := d.in
	switch d.errors {
	case "strict":
		return nil, 0, d.exc(start, end, reason)
	case "ignore":
		return out, end, nil
	case "replace":
		return append(out, 0xfffd), end, nil
	case "backslashreplace":
		for _, b := range d.data[start:end] {
			out = append(out, []rune(backslashEscape(rune(b)))...)
		}
		return out, end, nil
	case "surrogateescape":
		n := 0
		for n < 4 && start+n < end && d.data[start+n] >= 0x80 {
			out = append(out, 0xdc00+rune(d.data[start+n]))
			n++
		}
		if n == 0 {
			return nil, 0, d.exc(start, end, reason)
		}
		return out, start + n, nil
	case "surrogatepass":
		if d.spass != nil {
			if r, n, ok := d.spass(d.data, start); ok {
				return append(out, r), start + n, nil
			}
		}
		return nil, 0, d.exc(start, end, reason)
	case "xmlcharrefreplace", "namereplace":
		return nil, 0, in.Raise(interp.TypeError, "don't know how to handle UnicodeDecodeError in error callback")
	}
	if d.handler.IsNil() {
		h, err := lookupErrorHandler(in, d.errors)
		if err != nil {
			return nil, 0, err
		}
		d.handler = h
	}
	repl, pos, err := callErrorHandler(in, d.handler, d.exc(start, end, reason), "decoding", len(d.data))
	if err != nil {
		return nil, 0, err
	}
	out = append(out, interp.StrRunes(repl)...)
	in.DecRef(repl)
	return out, pos, nil
}

func isSurrogate(r rune) bool { return r >= 0xd800 && r <= 0xdfff }

// backslashEscape is \xhh, \uhhhh or \Uhhhhhhhh for r.
func backslashEscape(r rune) string {
	const hex = "0123456789abcdef"
	var b []byte
	switch {
	case r < 0x100:
		b = []byte{'\\', 'x', hex[r>>4], hex[r&15]}
	case r < 0x10000:
		b = []byte{'\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]}
	default:
		b = []byte{'\\', 'U'}
		for shift := 28; shift >= 0; shift -= 4 {
			b = append(b, hex[r>>uint(shift)&15])
		}
	}
	return string(b)
}

// The built-in handlers as callables.

// unicodeErrorKind reads what a handler needs of exc: which kind of
// UnicodeError it is ("encode", "decode", "translate"), its object, and
// its start and end.
func unicodeErrorKind(in *interp.Interp, exc Value) (kind string, obj Value, start, end int, err error) {
	switch {
	case interp.IsInstance(exc, interp.ExcType("UnicodeEncodeError")):
		kind = "encode"
	case interp.IsInstance(exc, interp.ExcType("UnicodeDecodeError")):
		kind = "decode"
	case interp.IsInstance(exc, interp.ExcType("UnicodeTranslateError")):
		kind = "translate"
	default:
		return "", Value{}, 0, 0, in.Raise(interp.TypeError, "don't know how to handle %s in error callback", typeName(exc))
	}
	ints := [2]int{}
	for i, name := range []string{"start", "end"} {
		v, err := in.GetAttrString(exc, name)
		if err != nil {
			return "", Value{}, 0, 0, err
		}
		ints[i], err = in.AsSsize(v)
		in.DecRef(v)
		if err != nil {
			return "", Value{}, 0, 0, err
		}
	}
	obj, err = in.GetAttrString(exc, "object")
	if err != nil {
		return "", Value{}, 0, 0, err
	}
	// Clamp as CPython's accessors do.
	n := 0
	if kind == "decode" {
		b, _ := interp.BufferBytes(obj)
		n = len(b)
	} else if interp.IsStr(obj) {
		n = len(interp.StrRunes(obj))
	}
	start, end = max(0, min(ints[0], n)), max(0, min(ints[1], n))
	return kind, obj, start, end, nil
}

// handlerResult is the (replacement, end) tuple a handler returns.
func handlerResult(in *interp.Interp, repl []rune, end int) (Value, error) {
	s, err := in.NewStrRunes(repl)
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{s, interp.Int(int64(end))})
}

func handlerArg(in *interp.Interp, fname string, args, kwnames []Value) error {
	return in.CheckArgCount(fname, args, kwnames, 1, 1)
}

func strictErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := handlerArg(in, "strict_errors", args, kwnames); err != nil {
		return Value{}, err
	}
	if !interp.IsInstance(args[0], interp.BaseException) {
		return Value{}, in.Raise(interp.TypeError, "codec must pass exception instance")
	}
	return Value{}, in.RaiseValue(args[0])
}

// simpleHandler runs a built-in handler from the exception's
// attributes: make returns the replacement of the bad part of obj.
func simpleHandler(in *interp.Interp, fname string, args, kwnames []Value, kinds string,
	make func(kind string, obj Value, start, end int) ([]rune, int, error)) (Value, error) {
	if err := handlerArg(in, fname, args, kwnames); err != nil {
		return Value{}, err
	}
	kind, obj, start, end, err := unicodeErrorKind(in, args[0])
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(obj)
	if !codecHasWord(kinds, kind) {
		return Value{}, in.Raise(interp.TypeError, "don't know how to handle %s in error callback", typeName(args[0]))
	}
	repl, newEnd, err := make(kind, obj, start, end)
	if err != nil {
		return Value{}, err
	}
	if repl == nil && newEnd < 0 {
		return Value{}, in.RaiseValue(args[0])
	}
	return handlerResult(in, repl, newEnd)
}

func codecHasWord(list, w string) bool {
	for _, x := range codecSplitFields(list) {
		if x == w {
			return true
		}
	}
	return false
}

func codecSplitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func ignoreErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return simpleHandler(in, "ignore_errors", args, kwnames, "encode decode translate", func(kind string, obj Value, start, end int) ([]rune, int, error) {
		return []rune{}, end, nil
	})
}

func replaceErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return simpleHandler(in, "replace_errors", args, kwnames, "encode decode translate", func(kind string, obj Value, start, end int) ([]rune, int, error) {
		switch kind {
		case "decode":
			return []rune{0xfffd}, end, nil
		case "encode":
			return []rune(codecRepeat("?", end-start)), end, nil
		}
		return []rune(codecRepeat("\ufffd", end-start)), end, nil
	})
}

func codecRepeat(s string, n int) string {
	out := ""
	for range max(n, 0) {
		out += s
	}
	return out
}

func xmlcharrefreplaceErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return simpleHandler(in, "xmlcharrefreplace_errors", args, kwnames, "encode", func(kind string, obj Value, start, end int) ([]rune, int, error) {
		var out []rune
		for _, r := range interp.StrRunes(obj)[start:end] {
			out = append(out, []rune("&#"+strconv.Itoa(int(r))+";")...)
		}
		return append([]rune{}, out...), end, nil
	})
}

func backslashreplaceErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return simpleHandler(in, "backslashreplace_errors", args, kwnames, "encode decode translate", func(kind string, obj Value, start, end int) ([]rune, int, error) {
		out := []rune{}
		if kind == "decode" {
			b, _ := interp.BufferBytes(obj)
			for _, x := range b[start:end] {
				out = append(out, []rune(backslashEscape(rune(x)))...)
			}
			return out, end, nil
		}
		for _, r := range interp.StrRunes(obj)[start:end] {
			out = append(out, []rune(backslashEscape(r))...)
		}
		return out, end, nil
	})
}

func namereplaceErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return simpleHandler(in, "namereplace_errors", args, kwnames, "encode", func(kind string, obj Value, start, end int) ([]rune, int, error) {
		out := []rune{}
		for _, r := range interp.StrRunes(obj)[start:end] {
			if !isSurrogate(r) {
				return nil, 0, in.Raise(interp.NotImplementedError, "the 'namereplace' error handler is not implemented yet")
			}
			out = append(out, []rune(backslashEscape(r))...)
		}
		return out, end, nil
	})
}

func surrogateescapeErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := handlerArg(in, "surrogateescape", args, kwnames); err != nil {
		return Value{}, err
	}
	kind, obj, start, end, err := unicodeErrorKind(in, args[0])
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(obj)
	switch kind {
	case "decode":
		b, _ := interp.BufferBytes(obj)
		var out []rune
		n := 0
		for n < 4 && start+n < end && b[start+n] >= 0x80 {
			out = append(out, 0xdc00+rune(b[start+n]))
			n++
		}
		if n == 0 {
			return Value{}, in.RaiseValue(args[0])
		}
		return handlerResult(in, out, start+n)
	case "encode":
		var out []byte
		for _, r := range interp.StrRunes(obj)[start:end] {
			if r < 0xdc80 || r > 0xdcff {
				return Value{}, in.RaiseValue(args[0])
			}
			out = append(out, byte(r-0xdc00))
		}
		b, err := in.NewBytes(out)
		if err != nil {
			return Value{}, err
		}
		return newTupleOwned(in, []Value{b, interp.Int(int64(end))})
	}
	return Value{}, in.Raise(interp.TypeError, "don't know how to handle %s in error callback", typeName(args[0]))
}

func surrogatepassErrors(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := handlerArg(in, "surrogatepass", args, kwnames); err != nil {
		return Value{}, err
	}
	return Value{}, in.Raise(interp.NotImplementedError, "calling the 'surrogatepass' error handler directly is not implemented yet")
}
