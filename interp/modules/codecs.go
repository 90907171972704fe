package modules

import (
	"github.com/parallel-py/parallel/interp"
)

// The _codecs module of CPython 3.12: the codec registry (search
// functions, their cached answers, error handlers) and the codec
// functions the encodings package's modules call (codecs_text.go,
// codecs_escape.go), with the error machinery they share in
// codecs_errors.go.
//
// As in CPython, the encodings package registers the search function
// that finds encodings/*.py; it is imported the first time the registry
// is used, as CPython imports it at startup. str.encode and bytes.decode
// reach the registry through interp.SetCodecRegistry for the codecs the
// interpreter's own codec layer lacks.

var codecsTable moduleTable

// codecsState is the registry of one interpreter. It owns a reference
// to each Value it holds.
type codecsState struct {
	booted   bool
	noLib    bool // the encodings package could not be imported
	search   []Value
	cache    map[string]Value
	handlers map[string]Value
}

var codecsStateKey byte

func getCodecsState(in *interp.Interp) *codecsState {
	return in.ModuleState(&codecsStateKey, func() any {
		return &codecsState{cache: map[string]Value{}, handlers: map[string]Value{}}
	}).(*codecsState)
}

// boot imports the encodings package once, whose import registers its
// search function (and may find the registry in use already, hence the
// flag set first).
func (st *codecsState) boot(in *interp.Interp) error {
	if st.booted {
		return nil
	}
	st.booted = true
	m, err := in.ImportModule("encodings")
	if err != nil {
		if !interp.ErrorIs(err, interp.ExcType("ImportError")) {
			return err
		}
		// Without the standard library only the interpreter's own
		// codecs exist: names are unknown rather than the import failing.
		in.DiscardError(err)
		st.noLib = true
		return nil
	}
	in.DecRef(m)
	return nil
}

// builtinErrorHandlers are the handlers every interpreter's registry
// starts with, by name.
var builtinErrorHandlers = map[string]Value{}

func init() {
	interp.RegisterModule("_codecs", initCodecs)
	interp.SetCodecRegistry(interp.CodecRegistry{Encode: registryEncode, Decode: registryDecode})

	for _, h := range []struct {
		name, fname string
		fn          interp.BuiltinFunc
	}{
		{"strict", "strict_errors", strictErrors},
		{"ignore", "ignore_errors", ignoreErrors},
		{"replace", "replace_errors", replaceErrors},
		{"xmlcharrefreplace", "xmlcharrefreplace_errors", xmlcharrefreplaceErrors},
		{"backslashreplace", "backslashreplace_errors", backslashreplaceErrors},
		{"namereplace", "namereplace_errors", namereplaceErrors},
		{"surrogateescape", "surrogateescape", surrogateescapeErrors},
		{"surrogatepass", "surrogatepass", surrogatepassErrors},
	} {
		builtinErrorHandlers[h.name] = interp.NewBuiltin(h.fname, h.fn)
	}

	t := &codecsTable
	t.fn("register", codecsRegister)
	t.fn("unregister", codecsUnregister)
	t.fn("lookup", codecsLookup)
	t.fn("encode", codecsEncode)
	t.fn("decode", codecsDecode)
	t.fn("register_error", codecsRegisterError)
	t.fn("lookup_error", codecsLookupError)
	addCodecFunctions(t)
}

func initCodecs(in *interp.Interp, m *interp.Module) error {
	return codecsTable.fill(in, m)
}

func codecsRegister(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("register", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsCallable(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "argument must be callable")
	}
	st := getCodecsState(in)
	if err := st.boot(in); err != nil {
		return Value{}, err
	}
	interp.IncRef(args[0])
	st.search = append(st.search, args[0])
	return interp.None, nil
}

