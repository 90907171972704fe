package interp

// The methods only bytearray has (append, extend, insert, pop, remove,
// clear, copy, reverse, __alloc__), and the special methods of bytes and bytearray
// that expose their slots (__len__, __getitem__, __add__, ...).

// bytesPosArgs checks a method whose parameters are all positional-only:
// no keywords (as the qualified name says), between min and max
// arguments (as the short name says).
func (in *Interp) bytesPosArgs(qual, name string, args []Value, kwnames []Value, min, max int) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	return in.checkArgCount(name, args[1:], nil, min, max)
}

func init() {
	ba := func(name string, fn func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error)) {
		defMethod(bytearrayType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return fn(in, asObject[ByteArray](args[0]), args, kwnames)
		})
	}
	ba("append", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.methodOneArg("bytearray.append", args, kwnames); err != nil {
			return Value{}, err
		}
		c, err := in.byteValue(args[1], "byte must be in range(0, 256)")
		if err != nil {
			return Value{}, err
		}
		return None, in.baSplice(o, len(o.b), len(o.b), []byte{c})
	})
	ba("extend", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.methodOneArg("bytearray.extend", args, kwnames); err != nil {
			return Value{}, err
		}
		var b []byte
		if data, ok := bytesData(args[1]); ok {
			b = append([]byte(nil), data...)
		} else if unusableView(args[1]) {
			return Value{}, in.raise(typeErrorType, "can't set bytearray slice from memoryview")
		} else {
			it, err := in.getIter(args[1])
			if err != nil {
				if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
					in.decRef(valueOf(e))
					return Value{}, in.raise(typeErrorType, "can't extend bytearray with %s", args[1].Type().Name)
				}
				return Value{}, err
			}
			defer in.decRef(it)
			for {
				item, ok, err := in.iterNext(it)
				if err != nil {
					return Value{}, err
				}
				if !ok {
					break
				}
				c, err := in.byteValue(item, "byte must be in range(0, 256)")
				in.decRef(item)
				if err != nil {
					return Value{}, err
				}
				if len(b) >= maxBytesLen {
					return Value{}, in.memoryError()
				}
				b = append(b, c)
			}
		}
		return None, in.baSplice(o, len(o.b), len(o.b), b)
	})
	ba("insert", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesPosArgs("bytearray.insert", "insert", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		i, err := in.bytesSsize(args[1])
		if err != nil {
			return Value{}, err
		}
		c, err := in.byteValue(args[2], "byte must be in range(0, 256)")
		if err != nil {
			return Value{}, err
		}
		n := len(o.b)
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		return None, in.baSplice(o, i, i, []byte{c})
	})
	ba("pop", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesPosArgs("bytearray.pop", "pop", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		i := -1
		if len(args) > 1 {
			var err error
			if i, err = in.bytesSsize(args[1]); err != nil {
				return Value{}, err
			}
		}
		n := len(o.b)
		if n == 0 {
			return Value{}, in.raise(indexErrorType, "pop from empty bytearray")
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return Value{}, in.raise(indexErrorType, "pop index out of range")
		}
		c := o.b[i]
		if err := in.baSplice(o, i, i+1, nil); err != nil {
			return Value{}, err
		}
		return Int(int64(c)), nil
	})
	ba("remove", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.methodOneArg("bytearray.remove", args, kwnames); err != nil {
			return Value{}, err
		}
		c, err := in.byteValue(args[1], "byte must be in range(0, 256)")
		if err != nil {
			return Value{}, err
		}
		for i, x := range o.b {
			if x == c {
				return None, in.baSplice(o, i, i+1, nil)
			}
		}
		return Value{}, in.raise(valueErrorType, "value not found in bytearray")
	})
	ba("clear", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytearray.clear", args, kwnames); err != nil {
			return Value{}, err
		}
		if err := in.baCanResize(o, 0); err != nil {
			return Value{}, err
		}
		_ = in.heap.Resize(&o.Header, uintptr(cap(o.b)), 0) // shrinking cannot fail
		o.b = nil
		return None, nil
	})
	ba("copy", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytearray.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.newBytesKind(true, o.b)
	})
	ba("reverse", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytearray.reverse", args, kwnames); err != nil {
			return Value{}, err
		}
		for i, j := 0, len(o.b)-1; i < j; i, j = i+1, j-1 {
			o.b[i], o.b[j] = o.b[j], o.b[i]
		}
		return None, nil
	})
	// __alloc__ counts the trailing NUL CPython keeps after the bytes.
	ba("__alloc__", func(in *Interp, o *ByteArray, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytearray.__alloc__", args, kwnames); err != nil {
			return Value{}, err
		}
		if cap(o.b) == 0 {
			return Int(0), nil
		}
		return Int(int64(cap(o.b) + 1)), nil
	})
	defBytesDunders()
}

