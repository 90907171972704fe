package interp

// Pickling exceptions (BaseException.__reduce__ and __setstate__, and the
// forms OSError, ImportError and AttributeError give), and ImportError's
// keyword arguments and msg, path and str, as CPython 3.12's exceptions.c.

// keywordExceptionTypes are the exceptions whose constructors take
// keyword arguments (the rest take none): ImportError(msg, name=,
// path=), AttributeError(name=, obj=), NameError(name=).
var keywordExceptionTypes = []*Type{importErrorType, attributeErrorType, nameErrorType}

// takesKeywords tells whether t's constructor takes keyword arguments.
func takesKeywords(t *Type) bool {
	for _, k := range keywordExceptionTypes {
		if t.IsSubtype(k) {
			return true
		}
	}
	return false
}

// exceptionKeywords sets the fields keyword arguments name (the last
// len(kwnames) of args) on the exceptions that take them, and
// ImportError's msg from a lone positional argument.
func (in *Interp) exceptionKeywords(e *Exception, args, kwnames []Value) error {
	t := valueOf(e).Type()
	var kind *Type
	for _, k := range keywordExceptionTypes {
		if t.IsSubtype(k) {
			kind = k
		}
	}
	if kind == nil {
		return nil
	}
	pos := args[:len(args)-len(kwnames)]
	for i, k := range kwnames {
		var field *Value
		switch name := k.GoString(); {
		case name == "name":
			field = &e.name
		case name == "path" && kind == importErrorType:
			field = &e.path
		case name == "obj" && kind == attributeErrorType:
			field = &e.obj
		default:
			return in.raise(typeErrorType, "'%s' is an invalid keyword argument for %s()", name, kind.Name)
		}
		v := args[len(pos)+i]
		incRef(v)
		old := *field
		*field = v
		in.xdecRef(old)
	}
	if kind != importErrorType {
		return nil
	}
	var msg Value
	if len(pos) == 1 {
		msg = pos[0]
		incRef(msg)
	}
	old := e.msg
	e.msg = msg
	in.xdecRef(old)
	return nil
}

// exceptionState is a copy of the exception's __dict__ with extra (the
// attributes a type adds, nil values left out), or nil when empty.
func (in *Interp) exceptionState(e *Exception, extra []string, values []Value) (Value, error) {
	var d Value
	if !e.dict.IsNil() && asObject[Dict](e.dict).Len() > 0 {
		var err error
		if d, err = in.dictCopy(asObject[Dict](e.dict)); err != nil {
			return Value{}, err
		}
	}
	for i, name := range extra {
		v := values[i]
		if v.IsNil() || v.IsNone() {
			continue
		}
		if d.IsNil() {
			var err error
			if d, err = in.NewDict(); err != nil {
				return Value{}, err
			}
		}
		if err := in.DictSet(asObject[Dict](d), internName(name), v); err != nil {
			in.decRef(d)
			return Value{}, err
		}
	}
	return d, nil
}

// reduceWith is (type(e), args) or (type(e), args, state).
func (in *Interp) reduceWith(e *Exception, args, state Value) (Value, error) {
	t := valueOf(valueOf(e).Type())
	if state.IsNil() {
		return in.NewTuple(t, args)
	}
	defer in.decRef(state)
	return in.NewTuple(t, args, state)
}

func init() {
	defMethod(baseExceptionType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		e := asObject[Exception](args[0])
		state, err := in.exceptionState(e, nil, nil)
		if err != nil {
			return Value{}, err
		}
		return in.reduceWith(e, e.args, state)
	})
	defMethod(baseExceptionType, "__setstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__setstate__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		state := args[1]
		if state.IsNone() {
			return None, nil
		}
		if !state.Type().IsSubtype(dictType) {
			return Value{}, in.raise(typeErrorType, "state is not a dictionary")
		}
		// A snapshot: setting an attribute may run code that changes
		// the dict.
		var items []Value
		for _, en := range asObject[Dict](state).entries {
			if !en.key.IsNil() {
				incRef(en.key)
				incRef(en.value)
				items = append(items, en.key, en.value)
			}
		}
		defer in.releaseAll(items)
		for i := 0; i < len(items); i += 2 {
			if err := in.SetAttr(args[0], items[i], items[i+1]); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	})

	importError := exceptionTypes["ImportError"]
	defMethod(importError, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		e := asObject[Exception](args[0])
		state, err := in.exceptionState(e, []string{"name", "path", "name_from"}, []Value{e.name, e.path, e.value})
		if err != nil {
			return Value{}, err
		}
		return in.reduceWith(e, e.args, state)
	})
	importError.str = func(in *Interp, v Value) (Value, error) {
		if m := asObject[Exception](v).msg; !m.IsNil() && m.Type() == strType {
			incRef(m)
			return m, nil
		}
		return exceptionStr(in, v)
	}
	for _, f := range []struct {
		name  string
		field func(e *Exception) *Value
	}{{"msg", func(e *Exception) *Value { return &e.msg }}, {"path", func(e *Exception) *Value { return &e.path }}} {
		get, set := exceptionField(f.field, true)
		defGetSet(importError, f.name, get, set)
	}

	defMethod(attributeErrorType, "__getstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__getstate__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.attributeErrorState(asObject[Exception](args[0]))
	})
	defMethod(attributeErrorType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		e := asObject[Exception](args[0])
		state, err := in.attributeErrorState(e)
		if err != nil {
			return Value{}, err
		}
		return in.reduceWith(e, e.args, state)
	})

	defMethod(osErrorType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		e := asObject[Exception](args[0])
		rargs := e.args
		incRef(rargs)
		// With a file name, the arguments are rebuilt from the fields so
		// that unpickling sets it again.
		if f := osErrorFields(e); f != nil && len(asObject[Tuple](e.args).items) == 2 && !f[2].Is(osErrorUnset) && !f[2].IsNone() {
			items := []Value{asObject[Tuple](e.args).items[0], asObject[Tuple](e.args).items[1], f[2]}
			if !f[3].Is(osErrorUnset) && !f[3].IsNone() {
				items = append(items, None, f[3])
			}
			in.decRef(rargs)
			var err error
			if rargs, err = in.NewTuple(items...); err != nil {
				return Value{}, err
			}
		}
		defer in.decRef(rargs)
		state, err := in.exceptionState(e, nil, nil)
		if err != nil {
			return Value{}, err
		}
		return in.reduceWith(e, rargs, state)
	})
}

// attributeErrorState is AttributeError.__getstate__: the __dict__ with
// name (when set) and args, always a dict.
func (in *Interp) attributeErrorState(e *Exception) (Value, error) {
	d, err := in.exceptionState(e, []string{"name", "args"}, []Value{e.name, e.args})
	if err != nil {
		return Value{}, err
	}
	if d.IsNil() {
		return in.NewDict()
	}
	return d, nil
}
