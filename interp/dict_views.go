package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The dict views (dict_keys, dict_values, dict_items) and the iterators
// over a dict, forwards and reversed.

// dictView is a live view of a dict's keys, values or items.
type dictView struct {
	alloc.Header
	alloc.GCLink
	dict Value
}

// dictIter walks a dict's entries; its type says whether it yields keys,
// values or items, and in which direction. Like CPython's it notices a
// change of the dict's size, and (forwards) more entries than the size
// allowed for.
type dictIter struct {
	alloc.Header
	dict Value // nil once exhausted
	used int   // the dict's size when iteration began; -1 after it changed
	pos  int   // the next entry to look at
	left int   // items still expected
}

var (
	dictKeysType   = newBuiltinType("dict_keys", objectType, 0)
	dictValuesType = newBuiltinType("dict_values", objectType, 0)
	dictItemsType  = newBuiltinType("dict_items", objectType, 0)

	dictKeyIterType      = newBuiltinType("dict_keyiterator", objectType, 0)
	dictValueIterType    = newBuiltinType("dict_valueiterator", objectType, 0)
	dictItemIterType     = newBuiltinType("dict_itemiterator", objectType, 0)
	dictRevKeyIterType   = newBuiltinType("dict_reversekeyiterator", objectType, 0)
	dictRevValueIterType = newBuiltinType("dict_reversevalueiterator", objectType, 0)
	dictRevItemIterType  = newBuiltinType("dict_reverseitemiterator", objectType, 0)
)

const (
	dictViewSize = unsafe.Sizeof(dictView{})
	dictIterSize = unsafe.Sizeof(dictIter{})
)

// Views and iterators are recycled (in.free, recycle.go): every loop
// over d.items() makes one of each.

// dictViewIters maps a view type to its iterator types, forwards and
// reversed.
var dictViewIters = map[*Type][2]*Type{
	dictKeysType:   {dictKeyIterType, dictRevKeyIterType},
	dictValuesType: {dictValueIterType, dictRevValueIterType},
	dictItemsType:  {dictItemIterType, dictRevItemIterType},
}

// newDictView makes a view of type t over dict d.
func (in *Interp) newDictView(d Value, t *Type) (Value, error) {
	v := in.free.dictViews.get()
	if err := in.account(&v.Header, t, dictViewSize); err != nil {
		return Value{}, err
	}
	v.Header.SetFlags(alloc.FlagContainer)
	incRef(d)
	v.dict = d
	return valueOf(v), nil
}

// newDictIter makes an iterator of type t over dict d.
func (in *Interp) newDictIter(d Value, t *Type) (Value, error) {
	dd := asObject[Dict](d)
	it := in.free.dictIters.get()
	it.dict, it.used, it.left = d, dd.used, dd.used
	switch t {
	case dictRevKeyIterType, dictRevValueIterType, dictRevItemIterType:
		it.pos = len(dd.entries) - 1
	}
	if err := in.account(&it.Header, t, dictIterSize); err != nil {
		return Value{}, err
	}
	incRef(d)
	return valueOf(it), nil
}

func viewDict(v Value) *Dict { return asObject[Dict](asObject[dictView](v).dict) }

