package interp

import (
	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// propertyGetter returns the getter of descr when LOAD_ATTR_PROPERTY can
// run it: descr is a property whose getter is a Python function taking
// exactly self, not a generator or coroutine.
func propertyGetter(descr Value) (Value, bool) {
	if descr.IsNil() || descr.Type() != propertyType {
		return Value{}, false
	}
	get := asObject[property](descr).get
	if get.IsNil() || get.Type() != functionType {
		return Value{}, false
	}
	return get, propertyCallable(asObject[Function](get))
}

// propertyCallable reports whether fn's code lets LOAD_ATTR_PROPERTY
// push its frame with self as the only argument (read at each call:
// __code__ may be assigned).
func propertyCallable(fn *Function) bool {
	c := fn.code
	return c.exactArgs && c.tmpl.ArgCount == 1 && c.tmpl.Flags&(compile.CO_GENERATOR|compile.CO_COROUTINE|compile.CO_ASYNC_GENERATOR) == 0
}

// loadAttrProperty is LOAD_ATTR_PROPERTY: owner.name where name is a
// property of owner's class with a Python getter. The getter's frame is
// pushed with owner as its argument (the stack's reference moves into
// it), and its return value lands where the attribute would: no Go-level
// call chain, no nested evaluation loop. The type's version proves the
// property is still the one found (a property is a data descriptor, so
// the instance dict does not matter); its getter is cached in c[2]. ok
// is false when a guard fails (nothing changed).
func (in *Interp) loadAttrProperty(f *frame, c []cacheEntry) (callee *frame, ok bool, err error) {
	owner := f.top()
	if !owner.IsObject() || in.breaker.Load() != 0 {
		return nil, false, nil
	}
	if t := owner.Type(); t.Version == 0 || uint32(c[1].n) != t.Version {
		return nil, false, nil
	}
	fnv := c[2].value()
	fn := asObject[Function](fnv)
	if !propertyCallable(fn) {
		return nil, false, nil
	}
	callee, err = in.pushFunctionFrame(f, fnv)
	if err != nil {
		return nil, true, err
	}
	callee.slots[0] = owner // the stack's reference
	f.sp--
	f.slots[f.sp] = Value{}
	return callee, true, nil
}

// pushFunctionFrame makes the frame of a call of the Python function
// fnv from f, with fnv and its closure cells in place, for a form that
// puts the arguments in its first slots itself (LOAD_ATTR_PROPERTY's
// owner, BINARY_SUBSCR_GETITEM's container and key).
func (in *Interp) pushFunctionFrame(f *frame, fnv Value) (*frame, error) {
	if err := in.enterFrame(); err != nil {
		return nil, err
	}
	in.frame = f
	fn := asObject[Function](fnv)
	code := fn.code
	callee := in.newFrame(code, asObject[Dict](fn.globals))
	incRef(fnv)
	callee.fn = fnv
	if !fn.closure.IsNil() {
		cells := asObject[Tuple](fn.closure).items
		cb := len(code.tmpl.LocalsPlusNames) - len(cells)
		for j, cell := range cells {
			incRef(cell)
			callee.slots[cb+j] = cell
		}
	}
	return callee, nil
}

// pickLoadAttrProperty fills c for LOAD_ATTR_PROPERTY when descr, found
// on t for a plain (not method) load, suits it.
func pickLoadAttrProperty(t *Type, descr Value, c []cacheEntry, oparg int) bytecode.Op {
	get, ok := propertyGetter(descr)
	if !ok || oparg&1 != 0 {
		return 0
	}
	c[1].n = uint64(t.Version)
	c[2].setValue(get)
	return bytecode.LOAD_ATTR_PROPERTY
}
