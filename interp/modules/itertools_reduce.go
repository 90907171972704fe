package modules

import (
	"math"

	"github.com/parallel-py/parallel/interp"
)

// Copy and pickle support of the itertools objects: __reduce__ and
// __setstate__ as CPython 3.12 has them, each issuing the
// DeprecationWarning of 3.12 first (pairwise and batched have none).
// itertools_reduce_comb.go has the combinatoric iterators', and
// itertools_reduce_group.go groupby's and tee's.

const pickleDeprecation = "Pickle, copy, and deepcopy support will be removed from itertools in Python 3.14."

// addReduce gives t a __reduce__ that warns, then reduces.
func addReduce(t *interp.Type, reduce func(in *interp.Interp, self Value) (Value, error)) {
	qual := typeNameOf(t) + ".__reduce__"
	t.AddMethod("__reduce__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		if err := in.Warn(interp.ExcType("DeprecationWarning"), pickleDeprecation, 1); err != nil {
			return Value{}, err
		}
		return reduce(in, args[0])
	})
}

// addSetState gives t a __setstate__ that warns, then sets.
func addSetState(t *interp.Type, set func(in *interp.Interp, self, state Value) error) {
	qual := typeNameOf(t) + ".__setstate__"
	t.AddMethod("__setstate__", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(qual, args, kwnames); err != nil {
			return Value{}, err
		}
		if err := in.Warn(interp.ExcType("DeprecationWarning"), pickleDeprecation, 1); err != nil {
			return Value{}, err
		}
		if err := set(in, args[0], args[1]); err != nil {
			return Value{}, err
		}
		return interp.None, nil
	})
}

// reduceValue is (fn, args) or, when state is not nil, (fn, args,
// state); all are borrowed.
func reduceValue(in *interp.Interp, fn Value, args []Value, state Value) (Value, error) {
	a, err := in.NewTuple(args...)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(a)
	if state.IsNil() {
		return in.NewTuple(fn, a)
	}
	return in.NewTuple(fn, a, state)
}

// reduceType is reduceValue with self's type as the callable.
func reduceType(in *interp.Interp, self Value, args []Value, state Value) (Value, error) {
	return reduceValue(in, interp.TypeValue(self.Type()), args, state)
}

// orNone is v, or None when v is nil.
func orNone(v Value) Value {
	if v.IsNil() {
		return interp.None
	}
	return v
}

// stateTuple checks that a __setstate__ state is a tuple of min to max
// items, with the messages of PyArg_ParseTuple, and returns them.
func stateTuple(in *interp.Interp, state Value, min, max int) ([]Value, error) {
	items, ok := interp.TupleItems(state)
	if !ok {
		return nil, in.Raise(interp.TypeError, "state is not a tuple")
	}
	switch n := len(items); {
	case min == max && n != min:
		return nil, in.Raise(interp.TypeError, "function takes exactly %d arguments (%d given)", min, n)
	case n < min:
		return nil, in.Raise(interp.TypeError, "function takes at least %d argument%s (%d given)", min, plural(min), n)
	case n > max:
		return nil, in.Raise(interp.TypeError, "function takes at most %d argument%s (%d given)", max, plural(max), n)
	}
	return items, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// longAsSsize converts as PyLong_AsSsize_t: ints only, no __index__.
func longAsSsize(in *interp.Interp, v Value) (int, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "an integer is required")
	}
	b := interp.BigIntOf(v)
	if !b.IsInt64() {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(b.Int64()), nil
}

// cIntState converts as PyArg_ParseTuple's "i": through __index__, to a
// C int.
func cIntState(in *interp.Interp, v Value) (int, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	b := interp.BigIntOf(i)
	in.DecRef(i)
	switch {
	case !b.IsInt64():
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	case b.Int64() > math.MaxInt32:
		return 0, in.Raise(interp.OverflowError, "signed integer is greater than maximum")
	case b.Int64() < math.MinInt32:
		return 0, in.Raise(interp.OverflowError, "signed integer is less than minimum")
	}
	return int(b.Int64()), nil
}

// setField replaces *p with a new reference to v.
func setField(in *interp.Interp, p *Value, v Value) {
	interp.IncRef(v)
	old := *p
	*p = v
	in.XDecRef(old)
}

// emptyIter is an iterator over nothing: iter([]).
func emptyIter(in *interp.Interp) (Value, error) {
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(l)
	return in.Iter(l)
}

