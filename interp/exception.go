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

	// traceback lists where the exception passed, innermost last, as
	// (code, instruction index) pairs; the code objects are immortal.
	traceback []tracebackEntry
}

type tracebackEntry struct {
	code *Code
	pc   int
}

// addTraceback records that the exception passed through code at pc,
// as CPython's PyTraceBack_Here does for each frame it leaves.
func (e *Exception) addTraceback(c *Code, pc int) {
	e.traceback = append(e.traceback, tracebackEntry{c, pc})
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
	// ExceptionGroup also derives from Exception (multiple inheritance);
	// that second base waits for class creation with several bases.
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
	}
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
	alloc.IncRef(&in.noMemory.Header)
	return in.noMemory
}

func exceptionDealloc(in *Interp, v Value) {
	e := asObject[Exception](v)
	in.xdecRef(e.args)
	in.xdecRef(e.context)
	in.xdecRef(e.cause)
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
