package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// mappingProxy is a read-only view of a mapping: what a class's __dict__
// is, so that the namespace changes only through setattr (which keeps
// the class's slots and version right).
type mappingProxy struct {
	alloc.Header
	alloc.GCLink
	mapping Value
}

var mappingProxyType = newBuiltinType("mappingproxy", objectType, 0)

const mappingProxySize = unsafe.Sizeof(mappingProxy{})

func (in *Interp) newMappingProxy(mapping Value) (Value, error) {
	p := &mappingProxy{}
	if err := in.account(&p.Header, mappingProxyType, mappingProxySize); err != nil {
		return Value{}, err
	}
	p.Header.SetFlags(alloc.FlagContainer)
	incRef(mapping)
	p.mapping = mapping
	return valueOf(p), nil
}

func init() {
	m := func(v Value) Value { return asObject[mappingProxy](v).mapping }
	mappingProxyType.dealloc = func(in *Interp, v Value) {
		p := asObject[mappingProxy](v)
		in.decRef(p.mapping)
		*p = mappingProxy{Header: p.Header}
		in.heap.Free(&p.Header, mappingProxySize)
	}
	mappingProxyType.repr = func(in *Interp, v Value) (Value, error) {
		r, err := in.Repr(m(v))
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(r)
		return in.NewStr("mappingproxy(" + r.GoString() + ")")
	}
	mappingProxyType.getitem = func(in *Interp, v, key Value) (Value, error) { return in.GetItem(m(v), key) }
	mappingProxyType.length = func(in *Interp, v Value) (int, error) { return in.Len(m(v)) }
	mappingProxyType.iter = func(in *Interp, v Value) (Value, error) { return in.getIter(m(v)) }
	mappingProxyType.contains = func(in *Interp, v, key Value) (bool, error) { return in.Contains(m(v), key) }
	// A proxy hashes as its mapping does (so a proxy of a dict is
	// unhashable, and says 'dict').
	mappingProxyType.hash = func(in *Interp, v Value) (int64, error) {
		return in.Hash(asObject[mappingProxy](v).mapping)
	}
	mappingProxyType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		return in.RichCompare(m(a), b, op)
	}
	for _, name := range []string{"keys", "values", "items", "copy", "get"} {
		name := name
		defMethod(mappingProxyType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			fn, err := in.getAttrString(m(args[0]), name)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(fn)
			return in.Call(fn, args[1:], kwnames)
		})
	}
	defGetSet(typeType, "__dict__", func(in *Interp, v Value) (Value, error) {
		t := (*Type)(v.p)
		if t.dict != nil {
			return in.newMappingProxy(valueOf(t.dict))
		}
		// A built-in type: a snapshot of its methods and descriptors.
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(d)
		names := make([]Value, 0, len(t.attrs))
		for k := range t.attrs {
			names = append(names, internName(k))
		}
		sortStrs(names)
		for _, k := range names {
			if err := in.DictSet(asObject[Dict](d), k, t.attrs[k.GoString()]); err != nil {
				return Value{}, err
			}
		}
		return in.newMappingProxy(d)
	}, nil)
	moduleType.attrs["__dict__"] = instanceAttrDescrs["__dict__"]
	namespaceType.attrs["__dict__"] = instanceAttrDescrs["__dict__"]
}
