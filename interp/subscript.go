package interp

// Subscription, containment, unpacking and the container-building
// instructions for the built-in containers implemented so far.

// index converts a sequence index: ints (and bools) only.
func (in *Interp) index(container, key Value) (int64, bool, error) {
	switch {
	case key.p == intTag || key.p == boolTag:
		return int64(key.n), true, nil
	case isInt(key):
		return 0, false, nil // a big int: out of range for any sequence
	}
	return 0, false, in.raise(typeErrorType, "%s indices must be integers or slices, not %s", container.Type().Name, key.Type().Name)
}

// GetItem is container[key], a new reference.
func (in *Interp) GetItem(container, key Value) (Value, error) {
	switch t := container.Type(); t {
	case listType, tupleType:
		var items []Value
		if t == listType {
			items = asObject[List](container).items
		} else {
			items = asObject[Tuple](container).items
		}
		i, fits, err := in.index(container, key)
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			i += int64(len(items))
		}
		if !fits || i < 0 || i >= int64(len(items)) {
			return Value{}, in.raise(indexErrorType, "%s index out of range", t.Name)
		}
		v := items[i]
		incRef(v)
		return v, nil
	case dictType:
		v, ok, err := in.DictGet(asObject[Dict](container), key)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.keyError(key)
		}
		incRef(v)
		return v, nil
	}
	return Value{}, in.raise(notImplementedErrorType, "subscripting %s objects is not implemented yet", container.Type().Name)
}

// SetItem is container[key] = v.
func (in *Interp) SetItem(container, key, v Value) error {
	switch container.Type() {
	case listType:
		items := asObject[List](container).items
		i, fits, err := in.index(container, key)
		if err != nil {
			return err
		}
		if i < 0 {
			i += int64(len(items))
		}
		if !fits || i < 0 || i >= int64(len(items)) {
			return in.raise(indexErrorType, "list assignment index out of range")
		}
		incRef(v)
		old := items[i]
		items[i] = v
		in.decRef(old)
		return nil
	case dictType:
		return in.DictSet(asObject[Dict](container), key, v)
	case tupleType:
		return in.raise(typeErrorType, "'tuple' object does not support item assignment")
	}
	return in.raise(notImplementedErrorType, "item assignment on %s objects is not implemented yet", container.Type().Name)
}

// keyError raises KeyError(key).
func (in *Interp) keyError(key Value) error {
	e, err := in.newException(keyErrorType, key)
	if err != nil {
		return err
	}
	return e
}

// Contains is `key in container`.
func (in *Interp) Contains(container, key Value) (bool, error) {
	switch container.Type() {
	case dictType:
		_, ok, err := in.DictGet(asObject[Dict](container), key)
		return ok, err
	case listType, tupleType:
		var items []Value
		if container.Type() == listType {
			items = asObject[List](container).items
		} else {
			items = asObject[Tuple](container).items
		}
		for i := 0; i < len(items); i++ {
			item := items[i]
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
	case strType:
		if key.Type() != strType {
			return false, in.raise(typeErrorType, "'in <string>' requires string as left operand, not %s", key.Type().Name)
		}
		return containsString(container.GoString(), key.GoString()), nil
	}
	return false, in.raise(notImplementedErrorType, "'in' on %s objects is not implemented yet", container.Type().Name)
}

func containsString(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// unpack is UNPACK_SEQUENCE: the n items of a tuple or list, in order,
// as new references.
func (in *Interp) unpack(v Value, n int) ([]Value, error) {
	var items []Value
	switch v.Type() {
	case tupleType:
		items = asObject[Tuple](v).items
	case listType:
		items = asObject[List](v).items
	default:
		return nil, in.raise(notImplementedErrorType, "unpacking %s objects is not implemented yet", v.Type().Name)
	}
	switch {
	case len(items) > n:
		return nil, in.raise(valueErrorType, "too many values to unpack (expected %d)", n)
	case len(items) < n:
		return nil, in.raise(valueErrorType, "not enough values to unpack (expected %d, got %d)", n, len(items))
	}
	for _, x := range items {
		incRef(x)
	}
	return items, nil
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
