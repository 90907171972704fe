package interp

// __length_hint__, __reduce__ and __setstate__ of the list, tuple and
// range iterators, as CPython's: what operator.length_hint, copy and
// pickle use.

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

func init() {
	for _, t := range []*Type{listIteratorType, tupleIteratorType} {
		empty := func(in *Interp) (Value, error) {
			if t == tupleIteratorType {
				return in.NewTuple()
			}
			return in.NewList()
		}
		defMethod(t, "__length_hint__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("__length_hint__", args[1:], kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			s := asObject[seqIterator](args[0])
			return Int(int64(max(seqIterLen(s)-s.index, 0))), nil
		})
		defMethod(t, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			it, err := in.builtinNamed("iter")
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(it)
			s := asObject[seqIterator](args[0])
			if s.seq.IsNil() {
				e, err := empty(in)
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(e)
				a, err := in.NewTuple(e)
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(a)
				return in.NewTuple(it, a)
			}
			a, err := in.NewTuple(s.seq)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(a)
			return in.NewTuple(it, a, Int(int64(s.index)))
		})
		defMethod(t, "__setstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("__setstate__", args[1:], kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			n, err := in.seqSsizeArg(args[1], overflowSsize)
			if err != nil {
				return Value{}, err
			}
			s := asObject[seqIterator](args[0])
			if !s.seq.IsNil() {
				s.index = min(max(n, 0), seqIterLen(s))
			}
			return None, nil
		})
	}
	defMethod(rangeIteratorType, "__length_hint__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__length_hint__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return Int(asObject[rangeIterator](args[0]).left), nil
	})
	defMethod(rangeIteratorType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		r := asObject[rangeIterator](args[0])
		it, err := in.builtinNamed("iter")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(it)
		rng, err := newRange(in, rangeType, []Value{Int(r.next), Int(r.next + r.left*r.step), Int(r.step)}, nil)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(rng)
		a, err := in.NewTuple(rng)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(a)
		return in.NewTuple(it, a, None)
	})
}
