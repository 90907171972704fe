package modules

import (
	"math"
	"strconv"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The itertools module of CPython 3.12: lazy iterator types that draw
// one item at a time from the iterators they own, with CPython's
// argument checks, reprs and messages. This file has the simple ones;
// itertools_group.go has groupby and tee, itertools_comb.go the
// combinatoric iterators.

type Value = interp.Value

var itertoolsTable moduleTable

func initItertools(in *interp.Interp, m *interp.Module) error { return itertoolsTable.fill(in, m) }

// iterType defines an itertools iterator type: subclassable, its own
// iterator, with the given slots.
func iterType[T any](name string, spec interp.TypeSpec) *interp.Type {
	spec.Name, spec.Module = name, "itertools"
	spec.Iter = interp.SelfIter
	if spec.New != nil {
		spec.Subclassable = true
	}
	t := interp.NewType[T](spec)
	if name[0] != '_' {
		itertoolsTable.typ(name, t)
	}
	return t
}

// noKeywordsFor is the keyword check of an itertools constructor, which
// CPython makes only for the type itself and classes that keep its
// __init__.
func noKeywordsFor(in *interp.Interp, t *interp.Type, name string, kwnames []Value) error {
	if len(kwnames) > 0 && (t.Flags&interp.TypeHeapType == 0 || !in.Overrides(t, "__init__")) {
		return in.Raise(interp.TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}

// positional returns the positional arguments of a call.
func positional(args, kwnames []Value) []Value { return args[:len(args)-len(kwnames)] }

// callOne calls fn(x).
func callOne(in *interp.Interp, fn, x Value) (Value, error) {
	return in.Call(fn, []Value{x}, nil)
}

// truthOf calls pred(item) (or takes item itself when pred is None) and
// answers its truth.
func truthOf(in *interp.Interp, pred, item Value) (bool, error) {
	if pred.IsNone() || pred.Is(interp.TypeValue(interp.BoolType)) {
		return in.Truth(item)
	}
	r, err := callOne(in, pred, item)
	if err != nil {
		return false, err
	}
	defer in.DecRef(r)
	return in.Truth(r)
}

// ---- count ----

// countObject counts from cnt by step. In fast mode (an int start that
// fits and a step of 1) n holds the count; otherwise cnt does and each
// step is cnt + step.
type countObject struct {
	alloc.Header
	alloc.GCLink
	fast      bool
	n         int64
	cnt, step Value
}

var countType = iterType[countObject]("count", interp.TypeSpec{
	New: countNew,
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[countObject](v)
		in.XDecRef(o.cnt)
		in.XDecRef(o.step)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[countObject](v)
		visit(o.cnt)
		visit(o.step)
	},
	Next: countNext,
	Repr: countRepr,
})

var countParams = interp.Params{Func: "count", Names: []string{"start", "step"}}

// isNumber is PyNumber_Check: ints, floats, complex numbers and objects
// that convert to one.
func isNumber(in *interp.Interp, v Value) bool {
	if interp.IsInt(v) || v.IsFloat() || interp.IsInstance(v, interp.ComplexType) {
		return true
	}
	for _, name := range []string{"__index__", "__int__", "__float__"} {
		if m, err := in.LookupSpecial(v.Type(), name); err == nil && !m.IsNil() {
			return true
		} else if err != nil {
			in.DiscardError(err)
		}
	}
	return false
}

func countNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	var start, step Value
	if err := in.Unpack(&countParams, args, kwnames, &start, &step); err != nil {
		return Value{}, err
	}
	if !start.IsNil() && !isNumber(in, start) || !step.IsNil() && !isNumber(in, step) {
		return Value{}, in.Raise(interp.TypeError, "a number is required")
	}
	if start.IsNil() {
		start = interp.Int(0)
	}
	if step.IsNil() {
		step = interp.Int(1)
	}
	o, err := interp.NewObject[countObject](in, t)
	if err != nil {
		return Value{}, err
	}
	interp.IncRef(start)
	interp.IncRef(step)
	o.cnt, o.step = start, step
	if interp.IsInt(start) && intIsOne(step) {
		if b := interp.BigIntOf(start); b.IsInt64() {
			o.fast, o.n = true, b.Int64()
		}
	}
	return interp.ValueOf(o), nil
}

// intIsOne reports whether v is an int (or bool) equal to 1.
func intIsOne(v Value) bool {
	if n, ok := interp.IntValue(v); ok {
		return n == 1
	}
	return interp.IsInt(v) && interp.BigIntOf(v).IsInt64() && interp.BigIntOf(v).Int64() == 1
}

func countNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[countObject](v)
	if o.fast {
		if o.n < math.MaxInt64 {
			r := interp.Int(o.n)
			o.n++
			return r, true, nil
		}
		// Past int64: continue with int arithmetic from here.
		o.fast = false
		in.DecRef(o.cnt)
		o.cnt = interp.Int(o.n)
	}
	next, err := in.BinaryOp(interp.OpAdd, o.cnt, o.step)
	if err != nil {
		return Value{}, false, err
	}
	r := o.cnt
	o.cnt = next
	return r, true, nil
}

