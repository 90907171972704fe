package modules

import (
	"github.com/parallel-py/parallel/interp"
)

// The stream codecs of _multibytecodec: MultibyteStreamReader and
// MultibyteStreamWriter, which read and write a stream through an
// engine, keeping cut sequences between calls.

var (
	mbReaderParams = interp.Params{Func: "StreamReader", Names: []string{"stream", "errors"}, Required: 1}
	mbWriterParams = interp.Params{Func: "StreamWriter", Names: []string{"stream", "errors"}, Required: 1}
)

// mbStreamNew makes the constructor of the reader (reader set) or the
// writer: (stream, errors='strict').
func mbStreamNew(reader bool) func(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	p, fname := &mbWriterParams, "StreamWriter"
	if reader {
		p, fname = &mbReaderParams, "StreamReader"
	}
	return func(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
		var stream, errArg Value
		if err := in.Unpack(p, args, kwnames, &stream, &errArg); err != nil {
			return Value{}, err
		}
		errors, err := mbCtorErrors(in, fname, 2, errArg)
		if err != nil {
			return Value{}, err
		}
		e, err := mbClassEngine(in, t)
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[mbStream](in, t)
		if err != nil {
			return Value{}, err
		}
		o.eng, o.errors = e, errors
		interp.IncRef(stream)
		o.stream = stream
		if reader {
			e.initDecoder(&o.st)
		} else {
			e.initEncoder(&o.st)
		}
		return interp.ValueOf(o), nil
	}
}

// mbSizeArg reads the size argument of read, readline and readlines:
// None or absent for -1, else an int.
func mbSizeArg(in *interp.Interp, args []Value) (int, error) {
	if len(args) < 2 || args[1].IsNone() {
		return -1, nil
	}
	if !interp.IsInt(args[1]) {
		return 0, in.Raise(interp.TypeError, "arg 1 must be an integer")
	}
	return in.AsSsize(args[1])
}

// mbReaderRead makes read, readline (with the stream's method of the
// same name) and readlines (which reads with read and splits).
func mbReaderRead(name, method string) interp.MethodFunc {
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords(name, kwnames); err != nil {
			return Value{}, err
		}
		if len(args) > 2 {
			return Value{}, in.Raise(interp.TypeError, "%s expected at most 1 argument, got %d", name, len(args)-1)
		}
		size, err := mbSizeArg(in, args)
		if err != nil {
			return Value{}, err
		}
		self := args[0]
		interp.IncRef(self)
		defer in.DecRef(self)
		out, err := mbReaderIRead(in, interp.ObjectOf[mbStream](self), method, size)
		if err != nil {
			return Value{}, err
		}
		s, err := in.NewStrRunes(out)
		if err != nil || name != "readlines" {
			return s, err
		}
		defer in.DecRef(s)
		return in.CallMethod(s, "splitlines", []Value{interp.True}, nil)
	}
}

// mbReaderIRead reads from the stream with method until some text is
// decoded (or the stream ends), as CPython's reader does.
func mbReaderIRead(in *interp.Interp, o *mbStream, method string, sizehint int) ([]rune, error) {
	if sizehint == 0 {
		return nil, nil
	}
	var out []rune
	for {
		var r Value
		var err error
		if o.stream.IsNil() {
			return nil, in.Raise(interp.ValueError, "the stream was cleared")
		}
		if sizehint < 0 {
			r, err = in.CallMethod(o.stream, method, nil, nil)
		} else {
			r, err = in.CallMethod(o.stream, method, []Value{interp.Int(int64(sizehint))}, nil)
		}
		if err != nil {
			return nil, err
		}
		if !r.Type().IsSubtype(interp.BytesType) {
			name := r.Type().Name
			in.DecRef(r)
			return nil, in.Raise(interp.TypeError, "stream function returned a non-bytes object (%s)", name)
		}
		chunk, _ := interp.BufferBytes(r)
		endOfFile := len(chunk) == 0
		data := &mbData{b: append(append([]byte(nil), o.pendingB...), chunk...)}
		in.DecRef(r)
		o.pendingB = nil
		pos := 0
		before := len(out)
		if len(data.b) > 0 {
			out, err = mbFeed(in, o.eng, &o.st, data, &pos, o.errors, out, false)
		}
		if err == nil && (endOfFile || sizehint < 0) && pos < len(data.b) {
			out, err = mbDecodeError(in, o.eng, data, &pos, o.errors, out, mbTooFew)
		}
		if err == nil && pos < len(data.b) {
			if len(data.b)-pos+len(o.pendingB) > mbMaxDecPending {
				err = in.Raise(interp.ExcType("UnicodeError"), "pending buffer overflow")
			} else {
				o.pendingB = append(o.pendingB, data.b[pos:]...)
			}
		}
		in.XDecRef(data.obj)
		if err != nil {
			return nil, err
		}
		if sizehint < 0 || len(out) != before || len(data.b) == 0 {
			return out, nil
		}
		sizehint = 1 // read one more byte and retry
	}
}

