package interp

// The Python face of set and frozenset: constructors, repr, comparisons,
// the operators, membership, and the methods, each building its result
// the way CPython's setobject.c does so that iteration orders agree.

func init() {
	setType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		iterable, err := in.setConstructorArg("set", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		return in.makeNewSet(t, iterable)
	}
	frozensetType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		iterable, err := in.setConstructorArg("frozenset", args, kwnames)
		if err != nil {
			return Value{}, err
		}
		if t == frozensetType && !iterable.IsNil() && iterable.Type() == frozensetType {
			incRef(iterable)
			return iterable, nil
		}
		return in.makeNewSet(t, iterable)
	}
	for _, t := range []*Type{setType, frozensetType} {
		t.repr = setRepr
		t.compare = setCompare
		t.contains = setContains
		t.number = &numberSlots{}
		t.number.binary[OpOr] = setOr
		t.number.binary[OpAnd] = setAnd
		t.number.binary[OpSub] = setSub
		t.number.binary[OpXor] = setXor
	}
	setType.number.inplace[OpOr] = setIOr
	setType.number.inplace[OpAnd] = setIAnd
	setType.number.inplace[OpSub] = setISub
	setType.number.inplace[OpXor] = setIXor

	for _, t := range []*Type{setType, frozensetType} {
		prefix := t.Name + "."
		defMethod(t, "copy", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.setNoArgs(prefix+"copy", args, kwnames); err != nil {
				return Value{}, err
			}
			if args[0].Type() == frozensetType {
				incRef(args[0])
				return args[0], nil
			}
			return in.setCopy(args[0])
		})
		defMethod(t, "union", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords(prefix+"union", kwnames); err != nil {
				return Value{}, err
			}
			return in.setUnion(args[0], args[1:])
		})
		defMethod(t, "intersection", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords(prefix+"intersection", kwnames); err != nil {
				return Value{}, err
			}
			return in.setIntersectionMulti(args[0], args[1:])
		})
		defMethod(t, "difference", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords(prefix+"difference", kwnames); err != nil {
				return Value{}, err
			}
			return in.setDifferenceMulti(args[0], args[1:])
		})
		defMethod(t, "symmetric_difference", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.setOneArg(prefix+"symmetric_difference", args, kwnames); err != nil {
				return Value{}, err
			}
			return in.setSymmetricDifference(args[0], args[1])
		})
		defMethod(t, "issubset", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.setOneArg(prefix+"issubset", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := in.setIsSubset(asObject[Set](args[0]), args[1])
			return Bool(r), err
		})
		defMethod(t, "issuperset", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.setOneArg(prefix+"issuperset", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := in.setIsSuperset(asObject[Set](args[0]), args[1])
			return Bool(r), err
		})
		defMethod(t, "isdisjoint", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.setOneArg(prefix+"isdisjoint", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := in.setIsDisjoint(asObject[Set](args[0]), args[1])
			return Bool(r), err
		})
		defMethod(t, "__contains__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.setOneArg(prefix+"__contains__", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := setContains(in, args[0], args[1])
			return Bool(r), err
		})
	}

	defMethod(setType, "add", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.setOneArg("set.add", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, in.setAddKey(asObject[Set](args[0]), args[1])
	})
	defMethod(setType, "remove", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.setOneArg("set.remove", args, kwnames); err != nil {
			return Value{}, err
		}
		found, err := in.setDiscardMaybeSet(asObject[Set](args[0]), args[1])
		if err == nil && !found {
			err = in.keyError(args[1])
		}
		return None, err
	})
	defMethod(setType, "discard", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.setOneArg("set.discard", args, kwnames); err != nil {
			return Value{}, err
		}
		_, err := in.setDiscardMaybeSet(asObject[Set](args[0]), args[1])
		return None, err
	})
	defMethod(setType, "pop", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.setNoArgs("set.pop", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.setPop(asObject[Set](args[0]))
	})
	defMethod(setType, "clear", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.setNoArgs("set.clear", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, in.setClear(asObject[Set](args[0]))
	})
	defMethod(setType, "update", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("set.update", kwnames); err != nil {
			return Value{}, err
		}
		s := asObject[Set](args[0])
		for _, other := range args[1:] {
			if err := in.setUpdateInternal(s, other); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	})
	defMethod(setType, "intersection_update", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("set.intersection_update", kwnames); err != nil {
			return Value{}, err
		}
		tmp, err := in.setIntersectionMulti(args[0], args[1:])
		if err != nil {
			return Value{}, err
		}
		in.setSwapBodies(asObject[Set](args[0]), asObject[Set](tmp))
		in.decRef(tmp)
		return None, nil
	})
	defMethod(setType, "difference_update", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.noKeywords("set.difference_update", kwnames); err != nil {
			return Value{}, err
		}
		for _, other := range args[1:] {
			if err := in.setDifferenceUpdate(asObject[Set](args[0]), other); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	})
	defMethod(setType, "symmetric_difference_update", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.setOneArg("set.symmetric_difference_update", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, in.setSymmetricDifferenceUpdate(asObject[Set](args[0]), args[1])
	})
}

