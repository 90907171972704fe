package interp

// The attributes and methods of exceptions: args, __cause__, __context__,
// __suppress_context__, add_note, with_traceback, and the fields some
// exception types derive from their arguments.

// exceptionNew is BaseException.__new__: an exception of type t whose
// args are the call's positional arguments.
func exceptionNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	e, err := in.newException(t, args[:len(args)-len(kwnames)]...)
	if err != nil {
		return Value{}, err
	}
	in.setDerived(e, args[:len(args)-len(kwnames)])
	return valueOf(e), nil
}

// exceptionInit is BaseException.__init__: args become the arguments.
func exceptionInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 && !takesKeywords(self.Type()) {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", self.Type().Name)
	}
	pos := args[:len(args)-len(kwnames)]
	t, err := in.NewTuple(pos...)
	if err != nil {
		return err
	}
	e := asObject[Exception](self)
	in.decRef(e.args)
	e.args = t
	in.setDerived(e, pos)
	return in.exceptionKeywords(e, args, kwnames)
}

// setDerived sets the fields CPython's exception types fill from their
// arguments at __init__: StopIteration.value and SystemExit.code.
func (in *Interp) setDerived(e *Exception, args []Value) {
	t := valueOf(e).Type()
	var v Value
	switch {
	case t.IsSubtype(stopIterationType):
		v = None
		if len(args) > 0 {
			v = args[0]
		}
	case t.IsSubtype(systemExitType):
		v = None
		if len(args) == 1 {
			v = args[0]
		} else if len(args) > 1 {
			v = e.args
		}
	default:
		return
	}
	incRef(v)
	in.xdecRef(e.value)
	e.value = v
}

var (
	stopIterationType  = exceptionTypes["StopIteration"]
	systemExitType     = exceptionTypes["SystemExit"]
	attributeErrorType = exceptionTypes["AttributeError"]
)

// setNameObj records the name (and object) an AttributeError or
// NameError is about, for the traceback's "Did you mean" hint.
func (e *Exception) setNameObj(name, obj Value) {
	incRef(name)
	e.name = name
	if !obj.IsNil() {
		incRef(obj)
		e.obj = obj
	}
}

func exceptionField(get func(e *Exception) *Value, settable bool) (func(in *Interp, v Value) (Value, error), func(in *Interp, v, value Value) error) {
	getter := func(in *Interp, v Value) (Value, error) {
		f := *get(asObject[Exception](v))
		if f.IsNil() {
			return None, nil
		}
		incRef(f)
		return f, nil
	}
	if !settable {
		return getter, nil
	}
	return getter, func(in *Interp, v, value Value) error {
		// None and deletion leave the field empty, which reads as None
		// (and a chain link of None is no link).
		if value.IsNone() {
			value = Value{}
		}
		p := get(asObject[Exception](v))
		if !value.IsNil() {
			incRef(value)
		}
		old := *p
		*p = value
		in.xdecRef(old)
		return nil
	}
}

