package interp

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Classes: instances of classes whose layout is object's, creating a
// class (the class statement's __build_class__ and three-argument type()),
// the C3 method resolution order, and object's own methods.

// Instance is an instance of a class whose solid base is object: its
// attributes live in its __dict__.
type Instance struct {
	alloc.Header
	alloc.GCLink
	dict  Value   // *Dict, created on first store; nil until then
	slots []Value // __slots__ values, when the class declares them
}

const instanceSize = unsafe.Sizeof(Instance{})

func init() {
	objectType.dictOffset = 0 // object() itself has no __dict__
	objectType.new = objectNew
	objectType.init = objectInit
	objectType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) > 0 {
			return Value{}, in.raise(typeErrorType, "object() takes no arguments")
		}
		return objectNew(in, t, nil, nil)
	}
	objectType.dealloc = instanceDealloc
	objectType.hash = identityHash
	objectType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		switch op {
		case CmpEQ:
			if a.Is(b) {
				return True, nil
			}
		case CmpNE:
			// object.__ne__ inverts __eq__ unless that is NotImplemented.
			r, err := in.callSpecialCompare(a, b, CmpEQ)
			if err != nil || r.Is(NotImplemented) {
				return r, err
			}
			t, err := in.Truth(r)
			in.decRef(r)
			return Bool(!t), err
		}
		return NotImplemented, nil
	}

	typeType.getattr = typeGetAttr
	typeType.setattr = typeSetAttr
	typeType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		t := (*Type)(v.p)
		if t.construct == nil {
			return Value{}, in.raise(notImplementedErrorType, "calling %s() is not implemented yet", t.Name)
		}
		return t.construct(in, t, args, kwnames)
	}
	typeType.dealloc = heapTypeDealloc
	typeType.hash = identityHash

	defGetSet(typeType, "__name__", func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		if t.dict == nil {
			// A built-in type's Name may be qualified by its module
			// ("itertools.count"), as CPython's tp_name is.
			return in.NewStr(t.Name[strings.LastIndexByte(t.Name, '.')+1:])
		}
		return in.NewStr(t.Name)
	}, func(in *Interp, v, value Value) error {
		t := (*Type)(v.p)
		if t.dict == nil {
			return in.raise(typeErrorType, "cannot set '__name__' attribute of immutable type '%s'", t.Name)
		}
		if value.IsNil() || value.Type() != strType {
			return in.raise(typeErrorType, "can only assign string to %s.__name__, not '%s'", t.Name, typeNameOrNil(value))
		}
		t.Name = value.GoString()
		return nil
	})
	defGetSet(typeType, "__qualname__", func(in *Interp, v Value) (Value, error) {
		return in.NewStr((*Type)(v.p).qualname())
	}, func(in *Interp, v, value Value) error {
		t := (*Type)(v.p)
		if t.dict == nil {
			return in.raise(typeErrorType, "cannot set '__qualname__' attribute of immutable type '%s'", t.Name)
		}
		if value.IsNil() || value.Type() != strType {
			return in.raise(typeErrorType, "can only assign string to %s.__qualname__, not '%s'", t.Name, typeNameOrNil(value))
		}
		t.Qualname = value.GoString()
		return nil
	})
	defGetSet(typeType, "__module__", func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		if t.dict != nil {
			if m, ok, err := in.DictGet(t.dict, internName("__module__")); err != nil {
				return Value{}, err
			} else if ok {
				incRef(m)
				return m, nil
			}
		}
		return in.NewStr(t.Module)
	}, func(in *Interp, v, value Value) error {
		t := (*Type)(v.p)
		if t.dict == nil {
			return in.raise(typeErrorType, "cannot set '__module__' attribute of immutable type '%s'", t.Name)
		}
		if value.IsNil() {
			return in.raise(typeErrorType, "cannot delete '__module__' attribute of immutable type '%s'", t.Name)
		}
		if value.Type() == strType {
			t.Module = value.GoString()
		}
		if err := in.DictSet(t.dict, internName("__module__"), value); err != nil {
			return err
		}
		in.typeModified(t) // for the lookups of subclasses
		return nil
	})
	defGetSet(typeType, "__bases__", func(in *Interp, v Value) (Value, error) {
		return in.typesTuple((*Type)(v.p).Bases)
	}, setBases)
	defGetSet(typeType, "__base__", func(in *Interp, v Value) (Value, error) {
		if b := (*Type)(v.p).Base; b != nil {
			incRef(valueOf(b))
			return valueOf(b), nil
		}
		return None, nil
	}, nil)
	defGetSet(typeType, "__mro__", func(in *Interp, v Value) (Value, error) {
		return in.typesTuple((*Type)(v.p).MRO)
	}, nil)
	defGetSet(typeType, "__doc__", func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		if t.dict != nil {
			if d, ok, err := in.DictGet(t.dict, internName("__doc__")); err != nil {
				return Value{}, err
			} else if ok {
				if get := d.Type().descrGet; get != nil {
					return get(in, d, Value{}, t)
				}
				incRef(d)
				return d, nil
			}
		} else if d, ok := t.attrs["__doc__"]; ok {
			// A built-in type's doc (NewType's Doc).
			incRef(d)
			return d, nil
		}
		return None, nil
	}, func(in *Interp, v, value Value) error {
		t := (*Type)(v.p)
		if t.dict == nil {
			return in.raise(typeErrorType, "cannot set '__doc__' attribute of immutable type '%s'", t.Name)
		}
		if value.IsNil() {
			return in.raise(typeErrorType, "cannot delete '__doc__' attribute of immutable type '%s'", t.Name)
		}
		if err := in.DictSet(t.dict, internName("__doc__"), value); err != nil {
			return err
		}
		in.typeModified(t) // for the lookups of subclasses
		return nil
	})
	defMethod(typeType, "mro", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		l, err := in.typesTuple((*Type)(args[0].p).MRO)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(l)
		return in.NewList(asObject[Tuple](l).items...)
	})
	defMethod(typeType, "__subclasses__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		var subs []Value
		for _, s := range (*Type)(args[0].p).subclasses {
			subs = append(subs, valueOf(s))
		}
		return in.NewList(subs...)
	})

	defStatic(objectType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) == 0 {
			return Value{}, in.raise(typeErrorType, "object.__new__(): not enough arguments")
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
		}
		t := (*Type)(args[0].p)
		if t.layout != objectType {
			return Value{}, in.raise(typeErrorType, "object.__new__(%s) is not safe, use %s.__new__()", t.Name, t.layout.Name)
		}
		return objectNew(in, t, args[1:], kwnames)
	})
	defMethod(objectType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := objectInit(in, args[0], args[1:], kwnames); err != nil {
			return Value{}, err
		}
		return None, nil
	})
	defMethod(objectType, "__repr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return objectRepr(in, args[0])
	})
	defMethod(objectType, "__str__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return in.Repr(args[0])
	})
	defMethod(objectType, "__hash__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		h, _ := identityHash(in, args[0])
		return Int(h), nil
	})
	defMethod(objectType, "__getattribute__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__getattribute__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		return in.genericGetAttr(args[0], args[1], false)
	})
	defMethod(objectType, "__setattr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__setattr__", args[1:], kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		return None, in.genericSetAttr(args[0], args[1], args[2])
	})
	defMethod(objectType, "__delattr__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__delattr__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		return None, in.genericSetAttr(args[0], args[1], Value{})
	})
	for op, name := range compareDunders {
		op := CompareOp(op)
		defMethod(objectType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.checkArgCount(name, args[1:], kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return objectType.compare(in, args[0], args[1], op)
		})
	}
	defClassMethod(objectType, "__init_subclass__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "%s.__init_subclass__() takes no keyword arguments", (*Type)(args[0].p).Name)
		}
		if len(args) > 1 {
			return Value{}, in.raise(typeErrorType, "%s.__init_subclass__() takes no arguments (%d given)", (*Type)(args[0].p).Name, len(args)-1)
		}
		return None, nil
	})
	defMethod(objectType, "__format__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__format__", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		if args[1].Type() != strType {
			return Value{}, in.raise(typeErrorType, "__format__() argument must be str, not %s", args[1].Type().Name)
		}
		if args[1].GoString() != "" {
			return Value{}, in.raise(typeErrorType, "unsupported format string passed to %s.__format__", args[0].Type().Name)
		}
		return in.Str(args[0])
	})
	defGetSet(objectType, "__class__", func(in *Interp, v Value) (Value, error) {
		incRef(valueOf(v.Type()))
		return valueOf(v.Type()), nil
	}, setClass)
}