func countRepr(in *interp.Interp, v Value) (Value, error) {
	o := interp.ObjectOf[countObject](v)
	name := typeName(v)
	if o.fast {
		return in.NewStr(name + "(" + strconv.FormatInt(o.n, 10) + ")")
	}
	c, err := reprString(in, o.cnt)
	if err != nil {
		return Value{}, err
	}
	if intIsOne(o.step) {
		return in.NewStr(name + "(" + c + ")")
	}
	s, err := reprString(in, o.step)
	if err != nil {
		return Value{}, err
	}
	return in.NewStr(name + "(" + c + ", " + s + ")")
}

// ---- cycle ----

// cycleObject yields the items of it while saving them, then the saved
// items over and over.
type cycleObject struct {
	alloc.Header
	alloc.GCLink
	it        Value // nil once exhausted
	saved     Value // a list
	index     int
	firstpass bool // set by __setstate__: saved holds the items of it already
}

var cycleType = iterType[cycleObject]("cycle", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if err := noKeywordsFor(in, t, "cycle", kwnames); err != nil {
			return Value{}, err
		}
		pos := positional(args, kwnames)
		if err := in.CheckArgCount("cycle", pos, nil, 1, 1); err != nil {
			return Value{}, err
		}
		it, err := in.Iter(pos[0])
		if err != nil {
			return Value{}, err
		}
		saved, err := in.NewList()
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		o, err := interp.NewObject[cycleObject](in, t)
		if err != nil {
			in.DecRef(it)
			in.DecRef(saved)
			return Value{}, err
		}
		o.it, o.saved = it, saved
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[cycleObject](v)
		in.XDecRef(o.it)
		in.XDecRef(o.saved)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[cycleObject](v)
		visit(o.it)
		visit(o.saved)
	},
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[cycleObject](v)
		if !o.it.IsNil() {
			item, ok, err := in.Next(o.it)
			if err != nil {
				return Value{}, false, err
			}
			if ok {
				if o.firstpass {
					return item, true, nil
				}
				if err := in.Append(interp.AsList(o.saved), item); err != nil {
					in.DecRef(item)
					return Value{}, false, err
				}
				return item, true, nil
			}
			in.ClearRef(&o.it)
		}
		if o.saved.IsNil() {
			return Value{}, false, nil
		}
		saved, _ := interp.ListItems(o.saved)
		if len(saved) == 0 {
			return Value{}, false, nil
		}
		if o.index >= len(saved) {
			o.index = 0
		}
		item := saved[o.index]
		o.index++
		if o.index >= len(saved) {
			o.index = 0
		}
		interp.IncRef(item)
		return item, true, nil
	},
})

// ---- repeat ----

// repeatObject yields element cnt times, or forever when cnt is -1.
type repeatObject struct {
	alloc.Header
	alloc.GCLink
	element Value
	cnt     int
}

var repeatParams = interp.Params{Func: "repeat", Names: []string{"object", "times"}, Required: 1}

