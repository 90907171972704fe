package modules

import (
	"crypto/subtle"
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _operator module of CPython 3.12, which Lib/operator.py imports
// everything from: the operators as functions, and the itemgetter,
// attrgetter and methodcaller types.

var operatorTable moduleTable

func initOperator(in *interp.Interp, m *interp.Module) error { return operatorTable.fill(in, m) }

// operatorDoc is _operator.__doc__, which operator.py re-exports.
const operatorDoc = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n" +
	"to the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  " +
	"The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."

// opArgs is the check of the functions argument clinic makes
// positional-only with n parameters.
func opArgs(in *interp.Interp, name string, args, kwnames []Value, n int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "_operator.%s() takes no keyword arguments", name)
	}
	if n == 1 && len(args) != 1 {
		return in.Raise(interp.TypeError, "_operator.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return in.CheckArgCount(name, args, nil, n, n)
}

// op1 adds a one-argument function.
func op1(name string, fn func(in *interp.Interp, a Value) (Value, error)) {
	operatorTable.fn(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := opArgs(in, name, args, kwnames, 1); err != nil {
			return Value{}, err
		}
		return fn(in, args[0])
	})
}

// op2 adds a two-argument function.
func op2(name string, fn func(in *interp.Interp, a, b Value) (Value, error)) {
	operatorTable.fn(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := opArgs(in, name, args, kwnames, 2); err != nil {
			return Value{}, err
		}
		return fn(in, args[0], args[1])
	})
}

func init() {
	operatorTable.set("__doc__", interp.ImmortalStr(operatorDoc))
	binary := []struct {
		name string
		op   interp.BinaryOp
	}{
		{"add", interp.OpAdd}, {"and_", interp.OpAnd}, {"floordiv", interp.OpFloorDiv}, {"lshift", interp.OpLShift},
		{"matmul", interp.OpMatMul}, {"mod", interp.OpRemainder}, {"mul", interp.OpMul}, {"or_", interp.OpOr},
		{"pow", interp.OpPow}, {"rshift", interp.OpRShift}, {"sub", interp.OpSub}, {"truediv", interp.OpTrueDiv},
		{"xor", interp.OpXor},
	}
	for _, b := range binary {
		op := b.op
		op2(b.name, func(in *interp.Interp, a, b Value) (Value, error) { return in.BinaryOp(op, a, b) })
		iname := "i" + strings.TrimSuffix(b.name, "_")
		op2(iname, func(in *interp.Interp, a, b Value) (Value, error) { return in.InPlaceOp(op, a, b) })
	}
	for _, c := range []struct {
		name string
		op   interp.CompareOp
	}{{"lt", interp.CmpLT}, {"le", interp.CmpLE}, {"eq", interp.CmpEQ}, {"ne", interp.CmpNE}, {"gt", interp.CmpGT}, {"ge", interp.CmpGE}} {
		op := c.op
		op2(c.name, func(in *interp.Interp, a, b Value) (Value, error) { return in.RichCompare(a, b, op) })
	}
	op1("truth", func(in *interp.Interp, a Value) (Value, error) {
		t, err := in.Truth(a)
		return interp.Bool(t), err
	})
	op1("not_", func(in *interp.Interp, a Value) (Value, error) {
		t, err := in.Truth(a)
		return interp.Bool(!t), err
	})
	op1("abs", func(in *interp.Interp, a Value) (Value, error) { return in.Abs(a) })
	op1("neg", func(in *interp.Interp, a Value) (Value, error) { return in.Neg(a) })
	op1("pos", func(in *interp.Interp, a Value) (Value, error) { return in.Pos(a) })
	op1("inv", func(in *interp.Interp, a Value) (Value, error) { return in.Invert(a) })
	op1("invert", func(in *interp.Interp, a Value) (Value, error) { return in.Invert(a) })
	op1("index", func(in *interp.Interp, a Value) (Value, error) { return in.Index(a) })
	op2("is_", func(in *interp.Interp, a, b Value) (Value, error) { return interp.Bool(a.Is(b)), nil })
	op2("is_not", func(in *interp.Interp, a, b Value) (Value, error) { return interp.Bool(!a.Is(b)), nil })
	op2("concat", func(in *interp.Interp, a, b Value) (Value, error) { return concat(in, a, b, false) })
	op2("iconcat", func(in *interp.Interp, a, b Value) (Value, error) { return concat(in, a, b, true) })
	op2("contains", func(in *interp.Interp, a, b Value) (Value, error) {
		ok, err := in.Contains(a, b)
		return interp.Bool(ok), err
	})
	op2("countOf", func(in *interp.Interp, a, b Value) (Value, error) {
		n := int64(0)
		err := forEachItem(in, a, func(item Value) (bool, error) {
			eq, err := in.Equal(item, b)
			if eq {
				n++
			}
			return true, err
		})
		return interp.Int(n), err
	})
	op2("indexOf", func(in *interp.Interp, a, b Value) (Value, error) {
		i, found := int64(0), false
		err := forEachItem(in, a, func(item Value) (bool, error) {
			eq, err := in.Equal(item, b)
			if eq {
				found = true
				return false, err
			}
			i++
			return true, err
		})
		if err != nil {
			return Value{}, err
		}
		if !found {
			return Value{}, in.Raise(interp.ValueError, "sequence.index(x): x not in sequence")
		}
		return interp.Int(i), nil
	})
	op2("getitem", func(in *interp.Interp, a, b Value) (Value, error) { return in.GetItem(a, b) })
	op2("delitem", func(in *interp.Interp, a, b Value) (Value, error) { return interp.None, in.SetItem(a, b, Value{}) })
	operatorTable.fn("setitem", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := opArgs(in, "setitem", args, kwnames, 3); err != nil {
			return Value{}, err
		}
		return interp.None, in.SetItem(args[0], args[1], args[2])
	})
	operatorTable.fn("length_hint", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_operator.length_hint() takes no keyword arguments")
		}
		if err := in.CheckArgCount("length_hint", args, nil, 1, 2); err != nil {
			return Value{}, err
		}
		def := 0
		if len(args) == 2 {
			var err error
			if def, err = in.AsSsize(args[1]); err != nil {
				return Value{}, err
			}
		}
		n, err := in.LengthHint(args[0], def)
		return interp.Int(int64(n)), err
	})
	operatorTable.fn("call", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) == len(kwnames) {
			return Value{}, in.Raise(interp.TypeError, "call expected at least 1 argument, got 0")
		}
		return in.Call(args[0], args[1:], kwnames)
	})
	operatorTable.fn("_compare_digest", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_operator._compare_digest() takes no keyword arguments")
		}
		if err := in.CheckArgCount("_compare_digest", args, nil, 2, 2); err != nil {
			return Value{}, err
		}
		a, b := args[0], args[1]
		if interp.IsStr(a) && interp.IsStr(b) {
			if !interp.IsASCII(a) || !interp.IsASCII(b) {
				return Value{}, in.Raise(interp.TypeError, "comparing strings with non-ASCII characters is not supported")
			}
			return interp.Bool(subtle.ConstantTimeCompare([]byte(a.GoString()), []byte(b.GoString())) == 1), nil
		}
		x, ok := interp.BufferBytes(a)
		if _, okb := interp.BufferBytes(b); !ok && !okb {
			return Value{}, in.Raise(interp.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", a.Type().Name, b.Type().Name)
		}
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", a.Type().Name)
		}
		y, ok := interp.BufferBytes(b)
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", b.Type().Name)
		}
		return interp.Bool(subtle.ConstantTimeCompare(x, y) == 1), nil
	})
	operatorTable.typ("itemgetter", itemgetterType)
	operatorTable.typ("attrgetter", attrgetterType)
	operatorTable.typ("methodcaller", methodcallerType)
}

