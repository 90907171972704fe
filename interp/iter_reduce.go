package interp

import (
	"math"
	"math/big"
)

// __length_hint__, __reduce__ and __setstate__ of the list, tuple and
// range iterators, as CPython's: what operator.length_hint, copy and
// pickle use. iter_reduce_seq.go and iter_reduce_lazy.go have the other
// built-in iterators'; this file also has the helpers they share.

// builtinNamed is the builtins' name (a new reference), as CPython's
// _PyEval_GetBuiltin: what __reduce__ methods name as their callable.
func (in *Interp) builtinNamed(name string) (Value, error) {
	v, ok, err := in.DictGet(in.builtins, internName(name))
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, in.raise(runtimeErrorType, "lost builtins.%s", name)
	}
	incRef(v)
	return v, nil
}

// reduceTuple is (fn, args) or (fn, args, state) for a __reduce__: fn,
// args and state are borrowed; state is left out when it is nil.
func (in *Interp) reduceTuple(fn Value, args []Value, state Value) (Value, error) {
	a, err := in.NewTuple(args...)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(a)
	if state.IsNil() {
		return in.NewTuple(fn, a)
	}
	return in.NewTuple(fn, a, state)
}

// iterReduceMethod is a __reduce__ whose callable is builtins.iter,
// looked up before reduce reads the iterator: the lookup can run Python
// code (the __eq__ of a key of the builtins) that moves the iterator,
// and CPython reduces what is left after it.
func iterReduceMethod(name string, reduce func(in *Interp, self, iter Value) (Value, error)) MethodFunc {
	return reduceMethod(name, func(in *Interp, self Value) (Value, error) {
		iter, err := in.builtinNamed("iter")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(iter)
		return reduce(in, self, iter)
	})
}

// reduceIterOver is (iter, (empty,)) with empty made by mk: what an
// exhausted iterator reduces to.
func (in *Interp) reduceIterOver(iter Value, mk func() (Value, error)) (Value, error) {
	e, err := mk()
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(e)
	return in.reduceTuple(iter, []Value{e}, Value{})
}

// emptyStr makes the empty str.
func (in *Interp) emptyStr() (Value, error) { return in.NewStr("") }

// longAsSsize converts a __setstate__ argument as PyLong_AsSsize_t: ints
// only, no __index__.
func (in *Interp) longAsSsize(v Value) (int, error) {
	if !isInt(v) {
		return 0, in.raise(typeErrorType, "an integer is required")
	}
	var z big.Int
	b := bigOf(v, &z)
	if !b.IsInt64() {
		return 0, in.raise(overflowErrorType, "%s", overflowSsize)
	}
	return int(b.Int64()), nil
}

// longAsLong converts as PyLong_AsLong: through __index__.
func (in *Interp) longAsLong(v Value) (int64, error) {
	i, err := in.indexValue(v)
	if err != nil {
		return 0, err
	}
	defer in.decRef(i)
	var z big.Int
	b := bigOf(i, &z)
	if !b.IsInt64() {
		return 0, in.raise(overflowErrorType, "Python int too large to convert to C long")
	}
	return b.Int64(), nil
}

// seqIterLen is the length of what a list or tuple iterator walks.
func seqIterLen(s *seqIterator) int {
	if s.seq.IsNil() {
		return 0
	}
	if s.seq.Type() == tupleType || s.seq.Type().IsSubtype(tupleType) {
		return len(asObject[Tuple](s.seq).items)
	}
	return len(asObject[List](s.seq).items)
}

// rangeIterReduce is (iter, (range(start, start+left*step, step),), None)
// for both range iterators, in ints of any size as CPython's.
func (in *Interp) rangeIterReduce(start, step, left *big.Int) (Value, error) {
	var stop big.Int
	stop.Mul(left, step)
	stop.Add(&stop, start)
	var bounds [3]Value
	for i, x := range []*big.Int{start, &stop, step} {
		v, err := in.newInt(x)
		if err != nil {
			in.releaseAll(bounds[:i])
			return Value{}, err
		}
		bounds[i] = v
	}
	rng, err := newRange(in, rangeType, bounds[:], nil)
	in.releaseAll(bounds[:])
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(rng)
	iter, err := in.builtinNamed("iter")
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(iter)
	return in.reduceTuple(iter, []Value{rng}, None)
}

// rangeIterOverflows reports whether walking small range r would step
// past int64 (start + len*step does not fit): CPython walks such a range
// with a longrange_iterator, so that a range_iterator never overflows
// and reduces to a range of the same kind.
func rangeIterOverflows(r *Range) bool {
	switch {
	case rangeLen(r.start, r.stop, r.step) == 0:
		return false
	case r.step > 0:
		return r.stop > math.MaxInt64-(r.step-1)
	}
	return r.stop < math.MinInt64+(-1-r.step)
}

