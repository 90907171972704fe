package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The descriptors that put functions into classes: method descriptors
// (a built-in type's methods), getset descriptors (its computed
// attributes), bound methods, and the three decorators staticmethod,
// classmethod and property.

// MethodFunc is the Go signature of a built-in method: args[0] is self,
// then the positional and keyword values; kwnames names the last
// len(kwnames) of args.
type MethodFunc func(in *Interp, args []Value, kwnames []Value) (Value, error)

// MethodDescr is a built-in type's method as found in the type
// (list.append). Getting it through an instance binds it.
type MethodDescr struct {
	alloc.Header
	name  string
	owner *Type
	fn    MethodFunc
	// static marks a method whose first argument is not an instance of
	// owner (object.__new__ takes the class); it binds like a function.
	static bool
}

var methodDescrType = newBuiltinType("method_descriptor", objectType, 0)

// defMethod adds the built-in method name to t. It runs at package
// initialization only: built-in types never change afterwards.
func defMethod(t *Type, name string, fn MethodFunc) {
	d := &MethodDescr{name: name, owner: t, fn: fn}
	d.Header.Type = unsafe.Pointer(methodDescrType)
	alloc.MakeImmortal(&d.Header)
	t.attrs[name] = valueOf(d)
}

// defStatic adds a method called through the class with no binding, such
// as __new__ or dict.fromkeys's class argument handled by the method.
func defStatic(t *Type, name string, fn MethodFunc) {
	d := &MethodDescr{name: name, owner: t, fn: fn, static: true}
	d.Header.Type = unsafe.Pointer(methodDescrType)
	alloc.MakeImmortal(&d.Header)
	t.attrs[name] = valueOf(d)
}

// GetSetDescr is a computed attribute of a built-in type (a data
// descriptor): get reads it, set (nil: read-only) writes it, value nil
// meaning delete.
type GetSetDescr struct {
	alloc.Header
	name  string
	owner *Type
	get   func(in *Interp, obj Value) (Value, error)
	set   func(in *Interp, obj, value Value) error
}

var getsetDescrType = newBuiltinType("getset_descriptor", objectType, 0)

// defGetSet adds a computed attribute to a built-in type.
func defGetSet(t *Type, name string, get func(in *Interp, obj Value) (Value, error), set func(in *Interp, obj, value Value) error) {
	d := &GetSetDescr{name: name, owner: t, get: get, set: set}
	d.Header.Type = unsafe.Pointer(getsetDescrType)
	alloc.MakeImmortal(&d.Header)
	t.attrs[name] = valueOf(d)
}

// BoundMethod is a Python function bound to an instance (or, for
// classmethod, to a class): calling it passes self first.
type BoundMethod struct {
	alloc.Header
	alloc.GCLink
	fn   Value
	self Value
}

var boundMethodType = newBuiltinType("method", objectType, 0)

const boundMethodSize = unsafe.Sizeof(BoundMethod{})

// Bound methods are made and dropped by every call through a method
// value (getattr(x, "m")(...), callbacks), so they are recycled
// (in.free.boundMethods, recycle.go).

// newBoundMethod binds fn to self, taking new references to both.
func (in *Interp) newBoundMethod(fn, self Value) (Value, error) {
	m := in.free.boundMethods.get()
	if err := in.account(&m.Header, boundMethodType, boundMethodSize); err != nil {
		return Value{}, err
	}
	m.Header.SetFlags(alloc.FlagContainer)
	incRef(fn)
	incRef(self)
	m.fn, m.self = fn, self
	return valueOf(m), nil
}

// staticMethod, classMethod and property wrap a callable given to the
// decorator; property has up to three functions and a docstring.
type staticMethod struct {
	alloc.Header
	alloc.GCLink
	fn Value
}

type property struct {
	alloc.Header
	alloc.GCLink
	get, set, del, doc Value // each may be nil
}

