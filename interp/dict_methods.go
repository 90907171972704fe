package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The dict type's constructor, methods, operators and comparison. Keys'
// __hash__ and __eq__ and a mapping's keys() and __getitem__ run Python
// code, so a dict walked here is re-read after each such call and its
// items are held while they are used.

// classMethodDescrType is the type of a built-in class method such as
// dict.fromkeys: bound to the class however it is reached.
var classMethodDescrType = newBuiltinType("classmethod_descriptor", objectType, 0)

// defClassMethod adds a built-in class method to t: fn receives the
// class (t or the class it was reached through) as args[0].
func defClassMethod(t *Type, name string, fn MethodFunc) {
	d := &MethodDescr{name: name, owner: t, fn: fn, static: true}
	d.Header.Type = unsafe.Pointer(classMethodDescrType)
	alloc.MakeImmortal(&d.Header)
	t.attrs[name] = valueOf(d)
}

func init() {
	classMethodDescrType.repr = func(in *Interp, v Value) (Value, error) {
		d := asObject[MethodDescr](v)
		return in.NewStr("<method '" + d.name + "' of '" + d.owner.Name + "' objects>")
	}
	classMethodDescrType.descrGet = func(in *Interp, descr, obj Value, t *Type) (Value, error) {
		if t == nil {
			t = obj.Type()
		}
		return in.bindBuiltin(asObject[MethodDescr](descr), valueOf(t))
	}
	classMethodDescrType.call = func(in *Interp, v Value, args []Value, kwnames []Value) (Value, error) {
		d := asObject[MethodDescr](v)
		if len(args) <= len(kwnames) {
			return Value{}, in.raise(typeErrorType, "descriptor '%s' of '%s' object needs an argument", d.name, d.owner.Name)
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2", d.name, d.owner.Name, args[0].Type().Name)
		}
		return d.fn(in, args, kwnames)
	}

	dictType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		d, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		if err := in.dictUpdateCommon(asObject[Dict](d), args, kwnames, "dict"); err != nil {
			in.decRef(d)
			return Value{}, err
		}
		return d, nil
	}
	dictType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		d := newInstanceStruct[Dict](t)
		if err := in.account(&d.Header, t, dictSize); err != nil {
			return Value{}, err
		}
		d.Header.SetFlags(alloc.FlagContainer)
		return valueOf(d), nil
	}
	dictType.init = func(in *Interp, self Value, args []Value, kwnames []Value) error {
		return in.dictUpdateCommon(asObject[Dict](self), args, kwnames, "dict")
	}
	dictType.iter = func(in *Interp, v Value) (Value, error) { return in.newDictIter(v, dictKeyIterType) }
	dictType.compare = dictCompare
	dictType.number = &numberSlots{}
	dictType.number.binary[OpOr] = dictOr
	dictType.number.inplace[OpOr] = func(in *Interp, a, b Value) (Value, error) {
		if err := in.dictUpdateArg(asObject[Dict](a), b); err != nil {
			return Value{}, err
		}
		incRef(a)
		return a, nil
	}
	defDictMethods()
}

// dictUpdateCommon is dict(), dict.__init__ and dict.update: at most one
// positional argument (a mapping or an iterable of pairs), then the
// keyword arguments.
func (in *Interp) dictUpdateCommon(d *Dict, args, kwnames []Value, fname string) error {
	npos := len(args) - len(kwnames)
	if err := in.checkArgCount(fname, args[:npos], nil, 0, 1); err != nil {
		return err
	}
	if npos == 1 {
		if err := in.dictUpdateArg(d, args[0]); err != nil {
			return err
		}
	}
	for i, k := range kwnames {
		if err := in.DictSet(d, k, args[npos+i]); err != nil {
			return err
		}
	}
	return nil
}

// dictUpdateArg merges arg into d: a dict, anything with keys() (a
// mapping), or else an iterable of key/value pairs.
func (in *Interp) dictUpdateArg(d *Dict, arg Value) error {
	if arg.Type() == dictType {
		return in.dictMerge(d, arg)
	}
	keys, err := in.lookupAttr(arg, internName("keys"))
	if err != nil {
		return err
	}
	if !keys.IsNil() {
		in.decRef(keys)
		return in.dictMerge(d, arg)
	}
	return in.dictMergePairs(d, arg)
}

