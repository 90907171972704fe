package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Weak references and the _weakref module: a reference that does not
// keep its referent alive and is cleared (its callback called) when the
// referent is freed. The interpreter keeps the weak references of each
// object in a map; a header flag says which objects have any, so freeing
// other objects costs one bit test.

// WeakRef is a weakref.ref (or weakref.proxy) object.
type WeakRef struct {
	alloc.Header
	alloc.GCLink
	referent unsafe.Pointer // the referent's header; nil once it is gone
	callback Value          // called with the reference when it dies, or nil
	hash     int64
	hashed   bool
}

// flagWeakrefs marks an object that has weak references.
const flagWeakrefs = alloc.FlagUser

var (
	weakrefType        = newBuiltinType("ReferenceType", objectType, TypeBaseType)
	weakProxyType      = newBuiltinType("ProxyType", objectType, 0)
	weakCallableProxyT = newBuiltinType("CallableProxyType", objectType, 0)
)

const weakRefSize = unsafe.Sizeof(WeakRef{})

// canWeakref reports whether instances of t support weak references, as
// CPython's tp_weaklistoffset does.
func canWeakref(t *Type) bool {
	for ; t != nil; t = t.Base {
		if t.Flags&TypeWeakrefs != 0 {
			return true
		}
	}
	return false
}

// newWeakRef makes a weak reference of type t to obj.
func (in *Interp) newWeakRef(t *Type, obj, callback Value) (Value, error) {
	if !obj.IsObject() || !canWeakref(obj.Type()) {
		return Value{}, in.raise(typeErrorType, "cannot create weak reference to '%s' object", typeFullName(obj.Type()))
	}
	return in.makeWeakRef(t, obj, callback)
}

// makeWeakRef is newWeakRef without the check that obj's type takes weak
// references: the interpreter itself may watch any object this way (Close
// watches the __main__ namespace, a dict).
func (in *Interp) makeWeakRef(t *Type, obj, callback Value) (Value, error) {
	if callback.IsNone() {
		callback = Value{}
	}
	// A plain ref without a callback is shared, as in CPython.
	if t == weakrefType && callback.IsNil() {
		for _, r := range in.weakrefs[obj.p] {
			if valueOf(r).Type() == weakrefType && r.callback.IsNil() {
				incRef(valueOf(r))
				return valueOf(r), nil
			}
		}
	}
	r := newInstanceStruct[WeakRef](t)
	if err := in.account(&r.Header, t, weakRefSize); err != nil {
		return Value{}, err
	}
	r.referent = obj.p
	if !callback.IsNil() {
		incRef(callback)
		r.callback = callback
	}
	if in.weakrefs == nil {
		in.weakrefs = map[unsafe.Pointer][]*WeakRef{}
	}
	in.weakrefs[obj.p] = append(in.weakrefs[obj.p], r)
	// Immortal objects (built-in types, shared by every interpreter)
	// never die, so they need no mark; writing one would race.
	if h := obj.Header(); !h.Has(alloc.FlagImmortal) {
		h.SetFlags(flagWeakrefs)
	}
	return valueOf(r), nil
}

// referent returns the live referent of r (borrowed), or nil.
func (r *WeakRef) referentValue() Value {
	if r.referent == nil {
		return Value{}
	}
	return Value{r.referent, 0}
}