// setClass is assigning __class__, as CPython's object_set_class allows
// it: between classes (or module types) whose instances have the same
// layout, so that the object's memory fits either.
func setClass(in *Interp, v, value Value) error {
	if value.IsNil() {
		return in.raise(typeErrorType, "can't delete __class__ attribute")
	}
	if !isType(value) {
		return in.raise(typeErrorType, "__class__ must be set to a class, not '%s' object", value.Type().Name)
	}
	oldT, newT := v.Type(), (*Type)(value.p)
	if !v.IsObject() {
		return in.raise(typeErrorType, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	modules := oldT.IsSubtype(moduleType) && newT.IsSubtype(moduleType)
	if !modules && (oldT.Flags&TypeHeapType == 0 || newT.Flags&TypeHeapType == 0) {
		return in.raise(typeErrorType, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	if oldT.layout != newT.layout || oldT.slotCount() != newT.slotCount() || (oldT.dictOffset == 0) != (newT.dictOffset == 0) || oldT.Flags&TypeWeakrefs != newT.Flags&TypeWeakrefs {
		return in.raise(typeErrorType, "__class__ assignment: '%s' object layout differs from '%s'", newT.Name, oldT.Name)
	}
	for i := range oldT.MRO {
		if i < len(newT.MRO) && !slices.Equal(oldT.MRO[i].slotNames, newT.MRO[i].slotNames) {
			return in.raise(typeErrorType, "__class__ assignment: '%s' object layout differs from '%s'", newT.Name, oldT.Name)
		}
	}
	if d := instanceDict(v); d != nil {
		in.publishDict(*d) // CPython materializes the dict here
	}
	if newT.Flags&TypeHeapType != 0 {
		incRef(value)
	}
	v.Header().Type = unsafe.Pointer(newT)
	if oldT.Flags&TypeHeapType != 0 {
		in.decRef(valueOf(oldT))
	}
	return nil
}

var compareDunders = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}

func typeNameOrNil(v Value) string {
	if v.IsNil() {
		return "NoneType"
	}
	return v.Type().Name
}

// qualname is __qualname__: the name, or the nested name of a class.
func (t *Type) qualname() string {
	if t.Qualname != "" {
		return t.Qualname
	}
	return t.Name
}

// tpName is the name CPython's messages give a type (tp_name): a class's
// own name, or for a built-in type of a module other than builtins the
// dotted "module.Name" its C definition declares ('collections.deque',
// 'weakref.ProxyType').
func (t *Type) tpName() string {
	if t.Flags&TypeHeapType != 0 || t.Module == "" || t.Module == "builtins" || strings.HasPrefix(t.Name, t.Module+".") {
		return t.Name // NewType's types carry the module in their Name already
	}
	return t.Module + "." + t.Name
}

// isType reports whether v is a type object.
func isType(v Value) bool { return v.Type() == typeType || v.Type().IsSubtype(typeType) }

// typesTuple is a tuple of types (for __bases__, __mro__).
func (in *Interp) typesTuple(ts []*Type) (Value, error) {
	vs := make([]Value, len(ts))
	for i, t := range ts {
		vs[i] = valueOf(t)
	}
	return in.NewTuple(vs...)
}

// objectNew is object.__new__: a bare instance of t. Extra arguments are
// an error unless the class defines __init__ (and not __new__), as in
// CPython's object_new.
func objectNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(args) > 0 {
		c, err := in.ctorOf(t)
		if err != nil {
			return Value{}, err
		}
		newOver, initOver := c.overridesNew, c.overridesInit
		if newOver {
			return Value{}, in.raise(typeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if !initOver {
			return Value{}, in.raise(typeErrorType, "%s() takes no arguments", t.Name)
		}
	}
	if t.Flags&TypeAbstract != 0 {
		return Value{}, in.abstractError(t)
	}
	nslots := t.slotCount()
	kind := blockKind(t, nslots)
	o := newInstanceBlock(t, kind)
	if err := in.account(&o.Header, t, instanceSize); err != nil {
		return Value{}, err
	}
	in.initInstanceBlock(o, t, kind, nslots)
	return valueOf(o), nil
}

// objectInit is object.__init__, which checks for stray arguments.
func objectInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	if len(args) > 0 {
		t := self.Type()
		if in.overrides(t, "__init__") {
			return in.raise(typeErrorType, "object.__init__() takes exactly one argument (the instance to initialize)")
		}
		// A built-in layout other than object's has a __new__ of its own
		// (str, int ...) that took the arguments.
		if !in.overrides(t, "__new__") && t.layout == objectType {
			return in.raise(typeErrorType, "%s() takes no arguments", t.Name)
		}
	}
	return nil
}

// overrides reports whether a class (not a built-in type: their dunders
// are their slots) in t's MRO defines name in its own namespace.
func (in *Interp) overrides(t *Type, name string) bool {
	return in.overridesName(t, internName(name))
}

// overridesName is overrides for the interned str name.
func (in *Interp) overridesName(t *Type, name Value) bool {
	for _, b := range t.MRO {
		if b.dict == nil {
			continue
		}
		if _, ok, _ := in.DictGet(b.dict, name); ok {
			return true
		}
	}
	return false
}

func instanceDealloc(in *Interp, v Value) {
	o := asObject[Instance](v)
	t := v.Type() // alive: Interp.dealloc releases it after this
	kind := uint8((o.Header.Flags() & flagBlockMask) >> flagBlockShift)
	if kind >= blockDictMin && in.releaseBlockDict(o, kind) {
		for _, s := range o.slots {
			in.xdecRef(s)
		}
		in.heap.Free(&o.Header, instanceSize)
		if !in.recycleInstance(t, o, kind) {
			*o = Instance{Header: o.Header}
		}
		return
	}
	in.xdecRef(o.dict)
	for _, s := range o.slots {
		in.xdecRef(s)
	}
	in.heap.Free(&o.Header, instanceSize)
	if kind != blockNone && kind < blockDictMin && in.recycleInstance(t, o, kind) {
		return // zeroBlock cleared the block
	}
	// A dict kind's recycling may keep o's class in o.dict
	// (flagBlockClassHeld): clear first.
	*o = Instance{Header: o.Header}
	if kind >= blockDictMin {
		in.recycleInstance(t, o, kind)
	}
}

const typeSize = unsafe.Sizeof(Type{})

// heapTypeDealloc frees a class: its namespace, its references to its
// bases, and its entries in their subclass lists.
func heapTypeDealloc(in *Interp, v Value) {
	t := (*Type)(v.p)
	for _, b := range t.Bases {
		if b.Flags&TypeHeapType == 0 {
			continue
		}
		for i, s := range b.subclasses {
			if s == t {
				b.subclasses = append(b.subclasses[:i], b.subclasses[i+1:]...)
				break
			}
		}
	}
	if t.dict != nil {
		in.decRef(valueOf(t.dict))
	}
	for _, b := range t.Bases {
		in.decRef(valueOf(b))
	}
	*t = Type{Header: t.Header}
	in.heap.Free(&t.Header, typeSize)
}

// heapConstruct is calling a class: __new__, then __init__ when __new__
// returned an instance of the class.
func heapConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	var obj Value
	c, err := in.ctorOf(t)
	if err != nil {
		return Value{}, err
	}
	newAttr := c.newAttr
	if d, ok := methodDescrOf(newAttr); ok && t.layout.new != nil && t.layout.IsSubtype(d.owner) {
		// A built-in __new__ (the layout's own or an ancestor's, such
		// as object's for a classmethod subclass): the layout builds it.
		obj, err = t.layout.new(in, t, args, kwnames)
	} else if !newAttr.IsNil() {
		fn := newAttr
		if fn.Type() == staticMethodType {
			fn = asObject[staticMethod](fn).fn
		}
		obj, err = in.callWithSelf(fn, valueOf(t), args, kwnames)
	} else {
		obj, err = t.layout.new(in, t, args, kwnames)
	}
	if err != nil {
		return Value{}, err
	}
	if !obj.Type().IsSubtype(t) {
		return obj, nil
	}
	initAttr := c.initAttr
	if ot := obj.Type(); ot != t || !c.validFor(t) {
		// __new__ made an instance of a subclass, or changed the
		// class (a Python __new__ can): __init__ afresh.
		if initAttr, err = in.lookupString(ot, "__init__"); err != nil {
			in.decRef(obj)
			return Value{}, err
		}
	}
	if d, ok := methodDescrOf(initAttr); ok && t.layout.init != nil && t.layout.IsSubtype(d.owner) || initAttr.IsNil() {
		err = t.layout.init(in, obj, args, kwnames)
	} else {
		var r Value
		r, err = in.callAttrWithSelf(initAttr, obj, args, kwnames)
		if err == nil {
			if !r.IsNone() {
				err = in.raise(typeErrorType, "__init__() should return None, not '%s'", r.Type().Name)
			}
			in.decRef(r)
		}
	}
	if err != nil {
		in.decRef(obj)
		return Value{}, err
	}
	return obj, nil
}

func methodDescrOf(v Value) (*MethodDescr, bool) {
	if v.IsNil() || v.Type() != methodDescrType {
		return nil, false
	}
	return asObject[MethodDescr](v), true
}

// callAttrWithSelf calls an attribute found on a type as a method of
// self: functions and method descriptors directly, anything else through
// its descriptor binding.
func (in *Interp) callAttrWithSelf(attr, self Value, args []Value, kwnames []Value) (Value, error) {
	switch attr.Type() {
	case functionType, methodDescrType:
		return in.callWithSelf(attr, self, args, kwnames)
	}
	if get := attr.Type().descrGet; get != nil {
		bound, err := get(in, attr, self, self.Type())
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(bound)
		return in.Call(bound, args, kwnames)
	}
	return in.Call(attr, args, kwnames)
}

// callSpecial calls the special method name of v's type with v first;
// found is false (and nothing is called) when the type has none.
func (in *Interp) callSpecial(v Value, name string, args ...Value) (r Value, found bool, err error) {
	attr, err := in.lookupString(v.Type(), name)
	if err != nil || attr.IsNil() {
		return Value{}, false, err
	}
	r, err = in.callAttrWithSelf(attr, v, args, nil)
	return r, true, err
}

// mroMerge computes the C3 linearization of a class with bases.
func (in *Interp) mroMerge(t *Type, bases []*Type) ([]*Type, error) {
	var seqs [][]*Type
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	mro := []*Type{t}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return mro, nil
		}
		var next *Type
	candidates:
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			for _, o := range seqs {
				for _, x := range o[min(1, len(o)):] {
					if x == c {
						continue candidates
					}
				}
			}
			next = c
			break
		}
		if next == nil {
			var names []string
			seen := map[*Type]bool{}
			for _, s := range seqs[:len(seqs)-1] {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					names = append(names, s[0].Name)
				}
			}
			return nil, in.raise(typeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
		}
		mro = append(mro, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

// setBases is assigning __bases__, as CPython's type_set_bases: the new
// bases must keep the instance layout; the class's MRO and its
// subclasses' are recomputed, and put back if that fails.
func setBases(in *Interp, v, value Value) error {
	t := (*Type)(v.p)
	if t.Flags&TypeHeapType == 0 {
		return in.raise(typeErrorType, "cannot set '__bases__' attribute of immutable type '%s'", t.Name)
	}
	if value.IsNil() {
		return in.raise(typeErrorType, "cannot delete '__bases__' attribute of immutable type '%s'", t.Name)
	}
	if value.Type() != tupleType {
		return in.raise(typeErrorType, "can only assign tuple to %s.__bases__, not %s", t.Name, value.Type().Name)
	}
	items := asObject[Tuple](value).items
	if len(items) == 0 {
		return in.raise(typeErrorType, "can only assign non-empty tuple to %s.__bases__, not ()", t.Name)
	}
	bases := make([]*Type, len(items))
	for i, b := range items {
		if !isType(b) {
			return in.raise(typeErrorType, "%s.__bases__ must be tuple of classes, not '%s'", t.Name, b.Type().Name)
		}
		bt := (*Type)(b.p)
		if bt.IsSubtype(t) {
			return in.raise(typeErrorType, "a __bases__ item causes an inheritance cycle")
		}
		if bt.Flags&TypeBaseType == 0 {
			return in.raise(typeErrorType, "type '%s' is not an acceptable base type", bt.Name)
		}
		for _, o := range bases[:i] {
			if o == bt {
				return in.raise(typeErrorType, "duplicate base class %s", bt.Name)
			}
		}
		bases[i] = bt
	}
	layout := bases[0].layout
	for _, b := range bases[1:] {
		switch {
		case layout.IsSubtype(b.layout):
		case b.layout.IsSubtype(layout):
			layout = b.layout
		default:
			return in.raise(typeErrorType, "multiple bases have instance lay-out conflict")
		}
	}
	if layout != t.layout {
		return in.raise(typeErrorType, "__bases__ assignment: '%s' object layout differs from '%s'", bases[0].Name, t.Base.Name)
	}
	oldBases, oldBase := t.Bases, t.Base
	t.Bases, t.Base = bases, bases[0]
	// The MROs of the class and everything below it.
	saved := map[*Type][]*Type{}
	var remro func(c *Type) error
	remro = func(c *Type) error {
		mro, err := in.mroMerge(c, c.Bases)
		if err != nil {
			return err
		}
		saved[c] = c.MRO
		c.MRO = mro
		for _, s := range c.subclasses {
			if err := remro(s); err != nil {
				return err
			}
		}
		return nil
	}
	if err := remro(t); err != nil {
		t.Bases, t.Base = oldBases, oldBase
		for c, mro := range saved {
			c.MRO = mro
		}
		return err
	}
	for _, b := range bases {
		incRef(valueOf(b))
		if b.Flags&TypeHeapType != 0 {
			b.subclasses = append(b.subclasses, t)
		}
	}
	for _, b := range oldBases {
		if b.Flags&TypeHeapType != 0 {
			for i, s := range b.subclasses {
				if s == t {
					b.subclasses = append(b.subclasses[:i], b.subclasses[i+1:]...)
					break
				}
			}
		}
		in.decRef(valueOf(b))
	}
	in.typeModified(t)
	in.updateSlots(t)
	return nil
}

// solidLayouts are the built-in layouts a class can extend so far.
func subclassable(layout *Type) bool {
	if _, ok := subclassDictOffsets[layout]; ok {
		return true
	}
	// A module keeps its __dict__ in its own struct, so a class derived
	// from module needs nothing added.
	return layout == objectType || layout == baseExceptionType || layout == strType || layout == typeType || layout == moduleType
}

// newClass creates a class: type(name, bases, namespace).
func (in *Interp) newClass(meta *Type, name string, bases []*Type, ns *Dict) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{objectType}
	}
	for i, b := range bases {
		if b.Flags&TypeBaseType == 0 {
			return nil, in.raise(typeErrorType, "type '%s' is not an acceptable base type", typeFullName(b))
		}
		for _, o := range bases[:i] {
			if o == b {
				return nil, in.raise(typeErrorType, "duplicate base class %s", b.Name)
			}
		}
	}
	// The instance layout: every base's must lie on one line of descent.
	layout := bases[0].layout
	for _, b := range bases[1:] {
		switch {
		case layout.IsSubtype(b.layout):
		case b.layout.IsSubtype(layout):
			layout = b.layout
		default:
			return nil, in.raise(typeErrorType, "multiple bases have instance lay-out conflict")
		}
	}
	if !subclassable(layout) {
		return nil, in.raise(notImplementedErrorType, "subclassing the built-in type '%s' is not implemented yet", layout.Name)
	}
	t := &Type{Name: name, Flags: TypeHeapType | TypeBaseType, layout: layout}
	if err := in.account(&t.Header, meta, typeSize); err != nil {
		return nil, err
	}
	t.Header.SetFlags(alloc.FlagContainer)
	t.Base = bases[0]
	t.Bases = bases
	for _, b := range bases {
		incRef(valueOf(b))
	}
	mro, err := in.mroMerge(t, bases)
	if err != nil {
		t.dict = nil
		in.decRef(valueOf(t))
		return nil, err
	}
	t.MRO = mro
	d, err := in.NewDict()
	if err != nil {
		in.decRef(valueOf(t))
		return nil, err
	}
	t.dict = asObject[Dict](d)
	for _, e := range ns.entries {
		if e.key.IsNil() {
			continue
		}
		if err := in.DictSet(t.dict, e.key, e.value); err != nil {
			in.decRef(valueOf(t))
			return nil, err
		}
	}
	if err := in.finishClass(t); err != nil {
		in.decRef(valueOf(t))
		return nil, err
	}
	for _, b := range bases {
		// Built-in types are shared by every interpreter and never
		// change: only classes keep the list (it drives slot updates).
		if b.Flags&TypeHeapType != 0 {
			b.subclasses = append(b.subclasses, t)
		}
	}
	in.typeModified(t)
	in.updateSlots(t)
	return t, nil
}

