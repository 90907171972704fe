package runtime

import (
	"fmt"
	"strings"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/traceback"
)

// Cross-interpreter data: what Python code in one interpreter may hand to
// another (Interpreter.prepare_main, exec's shared names, call's
// arguments and result). It crosses as plain Go values, made in the
// sending interpreter under its GIL and rebuilt in the receiving one
// under its GIL, so no object is ever seen by two interpreters. The
// shareable kinds are CPython's: None, bool, int, float, str, bytes,
// tuples of them, and queues and channel ends (which cross as a
// channels.Handle, their ID in the runtime's registry, and come out as
// the receiving interpreter's object for that ID, module_channels.go);
// anything else is refused with NotShareableError, naming the value and
// where in the argument it sits.

// notShareable is a value that cannot cross, with where it sits.
type notShareable struct {
	repr  string // repr() of the value, as CPython's message shows it
	base  string // the argument or name it came in ("argument 1", "t"), or ""
	index string // its place inside that value ("[1][0]"), or ""
	// reason says why a copy of it cannot be made, or is "".
	reason string
}

func (e *notShareable) Error() string {
	msg := e.repr + " does not support cross-interpreter data"
	if e.reason != "" {
		msg += ": " + e.reason
	}
	if where := e.base + e.index; where != "" {
		msg += " (at " + where + ")"
	}
	return msg
}

// exportShareable converts a shareable value (borrowed) to plain Go data.
// A value that is not shareable is a *notShareable; other errors are
// Python exceptions (repr failing).
func exportShareable(in *interp.Interp, v interp.Value, depth int) (any, error) {
	switch {
	case v.IsNone(), v.IsBool(), v.IsSmallInt(), v.IsFloat():
		return fromPython(v, depth)
	}
	switch v.Type() {
	case interp.IntType, interp.StrType, interp.BytesType:
		return fromPython(v, depth)
	case interp.TupleType:
		if depth > maxNesting {
			return nil, &ConversionError{PyType: "tuple", Reason: "nested too deeply"}
		}
		items, _ := interp.TupleItems(v)
		xs := make(Tuple, len(items))
		for i, item := range items {
			x, err := exportShareable(in, item, depth+1)
			if err != nil {
				if ns, ok := err.(*notShareable); ok {
					ns.index = fmt.Sprintf("[%d]", i) + ns.index
				}
				return nil, err
			}
			xs[i] = x
		}
		return xs, nil
	}
	if h, ok, err := handleOf(in, v); ok || err != nil {
		return h, err
	}
	r, err := in.Repr(v)
	if err != nil {
		return nil, err
	}
	defer in.DecRef(r)
	return nil, &notShareable{repr: r.GoString()}
}

// isShareable reports whether v could cross.
func isShareable(in *interp.Interp, v interp.Value) bool {
	switch {
	case v.IsNone(), v.IsBool(), v.IsSmallInt(), v.IsFloat():
		return true
	}
	switch v.Type() {
	case interp.IntType, interp.StrType, interp.BytesType:
		return true
	case interp.TupleType:
		items, _ := interp.TupleItems(v)
		for _, item := range items {
			if !isShareable(in, item) {
				return false
			}
		}
		return true
	}
	_, ok, err := handleOf(in, v)
	in.DiscardError(err)
	return ok && err == nil
}

// xiException is an exception raised in one interpreter, described in
// plain strings for another: CPython's excinfo.
type xiException struct {
	Name, Qualname, Module string
	Msg                    string // str() of the exception
	Formatted              string // "Type: msg", as a traceback's last line
	ErrDisplay             string // the whole traceback, without its final newline
}

// captureException describes err (a Python exception of in, borrowed).
func captureException(in *interp.Interp, err error) *xiException {
	name, qual, mod, ok := interp.ExceptionTypeInfo(err)
	if !ok {
		return &xiException{Name: "SystemError", Qualname: "SystemError", Module: "builtins",
			Msg: err.Error(), Formatted: "SystemError: " + err.Error(), ErrDisplay: "SystemError: " + err.Error()}
	}
	typeName, _ := interp.ExceptionTypeName(err)
	msg := in.ExceptionMessage(err)
	return &xiException{
		Name: name, Qualname: qual, Module: mod,
		Msg:        msg,
		Formatted:  typeName + ": " + msg,
		ErrDisplay: strings.TrimSuffix(in.FormatException(err, traceback.DiskSource), "\n"),
	}
}

// tuple is the excinfo as _xi hands it to Python: (name, qualname,
// module, msg, formatted, errdisplay).
func (e *xiException) tuple(in *interp.Interp) (interp.Value, error) {
	return toPython(in, Tuple{e.Name, e.Qualname, e.Module, e.Msg, e.Formatted, e.ErrDisplay}, 0)
}