var repeatType = iterType[repeatObject]("repeat", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var element, times Value
		if err := in.Unpack(&repeatParams, args, kwnames, &element, &times); err != nil {
			return Value{}, err
		}
		cnt := -1
		if !times.IsNil() {
			n, err := in.AsSsize(times)
			if err != nil {
				return Value{}, err
			}
			cnt = max(n, 0)
		}
		o, err := interp.NewObject[repeatObject](in, t)
		if err != nil {
			return Value{}, err
		}
		interp.IncRef(element)
		o.element, o.cnt = element, cnt
		return interp.ValueOf(o), nil
	},
	Dealloc:  func(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[repeatObject](v).element) },
	Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[repeatObject](v).element) },
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[repeatObject](v)
		if o.cnt == 0 || o.element.IsNil() {
			return Value{}, false, nil
		}
		if o.cnt > 0 {
			o.cnt--
		}
		interp.IncRef(o.element)
		return o.element, true, nil
	},
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		o := interp.ObjectOf[repeatObject](v)
		e, err := reprString(in, o.element)
		if err != nil {
			return Value{}, err
		}
		if o.cnt == -1 {
			return in.NewStr(typeName(v) + "(" + e + ")")
		}
		return in.NewStr(typeName(v) + "(" + e + ", " + strconv.Itoa(o.cnt) + ")")
	},
})

func init() {
	repeatType.AddMethod("__length_hint__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("repeat.__length_hint__", args, kwnames); err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[repeatObject](args[0])
		if o.cnt == -1 {
			return Value{}, in.Raise(interp.TypeError, "len() of unsized object")
		}
		return interp.Int(int64(o.cnt)), nil
	})
}

// ---- accumulate ----

// accumulateObject yields running totals: total op item.
type accumulateObject struct {
	alloc.Header
	alloc.GCLink
	it, binop, total, initial Value // binop and initial may be nil
}

var accumulateParams = interp.Params{Func: "accumulate", Names: []string{"iterable", "func", "initial"}, Required: 1, KwOnly: 1}

var accumulateType = iterType[accumulateObject]("accumulate", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var iterable, fn, initial Value
		if err := in.Unpack(&accumulateParams, args, kwnames, &iterable, &fn, &initial); err != nil {
			return Value{}, err
		}
		it, err := in.Iter(iterable)
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[accumulateObject](in, t)
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		o.it = it
		if !fn.IsNil() && !fn.IsNone() {
			interp.IncRef(fn)
			o.binop = fn
		}
		if !initial.IsNil() && !initial.IsNone() {
			interp.IncRef(initial)
			o.initial = initial
		}
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[accumulateObject](v)
		releaseAll(in, []Value{o.it, o.binop, o.total, o.initial})
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[accumulateObject](v)
		visitAll([]Value{o.it, o.binop, o.total, o.initial}, visit)
	},
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[accumulateObject](v)
		if !o.initial.IsNil() {
			in.XDecRef(o.total)
			o.total, o.initial = o.initial, Value{}
			interp.IncRef(o.total)
			return o.total, true, nil
		}
		if o.it.IsNil() {
			return Value{}, false, nil
		}
		item, ok, err := in.Next(o.it)
		if err != nil || !ok {
			return Value{}, false, err
		}
		if o.total.IsNil() {
			o.total = item
		} else {
			var total Value
			if o.binop.IsNil() {
				total, err = in.BinaryOp(interp.OpAdd, o.total, item)
			} else {
				total, err = in.Call(o.binop, []Value{o.total, item}, nil)
			}
			in.DecRef(item)
			if err != nil {
				return Value{}, false, err
			}
			old := o.total
			o.total = total
			in.DecRef(old)
		}
		interp.IncRef(o.total)
		return o.total, true, nil
	},
})

// ---- batched ----

// batchedObject yields tuples of n items; it is dropped once exhausted.
type batchedObject struct {
	alloc.Header
	alloc.GCLink
	it Value
	n  int
}

var batchedParams = interp.Params{Func: "batched", Names: []string{"iterable", "n"}, Required: 2}

