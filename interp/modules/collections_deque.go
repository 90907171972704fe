package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// deque's methods and its two iterator types.

type dequeMethFunc = func(in *interp.Interp, args []Value, kwnames []Value) (Value, error)

// noArgs wraps a deque method that takes no arguments.
func dequeNoArgs(name string, fn func(in *interp.Interp, self Value) (Value, error)) dequeMethFunc {
	qual := "deque." + name
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, args[0])
	}
}

// oneArg wraps a deque method that takes exactly one argument.
func dequeOneArg(name string, fn func(in *interp.Interp, self, x Value) (Value, error)) dequeMethFunc {
	qual := "deque." + name
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		return fn(in, args[0], args[1])
	}
}

// classicArgs checks a PyArg_ParseTuple-style call: no keywords and
// between lo and hi positional arguments besides self.
func dequeClassicArgs(in *interp.Interp, name string, args, kwnames []Value, lo, hi int) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "deque.%s() takes no keyword arguments", name)
	}
	n := len(args) - 1
	plural := func(k int) string {
		if k == 1 {
			return ""
		}
		return "s"
	}
	switch {
	case n < lo && lo == hi:
		return in.Raise(interp.TypeError, "%s() takes exactly %d argument%s (%d given)", name, lo, plural(lo), n)
	case n > hi && lo == hi:
		return in.Raise(interp.TypeError, "%s() takes exactly %d argument%s (%d given)", name, hi, plural(hi), n)
	case n < lo:
		return in.Raise(interp.TypeError, "%s() takes at least %d argument%s (%d given)", name, lo, plural(lo), n)
	case n > hi:
		return in.Raise(interp.TypeError, "%s() takes at most %d argument%s (%d given)", name, hi, plural(hi), n)
	}
	return nil
}

func dequePop(left bool) func(in *interp.Interp, self Value) (Value, error) {
	return func(in *interp.Interp, self Value) (Value, error) {
		d := dequeOf(self)
		if d.n == 0 {
			return Value{}, in.Raise(interp.IndexError, "pop from an empty deque")
		}
		return d.take(left), nil
	}
}

func dequePush(left bool) func(in *interp.Interp, self, x Value) (Value, error) {
	return func(in *interp.Interp, self, x Value) (Value, error) {
		if err := dequeOf(self).push(in, self, x, left); err != nil {
			return Value{}, err
		}
		return interp.None, nil
	}
}

func dequeExtendMethod(left bool) func(in *interp.Interp, self, x Value) (Value, error) {
	return func(in *interp.Interp, self, x Value) (Value, error) {
		if err := dequeExtend(in, self, x, left); err != nil {
			return Value{}, err
		}
		return interp.None, nil
	}
}