// finishClass applies type_new's rules to a new class's namespace:
// __qualname__ and __classcell__ are taken out, __doc__ and __hash__ get
// their defaults, __new__ becomes a staticmethod and __init_subclass__ a
// classmethod, __slots__ are checked, and instances get a __dict__ unless
// __slots__ says otherwise.
func (in *Interp) finishClass(t *Type) error {
	get := func(name string) (Value, bool) {
		v, ok, _ := in.DictGet(t.dict, internName(name))
		return v, ok
	}
	if m, ok := get("__module__"); ok && m.Type() == strType {
		t.Module = m.GoString()
	}
	if q, ok := get("__qualname__"); ok {
		if q.Type() != strType {
			return in.raise(typeErrorType, "type __qualname__ must be a str, not %s", q.Type().Name)
		}
		t.Qualname = q.GoString()
		if _, err := in.DictDelete(t.dict, internName("__qualname__")); err != nil {
			return err
		}
	}
	for name, wrap := range map[string]*Type{"__new__": staticMethodType, "__init_subclass__": classMethodType, "__class_getitem__": classMethodType} {
		if fn, ok := get(name); ok && fn.Type() == functionType {
			w, err := wrap.construct(in, wrap, []Value{fn}, nil)
			if err != nil {
				return err
			}
			err = in.DictSet(t.dict, internName(name), w)
			in.decRef(w)
			if err != nil {
				return err
			}
		}
	}
	// Instances get a __dict__ and weak references unless a base gives
	// them already or __slots__ says otherwise; CPython adds their
	// descriptors after the namespace, then __doc__ and __hash__.
	for _, b := range t.MRO[1:] {
		// Only a base with the same Go layout places the dict where
		// this class's instances have it (class IntEnum(int, Enum): the
		// int layout wins, Enum's object-layout offset does not apply).
		if b.dictOffset != 0 && b.layout == t.layout {
			t.dictOffset = b.dictOffset
		}
		if b.Flags&TypeWeakrefs != 0 {
			t.Flags |= TypeWeakrefs
		}
	}
	addDescr := func(name string) error {
		if _, ok := get(name); ok {
			return nil
		}
		return in.DictSet(t.dict, internName(name), instanceAttrDescrs[name])
	}
	if slots, ok := get("__slots__"); ok {
		if err := in.declareSlots(t, slots); err != nil {
			return err
		}
	} else {
		if t.dictOffset == 0 {
			if t.layout == objectType {
				t.dictOffset = unsafe.Offsetof(Instance{}.dict)
			} else if off, ok := subclassDictOffsets[t.layout]; ok {
				t.dictOffset = off
			}
			if t.dictOffset != 0 {
				if err := addDescr("__dict__"); err != nil {
					return err
				}
			}
		}
		// A variable-size object (int, tuple, bytes) has no fixed place
		// for a weak-reference list: CPython gives such subclasses none.
		if t.Flags&TypeWeakrefs == 0 && !varSizeLayout(t.layout) {
			t.Flags |= TypeWeakrefs
			if err := addDescr("__weakref__"); err != nil {
				return err
			}
		}
	}
	if _, ok := get("__doc__"); !ok {
		if err := in.DictSet(t.dict, internName("__doc__"), None); err != nil {
			return err
		}
	}
	if _, ok := get("__eq__"); ok {
		if _, ok := get("__hash__"); !ok {
			if err := in.DictSet(t.dict, internName("__hash__"), None); err != nil {
				return err
			}
		}
	}
	return nil
}

