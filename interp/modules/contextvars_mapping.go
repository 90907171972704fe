package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// Context as a read-only mapping of ContextVars to values: item access,
// get, membership, equality, copy, and its keys, values and items, which
// are iterators (named keys, values and items, as CPython's HAMT
// iterators) over a snapshot of the context taken when made.

// contextIterObject iterates a snapshot of a context's table.
type contextIterObject struct {
	alloc.Header
	alloc.GCLink
	vars, values []Value
	pos          int
	kind         int // contextKeys, contextValues or contextItems
}

// What a context iterator yields.
const (
	contextKeys = iota
	contextValues
	contextItems
)

func contextIterType(name string) *interp.Type {
	return interp.NewType[contextIterObject](interp.TypeSpec{
		Name: name,
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[contextIterObject](v)
			n := len(o.vars)
			releaseAll(in, o.vars)
			releaseAll(in, o.values)
			o.vars, o.values = nil, nil
			in.AccountBytes(v, -2*n*valueSize)
		},
		Traverse: func(v Value, visit func(Value)) {
			o := interp.ObjectOf[contextIterObject](v)
			visitAll(o.vars, visit)
			visitAll(o.values, visit)
		},
		Iter: interp.SelfIter,
		Next: contextIterNext,
		Len: func(in *interp.Interp, v Value) (int, error) {
			return len(interp.ObjectOf[contextIterObject](v).vars), nil
		},
	})
}

var (
	ctxKeysType   = contextIterType("keys")
	ctxValuesType = contextIterType("values")
	ctxItemsType  = contextIterType("items")
)

// newContextIter snapshots context ctx into a new iterator of the kind.
func newContextIter(in *interp.Interp, ctx Value, kind int) (Value, error) {
	c := interp.ObjectOf[contextObject](ctx)
	o, err := interp.NewObject[contextIterObject](in, []*interp.Type{ctxKeysType, ctxValuesType, ctxItemsType}[kind])
	if err != nil {
		return Value{}, err
	}
	o.kind = kind
	it := interp.ValueOf(o)
	n := len(c.vars)
	if err := in.AccountBytes(it, 2*n*valueSize); err != nil {
		in.DecRef(it)
		return Value{}, err
	}
	o.vars = append(make([]Value, 0, n), c.vars...)
	o.values = append(make([]Value, 0, n), c.values...)
	for i := range o.vars {
		interp.IncRef(o.vars[i])
		interp.IncRef(o.values[i])
	}
	return it, nil
}

func contextIterNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[contextIterObject](v)
	if o.pos >= len(o.vars) {
		return Value{}, false, nil
	}
	i := o.pos
	o.pos++
	switch o.kind {
	case contextKeys:
		interp.IncRef(o.vars[i])
		return o.vars[i], true, nil
	case contextValues:
		interp.IncRef(o.values[i])
		return o.values[i], true, nil
	}
	t, err := in.NewTuple(o.vars[i], o.values[i])
	return t, err == nil, err
}

// checkContextKey fails unless key is a ContextVar, as CPython's
// context_check_key does.
func checkContextKey(in *interp.Interp, key Value) error {
	if interp.IsInstance(key, contextVarType) {
		return nil
	}
	r, err := reprString(in, key)
	if err != nil {
		return err
	}
	return in.Raise(interp.TypeError, "a ContextVar key was expected, got %s", r)
}

func contextGetItem(in *interp.Interp, v, key Value) (Value, error) {
	if err := checkContextKey(in, key); err != nil {
		return Value{}, err
	}
	o := interp.ObjectOf[contextObject](v)
	if i := o.find(key); i >= 0 {
		interp.IncRef(o.values[i])
		return o.values[i], nil
	}
	return Value{}, raiseWithArg(in, interp.KeyError, key)
}

func contextContains(in *interp.Interp, v, key Value) (bool, error) {
	if err := checkContextKey(in, key); err != nil {
		return false, err
	}
	return interp.ObjectOf[contextObject](v).find(key) >= 0, nil
}

// contextCompare is == and != of two contexts: the same variables with
// equal values.
func contextCompare(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
	// Both are contexts (the type is not subclassable) when their types
	// are the same.
	if a.Type() != b.Type() || op != interp.CmpEQ && op != interp.CmpNE {
		return interp.NotImplemented, nil
	}
	eq, err := contextsEqual(in, a, b)
	if err != nil {
		return Value{}, err
	}
	return interp.Bool(eq == (op == interp.CmpEQ)), nil
}

func contextsEqual(in *interp.Interp, a, b Value) (bool, error) {
	x, y := interp.ObjectOf[contextObject](a), interp.ObjectOf[contextObject](b)
	if a.Is(b) {
		return true, nil
	}
	if len(x.vars) != len(y.vars) {
		return false, nil
	}
	// An __eq__ may change either context: index afresh each time, and
	// hold the values compared.
	for i := 0; i < len(x.vars); i++ {
		j := y.find(x.vars[i])
		if j < 0 {
			return false, nil
		}
		xv, yv := x.values[i], y.values[j]
		interp.IncRef(xv)
		interp.IncRef(yv)
		eq, err := in.Equal(xv, yv)
		in.DecRef(xv)
		in.DecRef(yv)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// contextNoArgs wraps a Context method that takes no arguments.
func contextNoArgs(name string, fn func(in *interp.Interp, self Value) (Value, error)) interp.MethodFunc {
	qual := "Context." + name
	return func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, args[0])
	}
}

func init() {
	t := contextType
	t.AddMethod("get", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "Context.get() takes no keyword arguments")
		}
		if err := in.CheckArgCount("get", args[1:], nil, 1, 2); err != nil {
			return Value{}, err
		}
		if err := checkContextKey(in, args[1]); err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[contextObject](args[0])
		if i := o.find(args[1]); i >= 0 {
			interp.IncRef(o.values[i])
			return o.values[i], nil
		}
		if len(args) > 2 {
			interp.IncRef(args[2])
			return args[2], nil
		}
		return interp.None, nil
	})
	t.AddMethod("copy", contextNoArgs("copy", func(in *interp.Interp, self Value) (Value, error) {
		return copyContext(in, interp.ObjectOf[contextObject](self))
	}))
	for kind, name := range []string{"keys", "values", "items"} {
		t.AddMethod(name, contextNoArgs(name, func(in *interp.Interp, self Value) (Value, error) {
			return newContextIter(in, self, kind)
		}))
	}
}
