package interp

import "math/big"

// __reduce__ of the built-in types that pickle and copy cannot take
// apart through object.__reduce_ex__: range and slice (their arguments),
// set and frozenset (a list of the items, and the instance dict of a
// subclass), bytearray (its bytes, or a latin-1 str below protocol 3).

// reduceCall is (type(v), args, state) with the state None unless given.
func (in *Interp) reduceCall(t *Type, state Value, args ...Value) (Value, error) {
	a, err := in.NewTuple(args...)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(a)
	if state.IsNil() {
		state = None
	}
	return in.NewTuple(valueOf(t), a, state)
}

// instanceState is a copy of v's instance dict, or None.
func (in *Interp) instanceState(v Value) (Value, error) {
	if d := instanceDict(v); d != nil && !d.IsNil() && asObject[Dict](*d).used > 0 {
		in.publishDict(*d) // as CPython's object_getstate materializes it
		return in.dictCopy(asObject[Dict](*d))
	}
	return None, nil
}

func init() {
	defMethod(rangeType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		r := asObject[Range](args[0])
		if r.big == nil {
			return in.reduceCall(rangeType, Value{}, Int(r.start), Int(r.stop), Int(r.step))
		}
		var vs []Value
		for _, x := range []*big.Int{&r.big.start, &r.big.stop, &r.big.step} {
			v, err := in.newInt(new(big.Int).Set(x))
			if err != nil {
				for _, y := range vs {
					in.decRef(y)
				}
				return Value{}, err
			}
			vs = append(vs, v)
		}
		defer func() {
			for _, y := range vs {
				in.decRef(y)
			}
		}()
		return in.reduceCall(rangeType, Value{}, vs...)
	})
	defMethod(sliceType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		s := asObject[Slice](args[0])
		return in.reduceCall(sliceType, Value{}, s.start, s.stop, s.step)
	})
	for _, t := range []*Type{setType, frozensetType} {
		defMethod(t, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			items, err := in.iterateAll(args[0])
			if err != nil {
				return Value{}, err
			}
			l, err := in.NewList(items...)
			for _, x := range items {
				in.decRef(x)
			}
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(l)
			state, err := in.instanceState(args[0])
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(state)
			return in.reduceCall(args[0].Type(), state, l)
		})
	}
	defMethod(bytearrayType, "__reduce_ex__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce_ex__", args[1:], kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		proto := 0
		if len(args) > 1 {
			p, err := in.cIntArg(args[1])
			if err != nil {
				return Value{}, err
			}
			proto = p
		}
		return in.bytearrayReduce(args[0], proto)
	})
	defMethod(bytearrayType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.bytearrayReduce(args[0], 0)
	})
}

func (in *Interp) bytearrayReduce(v Value, proto int) (Value, error) {
	b, _ := bytesData(v)
	// __getstate__: a class's __slots__ (or its own method) count too.
	state, err := in.getState(v, false)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(state)
	if proto < 3 {
		// Older protocols have no bytes: a latin-1 str stands for them.
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		s, err := in.NewStr(string(rs))
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(s)
		return in.reduceCall(v.Type(), state, s, internName("latin-1"))
	}
	bs, err := in.newBytes(append([]byte(nil), b...))
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(bs)
	return in.reduceCall(v.Type(), state, bs)
}

func init() {
	// The singletons pickle by name, as builtins.Ellipsis and
	// builtins.NotImplemented.
	for t, name := range map[*Type]string{ellipsisType: "Ellipsis", notImplType: "NotImplemented"} {
		name := name
		defMethod(t, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return in.NewStr(name)
		})
	}
}