// forEachItem calls fn with each item of v (borrowed for the call) until
// fn answers false or fails, as CPython's _PySequence_IterSearch does.
func forEachItem(in *interp.Interp, v Value, fn func(item Value) (bool, error)) error {
	it, err := in.Iter(v)
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return in.Raise(interp.TypeError, "argument of type '%s' is not iterable", v.Type().Name)
		}
		return err
	}
	defer in.DecRef(it)
	for {
		item, ok, err := in.Next(it)
		if err != nil || !ok {
			return err
		}
		more, err := fn(item)
		in.DecRef(item)
		if err != nil || !more {
			return err
		}
	}
}

// concat is PySequence_Concat (a + b for sequences), or with inplace
// PySequence_InPlaceConcat (a += b).
func concat(in *interp.Interp, a, b Value, inplace bool) (Value, error) {
	if !interp.IsSequence(a) || a.Type().Flags&interp.TypeHeapType != 0 && !interp.IsSequence(b) {
		return Value{}, in.Raise(interp.TypeError, "'%s' object can't be concatenated", a.Type().Name)
	}
	if inplace {
		return in.InPlaceOp(interp.OpAdd, a, b)
	}
	return in.BinaryOp(interp.OpAdd, a, b)
}

// ---- itemgetter ----

// getterObject is itemgetter's and attrgetter's: the items (or the
// attribute names, each a tuple of its dotted parts) to fetch.
type getterObject struct {
	alloc.Header
	alloc.GCLink
	items Value // a tuple
}

func getterDealloc(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[getterObject](v).items) }

func getterTraverse(v Value, visit func(Value)) { visit(interp.ObjectOf[getterObject](v).items) }

