package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The class statement (__build_class__), three-argument type(), and
// super.

// buildClassBuiltin is builtins.__build_class__, which LOAD_BUILD_CLASS
// pushes.
var buildClassBuiltin = newBuiltin("__build_class__", nil)

func init() { asObject[Builtin](buildClassBuiltin).fn = builtinBuildClass }

// builtinBuildClass is __build_class__(func, name, *bases, **kwds): find
// the metaclass, prepare the namespace, run the class body in it, then
// call the metaclass.
func builtinBuildClass(in *Interp, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos < 2 {
		return Value{}, in.raise(typeErrorType, "__build_class__: not enough arguments")
	}
	if args[0].Type() != functionType {
		return Value{}, in.raise(typeErrorType, "__build_class__: func must be a function")
	}
	if args[1].Type() != strType {
		return Value{}, in.raise(typeErrorType, "__build_class__: name is not a string")
	}
	fn := asObject[Function](args[0])
	basesV := args[2:npos]
	// PEP 560: a base that is not a class may stand for others
	// (list[int] stands for list); the originals become __orig_bases__.
	origBases, resolved, err := in.resolveMroEntries(basesV)
	if err != nil {
		return Value{}, err
	}
	if !origBases.IsNil() {
		defer in.decRef(origBases)
		defer func() {
			for _, b := range resolved {
				in.decRef(b)
			}
		}()
		basesV = resolved
	}
	var meta Value
	var kw, kwNames []Value
	for i, k := range kwnames {
		v := args[npos+i]
		if k.GoString() == "metaclass" {
			meta = v
			continue
		}
		kw = append(kw, v)
		kwNames = append(kwNames, k)
	}
	isClass := meta.IsNil() || isType(meta)
	if meta.IsNil() {
		meta = valueOf(typeType)
		if len(basesV) > 0 {
			meta = valueOf(basesV[0].Type())
		}
	}
	if isClass {
		winner, err := in.calculateMetaclass((*Type)(meta.p), basesV)
		if err != nil {
			return Value{}, err
		}
		meta = valueOf(winner)
	}
	basesTuple, err := in.NewTuple(basesV...)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(basesTuple)

	// The namespace: metaclass.__prepare__(name, bases, **kwds).
	var nsv Value
	if prep, err := in.lookupAttr(meta, internName("__prepare__")); err != nil {
		return Value{}, err
	} else if !prep.IsNil() {
		nsv, err = in.Call(prep, append([]Value{args[1], basesTuple}, kw...), kwNames)
		in.decRef(prep)
		if err != nil {
			return Value{}, err
		}
	} else if nsv, err = in.NewDict(); err != nil {
		return Value{}, err
	}
	defer in.decRef(nsv)
	if !nsv.Type().IsSubtype(dictType) {
		return Value{}, in.raise(notImplementedErrorType, "class namespaces that are not dicts (from __prepare__) are not implemented yet")
	}
	if !origBases.IsNil() {
		if err := in.DictSet(asObject[Dict](nsv), internName("__orig_bases__"), origBases); err != nil {
			return Value{}, err
		}
	}
	if err := in.enterCall(""); err != nil {
		return Value{}, err
	}
	f, err := in.bindArgs(fn, Value{}, nil, nil)
	if err != nil {
		in.leaveCall()
		return Value{}, err
	}
	f.names = asObject[Dict](nsv)
	f.entry, f.special = true, true
	cell, err := in.run(f)
	in.leaveCall()
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(cell)
	cls, err := in.Call(meta, append([]Value{args[1], basesTuple, nsv}, kw...), kwNames)
	if err != nil {
		return Value{}, err
	}
	if cell.Type() == cellType && isType(cls) {
		if c := asObject[Cell](cell); c.v.p != cls.p {
			if c.v.IsNil() {
				in.decRef(cls)
				return Value{}, in.raise(runtimeErrorType, "__class__ not set defining '%s' as %s. Was __classcell__ propagated to type.__new__?", args[1].GoString(), in.reprOrType(cls))
			}
			in.decRef(cls)
			return Value{}, in.raise(typeErrorType, "__class__ set to %s defining '%s' as %s", in.reprOrType(c.v), args[1].GoString(), in.reprOrType(cls))
		}
	}
	return cls, nil
}