func init() {
	defMethod(baseExceptionType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := exceptionInit(in, args[0], args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return None, nil
	})
	defStatic(baseExceptionType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) == 0 || !isType(args[0]) || !(*Type)(args[0].p).IsSubtype(baseExceptionType) {
			return Value{}, in.raise(typeErrorType, "BaseException.__new__(X): X is not a subtype of BaseException")
		}
		return exceptionNew(in, (*Type)(args[0].p), args[1:], kwnames)
	})
	defMethod(baseExceptionType, "__str__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return exceptionStr(in, args[0])
	})
	defMethod(baseExceptionType, "__repr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return exceptionRepr(in, args[0])
	})
	defMethod(baseExceptionType, "with_traceback", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("with_traceback", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if err := in.setTraceback(asObject[Exception](args[0]), args[1]); err != nil {
			return Value{}, err
		}
		incRef(args[0])
		return args[0], nil
	})
	defMethod(baseExceptionType, "add_note", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("add_note", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		note := args[1]
		if note.Type() != strType {
			return Value{}, in.raise(typeErrorType, "note must be a str, not '%s'", note.Type().Name)
		}
		self := args[0]
		notes, err := in.lookupAttr(self, internName("__notes__"))
		if err != nil {
			return Value{}, err
		}
		if notes.IsNil() {
			if notes, err = in.NewList(); err != nil {
				return Value{}, err
			}
			if err := in.SetAttr(self, internName("__notes__"), notes); err != nil {
				in.decRef(notes)
				return Value{}, err
			}
		}
		defer in.decRef(notes)
		if notes.Type() != listType {
			return Value{}, in.raise(typeErrorType, "Cannot add note: __notes__ is not a list")
		}
		return None, in.Append(asObject[List](notes), note)
	})
	defGetSet(baseExceptionType, "args", func(in *Interp, v Value) (Value, error) {
		a := asObject[Exception](v).args
		incRef(a)
		return a, nil
	}, func(in *Interp, v, value Value) error {
		if value.IsNil() {
			return in.raise(typeErrorType, "args may not be deleted")
		}
		items, err := in.iterateAll(value)
		if err != nil {
			return err
		}
		t, err := in.NewTuple(items...)
		for _, x := range items {
			in.decRef(x)
		}
		if err != nil {
			return err
		}
		e := asObject[Exception](v)
		in.decRef(e.args)
		e.args = t
		return nil
	})
	// Each setter keeps its own field setter: the closures must not
	// share the variables reused below.
	getCause, setCause := exceptionField(func(e *Exception) *Value { return &e.cause }, true)
	defGetSet(baseExceptionType, "__cause__", getCause, func(in *Interp, v, value Value) error {
		if !value.IsNil() && !value.IsNone() && !value.Type().IsSubtype(baseExceptionType) {
			return in.raise(typeErrorType, "exception cause must be None or derive from BaseException")
		}
		asObject[Exception](v).suppressContext = true
		return setCause(in, v, value)
	})
	getContext, setContext := exceptionField(func(e *Exception) *Value { return &e.context }, true)
	defGetSet(baseExceptionType, "__context__", getContext, func(in *Interp, v, value Value) error {
		if !value.IsNil() && !value.IsNone() && !value.Type().IsSubtype(baseExceptionType) {
			return in.raise(typeErrorType, "exception context must be None or derive from BaseException")
		}
		return setContext(in, v, value)
	})
	defGetSet(baseExceptionType, "__suppress_context__", func(in *Interp, v Value) (Value, error) {
		return Bool(asObject[Exception](v).suppressContext), nil
	}, func(in *Interp, v, value Value) error {
		t, err := in.Truth(value)
		asObject[Exception](v).suppressContext = t
		return err
	})
	defGetSet(baseExceptionType, "__traceback__", func(in *Interp, v Value) (Value, error) {
		return in.tracebackValue(asObject[Exception](v))
	}, func(in *Interp, v, value Value) error {
		if value.IsNil() {
			return in.raise(typeErrorType, "__traceback__ may not be deleted")
		}
		return in.setTraceback(asObject[Exception](v), value)
	})
	get, set := exceptionField(func(e *Exception) *Value { return &e.value }, true)
	defGetSet(stopIterationType, "value", get, set)
	defGetSet(systemExitType, "code", get, set)
	get, set = exceptionField(func(e *Exception) *Value { return &e.name }, true)
	for _, t := range []*Type{attributeErrorType, nameErrorType, exceptionTypes["ImportError"]} {
		defGetSet(t, "name", get, set)
	}
	get, set = exceptionField(func(e *Exception) *Value { return &e.value }, true)
	defGetSet(exceptionTypes["ImportError"], "name_from", get, set)
	get, set = exceptionField(func(e *Exception) *Value { return &e.obj }, true)
	defGetSet(attributeErrorType, "obj", get, set)
}
