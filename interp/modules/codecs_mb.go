package modules

import (
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _multibytecodec module of CPython 3.12: the codec objects that
// _codecs_jp.getcodec() and its siblings return, and the incremental
// and stream codecs the encodings package's CJK modules derive their
// classes from (they find their engine in the class's "codec"
// attribute). The engines are in codecs_cjk*.go, the loops that drive
// them in codecs_mb_drive.go.

var mbTable moduleTable

// The most a decoder keeps of a cut sequence, and an encoder of text
// it cannot encode yet, as CPython's.
const (
	mbMaxDecPending = 8
	mbMaxEncPending = 2
)

// mbCodecObj is a MultibyteCodec: an engine.
type mbCodecObj struct {
	alloc.Header
	eng *mbEngine
}

// mbIncEncoder is a MultibyteIncrementalEncoder.
type mbIncEncoder struct {
	alloc.Header
	eng     *mbEngine
	st      mbState
	errors  string
	pending []rune
}

// mbIncDecoder is a MultibyteIncrementalDecoder.
type mbIncDecoder struct {
	alloc.Header
	eng     *mbEngine
	st      mbState
	errors  string
	pending []byte
}

// mbStream is a MultibyteStreamReader or MultibyteStreamWriter.
type mbStream struct {
	alloc.Header
	alloc.GCLink
	eng      *mbEngine
	st       mbState
	errors   string
	stream   Value // owned
	pendingB []byte
	pendingR []rune
}

var (
	mbCodecType, mbIncEncoderType, mbIncDecoderType *interp.Type
	mbStreamReaderType, mbStreamWriterType          *interp.Type
)

func init() {
	interp.RegisterModule("_multibytecodec", func(in *interp.Interp, m *interp.Module) error {
		return mbTable.fill(in, m)
	})
	mbCodecType = interp.NewType[mbCodecObj](interp.TypeSpec{Name: "MultibyteCodec", Module: "_multibytecodec"})
	mbCodecType.AddMethod("encode", mbCodecEncode)
	mbCodecType.AddMethod("decode", mbCodecDecode)

	noInit := func(in *interp.Interp, self Value, args []Value, kwnames []Value) error { return nil }
	mbIncEncoderType = interp.NewType[mbIncEncoder](interp.TypeSpec{
		Name: "MultibyteIncrementalEncoder", Module: "_multibytecodec", Subclassable: true,
		New: mbIncEncoderNew, Init: noInit,
	})
	mbIncDecoderType = interp.NewType[mbIncDecoder](interp.TypeSpec{
		Name: "MultibyteIncrementalDecoder", Module: "_multibytecodec", Subclassable: true,
		New: mbIncDecoderNew, Init: noInit,
	})
	streamSpec := func(name string, new func(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error)) interp.TypeSpec {
		return interp.TypeSpec{
			Name: name, Module: "_multibytecodec", Subclassable: true, New: new, Init: noInit,
			Dealloc:  func(in *interp.Interp, v Value) { in.ClearRef(&interp.ObjectOf[mbStream](v).stream) },
			Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[mbStream](v).stream) },
			Clear:    func(in *interp.Interp, v Value) { in.ClearRef(&interp.ObjectOf[mbStream](v).stream) },
		}
	}
	mbStreamReaderType = interp.NewType[mbStream](streamSpec("MultibyteStreamReader", mbStreamNew(true)))
	mbStreamWriterType = interp.NewType[mbStream](streamSpec("MultibyteStreamWriter", mbStreamNew(false)))

	for _, t := range []*interp.Type{mbIncEncoderType, mbIncDecoderType, mbStreamReaderType, mbStreamWriterType} {
		t := t
		t.AddGetSet("errors", func(in *interp.Interp, obj Value) (Value, error) {
			return in.NewStr(*mbErrorsField(obj))
		}, func(in *interp.Interp, obj, value Value) error {
			if value.IsNil() {
				return in.Raise(interp.AttributeError, "cannot delete attribute")
			}
			if !interp.IsStr(value) {
				return in.Raise(interp.TypeError, "errors must be a string")
			}
			s, err := mbUTF8Arg(in, value)
			if err != nil {
				return err
			}
			*mbErrorsField(obj) = s
			return nil
		})
	}
	mbStreamReaderType.AddMember("stream", "stream", true)
	mbStreamWriterType.AddMember("stream", "stream", true)

	mbIncEncoderType.AddMethod("encode", mbIncEncode)
	mbIncEncoderType.AddMethod("getstate", mbIncEncoderGetState)
	mbIncEncoderType.AddMethod("setstate", mbIncEncoderSetState)
	mbIncEncoderType.AddMethod("reset", mbIncEncoderReset)
	mbIncDecoderType.AddMethod("decode", mbIncDecode)
	mbIncDecoderType.AddMethod("getstate", mbIncDecoderGetState)
	mbIncDecoderType.AddMethod("setstate", mbIncDecoderSetState)
	mbIncDecoderType.AddMethod("reset", mbIncDecoderReset)
	mbStreamReaderType.AddMethod("read", mbReaderRead("read", "read"))
	mbStreamReaderType.AddMethod("readline", mbReaderRead("readline", "readline"))
	mbStreamReaderType.AddMethod("readlines", mbReaderRead("readlines", "read"))
	mbStreamReaderType.AddMethod("reset", mbReaderReset)
	mbStreamWriterType.AddMethod("write", mbWriterWrite)
	mbStreamWriterType.AddMethod("writelines", mbWriterWritelines)
	mbStreamWriterType.AddMethod("reset", mbWriterReset)

	mbTable.typ("MultibyteIncrementalEncoder", mbIncEncoderType)
	mbTable.typ("MultibyteIncrementalDecoder", mbIncDecoderType)
	mbTable.typ("MultibyteStreamReader", mbStreamReaderType)
	mbTable.typ("MultibyteStreamWriter", mbStreamWriterType)
	mbTable.fn("__create_codec", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.CheckArgCount("__create_codec", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		// Only the _codecs_* modules have codec capsules.
		return Value{}, in.Raise(interp.ValueError, "argument type invalid")
	})
}