var batchedType = iterType[batchedObject]("batched", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var iterable, nv Value
		if err := in.Unpack(&batchedParams, args, kwnames, &iterable, &nv); err != nil {
			return Value{}, err
		}
		n, err := in.AsSsize(nv)
		if err != nil {
			return Value{}, err
		}
		if n < 1 {
			return Value{}, in.Raise(interp.ValueError, "n must be at least one")
		}
		it, err := in.Iter(iterable)
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[batchedObject](in, t)
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		o.it, o.n = it, n
		return interp.ValueOf(o), nil
	},
	Dealloc:  func(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[batchedObject](v).it) },
	Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[batchedObject](v).it) },
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[batchedObject](v)
		if o.it.IsNil() {
			return Value{}, false, nil
		}
		items := make([]Value, 0, min(o.n, 64))
		for len(items) < o.n {
			item, ok, err := in.Next(o.it)
			if err != nil {
				releaseAll(in, items)
				in.ClearRef(&o.it)
				return Value{}, false, err
			}
			if !ok {
				break
			}
			items = append(items, item)
		}
		if len(items) == 0 {
			in.ClearRef(&o.it)
			return Value{}, false, nil
		}
		r, err := newTupleOwned(in, items)
		return r, err == nil, err
	},
})

// ---- chain ----

// chainObject yields the items of each iterable source yields in turn.
type chainObject struct {
	alloc.Header
	alloc.GCLink
	source Value // iterator over the iterables; nil when consumed
	active Value // iterator over the current one; nil between them
}

var chainType = iterType[chainObject]("chain", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if err := noKeywordsFor(in, t, "chain", kwnames); err != nil {
			return Value{}, err
		}
		tup, err := in.NewTuple(positional(args, kwnames)...)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(tup)
		return newChain(in, t, tup)
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[chainObject](v)
		in.XDecRef(o.source)
		in.XDecRef(o.active)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[chainObject](v)
		visit(o.source)
		visit(o.active)
	},
	Next: chainNext,
})

// newChain makes a chain of t over the iterables of iterable.
func newChain(in *interp.Interp, t *interp.Type, iterable Value) (Value, error) {
	source, err := in.Iter(iterable)
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[chainObject](in, t)
	if err != nil {
		in.DecRef(source)
		return Value{}, err
	}
	o.source = source
	return interp.ValueOf(o), nil
}

func chainNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[chainObject](v)
	for !o.source.IsNil() {
		if o.active.IsNil() {
			iterable, ok, err := in.Next(o.source)
			if err != nil || !ok {
				in.ClearRef(&o.source)
				return Value{}, false, err
			}
			active, err := in.Iter(iterable)
			in.DecRef(iterable)
			if err != nil {
				in.ClearRef(&o.source)
				return Value{}, false, err
			}
			o.active = active
		}
		item, ok, err := in.Next(o.active)
		if err != nil {
			return Value{}, false, err
		}
		if ok {
			return item, true, nil
		}
		in.ClearRef(&o.active)
	}
	return Value{}, false, nil
}

func init() {
	chainType.AddClassMethod("from_iterable", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "chain.from_iterable() takes no keyword arguments")
		}
		if len(args) != 2 {
			return Value{}, in.Raise(interp.TypeError, "chain.from_iterable() takes exactly one argument (%d given)", len(args)-1)
		}
		return newChain(in, interp.AsType(args[0]), args[1])
	})
	genericAliasable(chainType)
}

// ---- compress ----

// compressObject yields the items of data whose selector is true.
type compressObject struct {
	alloc.Header
	alloc.GCLink
	data, selectors Value
}

var compressParams = interp.Params{Func: "compress", Names: []string{"data", "selectors"}, Required: 2}

var compressType = iterType[compressObject]("compress", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var data, selectors Value
		if err := in.Unpack(&compressParams, args, kwnames, &data, &selectors); err != nil {
			return Value{}, err
		}
		its, err := iterAll(in, data, selectors)
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[compressObject](in, t)
		if err != nil {
			releaseAll(in, its)
			return Value{}, err
		}
		o.data, o.selectors = its[0], its[1]
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[compressObject](v)
		in.XDecRef(o.data)
		in.XDecRef(o.selectors)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[compressObject](v)
		visit(o.data)
		visit(o.selectors)
	},
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[compressObject](v)
		for {
			datum, ok, err := in.Next(o.data)
			if err != nil || !ok {
				return Value{}, false, err
			}
			sel, ok, err := in.Next(o.selectors)
			if err != nil || !ok {
				in.DecRef(datum)
				return Value{}, false, err
			}
			t, err := in.Truth(sel)
			in.DecRef(sel)
			if err == nil && t {
				return datum, true, nil
			}
			in.DecRef(datum)
			if err != nil {
				return Value{}, false, err
			}
		}
	},
})

