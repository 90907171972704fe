package interp

import (
	"math/bits"
	"slices"
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

// Slice objects are recycled (in.free.slices, recycle.go): x[a:b]
// makes one and drops it at once, and in fannkuch's loop that was most
// of the Go allocation left.

// newSlice makes a slice, taking new references to its parts.
func (in *Interp) newSlice(start, stop, step Value) (Value, error) {
	s := in.lastSlice
	if s != nil {
		in.lastSlice = nil
	} else {
		s = in.free.slices.get()
	}
	if err := in.account(&s.Header, sliceType, sliceSize); err != nil {
		return Value{}, err
	}
	incRef(start)
	incRef(stop)
	incRef(step)
	s.start, s.stop, s.step = start, stop, step
	return valueOf(s), nil
}

func init() {
	sliceType.dealloc = func(in *Interp, v Value) {
		s := asObject[Slice](v)
		in.decRef(s.start)
		in.decRef(s.stop)
		in.decRef(s.step)
		in.heap.Free(&s.Header, sliceSize)
		if alloc.Debug { // the freed header stays, poisoned
			s.start, s.stop, s.step = Value{}, Value{}, Value{}
			return
		}
		if in.lastSlice == nil {
			// One slice kept by the interpreter, as CPython keeps
			// one: x[a:b:c] makes one and drops it at once, and the
			// process-wide pool's pinning cost more than the slice.
			*s = Slice{}
			in.lastSlice = s
			return
		}
		in.free.slices.put(s)
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
	u, err := in.sliceUnpack(s)
	if err != nil {
		return 0, 0, 0, err
	}
	start, stop, step = u.adjust(n)
	return start, stop, step, nil
}

// unpackedSlice is a slice's parts as machine ints (PySlice_Unpack's
// result), before they are fitted to a length.
type unpackedSlice struct {
	start, stop, step int64
	noStart, noStop   bool
}

// sliceUnpack converts a slice's parts to ints, running __index__ where
// a part needs it; a mutable sequence must be measured only after it, as
// that code may change it.
func (in *Interp) sliceUnpack(s *Slice) (u unpackedSlice, err error) {
	// Parts that are unboxed ints or None (nearly all) need no call.
	if u, ok := plainSliceBounds(s.start, s.stop); ok {
		switch {
		case s.step.IsNone():
			return u, nil
		case s.step.IsSmallInt() && s.step.SmallInt() != 0:
			u.step = s.step.SmallInt()
			return u, nil
		}
	}
	u.step = 1
	if !s.step.IsNone() {
		if u.step, err = in.sliceBound(s.step); err != nil {
			return
		}
		if u.step == 0 {
			err = in.raise(valueErrorType, "slice step cannot be zero")
			return
		}
	}
	if u.noStart = s.start.IsNone(); !u.noStart {
		if u.start, err = in.sliceBound(s.start); err != nil {
			return
		}
	}
	if u.noStop = s.stop.IsNone(); !u.noStop {
		if u.stop, err = in.sliceBound(s.stop); err != nil {
			return
		}
	}
	return u, nil
}

// adjust fits the unpacked slice to a sequence of length n.
func (u *unpackedSlice) adjust(n int) (start, stop, step int) {
	st, size := u.step, int64(n)
	a, b := int64(0), size
	if st < 0 {
		a, b = size-1, -1
	}
	if !u.noStart {
		a = fitBound(u.start, size, st < 0)
	}
	if !u.noStop {
		b = fitBound(u.stop, size, st < 0)
	}
	return int(a), int(b), int(st)
}

// fitBound is PySlice_AdjustIndices for one bound x of a sequence of
// length n, for a negative step when back is set. A function rather
// than a closure in adjust, which the compiler did not inline.
func fitBound(x, n int64, back bool) int64 {
	switch {
	case x < 0:
		if x += n; x >= 0 {
			return x
		}
		if back {
			return -1
		}
		return 0
	case x >= n:
		if back {
			return n - 1
		}
		return n
	}
	return x
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

// listSlice is l[a:b:c] as a new list, filled straight from l's items
// (measured after sliceUnpack, whose __index__ calls may change l).
func (in *Interp) listSlice(l *List, key Value) (Value, error) {
	u, err := in.sliceUnpack(asObject[Slice](key))
	if err != nil {
		return Value{}, err
	}
	return in.listSliceUnpacked(l, u)
}

// listSliceUnpacked is l[a:b:c] as a new list for a slice already
// unpacked (listSlice, and BINARY_SLICE without a slice object).
func (in *Interp) listSliceUnpacked(l *List, u unpackedSlice) (Value, error) {
	start, stop, step := u.adjust(len(l.items))
	n := sliceLen(start, stop, step)
	r, err := in.newListSized(n)
	if err != nil {
		return Value{}, err
	}
	copySliceRefs(r.items[:n], l.items, start, step)
	return valueOf(r), nil
}

// tupleSlice is t[a:b:c] for a slice object.
func (in *Interp) tupleSlice(t *Tuple, key Value) (Value, error) {
	u, err := in.sliceUnpack(asObject[Slice](key))
	if err != nil {
		return Value{}, err
	}
	return in.tupleSliceUnpacked(t, u)
}

// listAssignSlice is l[a:b:c] = value, or del l[a:b:c] when value is nil.
// The new items are collected (as new references) before l is measured,
// since iterating value may run code that changes l; the replaced items
// are released only once l is whole again, as their release may run code
// that looks at l.
func (in *Interp) listAssignSlice(l *List, key, value Value) error {
	u, err := in.sliceUnpack(asObject[Slice](key))
	if err != nil {
		return err
	}
	if value.IsNil() {
		in.listDeleteSlice(l, u)
		return nil
	}
	return in.listAssignUnpacked(l, u, value)
}

// listAssignUnpacked is l[a:b:c] = value for a slice already unpacked
// (listAssignSlice, and STORE_SLICE without a slice object).
func (in *Interp) listAssignUnpacked(l *List, u unpackedSlice, value Value) error {
	if u.step == 1 && value.p != unsafe.Pointer(l) {
		if items, ok := seqItems(value); ok {
			return in.listAssignItems(l, u, items)
		}
	}
	src, pooled, err := in.assignSource(value, u.step == 1)
	if err != nil {
		return err
	}
	start, stop, step := u.adjust(len(l.items))
	if step != 1 {
		n := sliceLen(start, stop, step)
		if len(src) != n {
			in.releaseSource(src, pooled, true)
			return in.raise(valueErrorType, "attempt to assign sequence of size %d to extended slice of size %d", len(src), n)
		}
		old := in.values.Get(n)
		for i := 0; i < n; i++ {
			j := start + i*step
			old[i] = l.items[j]
			l.items[j] = src[i]
		}
		in.releaseSource(src, pooled, false)
		in.releaseSource(old, true, true)
		return nil
	}
	stop = max(stop, start)
	old := in.values.Get(stop - start)
	err = in.listReplaceItems(l, start, stop, src, old, true)
	in.values.Put(old)
	in.releaseSource(src, pooled, err != nil)
	return err
}

// listAssignItems is l[a:b] = value for a step of 1 where value is a
// list or tuple other than l, whose items (borrowed) are copied straight
// from it: nothing of value's can run code, so no copy of them is needed
// first. Of the same length, the items are overwritten in place;
// otherwise the replaced items wait in a buffer, on the stack when few.
func (in *Interp) listAssignItems(l *List, u unpackedSlice, src []Value) error {
	start, stop, _ := u.adjust(len(l.items))
	stop = max(stop, start)
	n := stop - start
	if n == len(src) {
		in.listOverwrite(l.items[start:stop], src)
		return nil
	}
	if n <= smallSliceBuf {
		var buf [smallSliceBuf]Value
		return in.listReplaceItems(l, start, stop, src, buf[:n], false)
	}
	old := in.values.Get(n)
	err := in.listReplaceItems(l, start, stop, src, old, false)
	in.values.Put(old)
	return err
}

// listOverwrite stores src (borrowed) over dst, a run of a list's items
// of the same length (fannkuch's p[:k+1] = p[k::-1]): nothing moves.
// CPython's list_ass_slice releases the replaced items last to first
// once all are stored; here each is released as it is replaced, last to
// first, which is the same sequence of decrements, and those that die
// wait (listOverwriteDying) until the list is whole again, as their
// __del__ may look at it. An item of src cannot die: src holds it. Most
// replaced items are unboxed or referenced elsewhere, so no buffer is
// needed for them.
func (in *Interp) listOverwrite(dst, src []Value) {
	dst = dst[:len(src)]
	for i := len(src) - 1; i >= 0; i-- {
		v := src[i]
		incRef(v)
		old := dst[i]
		dst[i] = v
		if alloc.DecRef(old.Header()) {
			in.listOverwriteDying(dst[:i], src[:i], old)
			return
		}
	}
}

// listOverwriteDying is the rest of listOverwrite from the first item
// that died, dead: it stores the rest of src over dst, then releases the
// dead in the order they died.
func (in *Interp) listOverwriteDying(dst, src []Value, dead Value) {
	deaths := append(in.values.Get(len(src) + 1)[:0], dead)
	for i := len(src) - 1; i >= 0; i-- {
		v := src[i]
		incRef(v)
		old := dst[i]
		dst[i] = v
		if alloc.DecRef(old.Header()) {
			deaths = append(deaths, old)
		}
	}
	for _, x := range deaths {
		in.dealloc(x)
	}
	in.values.Put(deaths)
}

// smallSliceBuf is how many replaced items listAssignItems keeps on the
// stack rather than in a pooled buffer.
const smallSliceBuf = 16

// listReplaceItems puts src in place of l.items[start:stop], moving the
// tail as needed, then releases the replaced items, which it keeps in
// old (of length stop-start) meanwhile. The list takes src's references
// when owned is true, and new ones to them otherwise; on an error it
// has changed nothing and taken nothing.
func (in *Interp) listReplaceItems(l *List, start, stop int, src, old []Value, owned bool) error {
	copy(old, l.items[start:stop])
	size := len(l.items)
	grow := len(src) - len(old)
	if grow != 0 {
		if grow > 0 {
			if err := in.listReserve(l, grow); err != nil {
				return err
			}
		}
		l.items = l.items[:max(size, size+grow)]
		copy(l.items[stop+grow:], l.items[stop:size])
		if grow < 0 {
			clear(l.items[size+grow:])
			l.items = l.items[:size+grow]
		}
	}
	if owned {
		copy(l.items[start:], src)
	} else {
		copyRefs(l.items[start:start+len(src)], src)
	}
	in.releaseBackward(old)
	return nil
}

// releaseBackward drops the references in old last to first, as CPython's
// list_ass_slice releases the items it replaced.
func (in *Interp) releaseBackward(old []Value) {
	for i := len(old) - 1; i >= 0; i-- {
		// decRef by hand: it is not inlined, and most items are
		// unboxed or still referenced elsewhere.
		if x := old[i]; alloc.DecRef(x.Header()) {
			in.dealloc(x)
		}
	}
}

// assignSource collects the items of value for a slice assignment as new
// references, in a pooled buffer when pooled is true. simple (a step of
// 1) selects the TypeError message when value is not iterable.
func (in *Interp) assignSource(value Value, simple bool) (src []Value, pooled bool, err error) {
	if items, ok := seqItems(value); ok {
		src = in.values.Get(len(items))
		copy(src, items)
		for _, v := range src {
			incRef(v)
		}
		return src, true, nil
	}
	if src, err = in.iterateAll(value); err != nil {
		if value.Type().iter == nil && value.Type().getitem == nil {
			in.decRef(valueOf(err.(*Exception)))
			if simple {
				return nil, false, in.raise(typeErrorType, "can only assign an iterable")
			}
			return nil, false, in.raise(typeErrorType, "must assign iterable to extended slice")
		}
		return nil, false, err
	}
	return src, false, nil
}

// releaseSource drops the references in vs when drop is set, then gives
// vs back to the pool when it came from there.
func (in *Interp) releaseSource(vs []Value, pooled, drop bool) {
	if drop {
		for _, v := range vs {
			in.decRef(v)
		}
	}
	if pooled {
		in.values.Put(vs)
	}
}

// listDeleteSlice is del l[a:b:c].
func (in *Interp) listDeleteSlice(l *List, u unpackedSlice) {
	start, stop, step := u.adjust(len(l.items))
	n := sliceLen(start, stop, step)
	if n == 0 {
		return
	}
	simple := step == 1
	if step < 0 {
		start, step = start+(n-1)*step, -step
	}
	dead := in.values.Get(n)[:0]
	keep := l.items[:start]
	for i := start; i < len(l.items); i++ {
		if i < start+n*step && (i-start)%step == 0 {
			dead = append(dead, l.items[i])
		} else {
			keep = append(keep, l.items[i])
		}
	}
	clear(l.items[len(keep):])
	l.items = keep
	if simple {
		// CPython deletes a simple slice through list_ass_slice, which
		// releases the items last to first; an extended slice's go in
		// index order. A __del__ shows the difference.
		slices.Reverse(dead)
	}
	in.releaseSource(dead, true, true)
}
