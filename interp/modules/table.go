package modules

import (
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/interp"
)

// valueSize is the bytes of one Value, for accounting the slices of
// them an object owns.
const valueSize = int(unsafe.Sizeof(interp.Value{}))

// moduleTable is the namespace of a Go module, made at package
// initialization from immortal values (built-in functions, types,
// interned strs) and bound into each new module object.
type moduleTable struct {
	names  []string
	values []interp.Value
}

// fn adds a built-in function.
func (t *moduleTable) fn(name string, f interp.BuiltinFunc) {
	t.set(name, interp.NewBuiltin(name, f))
}

// typ adds a type under name.
func (t *moduleTable) typ(name string, tp *interp.Type) { t.set(name, interp.TypeValue(tp)) }

// set adds an immortal value.
func (t *moduleTable) set(name string, v interp.Value) {
	t.names = append(t.names, name)
	t.values = append(t.values, v)
}

// fill binds the table into module m.
func (t *moduleTable) fill(in *interp.Interp, m *interp.Module) error {
	for i, name := range t.names {
		if err := m.Set(in, name, t.values[i]); err != nil {
			return err
		}
	}
	return nil
}

// typeName is CPython's _PyType_Name: a type's name without its module,
// which the reprs of built-in objects use (a subclass shows its own).
func typeName(v interp.Value) string { return typeNameOf(v.Type()) }

// reprString is repr(v) as a Go string.
func reprString(in *interp.Interp, v interp.Value) (string, error) {
	r, err := in.Repr(v)
	if err != nil {
		return "", err
	}
	defer in.DecRef(r)
	return r.GoString(), nil
}

// newTupleOwned makes a tuple of items, releasing the caller's
// references to them (whether or not it succeeds).
func newTupleOwned(in *interp.Interp, items []interp.Value) (interp.Value, error) {
	t, err := in.NewTuple(items...)
	for _, x := range items {
		in.DecRef(x)
	}
	return t, err
}

// releaseAll releases every non-empty value of vs.
func releaseAll(in *interp.Interp, vs []interp.Value) {
	for _, v := range vs {
		in.XDecRef(v)
	}
}

// visitAll visits every value of vs (the cycle finder skips empty ones).
func visitAll(vs []interp.Value, visit func(interp.Value)) {
	for _, v := range vs {
		visit(v)
	}
}

// notPicklable adds a __reduce__ that says pickling (deprecated for
// these types in 3.12) is not implemented.
func notPicklable(ts ...*interp.Type) {
	for _, t := range ts {
		t.AddMethod("__reduce__", func(in *interp.Interp, args []interp.Value, kwnames []interp.Value) (interp.Value, error) {
			return interp.Value{}, in.Raise(interp.NotImplementedError, "pickling %s objects is not implemented yet", args[0].Type().Name)
		})
	}
}

// genericAliasable gives t a __class_getitem__ making a
// types.GenericAlias, as CPython's Py_GenericAlias does.
func genericAliasable(t *interp.Type) {
	qual := typeNameOf(t) + ".__class_getitem__"
	t.AddClassMethod("__class_getitem__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return in.GenericAlias(args[0], args[1])
	})
}

// typeNameOf is a type's name without its module.
func typeNameOf(t *interp.Type) string { return t.Name[strings.LastIndexByte(t.Name, '.')+1:] }
