package modules

import (
	"math"
	"math/big"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/parallel-py/parallel/interp"
)

// The _testcapi module: the part of CPython's C-API test module that
// CPython's own regression tests (test_bytes, test_dict, test_unicode,
// test_exceptions, test_class, test_generators, test_float, ...) use.
// Each function does what the C-API call it wraps does, with its
// messages: the limits of C types on Linux amd64, PySequence_GetItem and
// friends (testcapi_seq.go), _PyDict_GetItem_KnownHash,
// PyObject_HasAttrString, PyErr_NewExceptionWithDoc, PyErr_SetObject,
// PyErr_NoMemory. What needs a C runtime we do not have (failing
// allocations on demand, subinterpreters) raises NotImplementedError.

const testcapiDoc = "The subset of CPython's C-API test module (_testcapi) that CPython's own\n" +
	"regression tests use: the limits of the C types, and functions that call\n" +
	"C-API operations Python code cannot name directly."

var testcapiTable moduleTable

// testcapiRecursingDoc is RecursingInfinitelyError.__doc__.
const testcapiRecursingDoc = "Instantiating this exception starts infinite recursion."

// testcapiInts are the integer limits of the C types on Linux amd64 that
// fit an int64; testcapiUints those that do not.
var testcapiInts = []struct {
	name string
	v    int64
}{
	{"CHAR_MAX", math.MaxInt8}, {"CHAR_MIN", math.MinInt8}, {"UCHAR_MAX", math.MaxUint8},
	{"SHRT_MAX", math.MaxInt16}, {"SHRT_MIN", math.MinInt16}, {"USHRT_MAX", math.MaxUint16},
	{"INT_MAX", math.MaxInt32}, {"INT_MIN", math.MinInt32}, {"UINT_MAX", math.MaxUint32},
	{"LONG_MAX", math.MaxInt64}, {"LONG_MIN", math.MinInt64},
	{"LLONG_MAX", math.MaxInt64}, {"LLONG_MIN", math.MinInt64},
	{"PY_SSIZE_T_MAX", math.MaxInt64}, {"PY_SSIZE_T_MIN", math.MinInt64},
	{"SIZEOF_VOID_P", 8}, {"SIZEOF_TIME_T", 8}, {"SIZEOF_WCHAR_T", 4}, {"ALIGNOF_MAX_ALIGN_T", 16},
}

var testcapiUints = []string{"ULONG_MAX", "ULLONG_MAX", "SIZE_MAX"}

// testcapiFloats are <float.h>'s limits: the largest finite and the
// smallest normal float and double.
var testcapiFloats = []struct {
	name string
	v    float64
}{
	{"FLT_MAX", math.MaxFloat32}, {"FLT_MIN", 0x1p-126},
	{"DBL_MAX", math.MaxFloat64}, {"DBL_MIN", 0x1p-1022},
}

func initTestcapi(in *interp.Interp, m *interp.Module) error {
	if err := testcapiTable.fill(in, m); err != nil {
		return err
	}
	u64, err := in.NewInt(new(big.Int).SetUint64(math.MaxUint64))
	if err != nil {
		return err
	}
	defer in.DecRef(u64)
	for _, name := range testcapiUints {
		if err := m.Set(in, name, u64); err != nil {
			return err
		}
	}
	// _testcapi.error is PyErr_NewException("_testcapi.error", NULL, NULL).
	errCls, err := testcapiNewException(in, "_testcapi.error", Value{}, Value{}, Value{})
	if err != nil {
		return err
	}
	err = m.Set(in, "error", errCls)
	in.DecRef(errCls)
	if err != nil {
		return err
	}
	rec, err := testcapiRecursingClass(in)
	if err != nil {
		return err
	}
	err = m.Set(in, "RecursingInfinitelyError", rec)
	in.DecRef(rec)
	return err
}