func codecsUnregister(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("unregister", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	st := getCodecsState(in)
	for i, f := range st.search {
		if f.Is(args[0]) {
			st.search = append(st.search[:i], st.search[i+1:]...)
			// CPython empties the cache, since answers may have come
			// from the function gone.
			cache := st.cache
			st.cache = map[string]Value{}
			for _, v := range cache {
				in.DecRef(v)
			}
			in.DecRef(f)
			break
		}
	}
	return interp.None, nil
}

// lookupCodec is codecs.lookup(encoding): a CodecInfo (a new
// reference) from the cache or the search functions.
func lookupCodec(in *interp.Interp, encoding string) (Value, error) {
	st := getCodecsState(in)
	if err := st.boot(in); err != nil {
		return Value{}, err
	}
	norm := interp.NormalizeEncoding(encoding)
	if v, ok := st.cache[norm]; ok {
		interp.IncRef(v)
		return v, nil
	}
	if len(st.search) == 0 && !st.noLib {
		return Value{}, in.Raise(interp.ExcType("LookupError"), "no codec search functions registered: can't find encoding")
	}
	key, err := in.NewStr(norm)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(key)
	funcs := append([]Value(nil), st.search...)
	for _, f := range funcs {
		interp.IncRef(f)
	}
	defer releaseAll(in, funcs)
	for _, f := range funcs {
		r, err := in.Call(f, []Value{key}, nil)
		if err != nil {
			return Value{}, err
		}
		if r.IsNone() {
			continue
		}
		if items, ok := interp.TupleItems(r); !ok || len(items) != 4 {
			in.DecRef(r)
			return Value{}, in.Raise(interp.TypeError, "codec search functions must return 4-tuples")
		}
		if old, ok := st.cache[norm]; ok {
			in.DecRef(old)
		}
		interp.IncRef(r)
		st.cache[norm] = r
		return r, nil
	}
	return Value{}, in.Raise(interp.ExcType("LookupError"), "unknown encoding: %s", encoding)
}

func codecsLookup(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("lookup", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "lookup() argument must be str, not %s", typeName(args[0]))
	}
	return lookupCodec(in, args[0].GoString())
}

// codecsForget is _codecs._forget_codec(encoding), which CPython 3.12
// has in debug builds only; it is kept out of the namespace so that
// dir(_codecs) matches a release build.
func codecsForget(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("_forget_codec", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "_forget_codec() argument must be str, not %s", typeName(args[0]))
	}
	st := getCodecsState(in)
	norm := interp.NormalizeEncoding(args[0].GoString())
	if v, ok := st.cache[norm]; ok {
		delete(st.cache, norm)
		in.DecRef(v)
	}
	return interp.None, nil
}

var encodeParams = interp.Params{Func: "encode", Names: []string{"obj", "encoding", "errors"}, Required: 1}
var decodeParams = interp.Params{Func: "decode", Names: []string{"obj", "encoding", "errors"}, Required: 1}

// codecStrArg reads an optional str argument of fname (def when not
// given).
func codecStrArg(in *interp.Interp, fname, param string, v Value, def string) (string, error) {
	if v.IsNil() {
		return def, nil
	}
	if !interp.IsStr(v) {
		return "", in.Raise(interp.TypeError, "%s() argument '%s' must be str, not %s", fname, param, typeName(v))
	}
	return v.GoString(), nil
}

func codecsEncode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return codecsConvert(in, &encodeParams, 0, args, kwnames)
}

func codecsDecode(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	return codecsConvert(in, &decodeParams, 1, args, kwnames)
}

// codecsConvert is codecs.encode (which 0) and codecs.decode (1).
func codecsConvert(in *interp.Interp, p *interp.Params, which int, args []Value, kwnames []Value) (Value, error) {
	var obj, encArg, errArg Value
	if err := in.Unpack(p, args, kwnames, &obj, &encArg, &errArg); err != nil {
		return Value{}, err
	}
	encoding, err := codecStrArg(in, p.Func, "encoding", encArg, "utf-8")
	if err != nil {
		return Value{}, err
	}
	errors, err := codecStrArg(in, p.Func, "errors", errArg, "strict")
	if err != nil {
		return Value{}, err
	}
	return runCodec(in, which, obj, encoding, errors)
}

// runCodec calls the encoder (which 0) or decoder (1) of encoding on
// obj and returns the first item of its answer, noting the codec on a
// failure as CPython 3.12 does.
func runCodec(in *interp.Interp, which int, obj Value, encoding, errors string) (Value, error) {
	info, err := lookupCodec(in, encoding)
	if err != nil {
		return Value{}, err
	}
	items, _ := interp.TupleItems(info)
	fn := items[which]
	interp.IncRef(fn)
	in.DecRef(info)
	defer in.DecRef(fn)
	errv, err := in.NewStr(errors)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(errv)
	r, err := in.Call(fn, []Value{obj, errv}, nil)
	if err != nil {
		op := [2]string{"encoding", "decoding"}[which]
		return Value{}, noteCodecFailure(in, err, op+" with '"+encoding+"' codec failed")
	}
	defer in.DecRef(r)
	ri, ok := interp.TupleItems(r)
	if !ok || len(ri) != 2 {
		return Value{}, in.Raise(interp.TypeError, "%s must return a tuple (object, integer)", [2]string{"encoder", "decoder"}[which])
	}
	interp.IncRef(ri[0])
	return ri[0], nil
}

