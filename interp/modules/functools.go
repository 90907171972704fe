package modules

import (
	"strings"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The _functools module of CPython 3.12, which Lib/functools.py takes
// reduce, cmp_to_key, partial and _lru_cache_wrapper from.
// functools_lru.go has the cache.

var functoolsTable moduleTable

func initFunctools(in *interp.Interp, m *interp.Module) error { return functoolsTable.fill(in, m) }

// reduceFunc is reduce(function, iterable[, initial], /).
func reduceFunc(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.NoKeywords("reduce", kwnames); err != nil {
		return Value{}, err
	}
	if err := in.CheckArgCount("reduce", args, nil, 2, 3); err != nil {
		return Value{}, err
	}
	fn := args[0]
	it, err := in.Iter(args[1])
	if err != nil {
		if interp.ErrorIs(err, interp.TypeError) {
			in.DiscardError(err)
			return Value{}, in.Raise(interp.TypeError, "reduce() arg 2 must support iteration")
		}
		return Value{}, err
	}
	defer in.DecRef(it)
	var result Value
	if len(args) == 3 {
		result = args[2]
		interp.IncRef(result)
	}
	for {
		item, ok, err := in.Next(it)
		if err != nil {
			in.XDecRef(result)
			return Value{}, err
		}
		if !ok {
			break
		}
		if result.IsNil() {
			result = item
			continue
		}
		r, err := in.Call(fn, []Value{result, item}, nil)
		in.DecRef(item)
		in.DecRef(result)
		if err != nil {
			return Value{}, err
		}
		result = r
	}
	if result.IsNil() {
		return Value{}, in.Raise(interp.TypeError, "reduce() of empty iterable with no initial value")
	}
	return result, nil
}

// ---- cmp_to_key ----

// keyObject is functools.KeyWrapper: cmp_to_key's result (object nil)
// and the keys it makes, which compare by calling cmp.
type keyObject struct {
	alloc.Header
	alloc.GCLink
	cmp, object Value
}

var cmpToKeyParams = interp.Params{Func: "cmp_to_key", Names: []string{"mycmp"}, Required: 1}
var keyCallParams = interp.Params{Func: "K", Names: []string{"obj"}, Required: 1}

func cmpToKey(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var cmp Value
	if err := in.Unpack(&cmpToKeyParams, args, kwnames, &cmp); err != nil {
		return Value{}, err
	}
	return newKey(in, cmp, Value{})
}

func newKey(in *interp.Interp, cmp, obj Value) (Value, error) {
	k, err := interp.NewObject[keyObject](in, keyType)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(cmp)
	k.cmp = cmp
	if !obj.IsNil() {
		interp.IncRef(obj)
		k.object = obj
	}
	return interp.ValueOf(k), nil
}

var keyType *interp.Type

func init() {
	keyType = interp.NewType[keyObject](interp.TypeSpec{
		Name: "KeyWrapper", Module: "functools",
		Dealloc: func(in *interp.Interp, v Value) {
			k := interp.ObjectOf[keyObject](v)
			in.XDecRef(k.cmp)
			in.XDecRef(k.object)
		},
		Traverse: func(v Value, visit func(Value)) {
			k := interp.ObjectOf[keyObject](v)
			visit(k.cmp)
			visit(k.object)
		},
		Clear: func(in *interp.Interp, v Value) {
			k := interp.ObjectOf[keyObject](v)
			in.ClearRef(&k.cmp)
			in.ClearRef(&k.object)
		},
		Call: func(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
			var obj Value
			if err := in.Unpack(&keyCallParams, args, kwnames, &obj); err != nil {
				return Value{}, err
			}
			return newKey(in, interp.ObjectOf[keyObject](v).cmp, obj)
		},
		Compare: func(in *interp.Interp, a, b Value, op interp.CompareOp) (Value, error) {
			if b.Type() != a.Type() {
				return Value{}, in.Raise(interp.TypeError, "other argument must be K instance")
			}
			x, y := interp.ObjectOf[keyObject](a), interp.ObjectOf[keyObject](b)
			if x.object.IsNil() || y.object.IsNil() {
				return Value{}, in.Raise(interp.AttributeError, "object")
			}
			r, err := in.Call(x.cmp, []Value{x.object, y.object}, nil)
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(r)
			return in.RichCompare(r, interp.Int(0), op)
		},
	})
	keyType.AddMember("obj", "object", false)
}

// ---- partial ----

// partialObject is functools.partial: fn called with args first, and
// the keywords of kw (an exact dict) overridden by the call's.
type partialObject struct {
	alloc.Header
	alloc.GCLink
	fn, args, kw Value
	dict         Value
}

var partialType *interp.Type

func init() {
	partialType = interp.NewType[partialObject](interp.TypeSpec{
		Name: "partial", Module: "functools",
		Subclassable: true,
		DictField:    "dict",
		New:          partialNew,
		Dealloc: func(in *interp.Interp, v Value) {
			p := interp.ObjectOf[partialObject](v)
			releaseAll(in, []Value{p.fn, p.args, p.kw})
		},
		Traverse: func(v Value, visit func(Value)) {
			p := interp.ObjectOf[partialObject](v)
			visitAll([]Value{p.fn, p.args, p.kw}, visit)
		},
		Clear: func(in *interp.Interp, v Value) {
			p := interp.ObjectOf[partialObject](v)
			in.ClearRef(&p.fn)
			in.ClearRef(&p.args)
			in.ClearRef(&p.kw)
		},
		Call: partialCall,
		Repr: partialRepr,
	})
	partialCallSlot, _ = partialType.OwnAttr("__call__")
	partialType.AddMember("func", "fn", true)
	partialType.AddMember("args", "args", true)
	partialType.AddMember("keywords", "kw", true)
	partialType.AddMethod("__reduce__", partialReduce)
	partialType.AddMethod("__setstate__", partialSetState)
	genericAliasable(partialType)
	functoolsTable.set("__doc__", interp.ImmortalStr("Tools that operate on functions."))
	functoolsTable.fn("reduce", reduceFunc)
	functoolsTable.fn("cmp_to_key", cmpToKey)
	functoolsTable.typ("partial", partialType)
}

// partialCallSlot is partial.__call__, to tell classes that keep it.
var partialCallSlot Value

func partialNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	pos := positional(args, kwnames)
	if len(pos) < 1 {
		return Value{}, in.Raise(interp.TypeError, "type 'partial' takes at least one argument")
	}
	fn := pos[0]
	var pargs, pkw Value
	if interp.IsInstance(fn, partialType) {
		// A partial of a partial (called the same way, with no
		// instance attributes) flattens into one.
		call, err := in.LookupSpecial(fn.Type(), "__call__")
		if err != nil {
			return Value{}, err
		}
		if p := interp.ObjectOf[partialObject](fn); call.Is(partialCallSlot) && p.dict.IsNil() && !p.fn.IsNil() {
			fn, pargs, pkw = p.fn, p.args, p.kw
		}
	}
	if !interp.IsCallable(fn) {
		return Value{}, in.Raise(interp.TypeError, "the first argument must be callable")
	}
	var allArgs Value
	var err error
	if pargs.IsNil() {
		allArgs, err = in.NewTuple(pos[1:]...)
	} else {
		items, _ := interp.TupleItems(pargs)
		allArgs, err = in.NewTuple(append(append([]Value(nil), items...), pos[1:]...)...)
	}
	if err != nil {
		return Value{}, err
	}
	kw, err := mergeKeywords(in, pkw, args[len(pos):], kwnames)
	if err != nil {
		in.DecRef(allArgs)
		return Value{}, err
	}
	p, err := interp.NewObject[partialObject](in, t)
	if err != nil {
		in.DecRef(allArgs)
		in.DecRef(kw)
		return Value{}, err
	}
	interp.IncRef(fn)
	p.fn, p.args, p.kw = fn, allArgs, kw
	return interp.ValueOf(p), nil
}

