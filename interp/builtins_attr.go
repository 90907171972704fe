package interp

import (
	"sort"
	"unsafe"
)

// The builtins about types and attributes: isinstance, issubclass,
// callable, hasattr, getattr, setattr, delattr, vars and dir.

func init() {
	builtinFuncs = append(builtinFuncs,
		newBuiltin("isinstance", builtinIsinstance),
		newBuiltin("issubclass", builtinIssubclass),
		newBuiltin("callable", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.oneArg("callable", args, kwnames); err != nil {
				return Value{}, err
			}
			return Bool(args[0].Type().call != nil), nil
		}),
		newBuiltin("hasattr", builtinHasattr),
		newBuiltin("getattr", builtinGetattr),
		newBuiltin("setattr", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("setattr", args, kwnames, 3, 3); err != nil {
				return Value{}, err
			}
			if err := in.checkAttrName(args[1]); err != nil {
				return Value{}, err
			}
			return None, in.SetAttr(args[0], args[1], args[2])
		}),
		newBuiltin("delattr", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount("delattr", args, kwnames, 2, 2); err != nil {
				return Value{}, err
			}
			if err := in.checkAttrName(args[1]); err != nil {
				return Value{}, err
			}
			return None, in.SetAttr(args[0], args[1], Value{})
		}),
		newBuiltin("vars", builtinVars),
		newBuiltin("dir", builtinDir),
	)
}

