package interp

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/cycles"
)

// The gc module: Python's handle on the interpreter's cycle finder
// (package cycles). Debug flags that change what a collection does
// (DEBUG_SAVEALL and the printing ones) are not supported yet and raise
// NotImplementedError rather than being ignored.

// gc's debug flags, as CPython numbers them.
const (
	gcDebugStats         = 1
	gcDebugCollectable   = 2
	gcDebugUncollectable = 4
	gcDebugSaveAll       = 32
	gcDebugLeak          = gcDebugCollectable | gcDebugUncollectable | gcDebugSaveAll
)

// gcObserve runs gc.callbacks around a collection, as CPython's
// invoke_gc_callback does: each is called with the phase ("start" or
// "stop") and a dict of generation, collected and uncollectable; what
// one raises is reported as unraisable.
func (in *Interp) gcObserve(done bool, r cycles.Result) {
	if in.gcCallbacks.IsNil() || len(asObject[List](in.gcCallbacks).items) == 0 {
		return
	}
	phase := "start"
	if done {
		phase = "stop"
	}
	info, err := in.NewDict()
	if err != nil {
		in.decRef(valueOf(err.(*Exception)))
		return
	}
	defer in.decRef(info)
	d := asObject[Dict](info)
	for _, kv := range []struct {
		k string
		v int
	}{{"generation", r.Generation}, {"collected", r.Collected}, {"uncollectable", r.Uncollectable}} {
		if err := in.DictSet(d, internName(kv.k), Int(int64(kv.v))); err != nil {
			in.decRef(valueOf(err.(*Exception)))
			return
		}
	}
	// A copy, so that a callback may change the list.
	cbs := append([]Value(nil), asObject[List](in.gcCallbacks).items...)
	for _, cb := range cbs {
		incRef(cb)
	}
	for _, cb := range cbs {
		res, err := in.Call(cb, []Value{internName(phase), info}, nil)
		if err != nil {
			in.unraisableIn("Exception ignored in garbage collector callback", err, cb)
		} else {
			in.decRef(res)
		}
		in.decRef(cb)
	}
}

