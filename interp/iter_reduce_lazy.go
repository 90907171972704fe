package interp

// __reduce__ (and zip's __setstate__) of the lazy iterators of the
// builtins: enumerate, map, filter, zip and callable_iterator reduce to
// a call of their type over the iterators they own, as CPython's do.

func init() {
	defMethod(enumerateType, "__reduce__", reduceMethod("enumerate", func(in *Interp, self Value) (Value, error) {
		e := asObject[enumerateObject](self)
		index := e.big
		if index.IsNil() {
			index = Int(e.index)
		}
		return in.reduceTuple(valueOf(self.Type()), []Value{e.it, index}, Value{})
	}))
	defMethod(mapType, "__reduce__", reduceMethod("map", func(in *Interp, self Value) (Value, error) {
		m := asObject[mapObject](self)
		args := append([]Value{m.fn}, m.iters...)
		return in.reduceTuple(valueOf(self.Type()), args, Value{})
	}))
	defMethod(filterType, "__reduce__", reduceMethod("filter", func(in *Interp, self Value) (Value, error) {
		f := asObject[filterObject](self)
		return in.reduceTuple(valueOf(self.Type()), []Value{f.fn, f.it}, Value{})
	}))
	defMethod(zipType, "__reduce__", reduceMethod("zip", func(in *Interp, self Value) (Value, error) {
		z := asObject[zipObject](self)
		var state Value
		if z.strict {
			state = True
		}
		return in.reduceTuple(valueOf(self.Type()), z.iters, state)
	}))
	defMethod(zipType, "__setstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("zip.__setstate__", args, kwnames); err != nil {
			return Value{}, err
		}
		strict, err := in.Truth(args[1])
		if err != nil {
			return Value{}, err
		}
		asObject[zipObject](args[0]).strict = strict
		return None, nil
	})
	defMethod(callIterType, "__reduce__", iterReduceMethod("callable_iterator", func(in *Interp, self, iter Value) (Value, error) {
		c := asObject[callIterObject](self)
		if c.fn.IsNil() || c.sentinel.IsNil() {
			return in.reduceIterOver(iter, func() (Value, error) { return in.NewTuple() })
		}
		return in.reduceTuple(iter, []Value{c.fn, c.sentinel}, Value{})
	}))
}
