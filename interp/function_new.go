package interp

// Calling the function type itself, types.FunctionType(code, globals,
// name=None, argdefs=None, closure=None, kwdefaults=None), as CPython's
// func_new, with its checks and messages.

func init() {
	functionType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		var code, globals, name, argdefs, closure, kwdefaults Value
		if err := in.parseArgs("function", args, kwnames, []string{"code", "globals", "name", "argdefs", "closure", "kwdefaults"}, 2,
			&code, &globals, &name, &argdefs, &closure, &kwdefaults); err != nil {
			return Value{}, err
		}
		if code.Type() != codeType {
			return Value{}, in.raise(typeErrorType, "function() argument 'code' must be code, not %s", code.Type().Name)
		}
		if globals.Type() != dictType && !globals.Type().IsSubtype(dictType) {
			return Value{}, in.raise(typeErrorType, "function() argument 'globals' must be dict, not %s", globals.Type().Name)
		}
		if !name.IsNil() && !name.IsNone() && name.Type() != strType {
			return Value{}, in.raise(typeErrorType, "arg 3 (name) must be None or string")
		}
		if !argdefs.IsNil() && !argdefs.IsNone() && argdefs.Type() != tupleType {
			return Value{}, in.raise(typeErrorType, "arg 4 (defaults) must be None or tuple")
		}
		if !kwdefaults.IsNil() && !kwdefaults.IsNone() && kwdefaults.Type() != dictType {
			return Value{}, in.raise(typeErrorType, "arg 6 (kwdefaults) must be None or dict")
		}
		c := asObject[Code](code)
		nfree := len(c.tmpl.Freevars())
		hasClosure := !closure.IsNil() && !closure.IsNone()
		switch {
		case nfree == 0 && hasClosure && closure.Type() != tupleType:
			return Value{}, in.raise(typeErrorType, "arg 5 (closure) must be None or tuple")
		case nfree > 0 && (!hasClosure || closure.Type() != tupleType):
			return Value{}, in.raise(typeErrorType, "arg 5 (closure) must be tuple")
		}
		if hasClosure {
			cells := asObject[Tuple](closure).items
			if len(cells) != nfree {
				return Value{}, in.raise(valueErrorType, "%s requires closure of length %d, not %d", c.tmpl.Name, nfree, len(cells))
			}
			for _, x := range cells {
				if x.Type() != cellType {
					return Value{}, in.raise(typeErrorType, "arg 5 (closure) expected cell, found %s", x.Type().Name)
				}
			}
		}
		fn := in.free.functions.get()
		fn.code = c
		if err := in.account(&fn.Header, functionType, functionSize); err != nil {
			return Value{}, err
		}
		incRef(globals)
		fn.globals = globals
		fn.name = internName(c.tmpl.Name)
		if !name.IsNil() && !name.IsNone() {
			incRef(name)
			fn.name = name
		}
		fn.qualname = internName(c.tmpl.Qualname)
		for _, p := range []struct {
			dst *Value
			v   Value
		}{{&fn.defaults, argdefs}, {&fn.kwdefaults, kwdefaults}} {
			if !p.v.IsNil() && !p.v.IsNone() {
				incRef(p.v)
				*p.dst = p.v
			}
		}
		if hasClosure && nfree > 0 {
			incRef(closure)
			fn.closure = closure
		}
		if m, ok, err := in.mappingGet(globals, internName("__name__")); err != nil {
			in.decRef(valueOf(fn))
			return Value{}, err
		} else if ok {
			fn.module = m
		}
		return valueOf(fn), nil
	}
}
