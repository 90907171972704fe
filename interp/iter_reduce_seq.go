package interp

// __reduce__, __setstate__ and __length_hint__ of the built-in iterators
// over containers: the dict and set iterators (which reduce to the list
// of what is left, drawn from a copy of the iterator as CPython does),
// the str, bytes and bytearray iterators, list_reverseiterator, reversed
// and the sequence-protocol iterator.

// dictIterRemaining is the list of what a dict iterator has left, drawn
// from a copy of it so that it does not move (its errors are the
// copy's: a dict that changed size fails here too).
func (in *Interp) dictIterRemaining(v Value) (Value, error) {
	t := v.Type()
	step := dictIterStep
	switch t {
	case dictRevKeyIterType, dictRevValueIterType, dictRevItemIterType:
		step = dictRevIterStep
	}
	cp := *asObject[dictIter](v)
	in.xincRef(cp.dict)
	defer func() { in.xdecRef(cp.dict) }()
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	for {
		e, ok, err := step(in, &cp)
		if err != nil {
			in.decRef(l)
			return Value{}, err
		}
		if !ok {
			return l, nil
		}
		var x Value
		switch t {
		case dictKeyIterType, dictRevKeyIterType:
			x = e.key
			incRef(x)
		case dictValueIterType, dictRevValueIterType:
			x = e.value
			incRef(x)
		default:
			if x, err = in.NewTuple(e.key, e.value); err != nil {
				in.decRef(l)
				return Value{}, err
			}
		}
		err = in.Append(asObject[List](l), x)
		in.decRef(x)
		if err != nil {
			in.decRef(l)
			return Value{}, err
		}
	}
}

// setIterRemaining is dictIterRemaining for a set iterator.
func (in *Interp) setIterRemaining(it *setIterator) (Value, error) {
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	if it.set.IsNil() {
		return l, nil
	}
	s := asObject[Set](it.set)
	if it.used != s.used {
		in.decRef(l)
		return Value{}, in.raise(runtimeErrorType, "Set changed size during iteration")
	}
	pos := it.pos
	for {
		e, ok := s.next(&pos)
		if !ok {
			return l, nil
		}
		if err := in.Append(asObject[List](l), e.key); err != nil {
			in.decRef(l)
			return Value{}, err
		}
	}
}

// xincRef takes a reference to v unless it is empty.
func (in *Interp) xincRef(v Value) {
	if !v.IsNil() {
		incRef(v)
	}
}

// reduceToList is __reduce__ as (iter, (remaining,)); unlike the other
// iterators', builtins.iter is looked up after the list is drawn, as in
// CPython.
func (in *Interp) reduceToList(l Value, err error) (Value, error) {
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(l)
	iter, err := in.builtinNamed("iter")
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(iter)
	return in.reduceTuple(iter, []Value{l}, Value{})
}

// strIterSet moves a str iterator to code point n (clamped to the str).
func strIterSet(it *strIterator, n int) {
	if it.s.IsNil() {
		return
	}
	o := strObj(it.s)
	n = min(max(n, 0), o.length)
	it.index, it.off = n, o.offset(n)
}

// seqSetState is the common __setstate__ of the index iterators: the
// argument checks and PyLong_AsSsize_t, then set.
func seqSetState(name string, set func(in *Interp, self Value, n int) error) MethodFunc {
	return func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg(name+".__setstate__", args, kwnames); err != nil {
			return Value{}, err
		}
		n, err := in.longAsSsize(args[1])
		if err != nil {
			return Value{}, err
		}
		return None, set(in, args[0], n)
	}
}

// reduceMethod is a __reduce__ taking no arguments.
func reduceMethod(name string, reduce func(in *Interp, self Value) (Value, error)) MethodFunc {
	return func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs(name+".__reduce__", args, kwnames); err != nil {
			return Value{}, err
		}
		return reduce(in, args[0])
	}
}

// lengthHintMethod is a __length_hint__ taking no arguments.
func lengthHintMethod(name string, hint func(in *Interp, self Value) (Value, error)) MethodFunc {
	return func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methNoArgs(name+".__length_hint__", args, kwnames); err != nil {
			return Value{}, err
		}
		return hint(in, args[0])
	}
}