func (in *Interp) reprOrType(v Value) string {
	r, err := in.Repr(v)
	if err != nil {
		in.decRef(valueOf(err.(*Exception)))
		return "<" + v.Type().Name + ">"
	}
	defer in.decRef(r)
	return r.GoString()
}

// calculateMetaclass picks the most derived of meta and the types of the
// bases, as CPython's _PyType_CalculateMetaclass does.
func (in *Interp) calculateMetaclass(meta *Type, bases []Value) (*Type, error) {
	winner := meta
	for _, b := range bases {
		bt := b.Type()
		switch {
		case winner.IsSubtype(bt):
		case bt.IsSubtype(winner):
			winner = bt
		default:
			return nil, in.raise(typeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
	}
	return winner, nil
}

// initNewClass calls __set_name__ on the new class's attributes and the
// parent's __init_subclass__, as type_new does after creating a class.
func (in *Interp) initNewClass(t *Type, kw []Value, kwnames []Value) error {
	cls := valueOf(t)
	entries := append([]dictEntry(nil), t.dict.entries...)
	for _, e := range entries {
		if e.key.IsNil() {
			continue
		}
		setName, err := in.lookupString(e.value.Type(), "__set_name__")
		if err != nil {
			return err
		}
		if setName.IsNil() {
			continue
		}
		r, err := in.callAttrWithSelf(setName, e.value, []Value{cls, e.key}, nil)
		if err != nil {
			return err
		}
		in.decRef(r)
	}
	// super(t, t).__init_subclass__(**kw)
	for _, b := range t.MRO[1:] {
		v, ok, err := in.typeOwnAttr(b, internName("__init_subclass__"))
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		var r Value
		switch {
		case v.Type() == classMethodType:
			r, err = in.callWithSelf(asObject[staticMethod](v).fn, cls, kw, kwnames)
		case v.Type() == methodDescrType || v.Type() == classMethodDescrType:
			r, err = asObject[MethodDescr](v).fn(in, append([]Value{cls}, kw...), kwnames)
		default:
			r, err = in.callAttrWithSelf(v, cls, kw, kwnames)
		}
		if err != nil {
			return err
		}
		in.decRef(r)
		return nil
	}
	return nil
}

// typeNew is type.__new__(meta, name, bases, dict, **kwds): make the
// class, fill its __class__ cell, call __set_name__ and the parent's
// __init_subclass__.
func typeNew(in *Interp, meta *Type, args []Value, kwnames []Value) (Value, error) {
	if !meta.IsSubtype(typeType) {
		return Value{}, in.raise(typeErrorType, "type.__new__(%s): %s is not a subtype of type", meta.Name, meta.Name)
	}
	name, basesV, dictV := args[0], args[1], args[2]
	// Subclasses of str, tuple and dict are accepted, as CPython's
	// argument parsing does.
	if !name.Type().IsSubtype(strType) {
		return Value{}, in.raise(typeErrorType, "type.__new__() argument 1 must be str, not %s", name.Type().Name)
	}
	if !basesV.Type().IsSubtype(tupleType) {
		return Value{}, in.raise(typeErrorType, "type.__new__() argument 2 must be tuple, not %s", basesV.Type().Name)
	}
	if !dictV.Type().IsSubtype(dictType) {
		return Value{}, in.raise(typeErrorType, "type.__new__() argument 3 must be dict, not %s", dictV.Type().Name)
	}
	var bases []*Type
	for _, b := range asObject[Tuple](basesV).items {
		if !isType(b) {
			// CPython finds the metaclass first, and the type of a
			// non-type base conflicts with it.
			return Value{}, in.raise(typeErrorType, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
		bases = append(bases, (*Type)(b.p))
	}
	winner, err := in.calculateMetaclass(meta, asObject[Tuple](basesV).items)
	if err != nil {
		return Value{}, err
	}
	if winner != meta {
		if d, ok := methodDescrOf(in.mustLookup(winner, "__new__")); !ok || d.owner != typeType {
			// The winner has its own __new__: let it make the class.
			return in.Call(valueOf(winner), args, kwnames)
		}
		meta = winner
	}
	ns := asObject[Dict](dictV)
	if _, ok, _ := in.DictGet(ns, internName("__module__")); !ok && in.frame != nil {
		// __module__ comes from the caller's globals, as in type_new.
		if m, ok, _ := in.DictGet(in.frame.globals, internName("__name__")); ok {
			// The class gets its own copy of the namespace anyway.
			copied, err := in.NewDict()
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(copied)
			for _, e := range ns.entries {
				if !e.key.IsNil() {
					if err := in.DictSet(asObject[Dict](copied), e.key, e.value); err != nil {
						return Value{}, err
					}
				}
			}
			if err := in.DictSet(asObject[Dict](copied), internName("__module__"), m); err != nil {
				return Value{}, err
			}
			ns = asObject[Dict](copied)
		}
	}
	t, err := in.newClass(meta, name.GoString(), bases, ns)
	if err != nil {
		return Value{}, err
	}
	cls := valueOf(t)
	// The class body's __classcell__ (for super() and __class__) now
	// gets its class; the name leaves the namespace.
	for _, cellName := range []string{"__classcell__", "__classdictcell__"} {
		c, ok, _ := in.DictGet(t.dict, internName(cellName))
		if !ok {
			continue
		}
		if c.Type() != cellType {
			in.decRef(cls)
			return Value{}, in.raise(typeErrorType, "%s must be a nonlocal cell, not %s", cellName, c.Type().Name)
		}
		if cellName == "__classcell__" {
			cell := asObject[Cell](c)
			incRef(cls)
			in.xdecRef(cell.v)
			cell.v = cls
		}
		if _, err := in.DictDelete(t.dict, internName(cellName)); err != nil {
			in.decRef(cls)
			return Value{}, err
		}
	}
	if err := in.initNewClass(t, args[3:3+len(kwnames)], kwnames); err != nil {
		in.decRef(cls)
		return Value{}, err
	}
	return cls, nil
}

// mustLookup is lookup for a name that cannot raise (a str key).
func (in *Interp) mustLookup(t *Type, name string) Value {
	v, _ := in.lookupString(t, name)
	return v
}

func init() {
	typeType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args)-len(kwnames) != 3 {
			if t == typeType && len(args) == 1 {
				r := valueOf(args[0].Type())
				incRef(r)
				return r, nil
			}
			return Value{}, in.raise(typeErrorType, "type.__new__() takes exactly 3 arguments (%d given)", len(args)-len(kwnames))
		}
		return typeNew(in, t, args, kwnames)
	}
	typeType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error {
		if n := len(args) - len(kwnames); n != 1 && n != 3 {
			return in.raise(typeErrorType, "type.__init__() takes 1 or 3 arguments")
		}
		return nil
	}
	defStatic(typeType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) <= len(kwnames) || !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "type.__new__(X): X is not a type object")
		}
		return typeType.new(in, (*Type)(args[0].p), args[1:], kwnames)
	})
	defMethod(typeType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, typeType.init(in, args[0], args[1:], kwnames)
	})
	defMethod(typeType, "__call__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		t := (*Type)(args[0].p)
		if t.construct == nil {
			return Value{}, in.raise(typeErrorType, "cannot create '%s' instances", t.Name)
		}
		return t.construct(in, t, args[1:], kwnames)
	})
	defClassMethod(typeType, "__prepare__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.NewDict()
	})
}