// dropWeakRef removes r from its referent's list.
func (in *Interp) dropWeakRef(r *WeakRef) {
	if r.referent == nil {
		return
	}
	list := in.weakrefs[r.referent]
	for i, x := range list {
		if x == r {
			list = append(list[:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(in.weakrefs, r.referent)
		if h := (*alloc.Header)(r.referent); !h.Has(alloc.FlagImmortal) {
			h.ClearFlags(flagWeakrefs)
		}
	} else {
		in.weakrefs[r.referent] = list
	}
	r.referent = nil
}

// clearWeakRefs runs when an object with weak references is freed: the
// references go dead, then their callbacks run (errors are reported as
// unraisable), as CPython's PyObject_ClearWeakRefs does.
func (in *Interp) clearWeakRefs(h *alloc.Header) {
	p := unsafe.Pointer(h)
	list := in.weakrefs[p]
	delete(in.weakrefs, p)
	h.ClearFlags(flagWeakrefs)
	var pending []*WeakRef
	for _, r := range list {
		r.referent = nil
		if !r.callback.IsNil() {
			incRef(valueOf(r)) // alive until its callback has run
			pending = append(pending, r)
		}
	}
	for _, r := range pending {
		cb := r.callback
		res, err := in.Call(cb, []Value{valueOf(r)}, nil)
		if err != nil {
			in.unraisable(err, cb)
		} else {
			in.decRef(res)
		}
		in.decRef(valueOf(r))
	}
}

func init() {
	for _, t := range []*Type{functionType, builtinFunctionType, typeType, setType, frozensetType, generatorType, codeType, moduleType, boundMethodType} {
		t.Flags |= TypeWeakrefs
	}
	weakrefType.Module = "weakref"
	weakProxyType.Module = "weakref"
	weakCallableProxyT.Module = "weakref"
	for _, t := range []*Type{weakrefType, weakProxyType, weakCallableProxyT} {
		t.dealloc = func(in *Interp, v Value) {
			r := asObject[WeakRef](v)
			in.dropWeakRef(r)
			in.xdecRef(r.callback)
			*r = WeakRef{Header: r.Header}
			in.heap.Free(&r.Header, weakRefSize)
		}
		t.traverse = func(v Value, visit func(Value)) { visitSome(visit, asObject[WeakRef](v).callback) }
		t.clear = func(in *Interp, v Value) { in.clearField(&asObject[WeakRef](v).callback) }
	}
	weakrefType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) < 1 || len(args)-len(kwnames) > 2 {
			return Value{}, in.raise(typeErrorType, "__new__ expected at most 2 arguments, got %d", len(args))
		}
		cb := Value{}
		if len(args)-len(kwnames) == 2 {
			cb = args[1]
		}
		return in.newWeakRef(t, args[0], cb)
	}
	weakrefType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error { return nil }
	weakrefType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "ref() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			return Value{}, in.raise(typeErrorType, "__new__ expected at most 2 arguments, got %d", len(args))
		}
		return weakrefType.new(in, t, args, nil)
	}
	weakrefType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("weakref", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		r := asObject[WeakRef](v).referentValue()
		if r.IsNil() {
			return None, nil
		}
		incRef(r)
		return r, nil
	}
	weakrefType.repr = func(in *Interp, v Value) (Value, error) {
		r := asObject[WeakRef](v).referentValue()
		if r.IsNil() {
			return in.NewStr("<weakref at 0x" + hexAddr(v) + "; dead>")
		}
		return in.NewStr("<weakref at 0x" + hexAddr(v) + "; to '" + r.Type().qualname() + "' at 0x" + hexAddr(r) + ">")
	}
	weakrefType.hash = func(in *Interp, v Value) (int64, error) {
		w := asObject[WeakRef](v)
		if w.hashed {
			return w.hash, nil
		}
		r := w.referentValue()
		if r.IsNil() {
			return 0, in.raise(typeErrorType, "weak object has gone away")
		}
		h, err := in.Hash(r)
		if err != nil {
			return 0, err
		}
		w.hash, w.hashed = h, true
		return h, nil
	}
	weakrefType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if (op != CmpEQ && op != CmpNE) || !b.Type().IsSubtype(weakrefType) {
			return NotImplemented, nil
		}
		x, y := asObject[WeakRef](a).referentValue(), asObject[WeakRef](b).referentValue()
		if x.IsNil() || y.IsNil() {
			return Bool(a.Is(b) == (op == CmpEQ)), nil
		}
		return in.RichCompare(x, y, op)
	}
	defGetSet(weakrefType, "__callback__", func(in *Interp, v Value) (Value, error) {
		cb := asObject[WeakRef](v).callback
		if cb.IsNil() {
			return None, nil
		}
		incRef(cb)
		return cb, nil
	}, nil)
	defGetSet(instanceOwner, "__weakref__", func(in *Interp, v Value) (Value, error) {
		if list := in.weakrefs[v.p]; len(list) > 0 {
			incRef(valueOf(list[0]))
			return valueOf(list[0]), nil
		}
		return None, nil
	}, nil)
	instanceAttrDescrs["__weakref__"] = instanceOwner.attrs["__weakref__"]
	asObject[GetSetDescr](instanceAttrDescrs["__weakref__"]).owner = objectType

	// Proxies forward to their referent.
	proxied := func(in *Interp, v Value) (Value, error) {
		r := asObject[WeakRef](v).referentValue()
		if r.IsNil() {
			return Value{}, in.raise(exceptionTypes["ReferenceError"], "weakly-referenced object no longer exists")
		}
		return r, nil
	}
	for _, t := range []*Type{weakProxyType, weakCallableProxyT} {
		t.getattr = func(in *Interp, v, name Value) (Value, error) {
			r, err := proxied(in, v)
			if err != nil {
				return Value{}, err
			}
			return in.GetAttr(r, name)
		}
		t.setattr = func(in *Interp, v, name, value Value) error {
			r, err := proxied(in, v)
			if err != nil {
				return err
			}
			return in.SetAttr(r, name, value)
		}
		t.repr = func(in *Interp, v Value) (Value, error) {
			r := asObject[WeakRef](v).referentValue()
			if r.IsNil() {
				return in.NewStr("<weakproxy at 0x" + hexAddr(v) + "; dead>")
			}
			return in.NewStr("<weakproxy at 0x" + hexAddr(v) + "; to '" + r.Type().qualname() + "' at 0x" + hexAddr(r) + ">")
		}
		t.str = func(in *Interp, v Value) (Value, error) {
			r, err := proxied(in, v)
			if err != nil {
				return Value{}, err
			}
			return in.Str(r)
		}
		t.boolean = func(in *Interp, v Value) (bool, error) {
			r, err := proxied(in, v)
			if err != nil {
				return false, err
			}
			return in.Truth(r)
		}
	}
	weakCallableProxyT.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		r, err := proxied(in, v)
		if err != nil {
			return Value{}, err
		}
		return in.Call(r, args, kwnames)
	}

	registerModule("_weakref", func(in *Interp, m *Module) error {
		for name, t := range map[string]*Type{"ref": weakrefType, "ReferenceType": weakrefType, "ProxyType": weakProxyType, "CallableProxyType": weakCallableProxyT} {
			if err := in.setGlobal(m, name, valueOf(t)); err != nil {
				return err
			}
		}
		for _, fn := range []Value{
			newBuiltin("getweakrefcount", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.checkArgCount("getweakrefcount", args, kwnames, 1, 1); err != nil {
					return Value{}, err
				}
				return Int(int64(len(in.weakrefs[args[0].p]))), nil
			}),
			newBuiltin("getweakrefs", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.checkArgCount("getweakrefs", args, kwnames, 1, 1); err != nil {
					return Value{}, err
				}
				var vs []Value
				for _, r := range in.weakrefs[args[0].p] {
					vs = append(vs, valueOf(r))
				}
				return in.NewList(vs...)
			}),
			newBuiltin("proxy", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.checkArgCount("proxy", args, kwnames, 1, 2); err != nil {
					return Value{}, err
				}
				cb := Value{}
				if len(args) == 2 {
					cb = args[1]
				}
				t := weakProxyType
				if args[0].Type().call != nil {
					t = weakCallableProxyT
				}
				return in.newWeakRef(t, args[0], cb)
			}),
			newBuiltin("_remove_dead_weakref", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.checkArgCount("_remove_dead_weakref", args, kwnames, 2, 2); err != nil {
					return Value{}, err
				}
				if args[0].Type() != dictType {
					return Value{}, in.raise(typeErrorType, "_remove_dead_weakref() argument 1 must be dict, not %s", args[0].Type().Name)
				}
				d := asObject[Dict](args[0])
				v, ok, err := in.DictGet(d, args[1])
				if err != nil || !ok {
					return None, err
				}
				if v.Type().IsSubtype(weakrefType) && asObject[WeakRef](v).referent == nil {
					if _, err := in.DictDelete(d, args[1]); err != nil {
						return Value{}, err
					}
				}
				return None, nil
			}),
		} {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}
