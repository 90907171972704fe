package interp

import (
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The list type's constructor, methods, operators and comparisons, and
// its reverse iterator. Any method that runs Python code (an item's
// __eq__, a key function) may change the list under it, so the items are
// re-read after every such call and held while they are compared.

// listRevIter is list_reverseiterator: it walks a list backwards and
// lets go of the list once exhausted.
type listRevIter struct {
	alloc.Header
	list  Value // nil once exhausted
	index int
}

var listRevIterType = newBuiltinType("list_reverseiterator", objectType, 0)

const listRevIterSize = unsafe.Sizeof(listRevIter{})

func init() {
	listType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.listCheckInitArgs(args, kwnames); err != nil {
			return Value{}, err
		}
		l, err := in.NewList()
		if err != nil {
			return Value{}, err
		}
		if len(args) == 1 {
			if err := in.listExtend(asObject[List](l), args[0]); err != nil {
				in.decRef(l)
				return Value{}, err
			}
		}
		return l, nil
	}
	listType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		l := newInstanceStruct[List](t)
		if err := in.account(&l.Header, t, listSize); err != nil {
			return Value{}, err
		}
		l.Header.SetFlags(alloc.FlagContainer)
		return valueOf(l), nil
	}
	listType.init = listInit
	listType.compare = listCompare
	listType.number = &numberSlots{}
	listType.number.binary[OpAdd] = func(in *Interp, a, b Value) (Value, error) {
		if !a.Type().IsSubtype(listType) {
			return NotImplemented, nil // only the left operand concatenates
		}
		if deferred, err := in.concatOperandDeferred(b); err != nil || deferred {
			return NotImplemented, err
		}
		return listConcat(in, a, b)
	}
	listType.number.binary[OpMul] = func(in *Interp, a, b Value) (Value, error) {
		seq, count, done, r, err := in.seqRepeatOperands(listType, a, b)
		if done {
			return r, err
		}
		return in.listRepeat(asObject[List](seq), count)
	}
	listType.number.inplace[OpAdd] = func(in *Interp, a, b Value) (Value, error) {
		if deferred, err := in.concatOperandDeferred(b); err != nil || deferred {
			return NotImplemented, err
		}
		return listInplaceConcat(in, a, b)
	}
	listType.number.inplace[OpMul] = func(in *Interp, a, b Value) (Value, error) {
		seq, count, done, r, err := in.seqRepeatOperands(listType, a, b)
		if done {
			return r, err
		}
		return in.listInplaceRepeat(seq, count)
	}

	listRevIterType.dealloc = func(in *Interp, v Value) {
		it := asObject[listRevIter](v)
		in.xdecRef(it.list)
		it.list = Value{}
		in.heap.Free(&it.Header, listRevIterSize)
	}
	listRevIterType.iter = selfIter
	listRevIterType.next = func(in *Interp, v Value) (Value, bool, error) {
		it := asObject[listRevIter](v)
		if it.list.IsNil() {
			return Value{}, false, nil
		}
		items := asObject[List](it.list).items
		if it.index >= 0 && it.index < len(items) {
			x := items[it.index]
			it.index--
			incRef(x)
			return x, true, nil
		}
		it.index = -1
		l := it.list
		it.list = Value{}
		in.decRef(l)
		return Value{}, false, nil
	}
	// list_iterator and tuple_iterator (range.go) get their methods here.
	for _, t := range []*Type{listRevIterType, listIteratorType, tupleIteratorType} {
		defIterMethods(t)
	}

	defListMethods()
}

// listCheckInitArgs checks the arguments of list() and list.__init__.
func (in *Interp) listCheckInitArgs(args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "list() takes no keyword arguments")
	}
	return in.checkArgCount("list", args, nil, 0, 1)
}

// listInit is list.__init__: the list becomes the items of the iterable.
func listInit(in *Interp, self Value, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 && !in.refusesKeywords(self.Type(), listType, "__new__") {
		// The class's own __new__ took them.
		args, kwnames = args[:len(args)-len(kwnames)], nil
	}
	if err := in.listCheckInitArgs(args, kwnames); err != nil {
		return err
	}
	l := asObject[List](self)
	in.listClear(l)
	if len(args) == 1 {
		return in.listExtend(l, args[0])
	}
	return nil
}

