package interp

import (
	"strings"
	"unsafe"
)

// Struct sequences (sys.version_info, time.struct_time): tuples whose
// items also have names, and SimpleNamespace (sys.implementation).

// newStructSeqType makes a struct sequence type named "module.Name"
// with the given field names. It runs at package initialization.
func newStructSeqType(qualified string, fields []string) *Type {
	mod, name := "builtins", qualified
	if i := strings.LastIndexByte(qualified, '.'); i >= 0 {
		mod, name = qualified[:i], qualified[i+1:]
	}
	t := newBuiltinType(name, tupleType, 0)
	t.Module = mod
	t.layout = tupleType
	t.dealloc = tupleDealloc
	t.length = func(in *Interp, v Value) (int, error) { return tupleType.length(in, v) }
	t.getitem = func(in *Interp, v, key Value) (Value, error) { return tupleType.getitem(in, v, key) }
	t.contains = func(in *Interp, v, key Value) (bool, error) { return tupleType.contains(in, v, key) }
	t.iter = func(in *Interp, v Value) (Value, error) { return tupleType.iter(in, v) }
	t.boolean = func(in *Interp, v Value) (bool, error) { return tupleType.boolean(in, v) }
	t.hash = func(in *Interp, v Value) (int64, error) { return tupleType.hash(in, v) }
	t.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) { return tupleType.compare(in, a, b, op) }
	t.repr = func(in *Interp, v Value) (Value, error) {
		var b strings.Builder
		b.WriteString(qualified + "(")
		for i, item := range asObject[Tuple](v).items {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := in.Repr(item)
			if err != nil {
				return Value{}, err
			}
			b.WriteString(fields[i] + "=" + r.GoString())
			in.decRef(r)
		}
		b.WriteString(")")
		return in.NewStr(b.String())
	}
	for i, f := range fields {
		i := i
		defGetSet(t, f, func(in *Interp, v Value) (Value, error) {
			x := asObject[Tuple](v).items[i]
			incRef(x)
			return x, nil
		}, nil)
	}
	return t
}

// newStructSeq makes an instance of a struct sequence type.
func (in *Interp) newStructSeq(t *Type, items ...Value) (Value, error) {
	v, err := in.NewTuple(items...)
	if err != nil {
		return Value{}, err
	}
	v.Header().Type = unsafe.Pointer(t)
	return v, nil
}

// namespaceType is types.SimpleNamespace: an object whose attributes are
// its keyword arguments.
var namespaceType = newBuiltinType("SimpleNamespace", objectType, TypeBaseType)

func init() {
	namespaceType.Module = "types"
	namespaceType.dictOffset = unsafe.Offsetof(Instance{}.dict)
	namespaceType.dealloc = instanceDealloc
	namespaceType.new = objectNew
	namespaceType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(args) > len(kwnames) {
			return Value{}, in.raise(typeErrorType, "SimpleNamespace() takes no positional arguments")
		}
		o, err := objectNew(in, t, nil, nil)
		if err != nil {
			return Value{}, err
		}
		for i, k := range kwnames {
			if err := in.genericSetAttr(o, k, args[i]); err != nil {
				in.decRef(o)
				return Value{}, err
			}
		}
		return o, nil
	}
	namespaceType.repr = func(in *Interp, v Value) (Value, error) {
		if !in.reprEnter(v) {
			return in.NewStr("namespace(...)")
		}
		defer in.reprLeave()
		var b strings.Builder
		b.WriteString("namespace(")
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
