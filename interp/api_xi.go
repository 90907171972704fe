package interp

import (
	"strings"

	"github.com/parallel-py/parallel/interp/compile"
)

// The exported API for moving work between interpreters (package
// runtime's _interpreters module): a function crosses as its immutable
// code template, rebuilt in the receiving interpreter over that
// interpreter's own globals; an exception crosses as plain strings.

// ExceptionTypeInfo returns the __name__, __qualname__ and __module__ of
// a Python exception's class; ok is false when err is not one.
func ExceptionTypeInfo(err error) (name, qualname, module string, ok bool) {
	e, ok := err.(*Exception)
	if !ok {
		return "", "", "", false
	}
	t := valueOf(e).Type()
	name = t.Name
	if i := strings.LastIndexByte(name, '.'); i >= 0 && t.Flags&TypeHeapType == 0 {
		name = name[i+1:] // a built-in type's Name may carry its module
	}
	module = t.Module
	if module == "" {
		module = "builtins"
	}
	return name, t.qualname(), module, true
}

// FunctionTemplate returns what another interpreter needs to rebuild the
// Python function fn: its code template, its default values (a borrowed
// tuple, or nil) and its keyword-only defaults (a borrowed dict, or
// nil). reason says why fn cannot cross (not a plain function, a closure
// over an enclosing function's variables), "" when it can.
func FunctionTemplate(fn Value) (tmpl *compile.Code, defaults, kwdefaults Value, reason string) {
	if fn.Type() != functionType {
		return nil, Value{}, Value{}, sprintf("%s does not support cross-interpreter data", fn.Type().tpName())
	}
	f := asObject[Function](fn)
	if free := f.code.tmpl.Freevars(); len(free) > 0 {
		return nil, Value{}, Value{}, sprintf("function %s is a closure over %s of an enclosing scope; a closure cannot cross to another interpreter (its cells belong to this one)", f.code.tmpl.Qualname, strings.Join(free, ", "))
	}
	if !f.defaults.IsNone() {
		defaults = f.defaults
	}
	if !f.kwdefaults.IsNone() {
		kwdefaults = f.kwdefaults
	}
	return f.code.tmpl, defaults, kwdefaults, ""
}

// NewFunction makes a function of this interpreter from a code template
// (FunctionTemplate's), with globals as its module namespace, defaults
// (a tuple) and kwdefaults (a dict) as its default values; both are
// borrowed and may be nil.
func (in *Interp) NewFunction(tmpl *compile.Code, globals *Dict, defaults, kwdefaults Value) (Value, error) {
	c := codeOf(tmpl)
	fn := &Function{code: c}
	if err := in.account(&fn.Header, functionType, functionSize); err != nil {
		return Value{}, err
	}
	fn.Header.SetFlags(1 << 1) // alloc.FlagContainer
	fn.globals = valueOf(globals)
	incRef(fn.globals)
	fn.name = internName(tmpl.Name)
	fn.qualname = internName(tmpl.Qualname)
	if !defaults.IsNil() {
		incRef(defaults)
		fn.defaults = defaults
	}
	if !kwdefaults.IsNil() {
		incRef(kwdefaults)
		fn.kwdefaults = kwdefaults
	}
	if m, ok, _ := in.DictGet(globals, internName("__name__")); ok {
		incRef(m)
		fn.module = m
	}
	return valueOf(fn), nil
}

// IsFunction reports whether v is a Python function (not a builtin, a
// method or another callable).
func IsFunction(v Value) bool { return v.Type() == functionType }

// CodeTemplate returns the template of a code object; ok is false when
// v is not one.
func CodeTemplate(v Value) (tmpl *compile.Code, ok bool) {
	if v.Type() != codeType {
		return nil, false
	}
	return asObject[Code](v).tmpl, true
}

// AsError returns the exception object v as the error the interpreter's
// functions return for it (borrowed: the caller must not release it), or
// nil when v is not an exception.
func AsError(v Value) error {
	if !v.IsObject() || !v.Type().IsSubtype(baseExceptionType) {
		return nil
	}
	return asObject[Exception](v)
}