func init() {
	addReduce(countType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[countObject](self)
		if o.fast {
			return reduceType(in, self, []Value{interp.Int(o.n)}, Value{})
		}
		return reduceType(in, self, []Value{o.cnt, o.step}, Value{})
	})

	addReduce(cycleType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[cycleObject](self)
		if !o.it.IsNil() {
			return reduceTypeState(in, self, []Value{o.it}, o.saved, interp.Bool(o.firstpass))
		}
		// Exhausted: the saved items from where the cycle is.
		it, err := in.Iter(o.saved)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(it)
		if o.index != 0 {
			r, err := in.CallMethod(it, "__setstate__", []Value{interp.Int(int64(o.index))}, nil)
			if err != nil {
				return Value{}, err
			}
			in.DecRef(r)
		}
		return reduceTypeState(in, self, []Value{it}, o.saved, interp.True)
	})
	addSetState(cycleType, func(in *interp.Interp, self, state Value) error {
		items, err := stateTuple(in, state, 2, 2)
		if err != nil {
			return err
		}
		if _, ok := interp.ListItems(items[0]); !ok {
			return in.Raise(interp.TypeError, "argument 1 must be list, not %s", items[0].Type().Name)
		}
		firstpass, err := cIntState(in, items[1])
		if err != nil {
			return err
		}
		o := interp.ObjectOf[cycleObject](self)
		setField(in, &o.saved, items[0])
		o.firstpass, o.index = firstpass != 0, 0
		return nil
	})

	addReduce(repeatType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[repeatObject](self)
		if o.cnt >= 0 {
			return reduceType(in, self, []Value{o.element, interp.Int(int64(o.cnt))}, Value{})
		}
		return reduceType(in, self, []Value{o.element}, Value{})
	})

	addReduce(accumulateType, accumulateReduce)
	addSetState(accumulateType, func(in *interp.Interp, self, state Value) error {
		setField(in, &interp.ObjectOf[accumulateObject](self).total, state)
		return nil
	})

	addReduce(chainType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[chainObject](self)
		switch {
		case o.source.IsNil():
			return reduceType(in, self, nil, Value{})
		case o.active.IsNil():
			return reduceTypeState(in, self, nil, o.source)
		}
		return reduceTypeState(in, self, nil, o.source, o.active)
	})
	addSetState(chainType, func(in *interp.Interp, self, state Value) error {
		items, err := stateTuple(in, state, 1, 2)
		if err != nil {
			return err
		}
		for _, x := range items {
			if !interp.IsIterator(x) {
				return in.Raise(interp.TypeError, "Arguments must be iterators.")
			}
		}
		o := interp.ObjectOf[chainObject](self)
		setField(in, &o.source, items[0])
		if len(items) == 2 {
			setField(in, &o.active, items[1])
		} else {
			in.ClearRef(&o.active)
		}
		return nil
	})

	addReduce(compressType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[compressObject](self)
		return reduceType(in, self, []Value{o.data, o.selectors}, Value{})
	})

	for _, t := range []*interp.Type{dropwhileType, takewhileType} {
		addReduce(t, func(in *interp.Interp, self Value) (Value, error) {
			o := interp.ObjectOf[predObject](self)
			done := int64(0)
			if o.done {
				done = 1
			}
			return reduceType(in, self, []Value{o.fn, o.it}, interp.Int(done))
		})
		addSetState(t, func(in *interp.Interp, self, state Value) error {
			done, err := in.Truth(state)
			if err != nil {
				return err
			}
			interp.ObjectOf[predObject](self).done = done
			return nil
		})
	}
	for _, t := range []*interp.Type{filterfalseType, starmapType} {
		addReduce(t, func(in *interp.Interp, self Value) (Value, error) {
			o := interp.ObjectOf[predObject](self)
			return reduceType(in, self, []Value{o.fn, o.it}, Value{})
		})
	}

	addReduce(isliceType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[isliceObject](self)
		if o.it.IsNil() {
			it, err := emptyIter(in)
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(it)
			return reduceType(in, self, []Value{it, interp.Int(0)}, interp.Int(0))
		}
		stop := interp.None
		if o.stop != -1 {
			stop = interp.Int(int64(o.stop))
		}
		return reduceType(in, self, []Value{o.it, interp.Int(int64(o.next)), stop, interp.Int(int64(o.step))}, interp.Int(int64(o.cnt)))
	})
	addSetState(isliceType, func(in *interp.Interp, self, state Value) error {
		cnt, err := longAsSsize(in, state)
		if err != nil {
			return err
		}
		interp.ObjectOf[isliceObject](self).cnt = cnt
		return nil
	})

	addReduce(zipLongestType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[zipLongestObject](self)
		args := make([]Value, len(o.iters))
		for i, it := range o.iters {
			if it.IsNil() {
				e, err := in.NewTuple()
				if err != nil {
					releaseAll(in, args[:i])
					return Value{}, err
				}
				args[i] = e
			} else {
				interp.IncRef(it)
				args[i] = it
			}
		}
		defer releaseAll(in, args)
		a, err := in.NewTuple(args...)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(a)
		return in.NewTuple(interp.TypeValue(self.Type()), a, orNone(o.fill))
	})
	addSetState(zipLongestType, func(in *interp.Interp, self, state Value) error {
		setField(in, &interp.ObjectOf[zipLongestObject](self).fill, state)
		return nil
	})
}

// reduceTypeState is reduceType with the tuple of stateItems
// (borrowed) as the state.
func reduceTypeState(in *interp.Interp, self Value, args []Value, stateItems ...Value) (Value, error) {
	state, err := in.NewTuple(stateItems...)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(state)
	return reduceType(in, self, args, state)
}

// accumulateReduce is accumulate.__reduce__. An initial value not yet
// produced goes in front of the iterator through a chain; a running
// total of None, which would read as "no total", is restored as an
// islice skipping the first item of an accumulate that starts again
// from it.
func accumulateReduce(in *interp.Interp, self Value) (Value, error) {
	o := interp.ObjectOf[accumulateObject](self)
	binop := orNone(o.binop)
	front := o.initial
	if front.IsNil() && !o.total.IsNil() && o.total.IsNone() {
		front = interp.None
	}
	if front.IsNil() {
		return reduceType(in, self, []Value{o.it, binop}, orNone(o.total))
	}
	first, err := in.NewTuple(front)
	if err != nil {
		return Value{}, err
	}
	it, err := in.Call(interp.TypeValue(chainType), []Value{first, o.it}, nil)
	in.DecRef(first)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(it)
	if !o.initial.IsNil() {
		return reduceType(in, self, []Value{it, binop}, interp.None)
	}
	acc, err := in.Call(interp.TypeValue(self.Type()), []Value{it, binop}, nil)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(acc)
	return reduceValue(in, interp.TypeValue(isliceType), []Value{acc, interp.Int(1), interp.None}, Value{})
}