// mergeKeywords makes a new dict of the items of base (a dict, or nil)
// updated with the keyword arguments values named by kwnames.
func mergeKeywords(in *interp.Interp, base Value, values, kwnames []Value) (Value, error) {
	var kw Value
	var err error
	if base.IsNil() {
		kw, err = in.NewDict()
	} else {
		kw, err = in.DictCopy(interp.AsDict(base))
	}
	if err != nil {
		return Value{}, err
	}
	d := interp.AsDict(kw)
	for i, k := range kwnames {
		if err := in.DictSet(d, k, values[i]); err != nil {
			in.DecRef(kw)
			return Value{}, err
		}
	}
	return kw, nil
}

func partialCall(in *interp.Interp, v Value, args, kwnames []Value) (Value, error) {
	p := interp.ObjectOf[partialObject](v)
	if p.fn.IsNil() {
		return Value{}, in.Raise(interp.TypeError, "'%s' object is not callable", v.Type().Name)
	}
	// Hold the parts: the call may change the partial (__setstate__).
	fn, pargs, pkw := p.fn, p.args, p.kw
	for _, x := range []Value{fn, pargs, pkw} {
		interp.IncRef(x)
	}
	defer releaseAll(in, []Value{fn, pargs, pkw})
	stored, _ := interp.TupleItems(pargs)
	npos := len(args) - len(kwnames)
	callArgs := make([]Value, 0, len(stored)+len(args)+interp.AsDict(pkw).Len())
	callArgs = append(append(callArgs, stored...), args[:npos]...)
	keys, values := interp.DictItems(interp.AsDict(pkw))
	if len(keys) == 0 {
		return in.Call(fn, append(callArgs, args[npos:]...), kwnames)
	}
	// The stored keywords first, each overridden by the call's, then
	// the call's new ones, as a dict merge orders them.
	names := make([]Value, 0, len(keys)+len(kwnames))
	for i, k := range keys {
		if !interp.IsStr(k) {
			return Value{}, in.Raise(interp.TypeError, "keywords must be strings")
		}
		val := values[i]
		for j, n := range kwnames {
			if n.GoString() == k.GoString() {
				val = args[npos+j]
			}
		}
		names = append(names, k)
		callArgs = append(callArgs, val)
	}
	for j, n := range kwnames {
		found := false
		for _, k := range keys {
			if k.GoString() == n.GoString() {
				found = true
				break
			}
		}
		if !found {
			names = append(names, n)
			callArgs = append(callArgs, args[npos+j])
		}
	}
	// The items are borrowed from the dict: keep them alive for the
	// call, which may change it.
	for _, x := range callArgs[len(stored)+npos:] {
		interp.IncRef(x)
	}
	for _, n := range names {
		interp.IncRef(n)
	}
	defer releaseAll(in, names)
	defer releaseAll(in, callArgs[len(stored)+npos:])
	return in.Call(fn, callArgs, names)
}

