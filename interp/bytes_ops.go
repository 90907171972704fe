package interp

import "bytes"

// The operators and container protocols of bytes and bytearray: len,
// indexing and slicing (and a bytearray's item and slice assignment),
// iteration, `in`, + and * (and a bytearray's += and *=).

func init() {
	for _, t := range []*Type{bytesType, bytearrayType} {
		t.length = func(in *Interp, v Value) (int, error) {
			b, _ := bytesData(v)
			return len(b), nil
		}
		t.boolean = func(in *Interp, v Value) (bool, error) {
			b, _ := bytesData(v)
			return len(b) > 0, nil
		}
		t.getitem = bytesGetItem
		t.contains = func(in *Interp, v, key Value) (bool, error) {
			b, _ := bytesData(v)
			return in.bytesContains(b, key)
		}
		t.number = &numberSlots{}
		t.number.binary[OpAdd] = bytesAdd
		t.number.binary[OpMul] = bytesMul
		t.number.binary[OpRemainder] = bytesMod
	}
	bytearrayType.setitem = bytearraySetItem
	bytearrayType.number.inplace[OpAdd] = bytearrayIAdd
	bytearrayType.number.inplace[OpMul] = bytearrayIMul

	bytesType.iter = func(in *Interp, v Value) (Value, error) { return in.newListOrTupleIter(v, bytesIteratorType) }
	bytearrayType.iter = func(in *Interp, v Value) (Value, error) { return in.newListOrTupleIter(v, bytearrayIteratorType) }
	for _, t := range []*Type{bytesIteratorType, bytearrayIteratorType} {
		t.iter = selfIter
		t.dealloc = func(in *Interp, v Value) {
			it := asObject[seqIterator](v)
			in.xdecRef(it.seq)
			it.seq = Value{}
			in.heap.Free(v.Header(), seqIteratorSize)
		}
		t.next = func(in *Interp, it Value) (Value, bool, error) {
			s := asObject[seqIterator](it)
			if s.seq.IsNil() {
				return Value{}, false, nil
			}
			b, _ := bytesData(s.seq) // re-read: a bytearray may change
			if s.index >= len(b) {
				in.decRef(s.seq)
				s.seq = Value{}
				return Value{}, false, nil
			}
			c := b[s.index]
			s.index++
			return Int(int64(c)), true, nil
		}
		defMethod(t, "__length_hint__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			s := asObject[seqIterator](args[0])
			if s.seq.IsNil() {
				return Int(0), nil
			}
			b, _ := bytesData(s.seq)
			return Int(int64(max(len(b)-s.index, 0))), nil
		})
	}
}