// noteCodecFailure adds note to the exception err and returns it.
func noteCodecFailure(in *interp.Interp, err error, note string) error {
	exc := interp.ErrorValue(err)
	if exc.IsNil() || interp.ErrorIs(err, interp.MemoryError) {
		return err
	}
	n, nerr := in.NewStr(note)
	if nerr != nil {
		in.DiscardError(err)
		return nerr
	}
	defer in.DecRef(n)
	r, nerr := in.CallMethod(exc, "add_note", []Value{n}, nil)
	if nerr != nil {
		in.DiscardError(err)
		return nerr
	}
	in.DecRef(r)
	return err
}

// registryEncode is str.encode through the registry, for the codecs
// the interpreter's own layer lacks.
func registryEncode(in *interp.Interp, v Value, encoding, errors string) (Value, error) {
	if err := checkTextEncoding(in, encoding, "encode"); err != nil {
		return Value{}, err
	}
	r, err := runCodec(in, 0, v, encoding, errors)
	if err != nil {
		return Value{}, err
	}
	if !interp.IsBytes(r) {
		in.DecRef(r)
		return Value{}, in.Raise(interp.TypeError, "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types", encoding, typeName(r))
	}
	return r, nil
}

// registryDecode is bytes.decode through the registry.
func registryDecode(in *interp.Interp, data Value, encoding, errors string) (Value, error) {
	if err := checkTextEncoding(in, encoding, "decode"); err != nil {
		return Value{}, err
	}
	r, err := runCodec(in, 1, data, encoding, errors)
	if err != nil {
		return Value{}, err
	}
	if !interp.IsStr(r) {
		in.DecRef(r)
		return Value{}, in.Raise(interp.TypeError, "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types", encoding, typeName(r))
	}
	return r, nil
}

// checkTextEncoding refuses a codec whose CodecInfo says it is not a
// text encoding, as str.encode and bytes.decode do.
func checkTextEncoding(in *interp.Interp, encoding, op string) error {
	info, err := lookupCodec(in, encoding)
	if err != nil {
		return err
	}
	defer in.DecRef(info)
	name, err := in.NewStr("_is_text_encoding")
	if err != nil {
		return err
	}
	defer in.DecRef(name)
	flag, err := in.LookupAttr(info, name)
	if err != nil || flag.IsNil() {
		return err
	}
	defer in.DecRef(flag)
	ok, err := in.Truth(flag)
	if err != nil || ok {
		return err
	}
	return in.Raise(interp.ExcType("LookupError"), "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs", encoding, op)
}

func codecsRegisterError(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("register_error", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "register_error() argument 1 must be str, not %s", typeName(args[0]))
	}
	if !interp.IsCallable(args[1]) {
		return Value{}, in.Raise(interp.TypeError, "handler must be callable")
	}
	st := getCodecsState(in)
	name := args[0].GoString()
	if old, ok := st.handlers[name]; ok {
		in.DecRef(old)
	}
	interp.IncRef(args[1])
	st.handlers[name] = args[1]
	return interp.None, nil
}

// lookupErrorHandler finds the handler registered under name (a new
// reference).
func lookupErrorHandler(in *interp.Interp, name string) (Value, error) {
	if h, ok := getCodecsState(in).handlers[name]; ok {
		interp.IncRef(h)
		return h, nil
	}
	if h, ok := builtinErrorHandlers[name]; ok {
		return h, nil
	}
	return Value{}, in.Raise(interp.ExcType("LookupError"), "unknown error handler name '%s'", name)
}

func codecsLookupError(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("lookup_error", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsStr(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "lookup_error() argument must be str, not %s", typeName(args[0]))
	}
	return lookupErrorHandler(in, args[0].GoString())
}