func init() {
	for view, iters := range dictViewIters {
		view.dealloc = func(in *Interp, v Value) {
			dv := asObject[dictView](v)
			in.decRef(dv.dict)
			dv.dict = Value{}
			in.heap.Free(&dv.Header, dictViewSize)
			in.free.dictViews.put(dv)
		}
		view.repr = dictViewRepr
		view.length = func(in *Interp, v Value) (int, error) { return viewDict(v).used, nil }
		fwd, rev := iters[0], iters[1]
		view.iter = func(in *Interp, v Value) (Value, error) {
			return in.newDictIter(asObject[dictView](v).dict, fwd)
		}
		defMethod(view, "__reversed__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.methNoArgs(view.Name+".__reversed__", args, kwnames); err != nil {
				return Value{}, err
			}
			return in.newDictIter(asObject[dictView](args[0]).dict, rev)
		})
		defGetSet(view, "mapping", func(in *Interp, v Value) (Value, error) {
			return in.newMappingProxy(asObject[dictView](v).dict)
		}, nil)
	}
	dictValuesType.hash = objectType.hash
	dictKeysType.contains = func(in *Interp, v, key Value) (bool, error) {
		_, ok, err := in.DictGet(viewDict(v), key)
		return ok, err
	}
	dictItemsType.contains = func(in *Interp, v, item Value) (bool, error) {
		if !item.Type().IsSubtype(tupleType) || len(asObject[Tuple](item).items) != 2 {
			return false, nil
		}
		pair := asObject[Tuple](item).items
		found, ok, err := in.DictGet(viewDict(v), pair[0])
		if err != nil || !ok {
			return false, err
		}
		incRef(found)
		defer in.decRef(found)
		return in.keysEqual(found, pair[1])
	}
	for _, view := range []*Type{dictKeysType, dictItemsType} {
		view.compare = dictViewCompare
		view.number = &numberSlots{}
		for _, op := range []BinaryOp{OpAnd, OpOr, OpSub, OpXor} {
			view.number.binary[op] = dictViewSetOp(op)
			for i, name := range []string{binaryDunders[op], rbinaryDunders[op]} {
				reflected := i == 1
				fn := view.number.binary[op]
				defWrapper(view, name, 1, func(in *Interp, args []Value) (Value, error) {
					if reflected {
						return fn(in, args[1], args[0])
					}
					return fn(in, args[0], args[1])
				})
			}
		}
		defMethod(view, "isdisjoint", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.seqOneArg(args[0].Type().Name+".isdisjoint", args, kwnames); err != nil {
				return Value{}, err
			}
			return in.dictViewIsDisjoint(args[0], args[1])
		})
		defSlotWrappers(view, "__repr__", "compare", "__len__", "__contains__", "__iter__")
		view.attrs["__hash__"] = None
	}
	defSlotWrappers(dictValuesType, "__repr__", "__len__", "__iter__")

	iterDealloc := func(in *Interp, v Value) {
		it := asObject[dictIter](v)
		in.xdecRef(it.dict)
		it.dict = Value{}
		in.heap.Free(&it.Header, dictIterSize)
		in.free.dictIters.put(it)
	}
	for _, t := range []*Type{dictKeyIterType, dictValueIterType, dictItemIterType} {
		t.dealloc = iterDealloc
		t.iter = selfIter
		t.next = dictIterNext(t, dictIterStep)
		defIterMethods(t)
	}
	for _, t := range []*Type{dictRevKeyIterType, dictRevValueIterType, dictRevItemIterType} {
		t.dealloc = iterDealloc
		t.iter = selfIter
		t.next = dictIterNext(t, dictRevIterStep)
		defIterMethods(t)
	}
}

// dictIterNext makes the next slot of iterator type t from a function
// that finds the next entry.
func dictIterNext(t *Type, step func(in *Interp, it *dictIter) (dictEntry, bool, error)) func(in *Interp, v Value) (Value, bool, error) {
	var kind int // 0 keys, 1 values, 2 items
	switch t {
	case dictValueIterType, dictRevValueIterType:
		kind = 1
	case dictItemIterType, dictRevItemIterType:
		kind = 2
	}
	return func(in *Interp, v Value) (Value, bool, error) {
		e, ok, err := step(in, asObject[dictIter](v))
		if err != nil || !ok {
			return Value{}, false, err
		}
		switch kind {
		case 0:
			incRef(e.key)
			return e.key, true, nil
		case 1:
			incRef(e.value)
			return e.value, true, nil
		}
		r, err := in.NewTuple(e.key, e.value)
		return r, err == nil, err
	}
}

// dictIterDone lets go of the dict of an exhausted iterator.
func (in *Interp) dictIterDone(it *dictIter) {
	d := it.dict
	it.dict = Value{}
	in.decRef(d)
}

// dictIterStep finds the next entry forwards.
func dictIterStep(in *Interp, it *dictIter) (dictEntry, bool, error) {
	if it.dict.IsNil() {
		return dictEntry{}, false, nil
	}
	d := asObject[Dict](it.dict)
	if it.used != d.used {
		it.used = -1 // and so on every later call
		return dictEntry{}, false, in.raise(runtimeErrorType, "dictionary changed size during iteration")
	}
	i := it.pos
	for i < len(d.entries) && d.entries[i].key.IsNil() {
		i++
	}
	if i >= len(d.entries) {
		in.dictIterDone(it)
		return dictEntry{}, false, nil
	}
	if it.left == 0 {
		in.dictIterDone(it)
		return dictEntry{}, false, in.raise(runtimeErrorType, "dictionary keys changed during iteration")
	}
	it.pos = i + 1
	it.left--
	return d.entries[i], true, nil
}