func init() {
	interp.RegisterModule("_testcapi", initTestcapi)
	testcapiTable.set("__doc__", interp.ImmortalStr(testcapiDoc))
	for _, c := range testcapiInts {
		testcapiTable.set(c.name, interp.Int(c.v))
	}
	for _, c := range testcapiFloats {
		testcapiTable.set(c.name, interp.Float(c.v))
	}
	// No limited C API and no pymalloc here: the tests that need them
	// (support.requires_limited_api, support.with_pymalloc) skip.
	testcapiTable.set("LIMITED_API_AVAILABLE", interp.False)
	testcapiTable.set("WITH_PYMALLOC", interp.False)

	testcapiTable.fn("raise_memoryerror", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := testcapiNoArgs(in, "raise_memoryerror", args, kwnames); err != nil {
			return Value{}, err
		}
		return Value{}, in.NoMemory()
	})
	testcapiTable.fn("raise_exception", testcapiRaiseException)
	testcapiTable.fn("make_exception_with_doc", testcapiMakeException)
	testcapiTable.fn("dict_getitem_knownhash", testcapiDictGetItemKnownHash)
	testcapiTable.fn("object_hasattrstring", testcapiHasAttrString)
	testcapiTable.fn("getbuffer_with_null_view", testcapiGetBufferNullView)
	testcapiTable.fn("raise_SIGINT_then_send_None", testcapiSIGINTSend)
	testcapiTable.fn("getargs_u", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := testcapiTupleArgs(in, "getargs_u", "", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		// CPython 3.12 removed the "u" argument format (the legacy
		// Py_UNICODE API) while keeping this function, so every call
		// fails in the argument parser, as here.
		return Value{}, in.Raise(interp.ExcType("SystemError"), "argument 1 (impossible<bad format char>)")
	})
	testcapiTable.fn("set_nomemory", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := testcapiTupleArgs(in, "set_nomemory", "", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		for _, a := range args {
			if _, err := testcapiCInt(in, a); err != nil {
				return Value{}, err
			}
		}
		return Value{}, in.Raise(interp.NotImplementedError, "_testcapi.set_nomemory (failing memory allocations on demand) is not implemented yet")
	})
	testcapiTable.fn("run_in_subinterp", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := testcapiTupleArgs(in, "run_in_subinterp", "run_in_subinterp", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if _, err := testcapiCString(in, "run_in_subinterp() argument 1", args[0]); err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.NotImplementedError, "_testcapi.run_in_subinterp (subinterpreters) is not implemented yet")
	})
	testcapiSeqInit()
}

// testcapiTupleArgs checks a call of a function that parses its
// arguments with PyArg_ParseTuple: no keywords (named kwName in the
// message), and between min and max positional ones; fname is the name a
// format's ":name" gives the count messages ("function" without one).
func testcapiTupleArgs(in *interp.Interp, kwName, fname string, args, kwnames []Value, min, max int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", kwName)
	}
	n := len(args)
	if n >= min && n <= max {
		return nil
	}
	who := "function"
	if fname != "" {
		who = fname + "()"
	}
	how, want := "exactly", min
	switch {
	case min == max:
	case n < min:
		how = "at least"
	default:
		how, want = "at most", max
	}
	return in.Raise(interp.TypeError, "%s takes %s %d argument%s (%d given)", who, how, want, testcapiPlural(want), n)
}

