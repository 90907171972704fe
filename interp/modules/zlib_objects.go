package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// zlib's stream objects: Compress (compressobj()), Decompress
// (decompressobj()) and _ZlibDecompressor (gzip's reader), with
// CPython 3.12's methods, attributes and messages.

// Rough sizes of the Go state behind a stream, accounted to the object
// so that the interpreter's memory limit sees them.
const (
	deflaterCost = 256 << 10
	inflaterCost = 40 << 10
)

type zlibCompressObject struct {
	alloc.Header
	d      *deflater
	broken bool // finished: zlib has freed the stream
}

type zlibDecompressObject struct {
	alloc.Header
	z                      *inflater
	unusedData, unconsumed Value // owned bytes
	zdict                  Value // owned; nil for none
	eof, ended             bool  // ended: flush() reached the end and zlib freed the stream
}

type zlibDecompressorObject struct {
	alloc.Header
	z          *inflater
	unusedData Value // owned bytes
	zdict      Value // owned; nil for none
	eof        bool
	needsInput bool
}

var (
	zlibCompressType = interp.NewType[zlibCompressObject](interp.TypeSpec{
		Name: "Compress", Module: "zlib",
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[zlibCompressObject](v)
			if o.d != nil {
				o.d = nil
				in.AccountBytes(v, -deflaterCost)
			}
		},
	})
	zlibDecompressType = interp.NewType[zlibDecompressObject](interp.TypeSpec{
		Name: "Decompress", Module: "zlib",
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[zlibDecompressObject](v)
			in.ClearRef(&o.unusedData)
			in.ClearRef(&o.unconsumed)
			in.ClearRef(&o.zdict)
			if o.z != nil {
				o.z = nil
				in.AccountBytes(v, -inflaterCost)
			}
		},
	})
	zlibDecompressorType = interp.NewType[zlibDecompressorObject](interp.TypeSpec{
		Name: "_ZlibDecompressor", Module: "zlib",
		Doc: "Create a decompressor object for decompressing data incrementally.\n\n" +
			"  wbits = 15\n  zdict\n" +
			"     The predefined compression dictionary. This is a sequence of bytes\n" +
			"     (such as a bytes object) containing subsequences that are expected\n" +
			"     to occur frequently in the data that is to be compressed. Those\n" +
			"     subsequences that are expected to be most common should come at the\n" +
			"     end of the dictionary. This must be the same dictionary as used by the\n" +
			"     compressor that produced the input data.\n\n",
		Construct: zlibNewDecompressor,
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[zlibDecompressorObject](v)
			in.ClearRef(&o.unusedData)
			in.ClearRef(&o.zdict)
			if o.z != nil {
				o.z = nil
				in.AccountBytes(v, -inflaterCost)
			}
		},
	})
)

// emptyBytes returns a new reference to b”.
func emptyBytes(in *interp.Interp) (Value, error) { return in.NewBytes(nil) }

// setBytesField replaces the bytes in *field with b.
func setBytesField(in *interp.Interp, field *Value, b []byte) error {
	v, err := in.NewBytes(b)
	if err != nil {
		return err
	}
	in.ClearRef(field)
	*field = v
	return nil
}

// fieldBytes returns the bytes of an owned bytes field.
func fieldBytes(v Value) []byte {
	b, _ := interp.BufferBytes(v)
	return b
}

// zdictArg checks decompressobj's zdict: any object with the buffer
// protocol, read when the dictionary is needed.
func zdictArg(in *interp.Interp, v Value) error {
	if _, ok := interp.BufferBytes(v); !ok {
		return in.Raise(interp.TypeError, "zdict argument must support the buffer protocol")
	}
	return nil
}

var zlibCompressobjParams = interp.Params{Func: "compressobj", Names: []string{"level", "method", "wbits", "memLevel", "strategy", "zdict"}}