// instanceAttrDescrs are the __dict__ and __weakref__ descriptors a class
// gets when it gives its instances a dict (there are no weak references
// yet, so __weakref__ is always None, which is what it reads then).
var instanceAttrDescrs = map[string]Value{}

var instanceOwner = newBuiltinType("<instance attributes>", objectType, 0)

func init() {
	defGetSet(instanceOwner, "__dict__", func(in *Interp, v Value) (Value, error) {
		d := instanceDict(v)
		if d == nil {
			return Value{}, in.raise(attributeErrorType, "'%s' object has no attribute '__dict__'", v.Type().Name)
		}
		if d.IsNil() {
			nd, err := in.newInstanceDict(v.Type())
			if err != nil {
				return Value{}, err
			}
			*d = nd
		}
		in.publishDict(*d)
		incRef(*d)
		return *d, nil
	}, func(in *Interp, v, value Value) error {
		d := instanceDict(v)
		if d == nil {
			return in.raise(attributeErrorType, "'%s' object has no attribute '__dict__'", v.Type().Name)
		}
		if value.IsNil() {
			return in.raise(typeErrorType, "cannot delete __dict__")
		}
		if value.Type() != dictType {
			return in.raise(typeErrorType, "__dict__ must be set to a dictionary, not a '%s'", value.Type().Name)
		}
		incRef(value)
		in.xdecRef(*d)
		*d = value
		return nil
	})
	defGetSet(instanceOwner, "__weakref__", func(in *Interp, v Value) (Value, error) { return None, nil }, nil)
	instanceAttrDescrs["__dict__"] = instanceOwner.attrs["__dict__"]
	instanceAttrDescrs["__weakref__"] = instanceOwner.attrs["__weakref__"]
	// The owner is not a real type; descriptors check owner with
	// IsSubtype, so make every type pass by giving it object's place.
	for _, name := range []string{"__dict__", "__weakref__"} {
		asObject[GetSetDescr](instanceAttrDescrs[name]).owner = objectType
	}
}

