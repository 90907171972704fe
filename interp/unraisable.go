package interp

import (
	"strings"

	"github.com/parallel-py/parallel/interp/traceback"
)

// Exceptions that have nowhere to go (raised by __del__, a generator's
// cleanup, an atexit callback) go to sys.unraisablehook, as in CPython:
// the default hook prints them on sys.stderr, a program's own hook
// (test.support.catch_unraisable_exception) gets an UnraisableHookArgs.

var unraisableHookArgsType = newStructSeqType("UnraisableHookArgs", []string{"exc_type", "exc_value", "exc_traceback", "err_msg", "object"})

// unraisable reports an exception raised where nothing can catch it,
// with obj the object it concerns, and drops it.
func (in *Interp) unraisable(err error, obj Value) {
	in.unraisableIn("", err, obj)
}

// unraisableIn is unraisable with CPython's wording for where it
// happened ("Exception ignored in atexit callback"); "" is the default
// "Exception ignored in".
func (in *Interp) unraisableIn(where string, err error, obj Value) {
	e, ok := err.(*Exception)
	if !ok {
		return
	}
	defer in.decRef(valueOf(e))
	hookArgs, herr := in.unraisableArgs(e, where, obj)
	if herr != nil {
		in.discard(herr)
		return
	}
	defer in.decRef(hookArgs)
	hook, found, _ := in.sysAttr("unraisablehook")
	if !found || hook.IsNone() || (hook.Type() == builtinFunctionType && asObject[Builtin](hook).name == "unraisablehook") {
		in.discard(in.writeUnraisable(hookArgs))
		return
	}
	incRef(hook)
	defer in.decRef(hook)
	r, cerr := in.Call(hook, []Value{hookArgs}, nil)
	if cerr == nil {
		in.decRef(r)
		return
	}
	// The hook failed: that failure goes to the default hook.
	ce, ok := cerr.(*Exception)
	if !ok {
		return
	}
	defer in.decRef(valueOf(ce))
	again, herr := in.unraisableArgs(ce, "Exception ignored in sys.unraisablehook", hook)
	if herr != nil {
		in.discard(herr)
		return
	}
	defer in.decRef(again)
	in.discard(in.writeUnraisable(again))
}

// discard drops an error nobody can report.
func (in *Interp) discard(err error) {
	if e, ok := err.(*Exception); ok {
		in.decRef(valueOf(e))
	}
}

// unraisableArgs makes the UnraisableHookArgs for e.
func (in *Interp) unraisableArgs(e *Exception, where string, obj Value) (Value, error) {
	tb, err := in.tracebackValue(e)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(tb)
	msg := None
	if where != "" {
		if msg, err = in.NewStr(where); err != nil {
			return Value{}, err
		}
		defer in.decRef(msg)
	}
	if obj.IsNil() {
		obj = None
	}
	return in.newStructSeq(unraisableHookArgsType, valueOf(valueOf(e).Type()), valueOf(e), tb, msg, obj)
}

// writeUnraisable is the default sys.unraisablehook: "err_msg: repr(obj)"
// (err_msg defaulting to "Exception ignored in"), then the traceback,
// on sys.stderr.
func (in *Interp) writeUnraisable(hookArgs Value) error {
	f := StructSeqFields(hookArgs)
	value, msg, obj := f[1], f[3], f[4]
	var b strings.Builder
	switch {
	case !obj.IsNone():
		if msg.IsNone() {
			b.WriteString("Exception ignored in")
		} else if s, err := in.Str(msg); err == nil {
			b.WriteString(s.GoString())
			in.decRef(s)
		} else {
			return err
		}
		b.WriteString(": ")
		if r, err := in.Repr(obj); err == nil {
			b.WriteString(r.GoString())
			in.decRef(r)
		} else {
			in.discard(err)
			b.WriteString("<object repr() failed>")
		}
		b.WriteString("\n")
	case !msg.IsNone():
		if s, err := in.Str(msg); err == nil {
			b.WriteString(s.GoString() + ":\n")
			in.decRef(s)
		} else {
			return err
		}
	}
	if value.Type().IsSubtype(baseExceptionType) {
		traceback.FormatException(&b, in.tracebackOf(asObject[Exception](value), map[*Exception]*traceback.Exception{}), traceback.DiskSource)
	}
	return in.writeStderrText(b.String())
}

// writeStderrText writes text to sys.stderr (or, without one, to the
// interpreter's standard error).
func (in *Interp) writeStderrText(text string) error {
	file, ok, err := in.sysAttr("stderr")
	if err != nil {
		return err
	}
	if !ok || file.IsNone() {
		_, werr := in.stderr.Write([]byte(text))
		_ = werr // nowhere to report it
		return nil
	}
	incRef(file)
	defer in.decRef(file)
	s, err := in.NewStr(text)
	if err != nil {
		return err
	}
	defer in.decRef(s)
	if err := in.fileWrite(file, s); err != nil {
		return err
	}
	return nil
}

func init() {
	sysFuncs = append(sysFuncs, newBuiltin("unraisablehook", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("unraisablehook", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if args[0].Type() != unraisableHookArgsType {
			return Value{}, in.raise(typeErrorType, "sys.unraisablehook argument type must be UnraisableHookArgs")
		}
		return None, in.writeUnraisable(args[0])
	}))
}
