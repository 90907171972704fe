package interp

import (
	"math"
	"math/big"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Ranges whose bounds or length do not fit in int64 (range(10**20)): the
// same operations as range.go's, on big ints. This file's init wraps the
// slots and methods range.go installed, handling big ranges first.

// bigRange holds the bounds of a big range and its length.
type bigRange struct {
	start, stop, step, length big.Int
}

func newBigRange(start, stop, step *big.Int) *bigRange {
	b := &bigRange{}
	b.start.Set(start)
	b.stop.Set(stop)
	b.step.Set(step)
	// length = max(0, ceil((stop - start) / step))
	var d big.Int
	d.Sub(stop, start)
	if step.Sign() < 0 {
		d.Neg(&d)
	}
	if d.Sign() > 0 {
		var s, q big.Int
		s.Abs(step)
		d.Sub(&d, big.NewInt(1))
		q.Quo(&d, &s)
		b.length.Add(&q, big.NewInt(1))
	}
	return b
}

// fitsInt64 reports whether the bounds and the length all fit in int64,
// so the range can use the fast representation.
func (b *bigRange) fitsInt64() bool {
	return b.start.IsInt64() && b.stop.IsInt64() && b.step.IsInt64() && b.length.IsInt64()
}

// bigRangeOf returns r's bounds as big ints, whichever form it has.
func bigRangeOf(r *Range) *bigRange {
	if r.big != nil {
		return r.big
	}
	return newBigRange(big.NewInt(r.start), big.NewInt(r.stop), big.NewInt(r.step))
}

// rangeBound converts a range() argument (an int, or an object with
// __index__) to a big int.
func (in *Interp) rangeBound(v Value, z *big.Int) error {
	if isInt(v) {
		var tmp big.Int
		z.Set(bigOf(v, &tmp))
		return nil
	}
	if v.Type().Flags&TypeHeapType != 0 {
		i, found, err := in.callSpecial(v, "__index__")
		if err != nil {
			return err
		}
		if found {
			defer in.decRef(i)
			if !isInt(i) {
				return in.raise(typeErrorType, "__index__ returned non-int (type %s)", i.Type().Name)
			}
			return in.rangeBound(i, z)
		}
	}
	return in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// bigRangeIterator walks a big range (CPython's longrange_iterator).
type bigRangeIterator struct {
	alloc.Header
	next, step, left big.Int
}

var bigRangeIteratorType = newBuiltinType("longrange_iterator", objectType, 0)

const bigRangeIteratorSize = unsafe.Sizeof(bigRangeIterator{})

// bigRangeItem is start + i*step.
func (in *Interp) bigRangeItem(b *bigRange, i *big.Int) (Value, error) {
	var x big.Int
	x.Mul(i, &b.step)
	x.Add(&x, &b.start)
	return in.newInt(&x)
}

func init() {
	bigRangeIteratorType.dealloc = func(in *Interp, v Value) { in.heap.Free(v.Header(), bigRangeIteratorSize) }
	bigRangeIteratorType.iter = selfIter
	bigRangeIteratorType.next = func(in *Interp, v Value) (Value, bool, error) {
		it := asObject[bigRangeIterator](v)
		if it.left.Sign() <= 0 {
			return Value{}, false, nil
		}
		r, err := in.newInt(&it.next)
		if err != nil {
			return Value{}, false, err
		}
		it.next.Add(&it.next, &it.step)
		it.left.Sub(&it.left, big.NewInt(1))
		return r, true, nil
	}

	small := *rangeType
	rangeType.repr = func(in *Interp, v Value) (Value, error) {
		b := asObject[Range](v).big
		if b == nil {
			return small.repr(in, v)
		}
		if b.step.Cmp(big.NewInt(1)) == 0 {
			return in.NewStr("range(" + b.start.String() + ", " + b.stop.String() + ")")
		}
		return in.NewStr("range(" + b.start.String() + ", " + b.stop.String() + ", " + b.step.String() + ")")
	}
	rangeType.length = func(in *Interp, v Value) (int, error) {
		b := asObject[Range](v).big
		if b == nil {
			return small.length(in, v)
		}
		if !b.length.IsInt64() || b.length.Int64() > math.MaxInt {
			return 0, in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
		}
		return int(b.length.Int64()), nil
	}
	rangeType.boolean = func(in *Interp, v Value) (bool, error) {
		if b := asObject[Range](v).big; b != nil {
			return b.length.Sign() > 0, nil
		}
		return small.boolean(in, v)
	}
	rangeType.iter = func(in *Interp, v Value) (Value, error) {
		r := asObject[Range](v)
		if r.big == nil && !rangeIterOverflows(r) {
			return small.iter(in, v)
		}
		b := bigRangeOf(r)
		it := &bigRangeIterator{}
		it.next.Set(&b.start)
		it.step.Set(&b.step)
		it.left.Set(&b.length)
		if err := in.account(&it.Header, bigRangeIteratorType, bigRangeIteratorSize); err != nil {
			return Value{}, err
		}
		return valueOf(it), nil
	}
	rangeType.getitem = func(in *Interp, v, key Value) (Value, error) {
		b := asObject[Range](v).big
		if b == nil {
			return small.getitem(in, v, key)
		}
		if key.Type() == sliceType {
			return Value{}, in.raise(notImplementedErrorType, "slicing a range beyond 64 bits is not implemented yet")
		}
		var i big.Int
		if isInt(key) {
			var tmp big.Int
			i.Set(bigOf(key, &tmp))
		} else if _, _, err := in.index(v, key); err != nil {
			return Value{}, err
		} else if err := in.rangeBound(key, &i); err != nil {
			return Value{}, err
		}
		if i.Sign() < 0 {
			i.Add(&i, &b.length)
		}
		if i.Sign() < 0 || i.Cmp(&b.length) >= 0 {
			return Value{}, in.raise(indexErrorType, "range object index out of range")
		}
		return in.bigRangeItem(b, &i)
	}
	smallContains := small.contains
	rangeType.contains = func(in *Interp, v, key Value) (bool, error) {
		r := asObject[Range](v)
		if r.big == nil && !(isInt(key) && !key.IsSmallInt() && !key.IsBool()) {
			return smallContains(in, v, key)
		}
		if !isInt(key) {
			return smallContains(in, v, key) // a search by equality
		}
		_, ok := bigRangeIndex(bigRangeOf(r), key)
		return ok, nil
	}
	rangeType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if b.Type() != rangeType || (op != CmpEQ && op != CmpNE) {
			return NotImplemented, nil
		}
		x, y := asObject[Range](a), asObject[Range](b)
		if x.big == nil && y.big == nil {
			return small.compare(in, a, b, op)
		}
		bx, by := bigRangeOf(x), bigRangeOf(y)
		eq := bx.length.Cmp(&by.length) == 0 && (bx.length.Sign() == 0 ||
			bx.start.Cmp(&by.start) == 0 && (bx.length.Cmp(big.NewInt(1)) == 0 || bx.step.Cmp(&by.step) == 0))
		return Bool(eq == (op == CmpEQ)), nil
	}
	rangeType.hash = func(in *Interp, v Value) (int64, error) {
		b := asObject[Range](v).big
		if b == nil {
			return small.hash(in, v)
		}
		n, err := in.newInt(&b.length)
		if err != nil {
			return 0, err
		}
		defer in.decRef(n)
		st, err := in.newInt(&b.start)
		if err != nil {
			return 0, err
		}
		defer in.decRef(st)
		sp, err := in.newInt(&b.step)
		if err != nil {
			return 0, err
		}
		defer in.decRef(sp)
		t, err := in.NewTuple(n, st, sp)
		if err != nil {
			return 0, err
		}
		defer in.decRef(t)
		return in.Hash(t)
	}
	for _, name := range []string{"start", "stop", "step"} {
		name := name
		old := asObject[GetSetDescr](rangeType.attrs[name]).get
		asObject[GetSetDescr](rangeType.attrs[name]).get = func(in *Interp, v Value) (Value, error) {
			b := asObject[Range](v).big
			if b == nil {
				return old(in, v)
			}
			switch name {
			case "start":
				return in.newInt(&b.start)
			case "stop":
				return in.newInt(&b.stop)
			}
			return in.newInt(&b.step)
		}
	}
	oldIndex := asObject[MethodDescr](rangeType.attrs["index"]).fn
	asObject[MethodDescr](rangeType.attrs["index"]).fn = func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		r := asObject[Range](args[0])
		if len(args) == 2 && len(kwnames) == 0 && isInt(args[1]) && (r.big != nil || !args[1].IsSmallInt() && !args[1].IsBool()) {
			if i, ok := bigRangeIndex(bigRangeOf(r), args[1]); ok {
				return in.newInt(i)
			}
			r, err := in.Repr(args[1])
			if err != nil {
				return Value{}, err
			}
			defer in.decRef(r)
			return Value{}, in.raise(valueErrorType, "%s is not in range", r.GoString())
		}
		return oldIndex(in, args, kwnames)
	}
	oldCount := asObject[MethodDescr](rangeType.attrs["count"]).fn
	asObject[MethodDescr](rangeType.attrs["count"]).fn = func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		r := asObject[Range](args[0])
		if len(args) == 2 && len(kwnames) == 0 && isInt(args[1]) && (r.big != nil || !args[1].IsSmallInt() && !args[1].IsBool()) {
			if _, ok := bigRangeIndex(bigRangeOf(r), args[1]); ok {
				return Int(1), nil
			}
			return Int(0), nil
		}
		return oldCount(in, args, kwnames)
	}
}