// varSizeLayout reports whether instances of layout keep their items in
// the object itself (CPython's tp_itemsize != 0: int, tuple, bytes, type):
// their subclasses can have neither __slots__ members nor weak references.
func varSizeLayout(layout *Type) bool {
	return builtinSizes[layout].item != 0
}

// layoutBase is the base of class t that CPython's error messages name
// (its "best base"): the first base with t's instance layout.
func layoutBase(t *Type) *Type {
	for _, b := range t.Bases {
		if b.layout == t.layout {
			return b
		}
	}
	return t.layout
}

// slotCount is how many __slots__ values t's instances hold.
func (t *Type) slotCount() int {
	n := 0
	for _, b := range t.MRO {
		n += len(b.slotNames)
	}
	return n
}

// declareSlots gives t a member descriptor for each name in __slots__ and
// a __dict__ only when "__dict__" is among them.
func (in *Interp) declareSlots(t *Type, slots Value) error {
	var names []Value
	if slots.Type() == strType {
		names = []Value{slots}
	} else {
		items, err := in.iterateAll(slots)
		if err != nil {
			return err
		}
		defer func() {
			for _, v := range items {
				in.decRef(v)
			}
		}()
		names = items
	}
	if len(names) > 0 && varSizeLayout(t.layout) {
		return in.raise(typeErrorType, "nonempty __slots__ not supported for subtype of '%s'", layoutBase(t).Name)
	}
	base := 0
	for _, b := range t.MRO[1:] {
		base += len(b.slotNames)
	}
	wantDict, wantWeakref := false, false
	for _, n := range names {
		if n.Type() != strType {
			return in.raise(typeErrorType, "__slots__ items must be strings, not '%s'", n.Type().Name)
		}
		s := n.GoString()
		if s == "__dict__" {
			if wantDict || t.dictOffset != 0 {
				return in.raise(typeErrorType, "__dict__ slot disallowed: we already got one")
			}
			wantDict = true
			continue
		}
		if s == "__weakref__" {
			if wantWeakref || t.Flags&TypeWeakrefs != 0 {
				return in.raise(typeErrorType, "__weakref__ slot disallowed: we already got one")
			}
			wantWeakref = true
			continue
		}
		if slices.Contains(t.slotNames, s) {
			continue // named twice: one member, as in CPython
		}
		if _, ok, _ := in.DictGet(t.dict, n); ok {
			return in.raise(valueErrorType, "'%s' in __slots__ conflicts with class variable", s)
		}
		if _, ok := subclassDictOffsets[t.layout]; t.layout != objectType && t.layout != baseExceptionType && !ok {
			return in.raise(notImplementedErrorType, "__slots__ members in a subclass of '%s' are not implemented yet", t.layout.Name)
		}
		m, err := in.newMember(t, s, base+len(t.slotNames))
		if err != nil {
			return err
		}
		err = in.DictSet(t.dict, n, m)
		in.decRef(m)
		if err != nil {
			return err
		}
		t.slotNames = append(t.slotNames, s)
	}
	// The descriptors of __dict__ and __weakref__ follow the members.
	if wantDict {
		t.dictOffset = unsafe.Offsetof(Instance{}.dict)
		if off, ok := subclassDictOffsets[t.layout]; ok {
			t.dictOffset = off
		} else if t.layout != objectType {
			return in.raise(notImplementedErrorType, "__slots__ with __dict__ in a subclass of '%s' is not implemented yet", t.layout.Name)
		}
		if err := in.DictSet(t.dict, internName("__dict__"), instanceAttrDescrs["__dict__"]); err != nil {
			return err
		}
	}
	if wantWeakref {
		t.Flags |= TypeWeakrefs
		if err := in.DictSet(t.dict, internName("__weakref__"), instanceAttrDescrs["__weakref__"]); err != nil {
			return err
		}
	}
	return nil
}