// dictMerge is PyDict_Merge: d gets every item of the mapping src,
// replacing what it had.
func (in *Interp) dictMerge(d *Dict, src Value) error {
	if in.mergesAsDict(src) {
		s := asObject[Dict](src)
		if s == d || s.used == 0 {
			return nil
		}
		n := len(s.entries)
		for i := 0; i < len(s.entries); i++ {
			e := s.entries[i]
			if e.key.IsNil() {
				continue
			}
			incRef(e.key)
			incRef(e.value)
			err := in.dictSetHashed(d, e.key, e.hash, e.value)
			in.decRef(e.key)
			in.decRef(e.value)
			if err != nil {
				return err
			}
			if len(s.entries) != n {
				return in.raise(runtimeErrorType, "dict mutated during update")
			}
		}
		return nil
	}
	keys, err := in.mappingKeys(src)
	if err != nil {
		return err
	}
	defer func() {
		for _, k := range keys {
			in.decRef(k)
		}
	}()
	for _, k := range keys {
		v, err := in.GetItem(src, k)
		if err != nil {
			return err
		}
		err = in.DictSet(d, k, v)
		in.decRef(v)
		if err != nil {
			return err
		}
	}
	return nil
}

// mergesAsDict reports whether a merge from src reads its entries
// directly, as CPython's dict_merge does for a dict, or a dict subclass
// that keeps dict's __iter__: such a subclass's own keys() and
// __getitem__ are not called (a class namespace from __prepare__ copied
// with dict(ns), say).
func (in *Interp) mergesAsDict(src Value) bool {
	t := src.Type()
	return t == dictType || t.IsSubtype(dictType) && !in.overrides(t, "__iter__")
}

// mappingKeys is PyMapping_Keys of a mapping that is not a dict: what its
// keys() returns, as a slice of new references.
func (in *Interp) mappingKeys(m Value) ([]Value, error) {
	r, err := in.callNamedMethod(m, "keys")
	if err != nil {
		return nil, err
	}
	defer in.decRef(r)
	t := r.Type()
	if t.iter == nil && t.getitem == nil {
		return nil, in.raise(typeErrorType, "%s.keys() returned a non-iterable (type %s)", m.Type().Name, t.Name)
	}
	return in.iterateAll(r)
}

// callNamedMethod calls v.name() with no arguments.
func (in *Interp) callNamedMethod(v Value, name string, args ...Value) (Value, error) {
	fn, err := in.getAttrString(v, name)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(fn)
	return in.Call(fn, args, nil)
}

// dictMergePairs is PyDict_MergeFromSeq2: d gets the key/value pairs an
// iterable yields, each itself a sequence of two.
func (in *Interp) dictMergePairs(d *Dict, seq Value) error {
	it, err := in.getIter(seq)
	if err != nil {
		return err
	}
	defer in.decRef(it)
	for i := 0; ; i++ {
		item, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err
		}
		err = in.dictMergePair(d, item, i)
		in.decRef(item)
		if err != nil {
			return err
		}
	}
}

