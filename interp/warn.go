package interp

import "fmt"

// Warnings the interpreter itself issues (DeprecationWarning for ~bool,
// and the like) go through the warnings module, as CPython's PyErr_WarnEx
// does: filters, once-registries and warnings.catch_warnings see them,
// and an "error" filter makes them raise. Without the standard library
// the default action is taken by hand: the warning is printed to stderr.

// warn issues a warning of category with msg, attributed to the Python
// code stacklevel frames up (1: the code running the operation).
func (in *Interp) warn(category *Type, msg string, stacklevel int) error {
	w, err := in.importModule("warnings")
	if err != nil {
		if !ErrorIs(err, importErrorType) {
			return err
		}
		in.decRef(valueOf(err.(*Exception)))
		file, line := "<unknown>", 0
		if f := in.frame; f != nil {
			file, line = f.tmpl.Filename, frameLine(f)
		}
		fmt.Fprintf(in.stderr, "%s:%d: %s: %s\n", file, line, category.Name, msg)
		return nil
	}
	defer in.decRef(w)
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.decRef(m)
	r, err := in.CallMethod(w, "warn", []Value{m, valueOf(category), Int(int64(stacklevel))}, nil)
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}