// getterItems returns the items of a getter.
func getterItems(v Value) []Value {
	items, _ := interp.TupleItems(interp.ObjectOf[getterObject](v).items)
	return items
}

// newGetter makes an itemgetter or attrgetter holding items (a new
// reference is taken to the tuple of them).
func newGetter(in *interp.Interp, t *interp.Type, items []Value) (Value, error) {
	tup, err := in.NewTuple(items...)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[getterObject](in, t)
	if err != nil {
		in.DecRef(tup)
		return Value{}, err
	}
	o.items = tup
	return interp.ValueOf(o), nil
}

// getterCallArgs checks the one argument a getter is called with.
func getterCallArgs(in *interp.Interp, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", name)
	}
	return in.CheckArgCount(name, args, nil, 1, 1)
}

// getterResult applies get to each item: the one result, or a tuple of
// them.
func getterResult(in *interp.Interp, items []Value, get func(item Value) (Value, error)) (Value, error) {
	if len(items) == 1 {
		return get(items[0])
	}
	results := make([]Value, 0, len(items))
	for _, item := range items {
		r, err := get(item)
		if err != nil {
			releaseAll(in, results)
			return Value{}, err
		}
		results = append(results, r)
	}
	return newTupleOwned(in, results)
}

// getterRepr is "operator.itemgetter(1, 'a')": args are the reprs'
// sources; a getter inside itself shows as "(...)".
func getterRepr(in *interp.Interp, v Value, args []Value) (Value, error) {
	name := v.Type().Name
	if !in.ReprEnter(v) {
		return in.NewStr(name + "(...)")
	}
	defer in.ReprLeave()
	parts := make([]string, len(args))
	for i, a := range args {
		r, err := reprString(in, a)
		if err != nil {
			return Value{}, err
		}
		parts[i] = r
	}
	return in.NewStr(name + "(" + strings.Join(parts, ", ") + ")")
}

// getterReduce is __reduce__: (type, args).
func getterReduce(in *interp.Interp, v Value, args []Value) (Value, error) {
	t, err := in.NewTuple(args...)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(t)
	return in.NewTuple(interp.TypeValue(v.Type()), t)
}

var itemgetterType = interp.NewType[getterObject](interp.TypeSpec{
	Name: "itemgetter", Module: "operator",
	Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "itemgetter() takes no keyword arguments")
		}
		if len(args) == 0 {
			return Value{}, in.Raise(interp.TypeError, "itemgetter expected 1 argument, got 0")
		}
		return newGetter(in, t, args)
	},
	Dealloc:  getterDealloc,
	Traverse: getterTraverse,
	Call: func(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
		if err := getterCallArgs(in, "itemgetter", args, kwnames); err != nil {
			return Value{}, err
		}
		obj := args[0]
		return getterResult(in, getterItems(v), func(item Value) (Value, error) { return in.GetItem(obj, item) })
	},
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		items := getterItems(v)
		if len(items) == 1 {
			return getterRepr(in, v, items)
		}
		// Several items show as the repr of their tuple.
		name := v.Type().Name
		if !in.ReprEnter(v) {
			return in.NewStr(name + "(...)")
		}
		defer in.ReprLeave()
		r, err := reprString(in, interp.ObjectOf[getterObject](v).items)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(name + r)
	},
})

// ---- attrgetter ----

var attrgetterType = interp.NewType[getterObject](interp.TypeSpec{
	Name: "attrgetter", Module: "operator",
	Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "attrgetter() takes no keyword arguments")
		}
		if len(args) == 0 {
			return Value{}, in.Raise(interp.TypeError, "attrgetter expected 1 argument, got 0")
		}
		// Each name is kept as the tuple of its dotted parts.
		names := make([]Value, 0, len(args))
		for _, a := range args {
			if !interp.IsStr(a) {
				releaseAll(in, names)
				return Value{}, in.Raise(interp.TypeError, "attribute name must be a string")
			}
			parts := strings.Split(a.GoString(), ".")
			vs := make([]Value, len(parts))
			for i, p := range parts {
				s, err := in.NewStr(p)
				if err != nil {
					releaseAll(in, vs)
					releaseAll(in, names)
					return Value{}, err
				}
				vs[i] = s
			}
			tup, err := newTupleOwned(in, vs)
			if err != nil {
				releaseAll(in, names)
				return Value{}, err
			}
			names = append(names, tup)
		}
		g, err := newGetter(in, t, names)
		releaseAll(in, names)
		return g, err
	},
	Dealloc:  getterDealloc,
	Traverse: getterTraverse,
	Call: func(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
		if err := getterCallArgs(in, "attrgetter", args, kwnames); err != nil {
			return Value{}, err
		}
		obj := args[0]
		return getterResult(in, getterItems(v), func(name Value) (Value, error) {
			parts, _ := interp.TupleItems(name)
			cur := obj
			interp.IncRef(cur)
			for _, p := range parts {
				next, err := in.GetAttr(cur, p)
				in.DecRef(cur)
				if err != nil {
					return Value{}, err
				}
				cur = next
			}
			return cur, nil
		})
	},
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		names, err := attrgetterNames(in, v)
		if err != nil {
			return Value{}, err
		}
		defer releaseAll(in, names)
		return getterRepr(in, v, names)
	},
})

