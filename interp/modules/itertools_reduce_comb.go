package modules

import (
	"github.com/parallel-py/parallel/interp"
)

// Copy and pickle support of the combinatoric iterators (product,
// permutations, combinations, combinations_with_replacement): each
// reduces to its pool and r with its indices as the state, and
// __setstate__ clamps the indices it is given into range, as CPython
// 3.12's do. A state given to a stopped iterator is checked but leaves
// it stopped (CPython reads out of bounds in some of those cases).

// indexTuple makes the tuple of ints of xs.
func indexTuple(in *interp.Interp, xs []int) (Value, error) {
	items := make([]Value, len(xs))
	for i, x := range xs {
		items[i] = interp.Int(int64(x))
	}
	return in.NewTuple(items...)
}

// combReduce is the __reduce__ of combinations and its kin: state makes
// the state of a started iterator.
func combReduce(in *interp.Interp, self Value, state func(o *combObject) (Value, error)) (Value, error) {
	o := interp.ObjectOf[combObject](self)
	r := interp.Int(int64(o.r))
	switch {
	case !o.started:
		return reduceType(in, self, []Value{o.pool, r}, Value{})
	case o.stopped:
		e, err := in.NewTuple()
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(e)
		return reduceType(in, self, []Value{e, r}, Value{})
	}
	s, err := state(o)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(s)
	return reduceType(in, self, []Value{o.pool, r}, s)
}

// clampedIndices converts the items of a state tuple with
// PyLong_AsSsize_t and clamps item i into [lo(i), hi(i)] (hi first, as
// CPython does).
func clampedIndices(in *interp.Interp, items []Value, lo, hi func(i int) int) ([]int, error) {
	out := make([]int, len(items))
	for i, x := range items {
		n, err := longAsSsize(in, x)
		if err != nil {
			return nil, err
		}
		out[i] = max(min(n, hi(i)), lo(i))
	}
	return out, nil
}

// combSetState is the __setstate__ of combinations and
// combinations_with_replacement: r indices, item i at most hi(i).
func combSetState(in *interp.Interp, self, state Value, hi func(o *combObject, i int) int) error {
	o := interp.ObjectOf[combObject](self)
	items, ok := interp.TupleItems(state)
	if !ok || len(items) != o.r {
		return in.Raise(interp.ValueError, "invalid arguments")
	}
	idx, err := clampedIndices(in, items, func(int) int { return 0 }, func(i int) int { return hi(o, i) })
	if err != nil || o.stopped {
		return err
	}
	copy(o.indices, idx)
	o.started = true
	return nil
}

func init() {
	for _, t := range []*interp.Type{combinationsType, cwrType} {
		addReduce(t, func(in *interp.Interp, self Value) (Value, error) {
			return combReduce(in, self, func(o *combObject) (Value, error) { return indexTuple(in, o.indices) })
		})
	}
	addSetState(combinationsType, func(in *interp.Interp, self, state Value) error {
		return combSetState(in, self, state, func(o *combObject, i int) int { return i + len(poolItems(o)) - o.r })
	})
	addSetState(cwrType, func(in *interp.Interp, self, state Value) error {
		return combSetState(in, self, state, func(o *combObject, i int) int { return len(poolItems(o)) - 1 })
	})

	addReduce(permutationsType, func(in *interp.Interp, self Value) (Value, error) {
		return combReduce(in, self, func(o *combObject) (Value, error) {
			idx, err := indexTuple(in, o.indices)
			if err != nil {
				return Value{}, err
			}
			cyc, err := indexTuple(in, o.cycles)
			if err != nil {
				in.DecRef(idx)
				return Value{}, err
			}
			return newTupleOwned(in, []Value{idx, cyc})
		})
	})
	addSetState(permutationsType, func(in *interp.Interp, self, state Value) error {
		parts, err := stateTuple(in, state, 2, 2)
		if err != nil {
			return err
		}
		var lists [2][]Value
		for i, p := range parts {
			items, ok := interp.TupleItems(p)
			if !ok {
				return in.Raise(interp.TypeError, "argument %d must be tuple, not %s", i+1, p.Type().Name)
			}
			lists[i] = items
		}
		o := interp.ObjectOf[combObject](self)
		n := len(poolItems(o))
		if len(lists[0]) != n || len(lists[1]) != o.r {
			return in.Raise(interp.ValueError, "invalid arguments")
		}
		idx, err := clampedIndices(in, lists[0], func(int) int { return 0 }, func(int) int { return n - 1 })
		if err != nil {
			return err
		}
		cyc, err := clampedIndices(in, lists[1], func(int) int { return 1 }, func(i int) int { return n - i })
		if err != nil || o.stopped {
			return err
		}
		copy(o.indices, idx)
		copy(o.cycles, cyc)
		o.started = true
		return nil
	})

	addReduce(productType, func(in *interp.Interp, self Value) (Value, error) {
		o := interp.ObjectOf[combObject](self)
		pools := poolItems(o)
		// Unlike the others, a stopped product reduces as such even
		// before it started (a __setstate__ meeting an empty pool).
		switch {
		case o.stopped:
			e, err := in.NewTuple()
			if err != nil {
				return Value{}, err
			}
			defer in.DecRef(e)
			return reduceType(in, self, []Value{e}, Value{})
		case !o.started:
			return reduceType(in, self, pools, Value{})
		}
		idx, err := indexTuple(in, o.indices)
		if err != nil {
			return Value{}, err
		}
		defer in.DecRef(idx)
		return reduceType(in, self, pools, idx)
	})
	addSetState(productType, func(in *interp.Interp, self, state Value) error {
		o := interp.ObjectOf[combObject](self)
		items, ok := interp.TupleItems(state)
		if !ok || len(items) != len(o.pools) {
			return in.Raise(interp.ValueError, "invalid arguments")
		}
		for i, x := range items {
			n, err := longAsSsize(in, x)
			if err != nil {
				return err
			}
			size := len(o.pools[i])
			if size == 0 {
				o.stopped = true
				return nil
			}
			o.indices[i] = max(min(n, size-1), 0)
		}
		o.started = true
		return nil
	})
}
