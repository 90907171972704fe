package interp

// The atexit module: functions run when the interpreter finishes, last
// registered first.

type atexitCall struct {
	fn, args, kwargs Value // args a tuple, kwargs a dict or nil
}

// RunAtExit runs the functions registered with atexit.register, in
// reverse order, reporting their exceptions on stderr as CPython does
// ("Exception ignored in atexit callback").
func (in *Interp) RunAtExit() {
	for len(in.atexit) > 0 {
		c := in.atexit[len(in.atexit)-1]
		in.atexit = in.atexit[:len(in.atexit)-1]
		var kw []Value
		args := append([]Value(nil), asObject[Tuple](c.args).items...)
		if !c.kwargs.IsNil() {
			for _, e := range asObject[Dict](c.kwargs).entries {
				if !e.key.IsNil() {
					kw = append(kw, e.key)
					args = append(args, e.value)
				}
			}
		}
		r, err := in.Call(c.fn, args, kw)
		if err != nil {
			if in.ExitStatusOnly(err) {
				in.decRef(valueOf(err.(*Exception)))
			} else {
				in.unraisableIn("Exception ignored in atexit callback", err, c.fn)
			}
		} else {
			in.decRef(r)
		}
		in.decRef(c.fn)
		in.decRef(c.args)
		in.xdecRef(c.kwargs)
	}
}

// ExitStatusOnly reports whether err is SystemExit, which atexit
// callbacks may raise silently.
func (in *Interp) ExitStatusOnly(err error) bool {
	e, ok := err.(*Exception)
	return ok && valueOf(e).Type().IsSubtype(systemExitType)
}

func init() {
	registerModule("atexit", func(in *Interp, m *Module) error {
		for _, fn := range []Value{
			newBuiltin("register", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				npos := len(args) - len(kwnames)
				if npos < 1 {
					return Value{}, in.raise(typeErrorType, "register() takes at least 1 argument (0 given)")
				}
				if args[0].Type().call == nil {
					return Value{}, in.raise(typeErrorType, "the first argument must be callable")
				}
				t, err := in.NewTuple(args[1:npos]...)
				if err != nil {
					return Value{}, err
				}
				var kw Value
				if len(kwnames) > 0 {
					if kw, err = in.NewDict(); err != nil {
						in.decRef(t)
						return Value{}, err
					}
					for i, k := range kwnames {
						if err := in.DictSet(asObject[Dict](kw), k, args[npos+i]); err != nil {
							in.decRef(t)
							in.decRef(kw)
							return Value{}, err
						}
					}
				}
				incRef(args[0])
				in.atexit = append(in.atexit, atexitCall{args[0], t, kw})
				incRef(args[0])
				return args[0], nil
			}),
			newBuiltin("unregister", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.checkArgCount("unregister", args, kwnames, 1, 1); err != nil {
					return Value{}, err
				}
				kept := in.atexit[:0]
				var dropped []atexitCall
				for _, c := range in.atexit {
					eq, err := in.keysEqual(c.fn, args[0])
					if err != nil {
						return Value{}, err
					}
					if eq {
						dropped = append(dropped, c)
					} else {
						kept = append(kept, c)
					}
				}
				in.atexit = kept
				for _, c := range dropped {
					in.decRef(c.fn)
					in.decRef(c.args)
					in.xdecRef(c.kwargs)
				}
				return None, nil
			}),
			newBuiltin("_run_exitfuncs", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				in.RunAtExit()
				return None, nil
			}),
			newBuiltin("_clear", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				for _, c := range in.atexit {
					in.decRef(c.fn)
					in.decRef(c.args)
					in.xdecRef(c.kwargs)
				}
				in.atexit = nil
				return None, nil
			}),
			newBuiltin("_ncallbacks", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				return Int(int64(len(in.atexit))), nil
			}),
		} {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}
