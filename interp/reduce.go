package interp

import (
	"slices"
	"strings"
)

// Reduction, the protocol pickle and copy use to take an object apart:
// object.__reduce_ex__, __reduce__ and __getstate__ as CPython's
// typeobject.c has them (protocol 2 and later build the tuple here with
// copyreg.__newobj__; older protocols go to copyreg._reduce_ex), and the
// type attributes that copyreg and inspect read (__flags__,
// __abstractmethods__).

// CPython's type flags, for __flags__.
const (
	pyTPFlagsManagedWeakref = 1 << 3
	pyTPFlagsManagedDict    = 1 << 4
	pyTPFlagsSequence       = 1 << 5
	pyTPFlagsMapping        = 1 << 6
	pyTPFlagsImmutableType  = 1 << 8
	pyTPFlagsHeapType       = 1 << 9
	pyTPFlagsBaseType       = 1 << 10
	pyTPFlagsReady          = 1 << 12
	pyTPFlagsHaveGC         = 1 << 14
	pyTPFlagsIsAbstract     = 1 << 20
)

// The names the reduction protocol reads on every call, interned once
// (internName's shared map cost more than the lookups it names), and
// object's own __reduce__ and __getstate__, which reduceEx and getState
// compare a class's with.
var (
	copyregName, newobjName, newobjExName, reduceExName, slotnamesName Value
	objectReduce, objectGetState                                       Value
)

// copyregFunc returns copyreg's function name (a new reference). As
// CPython's import_copyreg, sys.modules' copyreg is taken when it is
// there: the import and its key str only when it is not.
func (in *Interp) copyregFunc(name Value) (Value, error) {
	m, ok, err := in.DictGet(in.modules, copyregName)
	if err != nil {
		return Value{}, err
	}
	if ok && !m.IsNone() {
		incRef(m) // a module __getattr__ may drop sys.modules' reference
	} else if m, err = in.importModule("copyreg"); err != nil {
		return Value{}, err
	}
	if m.Type() == moduleType {
		// The module's own namespace: copyreg's names are none of the
		// module type's attributes, which would come before it.
		if v, ok, err := in.DictGet(asObject[Dict](asObject[Module](m).dict), name); err == nil && ok {
			incRef(v)
			in.decRef(m)
			return v, nil
		}
	}
	r, err := in.GetAttr(m, name)
	in.decRef(m)
	return r, err
}

// reduceFacts is what a reduction looks up on an object's class: the
// class's __reduce__, __getstate__, __getnewargs_ex__ and __getnewargs__
// as lookupString finds them (borrowed from the namespaces that hold
// them; nil when missing). A class keeps its own, valid while its
// Version and its namespace's Version are those the lookups saw, as
// ctorCache: a class's lookup cache has 16 entries, which four names
// and the other lookups of copy.deepcopy would evict from each other.
type reduceFacts struct {
	stamp                                      classStamp
	reduce, getState, getNewArgsEx, getNewArgs Value
}

// reduceFactsOf returns t's reduceFacts, from its cache when that is
// still valid. The caller reads what it needs before it calls out: a
// call may change the class, and the next reduceFactsOf the facts. Each
// step of a reduction asks again.
func (in *Interp) reduceFactsOf(t *Type) (*reduceFacts, error) {
	f := t.reduce
	stamp, cacheable := stampOf(t)
	if cacheable && f != nil && f.stamp == stamp {
		return f, nil
	}
	var n reduceFacts
	var err error
	if n.reduce, err = in.lookupString(t, "__reduce__"); err != nil {
		return nil, err
	}
	if n.getState, err = in.lookupString(t, "__getstate__"); err != nil {
		return nil, err
	}
	if n.getNewArgsEx, err = in.lookupString(t, "__getnewargs_ex__"); err != nil {
		return nil, err
	}
	if n.getNewArgs, err = in.lookupString(t, "__getnewargs__"); err != nil {
		return nil, err
	}
	n.stamp = stamp
	if now, _ := stampOf(t); !cacheable || now != stamp {
		return &n, nil
	}
	if f == nil {
		f = new(reduceFacts)
		t.reduce = f
	}
	*f = n
	return f, nil
}

// reduceEx is object.__reduce_ex__(protocol).
func (in *Interp) reduceEx(obj Value, proto int) (Value, error) {
	f, err := in.reduceFactsOf(obj.Type())
	if err != nil {
		return Value{}, err
	}
	if reduce := f.reduce; !reduce.IsNil() && !reduce.Is(objectReduce) {
		return in.callAttrWithSelf(reduce, obj, nil, nil)
	}
	return in.commonReduce(obj, proto)
}

