package interp

import (
	"unsafe"
)

// Attribute access: the MRO lookup, the generic getattr and setattr of
// objects (descriptors first, then the instance dict, as CPython's
// PyObject_GenericGetAttr does) and of types.

// lookup finds name in t's MRO (CPython's _PyType_Lookup): a borrowed
// value, or nil.
func (in *Interp) lookup(t *Type, name Value) (Value, error) {
	if t.dict != nil && t.Version != 0 && cacheableName(name) {
		return in.lookupCached(t, name)
	}
	return in.lookupMRO(t, name)
}

// lookupMRO is lookup without the cache: a walk of t's MRO.
func (in *Interp) lookupMRO(t *Type, name Value) (Value, error) {
	for _, b := range t.MRO {
		if v, ok, err := in.typeOwnAttr(b, name); err != nil || ok {
			return v, err
		}
	}
	return Value{}, nil
}

// typeOwnAttr looks name up in t's own namespace, not its bases.
func (in *Interp) typeOwnAttr(t *Type, name Value) (Value, bool, error) {
	if t.dict != nil {
		return in.DictGet(t.dict, name)
	}
	v, ok := t.attrs[name.GoString()]
	return v, ok, nil
}

// lookupString is lookup for a name known to Go code. It interns the
// name only when it must: a built-in type's MRO holds built-in types,
// whose attributes are keyed by Go strings, and a class's cache knows
// the name by its Go string too.
func (in *Interp) lookupString(t *Type, name string) (Value, error) {
	if t.Flags&TypeHeapType == 0 {
		for _, b := range t.MRO {
			if b.dict != nil {
				return in.lookup(t, internName(name))
			}
			if v, ok := b.attrs[name]; ok {
				return v, nil
			}
		}
		return Value{}, nil
	}
	if t.dict != nil && t.Version != 0 {
		return in.lookupStringCached(t, name)
	}
	return in.lookup(t, internName(name))
}

// instanceDict returns the address of v's __dict__ field, or nil when its
// type gives instances none.
func instanceDict(v Value) *Value {
	t := v.Type()
	if t.dictOffset == 0 || !v.IsObject() {
		return nil
	}
	return (*Value)(unsafe.Add(v.p, t.dictOffset))
}

// GetAttr returns getattr(v, name) as a new reference.
func (in *Interp) GetAttr(v, name Value) (Value, error) {
	if g := v.Type().getattr; g != nil {
		return g(in, v, name)
	}
	return in.genericGetAttr(v, name, false)
}

// getAttrString is GetAttr for a name known to Go code.
func (in *Interp) getAttrString(v Value, name string) (Value, error) {
	return in.GetAttr(v, internName(name))
}

// lookupAttr is getattr that answers nil instead of raising
// AttributeError (CPython's _PyObject_LookupAttr), for hasattr and
// getattr with a default.
func (in *Interp) lookupAttr(v, name Value) (Value, error) {
	var r Value
	var err error
	if v.Type().getattr == nil {
		// A descriptor (a slot, a property) may raise AttributeError
		// itself: that too means the attribute is missing.
		r, err = in.genericGetAttr(v, name, true)
	} else {
		r, err = in.GetAttr(v, name)
	}
	if err != nil && in.isAttributeError(err) {
		in.decRef(valueOf(err.(*Exception)))
		return Value{}, nil
	}
	return r, err
}

func (in *Interp) isAttributeError(err error) bool { return ErrorIs(err, attributeErrorType) }

// genericGetAttr is object.__getattribute__. With suppress set, a missing
// attribute answers nil instead of raising.
func (in *Interp) genericGetAttr(v, name Value, suppress bool) (Value, error) {
	return in.genericGetAttrIn(v, name, instanceDict(v), suppress)
}

// genericGetAttrIn is genericGetAttr with the instance dict found at
// dictSlot (nil: the object has none), CPython's
// _PyObject_GenericGetAttrWithDict: _thread._local passes the running
// thread's dict.
func (in *Interp) genericGetAttrIn(v, name Value, dictSlot *Value, suppress bool) (Value, error) {
	t := v.Type()
	descr, err := in.lookup(t, name)
	if err != nil {
		return Value{}, err
	}
	var get func(in *Interp, descr, obj Value, t *Type) (Value, error)
	if !descr.IsNil() {
		dt := descr.Type()
		get = dt.descrGet
		if get != nil && dt.descrSet != nil {
			return get(in, descr, v, t)
		}
	}
	if d := dictSlot; d != nil && !d.IsNil() {
		if r, ok, err := in.DictGet(asObject[Dict](*d), name); err != nil || ok {
			if ok {
				incRef(r)
			}
			return r, err
		}
	}
	if get != nil {
		return get(in, descr, v, t)
	}
	if !descr.IsNil() {
		incRef(descr)
		return descr, nil
	}
	if suppress {
		return Value{}, nil
	}
	return Value{}, in.noAttribute(v, name)
}

