package interp

import (
	"fmt"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Exception is an instance of BaseException or a subclass. It implements
// error, so operations return it as their error without boxing
// (docs/design/objects.md). It owns references to its args tuple and to
// the exceptions it chains to.
type Exception struct {
	alloc.Header
	alloc.GCLink
	args    Value // a tuple
	context Value // __context__, or nil
	cause   Value // __cause__, or nil

	suppressContext bool
	// contextDone is set once the raise that is in flight has linked
	// the exception to the one being handled: passing out of a Go call
	// into another frame is not a new raise (CPython sets __context__
	// only in PyErr_SetObject), so a context cleared on the way (a
	// finally block's `e.__context__ = None`) stays cleared. A raise
	// statement or a throw() starts a new raise.
	contextDone bool

	dict  Value   // __dict__ (holds __notes__ and a subclass's attributes)
	name  Value   // AttributeError.name, NameError.name, ImportError.name
	obj   Value   // AttributeError.obj
	value Value   // StopIteration.value, SystemExit.code
	msg   Value   // ImportError.msg
	path  Value   // ImportError.path
	slots []Value // a class's __slots__ values, made on first store

	// candidates and selfHint feed a NameError's "Did you mean" hint
	// (see suggest.go), recorded where it was raised.
	candidates []string
	selfHint   bool

	// tbObj is the traceback object chain last built for Python code
	// (__traceback__), covering the first tbLen entries of traceback.
	tbObj Value
	tbLen int

	// traceback lists where the exception passed, innermost last, as
	// (code, instruction index) pairs; the code objects are immortal.
	traceback []tracebackEntry
}

type tracebackEntry struct {
	code    *Code
	pc      int
	globals Value // the frame's globals (owned): tb_frame.f_globals
	frame   Value // the frame's object (owned), or nil: tb_frame
}

// addTraceback records that the exception passed through code at pc,
// as CPython's PyTraceBack_Here does for each frame it leaves.
func (e *Exception) addTraceback(c *Code, pc int, globals *Dict, frameObj Value) {
	var g Value
	if globals != nil {
		g = valueOf(globals)
		incRef(g)
	}
	e.traceback = append(e.traceback, tracebackEntry{c, pc, g, frameObj})
}

// copyTraceback returns a copy of entries holding its own references.
func copyTraceback(entries []tracebackEntry) []tracebackEntry {
	if len(entries) == 0 {
		return nil
	}
	c := append([]tracebackEntry(nil), entries...)
	for _, t := range c {
		for _, v := range []Value{t.globals, t.frame} {
			if !v.IsNil() {
				incRef(v)
			}
		}
	}
	return c
}

// replaceTraceback gives dst a copy of src's traceback, as
// PyException_SetTraceback(dst, src.__traceback__) does.
func (in *Interp) replaceTraceback(dst, src *Exception) {
	in.dropTraceback(dst)
	dst.traceback = copyTraceback(src.traceback)
	in.clearField(&dst.tbObj)
	dst.tbLen = 0
}

// dropTraceback releases the entries' references and empties the
// traceback.
func (in *Interp) dropTraceback(e *Exception) {
	entries := e.traceback
	e.traceback = nil
	for _, t := range entries {
		in.xdecRef(t.globals)
		in.xdecRef(t.frame)
	}
}

const exceptionSize = unsafe.Sizeof(Exception{})

// The built-in exception hierarchy of CPython 3.12, parents before
// children. The variables below give Go names to the types the
// interpreter raises itself.
var exceptionTable = []struct{ name, base string }{
	{"BaseException", ""},
	{"BaseExceptionGroup", "BaseException"},
	{"Exception", "BaseException"},
	{"GeneratorExit", "BaseException"},
	{"KeyboardInterrupt", "BaseException"},
	{"SystemExit", "BaseException"},
	{"ArithmeticError", "Exception"},
	{"AssertionError", "Exception"},
	{"AttributeError", "Exception"},
	{"BufferError", "Exception"},
	{"EOFError", "Exception"},
	{"ImportError", "Exception"},
	{"LookupError", "Exception"},
	{"MemoryError", "Exception"},
	{"NameError", "Exception"},
	{"OSError", "Exception"},
	{"ReferenceError", "Exception"},
	{"RuntimeError", "Exception"},
	{"StopAsyncIteration", "Exception"},
	{"StopIteration", "Exception"},
	{"SyntaxError", "Exception"},
	{"SystemError", "Exception"},
	{"TypeError", "Exception"},
	{"ValueError", "Exception"},
	{"Warning", "Exception"},
	{"FloatingPointError", "ArithmeticError"},
	{"OverflowError", "ArithmeticError"},
	{"ZeroDivisionError", "ArithmeticError"},
	{"BytesWarning", "Warning"},
	{"DeprecationWarning", "Warning"},
	{"EncodingWarning", "Warning"},
	{"FutureWarning", "Warning"},
	{"ImportWarning", "Warning"},
	{"PendingDeprecationWarning", "Warning"},
	{"ResourceWarning", "Warning"},
	{"RuntimeWarning", "Warning"},
	{"SyntaxWarning", "Warning"},
	{"UnicodeWarning", "Warning"},
	{"UserWarning", "Warning"},
	{"BlockingIOError", "OSError"},
	{"ChildProcessError", "OSError"},
	{"ConnectionError", "OSError"},
	{"FileExistsError", "OSError"},
	{"FileNotFoundError", "OSError"},
	{"InterruptedError", "OSError"},
	{"IsADirectoryError", "OSError"},
	{"NotADirectoryError", "OSError"},
	{"PermissionError", "OSError"},
	{"ProcessLookupError", "OSError"},
	{"TimeoutError", "OSError"},
	{"IndentationError", "SyntaxError"},
	{"IndexError", "LookupError"},
	{"KeyError", "LookupError"},
	{"ModuleNotFoundError", "ImportError"},
	{"NotImplementedError", "RuntimeError"},
	{"RecursionError", "RuntimeError"},
	{"UnboundLocalError", "NameError"},
	{"UnicodeError", "ValueError"},
	{"BrokenPipeError", "ConnectionError"},
	{"ConnectionAbortedError", "ConnectionError"},
	{"ConnectionRefusedError", "ConnectionError"},
	{"ConnectionResetError", "ConnectionError"},
	{"TabError", "IndentationError"},
	{"UnicodeDecodeError", "UnicodeError"},
	{"UnicodeEncodeError", "UnicodeError"},
	{"UnicodeTranslateError", "UnicodeError"},
	// ExceptionGroup also derives from Exception (multiple inheritance):
	// exception_group.go adds that second base and sets its MRO.
	{"ExceptionGroup", "BaseExceptionGroup"},
}

// exceptionTypes maps the names of exceptionTable to their types.
var exceptionTypes = makeExceptionTypes()

func makeExceptionTypes() map[string]*Type {
	m := make(map[string]*Type, len(exceptionTable))
	for _, e := range exceptionTable {
		base := objectType
		if e.base != "" {
			base = m[e.base]
		}
		m[e.name] = newBuiltinType(e.name, base, TypeBaseType)
	}
	return m
}

func init() {
	for _, t := range exceptionTypes {
		t.dealloc = exceptionDealloc
		t.str = exceptionStr
		t.repr = exceptionRepr
		t.construct = newExceptionFromArgs
		t.new = exceptionNew
		t.init = exceptionInit
		t.dictOffset = unsafe.Offsetof(Exception{}.dict)
		t.layout = baseExceptionType
	}
	// str(KeyError(k)) is repr(k): a missing '' must not print as nothing.
	keyErrorType.str = func(in *Interp, v Value) (Value, error) {
		args := asObject[Tuple](asObject[Exception](v).args).items
		if len(args) == 1 {
			return in.Repr(args[0])
		}
		return exceptionStr(in, v)
	}
	// After the loop above, which would undo it (codec_error.go).
	initUnicodeErrors()
}

// Exception types the interpreter raises itself.
var (
	baseExceptionType     = exceptionTypes["BaseException"]
	typeErrorType         = exceptionTypes["TypeError"]
	valueErrorType        = exceptionTypes["ValueError"]
	overflowErrorType     = exceptionTypes["OverflowError"]
	zeroDivisionErrorType = exceptionTypes["ZeroDivisionError"]
	memoryErrorType       = exceptionTypes["MemoryError"]
	systemErrorType       = exceptionTypes["SystemError"]

	notImplementedErrorType = exceptionTypes["NotImplementedError"]
	recursionErrorType      = exceptionTypes["RecursionError"]
	nameErrorType           = exceptionTypes["NameError"]
	runtimeErrorType        = exceptionTypes["RuntimeError"]
	indexErrorType          = exceptionTypes["IndexError"]
	keyErrorType            = exceptionTypes["KeyError"]
	unboundLocalErrorType   = exceptionTypes["UnboundLocalError"]
)

// Error returns "TypeName: message", the last line of a traceback, for Go
// callers; it reads the exception without running Python code.
func (e *Exception) Error() string {
	t := valueOf(e).Type()
	args := asObject[Tuple](e.args)
	switch {
	case len(args.items) == 1 && args.items[0].Type() == strType:
		return t.Name + ": " + args.items[0].GoString()
	case len(args.items) == 0:
		return t.Name
	}
	return fmt.Sprintf("%s: %d arguments", t.Name, len(args.items))
}

// newException creates an exception of type t with args (new references
// are taken). It fails only with MemoryError.
func (in *Interp) newException(t *Type, args ...Value) (*Exception, error) {
	tuple, err := in.NewTuple(args...)
	if err != nil {
		return nil, err
	}
	e := in.excs.Get()
	if err := in.account(&e.Header, t, exceptionSize); err != nil {
		in.excs.Put(e)
		in.decRef(tuple)
		return nil, err
	}
	e.Header.SetFlags(alloc.FlagContainer)
	e.args = tuple
	return e, nil
}

// raise returns a new exception of type t whose single argument is the
// formatted message, as CPython's PyErr_Format does.
func (in *Interp) raise(t *Type, format string, args ...any) error {
	msg, err := in.NewStr(fmt.Sprintf(format, args...))
	if err != nil {
		return err
	}
	e, err := in.newException(t, msg)
	in.decRef(msg)
	if err != nil {
		return err
	}
	return e
}

// memoryError returns the interpreter's preallocated MemoryError: raising
// it must not allocate, since the heap is what ran out.
func (in *Interp) memoryError() error {
	e := in.noMemory
	if e.Header.Refs() == 1 {
		// Only the interpreter holds it: a fresh raise, so the last one's
		// traceback (and the globals it holds) goes.
		in.dropTraceback(e)
		in.clearField(&e.tbObj)
		e.tbLen = 0
	}
	alloc.IncRef(&e.Header)
	return e
}

func exceptionDealloc(in *Interp, v Value) {
	e := asObject[Exception](v)
	in.xdecRef(e.args)
	in.xdecRef(e.context)
	in.xdecRef(e.cause)
	in.xdecRef(e.dict)
	in.xdecRef(e.name)
	in.xdecRef(e.obj)
	in.xdecRef(e.value)
	in.xdecRef(e.msg)
	in.xdecRef(e.path)
	in.releaseAll(e.slots)
	in.xdecRef(e.tbObj)
	in.dropTraceback(e)
	*e = Exception{Header: e.Header}
	in.heap.Free(&e.Header, exceptionSize)
	in.excs.Put(e)
}

// exceptionStr is BaseException.__str__: ” for no args, str(arg) for
// one, the tuple's repr for more.
func exceptionStr(in *Interp, v Value) (Value, error) {
	args := asObject[Tuple](asObject[Exception](v).args)
	switch len(args.items) {
	case 0:
		return in.NewStr("")
	case 1:
		a := args.items[0]
		if a.Type() == strType {
			incRef(a)
			return a, nil
		}
		return in.Str(a)
	}
	return tupleRepr(in, asObject[Exception](v).args)
}

// exceptionRepr is BaseException.__repr__: Name(arg, ...).
func exceptionRepr(in *Interp, v Value) (Value, error) {
	args := asObject[Exception](v).args
	name := v.Type().Name
	if len(asObject[Tuple](args).items) == 1 {
		r, err := in.Repr(asObject[Tuple](args).items[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(r)
		return in.NewStr(name + "(" + r.GoString() + ")")
	}
	r, err := tupleRepr(in, args)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(r)
	return in.NewStr(name + r.GoString())
}

// currentException is the exception being handled, as sys.exception()
// sees it: the innermost generator's or frame's, or when that is handling
// none, its caller's (CPython's _PyErr_GetTopmostException). Borrowed;
// nil for none.
func (in *Interp) currentException() Value {
	if !in.excInfo.IsNil() {
		return in.excInfo
	}
	for i := len(in.excOuter) - 1; i >= 0; i-- {
		if v := in.excOuter[i]; !v.IsNil() && !v.IsNone() {
			return v
		}
	}
	return Value{}
}

// setContext links a newly raised exception to the one being handled
// (__context__), as CPython does when an exception is raised inside an
// except or finally block, avoiding a cycle back to itself.
func (in *Interp) setContext(e *Exception) {
	handled := in.currentException()
	if handled.IsNil() || handled.p == valueOf(e).p {
		return
	}
	// As CPython's _PyErr_SetObject: a link in handled's chain back to e
	// is cut (the new link would close a cycle), and a cycle already in
	// the chain (e.__context__ = e) ends the walk instead of hanging it,
	// found with Floyd's tortoise (slow, every other step) and hare (c).
	c, slow, step := asObject[Exception](handled), asObject[Exception](handled), false
	for !c.context.IsNil() {
		next := asObject[Exception](c.context)
		if next == e {
			in.clearField(&c.context)
			break
		}
		if c = next; c == slow {
			break
		}
		if step {
			slow = asObject[Exception](slow.context)
		}
		step = !step
	}
	incRef(handled)
	old := e.context
	e.context = handled
	in.xdecRef(old)
}

// isExceptionClass reports whether v is a subclass of BaseException.
func isExceptionClass(v Value) bool {
	return v.Type() == typeType && (*Type)(v.p).IsSubtype(baseExceptionType)
}

// exceptionMatches is the test of an except clause: exc against a class
// or a tuple of classes.
func (in *Interp) exceptionMatches(exc, match Value) (bool, error) {
	classes := []Value{match}
	if match.Type() == tupleType {
		classes = asObject[Tuple](match).items
	}
	for _, c := range classes {
		if !isExceptionClass(c) {
			return false, in.raise(typeErrorType, "catching classes that do not inherit from BaseException is not allowed")
		}
	}
	for _, c := range classes {
		if exc.Type().IsSubtype((*Type)(c.p)) {
			return true, nil
		}
	}
	return false, nil
}

// raiseVarargs is RAISE_VARARGS: re-raise the handled exception (0), or
// raise an exception class or instance (1), optionally from a cause (2).
func (in *Interp) raiseVarargs(f *frame, oparg int) error {
	var cause Value
	if oparg == 2 {
		cause = f.pop()
	}
	if oparg == 0 {
		cur := in.currentException()
		if cur.IsNil() {
			return in.raise(runtimeErrorType, "No active exception to reraise")
		}
		incRef(cur)
		return asObject[Exception](cur)
	}
	v := f.pop()
	exc, err := in.toException(v)
	in.decRef(v)
	if err != nil {
		in.xdecRef(cause)
		return err
	}
	if oparg == 2 {
		var c Value
		switch {
		case cause.IsNone():
		case isExceptionClass(cause) || cause.Type().IsSubtype(baseExceptionType):
			ce, err := in.toException(cause)
			if err != nil {
				in.decRef(cause)
				in.decRef(valueOf(exc))
				return err
			}
			c = valueOf(ce)
		default:
			in.decRef(cause)
			in.decRef(valueOf(exc))
			return in.raise(typeErrorType, "exception causes must derive from BaseException")
		}
		in.decRef(cause)
		in.xdecRef(exc.cause)
		exc.cause = c
		exc.suppressContext = true
	}
	exc.contextDone = false
	return exc
}

// toException turns what a raise statement names into an exception
// instance (a new reference): instances as they are, classes called with
// no arguments.
func (in *Interp) toException(v Value) (*Exception, error) {
	if isExceptionClass(v) {
		// The class is called, so its own __new__ and __init__ run.
		r, err := in.Call(v, nil, nil)
		if err != nil {
			return nil, err
		}
		if !r.Type().IsSubtype(baseExceptionType) {
			defer in.decRef(r)
			cls, err := in.Repr(v)
			if err != nil {
				return nil, err
			}
			defer in.decRef(cls)
			got, err := in.Repr(valueOf(r.Type()))
			if err != nil {
				return nil, err
			}
			defer in.decRef(got)
			return nil, in.raise(typeErrorType, "calling %s should have returned an instance of BaseException, not %s", cls.GoString(), got.GoString())
		}
		return asObject[Exception](r), nil
	}
	if v.Type().IsSubtype(baseExceptionType) {
		incRef(v)
		return asObject[Exception](v), nil
	}
	return nil, in.raise(typeErrorType, "exceptions must derive from BaseException")
}

// newExceptionFromArgs is calling an exception class: E(*args).
func newExceptionFromArgs(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 && !takesKeywords(t) {
		return Value{}, in.raise(typeErrorType, "%s() takes no keyword arguments", t.Name)
	}
	pos := args[:len(args)-len(kwnames)]
	e, err := in.newException(t, pos...)
	if err != nil {
		return Value{}, err
	}
	in.setDerived(e, pos)
	if err := in.exceptionKeywords(e, args, kwnames); err != nil {
		in.decRef(valueOf(e))
		return Value{}, err
	}
	return valueOf(e), nil
}
