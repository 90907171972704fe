package interp

import (
	"math/big"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Range is a range object. Its bounds are int64 when they and its length
// fit; otherwise big holds them (range_big.go) and the int64 fields are
// unused.
type Range struct {
	alloc.Header
	start, stop, step int64
	big               *bigRange
}

// rangeIterator walks a range; FOR_ITER advances it without allocating.
type rangeIterator struct {
	alloc.Header
	next, step int64
	left       int64 // items still to produce
}

// seqIterator walks a list or a tuple by index, holding a reference to it.
type seqIterator struct {
	alloc.Header
	seq   Value
	index int
}

var (
	rangeType         = newBuiltinType("range", objectType, 0)
	rangeIteratorType = newBuiltinType("range_iterator", objectType, 0)
	listIteratorType  = newBuiltinType("list_iterator", objectType, 0)
	tupleIteratorType = newBuiltinType("tuple_iterator", objectType, 0)
)

const (
	rangeSize         = unsafe.Sizeof(Range{})
	rangeIteratorSize = unsafe.Sizeof(rangeIterator{})
	seqIteratorSize   = unsafe.Sizeof(seqIterator{})
)

func init() {
	rangeType.construct = newRange
	rangeType.dealloc = func(in *Interp, v Value) {
		in.heap.Free(v.Header(), rangeSize)
		in.free.ranges.put(asObject[Range](v))
	}
	rangeType.repr = func(in *Interp, v Value) (Value, error) {
		r := asObject[Range](v)
		if r.step == 1 {
			return in.NewStr(sprintf("range(%d, %d)", r.start, r.stop))
		}
		return in.NewStr(sprintf("range(%d, %d, %d)", r.start, r.stop, r.step))
	}
	rangeIteratorType.dealloc = func(in *Interp, v Value) {
		in.heap.Free(v.Header(), rangeIteratorSize)
		in.free.rangeIters.put(asObject[rangeIterator](v))
	}
	for _, t := range []*Type{listIteratorType, tupleIteratorType} {
		t.dealloc = func(in *Interp, v Value) {
			it := asObject[seqIterator](v)
			in.xdecRef(it.seq)
			it.seq = Value{}
			in.heap.Free(v.Header(), seqIteratorSize)
			in.free.seqIters.put(it)
		}
	}
}

func newRange(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.raise(typeErrorType, "range() takes no keyword arguments")
	}
	switch {
	case len(args) == 0:
		return Value{}, in.raise(typeErrorType, "range expected at least 1 argument, got 0")
	case len(args) > 3:
		return Value{}, in.raise(typeErrorType, "range expected at most 3 arguments, got %d", len(args))
	}
	if start, stop, step, ok := smallRangeArgs(args); ok {
		if step == 0 {
			return Value{}, in.raise(valueErrorType, "range() arg 3 must not be zero")
		}
		r := in.free.ranges.get()
		r.start, r.stop, r.step = start, stop, step
		if err := in.account(&r.Header, rangeType, rangeSize); err != nil {
			return Value{}, err
		}
		return valueOf(r), nil
	}
	var bounds [3]big.Int
	for i, a := range args {
		if err := in.rangeBound(a, &bounds[i]); err != nil {
			return Value{}, err
		}
	}
	var start, stop, step big.Int
	step.SetInt64(1)
	switch len(args) {
	case 1:
		stop.Set(&bounds[0])
	case 2:
		start.Set(&bounds[0])
		stop.Set(&bounds[1])
	case 3:
		start.Set(&bounds[0])
		stop.Set(&bounds[1])
		step.Set(&bounds[2])
		if step.Sign() == 0 {
			return Value{}, in.raise(valueErrorType, "range() arg 3 must not be zero")
		}
	}
	r := &Range{}
	if b := newBigRange(&start, &stop, &step); b.fitsInt64() {
		r.start, r.stop, r.step = start.Int64(), stop.Int64(), step.Int64()
	} else {
		r.big = b
	}
	if err := in.account(&r.Header, rangeType, rangeSize); err != nil {
		return Value{}, err
	}
	return valueOf(r), nil
}

// smallRangeArgs reads range()'s arguments when all are unboxed ints
// and the length fits in int64 (the fast representation, no big ints on
// the way); ok is false otherwise.
func smallRangeArgs(args []Value) (start, stop, step int64, ok bool) {
	step = 1
	for _, a := range args {
		if !a.IsSmallInt() {
			return 0, 0, 0, false
		}
	}
	switch len(args) {
	case 1:
		stop = int64(args[0].n)
	case 2:
		start, stop = int64(args[0].n), int64(args[1].n)
	default:
		start, stop, step = int64(args[0].n), int64(args[1].n), int64(args[2].n)
	}
	// rangeLen works in uint64; a span of 2**63 or more needs the big form.
	var span uint64
	switch {
	case step > 0 && start < stop:
		span = uint64(stop - start)
	case step < 0 && start > stop:
		span = uint64(start - stop)
	}
	if step != 0 && span > 0 && (span-1)/absUint64(step) >= 1<<63-1 {
		return 0, 0, 0, false
	}
	return start, stop, step, true
}

