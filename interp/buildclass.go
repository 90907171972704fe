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

// builtinBuildClass is __build_class__(func, name, *bases, **kwds): run
// the class body in a new namespace, then make the class.
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
	var bases []*Type
	for _, b := range args[2:npos] {
		if !isType(b) {
			if b.Type().Flags&TypeHeapType != 0 || b.Type().attrs["__mro_entries__"].p != nil {
				return Value{}, in.raise(notImplementedErrorType, "class bases that are not classes (__mro_entries__) are not implemented yet")
			}
			return Value{}, in.raise(typeErrorType, "bases must be types")
		}
		if b.Type() != typeType {
			return Value{}, in.raise(notImplementedErrorType, "metaclasses are not implemented yet")
		}
		bases = append(bases, (*Type)(b.p))
	}
	var initKw []Value
	var initKwNames []Value
	for i, k := range kwnames {
		v := args[npos+i]
		if k.GoString() == "metaclass" {
			if v.p != valueOf(typeType).p {
				return Value{}, in.raise(notImplementedErrorType, "metaclasses are not implemented yet")
			}
			continue
		}
		initKw = append(initKw, v)
		initKwNames = append(initKwNames, k)
	}
	nsv, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(nsv)
	ns := asObject[Dict](nsv)
	if err := in.enterCall(""); err != nil {
		return Value{}, err
	}
	f, err := in.bindArgs(fn, Value{}, nil, nil)
	if err != nil {
		in.leaveCall()
		return Value{}, err
	}
	f.names = ns
	f.entry = true
	cell, err := in.run(f)
	in.leaveCall()
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(cell)
	t, err := in.newClass(args[1].GoString(), bases, ns)
	if err != nil {
		return Value{}, err
	}
	cls := valueOf(t)
	if cell.Type() == cellType {
		c := asObject[Cell](cell)
		incRef(cls)
		in.xdecRef(c.v)
		c.v = cls
	}
	if err := in.initNewClass(t, initKw, initKwNames); err != nil {
		in.decRef(cls)
		return Value{}, err
	}
	return cls, nil
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
		case v.Type() == methodDescrType:
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

// typeNew is type(name, bases, dict).
func typeNew(in *Interp, args []Value, kwnames []Value) (Value, error) {
	name, basesV, dictV := args[0], args[1], args[2]
	if name.Type() != strType {
		return Value{}, in.raise(typeErrorType, "type.__new__() argument 1 must be str, not %s", name.Type().Name)
	}
	if basesV.Type() != tupleType {
		return Value{}, in.raise(typeErrorType, "type.__new__() argument 2 must be tuple, not %s", basesV.Type().Name)
	}
	if dictV.Type() != dictType {
		return Value{}, in.raise(typeErrorType, "type.__new__() argument 3 must be dict, not %s", dictV.Type().Name)
	}
	var bases []*Type
	for _, b := range asObject[Tuple](basesV).items {
		if !isType(b) {
			return Value{}, in.raise(typeErrorType, "bases must be types")
		}
		bases = append(bases, (*Type)(b.p))
	}
	ns := asObject[Dict](dictV)
	if _, ok, _ := in.DictGet(ns, internName("__module__")); !ok {
		// type() takes __module__ from the caller's globals; the
		// interpreter does not track the calling frame, so it asks for
		// it explicitly rather than guessing.
		return Value{}, in.raise(notImplementedErrorType, "type(name, bases, dict) without '__module__' in dict is not implemented yet")
	}
	t, err := in.newClass(name.GoString(), bases, ns)
	if err != nil {
		return Value{}, err
	}
	if err := in.initNewClass(t, args[3:3+len(kwnames)], kwnames); err != nil {
		in.decRef(valueOf(t))
		return Value{}, err
	}
	return valueOf(t), nil
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
			return Value{}, in.raise(notImplementedErrorType, "super() without arguments outside an attribute lookup (super().name) is not implemented yet")
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