// mbErrorsField is the errors name of an incremental or stream codec.
func mbErrorsField(v Value) *string {
	switch {
	case interp.IsInstance(v, mbIncEncoderType):
		return &interp.ObjectOf[mbIncEncoder](v).errors
	case interp.IsInstance(v, mbIncDecoderType):
		return &interp.ObjectOf[mbIncDecoder](v).errors
	}
	return &interp.ObjectOf[mbStream](v).errors
}

// mbUTF8Arg is a str argument as the C string CPython passes on.
func mbUTF8Arg(in *interp.Interp, v Value) (string, error) {
	b, err := in.FSEncode(v)
	if err != nil {
		return "", err
	}
	s := string(b)
	if strings.IndexByte(s, 0) >= 0 {
		return "", in.Raise(interp.ValueError, "embedded null character")
	}
	return s, nil
}

// newMbCodec makes the MultibyteCodec of an engine.
func newMbCodec(in *interp.Interp, e *mbEngine) (Value, error) {
	o, err := interp.NewObject[mbCodecObj](in, mbCodecType)
	if err != nil {
		return Value{}, err
	}
	o.eng = e
	return interp.ValueOf(o), nil
}

// mbErrorsArg reads an optional errors argument: a str, or None for
// "strict".
func mbErrorsArg(in *interp.Interp, fname string, v Value) (string, error) {
	if v.IsNil() || v.IsNone() {
		return "strict", nil
	}
	if !interp.IsStr(v) {
		return "", in.Raise(interp.TypeError, "%s() argument 'errors' must be str or None, not %s", fname, typeName(v))
	}
	return mbUTF8Arg(in, v)
}

var (
	mbEncodeParams = interp.Params{Func: "encode", Names: []string{"input", "errors"}, Required: 1}
	mbDecodeParams = interp.Params{Func: "decode", Names: []string{"input", "errors"}, Required: 1}
)

// mbStrInput is the text of an encoder's input: a str, or str() of
// anything else.
func mbStrInput(in *interp.Interp, v Value, what string) (*mbText, error) {
	if interp.IsStr(v) {
		interp.IncRef(v)
		return &mbText{runes: interp.StrRunes(v), obj: v}, nil
	}
	s, err := in.Str(v)
	if err != nil {
		return nil, err
	}
	if !interp.IsStr(s) {
		in.DecRef(s)
		return nil, in.Raise(interp.TypeError, "couldn't convert the object to %s.", what)
	}
	return &mbText{runes: interp.StrRunes(s), obj: s}, nil
}

