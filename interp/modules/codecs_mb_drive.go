package modules

import (
	"github.com/parallel-py/parallel/interp"
)

// The engine interface of the multibyte codecs (the CJK codecs of
// _codecs_jp, _codecs_cn, ...) and the loops that drive an engine over
// a whole input with CPython's error handling: errors cover what the
// engine reports (one character, or one byte, at a time), "strict",
// "ignore" and "replace" are handled here, and any other name is looked
// up in the registry and called.

// mbState is an engine's state between calls: eight bytes, as
// CPython's, so that getstate() answers the same numbers.
type mbState [8]byte

// mbTooFew is the result of an engine that stops before a sequence the
// end of its input cuts short.
const mbTooFew = -1

// mbEngine is one multibyte codec.
type mbEngine struct {
	name string
	// decode decodes data[pos:], appending to out, until the end (r 0),
	// an illegal sequence of r bytes at the returned position (r > 0),
	// or one the end cuts short (r mbTooFew).
	decode func(st *mbState, data []byte, pos int, out []rune) (o []rune, newPos int, r int)
	// encode encodes text[pos:] likewise: r > 0 is the number of
	// characters it cannot encode at the returned position; mbTooFew
	// asks for more text unless flush is set.
	encode func(st *mbState, text []rune, pos int, out []byte, flush bool) (o []byte, newPos int, r int)
	// encInit and decInit set up a new state (nil: all zero); encReset
	// appends what returns the encoder to its initial state (nil:
	// nothing), decReset resets a decoder.
	encInit, decInit func(st *mbState)
	encReset         func(st *mbState, out []byte) []byte
	decReset         func(st *mbState)
	// unimplemented, when set, is the NotImplementedError to raise
	// instead of encoding or decoding.
	unimplemented string
}

func (e *mbEngine) initEncoder(st *mbState) {
	*st = mbState{}
	if e.encInit != nil {
		e.encInit(st)
	}
}

func (e *mbEngine) initDecoder(st *mbState) {
	*st = mbState{}
	if e.decInit != nil {
		e.decInit(st)
	}
}

// mbText is the text an encoding call works on, and the str errors show
// (made when first needed).
type mbText struct {
	runes []rune
	obj   Value // owned, or the zero Value until needed
}

func (t *mbText) object(in *interp.Interp) (Value, error) {
	if t.obj.IsNil() {
		v, err := in.NewStrRunes(t.runes)
		if err != nil {
			return Value{}, err
		}
		t.obj = v
	}
	return t.obj, nil
}

// mbEncode encodes text from *pos (advanced past what was encoded) with
// the error handler errors: with flush, nothing is left pending; with
// reset, the encoder's state is reset at the end.
func mbEncode(in *interp.Interp, e *mbEngine, st *mbState, text *mbText, pos *int, errors string, flush, reset bool) ([]byte, error) {
	if e.unimplemented != "" {
		return nil, in.Raise(interp.NotImplementedError, "%s", e.unimplemented)
	}
	out := []byte{}
	if len(text.runes) == 0 && !reset {
		return out, nil
	}
	for *pos < len(text.runes) {
		var r int
		out, *pos, r = e.encode(st, text.runes, *pos, out, flush)
		if r == 0 || r == mbTooFew && !flush {
			break
		}
		var err error
		if out, err = mbEncodeError(in, e, st, text, pos, errors, out, r); err != nil {
			return nil, err
		}
		if r == mbTooFew {
			break
		}
	}
	if reset && e.encReset != nil {
		out = e.encReset(st, out)
	}
	return out, nil
}

// mbEncodeError handles the encoding error r at *pos.
func mbEncodeError(in *interp.Interp, e *mbEngine, st *mbState, text *mbText, pos *int, errors string, out []byte, r int) ([]byte, error) {
	esize, reason := r, "illegal multibyte sequence"
	if r == mbTooFew {
		esize, reason = len(text.runes)-*pos, "incomplete multibyte sequence"
	}
	switch errors {
	case "replace":
		// The codec's own '?', or a plain one when it has none.
		o, _, rr := e.encode(st, []rune{'?'}, 0, out, false)
		if rr != 0 {
			o = append(out, '?')
		}
		*pos += esize
		return o, nil
	case "ignore":
		*pos += esize
		return out, nil
	}
	obj, err := text.object(in)
	if err != nil {
		return nil, err
	}
	exc := in.NewUnicodeError(interp.ExcType("UnicodeEncodeError"), e.name, obj, *pos, *pos+esize, reason)
	if errors == "strict" {
		return nil, exc
	}
	handler, err := lookupErrorHandler(in, errors)
	if err != nil {
		in.DiscardError(exc)
		return nil, err
	}
	defer in.DecRef(handler)
	repl, newPos, err := mbCallHandler(in, handler, exc, true, len(text.runes))
	if err != nil {
		return nil, err
	}
	defer in.DecRef(repl)
	if interp.IsStr(repl) {
		sub := &mbText{runes: interp.StrRunes(repl)}
		interp.IncRef(repl)
		sub.obj = repl
		p := 0
		b, err := mbEncode(in, e, st, sub, &p, "strict", true, false)
		in.DecRef(sub.obj)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	} else {
		b, _ := interp.BufferBytes(repl)
		out = append(out, b...)
	}
	*pos = newPos
	return out, nil
}

