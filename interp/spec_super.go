package interp

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// The specialized forms of LOAD_SUPER_ATTR and BINARY_SUBSCR_GETITEM.
//
// LOAD_SUPER_ATTR_ATTR and LOAD_SUPER_ATTR_METHOD are CPython 3.12's: the
// global `super` is the builtin and the class is a type, and no super
// object is made. Ours also cache what the MRO walk found (CPython's walk
// runs at every execution): the attribute depends only on the dicts of
// the classes after `class` in the MRO of self's type, each of which
// renews that type's version when it changes (typeModified), so the
// type's version and the class's identity prove the cached attribute is
// still the one a walk would find. Cache: 1.p the class, 1.n the version
// of self's type, 2 the attribute (borrowed).
//
// BINARY_SUBSCR_GETITEM is CPython's too: container[sub] on an instance
// of a class whose __getitem__ is a Python function taking exactly
// (self, key) pushes that function's frame with the two operands as its
// arguments, as CALL_PY_EXACT_ARGS would; its return value lands where
// the subscript's goes. Cache: 1.p the function (borrowed), 1.n the
// class's version.

// The cache sizes of the two families, for the fast loop.
var (
	loadSuperAttrCache = uint32(bytecode.LOAD_SUPER_ATTR.CacheSize())
	binarySubscrCache  = uint32(bytecode.BINARY_SUBSCR.CacheSize())
)

// superOwnAttr is name in t's own namespace without running Python code
// (a key that is not an exact str could): ok is false when it is absent
// or cannot be looked up so.
func (in *Interp) superOwnAttr(t *Type, name Value) (Value, bool) {
	if t.dict != nil {
		if ix := in.dictIndex(t.dict, name); ix >= 0 {
			return t.dict.entries[ix].value, true
		}
		return Value{}, false
	}
	v, ok := t.attrs[name.GoString()]
	return v, ok
}

// pickLoadSuperAttr specializes LOAD_SUPER_ATTR for the operands on f's
// stack: zero-argument or two-argument super with the builtin super,
// self an instance (not a class) of a versioned type below class, and
// the name found, by str keys alone, in a class after class in the MRO.
func (in *Interp) pickLoadSuperAttr(f *frame, c []cacheEntry, oparg int) bytecode.Op {
	global, class, self := f.slots[f.sp-3], f.slots[f.sp-2], f.slots[f.sp-1]
	if global.p != superTypeValue.p || !class.IsObject() || !isType(class) {
		return 0
	}
	start, t := (*Type)(class.p), self.Type()
	if t.Version == 0 || t.IsSubtype(typeType) || !t.IsSubtype(start) {
		return 0
	}
	name := f.code.names[oparg>>2]
	mro := t.MRO
	i := 0
	for i < len(mro) && mro[i] != start {
		i++
	}
	for _, b := range mro[min(i+1, len(mro)):] {
		if b.dict != nil {
			// A key that is not an exact str, anywhere on the probe
			// path, refuses: dictIndex cannot tell absent from unknown.
			for _, e := range b.dict.entries {
				if !e.key.IsNil() && e.key.Type() != strType {
					return 0
				}
			}
		}
		v, ok := in.superOwnAttr(b, name)
		if !ok {
			continue
		}
		c[1].p, c[1].n = class.p, uint64(t.Version)
		c[2].setValue(v)
		if oparg&1 != 0 && (v.Type() == functionType || v.Type() == methodDescrType && !asObject[MethodDescr](v).static) {
			return bytecode.LOAD_SUPER_ATTR_METHOD
		}
		return bytecode.LOAD_SUPER_ATTR_ATTR
	}
	return 0 // not found, or super's own attributes: the generic form's
}

// loadSuperAttrCached is LOAD_SUPER_ATTR_ATTR and _METHOD at f.pc-1 (f.pc
// is past it). ok is false, with nothing changed, when a guard fails;
// else the result is pushed (the method and self for _METHOD) or err is
// raised at the instruction (a descriptor's __get__ can raise).
func (in *Interp) loadSuperAttrCached(f *frame, op bytecode.Op, c []cacheEntry, oparg int) (ok bool, err error) {
	sp := f.sp
	global, class, self := f.slots[sp-3], f.slots[sp-2], f.slots[sp-1]
	t := self.Type()
	if global.p != superTypeValue.p || class.p != c[1].p || t.Version == 0 || uint32(c[1].n) != t.Version {
		return false, nil
	}
	v := c[2].value()
	f.slots[sp-3], f.slots[sp-2], f.slots[sp-1] = Value{}, Value{}, Value{}
	f.sp = sp - 3
	// The builtin super is immortal; the class is in the MRO of self's
	// type, so its count does not reach zero here.
	if alloc.DecRef((*alloc.Header)(class.p)) {
		in.dealloc(class)
	}
	if op == bytecode.LOAD_SUPER_ATTR_METHOD {
		incRef(v)
		f.push(v)
		f.push(self) // the stack's reference
		return true, nil
	}
	r := v
	if get := v.Type().descrGet; get != nil {
		r, err = get(in, v, self, t)
	} else {
		incRef(v)
	}
	in.decRef(self)
	if err != nil {
		return true, err
	}
	if oparg&1 != 0 {
		f.push(Value{})
	}
	f.push(r)
	return true, nil
}