// superObject is a super object: attribute lookup that starts after
// start in the MRO of obj's type.
type superObject struct {
	alloc.Header
	alloc.GCLink
	start   *Type
	obj     Value
	objType *Type
}

var superType = newBuiltinType("super", objectType, TypeBaseType)

var superTypeValue = valueOf(superType)

const superSize = unsafe.Sizeof(superObject{})

func init() {
	superType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("super", kwnames); err != nil {
			return Value{}, err
		}
		switch len(args) {
		case 0:
			cls, self, err := in.superArgsFromFrame()
			if err != nil {
				return Value{}, err
			}
			args = []Value{cls, self}
		case 1:
			return Value{}, in.raise(notImplementedErrorType, "unbound super objects (super(type)) are not implemented yet")
		case 2:
		default:
			return Value{}, in.raise(typeErrorType, "super() takes at most 2 arguments (%d given)", len(args))
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "super() argument 1 must be a type, not %s", args[0].Type().Name)
		}
		start := (*Type)(args[0].p)
		objType, err := in.superObjType(start, args[1])
		if err != nil {
			return Value{}, err
		}
		s := &superObject{start: start, obj: args[1], objType: objType}
		if err := in.account(&s.Header, superType, superSize); err != nil {
			return Value{}, err
		}
		s.Header.SetFlags(alloc.FlagContainer)
		incRef(args[0])
		incRef(args[1])
		incRef(valueOf(objType))
		return valueOf(s), nil
	}
	superType.dealloc = func(in *Interp, v Value) {
		s := asObject[superObject](v)
		in.decRef(valueOf(s.start))
		in.decRef(s.obj)
		in.decRef(valueOf(s.objType))
		*s = superObject{Header: s.Header}
		in.heap.Free(&s.Header, superSize)
	}
	superType.repr = func(in *Interp, v Value) (Value, error) {
		s := asObject[superObject](v)
		return in.NewStr("<super: <class '" + s.start.Name + "'>, <" + s.objType.Name + " object>>")
	}
	superType.getattr = func(in *Interp, v, name Value) (Value, error) {
		s := asObject[superObject](v)
		if name.GoString() == "__class__" {
			return valueOf(superType), nil
		}
		r, _, err := in.superAttr(superTypeValue, valueOf(s.start), s.obj, name, false)
		return r, err
	}
}

