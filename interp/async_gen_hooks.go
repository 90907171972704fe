package interp

// sys.set_asyncgen_hooks and sys.get_asyncgen_hooks (PEP 525): an event
// loop learns of each async generator when it is first iterated
// (firstiter) and, through the finalizer hook kept then, gets the chance
// to close it asynchronously (asyncio schedules aclose()) when it is
// dropped unfinished.

var asyncgenHooksType = newStructSeqType("asyncgen_hooks", []string{"firstiter", "finalizer"})

// agInitHooks runs on an async generator's first __anext__, asend,
// athrow or aclose: it keeps the finalizer hook and calls firstiter.
func (in *Interp) agInitHooks(gen Value) error {
	g := asObject[Generator](gen)
	if g.hooksInited {
		return nil
	}
	g.hooksInited = true
	if !in.agFinalizer.IsNil() {
		incRef(in.agFinalizer)
		g.finalizer = in.agFinalizer
	}
	if in.agFirstIter.IsNil() {
		return nil
	}
	first := in.agFirstIter
	incRef(first) // the hook may replace itself
	defer in.decRef(first)
	r, err := in.Call(first, []Value{gen}, nil)
	if err != nil {
		return err
	}
	in.decRef(r)
	return nil
}

// agFinalize is the async generator's finalizer: an unfinished one whose
// first use saw a finalizer hook is handed to it, which may keep it.
func agFinalize(in *Interp, v Value) {
	g := asObject[Generator](v)
	if g.finalizer.IsNil() {
		genFinalize(in, v)
		return
	}
	if g.asyncClosed || g.frame == nil {
		return
	}
	fin := g.finalizer
	incRef(fin)
	defer in.decRef(fin)
	r, err := in.Call(fin, []Value{v}, nil)
	if err != nil {
		in.unraisable(err, fin)
		return
	}
	in.decRef(r)
}

func init() {
	asyncGeneratorType.finalize = agFinalize
	sysFuncs = append(sysFuncs,
		newBuiltin("get_asyncgen_hooks", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("get_asyncgen_hooks", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			first, fin := in.agFirstIter, in.agFinalizer
			if first.IsNil() {
				first = None
			}
			if fin.IsNil() {
				fin = None
			}
			return in.newStructSeq(asyncgenHooksType, first, fin)
		}),
		newBuiltin("set_asyncgen_hooks", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			var first, fin Value
			if err := in.parseArgs("set_asyncgen_hooks", args, kwnames, []string{"firstiter", "finalizer"}, 0, &first, &fin); err != nil {
				return Value{}, err
			}
			// Both are checked before either is set, as CPython does.
			for _, h := range []struct {
				name string
				v    Value
			}{{"finalizer", fin}, {"firstiter", first}} {
				if !h.v.IsNil() && !h.v.IsNone() && h.v.Type().call == nil {
					return Value{}, in.raise(typeErrorType, "callable %s expected, got %s", h.name, h.v.Type().Name)
				}
			}
			for _, h := range []struct {
				slot *Value
				v    Value
			}{{&in.agFinalizer, fin}, {&in.agFirstIter, first}} {
				if h.v.IsNil() {
					continue // not given: unchanged
				}
				old := *h.slot
				*h.slot = Value{}
				if !h.v.IsNone() {
					incRef(h.v)
					*h.slot = h.v
				}
				in.xdecRef(old)
			}
			return None, nil
		}),
	)
}