// setConstructorArg checks set()'s or frozenset()'s arguments: at most
// one positional, no keywords; nil when none was given.
func (in *Interp) setConstructorArg(name string, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "%s() takes no keyword arguments", name)
	}
	if len(args) > 1 {
		return Value{}, in.raise(typeErrorType, "%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 0 {
		return Value{}, nil
	}
	return args[0], nil
}

// setNoArgs is the check of a METH_NOARGS method (args[0] is self).
func (in *Interp) setNoArgs(name string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", name)
	}
	if len(args) > 1 {
		return in.raise(typeErrorType, "%s() takes no arguments (%d given)", name, len(args)-1)
	}
	return nil
}

// setOneArg is the check of a METH_O method (args[0] is self).
func (in *Interp) setOneArg(name string, args []Value, kwnames []Value) error {
	if len(kwnames) == 0 && len(args) == 2 { // inlined: set.add's check
		return nil
	}
	return in.setOneArgError(name, args, kwnames)
}

// setOneArgError is setOneArg's error, out of line.
func (in *Interp) setOneArgError(name string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return in.raise(typeErrorType, "%s() takes exactly one argument (%d given)", name, len(args)-1)
	}
	return nil
}

// setRepr is repr() of a set: {1, 2}, set(), frozenset({1, 2}),
// frozenset(); a set met again inside itself is set(...).
func setRepr(in *Interp, v Value) (Value, error) {
	s := asObject[Set](v)
	name := v.Type().Name
	if !in.reprEnter(v) {
		return in.NewStr(name + "(...)")
	}
	defer in.reprLeave()
	if s.used == 0 {
		return in.NewStr(name + "()")
	}
	// The keys are held while their reprs run, which may change the set.
	var keys []Value
	for pos := 0; ; {
		e, ok := s.next(&pos)
		if !ok {
			break
		}
		incRef(e.key)
		keys = append(keys, e.key)
	}
	defer func() {
		for _, k := range keys {
			in.decRef(k)
		}
	}()
	b := []byte{'{'}
	for i, k := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		r, err := in.Repr(k)
		if err != nil {
			return Value{}, err
		}
		b = append(b, r.GoString()...)
		in.decRef(r)
	}
	b = append(b, '}')
	if v.Type() != setType {
		return in.NewStr(name + "(" + string(b) + ")")
	}
	return in.NewStr(string(b))
}

// setContains is `key in s`; a set key is looked up as the frozenset of
// its items.
func setContains(in *Interp, v, key Value) (bool, error) {
	s := asObject[Set](v)
	hash, err := in.setHash(key)
	if err != nil {
		tmp, terr := in.frozenKey(key, err)
		if terr != nil {
			return false, terr
		}
		defer in.decRef(tmp)
		return in.setContainsEntry(s, tmp, frozensetHashOf(asObject[Set](tmp)))
	}
	return in.setContainsEntry(s, key, hash)
}

// frozenKey answers a failure to hash key: when key is a set and the
// failure a TypeError, the frozenset to look up instead; else the error.
func (in *Interp) frozenKey(key Value, err error) (Value, error) {
	e, ok := err.(*Exception)
	if !ok || !isMutableSet(key) || !valueOf(e).Type().IsSubtype(typeErrorType) {
		return Value{}, err
	}
	in.decRef(valueOf(e))
	return in.makeNewSet(frozensetType, key)
}

// setDiscardMaybeSet is discard() and remove(): a set key is removed as
// the frozenset of its items.
func (in *Interp) setDiscardMaybeSet(s *Set, key Value) (bool, error) {
	hash, err := in.setHash(key)
	if err != nil {
		tmp, terr := in.frozenKey(key, err)
		if terr != nil {
			return false, terr
		}
		defer in.decRef(tmp)
		return in.setDiscardEntry(s, tmp, frozensetHashOf(asObject[Set](tmp)))
	}
	return in.setDiscardEntry(s, key, hash)
}