func init() {
	registerModule("gc", func(in *Interp, m *Module) error {
		lists := []string{"garbage", "callbacks"}
		for _, name := range lists {
			l, err := in.NewList()
			if err != nil {
				return err
			}
			err = in.setGlobal(m, name, l)
			if name == "callbacks" && err == nil && in.gcCallbacks.IsNil() {
				in.gcCallbacks = l // the reference moves to the interpreter
			} else {
				in.decRef(l)
			}
			if err != nil {
				return err
			}
		}
		for _, c := range []struct {
			name string
			v    int64
		}{{"DEBUG_STATS", gcDebugStats}, {"DEBUG_COLLECTABLE", gcDebugCollectable},
			{"DEBUG_UNCOLLECTABLE", gcDebugUncollectable}, {"DEBUG_SAVEALL", gcDebugSaveAll}, {"DEBUG_LEAK", gcDebugLeak}} {
			if err := in.setGlobal(m, c.name, Int(c.v)); err != nil {
				return err
			}
		}
		for _, fn := range gcFuncs {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}

// gcNoArgs is a gc function without arguments.
func gcNoArgs(name string, fn func(in *Interp) (Value, error)) Value {
	return newBuiltin(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount(name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return fn(in)
	})
}

// gcGeneration reads a generation argument: 0, 1 or 2.
func (in *Interp) gcGeneration(v Value) (int, error) {
	n, err := in.cIntArg(v)
	if err != nil {
		return 0, err
	}
	if n < 0 || n >= cycles.NumGenerations {
		return 0, in.raise(valueErrorType, "invalid generation")
	}
	return n, nil
}

// gcReferents visits what v refers to, as tp_traverse does.
func (in *Interp) gcReferents(v Value, visit func(Value)) {
	if !v.IsObject() {
		return
	}
	t := v.Type()
	if t.traverse == nil {
		return
	}
	t.traverse(v, func(x Value) {
		if x.IsObject() {
			visit(x)
		}
	})
	if t.Flags&TypeHeapType != 0 {
		visit(valueOf(t)) // last, as CPython's subtype_traverse
	}
}

var gcFuncs = []Value{
	gcNoArgs("enable", func(in *Interp) (Value, error) { in.gc.SetEnabled(true); return None, nil }),
	gcNoArgs("disable", func(in *Interp) (Value, error) { in.gc.SetEnabled(false); return None, nil }),
	gcNoArgs("isenabled", func(in *Interp) (Value, error) { return Bool(in.gc.Enabled()), nil }),
	newBuiltin("collect", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var gen Value
		if err := in.parseArgs("collect", args, kwnames, []string{"generation"}, 0, &gen); err != nil {
			return Value{}, err
		}
		g := cycles.NumGenerations - 1
		if !gen.IsNil() {
			var err error
			if g, err = in.gcGeneration(gen); err != nil {
				return Value{}, err
			}
		}
		r := in.gc.Collect(g)
		return Int(int64(r.Collected + r.Uncollectable)), nil
	}),
	gcNoArgs("get_count", func(in *Interp) (Value, error) {
		c := in.gc.Counts()
		return in.NewTuple(Int(int64(c[0])), Int(int64(c[1])), Int(int64(c[2])))
	}),
	gcNoArgs("get_threshold", func(in *Interp) (Value, error) {
		t := in.gc.Thresholds()
		return in.NewTuple(Int(int64(t[0])), Int(int64(t[1])), Int(int64(t[2])))
	}),
	newBuiltin("set_threshold", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "set_threshold() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 3 {
			return Value{}, in.raise(typeErrorType, "set_threshold() takes from 1 to 3 positional arguments but %d were given", len(args))
		}
		t := in.gc.Thresholds()
		for i, a := range args {
			n, err := in.cIntArg(a)
			if err != nil {
				return Value{}, err
			}
			t[i] = n
		}
		in.gc.SetThresholds(t)
		return None, nil
	}),
	gcNoArgs("get_debug", func(in *Interp) (Value, error) { return Int(0), nil }),
	newBuiltin("set_debug", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var flags Value
		if err := in.parseArgs("set_debug", args, kwnames, []string{"flags"}, 1, &flags); err != nil {
			return Value{}, err
		}
		n, err := in.cIntArg(flags)
		if err != nil {
			return Value{}, err
		}
		if n != 0 {
			return Value{}, in.raise(notImplementedErrorType, "gc debugging flags are not implemented yet")
		}
		return None, nil
	}),
	gcNoArgs("get_stats", func(in *Interp) (Value, error) {
		var dicts []Value
		defer func() {
			for _, d := range dicts {
				in.decRef(d)
			}
		}()
		for _, s := range in.gc.Stats() {
			d, err := in.NewDict()
			if err != nil {
				return Value{}, err
			}
			dicts = append(dicts, d)
			for _, kv := range []struct {
				k string
				v int
			}{{"collections", s.Collections}, {"collected", s.Collected}, {"uncollectable", s.Uncollectable}} {
				if err := in.DictSet(asObject[Dict](d), internName(kv.k), Int(int64(kv.v))); err != nil {
					return Value{}, err
				}
			}
		}
		return in.NewList(dicts...)
	}),
	newBuiltin("get_objects", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var gen Value
		if err := in.parseArgs("get_objects", args, kwnames, []string{"generation"}, 0, &gen); err != nil {
			return Value{}, err
		}
		g := -1
		if !gen.IsNil() && !gen.IsNone() {
			n, err := in.cIntArg(gen)
			if err != nil {
				return Value{}, err
			}
			if n >= cycles.NumGenerations {
				return Value{}, in.raise(valueErrorType, "generation parameter must be less than the number of available generations (%d)", cycles.NumGenerations)
			}
			if n < 0 {
				return Value{}, in.raise(valueErrorType, "generation parameter cannot be negative")
			}
			g = n
		}
		hs := in.gc.Objects(g)
		vs := make([]Value, len(hs))
		for i, h := range hs {
			vs[i] = objectValue(h)
		}
		return in.NewList(vs...)
	}),
	newBuiltin("get_referents", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("get_referents", kwnames); err != nil {
			return Value{}, err
		}
		var out []Value
		for _, a := range args {
			in.gcReferents(a, func(x Value) { out = append(out, x) })
		}
		return in.NewList(out...)
	}),
	newBuiltin("get_referrers", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("get_referrers", kwnames); err != nil {
			return Value{}, err
		}
		var out []Value
		for _, h := range in.gc.Objects(-1) {
			v := objectValue(h)
			found := false
			in.gcReferents(v, func(x Value) {
				for _, a := range args {
					if x == a {
						found = true
					}
				}
			})
			if found {
				out = append(out, v)
			}
		}
		return in.NewList(out...)
	}),
	newBuiltin("is_tracked", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("is_tracked", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		v := args[0]
		return Bool(v.IsObject() && in.gc.Tracked(v.Header())), nil
	}),
	newBuiltin("is_finalized", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("is_finalized", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		v := args[0]
		return Bool(v.IsObject() && v.Header().Has(alloc.FlagFinalized)), nil
	}),
	gcNoArgs("freeze", func(in *Interp) (Value, error) { in.gc.Freeze(); return None, nil }),
	gcNoArgs("unfreeze", func(in *Interp) (Value, error) { in.gc.Unfreeze(); return None, nil }),
	gcNoArgs("get_freeze_count", func(in *Interp) (Value, error) { return Int(int64(in.gc.FreezeCount())), nil }),
}