func init() {
	t := dequeType
	t.Flags |= interp.TypeSequence | interp.TypeWeakrefs
	collectionsTable.typ("deque", t)
	collectionsTable.typ("_deque_iterator", dequeIterType)
	collectionsTable.typ("_deque_reverse_iterator", dequeRevIterType)
	collectionsTable.typ("defaultdict", interp.DefaultDictType)
	genericAliasable(t)

	t.AddMethod("append", dequeOneArg("append", dequePush(false)))
	t.AddMethod("appendleft", dequeOneArg("appendleft", dequePush(true)))
	t.AddMethod("pop", dequeNoArgs("pop", dequePop(false)))
	t.AddMethod("popleft", dequeNoArgs("popleft", dequePop(true)))
	t.AddMethod("extend", dequeOneArg("extend", dequeExtendMethod(false)))
	t.AddMethod("extendleft", dequeOneArg("extendleft", dequeExtendMethod(true)))
	t.AddMethod("clear", dequeNoArgs("clear", func(in *interp.Interp, self Value) (Value, error) {
		dequeOf(self).clear(in, self)
		return interp.None, nil
	}))
	t.AddMethod("copy", dequeNoArgs("copy", dequeCopy))
	t.AddMethod("__copy__", dequeNoArgs("__copy__", dequeCopy))
	t.AddMethod("reverse", dequeNoArgs("reverse", func(in *interp.Interp, self Value) (Value, error) {
		d := dequeOf(self)
		for i, j := 0, d.n-1; i < j; i, j = i+1, j-1 {
			a, b := d.idx(i), d.idx(j)
			d.buf[a], d.buf[b] = d.buf[b], d.buf[a]
		}
		return interp.None, nil
	}))
	t.AddMethod("rotate", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("deque.rotate", kwnames); err != nil {
			return Value{}, err
		}
		if err := in.CheckArgCount("deque.rotate", args[1:], nil, 0, 1); err != nil {
			return Value{}, err
		}
		k := 1
		if len(args) > 1 {
			var err error
			if k, err = in.AsSsize(args[1]); err != nil {
				return Value{}, err
			}
		}
		dequeRotate(args[0], k)
		return interp.None, nil
	})
	t.AddMethod("count", dequeOneArg("count", func(in *interp.Interp, self, x Value) (Value, error) {
		d := dequeOf(self)
		state, count := d.state, 0
		for i := 0; i < d.n; i++ {
			item := d.at(i)
			interp.IncRef(item)
			eq, err := in.Equal(item, x)
			in.DecRef(item)
			if err != nil {
				return Value{}, err
			}
			if d.state != state {
				return Value{}, dequeMutated(in)
			}
			if eq {
				count++
			}
		}
		return interp.Int(int64(count)), nil
	}))
	t.AddMethod("index", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "deque.index() takes no keyword arguments")
		}
		if err := dequeClassicArgs(in, "index", args, nil, 1, 3); err != nil {
			return Value{}, err
		}
		d := dequeOf(args[0])
		start, stop := 0, d.n
		var err error
		if len(args) > 2 {
			if start, err = dequeSliceIndex(in, args[2]); err != nil {
				return Value{}, err
			}
		}
		if len(args) > 3 {
			if stop, err = dequeSliceIndex(in, args[3]); err != nil {
				return Value{}, err
			}
		}
		if start < 0 {
			start = max(start+d.n, 0)
		}
		if stop < 0 {
			stop = max(stop+d.n, 0)
		}
		stop = min(stop, d.n)
		i, err := dequeFind(in, args[0], args[1], start, stop, interp.RuntimeError)
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			return Value{}, notInDeque(in, args[1])
		}
		return interp.Int(int64(i)), nil
	})
	t.AddMethod("remove", dequeOneArg("remove", func(in *interp.Interp, self, x Value) (Value, error) {
		i, err := dequeFind(in, self, x, 0, dequeOf(self).n, interp.IndexError)
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			return Value{}, notInDeque(in, x)
		}
		dequeDelAt(in, self, i)
		return interp.None, nil
	}))
	t.AddMethod("insert", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "deque.insert() takes no keyword arguments")
		}
		if err := dequeClassicArgs(in, "insert", args, nil, 2, 2); err != nil {
			return Value{}, err
		}
		self := args[0]
		i, err := in.AsSsize(args[1])
		if err != nil {
			return Value{}, err
		}
		d := dequeOf(self)
		if d.maxlen >= 0 && d.n >= d.maxlen {
			return Value{}, in.Raise(interp.IndexError, "deque already at its maximum size")
		}
		if i < 0 {
			i = max(i+d.n, 0)
		}
		i = min(i, d.n)
		if err := d.reserve(in, self, 1); err != nil {
			return Value{}, err
		}
		for k := d.n; k > i; k-- {
			d.buf[d.idx(k)] = d.at(k - 1)
		}
		interp.IncRef(args[2])
		d.buf[d.idx(i)] = args[2]
		d.n++
		d.state++
		return interp.None, nil
	})
	t.AddMethod("__reversed__", dequeNoArgs("__reversed__", func(in *interp.Interp, self Value) (Value, error) {
		return newDequeIter(in, dequeRevIterType, self)
	}))
	t.AddMethod("__reduce__", dequeNoArgs("__reduce__", func(in *interp.Interp, self Value) (Value, error) {
		state, err := in.LookupAttr(self, interp.ImmortalStr("__dict__"))
		if err != nil {
			return Value{}, err
		}
		if state.IsNil() {
			state = interp.None
		}
		d := dequeOf(self)
		var cargs Value
		if d.maxlen < 0 {
			cargs, err = in.NewTuple()
		} else {
			var empty Value
			if empty, err = in.NewTuple(); err == nil {
				cargs, err = newTupleOwned(in, []Value{empty, interp.Int(int64(d.maxlen))})
			}
		}
		if err != nil {
			in.DecRef(state)
			return Value{}, err
		}
		it, err := newDequeIter(in, dequeIterType, self)
		if err != nil {
			in.DecRef(state)
			in.DecRef(cargs)
			return Value{}, err
		}
		interp.IncRef(interp.TypeValue(self.Type()))
		return newTupleOwned(in, []Value{interp.TypeValue(self.Type()), cargs, state, it})
	}))
	// Called as methods, CPython's slot wrappers convert the index
	// with __index__ (the statements d[i] say "sequence index must be
	// integer").
	t.AddMethod("__getitem__", dequeOneArg("__getitem__", func(in *interp.Interp, self, key Value) (Value, error) {
		i, err := dequeWrapperIndex(in, self, key)
		if err != nil {
			return Value{}, err
		}
		return dequeGetItem(in, self, interp.Int(int64(i)))
	}))
	t.AddMethod("__delitem__", dequeOneArg("__delitem__", func(in *interp.Interp, self, key Value) (Value, error) {
		i, err := dequeWrapperIndex(in, self, key)
		if err != nil {
			return Value{}, err
		}
		return interp.None, dequeSetItem(in, self, interp.Int(int64(i)), Value{})
	}))
	t.AddMethod("__setitem__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.NoKeywords("__setitem__", kwnames); err != nil {
			return Value{}, err
		}
		if len(args) != 3 {
			return Value{}, in.Raise(interp.TypeError, "expected 2 arguments, got %d", len(args)-1)
		}
		i, err := dequeWrapperIndex(in, args[0], args[1])
		if err != nil {
			return Value{}, err
		}
		return interp.None, dequeSetItem(in, args[0], interp.Int(int64(i)), args[2])
	})
	t.AddGetSet("maxlen", func(in *interp.Interp, obj Value) (Value, error) {
		if m := dequeOf(obj).maxlen; m >= 0 {
			return interp.Int(int64(m)), nil
		}
		return interp.None, nil
	}, nil)
}

