package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The builtins sorted() and reversed(), the latter a type as in CPython:
// reversed(seq) answers seq.__reversed__() when there is one, else a
// reversed object walking the sequence backwards by index.

// reversedIter is a reversed object: seq[index], seq[index-1], ... down
// to seq[0], letting go of seq once done.
type reversedIter struct {
	alloc.Header
	alloc.GCLink
	seq   Value // nil once exhausted
	index int
}

var reversedType = newBuiltinType("reversed", objectType, TypeBaseType)

const reversedIterSize = unsafe.Sizeof(reversedIter{})

func init() {
	builtinFuncs = append(builtinFuncs, newBuiltin("sorted", builtinSorted))

	reversedType.layout = reversedType
	reversedType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "reversed() takes no keyword arguments")
		}
		if err := in.checkArgCount("reversed", args, nil, 1, 1); err != nil {
			return Value{}, err
		}
		return in.reversed(reversedType, args[0])
	}
	reversedType.dealloc = func(in *Interp, v Value) {
		it := asObject[reversedIter](v)
		in.xdecRef(it.seq)
		it.seq = Value{}
		in.heap.Free(&it.Header, reversedIterSize)
	}
	reversedType.iter = selfIter
	reversedType.next = func(in *Interp, v Value) (Value, bool, error) {
		it := asObject[reversedIter](v)
		if it.seq.IsNil() {
			return Value{}, false, nil
		}
		if it.index >= 0 {
			x, err := in.GetItem(it.seq, Int(int64(it.index)))
			if err == nil {
				it.index--
				return x, true, nil
			}
			e, ok := err.(*Exception)
			if !ok || !valueOf(e).Type().IsSubtype(indexErrorType) && !valueOf(e).Type().IsSubtype(stopIterationType) {
				return Value{}, false, err
			}
			in.decRef(valueOf(e))
		}
		it.index = -1
		seq := it.seq
		it.seq = Value{}
		in.decRef(seq)
		return Value{}, false, nil
	}
	defIterMethods(reversedType)
}

// reversed is reversed(seq), making a reversed object of type rt
// (reversed or a class derived from it) unless seq has __reversed__.
func (in *Interp) reversed(rt *Type, seq Value) (Value, error) {
	t := seq.Type()
	m, err := in.lookupString(t, "__reversed__")
	if err != nil {
		return Value{}, err
	}
	if m.IsNone() {
		return Value{}, in.raise(typeErrorType, "'%s' object is not reversible", t.Name)
	}
	if !m.IsNil() {
		return in.callAttrWithSelf(m, seq, nil, nil)
	}
	if t.getitem == nil || t.IsSubtype(dictType) {
		return Value{}, in.raise(typeErrorType, "'%s' object is not reversible", t.Name)
	}
	n, err := in.Len(seq)
	if err != nil {
		return Value{}, err
	}
	it := newInstanceStruct[reversedIter](rt) // room for a class's dict
	if err := in.account(&it.Header, rt, reversedIterSize); err != nil {
		return Value{}, err
	}
	it.Header.SetFlags(alloc.FlagContainer)
	it.seq, it.index = seq, n-1
	incRef(seq)
	return valueOf(it), nil
}

// builtinSorted is sorted(iterable, /, *, key=None, reverse=False): a
// new list of the items, sorted by list.sort.
func builtinSorted(in *Interp, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if err := in.checkArgCount("sorted", args[:npos], nil, 1, 1); err != nil {
		return Value{}, err
	}
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	if err := in.listExtend(asObject[List](l), args[0]); err != nil {
		in.decRef(l)
		return Value{}, err
	}
	key, reverse, err := in.sortArgs(args[1:], kwnames)
	if err == nil {
		err = in.listSort(asObject[List](l), key, reverse)
	}
	if err != nil {
		in.decRef(l)
		return Value{}, err
	}
	return l, nil
}
