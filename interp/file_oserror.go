package interp

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// OSError's fields (errno, strerror, filename, filename2), its
// constructor, which picks the subclass matching an errno as CPython's
// does (OSError(2, 'x') is a FileNotFoundError), its str, and the
// conversion of Go's I/O errors into these exceptions.
//
// The fields live in the exception's value slot (which only
// StopIteration and SystemExit use otherwise) as a private 4-tuple; a
// field never set holds osErrorUnset, CPython's NULL, which reads as None
// but, unlike None, makes str() fall back to BaseException's.

var osErrorType = exceptionTypes["OSError"]

// osErrorUnset marks a field that was never set; no program can reach it.
var osErrorUnset = newSingleton(objectType)

// The fields' indexes in the private tuple.
const (
	oseErrno = iota
	oseStrerror
	oseFilename
	oseFilename2
	numOSErrorFields
)

// errnoSubclasses maps an errno to the OSError subclass that
// OSError(errno, ...) creates.
var errnoSubclasses = map[syscall.Errno]string{
	syscall.EAGAIN:       "BlockingIOError",
	syscall.EALREADY:     "BlockingIOError",
	syscall.EINPROGRESS:  "BlockingIOError",
	syscall.ECHILD:       "ChildProcessError",
	syscall.EPIPE:        "BrokenPipeError",
	syscall.ESHUTDOWN:    "BrokenPipeError",
	syscall.ECONNABORTED: "ConnectionAbortedError",
	syscall.ECONNREFUSED: "ConnectionRefusedError",
	syscall.ECONNRESET:   "ConnectionResetError",
	syscall.EEXIST:       "FileExistsError",
	syscall.ENOENT:       "FileNotFoundError",
	syscall.EISDIR:       "IsADirectoryError",
	syscall.ENOTDIR:      "NotADirectoryError",
	syscall.EINTR:        "InterruptedError",
	syscall.EACCES:       "PermissionError",
	syscall.EPERM:        "PermissionError",
	syscall.ESRCH:        "ProcessLookupError",
	syscall.ETIMEDOUT:    "TimeoutError",
}

// osErrorInit is OSError.__init__, kept to recognize classes that
// override it (they parse their arguments in __init__, not __new__).
var osErrorInit Value

func init() {
	for _, t := range exceptionTypes {
		if t.IsSubtype(osErrorType) {
			t.construct = osErrorConstruct
			t.new = osErrorNew
			t.str = osErrorStr
		}
	}
	// A class deriving from OSError gets its instances from its layout's
	// __new__, BaseException's: route the OSError family to ours.
	baseNew := baseExceptionType.new
	baseExceptionType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if t.IsSubtype(osErrorType) {
			return osErrorNew(in, t, args, kwnames)
		}
		return baseNew(in, t, args, kwnames)
	}
	defMethod(osErrorType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		self := args[0]
		if in.osErrorUsesInit(self.Type()) {
			if err := in.noKeywords(self.Type().Name, kwnames); err != nil {
				return Value{}, err
			}
			if err := in.osErrorParse(asObject[Exception](self), args[1:]); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	})
	osErrorInit = osErrorType.attrs["__init__"]
	defMethod(osErrorType, "__str__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return osErrorStr(in, args[0])
	})
	for i, name := range []string{"errno", "strerror", "filename", "filename2"} {
		i := i
		defGetSet(osErrorType, name, func(in *Interp, v Value) (Value, error) {
			f := osErrorFields(asObject[Exception](v))
			if f == nil || f[i].Is(osErrorUnset) {
				return None, nil
			}
			incRef(f[i])
			return f[i], nil
		}, func(in *Interp, v, value Value) error {
			if value.IsNil() {
				value = osErrorUnset
			}
			return in.osErrorSetField(asObject[Exception](v), i, value)
		})
	}
}

// osErrorFields returns an exception's fields (borrowed), or nil when
// none was ever set.
func osErrorFields(e *Exception) []Value {
	if e.value.IsNil() || e.value.Type() != tupleType {
		return nil
	}
	return asObject[Tuple](e.value).items
}

// osErrorSetField replaces one field (tuples are immutable: the fields
// tuple is rebuilt).
func (in *Interp) osErrorSetField(e *Exception, i int, value Value) error {
	fields := [numOSErrorFields]Value{osErrorUnset, osErrorUnset, osErrorUnset, osErrorUnset}
	if f := osErrorFields(e); f != nil {
		copy(fields[:], f)
	}
	fields[i] = value
	t, err := in.NewTuple(fields[:]...)
	if err != nil {
		return err
	}
	in.xdecRef(e.value)
	e.value = t
	return nil
}

// osErrorUsesInit reports whether a class parses OSError's arguments in
// __init__: when it overrides __init__ (CPython's oserror_use_init).
func (in *Interp) osErrorUsesInit(t *Type) bool {
	if t.Flags&TypeHeapType == 0 {
		return false
	}
	init, err := in.lookupString(t, "__init__")
	return err == nil && !init.Is(osErrorInit)
}

// osErrorConstruct is calling OSError or a built-in subclass.
func osErrorConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	return osErrorNew(in, t, args, kwnames)
}