var (
	staticMethodType = newBuiltinType("staticmethod", objectType, TypeBaseType)
	classMethodType  = newBuiltinType("classmethod", objectType, TypeBaseType)
	propertyType     = newBuiltinType("property", objectType, TypeBaseType)
)

const (
	staticMethodSize = unsafe.Sizeof(staticMethod{})
	propertySize     = unsafe.Sizeof(property{})
)

func init() {
	methodDescrType.repr = func(in *Interp, v Value) (Value, error) {
		d := asObject[MethodDescr](v)
		if d.static {
			return in.NewStr("<built-in method " + d.name + " of type object at 0x" + hexAddr(valueOf(d.owner)) + ">")
		}
		return in.NewStr("<method '" + d.name + "' of '" + d.owner.Name + "' objects>")
	}
	methodDescrType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		d := asObject[MethodDescr](descr)
		if obj.IsNil() || d.static {
			incRef(descr)
			return descr, nil
		}
		if t := obj.Type(); t != d.owner && !t.IsSubtype(d.owner) {
			// list.append.__get__(5), as CPython's descr_check.
			return Value{}, in.raise(typeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.Name, t.Name)
		}
		return in.bindBuiltin(d, obj)
	}
	methodDescrType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		d := asObject[MethodDescr](v)
		if !d.static {
			if len(args) <= len(kwnames) {
				return Value{}, in.raise(typeErrorType, "unbound method %s.%s() needs an argument", d.owner.Name, d.name)
			}
			if !args[0].Type().IsSubtype(d.owner) {
				return Value{}, in.raise(typeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.Name, args[0].Type().Name)
			}
		}
		return in.callGo(d.fn, args, kwnames)
	}

	getsetDescrType.repr = func(in *Interp, v Value) (Value, error) {
		d := asObject[GetSetDescr](v)
		return in.NewStr("<attribute '" + d.name + "' of '" + d.owner.Name + "' objects>")
	}
	getsetDescrType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		d := asObject[GetSetDescr](descr)
		if obj.IsNil() {
			incRef(descr)
			return descr, nil
		}
		if !obj.Type().IsSubtype(d.owner) {
			return Value{}, in.raise(typeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d.name, d.owner.Name, obj.Type().Name)
		}
		return d.get(in, obj)
	}
	getsetDescrType.descrSet = func(in *Interp, descr, obj, value Value) error {
		d := asObject[GetSetDescr](descr)
		if d.set == nil {
			if value.IsNil() {
				return in.raise(attributeErrorType, "attribute '%s' of '%s' objects is not writable", d.name, d.owner.Name)
			}
			return in.raise(attributeErrorType, "attribute '%s' of '%s' objects is not writable", d.name, d.owner.Name)
		}
		return d.set(in, obj, value)
	}

	boundMethodType.dealloc = func(in *Interp, v Value) {
		m := asObject[BoundMethod](v)
		in.decRef(m.fn)
		in.decRef(m.self)
		*m = BoundMethod{Header: m.Header}
		in.heap.Free(&m.Header, boundMethodSize)
		in.free.boundMethods.put(m)
	}
	boundMethodType.repr = func(in *Interp, v Value) (Value, error) {
		m := asObject[BoundMethod](v)
		name := "?"
		if m.fn.Type() == functionType {
			name = asObject[Function](m.fn).qualname.GoString()
		}
		r, err := in.Repr(m.self)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(r)
		return in.NewStr("<bound method " + name + " of " + r.GoString() + ">")
	}
	boundMethodType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		m := asObject[BoundMethod](v)
		return in.callWithSelf(m.fn, m.self, args, kwnames)
	}
	boundMethodType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if b.Type() != boundMethodType || (op != CmpEQ && op != CmpNE) {
			return NotImplemented, nil
		}
		x, y := asObject[BoundMethod](a), asObject[BoundMethod](b)
		return Bool((x.fn.Is(y.fn) && x.self.Is(y.self)) == (op == CmpEQ)), nil
	}
	boundMethodType.getattr = func(in *Interp, v, name Value) (Value, error) {
		m := asObject[BoundMethod](v)
		switch name.GoString() {
		case "__self__":
			incRef(m.self)
			return m.self, nil
		case "__func__":
			incRef(m.fn)
			return m.fn, nil
		}
		if r, err := in.genericGetAttr(v, name, true); err != nil || !r.IsNil() {
			return r, err
		}
		return in.GetAttr(m.fn, name)
	}

	functionType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		if obj.IsNil() {
			incRef(descr)
			return descr, nil
		}
		return in.newBoundMethod(descr, obj)
	}

	for _, t := range []*Type{staticMethodType, classMethodType} {
		t.dealloc = func(in *Interp, v Value) {
			s := asObject[staticMethod](v)
			in.xdecRef(s.fn)
			*s = staticMethod{Header: s.Header}
			in.heap.Free(&s.Header, staticMethodSize)
		}
		t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "%s() takes no keyword arguments", t.Name)
			}
			if len(args) != 1 {
				return Value{}, in.raise(typeErrorType, "%s expected 1 argument, got %d", t.Name, len(args))
			}
			s := newInstanceStruct[staticMethod](t)
			if err := in.account(&s.Header, t, staticMethodSize); err != nil {
				return Value{}, err
			}
			s.Header.SetFlags(alloc.FlagContainer)
			incRef(args[0])
			s.fn = args[0]
			return valueOf(s), nil
		}
		// A class derived from staticmethod or classmethod (abc's
		// abstractclassmethod) is built by the same constructor.
		t.new = t.construct
		t.init = func(in *Interp, self Value, args []Value, kwnames []Value) error { return nil }
		defGetSet(t, "__func__", func(in *Interp, obj Value) (Value, error) {
			fn := asObject[staticMethod](obj).fn
			incRef(fn)
			return fn, nil
		}, nil)
	}
	staticMethodType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		fn := asObject[staticMethod](descr).fn
		incRef(fn)
		return fn, nil
	}
	staticMethodType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		return in.Call(asObject[staticMethod](v).fn, args, kwnames)
	}
	classMethodType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		if t == nil {
			t = obj.Type()
		}
		return in.newBoundMethod(asObject[staticMethod](descr).fn, valueOf(t))
	}

	propertyType.dealloc = func(in *Interp, v Value) {
		p := asObject[property](v)
		in.xdecRef(p.get)
		in.xdecRef(p.set)
		in.xdecRef(p.del)
		in.xdecRef(p.doc)
		*p = property{Header: p.Header}
		in.heap.Free(&p.Header, propertySize)
	}
	propertyType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		var fget, fset, fdel, doc Value
		if err := in.parseArgs("property", args, kwnames, []string{"fget", "fset", "fdel", "doc"}, 0, &fget, &fset, &fdel, &doc); err != nil {
			return Value{}, err
		}
		return in.newProperty(t, fget, fset, fdel, doc)
	}
	// Classes derived from property get an empty one from __new__ and
	// its parts from __init__ (which they may call through super()).
	propertyType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		return in.newProperty(t, Value{}, Value{}, Value{}, Value{})
	}
	propertyType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error {
		var fget, fset, fdel, doc Value
		if err := in.parseArgs("property", args, kwnames, []string{"fget", "fset", "fdel", "doc"}, 0, &fget, &fset, &fdel, &doc); err != nil {
			return err
		}
		p := asObject[property](self)
		for _, x := range []struct {
			dst *Value
			v   Value
		}{{&p.get, fget}, {&p.set, fset}, {&p.del, fdel}, {&p.doc, doc}} {
			old := *x.dst
			*x.dst = Value{}
			if !x.v.IsNil() && !x.v.IsNone() {
				incRef(x.v)
				*x.dst = x.v
			}
			in.xdecRef(old)
		}
		if p.doc.IsNil() && !p.get.IsNil() && p.get.Type() == functionType {
			if d := asObject[Function](p.get).doc(); !d.IsNil() {
				incRef(d)
				p.doc = d
			}
		}
		return nil
	}
	propertyType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		p := asObject[property](descr)
		if obj.IsNil() {
			incRef(descr)
			return descr, nil
		}
		if p.get.IsNil() {
			return Value{}, in.raise(attributeErrorType, "property %sof '%s' object has no getter", in.propertyName(p), obj.Type().Name)
		}
		return in.Call(p.get, []Value{obj}, nil)
	}
	propertyType.descrSet = func(in *Interp, descr, obj, value Value) error {
		p := asObject[property](descr)
		fn, what := p.set, "setter"
		args := []Value{obj, value}
		if value.IsNil() {
			fn, what, args = p.del, "deleter", args[:1]
		}
		if fn.IsNil() {
			return in.raise(attributeErrorType, "property %sof '%s' object has no %s", in.propertyName(p), obj.Type().Name, what)
		}
		r, err := in.Call(fn, args, nil)
		if err == nil {
			in.decRef(r)
		}
		return err
	}
	for _, m := range []struct {
		name string
		slot int
	}{{"getter", 0}, {"setter", 1}, {"deleter", 2}} {
		slot := m.slot
		defMethod(propertyType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(args) != 2 || len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "%s() takes exactly one argument (%d given)", m.name, len(args)-1)
			}
			p := asObject[property](args[0])
			fns := [3]Value{p.get, p.set, p.del}
			fns[slot] = args[1]
			return in.newProperty(args[0].Type(), fns[0], fns[1], fns[2], p.doc)
		})
	}
	for _, m := range []struct {
		name string
		get  func(p *property) Value
	}{
		{"fget", func(p *property) Value { return p.get }},
		{"fset", func(p *property) Value { return p.set }},
		{"fdel", func(p *property) Value { return p.del }},
		{"__doc__", func(p *property) Value { return p.doc }},
	} {
		get := m.get
		defGetSet(propertyType, m.name, func(in *Interp, obj Value) (Value, error) {
			v := get(asObject[property](obj))
			if v.IsNil() {
				return None, nil
			}
			incRef(v)
			return v, nil
		}, nil)
	}
}

