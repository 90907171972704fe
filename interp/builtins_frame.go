package interp

// The builtins that read the namespace of the code calling them:
// globals() and locals().

func init() {
	builtinFuncs = append(builtinFuncs,
		newBuiltin("globals", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("globals", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			if in.frame == nil {
				return Value{}, in.raise(systemErrorType, "globals(): no current frame")
			}
			g := valueOf(in.frame.globals)
			incRef(g)
			return g, nil
		}),
		newBuiltin("locals", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("locals", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			return in.callerLocals()
		}),
	)
}

// callerLocals is locals() of the frame that called into Go: the
// namespace dict of module and class code, or a new dict snapshot of a
// function's bound local, cell and free variables.
func (in *Interp) callerLocals() (Value, error) {
	f := in.frame
	if f == nil {
		return Value{}, in.raise(systemErrorType, "locals(): no current frame")
	}
	return in.frameLocals(f)
}

// frameLocals is f_locals of f.
func (in *Interp) frameLocals(f *frame) (Value, error) {
	if f.names != nil {
		v := valueOf(f.names)
		incRef(v)
		return v, nil
	}
	d, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	for i, name := range f.tmpl.LocalsPlusNames {
		if i >= len(f.slots) {
			break // a cleared frame object's
		}
		v := f.slots[i]
		if v.IsNil() {
			continue
		}
		if f.tmpl.LocalsPlusKinds[i]&0xc0 != 0 && v.Type() == cellType {
			// A cell made by MAKE_CELL or copied from the closure.
			if v = asObject[Cell](v).v; v.IsNil() {
				continue
			}
		}
		if err := in.DictSet(asObject[Dict](d), internName(name), v); err != nil {
			in.decRef(d)
			return Value{}, err
		}
	}
	return d, nil
}