// bigRangeIndex finds the int x in a range: its index, if it is there.
func bigRangeIndex(b *bigRange, x Value) (*big.Int, bool) {
	var tmp, d, q, m big.Int
	d.Sub(bigOf(x, &tmp), &b.start)
	q.DivMod(&d, &b.step, &m)
	if m.Sign() != 0 || q.Sign() < 0 || q.Cmp(&b.length) >= 0 {
		return nil, false
	}
	return &q, true
}

func init() {
	// reversed(range) walks it backwards without building anything.
	defMethod(rangeType, "__reversed__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.checkArgCount("__reversed__", args[1:], kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		r := asObject[Range](args[0])
		if r.big == nil {
			if it, ok := rangeReversedSmall(r); ok {
				if err := in.account(&it.Header, rangeIteratorType, rangeIteratorSize); err != nil {
					return Value{}, err
				}
				return valueOf(it), nil
			}
		}
		b := bigRangeOf(r)
		it := &bigRangeIterator{}
		var last big.Int
		last.Sub(&b.length, big.NewInt(1))
		last.Mul(&last, &b.step)
		it.next.Add(&last, &b.start)
		it.step.Neg(&b.step)
		it.left.Set(&b.length)
		if err := in.account(&it.Header, bigRangeIteratorType, bigRangeIteratorSize); err != nil {
			return Value{}, err
		}
		return valueOf(it), nil
	})
}