// setPop removes and returns a key, searching from where the last pop
// stopped (set_pop).
func (in *Interp) setPop(s *Set) (Value, error) {
	if s.used == 0 {
		msg, err := in.NewStr("pop from an empty set")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(msg)
		return Value{}, in.keyError(msg)
	}
	mask := len(s.table) - 1
	i := s.finger & mask
	for !s.table[i].active() {
		i++
		if i > mask {
			i = 0
		}
	}
	key := s.table[i].key
	s.table[i] = setEntry{setDummy, -1}
	s.used--
	s.finger = i + 1
	return key, nil
}

// setSwapBodies exchanges the contents of two sets (set_swap_bodies), so
// that the in-place methods keep the table their result was built with.
func (in *Interp) setSwapBodies(a, b *Set) {
	na, nb := len(a.table), len(b.table)
	// The accounting follows the tables: shrink one before growing the
	// other, so that the heap never grows and neither call can fail.
	if na > nb {
		_ = in.resizeSetTable(a, na, nb)
		_ = in.resizeSetTable(b, nb, na)
	} else if nb > na {
		_ = in.resizeSetTable(b, nb, na)
		_ = in.resizeSetTable(a, na, nb)
	}
	a.table, b.table = b.table, a.table
	a.fill, b.fill = b.fill, a.fill
	a.used, b.used = b.used, a.used
	a.hash, b.hash = b.hash, a.hash
	a.hashed, b.hashed = b.hashed, a.hashed
}

// setUnion is union(*others): a copy of so updated with each other.
func (in *Interp) setUnion(so Value, others []Value) (Value, error) {
	r, err := in.setCopy(so)
	if err != nil {
		return Value{}, err
	}
	for _, other := range others {
		if other.Is(so) {
			continue
		}
		if err := in.setUpdateInternal(asObject[Set](r), other); err != nil {
			in.decRef(r)
			return Value{}, err
		}
	}
	return r, nil
}

// setIntersection is set_intersection: iterate the smaller set (or the
// iterable) and keep what the other holds.
func (in *Interp) setIntersection(so, other Value) (Value, error) {
	if so.Is(other) {
		return in.setCopy(so)
	}
	rv, err := in.makeNewSet(setBaseType(so.Type()), Value{})
	if err != nil {
		return Value{}, err
	}
	r := asObject[Set](rv)
	fail := func(err error) (Value, error) {
		in.decRef(rv)
		return Value{}, err
	}
	if isAnySet(other) {
		a, b := asObject[Set](so), asObject[Set](other)
		if b.used > a.used {
			a, b = b, a
		}
		for pos := 0; ; {
			e, ok := b.next(&pos)
			if !ok {
				break
			}
			incRef(e.key)
			found, err := in.setContainsEntry(a, e.key, e.hash)
			if err == nil && found {
				err = in.setAddEntry(r, e.key, e.hash)
			}
			in.decRef(e.key)
			if err != nil {
				return fail(err)
			}
		}
		return rv, nil
	}
	it, err := in.getIter(other)
	if err != nil {
		return fail(err)
	}
	defer in.decRef(it)
	a := asObject[Set](so)
	for {
		key, ok, err := in.iterNext(it)
		if err != nil {
			return fail(err)
		}
		if !ok {
			return rv, nil
		}
		hash, err := in.setHash(key)
		if err == nil {
			var found bool
			found, err = in.setContainsEntry(a, key, hash)
			if err == nil && found {
				err = in.setAddEntry(r, key, hash)
			}
		}
		in.decRef(key)
		if err != nil {
			return fail(err)
		}
	}
}

// setIntersectionMulti is intersection(*others), folding left.
func (in *Interp) setIntersectionMulti(so Value, others []Value) (Value, error) {
	if len(others) == 0 {
		return in.setCopy(so)
	}
	incRef(so)
	r := so
	for _, other := range others {
		nr, err := in.setIntersection(r, other)
		in.decRef(r)
		if err != nil {
			return Value{}, err
		}
		r = nr
	}
	return r, nil
}

// setDifferenceUpdate removes the items of other from s, then drops the
// dummies when more than a quarter of the table is dummies.
func (in *Interp) setDifferenceUpdate(s *Set, other Value) error {
	if valueOf(s).Is(other) {
		return in.setClear(s)
	}
	if isAnySet(other) {
		o := asObject[Set](other)
		for pos := 0; ; {
			e, ok := o.next(&pos)
			if !ok {
				break
			}
			incRef(e.key)
			_, err := in.setDiscardEntry(s, e.key, e.hash)
			in.decRef(e.key)
			if err != nil {
				return err
			}
		}
	} else {
		it, err := in.getIter(other)
		if err != nil {
			return err
		}
		for {
			key, ok, err := in.iterNext(it)
			if err == nil && ok {
				_, err = in.setDiscardKey(s, key)
				in.decRef(key)
			}
			if err != nil {
				in.decRef(it)
				return err
			}
			if !ok {
				break
			}
		}
		in.decRef(it)
	}
	if s.fill-s.used <= (len(s.table)-1)/4 {
		return nil
	}
	n := s.used * 4
	if s.used > 50000 {
		n = s.used * 2
	}
	return in.setResize(s, n)
}

