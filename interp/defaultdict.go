package interp

import (
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// collections.defaultdict, which CPython writes in C as a dict subclass
// (the _collections module exports it): a dict whose __missing__ calls
// default_factory to make the value of a missing key. It lives in this
// package because the Go modules' NewType cannot derive from dict; its
// instances are a Dict followed by the factory, so every dict operation
// works on them unchanged.

type defaultDict struct {
	Dict
	factory Value // nil or None: no factory
}

const defaultDictSize = unsafe.Sizeof(defaultDict{})

// DefaultDictType is collections.defaultdict, for the _collections module.
var DefaultDictType = newBuiltinType("collections.defaultdict", dictType, TypeBaseType)

const defaultDictDoc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n" +
	"The default factory is called without arguments to produce\n" +
	"a new value when a key is not present, in __getitem__ only.\n" +
	"A defaultdict compares equal to a dict with the same items.\n" +
	"All remaining arguments are treated the same as if they were\n" +
	"passed to the dict constructor, including keyword arguments.\n"

func init() {
	t := DefaultDictType
	t.Qualname = "defaultdict"
	t.Module = "collections"
	t.attrs["__module__"] = internName("collections")
	t.attrs["__doc__"] = internName(defaultDictDoc)
	subclassDictOffsets[t] = unsafe.Offsetof(subInstance[defaultDict]{}.dict)

	// dict's slots are set by init functions that run after this one
	// (Go runs them in file-name order), so these defer to them at call
	// time rather than copying them now.
	t.length = func(in *Interp, v Value) (int, error) { return dictType.length(in, v) }
	t.boolean = func(in *Interp, v Value) (bool, error) { return dictType.boolean(in, v) }
	t.getitem = func(in *Interp, v, key Value) (Value, error) { return dictType.getitem(in, v, key) }
	t.setitem = func(in *Interp, v, key, value Value) error { return dictType.setitem(in, v, key, value) }
	t.contains = func(in *Interp, v, key Value) (bool, error) { return dictType.contains(in, v, key) }
	t.iter = func(in *Interp, v Value) (Value, error) { return dictType.iter(in, v) }
	t.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) { return dictType.compare(in, a, b, op) }
	t.number = &numberSlots{}
	t.number.binary[OpOr] = defaultDictOr
	t.number.inplace[OpOr] = func(in *Interp, a, b Value) (Value, error) { return dictType.number.inplace[OpOr](in, a, b) }
	t.repr = defaultDictRepr
	t.dealloc = func(in *Interp, v Value) {
		d := asObject[defaultDict](v)
		in.clearField(&d.factory)
		// dictDealloc frees a Dict's bytes: give back the factory's first.
		_ = in.heap.Resize(&d.Header, defaultDictSize-dictSize, 0)
		dictDealloc(in, v)
	}
	t.traverse = func(v Value, visit func(Value)) {
		dictType.traverse(v, visit)
		if f := asObject[defaultDict](v).factory; f.IsObject() {
			visit(f)
		}
	}
	t.clear = func(in *Interp, v Value) {
		in.clearField(&asObject[defaultDict](v).factory)
		dictType.clear(in, v)
	}
	t.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		d := newInstanceStruct[defaultDict](t)
		if err := in.account(&d.Header, t, defaultDictSize); err != nil {
			return Value{}, err
		}
		d.Header.SetFlags(alloc.FlagContainer)
		return valueOf(d), nil
	}
	t.init = defaultDictInit
	t.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		obj, err := t.new(in, t, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if err := defaultDictInit(in, obj, args, kwnames); err != nil {
			in.decRef(obj)
			return Value{}, err
		}
		return obj, nil
	}

	defMethod(t, "__missing__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("defaultdict.__missing__", args, kwnames); err != nil {
			return Value{}, err
		}
		return defaultDictMissing(in, args[0], args[1])
	})
	copyFn := func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("defaultdict.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return newDefaultDictLike(in, args[0], args[0])
	}
	defMethod(t, "copy", copyFn)
	defMethod(t, "__copy__", copyFn)
	defMethod(t, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("defaultdict.__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		self := args[0]
		fargs := emptyTuple
		if f := asObject[defaultDict](self).factory; !f.IsNil() && !f.IsNone() {
			var err error
			if fargs, err = in.NewTuple(f); err != nil {
				return Value{}, err
			}
		} else {
			incRef(fargs)
		}
		items, err := in.callMethodString(self, "items")
		if err != nil {
			in.decRef(fargs)
			return Value{}, err
		}
		it, err := in.getIter(items)
		in.decRef(items)
		if err != nil {
			in.decRef(fargs)
			return Value{}, err
		}
		r, err := in.NewTuple(valueOf(self.Type()), fargs, None, None, it)
		in.decRef(fargs)
		in.decRef(it)
		return r, err
	})
	defClassMethod(t, "__class_getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("defaultdict.__class_getitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.newGenericAlias(genericAliasType, args[0], args[1])
	})
	defGetSet(t, "default_factory", func(in *Interp, obj Value) (Value, error) {
		f := asObject[defaultDict](obj).factory
		if f.IsNil() {
			return None, nil
		}
		incRef(f)
		return f, nil
	}, func(in *Interp, obj, value Value) error {
		d := asObject[defaultDict](obj)
		old := d.factory
		if !value.IsNil() {
			incRef(value)
		}
		d.factory = value
		in.xdecRef(old)
		return nil
	})
}