// bytesWrapperArgs checks the call of a slot wrapper: exactly n
// arguments after self, no keywords.
func (in *Interp) bytesWrapperArgs(name string, args []Value, kwnames []Value, n int) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "wrapper %s() takes no keyword arguments", name)
	}
	if len(args)-1 != n {
		return in.raise(typeErrorType, "expected %d argument%s, got %d", n, pluralS(n), len(args)-1)
	}
	return nil
}

// defSetBytesWrapper adds a special method to t that calls fn with self and
// n (0 or 1) arguments.
func defSetBytesWrapper(t *Type, name string, n int, fn func(in *Interp, self, arg Value) (Value, error)) {
	defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesWrapperArgs(name, args, kwnames, n); err != nil {
			return Value{}, err
		}
		var arg Value
		if n == 1 {
			arg = args[1]
		}
		return fn(in, args[0], arg)
	})
}

// defBytesDunders defines the special methods of bytes and bytearray.
func defBytesDunders() {
	for _, t := range []*Type{bytesType, bytearrayType} {
		t := t
		defSetBytesWrapper(t, "__len__", 0, func(in *Interp, v, _ Value) (Value, error) {
			b, _ := bytesData(v)
			return Int(int64(len(b))), nil
		})
		defSetBytesWrapper(t, "__repr__", 0, func(in *Interp, v, _ Value) (Value, error) { return t.repr(in, v) })
		defSetBytesWrapper(t, "__iter__", 0, func(in *Interp, v, _ Value) (Value, error) { return t.iter(in, v) })
		defSetBytesWrapper(t, "__getitem__", 1, bytesGetItem)
		defSetBytesWrapper(t, "__contains__", 1, func(in *Interp, v, key Value) (Value, error) {
			ok, err := t.contains(in, v, key)
			return Bool(ok), err
		})
		defSetBytesWrapper(t, "__add__", 1, bytesAdd)
		defSetBytesWrapper(t, "__mod__", 1, bytesMod)
		defSetBytesWrapper(t, "__rmod__", 1, func(in *Interp, v, other Value) (Value, error) {
			if !isBytesValue(other) && !isByteArray(other) {
				return NotImplemented, nil
			}
			return bytesMod(in, other, v)
		})
		repeat := func(in *Interp, v, n Value) (Value, error) {
			count, ok, err := in.bytesRepeatCount(n)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", n.Type().Name)
			}
			return in.bytesRepeat(v, count)
		}
		defSetBytesWrapper(t, "__mul__", 1, repeat)
		defSetBytesWrapper(t, "__rmul__", 1, repeat)
		for op, name := range compareDunders {
			op := CompareOp(op)
			defSetBytesWrapper(t, name, 1, func(in *Interp, a, b Value) (Value, error) { return t.compare(in, a, b, op) })
		}
	}
	defSetBytesWrapper(bytesType, "__hash__", 0, func(in *Interp, v, _ Value) (Value, error) {
		h, err := bytesType.hash(in, v)
		return Int(h), err
	})
	defMethod(bytesType, "__getnewargs__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytes.__getnewargs__", args, kwnames); err != nil {
			return Value{}, err
		}
		b, err := in.bytesSame(args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(b)
		return in.NewTuple(b)
	})
	defMethod(bytesType, "__bytes__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.bytesNoArgs("bytes.__bytes__", args, kwnames); err != nil {
			return Value{}, err
		}
		return in.bytesSame(args[0])
	})
	bytearrayType.attrs["__hash__"] = None
	defMethod(bytearrayType, "__setitem__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		// This wrapper unpacks its arguments with PyArg_UnpackTuple and an
		// empty name, hence the message's leading space.
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "wrapper __setitem__() takes no keyword arguments")
		}
		if len(args) != 3 {
			return Value{}, in.raise(typeErrorType, " expected 2 arguments, got %d", len(args)-1)
		}
		return None, bytearraySetItem(in, args[0], args[1], args[2])
	})
	defSetBytesWrapper(bytearrayType, "__delitem__", 1, func(in *Interp, v, key Value) (Value, error) {
		return None, bytearraySetItem(in, v, key, Value{})
	})
	defSetBytesWrapper(bytearrayType, "__iadd__", 1, bytearrayIAdd)
	defSetBytesWrapper(bytearrayType, "__imul__", 1, bytearrayIMul)
}