func zlibCompressobj(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var a [6]Value
	if err := in.Unpack(&zlibCompressobjParams, args, kwnames, &a[0], &a[1], &a[2], &a[3], &a[4], &a[5]); err != nil {
		return Value{}, err
	}
	ints, err := intArgs(in, a[:5], []int{-1, 8, zlibMaxWbits, zlibDefMemLvl, 0})
	if err != nil {
		return Value{}, err
	}
	var dict []byte
	if !a[5].IsNil() && !a[5].IsNone() {
		if dict, err = bytesLikeArg(in, a[5]); err != nil {
			return Value{}, err
		}
	}
	d, ok, unsupported := newDeflater(ints[0], ints[1], ints[2], ints[3], ints[4], dict)
	switch {
	case !ok:
		return Value{}, in.Raise(interp.ValueError, "Invalid initialization option")
	case unsupported:
		return Value{}, windowNotImplemented(in)
	}
	return newCompressObject(in, d)
}

func newCompressObject(in *interp.Interp, d *deflater) (Value, error) {
	o, err := interp.NewObject[zlibCompressObject](in, zlibCompressType)
	if err != nil {
		return Value{}, err
	}
	v := interp.ValueOf(o)
	if err := in.AccountBytes(v, deflaterCost); err != nil {
		in.DecRef(v)
		return Value{}, err
	}
	o.d = d
	return v, nil
}

var zlibDecompressobjParams = interp.Params{Func: "decompressobj", Names: []string{"wbits", "zdict"}}

func zlibDecompressobj(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var wbitsArg, zdictVal Value
	if err := in.Unpack(&zlibDecompressobjParams, args, kwnames, &wbitsArg, &zdictVal); err != nil {
		return Value{}, err
	}
	wbits := zlibMaxWbits
	var err error
	if !wbitsArg.IsNil() {
		if wbits, err = cIntArg(in, wbitsArg); err != nil {
			return Value{}, err
		}
	}
	if !zdictVal.IsNil() {
		if err := zdictArg(in, zdictVal); err != nil {
			return Value{}, err
		}
	}
	z, ok := newInflater(wbits)
	if !ok {
		return Value{}, in.Raise(interp.ValueError, "Invalid initialization option")
	}
	if !zdictVal.IsNil() && z.wrap == 0 {
		z.setDict(fieldBytes(zdictVal))
	}
	o, err := interp.NewObject[zlibDecompressObject](in, zlibDecompressType)
	if err != nil {
		return Value{}, err
	}
	v := interp.ValueOf(o)
	if err := in.AccountBytes(v, inflaterCost); err != nil {
		in.DecRef(v)
		return Value{}, err
	}
	o.z = z
	if o.unusedData, err = emptyBytes(in); err == nil {
		o.unconsumed, err = emptyBytes(in)
	}
	if err != nil {
		in.DecRef(v)
		return Value{}, err
	}
	if !zdictVal.IsNil() {
		interp.IncRef(zdictVal)
		o.zdict = zdictVal
	}
	return v, nil
}

// Compress methods.

var (
	compressMethParams = interp.Params{Func: "compress", Names: []string{"data"}, PosOnly: 1, Required: 1}
	flushModeParams    = interp.Params{Func: "flush", Names: []string{"mode"}, PosOnly: 1}
	deepcopyParams     = interp.Params{Func: "__deepcopy__", Names: []string{"memo"}, PosOnly: 1, Required: 1}
)

// noArgsMethod checks a call of a clinic method taking no arguments
// ("copy() takes no arguments").
func noArgsMethod(in *interp.Interp, name string, args, kwnames []Value) error {
	if len(args) > 1 || len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no arguments", name)
	}
	return nil
}

