package interp

// Helpers the file types' methods share: argument conversions, method
// and attribute definitions with CPython's argument checks, and what
// IOBase gives every file type (readlines, writelines, the context
// manager protocol).

// fileOffset converts a seek offset or truncate size.
func (in *Interp) fileOffset(v Value) (int64, error) {
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.decRef(i)
	n, ok := IntValue(i)
	if !ok {
		return 0, in.raise(overflowErrorType, "Python int too large to convert to C long")
	}
	return n, nil
}

// sizeArg converts the size argument of read() and readlines(): an int
// or None (meaning -1).
func (in *Interp) sizeArg(args []Value, i int) (int, error) {
	if len(args) <= i || args[i].IsNone() {
		return -1, nil
	}
	v := args[i]
	if !isInt(v) {
		if _, found, _ := in.lookupAttrString(v.Type(), "__index__"); !found {
			return 0, in.raise(typeErrorType, "argument should be integer or None, not '%s'", v.Type().Name)
		}
	}
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	n, ok := IntValue(iv)
	in.decRef(iv)
	if !ok {
		return 0, in.raise(overflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if n < -1 {
		n = -1
	}
	if n > 1<<40 {
		n = 1 << 40
	}
	return int(n), nil
}

// lookupAttrString reports whether type t has attribute name.
func (in *Interp) lookupAttrString(t *Type, name string) (Value, bool, error) {
	v, err := in.lookupString(t, name)
	return v, !v.IsNil(), err
}

// fileMethod adds a method to each of types, with its argument count
// checked (minimum and maximum beyond self) and no keywords.
func fileMethod(types []*Type, name string, min, max int, fn func(in *Interp, self Value, args []Value) (Value, error)) {
	for _, t := range types {
		defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.noKeywords(name, kwnames); err != nil {
				return Value{}, err
			}
			n := len(args) - 1
			switch {
			case n < min && min == max:
				return Value{}, in.raise(typeErrorType, "%s() takes exactly %d argument%s (%d given)", name, min, pluralS(min), n)
			case n < min:
				return Value{}, in.raise(typeErrorType, "%s() takes at least %d argument%s (%d given)", name, min, pluralS(min), n)
			case n > max && max == 0:
				return Value{}, in.raise(typeErrorType, "%s.%s() takes no arguments (%d given)", args[0].Type().Name, name, n)
			case n > max:
				return Value{}, in.raise(typeErrorType, "%s() takes at most %d argument%s (%d given)", name, max, pluralS(max), n)
			}
			return fn(in, args[0], args[1:])
		})
	}
}

// fileGetter adds a read-only attribute to each of types.
func fileGetter(types []*Type, name string, get func(in *Interp, v Value) (Value, error)) {
	for _, t := range types {
		defGetSet(t, name, get, nil)
	}
}

// fileRawQueries adds fileno, isatty, readable, writable and seekable,
// answered by the raw file under each of types.
func fileRawQueries(types []*Type, raw func(Value) *rawFile, closedMsg string) {
	check := func(in *Interp, r *rawFile) error {
		if r.closed {
			return in.closedFile(closedMsg)
		}
		return nil
	}
	fileMethod(types, "fileno", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		r := raw(self)
		if err := check(in, r); err != nil {
			return Value{}, err
		}
		return Int(int64(r.fd)), nil
	})
	fileMethod(types, "isatty", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		r := raw(self)
		if err := check(in, r); err != nil {
			return Value{}, err
		}
		return Bool(r.f != nil && isTerminal(r.f)), nil
	})
	for _, q := range []struct {
		name string
		get  func(in *Interp, r *rawFile) bool
	}{
		{"readable", func(in *Interp, r *rawFile) bool { return r.readable }},
		{"writable", func(in *Interp, r *rawFile) bool { return r.writable }},
		{"seekable", func(in *Interp, r *rawFile) bool { return in.rawSeekable(r) }},
	} {
		fileMethod(types, q.name, 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
			r := raw(self)
			if err := check(in, r); err != nil {
				return Value{}, err
			}
			return Bool(q.get(in, r)), nil
		})
	}
}

// fileCommon adds what IOBase gives every file type: readlines,
// writelines, __enter__, __exit__, with the layer's own closed test,
// line reading, writing and closing. For a class derived from the type
// they call its methods, which it may override, as CPython's do.
func fileCommon(types []*Type, closed func(in *Interp, v Value) (bool, error),
	readLine func(in *Interp, v Value) (Value, bool, error),
	write func(in *Interp, self, item Value) error,
	closeFn func(in *Interp, v Value) error) {
	checkClosed := func(in *Interp, v Value) error {
		var c bool
		var err error
		if v.Type().Flags&TypeHeapType != 0 {
			c, err = in.ioIsClosed(v)
		} else {
			c, err = closed(in, v)
		}
		if err == nil && c {
			err = in.closedFile("")
		}
		return err
	}
	fileMethod(types, "readlines", 0, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		hint, err := in.sizeArg(args, 0)
		if err != nil {
			return Value{}, err
		}
		next := readLine
		if self.Type().Flags&TypeHeapType != 0 {
			// IOBase.readlines iterates over the file.
			it, err := in.getIter(self)
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(it)
			next = func(in *Interp, v Value) (Value, bool, error) { return in.iterNext(it) }
		} else if err := checkClosed(in, self); err != nil {
			return Value{}, err
		}
		l, err := in.NewList()
		if err != nil {
			return Value{}, err
		}
		total := 0
		for {
			line, ok, err := next(in, self)
			if err != nil {
				in.decRef(l)
				return Value{}, err
			}
			if !ok {
				return l, nil
			}
			n, err := in.Len(line)
			if err == nil {
				err = in.Append(asObject[List](l), line)
			}
			in.decRef(line)
			if err != nil {
				in.decRef(l)
				return Value{}, err
			}
			total += n
			if hint > 0 && total > hint {
				return l, nil
			}
		}
	})
	fileMethod(types, "writelines", 1, 1, func(in *Interp, self Value, args []Value) (Value, error) {
		if err := checkClosed(in, self); err != nil {
			return Value{}, err
		}
		it, err := in.getIter(args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(it)
		heap := self.Type().Flags&TypeHeapType != 0
		for {
			item, ok, err := in.iterNext(it)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				return None, nil
			}
			if heap {
				var r Value
				if r, err = in.ioCallMethod(self, "write", item); err == nil {
					in.decRef(r)
				}
			} else {
				err = write(in, self, item)
			}
			in.decRef(item)
			if err != nil {
				return Value{}, err
			}
		}
	})
	fileMethod(types, "__enter__", 0, 0, func(in *Interp, self Value, args []Value) (Value, error) {
		if err := checkClosed(in, self); err != nil {
			return Value{}, err
		}
		incRef(self)
		return self, nil
	})
	for _, t := range types {
		defMethod(t, "__exit__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if args[0].Type().Flags&TypeHeapType != 0 {
				return in.ioCallMethod(args[0], "close")
			}
			return None, closeFn(in, args[0])
		})
	}
}