func absUint64(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// Range objects and the range, list and tuple iterators are recycled
// (in.free, recycle.go): every for loop makes one.

// rangeLen is the number of items of a range (0 when empty).
func rangeLen(start, stop, step int64) int64 {
	switch {
	case step > 0 && start < stop:
		return int64((uint64(stop-start)-1)/uint64(step)) + 1
	case step < 0 && start > stop:
		return int64((uint64(start-stop)-1)/uint64(-step)) + 1
	}
	return 0
}

// seqIterType iterates a class's instances through __getitem__ (the old
// sequence protocol) until IndexError.
var seqIterType = newBuiltinType("iterator", objectType, 0)

// newSeqIter makes the sequence-protocol iterator of v.
func (in *Interp) newSeqIter(v Value) (Value, error) {
	it := &seqIterator{seq: v}
	if err := in.account(&it.Header, seqIterType, seqIteratorSize); err != nil {
		return Value{}, err
	}
	incRef(v)
	return valueOf(it), nil
}

func selfIter(in *Interp, v Value) (Value, error) { incRef(v); return v, nil }

func init() {
	rangeType.iter = func(in *Interp, v Value) (Value, error) {
		r := asObject[Range](v)
		it := in.free.rangeIters.get()
		it.next, it.step, it.left = r.start, r.step, rangeLen(r.start, r.stop, r.step)
		if err := in.account(&it.Header, rangeIteratorType, rangeIteratorSize); err != nil {
			return Value{}, err
		}
		return valueOf(it), nil
	}
	rangeType.length = func(in *Interp, v Value) (int, error) {
		r := asObject[Range](v)
		return int(rangeLen(r.start, r.stop, r.step)), nil
	}
	rangeType.getitem = func(in *Interp, v, key Value) (Value, error) {
		r := asObject[Range](v)
		n := int(rangeLen(r.start, r.stop, r.step))
		if key.Type() == sliceType {
			start, stop, step, err := in.sliceIndices(asObject[Slice](key), n)
			if err != nil {
				return Value{}, err
			}
			nr := &Range{start: r.start + int64(start)*r.step, stop: r.start + int64(stop)*r.step, step: r.step * int64(step)}
			if err := in.account(&nr.Header, rangeType, rangeSize); err != nil {
				return Value{}, err
			}
			return valueOf(nr), nil
		}
		i, ok, err := in.seqIndex(v, key, n)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(indexErrorType, "range object index out of range")
		}
		return Int(r.start + int64(i)*r.step), nil
	}
	rangeType.contains = func(in *Interp, v, key Value) (bool, error) {
		r := asObject[Range](v)
		if key.IsSmallInt() || key.IsBool() {
			k := int64(key.n)
			if r.step > 0 && (k < r.start || k >= r.stop) || r.step < 0 && (k > r.start || k <= r.stop) {
				return false, nil
			}
			return (k-r.start)%r.step == 0, nil
		}
		it, err := rangeType.iter(in, v)
		if err != nil {
			return false, err
		}
		defer in.decRef(it)
		for {
			x, ok, _ := in.iterNext(it)
			if !ok {
				return false, nil
			}
			if eq, err := in.keysEqual(x, key); err != nil || eq {
				return eq, err
			}
		}
	}
	rangeIteratorType.iter = selfIter
	rangeIteratorType.next = func(in *Interp, it Value) (Value, bool, error) {
		r := asObject[rangeIterator](it)
		if r.left <= 0 {
			return Value{}, false, nil
		}
		v := Int(r.next)
		r.next += r.step
		r.left--
		return v, true, nil
	}
	listType.iter = func(in *Interp, v Value) (Value, error) { return in.newListOrTupleIter(v, listIteratorType) }
	tupleType.iter = func(in *Interp, v Value) (Value, error) { return in.newListOrTupleIter(v, tupleIteratorType) }
	listIteratorType.iter = selfIter
	tupleIteratorType.iter = selfIter
	listIteratorType.next = func(in *Interp, it Value) (Value, bool, error) {
		s := asObject[seqIterator](it)
		if s.seq.IsNil() {
			return Value{}, false, nil
		}
		return in.nextItem(s, asObject[List](s.seq).items) // re-read: the list may change
	}
	tupleIteratorType.next = func(in *Interp, it Value) (Value, bool, error) {
		s := asObject[seqIterator](it)
		if s.seq.IsNil() {
			return Value{}, false, nil
		}
		return in.nextItem(s, asObject[Tuple](s.seq).items)
	}
	seqIterType.iter = selfIter
	seqIterType.dealloc = listIteratorType.dealloc
	seqIterType.next = func(in *Interp, it Value) (Value, bool, error) {
		s := asObject[seqIterator](it)
		if s.seq.IsNil() {
			return Value{}, false, nil
		}
		v, err := in.GetItem(s.seq, Int(int64(s.index)))
		if err != nil {
			if e, ok := err.(*Exception); ok && (valueOf(e).Type().IsSubtype(indexErrorType) || valueOf(e).Type().IsSubtype(stopIterationType)) {
				in.decRef(valueOf(e))
				in.decRef(s.seq)
				s.seq = Value{}
				return Value{}, false, nil
			}
			return Value{}, false, err
		}
		s.index++
		return v, true, nil
	}
}

