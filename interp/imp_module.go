package interp

// The _imp module: the built-in side of importlib. Built-in modules are
// the Go modules of builtinModules (with sys and builtins); there are no
// frozen modules (importlib's own are loaded from source, importlib.go)
// and no C extension modules, so extension_suffixes() is empty and the
// functions for frozen and extension modules say so as CPython does for
// a module that is not one.

func init() {
	registerModule("_imp", func(in *Interp, m *Module) error {
		if err := in.setGlobalStr(m, "check_hash_based_pycs", "default"); err != nil {
			return err
		}
		for _, fn := range impFuncs {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
	// importlib._bootstrap imports _warnings, whose C functions CPython's
	// warnings.py would otherwise use; here warnings.py is the
	// implementation and _warnings only forwards to it (warnings.py finds
	// no `filters` here and so keeps its own Python code).
	registerModule("_warnings", func(in *Interp, m *Module) error {
		for _, name := range []string{"warn", "warn_explicit"} {
			name := name
			fn := newBuiltin(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				w, err := in.importModule("warnings")
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(w)
				return in.CallMethod(w, name, args, kwnames)
			})
			if err := in.setGlobal(m, name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}

// impName reads the name argument of an _imp function.
func (in *Interp) impName(fname string, args, kwnames []Value) (string, error) {
	if err := in.checkArgCount(fname, args, kwnames, 1, 1); err != nil {
		return "", err
	}
	if args[0].Type() != strType {
		return "", in.raise(typeErrorType, "%s() argument must be str, not %s", fname, args[0].Type().Name)
	}
	return args[0].GoString(), nil
}

// notFrozen is the ImportError for a module that is not frozen.
func (in *Interp) notFrozen(name string) error {
	return in.raise(importErrorType, "No such frozen object named '%s'", name)
}

var impFuncs = []Value{
	newBuiltin("is_builtin", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		name, err := in.impName("is_builtin", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		switch _, ok := builtinModules[name]; {
		case name == "sys" || name == "builtins":
			return Int(-1), nil // cannot be initialized again
		case ok:
			return Int(1), nil
		}
		return Int(0), nil
	}),
	newBuiltin("create_builtin", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("create_builtin", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		nv, err := in.GetAttr(args[0], internName("name"))
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(nv)
		if nv.Type() != strType {
			return Value{}, in.raise(typeErrorType, "name must be string, not %s", nv.Type().Name)
		}
		name := nv.GoString()
		switch name {
		case "sys":
			incRef(valueOf(in.sys))
			return valueOf(in.sys), nil
		case "builtins":
			incRef(valueOf(in.builtinsModule))
			return valueOf(in.builtinsModule), nil
		}
		// A built-in module initialized already is shared, as CPython
		// shares a single-phase module's first copy.
		if m, ok, err := in.DictGet(in.modules, nv); err != nil || ok && m.Type() == moduleType {
			if ok {
				incRef(m)
			}
			return m, err
		}
		init, ok := builtinModules[name]
		if !ok {
			return None, nil
		}
		m, err := in.newModule(name)
		if err != nil {
			return Value{}, err
		}
		if err := init(in, m); err != nil {
			in.decRef(valueOf(m))
			return Value{}, err
		}
		noteBuiltinModule(name, m)
		return valueOf(m), nil
	}),
	newBuiltin("exec_builtin", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("exec_builtin", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		return Int(0), nil // the module was initialized when created
	}),
	newBuiltin("create_dynamic", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.raise(importErrorType, "C extension modules cannot be loaded by parallel")
	}),
	newBuiltin("exec_dynamic", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Int(0), nil
	}),
	newBuiltin("is_frozen", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if _, err := in.impName("is_frozen", args, kwnames); err != nil {
			return Value{}, err
		}
		return False, nil
	}),
	newBuiltin("find_frozen", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var name, withData Value
		if err := in.parseArgs("find_frozen", args, kwnames, []string{"", "withdata"}, 1, &name, &withData); err != nil {
			return Value{}, err
		}
		return None, nil
	}),
	newBuiltin("is_frozen_package", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		name, err := in.impName("is_frozen_package", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		return Value{}, in.notFrozen(name)
	}),
	newBuiltin("get_frozen_object", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("get_frozen_object", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		return Value{}, in.notFrozen(args[0].GoString())
	}),
	newBuiltin("init_frozen", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if _, err := in.impName("init_frozen", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, nil
	}),
	newBuiltin("extension_suffixes", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("extension_suffixes", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.NewList()
	}),
	// One thread per interpreter so far: the import lock is a counter.
	newBuiltin("acquire_lock", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		in.importLockDepth++
		return None, nil
	}),
	newBuiltin("release_lock", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if in.importLockDepth == 0 {
			return Value{}, in.raise(runtimeErrorType, "not holding the import lock")
		}
		in.importLockDepth--
		return None, nil
	}),
	newBuiltin("lock_held", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Bool(in.importLockDepth > 0), nil
	}),
	newBuiltin("_fix_co_filename", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("_fix_co_filename", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		if args[0].Type() != codeType {
			return Value{}, in.raise(typeErrorType, "_fix_co_filename() argument 1 must be code, not %s", args[0].Type().Name)
		}
		if asObject[Code](args[0]).tmpl.Filename != args[1].GoString() {
			return Value{}, in.raise(notImplementedErrorType, "changing a code object's file name is not implemented yet")
		}
		return None, nil
	}),
	newBuiltin("source_hash", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Value{}, in.raise(notImplementedErrorType, "hash-based .pyc files are not implemented yet")
	}),
	// test.support's frozen_modules() switches frozen modules off and on;
	// there are none here, so the setting is only remembered.
	newBuiltin("_override_frozen_modules_for_tests", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("_override_frozen_modules_for_tests", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		n, err := in.cIntArg(args[0])
		if err != nil {
			return Value{}, err
		}
		in.overrideFrozen = n
		return None, nil
	}),
	newBuiltin("_frozen_module_names", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.NewTuple()
	}),
	newBuiltin("_override_multi_interp_extensions_check", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return Int(-1), nil
	}),
}