func mbCodecEncode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var input, errArg Value
	if err := in.Unpack(&mbEncodeParams, args[1:], kwnames, &input, &errArg); err != nil {
		return Value{}, err
	}
	e := interp.ObjectOf[mbCodecObj](args[0]).eng
	text, err := mbStrInput(in, input, "unicode")
	if err != nil {
		return Value{}, err
	}
	defer in.XDecRef(text.obj)
	errors, err := mbErrorsArg(in, "encode", errArg)
	if err != nil {
		return Value{}, err
	}
	var st mbState
	e.initEncoder(&st)
	pos := 0
	b, err := mbEncode(in, e, &st, text, &pos, errors, true, true)
	if err != nil {
		return Value{}, err
	}
	return encodeResult(in, b, len(text.runes))
}

func mbCodecDecode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var input, errArg Value
	if err := in.Unpack(&mbDecodeParams, args[1:], kwnames, &input, &errArg); err != nil {
		return Value{}, err
	}
	e := interp.ObjectOf[mbCodecObj](args[0]).eng
	b, err := in.BufferSimple(input)
	if err != nil {
		return Value{}, err
	}
	data := &mbData{b: append([]byte(nil), b...)}
	defer func() { in.XDecRef(data.obj) }()
	errors, err := mbErrorsArg(in, "decode", errArg)
	if err != nil {
		return Value{}, err
	}
	if len(data.b) == 0 {
		return decodeResult(in, nil, 0, false, 0)
	}
	var st mbState
	e.initDecoder(&st)
	pos := 0
	out, err := mbFeed(in, e, &st, data, &pos, errors, make([]rune, 0, len(data.b)), true)
	if err != nil {
		return Value{}, err
	}
	return decodeResult(in, out, len(data.b), false, 0)
}

// mbClassEngine finds the engine of a class deriving from one of the
// incremental or stream types: its "codec" attribute.
func mbClassEngine(in *interp.Interp, t *interp.Type) (*mbEngine, error) {
	c, err := in.GetAttrString(interp.TypeValue(t), "codec")
	if err != nil {
		return nil, err
	}
	defer in.DecRef(c)
	if !interp.IsInstance(c, mbCodecType) {
		return nil, in.Raise(interp.TypeError, "codec is unexpected type")
	}
	return interp.ObjectOf[mbCodecObj](c).eng, nil
}

// mbCtorErrors reads the errors argument of a constructor (a str; the
// default "strict").
func mbCtorErrors(in *interp.Interp, fname string, pos int, v Value) (string, error) {
	if v.IsNil() {
		return "strict", nil
	}
	if !interp.IsStr(v) {
		// PyArg_Parse's messages call None "None", not its type.
		what := typeName(v)
		if v.IsNone() {
			what = "None"
		}
		return "", in.Raise(interp.TypeError, "%s() argument %d must be str, not %s", fname, pos, what)
	}
	return mbUTF8Arg(in, v)
}

var (
	mbIncEncoderParams = interp.Params{Func: "IncrementalEncoder", Names: []string{"errors"}}
	mbIncDecoderParams = interp.Params{Func: "IncrementalDecoder", Names: []string{"errors"}}
)

func mbIncEncoderNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	var errArg Value
	if err := in.Unpack(&mbIncEncoderParams, args, kwnames, &errArg); err != nil {
		return Value{}, err
	}
	errors, err := mbCtorErrors(in, "IncrementalEncoder", 1, errArg)
	if err != nil {
		return Value{}, err
	}
	e, err := mbClassEngine(in, t)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[mbIncEncoder](in, t)
	if err != nil {
		return Value{}, err
	}
	o.eng, o.errors = e, errors
	e.initEncoder(&o.st)
	return interp.ValueOf(o), nil
}

func mbIncDecoderNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	var errArg Value
	if err := in.Unpack(&mbIncDecoderParams, args, kwnames, &errArg); err != nil {
		return Value{}, err
	}
	errors, err := mbCtorErrors(in, "IncrementalDecoder", 1, errArg)
	if err != nil {
		return Value{}, err
	}
	e, err := mbClassEngine(in, t)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[mbIncDecoder](in, t)
	if err != nil {
		return Value{}, err
	}
	o.eng, o.errors = e, errors
	e.initDecoder(&o.st)
	return interp.ValueOf(o), nil
}