func (in *Interp) newListOrTupleIter(v Value, t *Type) (Value, error) {
	it := in.free.seqIters.get()
	it.seq = v
	if err := in.account(&it.Header, t, seqIteratorSize); err != nil {
		return Value{}, err
	}
	incRef(v)
	return valueOf(it), nil
}

// nextItem advances a list or tuple iterator; once exhausted it lets go
// of the sequence, so items appended later are not produced.
func (in *Interp) nextItem(s *seqIterator, items []Value) (Value, bool, error) {
	if s.index >= len(items) {
		in.decRef(s.seq)
		s.seq = Value{}
		return Value{}, false, nil
	}
	v := items[s.index]
	s.index++
	incRef(v)
	return v, true, nil
}

func init() {
	for _, f := range []struct {
		name string
		get  func(r *Range) int64
	}{{"start", func(r *Range) int64 { return r.start }}, {"stop", func(r *Range) int64 { return r.stop }}, {"step", func(r *Range) int64 { return r.step }}} {
		get := f.get
		defGetSet(rangeType, f.name, func(in *Interp, v Value) (Value, error) {
			return Int(get(asObject[Range](v))), nil
		}, nil)
	}
	// position finds x in r: its index, or -1.
	position := func(r *Range, x Value) int64 {
		if !x.IsSmallInt() && !x.IsBool() {
			return -1
		}
		k := int64(x.n)
		n := rangeLen(r.start, r.stop, r.step)
		if n == 0 || (k-r.start)%r.step != 0 {
			return -1
		}
		i := (k - r.start) / r.step
		if i < 0 || i >= n {
			return -1
		}
		return i
	}
	defMethod(rangeType, "index", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("index", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		r := asObject[Range](args[0])
		if isInt(args[1]) {
			if i := position(r, args[1]); i >= 0 {
				return Int(i), nil
			}
			if args[1].IsSmallInt() || args[1].IsBool() {
				return Value{}, in.raise(valueErrorType, "%d is not in range", int64(args[1].n))
			}
		}
		// Other values: search by equality, as a sequence.
		n := rangeLen(r.start, r.stop, r.step)
		for i := int64(0); i < n; i++ {
			eq, err := in.keysEqual(Int(r.start+i*r.step), args[1])
			if err != nil {
				return Value{}, err
			}
			if eq {
				return Int(i), nil
			}
		}
		return Value{}, in.raise(valueErrorType, "sequence.index(x): x not in sequence")
	})
	defMethod(rangeType, "count", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("count", args[1:], kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		r := asObject[Range](args[0])
		if args[1].IsSmallInt() || args[1].IsBool() {
			if position(r, args[1]) >= 0 {
				return Int(1), nil
			}
			return Int(0), nil
		}
		count := int64(0)
		n := rangeLen(r.start, r.stop, r.step)
		for i := int64(0); i < n; i++ {
			eq, err := in.keysEqual(Int(r.start+i*r.step), args[1])
			if err != nil {
				return Value{}, err
			}
			if eq {
				count++
			}
		}
		return Int(count), nil
	})
	// Ranges compare as the sequences they produce, and hash likewise.
	rangeType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if b.Type() != rangeType || (op != CmpEQ && op != CmpNE) {
			return NotImplemented, nil
		}
		x, y := asObject[Range](a), asObject[Range](b)
		nx, ny := rangeLen(x.start, x.stop, x.step), rangeLen(y.start, y.stop, y.step)
		eq := nx == ny && (nx == 0 || x.start == y.start && (nx == 1 || x.step == y.step))
		return Bool(eq == (op == CmpEQ)), nil
	}
	rangeType.hash = func(in *Interp, v Value) (int64, error) {
		r := asObject[Range](v)
		n := rangeLen(r.start, r.stop, r.step)
		var t Value
		var err error
		switch n {
		case 0:
			t, err = in.NewTuple(Int(0), None, None)
		case 1:
			t, err = in.NewTuple(Int(1), Int(r.start), None)
		default:
			t, err = in.NewTuple(Int(n), Int(r.start), Int(r.step))
		}
		if err != nil {
			return 0, err
		}
		defer in.decRef(t)
		return in.Hash(t)
	}
	rangeType.boolean = func(in *Interp, v Value) (bool, error) {
		r := asObject[Range](v)
		return rangeLen(r.start, r.stop, r.step) > 0, nil
	}
}
