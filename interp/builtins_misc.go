package interp

// Smaller builtins: __import__, the exception aliases, and calling the
// singleton types.

func init() {
	builtinObjects["IOError"] = valueOf(exceptionTypes["OSError"])
	builtinObjects["EnvironmentError"] = valueOf(exceptionTypes["OSError"])
	notImplType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) > 0 {
			return Value{}, in.raise(typeErrorType, "NotImplementedType takes no arguments")
		}
		return NotImplemented, nil
	}
	ellipsisType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) > 0 {
			return Value{}, in.raise(typeErrorType, "ellipsis takes no arguments")
		}
		return ellipsisObject, nil
	}
	builtinFuncs = append(builtinFuncs, newBuiltin("__import__", builtinImport))
}

// builtinImport is __import__(name, globals=None, locals=None,
// fromlist=(), level=0), the function the import statement's semantics
// are written in terms of.
func builtinImport(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var name, globals, locals, fromlist, level Value
	if err := in.parseArgs("__import__", args, kwnames, []string{"name", "globals", "locals", "fromlist", "level"}, 1, &name, &globals, &locals, &fromlist, &level); err != nil {
		return Value{}, err
	}
	if name.Type() != strType {
		return Value{}, in.raise(typeErrorType, "__import__() argument 1 must be str, not %s", name.Type().Name)
	}
	lv := 0
	if !level.IsNil() {
		if !level.IsSmallInt() {
			return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", level.Type().Name)
		}
		if level.SmallInt() < 0 {
			return Value{}, in.raise(valueErrorType, "level must be >= 0")
		}
		lv = int(level.SmallInt())
	}
	var g *Dict
	switch {
	case !globals.IsNil() && globals.Type() == dictType:
		g = asObject[Dict](globals)
	case lv > 0:
		return Value{}, in.raise(keyErrorType, "'__name__' not in globals")
	default:
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(d)
		g = asObject[Dict](d)
	}
	if fromlist.IsNil() {
		fromlist = None
	}
	if fromlist.Type() == listType {
		t, err := in.NewTuple(asObject[List](fromlist).items...)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(t)
		fromlist = t
	}
	return in.importName(g, name, fromlist, lv)
}

func init() {
	defGetSet(builtinFunctionType, "__name__", func(in *Interp, v Value) (Value, error) {
		return in.NewStr(asObject[Builtin](v).name)
	}, nil)
	defGetSet(builtinFunctionType, "__qualname__", func(in *Interp, v Value) (Value, error) {
		b := asObject[Builtin](v)
		if b.method != nil {
			owner := b.self.Type()
			if isType(b.self) && b.method.static {
				owner = (*Type)(b.self.p)
			}
			return in.NewStr(owner.qualname() + "." + b.name)
		}
		return in.NewStr(b.name)
	}, nil)
	defGetSet(builtinFunctionType, "__self__", func(in *Interp, v Value) (Value, error) {
		b := asObject[Builtin](v)
		if b.method != nil {
			incRef(b.self)
			return b.self, nil
		}
		// A module's function is bound to its module, as in CPython.
		if name := builtinModuleOf(asObject[Builtin](v)); name != "builtins" {
			if m, ok, err := in.DictGet(in.modules, internName(name)); err != nil || ok {
				if ok {
					incRef(m)
				}
				return m, err
			}
		}
		m := valueOf(in.builtinsModule)
		incRef(m)
		return m, nil
	}, nil)
	defGetSet(builtinFunctionType, "__module__", func(in *Interp, v Value) (Value, error) {
		b := asObject[Builtin](v)
		if b.method != nil {
			return None, nil
		}
		return internName(builtinModuleOf(b)), nil
	}, nil)
	// pickle saves a module's function by name, a bound method as
	// getattr(self, name), as CPython's meth_reduce says.
	defMethod(builtinFunctionType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		b := asObject[Builtin](args[0])
		if b.method == nil || b.self.Type().IsSubtype(moduleType) {
			return in.NewStr(b.name)
		}
		ga, err := in.builtinNamed("getattr")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(ga)
		n, err := in.NewStr(b.name)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(n)
		a, err := in.NewTuple(b.self, n)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(a)
		return in.NewTuple(ga, a)
	})
	defGetSet(methodDescrType, "__name__", func(in *Interp, v Value) (Value, error) {
		return in.NewStr(asObject[MethodDescr](v).name)
	}, nil)
	defGetSet(methodDescrType, "__qualname__", func(in *Interp, v Value) (Value, error) {
		d := asObject[MethodDescr](v)
		return in.NewStr(d.owner.qualname() + "." + d.name)
	}, nil)
	defGetSet(methodDescrType, "__objclass__", func(in *Interp, v Value) (Value, error) {
		return valueOf(asObject[MethodDescr](v).owner), nil
	}, nil)
	// A static method such as int.__new__ is, in CPython, a builtin
	// bound to its type (copyreg tests new.__self__ is base).
	defGetSet(methodDescrType, "__self__", func(in *Interp, v Value) (Value, error) {
		d := asObject[MethodDescr](v)
		if !d.static {
			return Value{}, in.raise(attributeErrorType, "'method_descriptor' object has no attribute '__self__'")
		}
		return valueOf(d.owner), nil
	}, nil)
}

func init() {
	// Builtin names CPython has whose features do not exist yet: they
	// say so instead of being unknown names.
	for _, name := range []string{"breakpoint", "help"} {
		name := name
		builtinFuncs = append(builtinFuncs, newBuiltin(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return Value{}, in.raise(notImplementedErrorType, "%s() is not implemented yet", name)
		}))
	}
}

func init() {
	// types.MethodType(function, instance).
	boundMethodType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("method", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		if args[0].Type().call == nil {
			return Value{}, in.raise(typeErrorType, "first argument must be callable")
		}
		if args[1].IsNone() {
			return Value{}, in.raise(typeErrorType, "instance must not be None")
		}
		return in.newBoundMethod(args[0], args[1])
	}
}

func init() {
	// The rest of object's methods that the standard library looks up
	// (reduction is in reduce.go).
	defMethod(objectType, "__dir__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		names := in.attributeNames(args[0])
		vs := make([]Value, len(names))
		for i, n := range names {
			vs[i] = internName(n)
		}
		return in.NewList(vs...)
	})
	defClassMethod(objectType, "__subclasshook__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return NotImplemented, nil
	})
}
