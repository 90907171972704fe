package interp

// The special methods of set and frozenset that expose their slots
// (__len__, __or__, __eq__, ...), and __new__ and __init__, which the
// constructors of subclasses run.

func init() {
	setType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if t == setType && len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "set() takes no keyword arguments")
		}
		return in.makeNewSet(t, Value{})
	}
	setType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error {
		iterable, err := in.setConstructorArg("set", args, kwnames)
		if err != nil {
			return err
		}
		s := asObject[Set](self)
		if s.fill > 0 {
			if err := in.setClear(s); err != nil {
				return err
			}
		}
		if iterable.IsNil() {
			return nil
		}
		return in.setUpdateInternal(s, iterable)
	}
	frozensetType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 && !in.refusesKeywords(t, frozensetType, "__init__") {
			args, kwnames = args[:len(args)-len(kwnames)], nil // the class's __init__ takes them
		}
		iterable, err := in.setConstructorArg("frozenset", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		return in.makeNewSet(t, iterable)
	}
	frozensetType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error { return nil }

	defStatic(setType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		t, err := in.setNewClass("set", args)
		if err != nil {
			return Value{}, err
		}
		return setType.new(in, t, args[1:], kwnames)
	})
	defMethod(setType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, setType.init(in, args[0], args[1:], kwnames)
	})
	defStatic(frozensetType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		t, err := in.setNewClass("frozenset", args)
		if err != nil {
			return Value{}, err
		}
		return frozensetType.construct(in, t, args[1:], kwnames)
	})

	for _, t := range []*Type{setType, frozensetType} {
		t := t
		defSetBytesWrapper(t, "__len__", 0, func(in *Interp, v, _ Value) (Value, error) {
			return Int(int64(asObject[Set](v).used)), nil
		})
		defSetBytesWrapper(t, "__repr__", 0, func(in *Interp, v, _ Value) (Value, error) { return setRepr(in, v) })
		defSetBytesWrapper(t, "__iter__", 0, func(in *Interp, v, _ Value) (Value, error) { return setIter(in, v) })
		for op, name := range compareDunders {
			op := CompareOp(op)
			defSetBytesWrapper(t, name, 1, func(in *Interp, a, b Value) (Value, error) { return setCompare(in, a, b, op) })
		}
		for _, m := range []struct {
			name string
			fn   func(in *Interp, a, b Value) (Value, error)
		}{{"or", setOr}, {"and", setAnd}, {"sub", setSub}, {"xor", setXor}} {
			fn := m.fn
			defSetBytesWrapper(t, "__"+m.name+"__", 1, fn)
			defSetBytesWrapper(t, "__r"+m.name+"__", 1, func(in *Interp, a, b Value) (Value, error) { return fn(in, b, a) })
		}
	}
	defSetBytesWrapper(frozensetType, "__hash__", 0, func(in *Interp, v, _ Value) (Value, error) {
		h, err := frozensetHash(in, v)
		return Int(h), err
	})
	setType.attrs["__hash__"] = None
	for _, m := range []struct {
		name string
		fn   func(in *Interp, a, b Value) (Value, error)
	}{{"__ior__", setIOr}, {"__iand__", setIAnd}, {"__isub__", setISub}, {"__ixor__", setIXor}} {
		defSetBytesWrapper(setType, m.name, 1, m.fn)
	}
}

// defIterDunders gives an iterator type of these files __iter__ and
// __next__.
func defIterDunders(t *Type) {
	defSetBytesWrapper(t, "__iter__", 0, func(in *Interp, v, _ Value) (Value, error) {
		incRef(v)
		return v, nil
	})
	defSetBytesWrapper(t, "__next__", 0, func(in *Interp, v, _ Value) (Value, error) {
		r, ok, err := t.next(in, v)
		if err != nil || ok {
			return r, err
		}
		e, err := in.newException(stopIterationType)
		if err != nil {
			return Value{}, err
		}
		return Value{}, e
	})
}

func init() {
	for _, t := range []*Type{setIteratorType, bytesIteratorType, bytearrayIteratorType} {
		defIterDunders(t)
	}
}

// setNewClass checks the class argument of set.__new__ or
// frozenset.__new__.
func (in *Interp) setNewClass(name string, args []Value) (*Type, error) {
	if len(args) == 0 {
		return nil, in.raise(typeErrorType, "%s.__new__(): not enough arguments", name)
	}
	if !isType(args[0]) {
		return nil, in.raise(typeErrorType, "%s.__new__(X): X is not a type object (%s)", name, args[0].Type().Name)
	}
	t := (*Type)(args[0].p)
	base := setType
	if name == "frozenset" {
		base = frozensetType
	}
	if t != base && !t.IsSubtype(base) {
		return nil, in.raise(typeErrorType, "%s.__new__(%s): %s is not a subtype of %s", name, t.Name, t.Name, name)
	}
	return t, nil
}