// superArgsFromFrame finds what super() with no arguments uses: the
// __class__ cell of the calling method and its first argument.
func (in *Interp) superArgsFromFrame() (cls, self Value, err error) {
	f := in.frame
	if f == nil || f.tmpl.ArgCount+f.tmpl.PosOnlyArgCount == 0 && f.tmpl.Flags&0x4 == 0 {
		return Value{}, Value{}, in.raise(runtimeErrorType, "super(): no arguments")
	}
	self = f.slots[0]
	if !self.IsNil() && f.tmpl.LocalsPlusKinds[0]&0x40 != 0 && self.Type() == cellType {
		self = asObject[Cell](self).v
	}
	if self.IsNil() {
		return Value{}, Value{}, in.raise(runtimeErrorType, "super(): arg[0] deleted")
	}
	for i, n := range f.tmpl.LocalsPlusNames {
		if n != "__class__" || f.tmpl.LocalsPlusKinds[i]&0x80 == 0 {
			continue
		}
		c := f.slots[i]
		if c.IsNil() || c.Type() != cellType {
			break
		}
		cls = asObject[Cell](c).v
		if cls.IsNil() {
			return Value{}, Value{}, in.raise(runtimeErrorType, "super(): empty __class__ cell")
		}
		if !isType(cls) {
			return Value{}, Value{}, in.raise(runtimeErrorType, "super(): __class__ is not a type (%s)", cls.Type().Name)
		}
		return cls, self, nil
	}
	return Value{}, Value{}, in.raise(runtimeErrorType, "super(): __class__ cell not found")
}

// resolveMroEntries replaces each base that has __mro_entries__ by what
// it returns; when none does, orig is nil and nothing changes.
func (in *Interp) resolveMroEntries(bases []Value) (orig Value, resolved []Value, err error) {
	changed := false
	for _, b := range bases {
		if !isType(b) {
			changed = true
			break
		}
	}
	if !changed {
		return Value{}, nil, nil
	}
	orig, err = in.NewTuple(bases...)
	if err != nil {
		return Value{}, nil, err
	}
	fail := func(err error) (Value, []Value, error) {
		in.decRef(orig)
		for _, r := range resolved {
			in.decRef(r)
		}
		return Value{}, nil, err
	}
	for _, b := range bases {
		if isType(b) {
			incRef(b)
			resolved = append(resolved, b)
			continue
		}
		entries, err := in.lookupAttr(b, internName("__mro_entries__"))
		if err != nil {
			return fail(err)
		}
		if entries.IsNil() {
			incRef(b)
			resolved = append(resolved, b)
			continue
		}
		r, err := in.Call(entries, []Value{orig}, nil)
		in.decRef(entries)
		if err != nil {
			return fail(err)
		}
		if r.Type() != tupleType {
			in.decRef(r)
			return fail(in.raise(typeErrorType, "__mro_entries__ must return a tuple"))
		}
		for _, x := range asObject[Tuple](r).items {
			incRef(x)
			resolved = append(resolved, x)
		}
		in.decRef(r)
	}
	return orig, resolved, nil
}