func init() {
	t := zlibCompressType
	t.AddMethod("compress", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var dataArg Value
		if err := in.Unpack(&compressMethParams, args[1:], kwnames, &dataArg); err != nil {
			return Value{}, err
		}
		data, err := bytesLikeArg(in, dataArg)
		if err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[zlibCompressObject](args[0])
		if o.broken {
			return Value{}, zlibError(in, zlibErr{code: zStreamError}, "while compressing data")
		}
		return in.NewBytes(o.d.compress(data))
	})
	t.AddMethod("flush", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var modeArg Value
		if err := in.Unpack(&flushModeParams, args[1:], kwnames, &modeArg); err != nil {
			return Value{}, err
		}
		mode := zFinish
		if !modeArg.IsNil() {
			var err error
			if mode, err = cIntArg(in, modeArg); err != nil {
				return Value{}, err
			}
		}
		if mode == zNoFlush {
			return emptyBytes(in)
		}
		o := interp.ObjectOf[zlibCompressObject](args[0])
		if o.broken || mode < 0 || mode > zBlock {
			return Value{}, zlibError(in, zlibErr{code: zStreamError}, "while flushing")
		}
		out := o.d.flush(mode)
		if mode == zFinish {
			o.broken = true
		}
		return in.NewBytes(out)
	})
	compressCopy := func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[zlibCompressObject](self)
		if o.broken {
			return Value{}, in.Raise(interp.ValueError, "Inconsistent stream state")
		}
		d, ok := o.d.clone()
		if !ok {
			return Value{}, in.Raise(interp.NotImplementedError, "copy() of a zlib.Compress object after more than 1 MiB of input since the last full flush is not implemented yet")
		}
		return newCompressObject(in, d)
	}
	addCopyMethods(t, compressCopy)

	t = zlibDecompressType
	t.AddMember("unused_data", "unusedData", true)
	t.AddMember("unconsumed_tail", "unconsumed", true)
	t.AddGetSet("eof", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Bool(interp.ObjectOf[zlibDecompressObject](obj).eof), nil
	}, readonlyMember)
	t.AddMethod("decompress", decompressMethod)
	t.AddMethod("flush", decompressFlush)
	addCopyMethods(t, decompressCopy)

	t = zlibDecompressorType
	t.AddMember("unused_data", "unusedData", true)
	t.AddGetSet("eof", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Bool(interp.ObjectOf[zlibDecompressorObject](obj).eof), nil
	}, readonlyMember)
	t.AddGetSet("needs_input", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Bool(interp.ObjectOf[zlibDecompressorObject](obj).needsInput), nil
	}, readonlyMember)
	t.AddMethod("decompress", decompressorMethod)
}

// readonlyMember is the setter of what CPython makes a read-only
// member (T_BOOL, READONLY), whose message differs from a getset's.
func readonlyMember(in *interp.Interp, obj, value Value) error {
	return in.Raise(interp.AttributeError, "readonly attribute")
}

// addCopyMethods gives t copy(), __copy__() and __deepcopy__(memo).
func addCopyMethods(t *interp.Type, copyFn func(in *interp.Interp, self Value) (Value, error)) {
	for _, name := range []string{"copy", "__copy__"} {
		name := name
		t.AddMethod(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := noArgsMethod(in, name, args, kwnames); err != nil {
				return Value{}, err
			}
			return copyFn(in, args[0])
		})
	}
	t.AddMethod("__deepcopy__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var memo Value
		if err := in.Unpack(&deepcopyParams, args[1:], kwnames, &memo); err != nil {
			return Value{}, err
		}
		return copyFn(in, args[0])
	})
}

// Decompress methods.

var (
	decompressMethParams = interp.Params{Func: "decompress", Names: []string{"data", "max_length"}, PosOnly: 1, Required: 1}
	decompressFlushArgs  = interp.Params{Func: "flush", Names: []string{"length"}, PosOnly: 1}
)

// inflateWithDict runs z over data, answering a request for the preset
// dictionary with zdict (nil: none); the outputs are joined.
func inflateWithDict(in *interp.Interp, z *inflater, data []byte, limit int, zdict Value) ([]byte, inflateStop, error) {
	out, stop := z.inflate(data, limit)
	for stop == stopNeedDict && !zdict.IsNil() {
		d, ok := interp.BufferBytes(zdict)
		if !ok {
			return nil, 0, in.Raise(interp.TypeError, "zdict argument must support the buffer protocol")
		}
		if !z.setDict(d) {
			return nil, 0, zlibError(in, zlibErr{code: zDataError}, "while setting zdict")
		}
		if limit > 0 {
			limit -= len(out)
		}
		more, s := z.inflate(nil, limit)
		out, stop = append(out, more...), s
	}
	return out, stop, nil
}