// listClear empties a list, releasing its items after it is empty (an
// item's release may run code that looks at the list).
func (in *Interp) listClear(l *List) {
	items := l.items
	if items == nil {
		return
	}
	l.items = nil
	in.heap.Resize(&l.Header, uintptr(cap(items))*valueSize, 0)
	// Last to first, as CPython's list_clear: a __del__ shows the order.
	for i := len(items) - 1; i >= 0; i-- {
		in.decRef(items[i])
	}
}

// listRemoveAt takes item i out of the list, returning the reference the
// list held.
func listRemoveAt(l *List, i int) Value {
	v := l.items[i]
	if i < len(l.items)-1 { // pop() from the end, a stack's, moves nothing
		copy(l.items[i:], l.items[i+1:])
	}
	l.items[len(l.items)-1] = Value{}
	l.items = l.items[:len(l.items)-1]
	return v
}

// listInsert inserts v before index i (already clamped), taking a
// reference.
func (in *Interp) listInsert(l *List, i int, v Value) error {
	if err := in.listReserve(l, 1); err != nil {
		return err
	}
	incRef(v)
	l.items = append(l.items, Value{})
	if i < len(l.items)-1 {
		copy(l.items[i+1:], l.items[i:])
	}
	l.items[i] = v
	return nil
}

// listConcat is list + list; anything else on the right is a TypeError.
func listConcat(in *Interp, a, b Value) (Value, error) {
	if !b.Type().IsSubtype(listType) {
		return Value{}, in.raise(typeErrorType, "can only concatenate list (not \"%s\") to list", b.Type().Name)
	}
	x, y := asObject[List](a).items, asObject[List](b).items
	if len(x)+len(y) > maxSeqLen {
		return Value{}, in.memoryError()
	}
	r, err := in.newListSized(len(x) + len(y))
	if err != nil {
		return Value{}, err
	}
	copyRefs(r.items, x)
	copyRefs(r.items[len(x):], y)
	return valueOf(r), nil
}

// listInplaceConcat is list += iterable: extend, and the list itself.
func listInplaceConcat(in *Interp, a, b Value) (Value, error) {
	if err := in.listExtend(asObject[List](a), b); err != nil {
		return Value{}, err
	}
	incRef(a)
	return a, nil
}

// listRepeat is list * count as a new list.
func (in *Interp) listRepeat(l *List, count int) (Value, error) {
	n, err := in.seqRepeatedLen(len(l.items), count)
	if err != nil {
		return Value{}, err
	}
	r, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	rl := asObject[List](r)
	if err := in.listReserve(rl, n); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	items := l.items
	for len(rl.items) < n {
		for _, v := range items {
			incRef(v)
			rl.items = append(rl.items, v)
		}
	}
	return r, nil
}

// listInplaceRepeat is list *= count.
func (in *Interp) listInplaceRepeat(self Value, count int) (Value, error) {
	l := asObject[List](self)
	switch {
	case count < 1 || len(l.items) == 0:
		in.listClear(l)
	case count > 1:
		n, err := in.seqRepeatedLen(len(l.items), count)
		if err != nil {
			return Value{}, err
		}
		size := len(l.items)
		if err := in.listReserve(l, n-size); err != nil {
			return Value{}, err
		}
		for i := size; i < n; i++ {
			v := l.items[i-size]
			incRef(v)
			l.items = append(l.items, v)
		}
	}
	incRef(self)
	return self, nil
}

// listCompare is list's rich comparison.
func listCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if !b.Type().IsSubtype(listType) {
		return NotImplemented, nil
	}
	return in.compareSeqs(a, b, func(v Value) []Value { return asObject[List](v).items }, op, true)
}