func testcapiPlural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// testcapiNoArgs checks the call of a METH_NOARGS function.
func testcapiNoArgs(in *interp.Interp, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "_testcapi.%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return in.Raise(interp.TypeError, "_testcapi.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

// testcapiCInt is the "i" argument format: an int (through __index__)
// that fits a C int, with PyArg_ParseTuple's messages.
func testcapiCInt(in *interp.Interp, v Value) (int32, error) {
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(iv)
	n, ok := interp.IntValue(iv)
	switch {
	case !ok:
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	case n > math.MaxInt32:
		return 0, in.Raise(interp.OverflowError, "signed integer is greater than maximum")
	case n < math.MinInt32:
		return 0, in.Raise(interp.OverflowError, "signed integer is less than minimum")
	}
	return int32(n), nil
}

// testcapiCString is the "s" argument format: a str without NUL, as the
// UTF-8 C string it gives (what names the argument starts the type
// error's message).
func testcapiCString(in *interp.Interp, what string, v Value) (string, error) {
	if !interp.IsStr(v) {
		return "", in.Raise(interp.TypeError, "%s must be str, not %s", what, testcapiArgTypeName(v))
	}
	s := v.GoString()
	if !utf8.ValidString(s) {
		// A lone surrogate: let the codec raise its UnicodeEncodeError.
		r, err := in.CallMethod(v, "encode", []Value{interp.ImmortalStr("utf-8")}, nil)
		if err != nil {
			return "", err
		}
		in.DecRef(r)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", in.Raise(interp.ValueError, "embedded null character")
	}
	return s, nil
}

// testcapiArgTypeName names v's type as the argument parsers' messages
// do: "None" for None, else the type's tp_name.
func testcapiArgTypeName(v Value) string {
	if v.IsNone() {
		return "None"
	}
	return testcapiTpName(v.Type())
}

// testcapiRaiseException is raise_exception(exception, num_args):
// PyErr_SetObject(exception, (0, 1, ..., num_args-1)), which makes the
// exception by calling the class with those arguments.
func testcapiRaiseException(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("_testcapi.raise_exception", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("raise_exception", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	exc := args[0]
	nv, err := in.Index(args[1])
	if err != nil {
		return Value{}, err
	}
	n, ok := interp.IntValue(nv)
	in.DecRef(nv)
	if !ok || n > math.MaxInt32 || n < math.MinInt32 {
		return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	if n < 0 {
		// PyTuple_New's check, with CPython's source position.
		return Value{}, in.Raise(interp.ExcType("SystemError"), "Objects/tupleobject.c:36: bad argument to internal function")
	}
	if n > 1<<26 {
		return Value{}, in.NoMemory()
	}
	items := make([]Value, n)
	for i := range items {
		items[i] = interp.Int(int64(i))
	}
	if cls := interp.AsType(exc); cls == nil || !cls.IsSubtype(interp.BaseException) {
		r, err := reprString(in, exc)
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.ExcType("SystemError"), "_PyErr_SetObject: exception %s is not a BaseException subclass", r)
	}
	e, err := in.Call(exc, items, nil)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(e)
	if !interp.IsInstance(e, interp.BaseException) {
		r, err := reprString(in, exc)
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.TypeError, "calling %s should have returned an instance of BaseException, not %s", r, testcapiTpName(e.Type()))
	}
	return Value{}, in.RaiseValue(e)
}

var testcapiMakeExceptionParams = &interp.Params{Func: "make_exception_with_doc", Names: []string{"name", "doc", "base", "dict"}, Required: 1}

// testcapiMakeException is make_exception_with_doc(name, doc=NULL,
// base=NULL, dict=NULL): PyErr_NewExceptionWithDoc.
func testcapiMakeException(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var name, doc, base, dict Value
	if err := in.Unpack(testcapiMakeExceptionParams, args, kwnames, &name, &doc, &base, &dict); err != nil {
		return Value{}, err
	}
	s, err := testcapiCString(in, "make_exception_with_doc() argument 'name'", name)
	if err != nil {
		return Value{}, err
	}
	if !doc.IsNil() {
		if _, err := testcapiCString(in, "make_exception_with_doc() argument 'doc'", doc); err != nil {
			return Value{}, err
		}
	}
	return testcapiNewException(in, s, doc, base, dict)
}

// testcapiNewException is PyErr_NewExceptionWithDoc(name, doc, base,
// dict) (PyErr_NewException when doc is nil): the class
// type(name's last part, bases, dict) with __module__ the part before
// the last dot unless dict has one, and bases (Exception,) by default,
// base itself when it is a tuple, else (base,). A given dict is
// changed, as CPython's is.
func testcapiNewException(in *interp.Interp, name string, doc, base, dict Value) (Value, error) {
	if !dict.IsNil() && interp.AsDict(dict) == nil {
		// CPython crashes here; its dict calls refuse a non-dict so.
		return Value{}, in.Raise(interp.ExcType("SystemError"), "bad argument to internal function")
	}
	var own Value
	if dict.IsNil() && !doc.IsNil() {
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		own, dict = d, d
		defer in.DecRef(own)
	}
	if !doc.IsNil() {
		if err := in.DictSet(interp.AsDict(dict), interp.ImmortalStr("__doc__"), doc); err != nil {
			return Value{}, err
		}
	}
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 {
		return Value{}, in.Raise(interp.ExcType("SystemError"), "PyErr_NewException: name must be module.class")
	}
	if base.IsNil() {
		base = interp.TypeValue(interp.ExcType("Exception"))
	}
	if dict.IsNil() {
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		own, dict = d, d
		defer in.DecRef(own)
	}
	modKey := interp.ImmortalStr("__module__")
	if _, ok, err := in.DictGet(interp.AsDict(dict), modKey); err != nil {
		return Value{}, err
	} else if !ok {
		mod, err := in.NewStr(name[:dot])
		if err != nil {
			return Value{}, err
		}
		err = in.DictSet(interp.AsDict(dict), modKey, mod)
		in.DecRef(mod)
		if err != nil {
			return Value{}, err
		}
	}
	var bases Value
	if _, ok := interp.TupleItems(base); ok {
		interp.IncRef(base)
		bases = base
	} else {
		t, err := in.NewTuple(base)
		if err != nil {
			return Value{}, err
		}
		bases = t
	}
	defer in.DecRef(bases)
	cname, err := in.NewStr(name[dot+1:])
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(cname)
	return in.Call(interp.TypeValue(interp.TypeType), []Value{cname, bases, dict}, nil)
}

// testcapiRecursingClass makes RecursingInfinitelyError, an Exception
// whose __init__ makes another instance of the class, so that raising
// it recurses until RecursionError. CPython's is a static type named
// without a module; __init__ here is a built-in bound to the class
// (class namespaces do not bind built-ins to instances).
func testcapiRecursingClass(in *interp.Interp) (Value, error) {
	ns, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(ns)
	d := interp.AsDict(ns)
	if err := in.DictSet(d, interp.ImmortalStr("__module__"), interp.ImmortalStr("builtins")); err != nil {
		return Value{}, err
	}
	if err := in.DictSet(d, interp.ImmortalStr("__doc__"), interp.ImmortalStr(testcapiRecursingDoc)); err != nil {
		return Value{}, err
	}
	bases, err := in.NewTuple(interp.TypeValue(interp.ExcType("Exception")))
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(bases)
	cls, err := in.Call(interp.TypeValue(interp.TypeType), []Value{interp.ImmortalStr("RecursingInfinitelyError"), bases, ns}, nil)
	if err != nil {
		return Value{}, err
	}
	initFn, err := in.NewMethod(testcapiRecursingInit, cls)
	if err == nil {
		err = in.SetAttr(cls, interp.ImmortalStr("__init__"), initFn)
		in.DecRef(initFn)
	}
	if err != nil {
		in.DecRef(cls)
		return Value{}, err
	}
	return cls, nil
}

// testcapiRecursingInit is RecursingInfinitelyError.__init__, called
// with the class first: PyErr_SetObject(class, NULL), whose making of
// the exception calls this again.
var testcapiRecursingInit = interp.NewBuiltin("__init__", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := in.EnterRecursiveCall(" while calling a Python object"); err != nil {
		return Value{}, err
	}
	e, err := in.Call(args[0], nil, nil)
	in.LeaveRecursiveCall()
	if err != nil {
		return Value{}, err
	}
	err = in.RaiseValue(e)
	in.DecRef(e)
	return Value{}, err
})

// testcapiDictGetItemKnownHash is dict_getitem_knownhash(dict, key,
// hash): _PyDict_GetItem_KnownHash, KeyError when absent.
func testcapiDictGetItemKnownHash(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := testcapiTupleArgs(in, "dict_getitem_knownhash", "dict_getitem_knownhash", args, kwnames, 3, 3); err != nil {
		return Value{}, err
	}
	hash, err := in.AsSsize(args[2])
	if err != nil {
		return Value{}, err
	}
	d := interp.AsDict(args[0])
	if d == nil {
		// PyErr_BadInternalCall, with CPython's source position.
		return Value{}, in.Raise(interp.ExcType("SystemError"), "Objects/dictobject.c:1734: bad argument to internal function")
	}
	v, ok, err := in.DictGetKnownHash(d, args[1], int64(hash))
	if err != nil {
		return Value{}, err
	}
	if !ok {
		e, err := in.Call(interp.TypeValue(interp.KeyError), []Value{args[1]}, nil)
		if err != nil {
			return Value{}, err
		}
		err = in.RaiseValue(e)
		in.DecRef(e)
		return Value{}, err
	}
	interp.IncRef(v)
	return v, nil
}

// testcapiHasAttrString is object_hasattrstring(obj, name):
// PyObject_HasAttrString, which reads name as a C string (up to its
// first NUL), decodes it as UTF-8 and answers 1 or 0, swallowing any
// error.
func testcapiHasAttrString(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := testcapiTupleArgs(in, "object_hasattrstring", "", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	obj, nameArg := args[0], args[1]
	var name string
	switch {
	case interp.IsStr(nameArg):
		if !utf8.ValidString(nameArg.GoString()) {
			r, err := in.CallMethod(nameArg, "encode", []Value{interp.ImmortalStr("utf-8")}, nil)
			if err != nil {
				return Value{}, err
			}
			in.DecRef(r)
		}
		name = nameArg.GoString()
	case interp.IsBytes(nameArg):
		b, _ := interp.BufferBytes(nameArg)
		name = string(b)
	case nameArg.IsNone():
		// "z#" passes None as NULL, on which CPython crashes.
		return Value{}, in.Raise(interp.ExcType("SystemError"), "bad argument to internal function")
	default:
		if _, err := in.BufferSimple(nameArg); err != nil {
			return Value{}, err
		}
		return Value{}, in.Raise(interp.TypeError, "argument 2 must be read-only bytes-like object, not %s", testcapiTpName(nameArg.Type()))
	}
	if i := strings.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	if !utf8.ValidString(name) {
		return interp.Int(0), nil
	}
	v, err := in.GetAttrString(obj, name)
	if err != nil {
		in.DiscardError(err)
		return interp.Int(0), nil
	}
	in.DecRef(v)
	return interp.Int(1), nil
}

// testcapiGetBufferNullView is getbuffer_with_null_view(obj):
// PyObject_GetBuffer with no view to fill, which every exporter refuses
// with BufferError (the message names the exporter's function).
func testcapiGetBufferNullView(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "_testcapi.getbuffer_with_null_view() takes no keyword arguments")
	}
	if len(args) != 1 {
		return Value{}, in.Raise(interp.TypeError, "_testcapi.getbuffer_with_null_view() takes exactly one argument (%d given)", len(args))
	}
	v := args[0]
	who := "PyBuffer_FillInfo" // bytes and most exporters fill the view so
	switch {
	case interp.IsInstance(v, interp.ByteArrayType):
		who = "bytearray_getbuffer"
	case interp.IsInstance(v, arrayType):
		who = "array_buffer_getbuf"
	case interp.IsBytes(v):
	default:
		if _, err := in.BufferSimple(v); err != nil {
			return Value{}, err
		}
	}
	return Value{}, in.Raise(interp.ExcType("BufferError"), "%s: view==NULL argument is obsolete", who)
}

// testcapiSIGINTSend is raise_SIGINT_then_send_None(gen): SIGINT
// arrives, then gen.send(None) runs; the KeyboardInterrupt must surface
// inside the innermost generator of a yield-from chain (bpo-30039).
func testcapiSIGINTSend(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := testcapiTupleArgs(in, "raise_SIGINT_then_send_None", "", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	if !interp.IsGenerator(args[0]) {
		return Value{}, in.Raise(interp.TypeError, "argument 1 must be generator, not %s", testcapiArgTypeName(args[0]))
	}
	in.Signal(int(syscall.SIGINT))
	return in.CallMethod(args[0], "send", []Value{interp.None}, nil)
}