func (in *Interp) dictMergePair(d *Dict, item Value, i int) error {
	pair, ok := seqItems(item)
	if ok {
		// Held: setting the key may run code that changes a list.
		pair = append([]Value(nil), pair...)
		for _, x := range pair {
			incRef(x)
		}
	} else {
		var err error
		if pair, err = in.iterateAll(item); err != nil {
			if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
				in.decRef(valueOf(e))
				return in.raise(typeErrorType, "cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			return err
		}
	}
	defer func() {
		for _, x := range pair {
			in.decRef(x)
		}
	}()
	if len(pair) != 2 {
		return in.raise(valueErrorType, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
	}
	return in.DictSet(d, pair[0], pair[1])
}

// dictOr is dict | dict: a copy of the left updated from the right.
func dictOr(in *Interp, a, b Value) (Value, error) {
	if !a.Type().IsSubtype(dictType) || !b.Type().IsSubtype(dictType) {
		return NotImplemented, nil
	}
	r, err := in.dictCopy(asObject[Dict](a))
	if err != nil {
		return Value{}, err
	}
	if err := in.dictMerge(asObject[Dict](r), b); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

// dictCompare is dict == dict and !=: the same keys, and equal values
// (identical values are equal without asking).
func dictCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if !b.Type().IsSubtype(dictType) || op != CmpEQ && op != CmpNE {
		return NotImplemented, nil
	}
	if err := in.enterCall(" in comparison"); err != nil {
		return Value{}, err
	}
	eq, err := in.dictEqual(asObject[Dict](a), asObject[Dict](b))
	in.leaveCall()
	if err != nil {
		return Value{}, err
	}
	return Bool(eq == (op == CmpEQ)), nil
}

func (in *Interp) dictEqual(a, b *Dict) (bool, error) {
	if a.used != b.used {
		return false, nil
	}
	for i := 0; i < len(a.entries); i++ {
		e := a.entries[i]
		if e.key.IsNil() {
			continue
		}
		// Most entries are settled without running any code: the key
		// found by identity or str equality, the values identical,
		// strs, or numbers. The others (containers, instances) take
		// the general way, which holds references across the code
		// their comparisons may run.
		if bv, found, ok := dictFindPlain(b, e.key, e.hash); ok {
			if !found {
				return false, nil
			}
			if eq, ok := equalPlain(e.value, bv, plainEqualDepth); ok {
				if !eq {
					return false, nil
				}
				continue
			}
		}
		incRef(e.key)
		incRef(e.value)
		eq, err := in.dictEqualEntry(b, e)
		in.decRef(e.key)
		in.decRef(e.value)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// dictFindPlain looks key up in d without running code: ok is false
// when an entry with key's hash is neither key itself nor, for an exact
// str key, an exact str (its __eq__ would have to run). v is borrowed.
func dictFindPlain(d *Dict, key Value, hash int64) (v Value, found, ok bool) {
	ix, _, ok := dictFindEntry(d, key, hash)
	if ix < 0 {
		return Value{}, false, ok
	}
	return d.entries[ix].value, true, true
}

// dictFindEntry is dictFindPlain's search: the index of key's entry, -1
// when absent (or when ok is false), and key's hash.
//
// A hash of noHash asks dictFindEntry to find it, for the keys whose
// hash needs no code (ints below the modulus, strs that know theirs);
// ok is false, and the hash noHash, for any other key. The commonest
// lookups and stores (DictGet, DictSet) thus make one call, not three
// (dictHash's, the search's and their own).
func dictFindEntry(d *Dict, key Value, hash int64) (ix int, h int64, ok bool) {
	if hash == noHash {
		switch {
		case key.p == intTag && key.n < hashModulus:
			hash = int64(key.n)
		case key.IsObject() && key.Type() == strType && asObject[Str](key).hashed:
			hash = asObject[Str](key).hash
		default:
			return -1, noHash, false
		}
	}
	// The tables in locals: the loop then reloads neither through d.
	indices, entries := d.indices, d.entries
	if len(indices) == 0 {
		return -1, hash, true
	}
	mask := uint64(len(indices) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		ix := indices[i]
		if ix == emptySlot {
			return -1, hash, true
		}
		if ix != deletedSlot {
			e := &entries[ix]
			if e.hash == hash {
				if e.key.Is(key) {
					return int(ix), hash, true
				}
				// Only now is key's type wanted: most hits are identical.
				// An unboxed value's kind header has its type.
				if key.Type() != strType || e.key.Type() != strType {
					return -1, hash, false
				}
				if e.key.GoString() == key.GoString() {
					return int(ix), hash, true
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// plainEqual is a == b when no code has to run to know it: identical
// values (equal, as CPython's comparisons of containers take identity
// for equality), two exact strs, two unboxed numbers. ok is false
// otherwise.
func plainEqual(a, b Value) (eq, ok bool) {
	if a.Is(b) {
		return true, true
	}
	if a.IsObject() || b.IsObject() {
		if a.IsObject() && b.IsObject() && a.Type() == strType && b.Type() == strType {
			return a.GoString() == b.GoString(), true
		}
		return false, false
	}
	if c, ok := compareNumbers(a, b); ok {
		return c == 0, true // 2 for a NaN: unequal
	}
	return false, false
}

// plainEqualDepth bounds how deep equalPlain looks into nested
// containers (JSON-like data is a few levels deep).
const plainEqualDepth = 16

// equalPlain is a == b when no code has to run to know it: what
// plainEqual settles, and exact lists, tuples and dicts holding such
// values, up to depth levels down. ok is false as soon as anything in
// them needs code (an instance's __eq__, a str subclass key), and the
// caller compares a and b the general way, which may run that code in
// CPython's order; equalPlain itself has no effects, so stopping early
// or checking lengths first changes nothing a program can see.
func equalPlain(a, b Value, depth int) (eq, ok bool) {
	if eq, ok := plainEqual(a, b); ok {
		return eq, true
	}
	if depth == 0 || !a.IsObject() || !b.IsObject() {
		return false, false
	}
	t := a.Type()
	if b.Type() != t {
		return false, false
	}
	switch t {
	case listType, tupleType:
		var x, y []Value
		if t == listType {
			x, y = asObject[List](a).items, asObject[List](b).items
		} else {
			x, y = asObject[Tuple](a).items, asObject[Tuple](b).items
		}
		// A list's == looks at the lengths first; a tuple's compares
		// the items it can first (CPython's list_richcompare and
		// tuplerichcompare), which matters when one needs code.
		if t == listType && len(x) != len(y) {
			return false, true
		}
		for i := range min(len(x), len(y)) {
			eq, ok := equalPlain(x[i], y[i], depth-1)
			if !ok || !eq {
				return false, ok
			}
		}
		return len(x) == len(y), true
	case dictType:
		da, db := asObject[Dict](a), asObject[Dict](b)
		if da.used != db.used {
			return false, true
		}
		for i := range da.entries {
			e := &da.entries[i]
			if e.key.IsNil() {
				continue
			}
			bv, found, ok := dictFindPlain(db, e.key, e.hash)
			if !ok || !found {
				return false, ok
			}
			eq, ok := equalPlain(e.value, bv, depth-1)
			if !ok || !eq {
				return false, ok
			}
		}
		return true, true
	}
	return false, false
}

// dictEqualEntry reports whether b has a's entry e's key with an equal
// value.
func (in *Interp) dictEqualEntry(b *Dict, e dictEntry) (bool, error) {
	_, ix, err := in.dictLookup(b, e.key, e.hash)
	if err != nil || ix < 0 {
		return false, err
	}
	bv := b.entries[ix].value
	incRef(bv)
	defer in.decRef(bv)
	return in.keysEqual(e.value, bv)
}

// dictFromKeys is dict.fromkeys(iterable, value=None) for class cls.
func (in *Interp) dictFromKeys(cls, iterable, value Value) (Value, error) {
	d, err := in.Call(cls, nil, nil)
	if err != nil {
		return Value{}, err
	}
	it, err := in.getIter(iterable)
	if err != nil {
		in.decRef(d)
		return Value{}, err
	}
	defer in.decRef(it)
	for {
		k, ok, err := in.iterNext(it)
		if err == nil && ok {
			if d.Type() == dictType {
				err = in.DictSet(asObject[Dict](d), k, value)
			} else {
				err = in.SetItem(d, k, value)
			}
			in.decRef(k)
		}
		if err != nil {
			in.decRef(d)
			return Value{}, err
		}
		if !ok {
			return d, nil
		}
	}
}

func defDictMethods() {
	for _, m := range []struct {
		name string
		view *Type
	}{{"keys", dictKeysType}, {"values", dictValuesType}, {"items", dictItemsType}} {
		view := m.view
		qual := "dict." + m.name
		defMethod(dictType, m.name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.methNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			return in.newDictView(args[0], view)
		})
	}
	defMethod(dictType, "get", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		// methPosArgs' passing check written out: it does not inline,
		// and get is among the commonest method calls.
		if len(kwnames) != 0 || len(args) < 2 || len(args) > 3 {
			return Value{}, in.methPosArgs("dict.get", "get", args, kwnames, 1, 2)
		}
		// DictGet written out (it does not inline): a plain key's
		// search is the one call.
		d, key := asObject[Dict](args[0]), args[1]
		var v Value
		ix, _, plain := dictFindEntry(d, key, noHash)
		if !plain && key.Type() == typeType && in.det == nil {
			// A class (copy's and pickle's dispatch tables look one
			// up per object): its identity hash, as dictHash has it,
			// without dictGetSlow's and dictHash's calls.
			ix, _, plain = dictFindEntry(d, key, pointerHash(key))
		}
		ok := plain && ix >= 0
		if ok {
			v = d.entries[ix].value
		} else if !plain {
			var err error
			if v, ok, err = in.dictGetSlow(d, key); err != nil {
				return Value{}, err
			}
		}
		if !ok {
			v = None
			if len(args) > 2 {
				v = args[2]
			}
		}
		incRef(v)
		return v, nil
	})
	defMethod(dictType, "setdefault", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("dict.setdefault", "setdefault", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		d := asObject[Dict](args[0])
		v, ok, err := in.DictGet(d, args[1])
		if err != nil {
			return Value{}, err
		}
		if !ok {
			v = None
			if len(args) > 2 {
				v = args[2]
			}
			if err := in.DictSet(d, args[1], v); err != nil {
				return Value{}, err
			}
		}
		incRef(v)
		return v, nil
	})
	defMethod(dictType, "pop", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("dict.pop", "pop", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		d := asObject[Dict](args[0])
		if d.used > 0 { // an empty dict does not even hash the key
			hash, err := in.Hash(args[1])
			if err != nil {
				return Value{}, err
			}
			v, ok, err := in.dictPopHashed(d, args[1], hash)
			if err != nil || ok {
				return v, err
			}
		}
		if len(args) > 2 {
			incRef(args[2])
			return args[2], nil
		}
		return Value{}, in.keyError(args[1])
	})
	defMethod(dictType, "popitem", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("dict.popitem", args, kwnames); err != nil {
			return Value{}, err
		}
		d := asObject[Dict](args[0])
		if d.used == 0 {
			msg, err := in.NewStr("popitem(): dictionary is empty")
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(msg)
			return Value{}, in.keyError(msg)
		}
		k, v, _ := in.dictPopLast(d)
		defer in.decRef(k)
		defer in.decRef(v)
		return in.NewTuple(k, v)
	})
	defMethod(dictType, "update", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, in.dictUpdateCommon(asObject[Dict](args[0]), args[1:], kwnames, "update")
	})
	defMethod(dictType, "clear", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("dict.clear", args, kwnames); err != nil {
			return Value{}, err
		}
		in.dictClear(asObject[Dict](args[0]))
		return None, nil
	})
	defMethod(dictType, "copy", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("dict.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.dictCopy(asObject[Dict](args[0]))
	})
	defClassMethod(dictType, "fromkeys", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("dict.fromkeys", "fromkeys", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		value := None
		if len(args) > 2 {
			value = args[2]
		}
		return in.dictFromKeys(args[0], args[1], value)
	})
	defMethod(dictType, "__contains__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("dict.__contains__", args, kwnames); err != nil {
			return Value{}, err
		}
		_, ok, err := in.DictGet(asObject[Dict](args[0]), args[1])
		return Bool(ok), err
	})
	defMethod(dictType, "__getitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("dict.__getitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return dictType.getitem(in, args[0], args[1])
	})
	defMethod(dictType, "__reversed__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs("dict.__reversed__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.newDictIter(args[0], dictRevKeyIterType)
	})
	defMethod(dictType, "__init__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		return None, dictType.init(in, args[0], args[1:], kwnames)
	})
	defWrapper(dictType, "__or__", 1, func(in *Interp, args []Value) (Value, error) { return dictOr(in, args[0], args[1]) })
	defWrapper(dictType, "__ror__", 1, func(in *Interp, args []Value) (Value, error) { return dictOr(in, args[1], args[0]) })
	defWrapper(dictType, "__ior__", 1, func(in *Interp, args []Value) (Value, error) {
		return dictType.number.inplace[OpOr](in, args[0], args[1])
	})
	defSlotWrappers(dictType, "__repr__", "compare", "__len__", "__setitem__", "__iter__")
	dictType.attrs["__hash__"] = None
	defNew(dictType)
}