func decompressMethod(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, maxArg Value
	if err := in.Unpack(&decompressMethParams, args[1:], kwnames, &dataArg, &maxArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	limit := 0
	if !maxArg.IsNil() {
		if limit, err = in.AsSsize(maxArg); err != nil {
			return Value{}, err
		}
	}
	if limit < 0 {
		return Value{}, in.Raise(interp.ValueError, "max_length must be non-negative")
	}
	if limit == 0 {
		limit = -1
	}
	o := interp.ObjectOf[zlibDecompressObject](args[0])
	if o.ended {
		return Value{}, zlibError(in, zlibErr{code: zStreamError}, "while decompressing data")
	}
	out, stop, err := inflateWithDict(in, o.z, data, limit, o.zdict)
	if err != nil {
		return Value{}, err
	}
	if err := o.saveInput(in, stop); err != nil {
		return Value{}, err
	}
	switch stop {
	case stopFailed:
		return Value{}, zlibError(in, o.z.err, "while decompressing data")
	case stopNeedDict:
		return Value{}, zlibError(in, zlibErr{code: zNeedDict}, "while decompressing data")
	}
	return in.NewBytes(out)
}

// saveInput files the input the stream did not use as CPython's
// save_unconsumed_input does: after the end into unused_data, otherwise
// into unconsumed_tail. Its quirk is kept: at the end, a non-empty
// unconsumed_tail is replaced by the same leftover that went to
// unused_data (a later flush() then adds it to unused_data again).
func (o *zlibDecompressObject) saveInput(in *interp.Interp, stop inflateStop) error {
	var rest []byte
	if stop != stopNeedInput {
		// After a stop for input, what the inflater holds is an
		// unfinished step: taken in, as zlib takes it into its state.
		rest = o.z.takeUnused()
	}
	moved := false
	if stop == stopStreamEnd {
		o.eof = true
		if len(rest) > 0 {
			joined := append(append([]byte(nil), fieldBytes(o.unusedData)...), rest...)
			if err := setBytesField(in, &o.unusedData, joined); err != nil {
				return err
			}
			moved = true
		}
	}
	if !moved && len(rest) > 0 || len(fieldBytes(o.unconsumed)) > 0 {
		return setBytesField(in, &o.unconsumed, rest)
	}
	return nil
}

func decompressFlush(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var lenArg Value
	if err := in.Unpack(&decompressFlushArgs, args[1:], kwnames, &lenArg); err != nil {
		return Value{}, err
	}
	if !lenArg.IsNil() {
		n, err := in.AsSsize(lenArg)
		if err != nil {
			return Value{}, err
		}
		if n <= 0 {
			return Value{}, in.Raise(interp.ValueError, "length must be greater than zero")
		}
	}
	o := interp.ObjectOf[zlibDecompressObject](args[0])
	if o.ended {
		return emptyBytes(in)
	}
	// The input is the unconsumed tail; errors end the flush quietly.
	tail := append([]byte(nil), fieldBytes(o.unconsumed)...)
	out, stop, err := inflateWithDict(in, o.z, tail, -1, o.zdict)
	if err != nil {
		return Value{}, err
	}
	if err := o.saveInput(in, stop); err != nil {
		return Value{}, err
	}
	if stop == stopStreamEnd {
		o.ended = true
	}
	return in.NewBytes(out)
}

func decompressCopy(in *interp.Interp, self Value) (Value, error) {
	o := interp.ObjectOf[zlibDecompressObject](self)
	if o.ended {
		return Value{}, in.Raise(interp.ValueError, "Inconsistent stream state")
	}
	c, err := interp.NewObject[zlibDecompressObject](in, zlibDecompressType)
	if err != nil {
		return Value{}, err
	}
	v := interp.ValueOf(c)
	if err := in.AccountBytes(v, inflaterCost); err != nil {
		in.DecRef(v)
		return Value{}, err
	}
	c.z = o.z.clone()
	for _, f := range []struct{ dst, src *Value }{{&c.unusedData, &o.unusedData}, {&c.unconsumed, &o.unconsumed}, {&c.zdict, &o.zdict}} {
		if !f.src.IsNil() {
			interp.IncRef(*f.src)
			*f.dst = *f.src
		}
	}
	c.eof = o.eof
	return v, nil
}

// _ZlibDecompressor.

var (
	zlibDecompressorParams = interp.Params{Func: "_ZlibDecompressor", Names: []string{"wbits", "zdict"}}
	decompressorMethParams = interp.Params{Func: "decompress", Names: []string{"data", "max_length"}, Required: 1}
)

func zlibNewDecompressor(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	var wbitsArg, zdict Value
	if err := in.Unpack(&zlibDecompressorParams, args, kwnames, &wbitsArg, &zdict); err != nil {
		return Value{}, err
	}
	wbits := zlibMaxWbits
	var err error
	if !wbitsArg.IsNil() {
		if wbits, err = cIntArg(in, wbitsArg); err != nil {
			return Value{}, err
		}
	}
	z, ok := newInflater(wbits)
	if !ok {
		return Value{}, in.Raise(interp.ValueError, "Invalid initialization option")
	}
	if !zdict.IsNil() && z.wrap == 0 {
		d, ok := interp.BufferBytes(zdict)
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "zdict argument must support the buffer protocol")
		}
		z.setDict(d)
	}
	o, err := interp.NewObject[zlibDecompressorObject](in, t)
	if err != nil {
		return Value{}, err
	}
	v := interp.ValueOf(o)
	if err := in.AccountBytes(v, inflaterCost); err != nil {
		in.DecRef(v)
		return Value{}, err
	}
	o.z, o.needsInput = z, true
	if o.unusedData, err = emptyBytes(in); err != nil {
		in.DecRef(v)
		return Value{}, err
	}
	if !zdict.IsNil() {
		interp.IncRef(zdict)
		o.zdict = zdict
	}
	return v, nil
}

