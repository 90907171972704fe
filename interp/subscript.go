package interp

import "math/big"

// The container protocols (iteration, len, subscription, containment)
// dispatching through the type's slots, and the container-building
// instructions.

// index converts a sequence index: ints (and bools) only.
func (in *Interp) index(container, key Value) (int64, bool, error) {
	switch {
	case key.p == intTag || key.p == boolTag:
		return int64(key.n), true, nil
	case isInt(key):
		// A big int is out of range for any sequence; an instance of an
		// int subclass (an IntEnum member) holds its value boxed.
		var z big.Int
		if b := bigOf(key, &z); b.IsInt64() {
			return b.Int64(), true, nil
		}
		return 0, false, nil
	}
	if key.Type().Flags&TypeHeapType != 0 {
		if i, found, err := in.callSpecial(key, "__index__"); found || err != nil {
			if err != nil {
				return 0, false, err
			}
			defer in.decRef(i)
			if !isInt(i) {
				return 0, false, in.raise(typeErrorType, "__index__ returned non-int (type %s)", i.Type().Name)
			}
			if i.IsSmallInt() {
				return i.SmallInt(), true, nil
			}
			return 0, false, nil
		}
	}
	return 0, false, in.raise(typeErrorType, "%s indices must be integers or slices, not %s", container.Type().Name, key.Type().Name)
}

// seqIndex resolves a sequence index against a length n, counting
// negative indexes from the end; ok is false when it is out of range.
func (in *Interp) seqIndex(container, key Value, n int) (int, bool, error) {
	i, fits, err := in.index(container, key)
	if err != nil || !fits {
		return 0, false, err
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false, nil
	}
	return int(i), true, nil
}

// GetItem is container[key], a new reference.
func (in *Interp) GetItem(container, key Value) (Value, error) {
	if g := container.Type().getitem; g != nil {
		return g(in, container, key)
	}
	if isType(container) {
		t := (*Type)(container.p)
		m, err := in.lookupString(t, "__class_getitem__")
		if err != nil {
			return Value{}, err
		}
		if !m.IsNil() {
			if get := m.Type().descrGet; get != nil {
				bound, err := get(in, m, Value{}, t)
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(bound)
				return in.Call(bound, []Value{key}, nil)
			}
			return in.Call(m, []Value{key}, nil)
		}
		if t.attrs != nil && t.Flags&TypeBaseType != 0 {
			return Value{}, in.raise(notImplementedErrorType, "generic aliases (%s[...]) are not implemented yet", t.Name)
		}
		return Value{}, in.raise(typeErrorType, "type '%s' is not subscriptable", t.Name)
	}
	return Value{}, in.raise(typeErrorType, "'%s' object is not subscriptable", container.Type().Name)
}

// SetItem is container[key] = v, or del container[key] when v is nil.
func (in *Interp) SetItem(container, key, v Value) error {
	if s := container.Type().setitem; s != nil {
		return s(in, container, key, v)
	}
	if v.IsNil() {
		if container.Type().getitem != nil {
			return in.raise(typeErrorType, "'%s' object doesn't support item deletion", container.Type().Name)
		}
		return in.raise(typeErrorType, "'%s' object does not support item deletion", container.Type().Name)
	}
	return in.raise(typeErrorType, "'%s' object does not support item assignment", container.Type().Name)
}

// keyError raises KeyError(key).
func (in *Interp) keyError(key Value) error {
	e, err := in.newException(keyErrorType, key)
	if err != nil {
		return err
	}
	return e
}

// Len is len(v).
func (in *Interp) Len(v Value) (int, error) {
	if l := v.Type().length; l != nil {
		return l(in, v)
	}
	return 0, in.raise(typeErrorType, "object of type '%s' has no len()", v.Type().Name)
}

// Contains is `key in container`: the type's own test, or a search by
// iteration.
func (in *Interp) Contains(container, key Value) (bool, error) {
	if c := container.Type().contains; c != nil {
		return c(in, container, key)
	}
	t := container.Type()
	if t.iter == nil && t.getitem == nil {
		return false, in.raise(typeErrorType, "argument of type '%s' is not iterable", t.Name)
	}
	it, err := in.getIter(container)
	if err != nil {
		return false, err
	}
	defer in.decRef(it)
	for {
		item, ok, err := in.iterNext(it)
		if err != nil || !ok {
			return false, err
		}
		eq := item.Is(key)
		if !eq {
			eq, err = in.keysEqual(item, key)
		}
		in.decRef(item)
		if err != nil || eq {
			return eq, err
		}
	}
}