// callMethodString calls v.name() with no arguments.
func (in *Interp) callMethodString(v Value, name string) (Value, error) {
	m, err := in.getAttrString(v, name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(m)
	return in.Call(m, nil, nil)
}

// defaultDictInit is defaultdict.__init__: an optional first positional
// argument is the factory, the rest go to dict.__init__.
func defaultDictInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	d := asObject[defaultDict](self)
	rest := args
	factory := Value{}
	if len(args) > len(kwnames) {
		factory = args[0]
		if !factory.IsNone() && factory.Type().call == nil {
			return in.raise(typeErrorType, "first argument must be callable or None")
		}
		rest = args[1:]
	}
	if !factory.IsNil() {
		incRef(factory)
	}
	old := d.factory
	d.factory = factory
	in.xdecRef(old)
	return in.dictUpdateCommon(&d.Dict, rest, kwnames, "defaultdict")
}

// defaultDictMissing is __missing__: self[key] = default_factory().
func defaultDictMissing(in *Interp, self, key Value) (Value, error) {
	f := asObject[defaultDict](self).factory
	if f.IsNil() || f.IsNone() {
		return Value{}, in.keyError(key)
	}
	incRef(f) // the call may replace the factory
	value, err := in.Call(f, nil, nil)
	in.decRef(f)
	if err != nil {
		return Value{}, err
	}
	if err := in.SetItem(self, key, value); err != nil {
		in.decRef(value)
		return Value{}, err
	}
	return value, nil
}

// newDefaultDictLike is type(dd)(dd.default_factory, arg), as CPython's
// copy and | make their results.
func newDefaultDictLike(in *Interp, dd, arg Value) (Value, error) {
	f := asObject[defaultDict](dd).factory
	if f.IsNil() {
		f = None
	}
	return in.Call(valueOf(dd.Type()), []Value{f, arg}, nil)
}

// defaultDictOr is dd | other and other | dd for dicts: a defaultdict
// with the factory of the defaultdict operand.
func defaultDictOr(in *Interp, a, b Value) (Value, error) {
	self, other := a, b
	if !a.Type().IsSubtype(DefaultDictType) {
		self, other = b, a
	}
	if !other.Type().IsSubtype(dictType) {
		return NotImplemented, nil
	}
	r, err := newDefaultDictLike(in, self, a)
	if err != nil {
		return Value{}, err
	}
	if err := in.dictUpdateArg(asObject[Dict](r), b); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

// defaultDictRepr is "defaultdict(factory, {...})", the class's name
// first.
func defaultDictRepr(in *Interp, v Value) (Value, error) {
	base, err := dictRepr(in, v)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(base)
	fr := "None"
	if f := asObject[defaultDict](v).factory; !f.IsNil() && !f.IsNone() {
		if !in.reprEnter(f) {
			fr = "..."
		} else {
			r, err := in.Repr(f)
			in.reprLeave()
			if err != nil {
				return Value{}, err
			}
			fr = r.GoString()
			in.decRef(r)
		}
	}
	name := v.Type().Name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return in.NewStr(name + "(" + fr + ", " + base.GoString() + ")")
}