// osErrorNew is OSError.__new__: OSError(errno, strerror[, filename[,
// winerror[, filename2]]]) becomes the subclass for errno, and the
// arguments fill the fields (unless the class parses them in __init__).
func osErrorNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "%s() takes no keyword arguments", t.Name)
	}
	if t == osErrorType && len(args) >= 2 && len(args) <= 5 && (args[0].p == intTag || args[0].p == boolTag) {
		if name, ok := errnoSubclasses[syscall.Errno(int64(args[0].n))]; ok {
			t = exceptionTypes[name]
		}
	}
	if in.osErrorUsesInit(t) {
		e, err := in.newException(t)
		if err != nil {
			return Value{}, err
		}
		return valueOf(e), nil
	}
	e, err := in.newException(t, args...)
	if err != nil {
		return Value{}, err
	}
	if err := in.osErrorParse(e, args); err != nil {
		in.decRef(valueOf(e))
		return Value{}, err
	}
	return valueOf(e), nil
}

// osErrorParse sets the fields from OSError's arguments and, when a
// filename is given, cuts args down to (errno, strerror) as CPython does.
func (in *Interp) osErrorParse(e *Exception, args []Value) error {
	all, err := in.NewTuple(args...)
	if err != nil {
		return err
	}
	in.decRef(e.args)
	e.args = all
	if len(args) < 2 || len(args) > 5 {
		return nil
	}
	fields := [numOSErrorFields]Value{args[0], args[1], osErrorUnset, osErrorUnset}
	filenameSet := len(args) >= 3 && !args[2].IsNone()
	if filenameSet {
		fields[oseFilename] = args[2]
		if len(args) == 5 && !args[4].IsNone() {
			fields[oseFilename2] = args[4]
		}
	}
	t, err := in.NewTuple(fields[:]...)
	if err != nil {
		return err
	}
	in.xdecRef(e.value)
	e.value = t
	if filenameSet {
		short, err := in.NewTuple(args[:2]...)
		if err != nil {
			return err
		}
		in.decRef(e.args)
		e.args = short
	}
	return nil
}

// osErrorStr is OSError.__str__: "[Errno 2] No such file or directory:
// 'x.txt'" when the fields are set, else BaseException's.
func osErrorStr(in *Interp, v Value) (Value, error) {
	f := osErrorFields(asObject[Exception](v))
	if f == nil {
		return exceptionStr(in, v)
	}
	set := func(i int) bool { return !f[i].Is(osErrorUnset) }
	str := func(x Value) (string, error) {
		s, err := in.Str(x)
		if err != nil {
			return "", err
		}
		defer in.decRef(s)
		return s.GoString(), nil
	}
	repr := func(x Value) (string, error) {
		s, err := in.Repr(x)
		if err != nil {
			return "", err
		}
		defer in.decRef(s)
		return s.GoString(), nil
	}
	if !set(oseFilename) && !(set(oseErrno) && set(oseStrerror)) {
		return exceptionStr(in, v)
	}
	get := func(i int) Value {
		if !set(i) {
			return None
		}
		return f[i]
	}
	errno, err := str(get(oseErrno))
	if err != nil {
		return Value{}, err
	}
	msg, err := str(get(oseStrerror))
	if err != nil {
		return Value{}, err
	}
	s := "[Errno " + errno + "] " + msg
	if set(oseFilename) {
		name, err := repr(f[oseFilename])
		if err != nil {
			return Value{}, err
		}
		s += ": " + name
		if set(oseFilename2) {
			name2, err := repr(f[oseFilename2])
			if err != nil {
				return Value{}, err
			}
			s += " -> " + name2
		}
	}
	return in.NewStr(s)
}

// strerror is the C library's message for errno n, as CPython shows it.
func strerror(n syscall.Errno) string {
	s := n.Error()
	if s == "" {
		return "Unknown error"
	}
	// Go's messages are the C library's with a lower-case first letter.
	return strings.ToUpper(s[:1]) + s[1:]
}

// newOSError makes the OSError subclass for errno n with CPython's
// arguments and fields: OSError(errno, strerror[, filename]).
func (in *Interp) newOSError(n syscall.Errno, filename Value) error {
	msg, err := in.NewStr(strerror(n))
	if err != nil {
		return err
	}
	defer in.decRef(msg)
	args := []Value{Int(int64(n)), msg}
	if !filename.IsNil() {
		args = append(args, filename)
	}
	v, err := osErrorNew(in, osErrorType, args, nil)
	if err != nil {
		return err
	}
	return asObject[Exception](v)
}

// osErrorFrom turns an error from Go's os package into the Python
// exception CPython raises for the same failure; filename (may be nil)
// is the name the program used.
func (in *Interp) osErrorFrom(err error, filename Value) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return in.newOSError(errno, filename)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return in.newOSError(syscall.ENOENT, filename)
	case errors.Is(err, fs.ErrPermission):
		return in.newOSError(syscall.EACCES, filename)
	case errors.Is(err, fs.ErrExist):
		return in.newOSError(syscall.EEXIST, filename)
	case errors.Is(err, os.ErrClosed):
		return in.newOSError(syscall.EBADF, Value{})
	}
	return in.raise(osErrorType, "%s", err.Error())
}