// mbCallHandler calls an error handler with exc (which it consumes) and
// checks its answer, as CPython's multibyte codecs do: a replacement
// (str, or for an encoder bytes; a new reference) and the position to go
// on from, within 0..length.
func mbCallHandler(in *interp.Interp, handler Value, exc error, encoding bool, length int) (Value, int, error) {
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
		(interp.IsStr(items[0]) || encoding && items[0].Type().IsSubtype(interp.BytesType))
	if !valid {
		what := "decoding error handler must return (str, int) tuple"
		if encoding {
			what = "encoding error handler must return (str, int) tuple"
		}
		return Value{}, 0, in.Raise(interp.TypeError, "%s", what)
	}
	pos, err := in.AsSsize(items[1])
	switch {
	case err != nil && !interp.ErrorIs(err, interp.OverflowError):
		return Value{}, 0, err
	case err != nil:
		// CPython reports the -1 of its failed conversion.
		in.DiscardError(err)
		pos = -1
	case pos < 0:
		pos += length
	}
	if pos < 0 || pos > length {
		return Value{}, 0, in.Raise(interp.IndexError, "position %d from error handler out of bounds", pos)
	}
	interp.IncRef(items[0])
	return items[0], pos, nil
}

// mbData is the bytes a decoding call works on, and the bytes object
// errors show (made when first needed).
type mbData struct {
	b   []byte
	obj Value // owned, or the zero Value until needed
}

func (d *mbData) object(in *interp.Interp) (Value, error) {
	if d.obj.IsNil() {
		v, err := in.NewBytes(d.b)
		if err != nil {
			return Value{}, err
		}
		d.obj = v
	}
	return d.obj, nil
}

// mbFeed decodes data from *pos until its end or, unless final, a
// sequence the end cuts short; errors go to the handler.
func mbFeed(in *interp.Interp, e *mbEngine, st *mbState, data *mbData, pos *int, errors string, out []rune, final bool) ([]rune, error) {
	if e.unimplemented != "" {
		return nil, in.Raise(interp.NotImplementedError, "%s", e.unimplemented)
	}
	for *pos < len(data.b) {
		var r int
		out, *pos, r = e.decode(st, data.b, *pos, out)
		if r == 0 || r == mbTooFew && !final {
			break
		}
		var err error
		if out, err = mbDecodeError(in, e, data, pos, errors, out, r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// mbDecodeError handles the decoding error r at *pos.
func mbDecodeError(in *interp.Interp, e *mbEngine, data *mbData, pos *int, errors string, out []rune, r int) ([]rune, error) {
	esize, reason := r, "illegal multibyte sequence"
	if r == mbTooFew {
		esize, reason = len(data.b)-*pos, "incomplete multibyte sequence"
	}
	switch errors {
	case "replace":
		*pos += esize
		return append(out, 0xfffd), nil
	case "ignore":
		*pos += esize
		return out, nil
	}
	obj, err := data.object(in)
	if err != nil {
		return nil, err
	}
	exc := in.NewUnicodeError(interp.ExcType("UnicodeDecodeError"), e.name, obj, *pos, *pos+esize, reason)
	if errors == "strict" {
		return nil, exc
	}
	handler, err := lookupErrorHandler(in, errors)
	if err != nil {
		in.DiscardError(exc)
		return nil, err
	}
	defer in.DecRef(handler)
	repl, newPos, err := mbCallHandler(in, handler, exc, false, len(data.b))
	if err != nil {
		return nil, err
	}
	out = append(out, interp.StrRunes(repl)...)
	in.DecRef(repl)
	*pos = newPos
	return out, nil
}