// compareSeqs compares two lists or two tuples lexicographically as
// CPython does: the first pair of items that are not equal (identical
// items are equal without asking) decides, with the operator itself;
// when one runs out, the lengths decide. items re-reads the items, since
// an __eq__ may change a list; lenFirst is list's shortcut of answering
// == and != from unequal lengths.
func (in *Interp) compareSeqs(a, b Value, items func(Value) []Value, op CompareOp, lenFirst bool) (Value, error) {
	if err := in.enterCall(" in comparison"); err != nil {
		return Value{}, err
	}
	// No defer: with its several returns the function would not get
	// open-coded defers, and sorting tuples comes here per comparison.
	r, err := in.compareSeqsIn(a, b, items, op, lenFirst)
	in.leaveCall()
	return r, err
}

// plainCompare compares v and w when both are exact strs, or unboxed
// ints, bools or floats (NaN aside), whose comparisons run no Python
// code: the three-way result, ok false for other operands.
func plainCompare(v, w Value) (c int, ok bool) {
	if v.IsObject() || w.IsObject() {
		if v.IsObject() && w.IsObject() && v.Type() == strType && w.Type() == strType {
			// WTF-8 orders as code points do.
			return strings.Compare(v.GoString(), w.GoString()), true
		}
		return 0, false
	}
	if c, ok = compareNumbers(v, w); c == 2 {
		return 0, false // a NaN: equal to nothing, itself included
	}
	return c, ok
}

func (in *Interp) compareSeqsIn(a, b Value, items func(Value) []Value, op CompareOp, lenFirst bool) (Value, error) {
	if lenFirst && len(items(a)) != len(items(b)) && (op == CmpEQ || op == CmpNE) {
		return Bool(op == CmpNE), nil
	}
	i := 0
	for ; i < len(items(a)) && i < len(items(b)); i++ {
		v, w := items(a)[i], items(b)[i]
		if eq, ok := equalPlain(v, w, plainEqualDepth); ok {
			if !eq {
				break
			}
			continue
		}
		incRef(v)
		incRef(w)
		eq, err := in.keysEqual(v, w)
		in.decRef(v)
		in.decRef(w)
		if err != nil {
			return Value{}, err
		}
		if !eq {
			break
		}
	}
	na, nb := len(items(a)), len(items(b))
	if i >= na || i >= nb {
		return compareResult(cmpInts(na, nb), op), nil
	}
	switch op {
	case CmpEQ:
		return False, nil
	case CmpNE:
		return True, nil
	}
	v, w := items(a)[i], items(b)[i]
	if c, ok := plainCompare(v, w); ok {
		return compareResult(c, op), nil
	}
	incRef(v)
	incRef(w)
	r, err := in.RichCompare(v, w, op)
	in.decRef(v)
	in.decRef(w)
	return r, err
}