func mbReaderReset(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("reset", args, kwnames); err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbStream](args[0])
	if o.eng.decReset != nil {
		o.eng.decReset(&o.st)
	}
	o.pendingB = nil
	return interp.None, nil
}

// mbWriterWriteOne encodes one str and writes the bytes.
func mbWriterWriteOne(in *interp.Interp, self, s Value) error {
	o := interp.ObjectOf[mbStream](self)
	b, err := mbEncodeStateful(in, o.eng, &o.st, &o.pendingR, o.errors, s, false)
	if err != nil {
		return err
	}
	bv, err := in.NewBytes(b)
	if err != nil {
		return err
	}
	defer in.DecRef(bv)
	if o.stream.IsNil() {
		return in.Raise(interp.ValueError, "the stream was cleared")
	}
	r, err := in.CallMethod(o.stream, "write", []Value{bv}, nil)
	if err != nil {
		return err
	}
	in.DecRef(r)
	return nil
}

func mbWriterWrite(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("write", args, kwnames); err != nil {
		return Value{}, err
	}
	self := args[0]
	interp.IncRef(self)
	defer in.DecRef(self)
	if err := mbWriterWriteOne(in, self, args[1]); err != nil {
		return Value{}, err
	}
	return interp.None, nil
}

func mbWriterWritelines(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("writelines", args, kwnames); err != nil {
		return Value{}, err
	}
	self, lines := args[0], args[1]
	if !interp.IsSequence(lines) {
		return Value{}, in.Raise(interp.TypeError, "arg must be a sequence object")
	}
	interp.IncRef(self)
	defer in.DecRef(self)
	for i := 0; ; i++ {
		n, err := in.Len(lines)
		if err != nil {
			return Value{}, err
		}
		if i >= n {
			return interp.None, nil
		}
		s, err := in.GetItem(lines, interp.Int(int64(i)))
		if err != nil {
			return Value{}, err
		}
		err = mbWriterWriteOne(in, self, s)
		in.DecRef(s)
		if err != nil {
			return Value{}, err
		}
	}
}

func mbWriterReset(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("reset", args, kwnames); err != nil {
		return Value{}, err
	}
	self := args[0]
	o := interp.ObjectOf[mbStream](self)
	if o.pendingR == nil {
		return interp.None, nil
	}
	text := &mbText{runes: o.pendingR}
	o.pendingR = nil
	pos := 0
	b, err := mbEncode(in, o.eng, &o.st, text, &pos, o.errors, true, true)
	in.XDecRef(text.obj)
	if err != nil {
		return Value{}, err
	}
	if len(b) == 0 {
		return interp.None, nil
	}
	bv, err := in.NewBytes(b)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(bv)
	interp.IncRef(self)
	defer in.DecRef(self)
	r, err := in.CallMethod(o.stream, "write", []Value{bv}, nil)
	if err != nil {
		return Value{}, err
	}
	in.DecRef(r)
	return interp.None, nil
}
