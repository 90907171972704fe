package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Classes derived from types.SimpleNamespace (class NS(SimpleNamespace)).
// A namespace is an Instance already, dict and __slots__ included, so a
// class's instances are too and the layout's dealloc, traverse and clear
// serve them unchanged. This file owns SimpleNamespace's __new__ (which
// ignores its arguments, as CPython's does), __init__ (the keywords
// become attributes) and __reduce__.

func init() {
	subclassDictOffsets[namespaceType] = unsafe.Offsetof(Instance{}.dict)
	instanceLayouts[namespaceType] = true
	namespaceType.new = namespaceNew
	namespaceType.init = namespaceInit
	defLayoutNew(namespaceType, namespaceNew)
	defMethod(namespaceType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, namespaceInit(in, args[0], args[1:], kwnames)
	})
	defMethod(namespaceType, "__reduce__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reduce__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		d, err := in.namespaceDict(args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(d)
		empty, err := in.NewTuple()
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(empty)
		return in.NewTuple(valueOf(args[0].Type()), empty, d)
	})
}

// namespaceNew is SimpleNamespace.__new__(t, ...): an empty namespace of
// type t; the arguments are left to __init__.
func namespaceNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	o := &Instance{}
	if err := in.account(&o.Header, t, instanceSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	if n := t.slotCount(); n > 0 {
		o.slots = make([]Value, n)
	}
	return valueOf(o), nil
}

// namespaceInit is SimpleNamespace.__init__(**kwargs): the keywords go
// straight into the instance dict (no __setattr__ runs, as in CPython).
func namespaceInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	npos := len(args) - len(kwnames)
	if npos > 0 {
		return in.raise(typeErrorType, "no positional arguments expected")
	}
	if len(kwnames) == 0 {
		return nil
	}
	d, err := in.namespaceDict(self)
	if err != nil {
		return err
	}
	defer in.decRef(d)
	for i, k := range kwnames {
		if err := in.DictSet(asObject[Dict](d), k, args[npos+i]); err != nil {
			return err
		}
	}
	return nil
}

// namespaceDict returns the instance dict of namespace v, made now if it
// has none yet.
func (in *Interp) namespaceDict(v Value) (Value, error) {
	p := instanceDict(v)
	if p.IsNil() {
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		*p = d
	}
	incRef(*p)
	return *p, nil
}
