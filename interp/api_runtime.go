package interp

import (
	"strings"

	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/traceback"
)

// The exported API package runtime (the embedding API) needs beyond what
// the built-in modules use: running code in __main__ the way CPython's
// PyRun_String does, and reading an uncaught exception into Go strings.

// MainModule returns the __main__ module (a new reference), making it
// first, with the globals RunMain gives a main program, when
// sys.modules has none: an embedding program runs one piece of code
// after another in the same namespace.
func (in *Interp) MainModule() (*Module, error) {
	v, ok, err := in.DictGet(in.modules, internName("__main__"))
	if err != nil {
		return nil, err
	}
	if ok && v.Type() == moduleType {
		incRef(v)
		return asObject[Module](v), nil
	}
	m, err := in.newModule("__main__")
	if err != nil {
		return nil, err
	}
	ann, err := in.NewDict()
	if err == nil {
		err = in.setGlobal(m, "__annotations__", ann)
		in.decRef(ann)
	}
	if err == nil {
		err = in.setGlobal(m, "__builtins__", valueOf(in.builtinsModule))
	}
	if err == nil {
		err = in.DictSet(in.modules, internName("__main__"), valueOf(m))
	}
	if err != nil {
		in.decRef(valueOf(m))
		return nil, err
	}
	return m, nil
}

// ExecMain runs compiled module code in the namespace of the __main__
// module (MainModule), after issuing the warnings its compilation
// recorded, as exec() of source does. An uncaught exception is returned
// as *Exception, owned by the caller.
func (in *Interp) ExecMain(t *compile.Code) error {
	if err := in.issueCompileWarnings(t.Warnings); err != nil {
		return err
	}
	m, err := in.MainModule()
	if err != nil {
		return err
	}
	defer in.decRef(valueOf(m))
	return in.ExecModule(t, m.Dict())
}

// ExceptionTypeName returns the name of a Python exception's class as
// the last line of its traceback shows it: "ValueError" for a built-in
// or __main__ class, "pkg.mod.Error" for others. ok is false when err
// is not a Python exception.
func ExceptionTypeName(err error) (name string, ok bool) {
	e, ok := err.(*Exception)
	if !ok {
		return "", false
	}
	t := valueOf(e).Type()
	switch t.Module {
	case "", "builtins", "__main__":
		return t.qualname(), true
	}
	return t.Module + "." + t.qualname(), true
}

// ExceptionMessage returns str() of a Python exception, or CPython's
// "<exception str() failed>" when str() raises; "" when err is not a
// Python exception. It may run Python code (a class's __str__).
func (in *Interp) ExceptionMessage(err error) string {
	e, ok := err.(*Exception)
	if !ok {
		return ""
	}
	s, serr := in.Str(valueOf(e))
	if serr != nil {
		in.DiscardError(serr)
		return "<exception str() failed>"
	}
	defer in.decRef(s)
	return s.GoString()
}

// FormatException returns what PrintException writes for err: the
// whole traceback text of the exception and its chain.
func (in *Interp) FormatException(err error, src traceback.SourceFunc) string {
	var b strings.Builder
	in.PrintException(&b, err, src)
	return b.String()
}