// rangeReversedSmall is the range_iterator walking small range r
// backwards, ok false where CPython takes a longrange_iterator (when
// -step or start - step, where the walk ends, does not fit).
func rangeReversedSmall(r *Range) (*rangeIterator, bool) {
	if r.step == math.MinInt64 || r.step > 0 && r.start < math.MinInt64+r.step || r.step < 0 && r.start > math.MaxInt64+r.step {
		return nil, false
	}
	n := rangeLen(r.start, r.stop, r.step)
	end := r.start - r.step
	return &rangeIterator{next: end + n*r.step, step: -r.step, left: n}, true
}

// cannotCreate is the construct slot of types CPython gives no tp_new.
func cannotCreate(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	return Value{}, in.raise(typeErrorType, "cannot create '%s' instances", t.Name)
}

func init() {
	for _, t := range []*Type{listIteratorType, tupleIteratorType} {
		empty := func(in *Interp) (Value, error) {
			if t == tupleIteratorType {
				return in.NewTuple()
			}
			return in.NewList()
		}
		defMethod(t, "__length_hint__", lengthHintMethod(t.Name, func(in *Interp, self Value) (Value, error) {
			s := asObject[seqIterator](self)
			return Int(int64(max(seqIterLen(s)-s.index, 0))), nil
		}))
		defMethod(t, "__reduce__", iterReduceMethod(t.Name, func(in *Interp, self, iter Value) (Value, error) {
			s := asObject[seqIterator](self)
			if s.seq.IsNil() {
				return in.reduceIterOver(iter, func() (Value, error) { return empty(in) })
			}
			return in.reduceTuple(iter, []Value{s.seq}, Int(int64(s.index)))
		}))
		defMethod(t, "__setstate__", seqSetState(t.Name, func(in *Interp, self Value, n int) error {
			s := asObject[seqIterator](self)
			if !s.seq.IsNil() {
				s.index = min(max(n, 0), seqIterLen(s))
			}
			return nil
		}))
	}

	rangeIteratorType.construct = cannotCreate
	bigRangeIteratorType.construct = cannotCreate
	defMethod(rangeIteratorType, "__length_hint__", lengthHintMethod("range_iterator", func(in *Interp, self Value) (Value, error) {
		return Int(asObject[rangeIterator](self).left), nil
	}))
	defMethod(rangeIteratorType, "__reduce__", reduceMethod("range_iterator", func(in *Interp, self Value) (Value, error) {
		r := asObject[rangeIterator](self)
		return in.rangeIterReduce(big.NewInt(r.next), big.NewInt(r.step), big.NewInt(r.left))
	}))
	// __setstate__(n) advances the iterator by n from where it is (the
	// reduced range starts there), clamped to what is left.
	defMethod(rangeIteratorType, "__setstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("range_iterator.__setstate__", args, kwnames); err != nil {
			return Value{}, err
		}
		n, err := in.longAsLong(args[1])
		if err != nil {
			return Value{}, err
		}
		r := asObject[rangeIterator](args[0])
		n = min(max(n, 0), r.left)
		r.next += n * r.step
		r.left -= n
		return None, nil
	})
	defMethod(bigRangeIteratorType, "__length_hint__", lengthHintMethod("longrange_iterator", func(in *Interp, self Value) (Value, error) {
		return in.newInt(&asObject[bigRangeIterator](self).left)
	}))
	defMethod(bigRangeIteratorType, "__reduce__", reduceMethod("longrange_iterator", func(in *Interp, self Value) (Value, error) {
		r := asObject[bigRangeIterator](self)
		return in.rangeIterReduce(&r.next, &r.step, &r.left)
	}))
	defMethod(bigRangeIteratorType, "__setstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("longrange_iterator.__setstate__", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, in.bigRangeIterSetState(asObject[bigRangeIterator](args[0]), args[1])
	})
}

// bigRangeIterSetState advances a longrange_iterator by state, compared
// with 0 and with what is left as CPython does (so any object may get as
// far as the comparisons).
func (in *Interp) bigRangeIterSetState(r *bigRangeIterator, state Value) error {
	neg, err := in.CompareBool(state, Int(0), CmpLT)
	if err != nil {
		return err
	}
	var n big.Int
	if !neg {
		left, err := in.newInt(&r.left)
		if err != nil {
			return err
		}
		over, err := in.CompareBool(state, left, CmpGT)
		in.decRef(left)
		if err != nil {
			return err
		}
		switch {
		case over:
			n.Set(&r.left)
		case !isInt(state):
			// CPython goes on with the arithmetic and yields non-ints.
			return in.raise(notImplementedErrorType, "longrange_iterator.__setstate__() with a %s state is not implemented yet", state.Type().Name)
		default:
			var tmp big.Int
			n.Set(bigOf(state, &tmp))
		}
	}
	var step big.Int
	step.Mul(&n, &r.step)
	r.next.Add(&r.next, &step)
	r.left.Sub(&r.left, &n)
	return nil
}