func partialRepr(in *interp.Interp, v Value) (Value, error) {
	p := interp.ObjectOf[partialObject](v)
	if !in.ReprEnter(v) {
		return in.NewStr("...")
	}
	defer in.ReprLeave()
	var b strings.Builder
	b.WriteString(v.Type().Name + "(")
	if p.fn.IsNil() {
		return in.NewStr(b.String() + ")")
	}
	r, err := reprString(in, p.fn)
	if err != nil {
		return Value{}, err
	}
	b.WriteString(r)
	items, _ := interp.TupleItems(p.args)
	for _, a := range items {
		r, err := reprString(in, a)
		if err != nil {
			return Value{}, err
		}
		b.WriteString(", " + r)
	}
	// Copy the items first: a key's __str__ or a value's __repr__ may
	// change the dict.
	keys, values := interp.DictItems(interp.AsDict(p.kw))
	held := append(append([]Value(nil), keys...), values...)
	for _, x := range held {
		interp.IncRef(x)
	}
	defer releaseAll(in, held)
	for i, k := range keys {
		ks, err := in.Str(k)
		if err != nil {
			return Value{}, err
		}
		name := ks.GoString()
		in.DecRef(ks)
		r, err := reprString(in, values[i])
		if err != nil {
			return Value{}, err
		}
		b.WriteString(", " + name + "=" + r)
	}
	b.WriteString(")")
	return in.NewStr(b.String())
}

// partialReduce is __reduce__: (type, (fn,), (fn, args, kw, dict)).
func partialReduce(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethNoArgs("partial.__reduce__", args, kwnames); err != nil {
		return Value{}, err
	}
	p := interp.ObjectOf[partialObject](args[0])
	dict := p.dict
	if dict.IsNil() {
		dict = interp.None
	}
	fn := p.fn
	if fn.IsNil() {
		fn = interp.None
	}
	first, err := in.NewTuple(fn)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(first)
	state, err := in.NewTuple(fn, p.args, p.kw, dict)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(state)
	return in.NewTuple(interp.TypeValue(args[0].Type()), first, state)
}

// partialSetState is __setstate__((fn, args, kw, dict)).
func partialSetState(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.MethOneArg("partial.__setstate__", args, kwnames); err != nil {
		return Value{}, err
	}
	p := interp.ObjectOf[partialObject](args[0])
	state, ok := interp.TupleItems(args[1])
	if !ok || len(state) != 4 || !interp.IsCallable(state[0]) || !interp.IsInstance(state[1], interp.TupleType) ||
		!state[2].IsNone() && interp.AsDict(state[2]) == nil {
		return Value{}, in.Raise(interp.TypeError, "invalid partial state")
	}
	fn, fnArgs, kw, dict := state[0], state[1], state[2], state[3]
	var err error
	if fnArgs.Type() == interp.TupleType {
		interp.IncRef(fnArgs)
	} else if fnArgs, err = tupleOf(in, fnArgs); err != nil {
		return Value{}, err
	}
	if kw.IsNone() {
		kw, err = in.NewDict()
	} else if kw.Type() != interp.DictType {
		kw, err = in.DictCopy(interp.AsDict(kw))
	} else {
		interp.IncRef(kw)
	}
	if err != nil {
		in.DecRef(fnArgs)
		return Value{}, err
	}
	if dict.IsNone() {
		dict = Value{}
	} else if interp.AsDict(dict) == nil {
		in.DecRef(fnArgs)
		in.DecRef(kw)
		return Value{}, in.Raise(interp.NotImplementedError, "a partial state whose __dict__ is not a dict is not implemented yet")
	} else {
		interp.IncRef(dict)
	}
	interp.IncRef(fn)
	old := []Value{p.fn, p.args, p.kw, p.dict}
	p.fn, p.args, p.kw, p.dict = fn, fnArgs, kw, dict
	releaseAll(in, old)
	return interp.None, nil
}