// mbFinalArg reads the final argument: an int, true when not zero.
func mbFinalArg(in *interp.Interp, v Value) (bool, error) {
	if v.IsNil() {
		return false, nil
	}
	if v.IsFloat() || interp.IsInstance(v, interp.FloatType) {
		return false, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return false, err
	}
	defer in.DecRef(i)
	n, ok := interp.IntValue(i)
	if !ok {
		return false, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	if n < -1<<31 || n >= 1<<31 {
		return false, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return n != 0, nil
}

var (
	mbIncEncodeParams = interp.Params{Func: "encode", Names: []string{"input", "final"}, Required: 1}
	mbIncDecodeParams = interp.Params{Func: "decode", Names: []string{"input", "final"}, Required: 1}
)

// mbEncodeStateful encodes input after what is pending, keeping what
// the engine asks more text for: the incremental encoder's and the
// stream writer's step.
func mbEncodeStateful(in *interp.Interp, e *mbEngine, st *mbState, pending *[]rune, errors string, input Value, final bool) ([]byte, error) {
	text, err := mbStrInput(in, input, "str")
	if err != nil {
		return nil, err
	}
	if len(*pending) > 0 {
		in.DecRef(text.obj)
		text = &mbText{runes: append(append([]rune(nil), *pending...), text.runes...)}
	}
	defer func() { in.XDecRef(text.obj) }()
	orig := *pending
	*pending = nil
	pos := 0
	b, err := mbEncode(in, e, st, text, &pos, errors, final, final)
	if err != nil {
		*pending = orig
		return nil, err
	}
	if pos < len(text.runes) {
		if len(text.runes)-pos > mbMaxEncPending {
			return nil, in.Raise(interp.ExcType("UnicodeError"), "pending buffer overflow")
		}
		*pending = append([]rune(nil), text.runes[pos:]...)
	}
	return b, nil
}

func mbIncEncode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var input, finalArg Value
	if err := in.Unpack(&mbIncEncodeParams, args[1:], kwnames, &input, &finalArg); err != nil {
		return Value{}, err
	}
	final, err := mbFinalArg(in, finalArg)
	if err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncEncoder](args[0])
	b, err := mbEncodeStateful(in, o.eng, &o.st, &o.pending, o.errors, input, final)
	if err != nil {
		return Value{}, err
	}
	return in.NewBytes(b)
}

// mbStateInt is the unsigned little-endian int of b.
func mbStateInt(in *interp.Interp, b []byte) (Value, error) {
	be := make([]byte, len(b))
	for i, x := range b {
		be[len(b)-1-i] = x
	}
	return in.NewInt(new(big.Int).SetBytes(be))
}

// mbStateBytes is the little-endian bytes of the int v in size bytes:
// OverflowError when it does not fit or is negative.
func mbStateBytes(in *interp.Interp, v Value, size int) ([]byte, error) {
	x := interp.BigIntOf(v)
	if x.Sign() < 0 {
		return nil, in.Raise(interp.OverflowError, "can't convert negative int to unsigned")
	}
	be := x.Bytes()
	if len(be) > size {
		return nil, in.Raise(interp.OverflowError, "int too big to convert")
	}
	out := make([]byte, size)
	for i, c := range be {
		out[len(be)-1-i] = c
	}
	return out, nil
}

func mbIncEncoderGetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("getstate", args, kwnames); err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncEncoder](args[0])
	pend := []byte(string(o.pending))
	if len(pend) > mbMaxEncPending*4 {
		return Value{}, in.Raise(interp.ExcType("UnicodeError"), "pending buffer too large")
	}
	b := append([]byte{byte(len(pend))}, pend...)
	b = append(b, o.st[:]...)
	return mbStateInt(in, b)
}

func mbIncEncoderSetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("setstate", args, kwnames); err != nil {
		return Value{}, err
	}
	if !interp.IsInt(args[1]) {
		return Value{}, in.Raise(interp.TypeError, "setstate() argument must be int, not %s", typeName(args[1]))
	}
	b, err := mbStateBytes(in, args[1], 1+mbMaxEncPending*4+len(mbState{}))
	if err != nil {
		return Value{}, err
	}
	if int(b[0]) > mbMaxEncPending*4 {
		return Value{}, in.Raise(interp.ExcType("UnicodeError"), "pending buffer too large")
	}
	pend := b[1 : 1+b[0]]
	pv, err := in.NewBytes(pend)
	if err != nil {
		return Value{}, err
	}
	s, err := in.CallMethod(pv, "decode", []Value{interp.ImmortalStr("utf-8")}, nil)
	in.DecRef(pv)
	if err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncEncoder](args[0])
	o.pending = interp.StrRunes(s)
	in.DecRef(s)
	copy(o.st[:], b[1+b[0]:])
	return interp.None, nil
}

func mbIncEncoderReset(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("reset", args, kwnames); err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncEncoder](args[0])
	if o.eng.encReset != nil {
		o.eng.encReset(&o.st, nil)
	}
	o.pending = nil
	return interp.None, nil
}

// mbDecodeStateful decodes input after the pending bytes, keeping a
// sequence cut short unless final: the incremental decoder's step.
func mbDecodeStateful(in *interp.Interp, e *mbEngine, st *mbState, pending *[]byte, errors string, input []byte, final bool) ([]rune, error) {
	data := &mbData{b: append(append([]byte(nil), *pending...), input...)}
	defer func() { in.XDecRef(data.obj) }()
	orig := *pending
	*pending = nil
	pos := 0
	out, err := mbFeed(in, e, st, data, &pos, errors, make([]rune, 0, len(data.b)), false)
	if err != nil {
		return nil, err
	}
	if final && pos < len(data.b) {
		if out, err = mbDecodeError(in, e, data, &pos, errors, out, mbTooFew); err != nil {
			*pending = orig
			return nil, err
		}
	}
	if pos < len(data.b) {
		if len(data.b)-pos > mbMaxDecPending {
			return nil, in.Raise(interp.ExcType("UnicodeError"), "pending buffer overflow")
		}
		*pending = append([]byte(nil), data.b[pos:]...)
	}
	return out, nil
}

func mbIncDecode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var input, finalArg Value
	if err := in.Unpack(&mbIncDecodeParams, args[1:], kwnames, &input, &finalArg); err != nil {
		return Value{}, err
	}
	b, err := in.BufferSimple(input)
	if err != nil {
		return Value{}, err
	}
	b = append([]byte(nil), b...)
	final, err := mbFinalArg(in, finalArg)
	if err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncDecoder](args[0])
	out, err := mbDecodeStateful(in, o.eng, &o.st, &o.pending, o.errors, b, final)
	if err != nil {
		return Value{}, err
	}
	return in.NewStrRunes(out)
}

func mbIncDecoderGetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("getstate", args, kwnames); err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncDecoder](args[0])
	buf, err := in.NewBytes(o.pending)
	if err != nil {
		return Value{}, err
	}
	n, err := mbStateInt(in, o.st[:])
	if err != nil {
		in.DecRef(buf)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{buf, n})
}

func mbIncDecoderSetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("setstate", args, kwnames); err != nil {
		return Value{}, err
	}
	items, ok := interp.TupleItems(args[1])
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "setstate() argument must be tuple, not %s", typeName(args[1]))
	}
	if len(items) != 2 || !items[0].Type().IsSubtype(interp.BytesType) || !interp.IsInt(items[1]) {
		return Value{}, in.Raise(interp.TypeError, "setstate(): illegal state argument")
	}
	buf, _ := interp.BufferBytes(items[0])
	if len(buf) > mbMaxDecPending {
		return Value{}, in.Raise(interp.ExcType("UnicodeError"), "pending buffer too large")
	}
	st, err := mbStateBytes(in, items[1], len(mbState{}))
	if err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncDecoder](args[0])
	o.pending = append([]byte(nil), buf...)
	copy(o.st[:], st)
	return interp.None, nil
}

func mbIncDecoderReset(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("reset", args, kwnames); err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[mbIncDecoder](args[0])
	if o.eng.decReset != nil {
		o.eng.decReset(&o.st)
	}
	o.pending = nil
	return interp.None, nil
}