func cmpInts(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// listAppendMethod is list.append's descriptor, which
// CALL_NO_KW_LIST_APPEND's guard compares by identity.
var listAppendMethod Value

func defListMethods() {
	defMethod(listType, "append", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("list.append", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, in.Append(asObject[List](args[0]), args[1])
	})
	listAppendMethod = listType.attrs["append"]
	defMethod(listType, "extend", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("list.extend", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, in.listExtend(asObject[List](args[0]), args[1])
	})
	defMethod(listType, "insert", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("list.insert", "insert", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		i, err := in.seqSsizeArg(args[1], overflowSsize)
		if err != nil {
			return Value{}, err
		}
		l := asObject[List](args[0])
		n := len(l.items)
		if i < 0 {
			i = max(i+n, 0)
		}
		return None, in.listInsert(l, min(i, n), args[2])
	})
	defMethod(listType, "remove", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("list.remove", args, kwnames); err != nil {
			return Value{}, err
		}
		l := asObject[List](args[0])
		for i := 0; i < len(l.items); i++ {
			v := l.items[i]
			incRef(v)
			eq, err := in.keysEqual(v, args[1])
			in.decRef(v)
			if err != nil {
				return Value{}, err
			}
			if eq {
				// An __eq__ that shortened the list leaves nothing to remove.
				if i < len(l.items) {
					in.decRef(listRemoveAt(l, i))
				}
				return None, nil
			}
		}
		return Value{}, in.raise(valueErrorType, "list.remove(x): x not in list")
	})
	defMethod(listType, "pop", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("list.pop", "pop", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		i := -1
		if len(args) > 1 {
			var err error
			if i, err = in.seqSsizeArg(args[1], overflowSsize); err != nil {
				return Value{}, err
			}
		}
		l := asObject[List](args[0])
		n := len(l.items)
		if n == 0 {
			return Value{}, in.raise(indexErrorType, "pop from empty list")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Value{}, in.raise(indexErrorType, "pop index out of range")
		}
		return listRemoveAt(l, i), nil
	})
	defMethod(listType, "clear", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("list.clear", args, kwnames); err != nil {
			return Value{}, err
		}
		in.listClear(asObject[List](args[0]))
		return None, nil
	})
	defMethod(listType, "index", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("list.index", "index", args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		l := asObject[List](args[0])
		start, stop, err := in.seqSearchRange(args[2:], len(l.items))
		if err != nil {
			return Value{}, err
		}
		for i := start; i < stop && i < len(l.items); i++ {
			v := l.items[i]
			incRef(v)
			eq, err := in.keysEqual(v, args[1])
			in.decRef(v)
			if err != nil {
				return Value{}, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		r, err := in.Repr(args[1])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(r)
		return Value{}, in.raise(valueErrorType, "%s is not in list", r.GoString())
	})
	defMethod(listType, "count", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("list.count", args, kwnames); err != nil {
			return Value{}, err
		}
		l := asObject[List](args[0])
		return in.countItems(func() []Value { return l.items }, args[1])
	})
	defMethod(listType, "sort", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		key, reverse, err := in.sortArgs(args[1:], kwnames)
		if err != nil {
			return Value{}, err
		}
		return None, in.listSort(asObject[List](args[0]), key, reverse)
	})
	defMethod(listType, "reverse", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("list.reverse", args, kwnames); err != nil {
			return Value{}, err
		}
		reverseValues(asObject[List](args[0]).items)
		return None, nil
	})
	defMethod(listType, "copy", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("list.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.NewList(asObject[List](args[0]).items...)
	})
	defMethod(listType, "__reversed__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("list.__reversed__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.newListRevIter(args[0])
	})
	defMethod(listType, "__getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("list.__getitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return listType.getitem(in, args[0], args[1])
	})
	defMethod(listType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, listInit(in, args[0], args[1:], kwnames)
	})
	defWrapper(listType, "__add__", 1, func(in *Interp, args []Value) (Value, error) {
		return listConcat(in, args[0], args[1])
	})
	defWrapper(listType, "__iadd__", 1, func(in *Interp, args []Value) (Value, error) {
		return listInplaceConcat(in, args[0], args[1])
	})
	for _, name := range []string{"__mul__", "__rmul__", "__imul__"} {
		inplace := name == "__imul__"
		defWrapper(listType, name, 1, func(in *Interp, args []Value) (Value, error) {
			count, err := in.seqSsizeArg(args[1], overflowIndex)
			if err != nil {
				return Value{}, err
			}
			if inplace {
				return in.listInplaceRepeat(args[0], count)
			}
			return in.listRepeat(asObject[List](args[0]), count)
		})
	}
	defSlotWrappers(listType, "__repr__", "compare", "__len__", "__setitem__", "__contains__", "__iter__")
	listType.attrs["__hash__"] = None
	defNew(listType)
}

// newListRevIter makes a list_reverseiterator over list l.
func (in *Interp) newListRevIter(l Value) (Value, error) {
	it := &listRevIter{list: l, index: len(asObject[List](l).items) - 1}
	if err := in.account(&it.Header, listRevIterType, listRevIterSize); err != nil {
		return Value{}, err
	}
	incRef(l)
	return valueOf(it), nil
}

