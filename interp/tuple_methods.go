package interp

import (
	"math/bits"

	"github.com/parallel-py/parallel/alloc"
)

// The tuple type's constructor, hash, comparisons, operators and methods.
// They accept instances of tuple's built-in subtypes (struct sequences
// such as sys.version_info), which share tuple's layout.

// The primes of xxHash64, which CPython's tuple hash is built on.
const (
	xxPrime1 uint64 = 11400714785074694791
	xxPrime2 uint64 = 14029467366897019727
	xxPrime5 uint64 = 2870177450012600261
)

func init() {
	tupleType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "tuple() takes no keyword arguments")
		}
		if err := in.checkArgCount("tuple", args, nil, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 0 {
			return in.NewTuple()
		}
		return in.tupleFrom(args[0])
	}
	tupleType.new = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			if in.refusesKeywords(t, tupleType, "__init__") {
				return Value{}, in.raise(typeErrorType, "tuple() takes no keyword arguments")
			}
			args, kwnames = args[:len(args)-len(kwnames)], nil // the class's __init__ takes them
		}
		if err := in.checkArgCount("tuple", args, nil, 0, 1); err != nil {
			return Value{}, err
		}
		var items []Value
		if len(args) == 1 {
			var err error
			if items, err = in.iterateAll(args[0]); err != nil {
				return Value{}, err
			}
		}
		r, err := in.newTupleOfType(t, items)
		for _, x := range items {
			in.decRef(x)
		}
		return r, err
	}
	tupleType.hash = tupleHash
	tupleType.compare = func(in *Interp, a, b Value, op CompareOp) (Value, error) {
		if !b.Type().IsSubtype(tupleType) {
			return NotImplemented, nil
		}
		return in.compareSeqs(a, b, func(v Value) []Value { return asObject[Tuple](v).items }, op, false)
	}
	tupleType.number = &numberSlots{}
	tupleType.number.binary[OpAdd] = func(in *Interp, a, b Value) (Value, error) {
		if !a.Type().IsSubtype(tupleType) {
			return NotImplemented, nil // only the left operand concatenates
		}
		if deferred, err := in.concatOperandDeferred(b); err != nil || deferred {
			return NotImplemented, err
		}
		return tupleConcat(in, a, b)
	}
	tupleType.number.binary[OpMul] = func(in *Interp, a, b Value) (Value, error) {
		seq, count, done, r, err := in.seqRepeatOperands(tupleType, a, b)
		if done {
			return r, err
		}
		return in.tupleRepeat(seq, count)
	}

	defMethod(tupleType, "count", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.seqOneArg("tuple.count", args, kwnames); err != nil {
			return Value{}, err
		}
		items := asObject[Tuple](args[0]).items
		return in.countItems(func() []Value { return items }, args[1])
	})
	defMethod(tupleType, "index", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.methPosArgs("tuple.index", "index", args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		items := asObject[Tuple](args[0]).items
		start, stop, err := in.seqSearchRange(args[2:], len(items))
		if err != nil {
			return Value{}, err
		}
		for i := start; i < stop && i < len(items); i++ {
			eq, err := in.keysEqual(items[i], args[1])
			if err != nil {
				return Value{}, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		return Value{}, in.raise(valueErrorType, "tuple.index(x): x not in tuple")
	})
	defWrapper(tupleType, "__add__", 1, func(in *Interp, args []Value) (Value, error) {
		return tupleConcat(in, args[0], args[1])
	})
	for _, name := range []string{"__mul__", "__rmul__"} {
		defWrapper(tupleType, name, 1, func(in *Interp, args []Value) (Value, error) {
			count, err := in.seqSsizeArg(args[1], overflowIndex)
			if err != nil {
				return Value{}, err
			}
			return in.tupleRepeat(args[0], count)
		})
	}
	defNew(tupleType)
	defSlotWrappers(tupleType, "__repr__", "__hash__", "compare", "__len__", "__getitem__", "__contains__", "__iter__")
}

// tupleFrom is tuple(iterable): a tuple itself, or a new one.
func (in *Interp) tupleFrom(v Value) (Value, error) {
	if v.Type() == tupleType {
		incRef(v)
		return v, nil
	}
	if v.Type() == listType {
		// tuple(list): one copy straight into the tuple.
		items := asObject[List](v).items
		if len(items) == 0 {
			return emptyTuple, nil
		}
		o, err := in.newTupleSized(len(items))
		if err != nil {
			return Value{}, err
		}
		copy(o.items, items)
		for _, x := range o.items {
			incRef(x)
		}
		return valueOf(o), nil
	}
	items, err := in.iterateAll(v)
	if err != nil {
		return Value{}, err
	}
	defer func() {
		for _, x := range items {
			in.decRef(x)
		}
	}()
	return in.NewTuple(items...)
}

// newTupleOfType is a tuple of type t (tuple or a subclass) holding
// items, taking new references to them.
func (in *Interp) newTupleOfType(t *Type, items []Value) (Value, error) {
	if t == tupleType {
		return in.NewTuple(items...)
	}
	o := newInstanceStruct[Tuple](t)
	if err := in.account(&o.Header, t, tupleSize+uintptr(len(items))*valueSize); err != nil {
		return Value{}, err
	}
	o.Header.SetFlags(alloc.FlagContainer)
	o.items = in.values.Get(len(items))
	for i, v := range items {
		incRef(v)
		o.items[i] = v
	}
	return valueOf(o), nil
}

// tupleHash is CPython 3.12's tuple hash: xxHash64's round over the
// items' hashes, so equal tuples of equal numbers hash as CPython's do.
func tupleHash(in *Interp, v Value) (int64, error) {
	items := asObject[Tuple](v).items
	acc := xxPrime5
	for _, x := range items {
		h, err := in.Hash(x)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * xxPrime2
		acc = bits.RotateLeft64(acc, 31)
		acc *= xxPrime1
	}
	acc += uint64(len(items)) ^ (xxPrime5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// tupleConcat is tuple + tuple; anything else on the right is a
// TypeError.
func tupleConcat(in *Interp, a, b Value) (Value, error) {
	if !b.Type().IsSubtype(tupleType) {
		return Value{}, in.raise(typeErrorType, "can only concatenate tuple (not \"%s\") to tuple", b.Type().Name)
	}
	x, y := asObject[Tuple](a).items, asObject[Tuple](b).items
	if len(y) == 0 && a.Type() == tupleType {
		incRef(a)
		return a, nil
	}
	if len(x)+len(y) > maxSeqLen {
		return Value{}, in.memoryError()
	}
	if len(x) == 0 && b.Type() == tupleType {
		incRef(b)
		return b, nil
	}
	o, err := in.newTupleSized(len(x) + len(y))
	if err != nil {
		return Value{}, err
	}
	copyRefs(o.items, x)
	copyRefs(o.items[len(x):], y)
	return valueOf(o), nil
}

// concatQuick is BINARY_OP oparg (a + b or a += b) on an exact tuple
// or list on both sides, as the generic path would compute it; ok is
// false for any other operator or operands, with nothing done. Both exact, neither side has a
// reflected slot to try or a class to look in, and list += list is
// list.extend (listInplaceConcat), which the slot lookup does. The
// generic BINARY_OP's dispatch cost more than the concatenation
// itself in nqueens' (items[i],) + tail and items[:i] + items[i + 1:].
func (in *Interp) concatQuick(a, b Value, oparg int) (r Value, ok bool, err error) {
	inplace := oparg == int(numBinaryOps+OpAdd)
	if oparg != int(OpAdd) && !inplace {
		return Value{}, false, nil
	}
	t := a.Type()
	if t != b.Type() {
		return Value{}, false, nil
	}
	switch {
	case t == tupleType:
		r, err = tupleConcat(in, a, b)
	case t == listType && !inplace:
		r, err = listConcat(in, a, b)
	default:
		return Value{}, false, nil
	}
	return r, true, err
}

// tupleRepeat is tuple * count; an exact tuple repeated once (or an empty
// one) is itself.
func (in *Interp) tupleRepeat(v Value, count int) (Value, error) {
	items := asObject[Tuple](v).items
	if (len(items) == 0 || count == 1) && v.Type() == tupleType {
		incRef(v)
		return v, nil
	}
	n, err := in.seqRepeatedLen(len(items), count)
	if err != nil {
		return Value{}, err
	}
	out := make([]Value, 0, n)
	for len(out) < n {
		out = append(out, items...)
	}
	return in.NewTuple(out...)
}