// setCopyAndDifference copies so and removes other's items from the copy.
func (in *Interp) setCopyAndDifference(so, other Value) (Value, error) {
	r, err := in.setCopy(so)
	if err != nil {
		return Value{}, err
	}
	if err := in.setDifferenceUpdate(asObject[Set](r), other); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

// setDifference is set_difference: copy and remove when so is much bigger
// than other, else collect so's keys that other lacks.
func (in *Interp) setDifference(so, other Value) (Value, error) {
	var otherSize int
	switch {
	case isAnySet(other):
		otherSize = asObject[Set](other).used
	case other.Type() == dictType:
		otherSize = asObject[Dict](other).used
	default:
		return in.setCopyAndDifference(so, other)
	}
	s := asObject[Set](so)
	if s.used>>2 > otherSize {
		return in.setCopyAndDifference(so, other)
	}
	rv, err := in.makeNewSet(setBaseType(so.Type()), Value{})
	if err != nil {
		return Value{}, err
	}
	r := asObject[Set](rv)
	for pos := 0; ; {
		e, ok := s.next(&pos)
		if !ok {
			break
		}
		incRef(e.key)
		var found bool
		if other.Type() == dictType {
			d := asObject[Dict](other)
			var ix int
			_, ix, err = in.dictLookup(d, e.key, e.hash)
			found = ix >= 0
		} else {
			found, err = in.setContainsEntry(asObject[Set](other), e.key, e.hash)
		}
		if err == nil && !found {
			err = in.setAddEntry(r, e.key, e.hash)
		}
		in.decRef(e.key)
		if err != nil {
			in.decRef(rv)
			return Value{}, err
		}
	}
	return rv, nil
}

// setDifferenceMulti is difference(*others).
func (in *Interp) setDifferenceMulti(so Value, others []Value) (Value, error) {
	if len(others) == 0 {
		return in.setCopy(so)
	}
	r, err := in.setDifference(so, others[0])
	if err != nil {
		return Value{}, err
	}
	for _, other := range others[1:] {
		if err := in.setDifferenceUpdate(asObject[Set](r), other); err != nil {
			in.decRef(r)
			return Value{}, err
		}
	}
	return r, nil
}

// setSymmetricDifferenceUpdate is symmetric_difference_update: each key
// of other is removed when present, else added.
func (in *Interp) setSymmetricDifferenceUpdate(s *Set, other Value) error {
	if valueOf(s).Is(other) {
		return in.setClear(s)
	}
	toggle := func(key Value, hash int64) error {
		incRef(key)
		defer in.decRef(key)
		found, err := in.setDiscardEntry(s, key, hash)
		if err != nil || found {
			return err
		}
		return in.setAddEntry(s, key, hash)
	}
	if other.Type() == dictType {
		d := asObject[Dict](other)
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNil() {
				continue
			}
			if err := toggle(e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	}
	var ov Value
	if isAnySet(other) {
		incRef(other)
		ov = other
	} else {
		var err error
		if ov, err = in.makeNewSet(setBaseType(valueOf(s).Type()), other); err != nil {
			return err
		}
	}
	defer in.decRef(ov)
	o := asObject[Set](ov)
	for pos := 0; ; {
		e, ok := o.next(&pos)
		if !ok {
			return nil
		}
		if err := toggle(e.key, e.hash); err != nil {
			return err
		}
	}
}

// setSymmetricDifference builds a set of other's items and toggles so's
// keys in it.
func (in *Interp) setSymmetricDifference(so, other Value) (Value, error) {
	r, err := in.makeNewSet(setBaseType(so.Type()), other)
	if err != nil {
		return Value{}, err
	}
	if err := in.setSymmetricDifferenceUpdate(asObject[Set](r), so); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

// setIsSubset is issubset(): every key of s is in other.
func (in *Interp) setIsSubset(s *Set, other Value) (bool, error) {
	if !isAnySet(other) {
		tmp, err := in.makeNewSet(setType, other)
		if err != nil {
			return false, err
		}
		defer in.decRef(tmp)
		other = tmp
	}
	o := asObject[Set](other)
	if s.used > o.used {
		return false, nil
	}
	for pos := 0; ; {
		e, ok := s.next(&pos)
		if !ok {
			return true, nil
		}
		incRef(e.key)
		found, err := in.setContainsEntry(o, e.key, e.hash)
		in.decRef(e.key)
		if err != nil || !found {
			return false, err
		}
	}
}

// setIsSuperset is issuperset(): every item of other is in s.
func (in *Interp) setIsSuperset(s *Set, other Value) (bool, error) {
	if isAnySet(other) {
		return in.setIsSubset(asObject[Set](other), valueOf(s))
	}
	it, err := in.getIter(other)
	if err != nil {
		return false, err
	}
	defer in.decRef(it)
	for {
		key, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err == nil, err
		}
		found, err := setContains(in, valueOf(s), key)
		in.decRef(key)
		if err != nil || !found {
			return false, err
		}
	}
}

// setIsDisjoint is isdisjoint(): no item of other is in s.
func (in *Interp) setIsDisjoint(s *Set, other Value) (bool, error) {
	if valueOf(s).Is(other) {
		return s.used == 0, nil
	}
	if other.Type() == setType || other.Type() == frozensetType {
		a, b := s, asObject[Set](other)
		if b.used > a.used {
			a, b = b, a
		}
		for pos := 0; ; {
			e, ok := b.next(&pos)
			if !ok {
				return true, nil
			}
			incRef(e.key)
			found, err := in.setContainsEntry(a, e.key, e.hash)
			in.decRef(e.key)
			if err != nil || found {
				return false, err
			}
		}
	}
	it, err := in.getIter(other)
	if err != nil {
		return false, err
	}
	defer in.decRef(it)
	for {
		key, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return err == nil, err
		}
		found, err := setContains(in, valueOf(s), key)
		in.decRef(key)
		if err != nil || found {
			return false, err
		}
	}
}

// setCompare is the rich comparison of sets: equality and the subset
// orders; other operands are NotImplemented.
func setCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if !isAnySet(b) {
		return NotImplemented, nil
	}
	x, y := asObject[Set](a), asObject[Set](b)
	var r bool
	var err error
	switch op {
	case CmpEQ, CmpNE:
		switch {
		case x.used != y.used:
			r = false
		case x.hashed && y.hashed && x.hash != y.hash:
			r = false
		default:
			r, err = in.setIsSubset(x, b)
		}
		if op == CmpNE {
			r = !r
		}
	case CmpLE:
		r, err = in.setIsSubset(x, b)
	case CmpGE:
		r, err = in.setIsSuperset(x, b)
	case CmpLT:
		if x.used < y.used {
			r, err = in.setIsSubset(x, b)
		}
	case CmpGT:
		if x.used > y.used {
			r, err = in.setIsSuperset(x, b)
		}
	}
	if err != nil {
		return Value{}, err
	}
	return Bool(r), nil
}

