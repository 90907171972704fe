package interp

import (
	"strings"
	"unsafe"
)

// Struct sequences (sys.version_info, time.struct_time): tuples whose
// items also have names, and SimpleNamespace (sys.implementation).

// newStructSeqType makes a struct sequence type named "module.Name"
// whose fields are all items. It runs at package initialization.
func newStructSeqType(qualified string, fields []string) *Type {
	return NewStructSeqType(qualified, fields, len(fields))
}

// newStructSeq makes an instance of a struct sequence type.
func (in *Interp) newStructSeq(t *Type, items ...Value) (Value, error) {
	return in.NewStructSeq(t, items...)
}

// namespaceType is types.SimpleNamespace: an object whose attributes are
// its keyword arguments.
var namespaceType = newBuiltinType("SimpleNamespace", objectType, TypeBaseType)

func init() {
	namespaceType.Module = "types"
	namespaceType.dictOffset = unsafe.Offsetof(Instance{}.dict)
	namespaceType.dealloc = instanceDealloc
	// __new__ and __init__ are in subclass_namespace.go.
	namespaceType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		o, err := namespaceNew(in, t, nil, nil)
		if err != nil {
			return Value{}, err
		}
		if err := namespaceInit(in, o, args, kwnames); err != nil {
			in.decRef(o)
			return Value{}, err
		}
		return o, nil
	}
	// Namespaces are equal when their attributes are.
	namespaceType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if (op != CmpEQ && op != CmpNE) || !b.Type().IsSubtype(namespaceType) && b.Type() != namespaceType {
			return NotImplemented, nil
		}
		da, db := instanceDict(a), instanceDict(b)
		empty := func(d *Value) bool { return d == nil || d.IsNil() || asObject[Dict](*d).used == 0 }
		if empty(da) || empty(db) {
			eq := empty(da) && empty(db)
			return Bool(eq == (op == CmpEQ)), nil
		}
		return in.RichCompare(*da, *db, op)
	}
	namespaceType.repr = func(in *Interp, v Value) (Value, error) {
		name := "namespace" // a class's instances show the class's name
		if t := v.Type(); t != namespaceType {
			name = t.Name
		}
		if !in.reprEnter(v) {
			return in.NewStr(name + "(...)")
		}
		defer in.reprLeave()
		var b strings.Builder
		b.WriteString(name + "(")
		if d := instanceDict(v); d != nil && !d.IsNil() {
			first := true
			for _, e := range asObject[Dict](*d).entries {
				if e.key.IsNil() || e.key.Type() != strType {
					continue
				}
				if !first {
					b.WriteString(", ")
				}
				first = false
				r, err := in.Repr(e.value)
				if err != nil {
					return Value{}, err
				}
				b.WriteString(e.key.GoString() + "=" + r.GoString())
				in.decRef(r)
			}
		}
		b.WriteString(")")
		return in.NewStr(b.String())
	}
}

// newNamespace makes a SimpleNamespace with attributes in order.
func (in *Interp) newNamespace(attrs map[string]Value, order []string) (Value, error) {
	o, err := objectNew(in, namespaceType, nil, nil)
	if err != nil {
		return Value{}, err
	}
	for _, k := range order {
		if err := in.genericSetAttr(o, internName(k), attrs[k]); err != nil {
			in.decRef(o)
			return Value{}, err
		}
	}
	return o, nil
}
