package interp

// Exported helpers for the pickling support of the itertools module
// (interp/modules/itertools_reduce.go): warnings, the iterator check and
// the builtins a __reduce__ names.

// Warn issues a warning of category (a Warning subclass such as
// ExcType("DeprecationWarning")) through the warnings module, as
// PyErr_WarnEx does: stacklevel 1 attributes it to the Python code that
// called the built-in. An "error" filter makes it the returned error.
func (in *Interp) Warn(category *Type, msg string, stacklevel int) error {
	return in.warn(category, msg, stacklevel)
}

// IsIterator reports whether v is an iterator, one whose type has
// __next__ (CPython's PyIter_Check).
func IsIterator(v Value) bool { return v.Type().next != nil }

// Builtin returns the builtins' binding of name (a new reference), as
// CPython's _PyEval_GetBuiltin: what a __reduce__ names as its callable
// ("iter").
func (in *Interp) Builtin(name string) (Value, error) { return in.builtinNamed(name) }