// attrgetterNames returns the dotted names an attrgetter was made with
// (new references).
func attrgetterNames(in *interp.Interp, v Value) ([]Value, error) {
	items := getterItems(v)
	names := make([]Value, 0, len(items))
	for _, item := range items {
		parts, _ := interp.TupleItems(item)
		ss := make([]string, len(parts))
		for i, p := range parts {
			ss[i] = p.GoString()
		}
		s, err := in.NewStr(strings.Join(ss, "."))
		if err != nil {
			releaseAll(in, names)
			return nil, err
		}
		names = append(names, s)
	}
	return names, nil
}

// ---- methodcaller ----

// methodcallerObject calls its method name with args, then keyword
// values whose names are kwnames.
type methodcallerObject struct {
	alloc.Header
	alloc.GCLink
	name    Value
	args    []Value // positional then keyword values
	kwnames []Value
}

var methodcallerType = interp.NewType[methodcallerObject](interp.TypeSpec{
	Name: "methodcaller", Module: "operator",
	Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if len(args) == len(kwnames) {
			return Value{}, in.Raise(interp.TypeError, "methodcaller needs at least one argument, the method name")
		}
		if !interp.IsStr(args[0]) {
			return Value{}, in.Raise(interp.TypeError, "method name must be a string")
		}
		o, err := interp.NewObject[methodcallerObject](in, t)
		if err != nil {
			return Value{}, err
		}
		if err := in.AccountBytes(interp.ValueOf(o), (len(args)+len(kwnames))*valueSize); err != nil {
			in.DecRef(interp.ValueOf(o))
			return Value{}, err
		}
		for _, a := range args {
			interp.IncRef(a)
		}
		for _, k := range kwnames {
			interp.IncRef(k)
		}
		o.name = args[0]
		o.args = append([]Value(nil), args[1:]...)
		o.kwnames = append([]Value(nil), kwnames...)
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[methodcallerObject](v)
		if !o.name.IsNil() {
			_ = in.AccountBytes(v, -(1+len(o.args)+len(o.kwnames))*valueSize)
		}
		in.XDecRef(o.name)
		releaseAll(in, o.args)
		releaseAll(in, o.kwnames)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[methodcallerObject](v)
		visit(o.name)
		visitAll(o.args, visit)
	},
	Call: func(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
		if err := getterCallArgs(in, "methodcaller", args, kwnames); err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[methodcallerObject](v)
		m, err := in.GetAttr(args[0], o.name)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(m)
		return in.Call(m, o.args, o.kwnames)
	},
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		o := interp.ObjectOf[methodcallerObject](v)
		name := v.Type().Name
		if !in.ReprEnter(v) {
			return in.NewStr(name + "(...)")
		}
		defer in.ReprLeave()
		npos := len(o.args) - len(o.kwnames)
		parts := make([]string, 0, len(o.args)+1)
		for i, a := range append([]Value{o.name}, o.args...) {
			r, err := reprString(in, a)
			if err != nil {
				return Value{}, err
			}
			if i > npos {
				r = o.kwnames[i-1-npos].GoString() + "=" + r
			}
			parts = append(parts, r)
		}
		return in.NewStr(name + "(" + strings.Join(parts, ", ") + ")")
	},
})

func init() {
	itemgetterType.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("itemgetter.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		return getterReduce(in, args[0], getterItems(args[0]))
	})
	attrgetterType.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("attrgetter.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		names, err := attrgetterNames(in, args[0])
		if err != nil {
			return Value{}, err
		}
		defer releaseAll(in, names)
		return getterReduce(in, args[0], names)
	})
	methodcallerType.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("methodcaller.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[methodcallerObject](args[0])
		t := interp.TypeValue(args[0].Type())
		npos := len(o.args) - len(o.kwnames)
		if len(o.kwnames) == 0 {
			return getterReduce(in, args[0], append([]Value{o.name}, o.args...))
		}
		// With keywords: (partial(type, name, **kwargs), args).
		pargs := append([]Value{t, o.name}, o.args[npos:]...)
		p, err := in.Call(interp.TypeValue(partialType), pargs, o.kwnames)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(p)
		rest, err := in.NewTuple(o.args[:npos]...)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(rest)
		return in.NewTuple(p, rest)
	})
}