// dictRevIterStep finds the next entry backwards.
func dictRevIterStep(in *Interp, it *dictIter) (dictEntry, bool, error) {
	if it.dict.IsNil() {
		return dictEntry{}, false, nil
	}
	d := asObject[Dict](it.dict)
	if it.used != d.used {
		it.used = -1
		return dictEntry{}, false, in.raise(runtimeErrorType, "dictionary changed size during iteration")
	}
	i := min(it.pos, len(d.entries)-1)
	for i >= 0 && d.entries[i].key.IsNil() {
		i--
	}
	if i < 0 {
		in.dictIterDone(it)
		return dictEntry{}, false, nil
	}
	it.pos = i - 1
	it.left--
	return d.entries[i], true, nil
}

// dictViewRepr is dict_keys([...]) and its kin: the type's name around
// the list of what the view yields.
func dictViewRepr(in *Interp, v Value) (Value, error) {
	if !in.reprEnter(v) {
		return in.NewStr("...")
	}
	defer in.reprLeave()
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(l)
	if err := in.listExtend(asObject[List](l), v); err != nil {
		return Value{}, err
	}
	r, err := in.Repr(l)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(r)
	return in.NewStr(v.Type().Name + "(" + r.GoString() + ")")
}

// isSetLike reports whether v takes part in the set comparisons of
// dict_keys and dict_items: a set, a frozenset, or such a view.
func isSetLike(v Value) bool {
	t := v.Type()
	return t == dictKeysType || t == dictItemsType || isAnySet(v)
}

// dictViewCompare compares a keys or items view with another set-like
// object by size and containment.
func dictViewCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if !isSetLike(b) {
		return NotImplemented, nil
	}
	la, err := in.Len(a)
	if err != nil {
		return Value{}, err
	}
	lb, err := in.Len(b)
	if err != nil {
		return Value{}, err
	}
	ok := false
	switch op {
	case CmpEQ, CmpNE:
		if la == lb {
			ok, err = in.allContainedIn(a, b)
		}
		if op == CmpNE {
			ok = !ok
		}
	case CmpLT:
		if la < lb {
			ok, err = in.allContainedIn(a, b)
		}
	case CmpLE:
		if la <= lb {
			ok, err = in.allContainedIn(a, b)
		}
	case CmpGT:
		if la > lb {
			ok, err = in.allContainedIn(b, a)
		}
	case CmpGE:
		if la >= lb {
			ok, err = in.allContainedIn(b, a)
		}
	}
	if err != nil {
		return Value{}, err
	}
	return Bool(ok), nil
}

// allContainedIn reports whether every item of a is in b.
func (in *Interp) allContainedIn(a, b Value) (bool, error) {
	it, err := in.getIter(a)
	if err != nil {
		return false, err
	}
	defer in.decRef(it)
	for {
		x, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err == nil, err
		}
		found, err := in.Contains(b, x)
		in.decRef(x)
		if err != nil || !found {
			return false, err
		}
	}
}

// dictViewIsDisjoint is isdisjoint(): no item of other is in the view.
func (in *Interp) dictViewIsDisjoint(self, other Value) (Value, error) {
	if self.Is(other) {
		return Bool(viewDict(self).used == 0), nil
	}
	if isSetLike(other) {
		// Iterate over the smaller one.
		ls, err := in.Len(self)
		if err != nil {
			return Value{}, err
		}
		lo, err := in.Len(other)
		if err != nil {
			return Value{}, err
		}
		if lo > ls {
			self, other = other, self
		}
	}
	it, err := in.getIter(other)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(it)
	for {
		x, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return Bool(err == nil), err
		}
		found, err := in.Contains(self, x)
		in.decRef(x)
		if err != nil {
			return Value{}, err
		}
		if found {
			return False, nil
		}
	}
}