func decompressorMethod(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var dataArg, maxArg Value
	if err := in.Unpack(&decompressorMethParams, args[1:], kwnames, &dataArg, &maxArg); err != nil {
		return Value{}, err
	}
	data, err := bytesLikeArg(in, dataArg)
	if err != nil {
		return Value{}, err
	}
	limit := -1
	if !maxArg.IsNil() {
		if limit, err = in.AsSsize(maxArg); err != nil {
			return Value{}, err
		}
		if limit < 0 {
			limit = -1
		}
	}
	o := interp.ObjectOf[zlibDecompressorObject](args[0])
	if o.eof {
		return Value{}, in.Raise(interp.ExcType("EOFError"), "End of stream already reached")
	}
	out, stop := o.z.inflate(data, limit)
	switch stop {
	case stopFailed:
		return Value{}, zlibError(in, o.z.err, "while decompressing data")
	case stopNeedDict:
		// CPython 3.12 fails here without an exception, zdict or not
		// (a zlib stream's dictionary is only read by Decompress).
		return Value{}, in.Raise(interp.ExcType("SystemError"), "<method 'decompress' of 'zlib._ZlibDecompressor' objects> returned NULL without setting an exception")
	case stopStreamEnd:
		o.eof, o.needsInput = true, false
		if rest := o.z.takeUnused(); len(rest) > 0 {
			if err := setBytesField(in, &o.unusedData, rest); err != nil {
				return Value{}, err
			}
		}
	default:
		o.needsInput = !o.z.pendingInput()
	}
	return in.NewBytes(out)
}