func (in *Interp) commonReduce(obj Value, proto int) (Value, error) {
	if proto >= 2 {
		return in.reduceNewObj(obj)
	}
	fn, err := in.copyregFunc(reduceExName)
	if err != nil {
		return Value{}, err
	}
	r, err := in.Call(fn, []Value{obj, Int(int64(proto))}, nil)
	in.decRef(fn)
	return r, err
}

// newArgs calls __getnewargs_ex__ or __getnewargs__, checking what
// they return as CPython does; args is nil when the object has neither.
func (in *Interp) newArgs(obj Value) (args, kwargs Value, err error) {
	f, err := in.reduceFactsOf(obj.Type())
	if err != nil {
		return Value{}, Value{}, err
	}
	if m := f.getNewArgsEx; !m.IsNil() {
		r, err := in.callAttrWithSelf(m, obj, nil, nil)
		if err != nil {
			return Value{}, Value{}, err
		}
		if r.Type() != tupleType && !r.Type().IsSubtype(tupleType) {
			err := in.raise(typeErrorType, "__getnewargs_ex__ should return a tuple, not '%s'", r.Type().Name)
			in.decRef(r)
			return Value{}, Value{}, err
		}
		items := asObject[Tuple](r).items
		if len(items) != 2 {
			in.decRef(r)
			return Value{}, Value{}, in.raise(valueErrorType, "__getnewargs_ex__ should return a tuple of length 2, not %d", len(items))
		}
		a, k := items[0], items[1]
		// The error is made before r, which may hold a and k's only
		// references, is released.
		if a.Type() != tupleType && !a.Type().IsSubtype(tupleType) {
			err := in.raise(typeErrorType, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'", a.Type().Name)
			in.decRef(r)
			return Value{}, Value{}, err
		}
		if k.Type() != dictType && !k.Type().IsSubtype(dictType) {
			err := in.raise(typeErrorType, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'", k.Type().Name)
			in.decRef(r)
			return Value{}, Value{}, err
		}
		incRef(a)
		incRef(k)
		in.decRef(r)
		return a, k, nil
	}
	// No call since f was read: it still holds.
	if m := f.getNewArgs; !m.IsNil() {
		r, err := in.callAttrWithSelf(m, obj, nil, nil)
		if err != nil {
			return Value{}, Value{}, err
		}
		if r.Type() != tupleType && !r.Type().IsSubtype(tupleType) {
			err := in.raise(typeErrorType, "__getnewargs__ should return a tuple, not '%s'", r.Type().Name)
			in.decRef(r)
			return Value{}, Value{}, err
		}
		return r, Value{}, nil
	}
	return Value{}, Value{}, nil
}

// reduceNewObj is reduce_newobj: (copyreg.__newobj__, (cls, *args),
// state, listitems, dictitems), or __newobj_ex__ with keyword arguments.
func (in *Interp) reduceNewObj(obj Value) (Value, error) {
	t := obj.Type()
	if t.new == nil && t.construct == nil {
		return Value{}, in.raise(typeErrorType, "cannot pickle '%s' object", t.Name)
	}
	args, kwargs, err := in.newArgs(obj)
	if err != nil {
		return Value{}, err
	}
	// The parts are released here, whatever happened, rather than by a
	// defer each: five defers cost more than the rest of a reduction.
	var parts [5]Value
	r, err := in.reduceNewObjParts(obj, t, args, kwargs, &parts)
	for _, v := range parts {
		in.xdecRef(v)
	}
	in.xdecRef(args)
	in.xdecRef(kwargs)
	return r, err
}

// reduceNewObjParts makes reduceNewObj's tuple from parts, which it
// fills with new references as it makes them and empties when the
// tuple takes them over.
func (in *Interp) reduceNewObjParts(obj Value, t *Type, args, kwargs Value, parts *[5]Value) (Value, error) {
	hasArgs := !args.IsNil()
	var err error
	if kwargs.IsNil() || asObject[Dict](kwargs).used == 0 {
		if parts[0], err = in.copyregFunc(newobjName); err != nil {
			return Value{}, err
		}
		if hasArgs {
			items := append([]Value{valueOf(t)}, asObject[Tuple](args).items...)
			parts[1], err = in.NewTuple(items...)
		} else {
			parts[1], err = in.NewTuple(valueOf(t))
		}
	} else {
		if parts[0], err = in.copyregFunc(newobjExName); err != nil {
			return Value{}, err
		}
		parts[1], err = in.NewTuple(valueOf(t), args, kwargs)
	}
	if err != nil {
		return Value{}, err
	}
	isList := t == listType || t.IsSubtype(listType)
	isDict := t == dictType || t.IsSubtype(dictType)
	if parts[2], err = in.getState(obj, !(hasArgs || isList || isDict)); err != nil {
		return Value{}, err
	}
	parts[3], parts[4] = None, None
	if isList {
		if parts[3], err = in.getIter(obj); err != nil {
			return Value{}, err
		}
	}
	if isDict {
		items, err := in.CallMethod(obj, "items", nil, nil)
		if err != nil {
			return Value{}, err
		}
		parts[4], err = in.getIter(items)
		in.decRef(items)
		if err != nil {
			return Value{}, err
		}
	}
	return in.tupleTakeItems(parts[:])
}

// getState is object_getstate: obj.__getstate__(), or the default state
// with `required` (the object has no other way to be rebuilt) when
// __getstate__ is object's own.
func (in *Interp) getState(obj Value, required bool) (Value, error) {
	f, err := in.reduceFactsOf(obj.Type())
	if err != nil {
		return Value{}, err
	}
	if getstate := f.getState; !getstate.IsNil() && !getstate.Is(objectGetState) {
		return in.callAttrWithSelf(getstate, obj, nil, nil)
	}
	return in.defaultState(obj, required)
}

// defaultState is object.__getstate__: a copy of the instance dict (or
// None), paired with a dict of the __slots__ values when there are any.
func (in *Interp) defaultState(obj Value, required bool) (Value, error) {
	t := obj.Type()
	// Instances of built-in layouts other than object's hold state that
	// neither the dict nor slots capture.
	if required && t.layout != objectType && !t.IsSubtype(baseExceptionType) {
		return Value{}, in.raise(typeErrorType, "cannot pickle '%s' object", t.Name)
	}
	state := None
	if d := instanceDict(obj); d != nil && !d.IsNil() && asObject[Dict](*d).used > 0 {
		in.publishDict(*d) // as CPython's object_getstate materializes it
		c, err := in.dictCopy(asObject[Dict](*d))
		if err != nil {
			return Value{}, err
		}
		state = c
	}
	names, err := in.slotNames(t)
	if err != nil {
		in.decRef(state)
		return Value{}, err
	}
	defer in.decRef(names)
	nameItems, _ := seqItems(names)
	if len(nameItems) == 0 {
		return state, nil
	}
	slots, err := in.NewDict()
	if err != nil {
		in.decRef(state)
		return Value{}, err
	}
	for _, n := range nameItems {
		v, err := in.GetAttr(obj, n)
		if err != nil {
			if ErrorIs(err, attributeErrorType) {
				in.decRef(valueOf(err.(*Exception)))
				continue
			}
			in.decRef(slots)
			in.decRef(state)
			return Value{}, err
		}
		err = in.DictSet(asObject[Dict](slots), n, v)
		in.decRef(v)
		if err != nil {
			in.decRef(slots)
			in.decRef(state)
			return Value{}, err
		}
	}
	if asObject[Dict](slots).used == 0 {
		in.decRef(slots)
		return state, nil
	}
	r, err := in.NewTuple(state, slots)
	in.decRef(state)
	in.decRef(slots)
	return r, err
}

// slotNames is copyreg._slotnames(cls), cached as cls.__slotnames__.
func (in *Interp) slotNames(t *Type) (Value, error) {
	if t.dict != nil {
		if v, ok, err := in.DictGet(t.dict, slotnamesName); err != nil || ok && !v.IsNone() {
			if ok {
				incRef(v)
			}
			return v, err
		}
	}
	if t.Flags&TypeHeapType == 0 {
		return in.NewList()
	}
	fn, err := in.copyregFunc(internName("_slotnames"))
	if err != nil {
		return Value{}, err
	}
	r, err := in.Call(fn, []Value{valueOf(t)}, nil)
	in.decRef(fn)
	return r, err
}

// typeFlags is __flags__, with the bits of CPython's that mean something
// here.
func typeFlags(t *Type) int64 {
	var f int64 = pyTPFlagsReady
	if t.Flags&TypeHeapType != 0 {
		f |= pyTPFlagsHeapType
	} else {
		f |= pyTPFlagsImmutableType
	}
	if t.Flags&TypeBaseType != 0 {
		f |= pyTPFlagsBaseType
	}
	if typeIsGC(t) {
		f |= pyTPFlagsHaveGC
	}
	if t.Flags&TypeHeapType != 0 {
		if managedDict(t) {
			f |= pyTPFlagsManagedDict
		}
		if managedWeakref(t) {
			f |= pyTPFlagsManagedWeakref
		}
	}
	if t.Flags&TypeSequence != 0 {
		f |= pyTPFlagsSequence
	}
	if t.Flags&TypeMapping != 0 {
		f |= pyTPFlagsMapping
	}
	if t.Flags&TypeAbstract != 0 {
		f |= pyTPFlagsIsAbstract
	}
	for bit, base := range map[int]*Type{24: intType, 25: listType, 26: tupleType, 27: bytesType, 28: strType, 29: dictType, 30: baseExceptionType, 31: typeType} {
		if t == base || t.IsSubtype(base) {
			f |= 1 << bit
		}
	}
	return f
}

// abstractError is the TypeError for instantiating an abstract class.
func (in *Interp) abstractError(t *Type) error {
	var names []string
	if t.dict != nil {
		if am, ok, _ := in.DictGet(t.dict, internName("__abstractmethods__")); ok {
			if items, err := in.iterateAll(am); err == nil {
				for _, x := range items {
					if x.Type() == strType {
						names = append(names, "'"+x.GoString()+"'")
					}
					in.decRef(x)
				}
			} else {
				in.decRef(valueOf(err.(*Exception)))
			}
		}
	}
	slices.Sort(names)
	plural := "s"
	if len(names) == 1 {
		plural = ""
	}
	return in.raise(typeErrorType, "Can't instantiate abstract class %s without an implementation for abstract method%s %s", t.Name, plural, strings.Join(names, ", "))
}

func init() {
	defMethod(objectType, "__reduce_ex__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methodOneArg("object.__reduce_ex__", args, kwnames); err != nil {
			return Value{}, err
		}
		proto, err := in.cIntArg(args[1])
		if err != nil {
			return Value{}, err
		}
		return in.reduceEx(args[0], proto)
	})
	defMethod(objectType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.commonReduce(args[0], 0)
	})
	// A tuple subclass is rebuilt from a plain tuple of its items.
	defMethod(tupleType, "__getnewargs__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("tuple.__getnewargs__", args, kwnames); err != nil {
			return Value{}, err
		}
		items, err := in.NewTuple(asObject[Tuple](args[0]).items...)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(items)
		return in.NewTuple(items)
	})
	defMethod(objectType, "__getstate__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__getstate__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return in.defaultState(args[0], false)
	})
	objectReduce = objectType.attrs["__reduce__"]
	objectGetState = objectType.attrs["__getstate__"]
	copyregName = internName("copyreg")
	newobjName = internName("__newobj__")
	newobjExName = internName("__newobj_ex__")
	reduceExName = internName("_reduce_ex")
	slotnamesName = internName("__slotnames__")
	defGetSet(typeType, "__flags__", func(in *Interp, v Value) (Value, error) {
		return Int(typeFlags((*Type)(v.p))), nil
	}, nil)
	defGetSet(typeType, "__abstractmethods__", func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		if t != typeType && t.dict != nil {
			if am, ok, err := in.DictGet(t.dict, internName("__abstractmethods__")); err != nil || ok {
				if ok {
					incRef(am)
				}
				return am, err
			}
		}
		return Value{}, in.raise(attributeErrorType, "__abstractmethods__")
	}, func(in *Interp, v, value Value) error {
		t := (*Type)(v.p)
		if t.dict == nil {
			return in.raise(typeErrorType, "cannot set '__abstractmethods__' attribute of immutable type '%s'", t.Name)
		}
		key := internName("__abstractmethods__")
		if value.IsNil() {
			if _, err := in.DictDelete(t.dict, key); err != nil {
				if ErrorIs(err, keyErrorType) {
					in.decRef(valueOf(err.(*Exception)))
					return in.raise(attributeErrorType, "__abstractmethods__")
				}
				return err
			}
			t.Flags &^= TypeAbstract
			return nil
		}
		abstract, err := in.Truth(value)
		if err != nil {
			return err
		}
		if err := in.DictSet(t.dict, key, value); err != nil {
			return err
		}
		if abstract {
			t.Flags |= TypeAbstract
		} else {
			t.Flags &^= TypeAbstract
		}
		return nil
	})
}