// iterAll returns an iterator over each of vs; on error none is kept.
func iterAll(in *interp.Interp, vs ...Value) ([]Value, error) {
	its := make([]Value, len(vs))
	for i, v := range vs {
		it, err := in.Iter(v)
		if err != nil {
			releaseAll(in, its[:i])
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

// ---- dropwhile, takewhile, filterfalse, starmap ----

// predObject is the struct of the iterators that apply a function to
// the items of one iterator; done is dropwhile's "started" and
// takewhile's "stopped".
type predObject struct {
	alloc.Header
	alloc.GCLink
	fn, it Value
	done   bool
}

// predType defines one of the function-and-iterable iterators.
func predType(name string, next func(in *interp.Interp, o *predObject) (Value, bool, error)) *interp.Type {
	return iterType[predObject](name, interp.TypeSpec{
		New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
			if err := noKeywordsFor(in, t, name, kwnames); err != nil {
				return Value{}, err
			}
			pos := positional(args, kwnames)
			if err := in.CheckArgCount(name, pos, nil, 2, 2); err != nil {
				return Value{}, err
			}
			it, err := in.Iter(pos[1])
			if err != nil {
				return Value{}, err
			}
			o, err := interp.NewObject[predObject](in, t)
			if err != nil {
				in.DecRef(it)
				return Value{}, err
			}
			interp.IncRef(pos[0])
			o.fn, o.it = pos[0], it
			return interp.ValueOf(o), nil
		},
		Dealloc: func(in *interp.Interp, v Value) {
			o := interp.ObjectOf[predObject](v)
			in.XDecRef(o.fn)
			in.XDecRef(o.it)
		},
		Traverse: func(v Value, visit func(Value)) {
			o := interp.ObjectOf[predObject](v)
			visit(o.fn)
			visit(o.it)
		},
		Next: func(in *interp.Interp, v Value) (Value, bool, error) {
			o := interp.ObjectOf[predObject](v)
			if o.it.IsNil() {
				return Value{}, false, nil
			}
			return next(in, o)
		},
	})
}

var dropwhileType, takewhileType, filterfalseType, starmapType *interp.Type

func init() {
	dropwhileType = predType("dropwhile", func(in *interp.Interp, o *predObject) (Value, bool, error) {
		for {
			item, ok, err := in.Next(o.it)
			if err != nil || !ok {
				return Value{}, false, err
			}
			if o.done {
				return item, true, nil
			}
			r, err := callOne(in, o.fn, item)
			if err != nil {
				in.DecRef(item)
				return Value{}, false, err
			}
			t, err := in.Truth(r)
			in.DecRef(r)
			if err == nil && !t {
				o.done = true
				return item, true, nil
			}
			in.DecRef(item)
			if err != nil {
				return Value{}, false, err
			}
		}
	})
	takewhileType = predType("takewhile", func(in *interp.Interp, o *predObject) (Value, bool, error) {
		if o.done {
			return Value{}, false, nil
		}
		item, ok, err := in.Next(o.it)
		if err != nil || !ok {
			return Value{}, false, err
		}
		r, err := callOne(in, o.fn, item)
		if err != nil {
			in.DecRef(item)
			return Value{}, false, err
		}
		t, err := in.Truth(r)
		in.DecRef(r)
		if err == nil && t {
			return item, true, nil
		}
		in.DecRef(item)
		if err == nil {
			o.done = true
		}
		return Value{}, false, err
	})
	filterfalseType = predType("filterfalse", func(in *interp.Interp, o *predObject) (Value, bool, error) {
		for {
			item, ok, err := in.Next(o.it)
			if err != nil || !ok {
				return Value{}, false, err
			}
			t, err := truthOf(in, o.fn, item)
			if err == nil && !t {
				return item, true, nil
			}
			in.DecRef(item)
			if err != nil {
				return Value{}, false, err
			}
		}
	})
	starmapType = predType("starmap", func(in *interp.Interp, o *predObject) (Value, bool, error) {
		args, ok, err := in.Next(o.it)
		if err != nil || !ok {
			return Value{}, false, err
		}
		defer in.DecRef(args)
		var r Value
		if items, isTuple := interp.TupleItems(args); isTuple && args.Type() == interp.TupleType {
			r, err = in.Call(o.fn, items, nil)
		} else {
			var t Value
			if t, err = tupleOf(in, args); err != nil {
				return Value{}, false, err
			}
			items, _ := interp.TupleItems(t)
			r, err = in.Call(o.fn, items, nil)
			in.DecRef(t)
		}
		return r, err == nil, err
	})
}

// tupleOf is tuple(v).
func tupleOf(in *interp.Interp, v Value) (Value, error) {
	return in.Call(interp.TypeValue(interp.TupleType), []Value{v}, nil)
}

// ---- islice ----

// isliceObject yields the items of it at indexes next, next+step, ...
// below stop (-1: no stop); cnt counts the items drawn.
type isliceObject struct {
	alloc.Header
	alloc.GCLink
	it                    Value // nil once exhausted
	next, stop, step, cnt int
}

const (
	isliceStopMsg  = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	isliceIndexMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	isliceStepMsg  = "Step for islice() must be a positive integer or None."
)

// islicePart converts an islice() argument as CPython does: its index,
// or -1 (the error dropped) when it has none or it overflows.
func islicePart(in *interp.Interp, v Value) int {
	i, err := in.Index(v)
	if err != nil {
		in.DiscardError(err)
		return -1
	}
	defer in.DecRef(i)
	if n, ok := interp.IntValue(i); ok {
		return int(n)
	}
	return -1
}

var isliceType = iterType[isliceObject]("islice", interp.TypeSpec{
	New:     isliceNew,
	Dealloc: func(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[isliceObject](v).it) },
	Traverse: func(v Value, visit func(Value)) {
		visit(interp.ObjectOf[isliceObject](v).it)
	},
	Next: isliceNext,
})

func isliceNew(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	if err := noKeywordsFor(in, t, "islice", kwnames); err != nil {
		return Value{}, err
	}
	pos := positional(args, kwnames)
	if err := in.CheckArgCount("islice", pos, nil, 2, 4); err != nil {
		return Value{}, err
	}
	start, stop, step := 0, -1, 1
	stopArg := func(a Value) error {
		if a.IsNone() {
			return nil
		}
		n := islicePart(in, a)
		if n == -1 {
			return in.Raise(interp.ValueError, isliceStopMsg)
		}
		stop = n
		return nil
	}
	if len(pos) == 2 {
		if err := stopArg(pos[1]); err != nil {
			return Value{}, err
		}
	} else {
		if !pos[1].IsNone() {
			start = islicePart(in, pos[1])
		}
		if err := stopArg(pos[2]); err != nil {
			return Value{}, err
		}
	}
	if start < 0 || stop < -1 {
		return Value{}, in.Raise(interp.ValueError, isliceIndexMsg)
	}
	if len(pos) == 4 && !pos[3].IsNone() {
		step = islicePart(in, pos[3])
	}
	if step < 1 {
		return Value{}, in.Raise(interp.ValueError, isliceStepMsg)
	}
	it, err := in.Iter(pos[0])
	if err != nil {
		return Value{}, err
	}
	o, err := interp.NewObject[isliceObject](in, t)
	if err != nil {
		in.DecRef(it)
		return Value{}, err
	}
	o.it, o.next, o.stop, o.step = it, start, stop, step
	return interp.ValueOf(o), nil
}

func isliceNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[isliceObject](v)
	if o.it.IsNil() {
		return Value{}, false, nil
	}
	for o.cnt < o.next {
		item, ok, err := in.Next(o.it)
		if err != nil || !ok {
			in.ClearRef(&o.it)
			return Value{}, false, err
		}
		in.DecRef(item)
		o.cnt++
	}
	if o.stop != -1 && o.cnt >= o.stop {
		in.ClearRef(&o.it)
		return Value{}, false, nil
	}
	item, ok, err := in.Next(o.it)
	if err != nil || !ok {
		in.ClearRef(&o.it)
		return Value{}, false, err
	}
	o.cnt++
	old := o.next
	o.next += o.step
	if o.next < old || o.stop != -1 && o.next > o.stop {
		o.next = o.stop
	}
	return item, true, nil
}

