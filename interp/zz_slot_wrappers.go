package interp

// Slot wrappers: a built-in type's slots seen as methods (int.__repr__,
// function.__get__, list.__len__ ...), for code that calls them by name,
// as CPython's wrapper descriptors do. Types that define a dunder
// themselves keep theirs. This file's name makes its init run after
// every other file's (Go runs a package's init functions in file-name
// order), once all slots are set.

func init() {
	for _, t := range builtinTypes {
		addSlotWrappers(t)
	}
}

func addSlotWrappers(t *Type) {
	add := func(name string, fn MethodFunc) {
		if _, ok := t.attrs[name]; !ok {
			defMethod(t, name, fn)
		}
	}
	wantArgs := func(in *Interp, name string, args, kwnames []Value, n int) error {
		if len(kwnames) > 0 {
			return in.raise(typeErrorType, "%s() takes no keyword arguments", name)
		}
		if got := len(args) - 1; got != n {
			if n == 0 {
				return in.raise(typeErrorType, "expected 0 arguments, got %d", got)
			}
			return in.raise(typeErrorType, "expected %d argument%s, got %d", n, pluralS(n), got)
		}
		return nil
	}
	// The exceptions share BaseException's own __init__ and __new__
	// (OSError's parse their arguments there): no wrapper shadows them.
	exception := t.IsSubtype(baseExceptionType)
	// str, int and complex take their arguments in __new__; like CPython
	// they have no __init__ of their own (object's applies), so a class's
	// other bases' __init__ stays visible.
	objectsInit := t == strType || t == intType || t == complexType
	if initSlot := t.init; initSlot != nil && !exception && !objectsInit {
		add("__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return None, initSlot(in, args[0], args[1:], kwnames)
		})
	}
	if newSlot := t.new; newSlot != nil && !exception {
		if _, ok := t.attrs["__new__"]; !ok {
			defStatic(t, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if len(args) <= len(kwnames) || !isType(args[0]) {
					return Value{}, in.raise(typeErrorType, "%s.__new__(X): X is not a type object", t.Name)
				}
				cls := (*Type)(args[0].p)
				if !cls.IsSubtype(t) {
					return Value{}, in.raise(typeErrorType, "%s.__new__(%s): %s is not a subtype of %s", t.Name, cls.Name, cls.Name, t.Name)
				}
				return newSlot(in, cls, args[1:], kwnames)
			})
		}
	}
	if getattr := t.getattr; getattr != nil {
		add("__getattribute__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__getattribute__", args, kwnames, 1); err != nil {
				return Value{}, err
			}
			if args[1].Type() != strType {
				return Value{}, in.raise(typeErrorType, "attribute name must be string, not '%s'", args[1].Type().Name)
			}
			return getattr(in, args[0], args[1])
		})
	}
	if setattr := t.setattr; setattr != nil {
		add("__setattr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__setattr__", args, kwnames, 2); err != nil {
				return Value{}, err
			}
			return None, setattr(in, args[0], args[1], args[2])
		})
		add("__delattr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__delattr__", args, kwnames, 1); err != nil {
				return Value{}, err
			}
			return None, setattr(in, args[0], args[1], Value{})
		})
	}
	if get := t.descrGet; get != nil {
		add("__get__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 || len(args) < 2 || len(args) > 3 {
				return Value{}, in.raise(typeErrorType, "__get__ expected 1 or 2 arguments, got %d", len(args)-1)
			}
			obj := args[1]
			var owner *Type
			if len(args) == 3 && !args[2].IsNone() {
				if !isType(args[2]) {
					return Value{}, in.raise(typeErrorType, "__get__(None, None) is invalid")
				}
				owner = (*Type)(args[2].p)
			}
			if obj.IsNone() {
				if owner == nil {
					return Value{}, in.raise(typeErrorType, "__get__(None, None) is invalid")
				}
				obj = Value{}
			}
			return get(in, args[0], obj, owner)
		})
	}
	if set := t.descrSet; set != nil {
		add("__set__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__set__", args, kwnames, 2); err != nil {
				return Value{}, err
			}
			return None, set(in, args[0], args[1], args[2])
		})
		add("__delete__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__delete__", args, kwnames, 1); err != nil {
				return Value{}, err
			}
			return None, set(in, args[0], args[1], Value{})
		})
	}
	if call := t.call; call != nil && t != typeType {
		add("__call__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return call(in, args[0], args[1:], kwnames)
		})
	}
	if repr := t.repr; repr != nil {
		add("__repr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__repr__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			return repr(in, args[0])
		})
	}
	if str := t.str; str != nil {
		add("__str__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__str__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			return str(in, args[0])
		})
	}
	if hash := t.hash; hash != nil {
		add("__hash__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__hash__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			h, err := hash(in, args[0])
			return Int(h), err
		})
	}
	if length := t.length; length != nil {
		add("__len__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__len__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			n, err := length(in, args[0])
			return Int(int64(n)), err
		})
	}
	if getitem := t.getitem; getitem != nil {
		add("__getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__getitem__", args, kwnames, 1); err != nil {
				return Value{}, err
			}
			return getitem(in, args[0], args[1])
		})
	}
	if setitem := t.setitem; setitem != nil {
		add("__setitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__setitem__", args, kwnames, 2); err != nil {
				return Value{}, err
			}
			return None, setitem(in, args[0], args[1], args[2])
		})
		add("__delitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__delitem__", args, kwnames, 1); err != nil {
				return Value{}, err
			}
			return None, setitem(in, args[0], args[1], Value{})
		})
	}
	if contains := t.contains; contains != nil {
		add("__contains__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__contains__", args, kwnames, 1); err != nil {
				return Value{}, err
			}
			ok, err := contains(in, args[0], args[1])
			return Bool(ok), err
		})
	}
	if iter := t.iter; iter != nil {
		add("__iter__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__iter__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			return iter(in, args[0])
		})
	}
	if next := t.next; next != nil {
		add("__next__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__next__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			v, ok, err := next(in, args[0])
			if err == nil && !ok {
				e, nerr := in.newException(stopIterationType)
				if nerr != nil {
					return Value{}, nerr
				}
				in.setDerived(e, nil)
				return Value{}, e
			}
			return v, err
		})
	}
	if boolean := t.boolean; boolean != nil {
		add("__bool__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := wantArgs(in, "__bool__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			b, err := boolean(in, args[0])
			return Bool(b), err
		})
	}
	if compare := t.compare; compare != nil {
		for op, name := range compareDunders {
			op, name := CompareOp(op), name
			add(name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := wantArgs(in, name, args, kwnames, 1); err != nil {
					return Value{}, err
				}
				return compare(in, args[0], args[1], op)
			})
		}
	}
}

func init() {
	// Every built-in type has a __doc__ (their docstrings are not kept:
	// it reads None), so instances find one through their type.
	for _, t := range builtinTypes {
		if _, ok := t.attrs["__doc__"]; !ok && t != typeType {
			t.attrs["__doc__"] = None
		}
	}
}