// member is the descriptor of one __slots__ entry.
type member struct {
	alloc.Header
	owner *Type
	name  string
	index int
}

var memberType = newBuiltinType("member_descriptor", objectType, 0)

const memberSize = unsafe.Sizeof(member{})

func (in *Interp) newMember(owner *Type, name string, index int) (Value, error) {
	m := &member{owner: owner, name: name, index: index}
	if err := in.account(&m.Header, memberType, memberSize); err != nil {
		return Value{}, err
	}
	return valueOf(m), nil
}

func init() {
	memberType.dealloc = func(in *Interp, v Value) {
		m := asObject[member](v)
		*m = member{Header: m.Header}
		in.heap.Free(&m.Header, memberSize)
	}
	memberType.repr = func(in *Interp, v Value) (Value, error) {
		m := asObject[member](v)
		return in.NewStr("<member '" + m.name + "' of '" + m.owner.Name + "' objects>")
	}
	memberType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		m := asObject[member](descr)
		if obj.IsNil() {
			incRef(descr)
			return descr, nil
		}
		if !obj.Type().IsSubtype(m.owner) {
			return Value{}, in.raise(typeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.name, m.owner.Name, obj.Type().Name)
		}
		slots := slotsOf(obj)
		var v Value
		if slots != nil && m.index < len(*slots) {
			v = (*slots)[m.index]
		}
		if v.IsNil() {
			return Value{}, in.raise(attributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, m.name)
		}
		incRef(v)
		return v, nil
	}
	memberType.descrSet = func(in *Interp, descr, obj, value Value) error {
		m := asObject[member](descr)
		if !obj.Type().IsSubtype(m.owner) {
			return in.raise(typeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.name, m.owner.Name, obj.Type().Name)
		}
		slots := slotsOf(obj)
		if *slots == nil {
			// Instances of classes derived from a built-in type get
			// their slots array on first use.
			*slots = make([]Value, obj.Type().slotCount())
		}
		slot := &(*slots)[m.index]
		if value.IsNil() {
			if slot.IsNil() {
				return in.raise(attributeErrorType, "'%s' object has no attribute '%s'", obj.Type().Name, m.name)
			}
			in.decRef(*slot)
			*slot = Value{}
			return nil
		}
		incRef(value)
		in.xdecRef(*slot)
		*slot = value
		return nil
	}
}