// ---- pairwise ----

// pairwiseObject yields overlapping pairs; old is the last item seen.
type pairwiseObject struct {
	alloc.Header
	alloc.GCLink
	it, old Value
}

var pairwiseType = iterType[pairwiseObject]("pairwise", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		if err := noKeywordsFor(in, t, "pairwise", kwnames); err != nil {
			return Value{}, err
		}
		pos := positional(args, kwnames)
		if err := in.CheckArgCount("pairwise", pos, nil, 1, 1); err != nil {
			return Value{}, err
		}
		it, err := in.Iter(pos[0])
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[pairwiseObject](in, t)
		if err != nil {
			in.DecRef(it)
			return Value{}, err
		}
		o.it = it
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[pairwiseObject](v)
		in.XDecRef(o.it)
		in.XDecRef(o.old)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[pairwiseObject](v)
		visit(o.it)
		visit(o.old)
	},
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[pairwiseObject](v)
		if o.it.IsNil() {
			return Value{}, false, nil
		}
		if o.old.IsNil() {
			old, ok, err := in.Next(o.it)
			if err != nil || !ok {
				in.ClearRef(&o.it)
				return Value{}, false, err
			}
			o.old = old
			if o.it.IsNil() { // a reentrant call exhausted it
				in.ClearRef(&o.old)
				return Value{}, false, nil
			}
		}
		old := o.old
		interp.IncRef(old)
		defer in.DecRef(old)
		item, ok, err := in.Next(o.it)
		if err != nil || !ok {
			in.ClearRef(&o.it)
			in.ClearRef(&o.old)
			return Value{}, false, err
		}
		r, err := in.NewTuple(old, item)
		prev := o.old
		o.old = item
		in.XDecRef(prev)
		return r, err == nil, err
	},
})