// exactTwoArgs reports whether BINARY_SUBSCR_GETITEM and BINARY_OP_PY
// can push fn's frame: it takes exactly two positional arguments (self,
// key or other) and is no generator or coroutine (read at each
// execution: __code__ may be assigned).
func exactTwoArgs(fn *Function) bool {
	c := fn.code
	return c.exactArgs && c.tmpl.ArgCount == 2 && c.tmpl.Flags&(compile.CO_GENERATOR|compile.CO_COROUTINE|compile.CO_ASYNC_GENERATOR) == 0
}

// pickBinarySubscrGetitem specializes BINARY_SUBSCR for an instance of a
// versioned class whose __getitem__, found by str keys alone, suits
// exactTwoArgs.
func (in *Interp) pickBinarySubscrGetitem(container Value, c []cacheEntry) bytecode.Op {
	if !container.IsObject() {
		return 0
	}
	t := container.Type()
	if t.Flags&TypeHeapType == 0 || t.Version == 0 {
		return 0
	}
	name := internName("__getitem__")
	for _, b := range t.MRO {
		if b.dict == nil {
			if _, ok := b.attrs["__getitem__"]; ok {
				return 0 // a built-in type's slot: the generic form's
			}
			continue
		}
		ix := in.dictIndex(b.dict, name)
		if ix < 0 {
			for _, e := range b.dict.entries {
				if !e.key.IsNil() && e.key.Type() != strType {
					return 0
				}
			}
			continue
		}
		fn := b.dict.entries[ix].value
		if fn.Type() != functionType || !exactTwoArgs(asObject[Function](fn)) {
			return 0
		}
		c[1].p, c[1].n = fn.p, uint64(t.Version)
		return bytecode.BINARY_SUBSCR_GETITEM
	}
	return 0
}

// binarySubscrGetitem is BINARY_SUBSCR_GETITEM at f.pc-1 (f.pc is past
// it): the frame of the cached __getitem__, with container and sub moved
// into its arguments, is returned for the caller to run (its back not
// yet set). ok is false, with nothing changed, when a guard fails (the
// eval breaker counts as one: the generic form checks it through the
// call).
func (in *Interp) binarySubscrGetitem(f *frame, c []cacheEntry) (callee *frame, ok bool, err error) {
	container := f.slots[f.sp-2]
	if !container.IsObject() || in.breaker.Load() != 0 {
		return nil, false, nil
	}
	if t := container.Type(); t.Version == 0 || uint32(c[1].n) != t.Version {
		return nil, false, nil
	}
	fnv := Value{p: c[1].p}
	fn := asObject[Function](fnv)
	if !exactTwoArgs(fn) {
		return nil, false, nil
	}
	callee, err = in.pushFunctionFrame(f, fnv)
	if err != nil {
		return nil, true, err
	}
	callee.slots[0], callee.slots[1] = container, f.slots[f.sp-1] // the stack's references
	f.sp -= 2
	f.slots[f.sp], f.slots[f.sp+1] = Value{}, Value{}
	return callee, true, nil
}

// execLoadSuperAttr is LOAD_SUPER_ATTR's generic form: super(class,
// self).name, or the method and self for a method load (oparg&1).
func (in *Interp) execLoadSuperAttr(f *frame, oparg int) error {
	self := f.pop()
	class := f.pop()
	global := f.pop()
	r, isMethod, err := in.superAttr(global, class, self, f.code.names[oparg>>2], oparg&1 != 0)
	in.decRef(global)
	in.decRef(class)
	if err != nil {
		in.decRef(self)
		return err
	}
	if oparg&1 != 0 {
		if isMethod {
			f.push(r)
			f.push(self)
			return nil
		}
		f.push(Value{})
	}
	in.decRef(self)
	f.push(r)
	return nil
}