func init() {
	for _, t := range []*Type{dictKeyIterType, dictValueIterType, dictItemIterType, dictRevKeyIterType, dictRevValueIterType, dictRevItemIterType} {
		t.construct = cannotCreate
		defMethod(t, "__reduce__", reduceMethod(t.Name, func(in *Interp, self Value) (Value, error) {
			return in.reduceToList(in.dictIterRemaining(self))
		}))
		defMethod(t, "__length_hint__", lengthHintMethod(t.Name, func(in *Interp, self Value) (Value, error) {
			it := asObject[dictIter](self)
			if it.dict.IsNil() || it.used != asObject[Dict](it.dict).used {
				return Int(0), nil
			}
			return Int(int64(it.left)), nil
		}))
	}

	setIteratorType.construct = cannotCreate
	defMethod(setIteratorType, "__reduce__", reduceMethod("set_iterator", func(in *Interp, self Value) (Value, error) {
		return in.reduceToList(in.setIterRemaining(asObject[setIterator](self)))
	}))

	for _, t := range []*Type{strIteratorType, strASCIIIteratorType} {
		t.construct = cannotCreate
		defMethod(t, "__reduce__", iterReduceMethod(t.Name, func(in *Interp, self, iter Value) (Value, error) {
			it := asObject[strIterator](self)
			if it.s.IsNil() {
				return in.reduceIterOver(iter, in.emptyStr)
			}
			return in.reduceTuple(iter, []Value{it.s}, Int(int64(it.index)))
		}))
		defMethod(t, "__setstate__", seqSetState(t.Name, func(in *Interp, self Value, n int) error {
			strIterSet(asObject[strIterator](self), n)
			return nil
		}))
	}

	for _, t := range []*Type{bytesIteratorType, bytearrayIteratorType} {
		t.construct = cannotCreate
		defMethod(t, "__reduce__", iterReduceMethod(t.Name, func(in *Interp, self, iter Value) (Value, error) {
			it := asObject[seqIterator](self)
			if it.seq.IsNil() {
				return in.reduceIterOver(iter, func() (Value, error) { return in.NewTuple() })
			}
			return in.reduceTuple(iter, []Value{it.seq}, Int(int64(it.index)))
		}))
		defMethod(t, "__setstate__", seqSetState(t.Name, func(in *Interp, self Value, n int) error {
			it := asObject[seqIterator](self)
			if !it.seq.IsNil() {
				b, _ := bytesData(it.seq)
				it.index = min(max(n, 0), len(b))
			}
			return nil
		}))
	}
	listIteratorType.construct = cannotCreate
	tupleIteratorType.construct = cannotCreate
	callIterType.construct = cannotCreate

	listRevIterType.construct = cannotCreate
	// builtins.reversed is looked up first, as iterReduceMethod's iter.
	defMethod(listRevIterType, "__reduce__", reduceMethod("list_reverseiterator", func(in *Interp, self Value) (Value, error) {
		rev, err := in.builtinNamed("reversed")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(rev)
		if it := asObject[listRevIter](self); !it.list.IsNil() {
			return in.reduceTuple(rev, []Value{it.list}, Int(int64(it.index)))
		}
		iter, err := in.builtinNamed("iter")
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(iter)
		return in.reduceIterOver(iter, func() (Value, error) { return in.NewList() })
	}))
	defMethod(listRevIterType, "__setstate__", seqSetState("list_reverseiterator", func(in *Interp, self Value, n int) error {
		it := asObject[listRevIter](self)
		if !it.list.IsNil() {
			it.index = min(max(n, -1), len(asObject[List](it.list).items)-1)
		}
		return nil
	}))
	defMethod(listRevIterType, "__length_hint__", lengthHintMethod("list_reverseiterator", func(in *Interp, self Value) (Value, error) {
		it := asObject[listRevIter](self)
		n := it.index + 1
		if it.list.IsNil() || len(asObject[List](it.list).items) < n {
			n = 0
		}
		return Int(int64(n)), nil
	}))

	defMethod(reversedType, "__reduce__", reduceMethod("reversed", func(in *Interp, self Value) (Value, error) {
		it := asObject[reversedIter](self)
		t := valueOf(self.Type())
		if it.seq.IsNil() {
			e, err := in.NewTuple()
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(e)
			return in.reduceTuple(t, []Value{e}, Value{})
		}
		return in.reduceTuple(t, []Value{it.seq}, Int(int64(it.index)))
	}))
	defMethod(reversedType, "__setstate__", seqSetState("reversed", func(in *Interp, self Value, n int) error {
		it := asObject[reversedIter](self)
		if it.seq.IsNil() {
			return nil
		}
		size, err := in.Len(it.seq)
		if err != nil {
			return err
		}
		it.index = min(max(n, -1), size-1)
		return nil
	}))
	defMethod(reversedType, "__length_hint__", lengthHintMethod("reversed", func(in *Interp, self Value) (Value, error) {
		it := asObject[reversedIter](self)
		if it.seq.IsNil() {
			return Int(0), nil
		}
		size, err := in.Len(it.seq)
		if err != nil {
			return Value{}, err
		}
		if size < it.index+1 {
			return Int(0), nil
		}
		return Int(int64(it.index + 1)), nil
	}))

	seqIterType.construct = cannotCreate
	defMethod(seqIterType, "__reduce__", iterReduceMethod("iterator", func(in *Interp, self, iter Value) (Value, error) {
		it := asObject[seqIterator](self)
		if it.seq.IsNil() {
			return in.reduceIterOver(iter, func() (Value, error) { return in.NewTuple() })
		}
		return in.reduceTuple(iter, []Value{it.seq}, Int(int64(it.index)))
	}))
	defMethod(seqIterType, "__setstate__", seqSetState("iterator", func(in *Interp, self Value, n int) error {
		it := asObject[seqIterator](self)
		if !it.seq.IsNil() {
			it.index = max(n, 0)
		}
		return nil
	}))
	defMethod(seqIterType, "__length_hint__", lengthHintMethod("iterator", func(in *Interp, self Value) (Value, error) {
		it := asObject[seqIterator](self)
		if it.seq.IsNil() {
			return Int(0), nil
		}
		if it.seq.Type().length == nil {
			return NotImplemented, nil
		}
		size, err := in.Len(it.seq)
		if err != nil {
			return Value{}, err
		}
		return Int(int64(max(size-it.index, 0))), nil
	}))
}