// ---- zip_longest ----

// zipLongestObject draws one item from each iterator per tuple, filling
// in for the exhausted ones (nil entries) until all are.
type zipLongestObject struct {
	alloc.Header
	alloc.GCLink
	iters     []Value
	fill      Value
	numActive int
}

var zipLongestType = iterType[zipLongestObject]("zip_longest", interp.TypeSpec{
	New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		fill := interp.None
		if len(kwnames) > 0 {
			if len(kwnames) != 1 || kwnames[0].GoString() != "fillvalue" {
				return Value{}, in.Raise(interp.TypeError, "zip_longest() got an unexpected keyword argument")
			}
			fill = args[len(args)-1]
		}
		its, err := iterAll(in, positional(args, kwnames)...)
		if err != nil {
			return Value{}, err
		}
		o, err := interp.NewObject[zipLongestObject](in, t)
		if err != nil {
			releaseAll(in, its)
			return Value{}, err
		}
		interp.IncRef(fill)
		o.fill = fill
		if err := in.AccountBytes(interp.ValueOf(o), len(its)*valueSize); err != nil {
			releaseAll(in, its)
			in.DecRef(interp.ValueOf(o))
			return Value{}, err
		}
		o.iters, o.numActive = its, len(its)
		return interp.ValueOf(o), nil
	},
	Dealloc: func(in *interp.Interp, v Value) {
		o := interp.ObjectOf[zipLongestObject](v)
		releaseAll(in, o.iters)
		in.XDecRef(o.fill)
		_ = in.AccountBytes(v, -len(o.iters)*valueSize)
	},
	Traverse: func(v Value, visit func(Value)) {
		o := interp.ObjectOf[zipLongestObject](v)
		visitAll(o.iters, visit)
		visit(o.fill)
	},
	Next: func(in *interp.Interp, v Value) (Value, bool, error) {
		o := interp.ObjectOf[zipLongestObject](v)
		if len(o.iters) == 0 || o.numActive == 0 {
			return Value{}, false, nil
		}
		items := make([]Value, 0, len(o.iters))
		for i := range o.iters {
			it := o.iters[i]
			if it.IsNil() {
				interp.IncRef(o.fill)
				items = append(items, o.fill)
				continue
			}
			item, ok, err := in.Next(it)
			if err == nil && ok {
				items = append(items, item)
				continue
			}
			o.numActive--
			if o.numActive == 0 || err != nil {
				o.numActive = 0
				releaseAll(in, items)
				return Value{}, false, err
			}
			interp.IncRef(o.fill)
			items = append(items, o.fill)
			in.ClearRef(&o.iters[i])
		}
		r, err := newTupleOwned(in, items)
		return r, err == nil, err
	},
})
