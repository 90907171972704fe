package interp

import "math"

// Argument checks and index conversions shared by the list, tuple and
// dict methods. CPython's calling conventions each word their errors
// differently (METH_NOARGS, METH_O, METH_FASTCALL with positional-only
// parameters, slot wrappers), and its conversions of an argument to a
// C index have three different overflow policies; these reproduce them.

// maxSeqLen bounds the length of a list or tuple: beyond it building the
// sequence raises MemoryError instead of asking Go for an array the
// machine cannot hold (CPython fails the same way, in malloc).
const maxSeqLen = 1 << 32

// methNoArgs checks the call of a method that takes no arguments (METH_NOARGS);
// qual is its qualified name, as "list.copy".
func (in *Interp) methNoArgs(qual string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	if len(args) > 1 {
		return in.raise(typeErrorType, "%s() takes no arguments (%d given)", qual, len(args)-1)
	}
	return nil
}

// seqOneArg checks the call of a method that takes exactly one argument
// (METH_O).
func (in *Interp) seqOneArg(qual string, args, kwnames []Value) error {
	if len(kwnames) == 0 && len(args) == 2 { // inlined: list.append's check
		return nil
	}
	return in.seqOneArgError(qual, args, kwnames)
}

// seqOneArgError is seqOneArg's error, out of line.
func (in *Interp) seqOneArgError(qual string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	if len(args) != 2 {
		return in.raise(typeErrorType, "%s() takes exactly one argument (%d given)", qual, len(args)-1)
	}
	return nil
}

// methPosArgs checks the call of a method whose parameters are all
// positional-only (METH_FASTCALL): no keywords, as the qualified name
// says, and between min and max arguments, as the short name says.
func (in *Interp) methPosArgs(qual, name string, args, kwnames []Value, min, max int) error {
	if n := len(args) - 1; len(kwnames) == 0 && n >= min && n <= max { // inlined
		return nil
	}
	return in.methPosArgsError(qual, name, args, kwnames, min, max)
}

// methPosArgsError is methPosArgs's error, out of line.
func (in *Interp) methPosArgsError(qual, name string, args, kwnames []Value, min, max int) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", qual)
	}
	return in.checkArgCount(name, args[1:], nil, min, max)
}

// seqWrapperArgs checks the call of a slot wrapper (list.__len__,
// tuple.__eq__), which takes exactly n arguments after self.
func (in *Interp) seqWrapperArgs(name string, args, kwnames []Value, n int) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "wrapper %s() takes no keyword arguments", name)
	}
	if len(args)-1 != n {
		// The two-argument wrappers unpack with an empty function name,
		// hence CPython's leading space.
		lead := ""
		if n == 2 {
			lead = " "
		}
		return in.raise(typeErrorType, "%sexpected %d argument%s, got %d", lead, n, pluralS(n), len(args)-1)
	}
	return nil
}