// countItems counts the items equal to x (list.count, tuple.count),
// re-reading the items after each comparison.
func (in *Interp) countItems(items func() []Value, x Value) (Value, error) {
	n := 0
	for i := 0; i < len(items()); i++ {
		v := items()[i]
		if v.Is(x) {
			n++
			continue
		}
		incRef(v)
		eq, err := in.keysEqual(v, x)
		in.decRef(v)
		if err != nil {
			return Value{}, err
		}
		if eq {
			n++
		}
	}
	return Int(int64(n)), nil
}

func reverseValues(s []Value) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// defNew adds t.__new__(cls, ...): an instance of cls, a subtype of t,
// made by t's new slot.
func defNew(t *Type) {
	defStatic(t, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) <= len(kwnames) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(): not enough arguments", t.Name)
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(X): X is not a type object (%s)", t.Name, args[0].Type().Name)
		}
		sub := (*Type)(args[0].p)
		if !sub.IsSubtype(t) {
			return Value{}, in.raise(typeErrorType, "%s.__new__(%s): %s is not a subtype of %s", t.Name, sub.Name, sub.Name, t.Name)
		}
		return t.new(in, sub, args[1:], kwnames)
	})
}

// defWrapper adds a slot wrapper (list.__len__, tuple.__add__): a method
// taking exactly n arguments after self, with the wrappers' messages.
func defWrapper(t *Type, name string, n int, fn func(in *Interp, args []Value) (Value, error)) {
	defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqWrapperArgs(name, args, kwnames, n); err != nil {
			return Value{}, err
		}
		return fn(in, args)
	})
}

// defSlotWrappers adds slot wrappers for the named slots of t among
// __repr__, __hash__, the comparisons ("compare"), __len__, __getitem__,
// __setitem__ (with __delitem__), __contains__ and __iter__. Each calls
// t's own slot (not a subclass's), read when called, since other files
// fill in slots during package initialization.
func defSlotWrappers(t *Type, names ...string) {
	for _, name := range names {
		switch name {
		case "__repr__":
			defWrapper(t, name, 0, func(in *Interp, args []Value) (Value, error) { return t.repr(in, args[0]) })
		case "__hash__":
			defWrapper(t, name, 0, func(in *Interp, args []Value) (Value, error) {
				h, err := t.hash(in, args[0])
				return Int(h), err
			})
		case "compare":
			for op, name := range compareDunders {
				op := CompareOp(op)
				defWrapper(t, name, 1, func(in *Interp, args []Value) (Value, error) { return t.compare(in, args[0], args[1], op) })
			}
		case "__len__":
			defWrapper(t, name, 0, func(in *Interp, args []Value) (Value, error) {
				n, err := t.length(in, args[0])
				return Int(int64(n)), err
			})
		case "__getitem__":
			defWrapper(t, name, 1, func(in *Interp, args []Value) (Value, error) { return t.getitem(in, args[0], args[1]) })
		case "__setitem__":
			defWrapper(t, name, 2, func(in *Interp, args []Value) (Value, error) {
				return None, t.setitem(in, args[0], args[1], args[2])
			})
			defWrapper(t, "__delitem__", 1, func(in *Interp, args []Value) (Value, error) {
				return None, t.setitem(in, args[0], args[1], Value{})
			})
		case "__contains__":
			defWrapper(t, name, 1, func(in *Interp, args []Value) (Value, error) {
				ok, err := t.contains(in, args[0], args[1])
				return Bool(ok), err
			})
		case "__iter__":
			defWrapper(t, name, 0, func(in *Interp, args []Value) (Value, error) { return t.iter(in, args[0]) })
		default:
			panic("interp: no slot wrapper " + name)
		}
	}
}

// defIterMethods gives an iterator type __iter__ and __next__ methods.
func defIterMethods(t *Type) {
	defWrapper(t, "__iter__", 0, func(in *Interp, args []Value) (Value, error) {
		incRef(args[0])
		return args[0], nil
	})
	defWrapper(t, "__next__", 0, func(in *Interp, args []Value) (Value, error) {
		v, ok, err := t.next(in, args[0])
		if err != nil {
			return Value{}, err
		}
		if !ok {
			e, err := in.newException(stopIterationType)
			if err != nil {
				return Value{}, err
			}
			return Value{}, e
		}
		return v, nil
	})
}
