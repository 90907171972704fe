package interp

import (
	"math/bits"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Slice is a slice object, start:stop:step, each part any value (None
// when omitted).
type Slice struct {
	alloc.Header
	alloc.GCLink
	start, stop, step Value
}

var sliceType = newBuiltinType("slice", objectType, 0)

const sliceSize = unsafe.Sizeof(Slice{})

// newSlice makes a slice, taking new references to its parts.
func (in *Interp) newSlice(start, stop, step Value) (Value, error) {
	s := &Slice{}
	if err := in.account(&s.Header, sliceType, sliceSize); err != nil {
		return Value{}, err
	}
	for _, p := range []Value{start, stop, step} {
		incRef(p)
	}
	s.start, s.stop, s.step = start, stop, step
	return valueOf(s), nil
}

func init() {
	sliceType.dealloc = func(in *Interp, v Value) {
		s := asObject[Slice](v)
		in.decRef(s.start)
		in.decRef(s.stop)
		in.decRef(s.step)
		*s = Slice{Header: s.Header}
		in.heap.Free(&s.Header, sliceSize)
	}
	sliceType.repr = func(in *Interp, v Value) (Value, error) {
		s := asObject[Slice](v)
		out := "slice("
		for i, p := range []Value{s.start, s.stop, s.step} {
			r, err := in.Repr(p)
			if err != nil {
				return Value{}, err
			}
			if i > 0 {
				out += ", "
			}
			out += r.GoString()
			in.decRef(r)
		}
		return in.NewStr(out + ")")
	}
	sliceType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("slice", args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		switch len(args) {
		case 1:
			return in.newSlice(None, args[0], None)
		case 2:
			return in.newSlice(args[0], args[1], None)
		}
		return in.newSlice(args[0], args[1], args[2])
	}
	// Slices are hashable since 3.12: the tuple hash of their three
	// parts without the final mixing in of the length.
	sliceType.hash = func(in *Interp, v Value) (int64, error) {
		s := asObject[Slice](v)
		acc := xxPrime5
		for _, x := range []Value{s.start, s.stop, s.step} {
			h, err := in.Hash(x)
			if err != nil {
				return 0, err
			}
			acc += uint64(h) * xxPrime2
			acc = bits.RotateLeft64(acc, 31)
			acc *= xxPrime1
		}
		if acc == ^uint64(0) {
			return 1546275796, nil
		}
		return int64(acc), nil
	}
	sliceType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if b.Type() != sliceType {
			return NotImplemented, nil
		}
		x, y := asObject[Slice](a), asObject[Slice](b)
		ta, err := in.NewTuple(x.start, x.stop, x.step)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(ta)
		tb, err := in.NewTuple(y.start, y.stop, y.step)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(tb)
		return in.RichCompare(ta, tb, op)
	}
	for _, f := range []struct {
		name string
		get  func(s *Slice) Value
	}{{"start", func(s *Slice) Value { return s.start }}, {"stop", func(s *Slice) Value { return s.stop }}, {"step", func(s *Slice) Value { return s.step }}} {
		get := f.get
		defGetSet(sliceType, f.name, func(in *Interp, v Value) (Value, error) {
			r := get(asObject[Slice](v))
			incRef(r)
			return r, nil
		}, nil)
	}
	defMethod(sliceType, "indices", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("indices", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		n, fits, err := in.index(args[0], args[1])
		if err != nil {
			return Value{}, err
		}
		if !fits {
			return Value{}, in.raise(notImplementedErrorType, "slice.indices() with a length beyond 64 bits is not implemented yet")
		}
		if n < 0 {
			return Value{}, in.raise(valueErrorType, "length should not be negative")
		}
		start, stop, step, err := in.sliceIndices(asObject[Slice](args[0]), int(n))
		if err != nil {
			return Value{}, err
		}
		return in.NewTuple(Int(int64(start)), Int(int64(stop)), Int(int64(step)))
	})
}

// sliceBound converts one part of a slice to an int, clamping ints too
// big for the machine as CPython's _PyEval_SliceIndex does.
func (in *Interp) sliceBound(v Value) (int64, error) {
	switch {
	case v.IsSmallInt() || v.IsBool():
		return int64(v.n), nil
	case isInt(v):
		if asObject[BigInt](v).v.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	if v.Type().Flags&TypeHeapType != 0 {
		if i, found, err := in.callSpecial(v, "__index__"); found || err != nil {
			if err != nil {
				return 0, err
			}
			defer in.decRef(i)
			if isInt(i) {
				return in.sliceBound(i)
			}
		}
	}
	return 0, in.raise(typeErrorType, "slice indices must be integers or None or have an __index__ method")
}

// sliceIndices resolves a slice against a sequence of length n (CPython's
// PySlice_Unpack then PySlice_AdjustIndices): the first index, the
// bound, and the step.
func (in *Interp) sliceIndices(s *Slice, n int) (start, stop, step int, err error) {
	st := int64(1)
	if !s.step.IsNone() {
		if st, err = in.sliceBound(s.step); err != nil {
			return
		}
		if st == 0 {
			err = in.raise(valueErrorType, "slice step cannot be zero")
			return
		}
	}
	var lo, hi int64
	if st < 0 {
		lo, hi = int64(n)-1, -1
	} else {
		lo, hi = 0, int64(n)
	}
	adjust := func(v Value, def int64) (int64, error) {
		if v.IsNone() {
			return def, nil
		}
		x, err := in.sliceBound(v)
		if err != nil {
			return 0, err
		}
		if x < 0 {
			x += int64(n)
			if x < 0 {
				if st < 0 {
					x = -1
				} else {
					x = 0
				}
			}
		} else if x >= int64(n) {
			if st < 0 {
				x = int64(n) - 1
			} else {
				x = int64(n)
			}
		}
		return x, nil
	}
	a, err := adjust(s.start, lo)
	if err != nil {
		return
	}
	b, err := adjust(s.stop, hi)
	if err != nil {
		return
	}
	return int(a), int(b), int(st), nil
}

// sliceLen is how many items start:stop:step selects.
func sliceLen(start, stop, step int) int {
	switch {
	case step > 0 && start < stop:
		return (stop-start-1)/step + 1
	case step < 0 && stop < start:
		return (start-stop-1)/(-step) + 1
	}
	return 0
}

// sliceItems selects items by a slice (borrowed values).
func (in *Interp) sliceItems(items []Value, key Value) ([]Value, error) {
	start, stop, step, err := in.sliceIndices(asObject[Slice](key), len(items))
	if err != nil {
		return nil, err
	}
	if step == 1 {
		if start >= stop {
			return nil, nil
		}
		return items[start:stop], nil
	}
	n := sliceLen(start, stop, step)
	out := make([]Value, n)
	for i := 0; i < n; i++ {
		out[i] = items[start+i*step]
	}
	return out, nil
}

func (in *Interp) listSlice(l *List, key Value) (Value, error) {
	items, err := in.sliceItems(l.items, key)
	if err != nil {
		return Value{}, err
	}
	return in.NewList(items...)
}

func (in *Interp) tupleSlice(t *Tuple, key Value) (Value, error) {
	s := asObject[Slice](key)
	if s.start.IsNone() && s.stop.IsNone() && s.step.IsNone() {
		incRef(valueOf(t))
		return valueOf(t), nil
	}
	items, err := in.sliceItems(t.items, key)
	if err != nil {
		return Value{}, err
	}
	return in.NewTuple(items...)
}

// listAssignSlice is l[a:b:c] = value, or del l[a:b:c] when value is nil.
func (in *Interp) listAssignSlice(l *List, key, value Value) error {
	start, stop, step, err := in.sliceIndices(asObject[Slice](key), len(l.items))
	if err != nil {
		return err
	}
	if value.IsNil() {
		n := sliceLen(start, stop, step)
		if n == 0 {
			return nil
		}
		if step < 0 {
			start, step = start+(n-1)*step, -step
		}
		var dead []Value
		keep := l.items[:start]
		for i := start; i < len(l.items); i++ {
			if i < start+n*step && (i-start)%step == 0 {
				dead = append(dead, l.items[i])
			} else {
				keep = append(keep, l.items[i])
			}
		}
		for i := len(keep); i < len(l.items); i++ {
			l.items[i] = Value{}
		}
		l.items = keep
		for _, d := range dead {
			in.decRef(d)
		}
		return nil
	}
	var src []Value
	if value.p == valueOf(l).p {
		src = append([]Value(nil), l.items...)
		for _, x := range src {
			incRef(x)
		}
	} else {
		if src, err = in.iterateAll(value); err != nil {
			if value.Type().iter == nil && value.Type().getitem == nil {
				in.decRef(valueOf(err.(*Exception)))
				if step == 1 {
					return in.raise(typeErrorType, "can only assign an iterable")
				}
				return in.raise(typeErrorType, "must assign iterable to extended slice")
			}
			return err
		}
	}
	defer func() {
		for _, x := range src {
			in.decRef(x)
		}
	}()
	if step == 1 {
		if stop < start {
			stop = start
		}
		old := append([]Value(nil), l.items[start:stop]...)
		grow := len(src) - len(old)
		if grow > 0 {
			if err := in.listReserve(l, grow); err != nil {
				return err
			}
		}
		tail := append([]Value(nil), l.items[stop:]...)
		l.items = append(l.items[:start], src...)
		l.items = append(l.items, tail...)
		if grow < 0 {
			full := l.items[:cap(l.items)]
			for i := len(l.items); i < len(l.items)-grow; i++ {
				full[i] = Value{}
			}
		}
		for _, x := range src {
			incRef(x)
		}
		for _, o := range old {
			in.decRef(o)
		}
		return nil
	}
	n := sliceLen(start, stop, step)
	if len(src) != n {
		return in.raise(valueErrorType, "attempt to assign sequence of size %d to extended slice of size %d", len(src), n)
	}
	for i := 0; i < n; i++ {
		j := start + i*step
		old := l.items[j]
		incRef(src[i])
		l.items[j] = src[i]
		in.decRef(old)
	}
	return nil
}