// seqIndexValue is operator.index(v) without the error: v itself when it is
// an int, what its class's __index__ returns otherwise (a new reference),
// and ok false when v has no __index__.
func (in *Interp) seqIndexValue(v Value) (r Value, ok bool, err error) {
	if isInt(v) {
		incRef(v)
		return v, true, nil
	}
	if v.Type().Flags&TypeHeapType == 0 {
		return Value{}, false, nil
	}
	r, found, err := in.callSpecial(v, "__index__")
	if err != nil || !found {
		return Value{}, false, err
	}
	if !isInt(r) {
		in.decRef(r)
		return Value{}, false, in.raise(typeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
	}
	return r, true, nil
}

// seqSsizeArg converts an argument to a C index as PyNumber_AsSsize_t with
// OverflowError does (the "n" argument format): overflow names what did
// not fit.
func (in *Interp) seqSsizeArg(v Value, overflow string) (int, error) {
	r, ok, err := in.seqIndexValue(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	defer in.decRef(r)
	if r.p != intTag && r.p != boolTag {
		return 0, in.raise(overflowErrorType, "%s", overflow)
	}
	return int(int64(r.n)), nil
}

// Overflow messages of seqSsizeArg.
const (
	overflowSsize = "Python int too large to convert to C ssize_t"
	overflowIndex = "cannot fit 'int' into an index-sized integer"
)

// seqSliceIndexArg converts a start or stop argument (list.index's) as
// _PyEval_SliceIndexNotNone does: ints beyond the machine's range clamp.
func (in *Interp) seqSliceIndexArg(v Value) (int, error) {
	r, ok, err := in.seqIndexValue(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, in.raise(typeErrorType, "slice indices must be integers or have an __index__ method")
	}
	defer in.decRef(r)
	if r.p == intTag || r.p == boolTag {
		return int(int64(r.n)), nil
	}
	if asObject[BigInt](r).v.Sign() < 0 {
		return math.MinInt64, nil
	}
	return math.MaxInt64, nil
}

// seqSearchRange resolves the optional start and stop arguments of
// list.index and tuple.index against a length n, as CPython clamps them.
func (in *Interp) seqSearchRange(args []Value, n int) (start, stop int, err error) {
	start, stop = 0, math.MaxInt64
	if len(args) > 0 {
		if start, err = in.seqSliceIndexArg(args[0]); err != nil {
			return
		}
	}
	if len(args) > 1 {
		if stop, err = in.seqSliceIndexArg(args[1]); err != nil {
			return
		}
	}
	if start < 0 {
		start = max(start+n, 0)
	}
	if stop < 0 {
		stop = max(stop+n, 0)
	}
	return start, stop, nil
}

// seqRepeatCount is the count of seq * n, as sequence_repeat converts it:
// ok false when n is not an integer at all (the caller decides the
// error), OverflowError when it does not fit.
func (in *Interp) seqRepeatCount(n Value) (count int, ok bool, err error) {
	r, ok, err := in.seqIndexValue(n)
	if err != nil || !ok {
		return 0, false, err
	}
	defer in.decRef(r)
	if r.p != intTag && r.p != boolTag {
		return 0, true, in.raise(overflowErrorType, overflowIndex)
	}
	return int(int64(r.n)), true, nil
}

// seqRepeatedLen is the length of a sequence of n items repeated count
// times, or MemoryError when that is more than any sequence may hold.
func (in *Interp) seqRepeatedLen(n, count int) (int, error) {
	if n == 0 || count <= 0 {
		return 0, nil
	}
	if n > maxSeqLen/count {
		return 0, in.memoryError()
	}
	return n * count, nil
}

// seqRepeatOperands sorts out the operands of seq * n for the repeat slot
// of a sequence type t, which is called whichever side the sequence is
// on: the sequence, the count, and done true with a result when the slot
// answers without repeating (NotImplemented, or the TypeError CPython's
// sequence_repeat raises for a count that is not an integer).
func (in *Interp) seqRepeatOperands(t *Type, a, b Value) (seq Value, count int, done bool, r Value, err error) {
	seq, n := a, b
	if !a.Type().IsSubtype(t) {
		seq, n = b, a
	} else if b.Type().Flags&TypeHeapType != 0 && !isInt(b) {
		// CPython tries every nb_multiply (a class's __rmul__) before a
		// sequence's repeat.
		if m, err := in.lookupString(b.Type(), "__rmul__"); err != nil || !m.IsNil() {
			return Value{}, 0, true, NotImplemented, err
		}
	}
	count, ok, err := in.seqRepeatCount(n)
	if err != nil {
		return Value{}, 0, true, Value{}, err
	}
	if !ok {
		return Value{}, 0, true, Value{}, in.raise(typeErrorType, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	return seq, count, false, Value{}, nil
}

// concatOperandDeferred reports whether a + b, with a the sequence,
// should first give b's class its __radd__, as CPython tries every nb_add
// before a sequence's concatenation.
func (in *Interp) concatOperandDeferred(b Value) (bool, error) {
	if b.Type().Flags&TypeHeapType == 0 {
		return false, nil
	}
	m, err := in.lookupString(b.Type(), "__radd__")
	return err == nil && !m.IsNil(), err
}

// itemIndex resolves the index of a list or tuple item (seq[i]) against
// a length n, counting negative indexes from the end; ok is false when it
// is out of range. An int too big for any index is an IndexError of its
// own, as in CPython.
func (in *Interp) itemIndex(seq, key Value, n int) (int, bool, error) {
	i, fits, err := in.index(seq, key)
	if err != nil {
		return 0, false, err
	}
	if !fits {
		return 0, false, in.raise(indexErrorType, overflowIndex)
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false, nil
	}
	return int(i), true, nil
}
