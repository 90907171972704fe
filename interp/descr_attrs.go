package interp

import "github.com/parallel-py/parallel/interp/bytecode"

// The introspection attributes of getset and member descriptors
// (__name__, __qualname__, __objclass__, __doc__), which inspect reads
// (getattr_static checks a class's __dict__ descriptor by its name).

func init() {
	for _, d := range []struct {
		t    *Type
		info func(v Value) (string, *Type)
	}{
		{getsetDescrType, func(v Value) (string, *Type) { g := asObject[GetSetDescr](v); return g.name, g.owner }},
		{memberType, func(v Value) (string, *Type) { m := asObject[member](v); return m.name, m.owner }},
	} {
		info := d.info
		defGetSet(d.t, "__name__", func(in *Interp, v Value) (Value, error) {
			name, _ := info(v)
			return in.NewStr(name)
		}, nil)
		defGetSet(d.t, "__qualname__", func(in *Interp, v Value) (Value, error) {
			name, owner := info(v)
			return in.NewStr(owner.qualname() + "." + name)
		}, nil)
		defGetSet(d.t, "__objclass__", func(in *Interp, v Value) (Value, error) {
			_, owner := info(v)
			incRef(valueOf(owner))
			return valueOf(owner), nil
		}, nil)
		defGetSet(d.t, "__doc__", func(in *Interp, v Value) (Value, error) { return None, nil }, nil)
	}
}

// pickLoadAttrGetSet fills c for a plain (not method) load of an
// attribute that a getset descriptor of a built-in type computes in Go
// (frame.f_code, code.co_name, ...), found on t as descr: the
// LOAD_ATTR_PROPERTY form with the descriptor in c[2] where a property
// has its Python getter. A getset is a data descriptor, so the
// instance dict does not matter, and t's version proves descr is still
// the one found. CPython leaves these sites generic; the generic load
// is a lookup through the MRO per execution.
func pickLoadAttrGetSet(t *Type, descr Value, c []cacheEntry, oparg int) bytecode.Op {
	if descr.Type() != getsetDescrType || oparg&1 != 0 || t.Version == 0 {
		return 0
	}
	c[1].n = uint64(t.Version)
	c[2].setValue(descr)
	return bytecode.LOAD_ATTR_PROPERTY
}

// loadAttrGetSet is LOAD_ATTR_PROPERTY with a getset descriptor in
// c[2] (pickLoadAttrGetSet): the getter's result replaces owner on the
// stack. ok is false when the guard fails (nothing changed); when the
// getter raises, owner is popped and released, as the generic load
// leaves the stack.
func (in *Interp) loadAttrGetSet(f *frame, c []cacheEntry) (ok bool, err error) {
	owner := f.top()
	if !owner.IsObject() {
		return false, nil
	}
	if t := owner.Type(); t.Version == 0 || uint32(c[1].n) != t.Version {
		return false, nil
	}
	in.frame = f
	r, err := asObject[GetSetDescr](c[2].value()).get(in, owner)
	if err != nil {
		f.sp--
		f.slots[f.sp] = Value{}
		in.decRef(owner)
		return true, err
	}
	f.slots[f.sp-1] = r
	in.decRef(owner)
	return true, nil
}