func notInDeque(in *interp.Interp, x Value) error {
	s, err := reprString(in, x)
	if err != nil {
		return err
	}
	return in.Raise(interp.ValueError, "%s is not in deque", s)
}

// ---- iterators ----

// dequeIterObject walks a deque forwards (or backwards: index counts
// down), failing once the deque changes.
type dequeIterObject struct {
	alloc.Header
	alloc.GCLink
	deque   Value
	index   int
	counter int // items left
	state   uint64
	reverse bool
}

func newDequeIter(in *interp.Interp, t *interp.Type, dq Value) (Value, error) {
	o, err := interp.NewObject[dequeIterObject](in, t)
	if err != nil {
		return Value{}, err
	}
	d := dequeOf(dq)
	interp.IncRef(dq)
	o.deque, o.counter, o.state = dq, d.n, d.state
	o.reverse = t == dequeRevIterType
	if o.reverse {
		o.index = d.n - 1
	}
	return interp.ValueOf(o), nil
}

func dequeIterNext(in *interp.Interp, v Value) (Value, bool, error) {
	o := interp.ObjectOf[dequeIterObject](v)
	d := dequeOf(o.deque)
	if d.state != o.state {
		o.counter = 0
		return Value{}, false, dequeMutated(in)
	}
	if o.counter == 0 {
		return Value{}, false, nil
	}
	x := d.at(o.index)
	if o.reverse {
		o.index--
	} else {
		o.index++
	}
	o.counter--
	interp.IncRef(x)
	return x, true, nil
}

func dequeIterSpec(name string) interp.TypeSpec {
	return interp.TypeSpec{
		Name:         name,
		Module:       "collections",
		Subclassable: true,
		New: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
			pos := positional(args, kwnames)
			if err := in.CheckArgCount(name, pos, nil, 1, 2); err != nil {
				return Value{}, err
			}
			if !isDeque(pos[0]) {
				return Value{}, in.Raise(interp.TypeError, "argument 1 must be collections.deque, not %s", pos[0].Type().Name)
			}
			skip := 0
			if len(pos) > 1 {
				var err error
				if skip, err = in.AsSsize(pos[1]); err != nil {
					return Value{}, err
				}
			}
			it, err := newDequeIter(in, t, pos[0])
			if err != nil {
				return Value{}, err
			}
			for ; skip > 0; skip-- {
				x, ok, err := dequeIterNext(in, it)
				if err != nil {
					in.DecRef(it)
					return Value{}, err
				}
				if !ok {
					break
				}
				in.DecRef(x)
			}
			return it, nil
		},
		Dealloc:  func(in *interp.Interp, v Value) { in.XDecRef(interp.ObjectOf[dequeIterObject](v).deque) },
		Traverse: func(v Value, visit func(Value)) { visit(interp.ObjectOf[dequeIterObject](v).deque) },
		Iter:     interp.SelfIter,
		Next:     dequeIterNext,
	}
}

func init() {
	for _, t := range []*interp.Type{dequeIterType, dequeRevIterType} {
		qual := typeNameOf(t)
		t.AddMethod("__length_hint__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.MethNoArgs(qual+".__length_hint__", args, kwnames); err != nil {
				return Value{}, err
			}
			return interp.Int(int64(interp.ObjectOf[dequeIterObject](args[0]).counter)), nil
		})
		t.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.MethNoArgs(qual+".__reduce__", args, kwnames); err != nil {
				return Value{}, err
			}
			o := interp.ObjectOf[dequeIterObject](args[0])
			interp.IncRef(o.deque)
			a, err := newTupleOwned(in, []Value{o.deque, interp.Int(int64(dequeOf(o.deque).n - o.counter))})
			if err != nil {
				return Value{}, err
			}
			tv := interp.TypeValue(args[0].Type())
			interp.IncRef(tv)
			return newTupleOwned(in, []Value{tv, a})
		})
	}
}

// dequeWrapperIndex is the index argument of the __getitem__,
// __setitem__ and __delitem__ methods: through __index__, negative
// from the end.
func dequeWrapperIndex(in *interp.Interp, self, key Value) (int, error) {
	i, err := in.AsIndexSized(key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += dequeOf(self).n
	}
	if i < 0 {
		return 0, in.Raise(interp.IndexError, "deque index out of range")
	}
	return i, nil
}