// bytesItemIndex resolves a subscript that is not a slice: the index
// into n bytes, with the messages of bytes or bytearray.
func (in *Interp) bytesItemIndex(v, key Value, n int) (int, error) {
	ba := isByteArray(v)
	if !isInt(key) && (key.Type().Flags&TypeHeapType == 0 || !in.hasSpecial(key, "__index__")) {
		what := "byte"
		if ba {
			what = "bytearray"
		}
		return 0, in.raise(typeErrorType, "%s indices must be integers or slices, not %s", what, key.Type().Name)
	}
	i, fits, err := in.bytesIndex(key)
	if err != nil {
		return 0, err
	}
	if !fits {
		return 0, in.raise(indexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		if ba {
			return 0, in.raise(indexErrorType, "bytearray index out of range")
		}
		return 0, in.raise(indexErrorType, "index out of range")
	}
	return int(i), nil
}

func bytesGetItem(in *Interp, v, key Value) (Value, error) {
	b, _ := bytesData(v)
	if key.Type() == sliceType {
		start, stop, step, err := in.sliceIndices(asObject[Slice](key), len(b))
		if err != nil {
			return Value{}, err
		}
		if nb, _ := bytesData(v); len(nb) != len(b) {
			return Value{}, in.bytearrayResized()
		}
		n := sliceLen(start, stop, step)
		if n == len(b) && step == 1 && v.Type() == bytesType {
			incRef(v)
			return v, nil
		}
		r, buf, err := in.allocBytes(isByteArray(v), n)
		if err != nil {
			return Value{}, err
		}
		for i := range buf {
			buf[i] = b[start+i*step]
		}
		return r, nil
	}
	i, err := in.bytesItemIndex(v, key, len(b))
	if err != nil {
		return Value{}, err
	}
	b, _ = bytesData(v)
	if i >= len(b) {
		return Value{}, in.raise(indexErrorType, "bytearray index out of range")
	}
	return Int(int64(b[i])), nil
}

// bytesContains is `key in b`: an int is looked for as a byte, anything
// else as a bytes-like substring.
func (in *Interp) bytesContains(b []byte, key Value) (bool, error) {
	if isInt(key) || key.Type().Flags&TypeHeapType != 0 && in.hasSpecial(key, "__index__") {
		i, fits, err := in.bytesIndex(key)
		if err != nil {
			return false, err
		}
		if !fits || i < 0 || i > 255 {
			return false, in.raise(valueErrorType, "byte must be in range(0, 256)")
		}
		return bytes.IndexByte(b, byte(i)) >= 0, nil
	}
	sub, ok := bytesData(key)
	if !ok {
		return false, in.bytesLikeRequired(key)
	}
	return bytes.Contains(b, sub), nil
}

// bytesLikeRequired is the TypeError of a non-buffer argument.
func (in *Interp) bytesLikeRequired(v Value) error {
	if err := in.viewBufferError(v); err != nil {
		return err // a buffer, but not usable as a simple one
	}
	return in.raise(typeErrorType, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// bytesAdd is a + b for a bytes or bytearray a (sq_concat): the result
// has a's type.
func bytesAdd(in *Interp, a, b Value) (Value, error) {
	if !isBytesValue(a) && !isByteArray(a) {
		return NotImplemented, nil // a memoryview has no +
	}
	x, _ := bytesData(a)
	y, ok := bytesData(b)
	if !ok {
		if b.Type().Flags&TypeHeapType != 0 {
			return NotImplemented, nil // its __radd__ may handle it
		}
		return Value{}, in.raise(typeErrorType, "can't concat %s to %s", b.Type().Name, a.Type().Name)
	}
	ba := isByteArray(a)
	if !ba && len(y) == 0 && a.Type() == bytesType {
		incRef(a)
		return a, nil
	}
	r, buf, err := in.allocBytes(ba, len(x)+len(y))
	if err != nil {
		return Value{}, err
	}
	copy(buf[copy(buf, x):], y)
	return r, nil
}

// bytesRepeatCount converts the count of seq * n: ok is false when n is
// not an integer (the caller answers NotImplemented or TypeError).
func (in *Interp) bytesRepeatCount(n Value) (count int, ok bool, err error) {
	if !isInt(n) && (n.Type().Flags&TypeHeapType == 0 || !in.hasSpecial(n, "__index__")) {
		return 0, false, nil
	}
	i, fits, err := in.bytesIndex(n)
	if err != nil {
		return 0, true, err
	}
	if !fits {
		return 0, true, in.raise(overflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return int(max(i, 0)), true, nil
}

// bytesMul is seq * n or n * seq for a bytes or bytearray seq.
func bytesMul(in *Interp, a, b Value) (Value, error) {
	seq, n := a, b
	if !isBytesValue(a) && !isByteArray(a) {
		seq, n = b, a
	}
	count, ok, err := in.bytesRepeatCount(n)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		if n.Type().Flags&TypeHeapType != 0 {
			return NotImplemented, nil
		}
		return Value{}, in.raise(typeErrorType, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	return in.bytesRepeat(seq, count)
}

// bytesRepeat is seq repeated count (>= 0) times, of seq's type.
func (in *Interp) bytesRepeat(seq Value, count int) (Value, error) {
	x, _ := bytesData(seq)
	ba := isByteArray(seq)
	if len(x) > 0 && count > (1<<63-1)/len(x) {
		if ba {
			return Value{}, in.memoryError()
		}
		return Value{}, in.raise(overflowErrorType, "repeated bytes are too long")
	}
	if !ba && count == 1 && seq.Type() == bytesType {
		incRef(seq)
		return seq, nil
	}
	r, buf, err := in.allocBytes(ba, len(x)*count)
	if err != nil {
		return Value{}, err
	}
	// Doubling what is written so far: a byte repeated 0xff00 times (as
	// re's compiler builds a charset's map at import) is 16 copies, not
	// 0xff00.
	if n := copy(buf, x); n > 0 {
		for n < len(buf) {
			n += copy(buf[n:], buf[:n])
		}
	}
	return r, nil
}

// bytesMod is a % b for a bytes or bytearray a: %-formatting, the
// result of a's type.
func bytesMod(in *Interp, a, b Value) (Value, error) {
	if !isBytesValue(a) && !isByteArray(a) {
		return NotImplemented, nil
	}
	f, _ := bytesData(a)
	out, err := in.bytesPercent(append([]byte(nil), f...), b)
	if err != nil {
		return Value{}, err
	}
	return in.bytesResult(a, out)
}

// baReserve makes room for n bytes in a bytearray's buffer, growing it
// by an eighth more than needed, as CPython's bytearray_resize does.
func (in *Interp) baReserve(o *ByteArray, n int) error {
	if n <= cap(o.b) {
		return nil
	}
	if n > maxBytesLen {
		return in.memoryError()
	}
	extra := 6
	if n < 9 {
		extra = 3
	}
	newCap := n + n>>3 + extra
	if err := in.heap.Resize(&o.Header, uintptr(cap(o.b)), uintptr(newCap)); err != nil {
		return in.memoryError()
	}
	b := make([]byte, len(o.b), newCap)
	copy(b, o.b)
	o.b = b
	return nil
}

// baSplice replaces o.b[start:stop] with repl (which must not share o's
// buffer).
func (in *Interp) baSplice(o *ByteArray, start, stop int, repl []byte) error {
	n := len(o.b) - (stop - start) + len(repl)
	if err := in.baCanResize(o, n); err != nil {
		return err
	}
	if err := in.baReserve(o, n); err != nil {
		return err
	}
	old := len(o.b)
	o.b = o.b[:max(n, old)]
	copy(o.b[start+len(repl):], o.b[stop:old])
	copy(o.b[start:], repl)
	o.b = o.b[:n]
	return nil
}

// bytearrayResized is the answer when converting a subscript or a value
// ran code that changed the bytearray's size under the operation.
func (in *Interp) bytearrayResized() error {
	return in.raise(notImplementedErrorType, "a bytearray resized by its own subscript or value conversion is not implemented yet")
}

// bytearraySetItem is ba[key] = value, or del ba[key] when value is nil.
func bytearraySetItem(in *Interp, v, key, value Value) error {
	o := asObject[ByteArray](v)
	n0 := len(o.b)
	var start, stop, step, slicelen int
	if key.Type() == sliceType {
		var err error
		if start, stop, step, err = in.sliceIndices(asObject[Slice](key), len(o.b)); err != nil {
			return err
		}
		slicelen = sliceLen(start, stop, step)
	} else {
		if !isInt(key) && (key.Type().Flags&TypeHeapType == 0 || !in.hasSpecial(key, "__index__")) {
			return in.raise(typeErrorType, "bytearray indices must be integers or slices, not %s", key.Type().Name)
		}
		i, fits, err := in.bytesIndex(key)
		if err != nil {
			return err
		}
		if !fits {
			return in.raise(indexErrorType, "cannot fit 'int' into an index-sized integer")
		}
		var c byte
		if !value.IsNil() {
			// Converted first: its __index__ may change the bytearray.
			if c, err = in.byteValue(value, "byte must be in range(0, 256)"); err != nil {
				return err
			}
		}
		if i < 0 {
			i += int64(len(o.b))
		}
		if i < 0 || i >= int64(len(o.b)) {
			return in.raise(indexErrorType, "bytearray index out of range")
		}
		if !value.IsNil() {
			o.b[i] = c
			return nil
		}
		start, stop, step, slicelen = int(i), int(i)+1, 1, 1
	}
	var repl []byte
	if !value.IsNil() {
		if value.Type() == bytearrayType && !value.Is(v) {
			repl = asObject[ByteArray](value).b
		} else {
			if isInt(value) || value.Type() == floatType || isStrValue(value) {
				return in.raise(typeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
			}
			b, err := in.bytesFromObject(value, "bytearray", "byte must be in range(0, 256)")
			if err != nil {
				return err
			}
			repl = b
		}
	}
	if len(o.b) != n0 {
		return in.bytearrayResized()
	}
	// b[5:2] = ... inserts at 5.
	if step < 0 && start < stop || step > 0 && start > stop {
		stop = start
	}
	if step == 1 {
		if slicelen == 0 && len(repl) == 0 {
			return nil
		}
		return in.baSplice(o, start, stop, append([]byte(nil), repl...))
	}
	if len(repl) == 0 {
		// Delete the selected bytes (also what assigning b'' does).
		// CPython refuses an exported bytearray even for an empty slice.
		if o.exports > 0 {
			return in.bufferExportsError()
		}
		if slicelen == 0 {
			return nil
		}
		if step < 0 {
			start, step = start+(slicelen-1)*step, -step
		}
		w := start
		for r := start; r < len(o.b); r++ {
			if r < start+slicelen*step && (r-start)%step == 0 {
				continue
			}
			o.b[w] = o.b[r]
			w++
		}
		o.b = o.b[:w]
		return nil
	}
	if len(repl) != slicelen {
		return in.raise(valueErrorType, "attempt to assign bytes of size %d to extended slice of size %d", len(repl), slicelen)
	}
	repl = append([]byte(nil), repl...)
	for i, c := range repl {
		o.b[start+i*step] = c
	}
	return nil
}

// bytearrayIAdd is ba += other: other's bytes appended in place.
func bytearrayIAdd(in *Interp, a, b Value) (Value, error) {
	y, ok := bytesData(b)
	if !ok {
		return Value{}, in.raise(typeErrorType, "can't concat %s to %s", b.Type().Name, a.Type().Name)
	}
	o := asObject[ByteArray](a)
	if err := in.baSplice(o, len(o.b), len(o.b), append([]byte(nil), y...)); err != nil {
		return Value{}, err
	}
	incRef(a)
	return a, nil
}

// bytearrayIMul is ba *= n.
func bytearrayIMul(in *Interp, a, b Value) (Value, error) {
	count, ok, err := in.bytesRepeatCount(b)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		if b.Type().Flags&TypeHeapType != 0 {
			return NotImplemented, nil
		}
		return Value{}, in.raise(typeErrorType, "can't multiply sequence by non-int of type '%s'", b.Type().Name)
	}
	o := asObject[ByteArray](a)
	n := len(o.b)
	switch {
	case n > 0 && count > (1<<63-1)/n:
		return Value{}, in.memoryError()
	case count != 1 && n > 0 && o.exports > 0:
		return Value{}, in.bufferExportsError()
	case count == 0 || n == 0:
		o.b = o.b[:0]
	default:
		if err := in.baReserve(o, n*count); err != nil {
			return Value{}, err
		}
		o.b = o.b[:n*count]
		for off := n; off < len(o.b); off += n {
			copy(o.b[off:], o.b[:n])
		}
	}
	incRef(a)
	return a, nil
}