// newProperty makes a property from its parts (nil or None: absent); the
// docstring defaults to the getter's.
func (in *Interp) newProperty(t *Type, fget, fset, fdel, doc Value) (Value, error) {
	p := newInstanceStruct[property](t)
	if err := in.account(&p.Header, t, propertySize); err != nil {
		return Value{}, err
	}
	p.Header.SetFlags(alloc.FlagContainer)
	for _, x := range []struct {
		dst *Value
		v   Value
	}{{&p.get, fget}, {&p.set, fset}, {&p.del, fdel}, {&p.doc, doc}} {
		if !x.v.IsNil() && !x.v.IsNone() {
			incRef(x.v)
			*x.dst = x.v
		}
	}
	if p.doc.IsNil() && !p.get.IsNil() && p.get.Type() == functionType {
		if d := asObject[Function](p.get).doc(); !d.IsNil() {
			incRef(d)
			p.doc = d
		}
	}
	return valueOf(p), nil
}

// propertyName is how CPython's messages name a property: its getter's
// qualified name in quotes, when it has one.
func (in *Interp) propertyName(p *property) string {
	if !p.get.IsNil() && p.get.Type() == functionType {
		return "'" + asObject[Function](p.get).name.GoString() + "' "
	}
	return ""
}

// bindBuiltin binds a method descriptor to obj: a builtin function with
// a self.
func (in *Interp) bindBuiltin(d *MethodDescr, obj Value) (Value, error) {
	b := in.free.builtins.get()
	b.name, b.method = d.name, d
	if err := in.account(&b.Header, builtinFunctionType, builtinSize); err != nil {
		return Value{}, err
	}
	incRef(obj)
	b.self = obj
	return valueOf(b), nil
}