// noAttribute is the AttributeError of a missing attribute, carrying the
// object and the name for the "Did you mean" hint of the traceback.
func (in *Interp) noAttribute(v, name Value) error {
	var err error
	if v.Type() == typeType || v.Type().IsSubtype(typeType) {
		err = in.raise(attributeErrorType, "type object '%s' has no attribute '%s'", (*Type)(v.p).Name, name.GoString())
	} else if v.Type() == moduleType {
		err = in.raise(attributeErrorType, "module '%s' has no attribute '%s'", asObject[Module](v).nameString(), name.GoString())
	} else {
		err = in.raise(attributeErrorType, "'%s' object has no attribute '%s'", v.Type().Name, name.GoString())
	}
	if e, ok := err.(*Exception); ok {
		e.setNameObj(name, v)
	}
	return err
}

// SetAttr does setattr(v, name, value), or del v.name when value is nil.
func (in *Interp) SetAttr(v, name, value Value) error {
	if s := v.Type().setattr; s != nil {
		return s(in, v, name, value)
	}
	return in.genericSetAttr(v, name, value)
}

// genericSetAttr is object.__setattr__ and object.__delattr__.
func (in *Interp) genericSetAttr(v, name, value Value) error {
	return in.genericSetAttrIn(v, name, value, instanceDict(v))
}

// genericSetAttrIn is genericSetAttr with the instance dict at dictSlot
// (nil: the object has none), as genericGetAttrIn.
func (in *Interp) genericSetAttrIn(v, name, value Value, dictSlot *Value) error {
	if name.Type() != strType {
		return in.raise(typeErrorType, "attribute name must be string, not '%s'", name.Type().Name)
	}
	t := v.Type()
	descr, err := in.lookup(t, name)
	if err != nil {
		return err
	}
	if !descr.IsNil() {
		if set := descr.Type().descrSet; set != nil {
			return set(in, descr, v, value)
		}
	}
	d := dictSlot
	if d == nil {
		if !descr.IsNil() {
			return in.raise(attributeErrorType, "'%s' object attribute '%s' is read-only", t.Name, name.GoString())
		}
		return in.noAttribute(v, name)
	}
	if value.IsNil() {
		if !d.IsNil() {
			if ok, err := in.DictDelete(asObject[Dict](*d), name); err != nil || ok {
				return err
			}
		}
		return in.noAttribute(v, name)
	}
	if d.IsNil() {
		nd, err := in.newInstanceDict(t)
		if err != nil {
			return err
		}
		*d = nd
	}
	return in.DictSet(asObject[Dict](*d), name, value)
}

// typeGetAttr is type.__getattribute__: data descriptors of the
// metatype, then the class's MRO (binding descriptors to the class),
// then the metatype's other attributes.
func typeGetAttr(in *Interp, v, name Value) (Value, error) {
	t := (*Type)(v.p)
	meta := v.Type()
	metaAttr, err := in.lookup(meta, name)
	if err != nil {
		return Value{}, err
	}
	var metaGet func(in *Interp, descr, obj Value, t *Type) (Value, error)
	if !metaAttr.IsNil() {
		mt := metaAttr.Type()
		metaGet = mt.descrGet
		if metaGet != nil && mt.descrSet != nil {
			return metaGet(in, metaAttr, v, meta)
		}
	}
	attr, err := in.lookup(t, name)
	if err != nil {
		return Value{}, err
	}
	if !attr.IsNil() {
		if get := attr.Type().descrGet; get != nil {
			return get(in, attr, Value{}, t)
		}
		incRef(attr)
		return attr, nil
	}
	if metaGet != nil {
		return metaGet(in, metaAttr, v, meta)
	}
	if !metaAttr.IsNil() {
		incRef(metaAttr)
		return metaAttr, nil
	}
	return Value{}, in.noAttribute(v, name)
}

// typeSetAttr is type.__setattr__: built-in types are immutable; a
// class's namespace changes, and so may its slots and its subclasses'.
func typeSetAttr(in *Interp, v, name, value Value) error {
	t := (*Type)(v.p)
	if name.Type() != strType {
		return in.raise(typeErrorType, "attribute name must be string, not '%s'", name.Type().Name)
	}
	if t.dict == nil {
		if handled, err := in.setStaticTypeModule(t, name, value); handled {
			return err
		}
		return in.raise(typeErrorType, "cannot set '%s' attribute of immutable type '%s'", name.GoString(), t.Name)
	}
	metaAttr, err := in.lookup(v.Type(), name)
	if err != nil {
		return err
	}
	if !metaAttr.IsNil() {
		if set := metaAttr.Type().descrSet; set != nil {
			return set(in, metaAttr, v, value)
		}
	}
	if value.IsNil() {
		ok, err := in.DictDelete(t.dict, name)
		if err != nil {
			return err
		}
		if !ok {
			return in.noAttribute(v, name)
		}
	} else if err := in.DictSet(t.dict, name, value); err != nil {
		return err
	}
	in.typeModified(t)
	if s := name.GoString(); len(s) > 4 && s[:2] == "__" && s[len(s)-2:] == "__" {
		in.updateSlots(t)
	}
	return nil
}

// nextTypeVersion numbers heap types' versions; built-in types take
// theirs from their registration order, below this range.
const nextTypeVersion uint32 = 1 << 16

// typeModified gives t and its subclasses new versions, invalidating
// every cached lookup through them.
func (in *Interp) typeModified(t *Type) {
	in.typeVersion++
	t.Version = nextTypeVersion + in.typeVersion
	for _, s := range t.subclasses {
		in.typeModified(s)
	}
}