// builtinIsinstance is isinstance(obj, cls). Its commonest answers,
// for cls a class of no metaclass, are found here: obj's type is cls or
// a subclass, or obj's type is built in with the generic attribute
// lookup (and so gives obj no other __class__). The rest, and bad
// arguments, are IsInstance's and checkArgCount's.
func builtinIsinstance(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(args) == 2 && len(kwnames) == 0 {
		obj, cls := args[0], args[1]
		if cls.Type() == typeType {
			t := obj.Type()
			if unsafe.Pointer(t) == cls.p || t.IsSubtype((*Type)(cls.p)) {
				return True, nil
			}
			if t.Flags&TypeHeapType == 0 && t.getattr == nil {
				return False, nil
			}
		}
		b, err := in.IsInstance(obj, cls)
		return Bool(b), err
	}
	if err := in.checkArgCount("isinstance", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	b, err := in.IsInstance(args[0], args[1])
	return Bool(b), err
}

// builtinIssubclass is issubclass(derived, cls), answered here for two
// classes of no metaclass (type.__subclasscheck__ is their MRO).
func builtinIssubclass(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if len(args) == 2 && len(kwnames) == 0 {
		derived, cls := args[0], args[1]
		if cls.Type() == typeType && derived.Type() == typeType {
			return Bool((*Type)(derived.p).IsSubtype((*Type)(cls.p))), nil
		}
		b, err := in.IsSubclass(derived, cls)
		return Bool(b), err
	}
	if err := in.checkArgCount("issubclass", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	b, err := in.IsSubclass(args[0], args[1])
	return Bool(b), err
}

// checkAttrName is the check every attribute builtin makes of its name.
func (in *Interp) checkAttrName(name Value) error {
	if !name.Type().IsSubtype(strType) {
		return in.raise(typeErrorType, "attribute name must be string, not '%s'", name.Type().Name)
	}
	return nil
}

func builtinHasattr(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("hasattr", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	if err := in.checkAttrName(args[1]); err != nil {
		return Value{}, err
	}
	r, err := in.lookupAttr(args[0], args[1])
	if err != nil {
		return Value{}, err
	}
	if r.IsNil() {
		return False, nil
	}
	in.decRef(r)
	return True, nil
}

func builtinGetattr(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("getattr", args, kwnames, 2, 3); err != nil {
		return Value{}, err
	}
	if err := in.checkAttrName(args[1]); err != nil {
		return Value{}, err
	}
	if len(args) == 2 {
		return in.GetAttr(args[0], args[1])
	}
	r, err := in.lookupAttr(args[0], args[1])
	if err == nil && r.IsNil() {
		incRef(args[2])
		r = args[2]
	}
	return r, err
}

// The messages of a cls argument that is neither a class nor a tuple.
const (
	isinstanceArg2 = "isinstance() arg 2 must be a type, a tuple of types, or a union"
	issubclassArg1 = "issubclass() arg 1 must be a class"
	issubclassArg2 = "issubclass() arg 2 must be a class, a tuple of classes, or a union"
)

// IsInstance is isinstance(obj, cls): cls a type, a tuple of them
// (nested tuples too), an object whose type defines __instancecheck__,
// or an object with a __bases__ tuple (the abstract class protocol).
func (in *Interp) IsInstance(obj, cls Value) (bool, error) {
	if unsafe.Pointer(obj.Type()) == cls.p { // not a conversion: cls may be any object
		return true, nil
	}
	if cls.Type() == typeType {
		return in.objectIsInstance(obj, cls)
	}
	if cls.Type() == tupleType {
		if err := in.enterCall(" in __instancecheck__"); err != nil {
			return false, err
		}
		defer in.leaveCall()
		for _, c := range asObject[Tuple](cls).items {
			if ok, err := in.IsInstance(obj, c); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	if check, err := in.lookupString(cls.Type(), "__instancecheck__"); err != nil {
		return false, err
	} else if !check.IsNil() {
		if err := in.enterCall(" in __instancecheck__"); err != nil {
			return false, err
		}
		defer in.leaveCall()
		r, err := in.callAttrWithSelf(check, cls, []Value{obj}, nil)
		if err != nil {
			return false, err
		}
		defer in.decRef(r)
		return in.Truth(r)
	}
	return in.objectIsInstance(obj, cls)
}

// objectIsInstance is type.__instancecheck__: the MRO of obj's type,
// or of its __class__ when a class overrides that.
func (in *Interp) objectIsInstance(obj, cls Value) (bool, error) {
	if isType(cls) {
		if obj.Type().IsSubtype((*Type)(cls.p)) {
			return true, nil
		}
		c, err := in.overriddenClass(obj)
		if err != nil || c.IsNil() {
			return false, err
		}
		// No defer: this function's returns made it a heap defer, run
		// on every call (~90 instructions), c or not.
		ok := isType(c) && c.p != valueOf(obj.Type()).p && (*Type)(c.p).IsSubtype((*Type)(cls.p))
		in.decRef(c)
		return ok, nil
	}
	if ok, err := in.isAbstractClass(cls); err != nil || !ok {
		if err == nil {
			err = in.raise(typeErrorType, isinstanceArg2)
		}
		return false, err
	}
	c, err := in.lookupAttr(obj, internName("__class__"))
	if err != nil || c.IsNil() {
		return false, err
	}
	ok, err := in.abstractIsSubclass(c, cls)
	in.decRef(c)
	return ok, err
}

// overriddenClass returns obj.__class__ (a new reference) when obj's
// class may define it differently from type(obj); nil otherwise. A
// class's own __getattribute__, or a built-in type's own lookup (a weak
// proxy forwards it to its referent), may answer anything for it.
func (in *Interp) overriddenClass(obj Value) (Value, error) {
	t := obj.Type()
	if t.getattr != nil {
		return in.lookupAttr(obj, internName("__class__"))
	}
	if t.Flags&TypeHeapType == 0 {
		return Value{}, nil
	}
	attr, err := in.lookupString(t, "__class__")
	if err != nil || attr.IsNil() {
		return Value{}, err
	}
	if attr.Type() == getsetDescrType && asObject[GetSetDescr](attr).owner == objectType {
		return Value{}, nil
	}
	return in.lookupAttr(obj, internName("__class__"))
}

// IsSubclass is issubclass(derived, cls), with cls as for IsInstance
// (__subclasscheck__ instead of __instancecheck__).
func (in *Interp) IsSubclass(derived, cls Value) (bool, error) {
	if cls.Type() == typeType {
		if derived.p == cls.p {
			return true, nil
		}
		return in.recursiveIsSubclass(derived, cls)
	}
	if cls.Type() == tupleType {
		if err := in.enterCall(" in __subclasscheck__"); err != nil {
			return false, err
		}
		defer in.leaveCall()
		for _, c := range asObject[Tuple](cls).items {
			if ok, err := in.IsSubclass(derived, c); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	if check, err := in.lookupString(cls.Type(), "__subclasscheck__"); err != nil {
		return false, err
	} else if !check.IsNil() {
		if err := in.enterCall(" in __subclasscheck__"); err != nil {
			return false, err
		}
		defer in.leaveCall()
		r, err := in.callAttrWithSelf(check, cls, []Value{derived}, nil)
		if err != nil {
			return false, err
		}
		defer in.decRef(r)
		return in.Truth(r)
	}
	return in.recursiveIsSubclass(derived, cls)
}

// recursiveIsSubclass is type.__subclasscheck__.
func (in *Interp) recursiveIsSubclass(derived, cls Value) (bool, error) {
	if isType(cls) && isType(derived) {
		return (*Type)(derived.p).IsSubtype((*Type)(cls.p)), nil
	}
	if ok, err := in.isAbstractClass(derived); err != nil || !ok {
		if err == nil {
			err = in.raise(typeErrorType, issubclassArg1)
		}
		return false, err
	}
	if ok, err := in.isAbstractClass(cls); err != nil || !ok {
		if err == nil {
			err = in.raise(typeErrorType, issubclassArg2)
		}
		return false, err
	}
	return in.abstractIsSubclass(derived, cls)
}

// abstractBases returns v.__bases__ when it is a tuple (a new
// reference), nil otherwise: what makes v a class for isinstance.
func (in *Interp) abstractBases(v Value) (Value, error) {
	b, err := in.lookupAttr(v, internName("__bases__"))
	if err != nil || b.IsNil() {
		return Value{}, err
	}
	if b.Type() != tupleType {
		in.decRef(b)
		return Value{}, nil
	}
	return b, nil
}

func (in *Interp) isAbstractClass(v Value) (bool, error) {
	b, err := in.abstractBases(v)
	if err != nil || b.IsNil() {
		return false, err
	}
	in.decRef(b)
	return true, nil
}

// abstractIsSubclass walks __bases__ from derived looking for cls.
func (in *Interp) abstractIsSubclass(derived, cls Value) (bool, error) {
	if err := in.enterCall(" in __subclasscheck__"); err != nil {
		return false, err
	}
	defer in.leaveCall()
	if derived.Is(cls) {
		return true, nil
	}
	bases, err := in.abstractBases(derived)
	if err != nil || bases.IsNil() {
		return false, err
	}
	defer in.decRef(bases)
	for _, b := range asObject[Tuple](bases).items {
		if ok, err := in.abstractIsSubclass(b, cls); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

// builtinVars is vars(obj): obj.__dict__; vars() is locals().
func builtinVars(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("vars", args, kwnames, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 {
		return in.callerLocals()
	}
	if v := args[0]; v.Type().IsSubtype(moduleType) {
		// module.__dict__ is a data descriptor in CPython; here the
		// module type does not define it yet.
		d := asObject[Module](v).dict
		incRef(d)
		return d, nil
	}
	if isType(args[0]) && typeType.attrs["__dict__"].IsNil() {
		// A class's __dict__ is a mappingproxy, which type does not
		// provide yet (the class's own __dict__ entry is its instances').
		return Value{}, in.raise(notImplementedErrorType, "vars() of a class is not implemented yet")
	}
	d, err := in.lookupAttr(args[0], internName("__dict__"))
	if err == nil && d.IsNil() {
		err = in.raise(typeErrorType, "vars() argument must have __dict__ attribute")
	}
	return d, err
}

// builtinDir is dir(obj): the sorted list of the names a class's
// __dir__ returns, or of object.__dir__'s names (the instance dict's and
// those of every class in the MRO), a module's globals, or the names of
// a class and its bases.
func builtinDir(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("dir", args, kwnames, 0, 1); err != nil {
		return Value{}, err
	}
	if len(args) == 0 {
		// The names of the caller's local scope.
		l, err := in.callerLocals()
		if err != nil {
			return Value{}, err
		}
		var names []Value
		for _, e := range asObject[Dict](l).entries {
			if !e.key.IsNil() {
				incRef(e.key)
				names = append(names, e.key)
			}
		}
		in.decRef(l)
		return in.sortedNameList(names)
	}
	v := args[0]
	attr, err := in.lookupString(v.Type(), "__dir__")
	if err != nil {
		return Value{}, err
	}
	var custom Value // a module's own __dir__ function
	if v.Type().IsSubtype(moduleType) {
		custom, _ = asObject[Module](v).get("__dir__")
	}
	if !custom.IsNil() || !attr.IsNil() && attr.Type() != methodDescrType {
		var r Value
		if custom.IsNil() {
			r, err = in.callAttrWithSelf(attr, v, nil, nil)
		} else {
			r, err = in.Call(custom, nil, nil)
		}
		if err != nil {
			return Value{}, err
		}
		names, err := in.iterateAll(r)
		in.decRef(r)
		if err != nil {
			return Value{}, err
		}
		return in.sortedNameList(names)
	}
	seen := map[string]bool{}
	var names []Value
	add := func(name Value) error {
		if name.Type() != strType {
			return in.raise(notImplementedErrorType, "dir() of a namespace with non-str keys is not implemented yet")
		}
		if !seen[name.GoString()] {
			seen[name.GoString()] = true
			incRef(name)
			names = append(names, name)
		}
		return nil
	}
	addDict := func(d *Dict) error {
		for _, e := range d.entries {
			if !e.key.IsNil() {
				if err := add(e.key); err != nil {
					return err
				}
			}
		}
		return nil
	}
	addType := func(t *Type) error {
		for _, b := range t.MRO {
			if b.dict != nil {
				if err := addDict(b.dict); err != nil {
					return err
				}
				continue
			}
			keys := make([]string, 0, len(b.attrs))
			for k := range b.attrs {
				keys = append(keys, k)
			}
			sort.Strings(keys) // only for a deterministic order
			for _, k := range keys {
				if err := add(internName(k)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	switch {
	case v.Type().IsSubtype(moduleType):
		err = addDict(asObject[Module](v).Dict())
	case isType(v):
		err = addType((*Type)(v.p))
	default:
		if d := instanceDict(v); d != nil && !d.IsNil() && d.Type() == dictType {
			err = addDict(asObject[Dict](*d))
		}
		if err == nil {
			err = addType(v.Type())
		}
	}
	if err != nil {
		in.releaseAll(names)
		return Value{}, err
	}
	return in.sortedNameList(names)
}

// sortedNameList sorts names (new references, consumed) and returns them
// as a list.
func (in *Interp) sortedNameList(names []Value) (Value, error) {
	defer in.releaseAll(names)
	for _, n := range names {
		if n.Type() != strType {
			return Value{}, in.raise(notImplementedErrorType, "dir() of names that are not all str is not implemented yet")
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i].GoString() < names[j].GoString() })
	return in.NewList(names...)
}