func setOr(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(a) || !isAnySet(b) {
		return NotImplemented, nil
	}
	r, err := in.setCopy(a)
	if err != nil || a.Is(b) {
		return r, err
	}
	if err := in.setUpdateInternal(asObject[Set](r), b); err != nil {
		in.decRef(r)
		return Value{}, err
	}
	return r, nil
}

func setAnd(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(a) || !isAnySet(b) {
		return NotImplemented, nil
	}
	return in.setIntersection(a, b)
}

func setSub(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(a) || !isAnySet(b) {
		return NotImplemented, nil
	}
	return in.setDifference(a, b)
}

func setXor(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(a) || !isAnySet(b) {
		return NotImplemented, nil
	}
	return in.setSymmetricDifference(a, b)
}

// The in-place operators change the set and return it.

func setIOr(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(b) {
		return NotImplemented, nil
	}
	if err := in.setUpdateInternal(asObject[Set](a), b); err != nil {
		return Value{}, err
	}
	incRef(a)
	return a, nil
}

func setIAnd(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(b) {
		return NotImplemented, nil
	}
	tmp, err := in.setIntersection(a, b)
	if err != nil {
		return Value{}, err
	}
	in.setSwapBodies(asObject[Set](a), asObject[Set](tmp))
	in.decRef(tmp)
	incRef(a)
	return a, nil
}

func setISub(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(b) {
		return NotImplemented, nil
	}
	if err := in.setDifferenceUpdate(asObject[Set](a), b); err != nil {
		return Value{}, err
	}
	incRef(a)
	return a, nil
}

func setIXor(in *Interp, a, b Value) (Value, error) {
	if !isAnySet(b) {
		return NotImplemented, nil
	}
	if err := in.setSymmetricDifferenceUpdate(asObject[Set](a), b); err != nil {
		return Value{}, err
	}
	incRef(a)
	return a, nil
}