// containsItems is `key in` a list's or tuple's items: identity, then
// equality, re-reading the items since __eq__ may change a list.
func (in *Interp) containsItems(items func() []Value, key Value) (bool, error) {
	for i := 0; i < len(items()); i++ {
		item := items()[i]
		if item.Is(key) {
			return true, nil
		}
		incRef(item)
		eq, err := in.keysEqual(item, key)
		in.decRef(item)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// getIter is iter(v).
func (in *Interp) getIter(v Value) (Value, error) {
	t := v.Type()
	if t.iter != nil {
		it, err := t.iter(in, v)
		if err == nil && it.Type().next == nil {
			err = in.raise(typeErrorType, "iter() returned non-iterator of type '%s'", it.Type().Name)
			in.decRef(it)
			return Value{}, err
		}
		return it, err
	}
	if t.getitem != nil && t != dictType {
		return in.newSeqIter(v)
	}
	return Value{}, in.raise(typeErrorType, "'%s' object is not iterable", t.Name)
}

// iterNext advances an iterator: the next value (a new reference), or
// ok false when it is exhausted.
func (in *Interp) iterNext(it Value) (v Value, ok bool, err error) {
	if n := it.Type().next; n != nil {
		return n(in, it)
	}
	return Value{}, false, in.raise(typeErrorType, "'%s' object is not an iterator", it.Type().Name)
}

// iterateAll collects every item of an iterable (new references).
func (in *Interp) iterateAll(v Value) ([]Value, error) {
	switch v.Type() {
	case tupleType, listType:
		var items []Value
		if v.Type() == tupleType {
			items = asObject[Tuple](v).items
		} else {
			items = asObject[List](v).items
		}
		out := make([]Value, len(items))
		for i, x := range items {
			incRef(x)
			out[i] = x
		}
		return out, nil
	}
	it, err := in.getIter(v)
	if err != nil {
		return nil, err
	}
	defer in.decRef(it)
	var out []Value
	for {
		x, ok, err := in.iterNext(it)
		if err != nil {
			for _, y := range out {
				in.decRef(y)
			}
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, x)
	}
}

// unpack is UNPACK_SEQUENCE: the n items of an iterable, in order, as
// new references.
func (in *Interp) unpack(v Value, n int) ([]Value, error) {
	switch v.Type() {
	case tupleType, listType:
		var items []Value
		if v.Type() == tupleType {
			items = asObject[Tuple](v).items
		} else {
			items = asObject[List](v).items
		}
		switch {
		case len(items) > n:
			return nil, in.raise(valueErrorType, "too many values to unpack (expected %d)", n)
		case len(items) < n:
			return nil, in.raise(valueErrorType, "not enough values to unpack (expected %d, got %d)", n, len(items))
		}
		out := make([]Value, n)
		for i, x := range items {
			incRef(x)
			out[i] = x
		}
		return out, nil
	}
	it, err := in.getIter(v)
	if err != nil {
		if v.Type().iter == nil && v.Type().getitem == nil {
			in.decRef(valueOf(err.(*Exception)))
			return nil, in.raise(typeErrorType, "cannot unpack non-iterable %s object", v.Type().Name)
		}
		return nil, err
	}
	defer in.decRef(it)
	out := make([]Value, 0, n)
	fail := func(err error) ([]Value, error) {
		for _, y := range out {
			in.decRef(y)
		}
		return nil, err
	}
	for len(out) < n {
		x, ok, err := in.iterNext(it)
		if err != nil {
			return fail(err)
		}
		if !ok {
			return fail(in.raise(valueErrorType, "not enough values to unpack (expected %d, got %d)", n, len(out)))
		}
		out = append(out, x)
	}
	x, ok, err := in.iterNext(it)
	if err != nil {
		return fail(err)
	}
	if ok {
		in.decRef(x)
		return fail(in.raise(valueErrorType, "too many values to unpack (expected %d)", n))
	}
	return out, nil
}

// unpackEx is UNPACK_EX: before items, a list of the rest, after items.
func (in *Interp) unpackEx(v Value, before, after int) ([]Value, error) {
	items, err := in.iterateAll(v)
	if err != nil {
		if v.Type().iter == nil && v.Type().getitem == nil {
			in.decRef(valueOf(err.(*Exception)))
			return nil, in.raise(typeErrorType, "cannot unpack non-iterable %s object", v.Type().Name)
		}
		return nil, err
	}
	if len(items) < before+after {
		for _, y := range items {
			in.decRef(y)
		}
		return nil, in.raise(valueErrorType, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
	}
	rest, err := in.NewList(items[before : len(items)-after]...)
	for _, y := range items[before : len(items)-after] {
		in.decRef(y)
	}
	if err != nil {
		for _, y := range items[:before] {
			in.decRef(y)
		}
		for _, y := range items[len(items)-after:] {
			in.decRef(y)
		}
		return nil, err
	}
	out := make([]Value, 0, before+1+after)
	out = append(out, items[:before]...)
	out = append(out, rest)
	return append(out, items[len(items)-after:]...), nil
}

// buildMap is BUILD_MAP (oparg key/value pairs on the stack) and
// BUILD_CONST_KEY_MAP (oparg values, then a tuple of keys).
func (in *Interp) buildMap(f *frame, constKeys bool, n int) (Value, error) {
	var keys Value
	if constKeys {
		keys = f.pop()
		defer in.decRef(keys)
	}
	dv, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	d := asObject[Dict](dv)
	width := 2
	if constKeys {
		width = 1
	}
	items := f.slots[f.sp-n*width : f.sp]
	for i := 0; i < n && err == nil; i++ {
		if constKeys {
			err = in.DictSet(d, asObject[Tuple](keys).items[i], items[i])
		} else {
			err = in.DictSet(d, items[2*i], items[2*i+1])
		}
	}
	for i := range items {
		in.decRef(items[i])
		items[i] = Value{}
	}
	f.sp -= n * width
	if err != nil {
		in.decRef(dv)
		return Value{}, err
	}
	return dv, nil
}