// dictViewSetOp is the set operator op of keys and items views, which
// answers a new set. As in CPython, the slot is called whichever side the
// view is on, and -, | and ^ start from set(left operand).
func dictViewSetOp(op BinaryOp) func(in *Interp, a, b Value) (Value, error) {
	return func(in *Interp, a, b Value) (Value, error) {
		switch op {
		case OpAnd:
			if !isDictSetView(a) {
				a, b = b, a
			}
			return in.dictViewIntersect(a, b)
		case OpXor:
			if a.Type() == dictItemsType && b.Type() == dictItemsType {
				return in.dictItemsXor(viewDict(a), viewDict(b))
			}
		}
		r, err := in.dictViewToSet(a)
		if err != nil {
			return Value{}, err
		}
		switch op {
		case OpOr:
			err = in.setUpdateInternal(asObject[Set](r), b)
		case OpSub:
			var x Value
			if x, err = in.callNamedMethod(r, "difference_update", b); err == nil {
				in.decRef(x)
			}
		case OpXor:
			var x Value
			if x, err = in.callNamedMethod(r, "symmetric_difference_update", b); err == nil {
				in.decRef(x)
			}
		}
		if err != nil {
			in.decRef(r)
			return Value{}, err
		}
		return r, nil
	}
}

func isDictSetView(v Value) bool {
	t := v.Type()
	return t == dictKeysType || t == dictItemsType
}

// dictViewToSet is set(v), from the dict itself for a keys view.
func (in *Interp) dictViewToSet(v Value) (Value, error) {
	if v.Type() == dictKeysType {
		v = asObject[dictView](v).dict
	}
	return in.makeNewSet(setType, v)
}

// dictViewIntersect is view & other: the items of the smaller one (when
// that is known cheaply) that are in the other.
func (in *Interp) dictViewIntersect(self, other Value) (Value, error) {
	n := viewDict(self).used
	if other.Type() == setType {
		if m, err := in.Len(other); err != nil || n <= m {
			if err != nil {
				return Value{}, err
			}
			return in.callNamedMethod(other, "intersection", self)
		}
	}
	if isDictSetView(other) && viewDict(other).used > n {
		self, other = other, self
	}
	r, err := in.makeNewSet(setType, Value{})
	if err != nil {
		return Value{}, err
	}
	it, err := in.getIter(other)
	if err != nil {
		in.decRef(r)
		return Value{}, err
	}
	defer in.decRef(it)
	contains := self.Type().contains
	for {
		x, ok, err := in.iterNext(it)
		if err == nil && ok {
			var found bool
			if found, err = contains(in, self, x); err == nil && found {
				err = in.setAddKey(asObject[Set](r), x)
			}
			in.decRef(x)
		}
		if err != nil {
			in.decRef(r)
			return Value{}, err
		}
		if !ok {
			return r, nil
		}
	}
}

// dictItemsXor is items ^ items: the pairs of either dict whose key the
// other lacks or maps to an unequal value.
func (in *Interp) dictItemsXor(d1, d2 *Dict) (Value, error) {
	tv, err := in.dictCopy(d1)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(tv)
	tmp := asObject[Dict](tv)
	r, err := in.makeNewSet(setType, Value{})
	if err != nil {
		return Value{}, err
	}
	fail := func(err error) (Value, error) {
		in.decRef(r)
		return Value{}, err
	}
	for i := 0; i < len(d2.entries); i++ {
		e := d2.entries[i]
		if e.key.IsNil() {
			continue
		}
		incRef(e.key)
		incRef(e.value)
		err := in.dictItemsXorOne(tmp, asObject[Set](r), e)
		in.decRef(e.key)
		in.decRef(e.value)
		if err != nil {
			return fail(err)
		}
	}
	rest, err := in.newDictView(tv, dictItemsType)
	if err != nil {
		return fail(err)
	}
	err = in.setUpdateInternal(asObject[Set](r), rest)
	in.decRef(rest)
	if err != nil {
		return fail(err)
	}
	return r, nil
}

func (in *Interp) dictItemsXorOne(tmp *Dict, r *Set, e dictEntry) error {
	_, ix, err := in.dictLookup(tmp, e.key, e.hash)
	if err != nil {
		return err
	}
	same := false
	if ix >= 0 {
		v := tmp.entries[ix].value
		incRef(v)
		same, err = in.keysEqual(v, e.value)
		in.decRef(v)
		if err != nil {
			return err
		}
	}
	if same {
		v, ok, err := in.dictPopHashed(tmp, e.key, e.hash)
		if ok {
			in.decRef(v)
		} else if err == nil {
			err = in.keyError(e.key)
		}
		return err
	}
	pair, err := in.NewTuple(e.key, e.value)
	if err != nil {
		return err
	}
	err = in.setAddKey(r, pair)
	in.decRef(pair)
	return err
}
