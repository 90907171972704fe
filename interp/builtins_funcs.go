package interp

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/parallel-py/parallel/interp/format"
)

// The builtin functions over iterables and numbers' text: all, any, sum,
// min, max, id, hash, ascii, chr, ord, hex, oct, bin and format, each
// with CPython 3.12's argument checks and messages.

func init() {
	builtinFuncs = append(builtinFuncs,
		newBuiltin("all", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.allAny("all", args, kwnames, false)
		}),
		newBuiltin("any", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.allAny("any", args, kwnames, true)
		}),
		newBuiltin("sum", builtinSum),
		newBuiltin("min", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.minMax("min", args, kwnames, CmpLT)
		}),
		newBuiltin("max", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.minMax("max", args, kwnames, CmpGT)
		}),
		newBuiltin("id", builtinID),
		newBuiltin("hash", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.oneArg("hash", args, kwnames); err != nil {
				return Value{}, err
			}
			h, err := in.Hash(args[0])
			if err != nil {
				return Value{}, err
			}
			return Int(h), nil
		}),
		newBuiltin("ascii", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.oneArg("ascii", args, kwnames); err != nil {
				return Value{}, err
			}
			return in.ASCII(args[0])
		}),
		newBuiltin("chr", builtinChr),
		newBuiltin("ord", builtinOrd),
		newBuiltin("hex", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.toBase("hex", args, kwnames, 16, "0x")
		}),
		newBuiltin("oct", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.toBase("oct", args, kwnames, 8, "0o")
		}),
		newBuiltin("bin", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			return in.toBase("bin", args, kwnames, 2, "0b")
		}),
		newBuiltin("format", builtinFormat),
	)
}

// oneArg is the check of a built-in taking exactly one positional
// argument (CPython's METH_O).
func (in *Interp) oneArg(fname string, args, kwnames []Value) error {
	if len(kwnames) == 0 && len(args) == 1 {
		return nil // inlined: the rest is oneArgError
	}
	return in.oneArgError(fname, args, kwnames)
}

// oneArgError is the TypeError of oneArg for args and kwnames that fail
// it.
func (in *Interp) oneArgError(fname string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "%s() takes no keyword arguments", fname)
	}
	if len(args) != 1 {
		return in.raise(typeErrorType, "%s() takes exactly one argument (%d given)", fname, len(args))
	}
	return nil
}

// indexValue is operator.index(v) (PyNumber_Index): v itself for an
// int, an int for a bool, or the result of a class's __index__; a new
// reference.
func (in *Interp) indexValue(v Value) (Value, error) {
	switch {
	case v.IsBool():
		return Int(int64(v.n)), nil
	case isInt(v):
		incRef(v)
		return v, nil
	}
	if v.Type().Flags&TypeHeapType != 0 {
		r, found, err := in.callSpecial(v, "__index__")
		if err != nil {
			return Value{}, err
		}
		if found {
			if !isInt(r) {
				err := in.raise(typeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
				in.decRef(r)
				return Value{}, err
			}
			if r.IsBool() {
				return Int(int64(r.n)), nil
			}
			return r, nil
		}
	}
	return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// allAny is all() (stopAt false) and any() (stopAt true): the first
// item whose truth is stopAt decides.
func (in *Interp) allAny(fname string, args, kwnames []Value, stopAt bool) (Value, error) {
	if err := in.oneArg(fname, args, kwnames); err != nil {
		return Value{}, err
	}
	it, err := in.getIter(args[0])
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(it)
	for {
		item, ok, err := in.iterNext(it)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Bool(!stopAt), nil
		}
		b, err := in.Truth(item)
		in.decRef(item)
		if err != nil {
			return Value{}, err
		}
		if b == stopAt {
			return Bool(stopAt), nil
		}
	}
}

// builtinSum is sum(iterable, /, start=0). Like CPython it adds small
// ints in an int64 without allocating until one overflows, adds floats
// with Neumaier's compensated summation (as CPython 3.12 does, so
// sum([0.1] * 10) == 1.0), and adds anything else with +.
func builtinSum(in *Interp, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if len(args) > 2 {
		return Value{}, in.raise(typeErrorType, "sum() takes at most 2 arguments (%d given)", len(args))
	}
	if npos < 1 {
		return Value{}, in.raise(typeErrorType, "sum() takes at least 1 positional argument (%d given)", npos)
	}
	start := Int(0)
	if len(args) == 2 {
		start = args[1]
	}
	if len(kwnames) == 1 {
		if name := kwnames[0].GoString(); name != "start" {
			return Value{}, in.raise(typeErrorType, "'%s' is an invalid keyword argument for sum()", name)
		}
	}
	it, err := in.getIter(args[0])
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(it)
	switch t := start.Type(); {
	case t.IsSubtype(strType):
		return Value{}, in.raise(typeErrorType, "sum() can't sum strings [use ''.join(seq) instead]")
	case t.IsSubtype(bytesType):
		return Value{}, in.raise(typeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]")
	case t.IsSubtype(bytearrayType):
		return Value{}, in.raise(typeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]")
	}
	incRef(start)
	result := start

	if result.IsSmallInt() {
		acc := result.SmallInt()
		for {
			item, ok, err := in.iterNext(it)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				return Int(acc), nil
			}
			if item.IsSmallInt() || item.IsBool() {
				b := int64(item.n)
				if s := acc + b; (s > acc) == (b > 0) || b == 0 {
					acc = s
					continue
				}
			}
			// Not a small int, or the sum overflowed: add as objects
			// and go on below.
			r, err := in.BinaryOp(OpAdd, Int(acc), item)
			in.decRef(item)
			if err != nil {
				return Value{}, err
			}
			result = r
			break
		}
	}

	if result.IsFloat() {
		f, c := result.FloatValue(), 0.0
		for {
			item, ok, err := in.iterNext(it)
			if err != nil {
				return Value{}, err
			}
			if !ok {
				// Adding an infinite or NaN compensation would turn an
				// infinite sum into a NaN, and adding 0 would lose the
				// sign of -0.0.
				if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
					f += c
				}
				return Float(f), nil
			}
			if item.IsFloat() {
				x := item.FloatValue()
				t := f + x
				if math.Abs(f) >= math.Abs(x) {
					c += (f - t) + x
				} else {
					c += (x - t) + f
				}
				f = t
				continue
			}
			if item.IsSmallInt() || item.IsBool() {
				f += float64(int64(item.n))
				continue
			}
			if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
				f += c
			}
			r, err := in.BinaryOp(OpAdd, Float(f), item)
			in.decRef(item)
			if err != nil {
				return Value{}, err
			}
			result = r
			break
		}
	}

	for {
		item, ok, err := in.iterNext(it)
		if err != nil {
			in.decRef(result)
			return Value{}, err
		}
		if !ok {
			return result, nil
		}
		r, err := in.BinaryOp(OpAdd, result, item)
		in.decRef(result)
		in.decRef(item)
		if err != nil {
			return Value{}, err
		}
		result = r
	}
}

// minMax is min() (op CmpLT) and max() (op CmpGT): of one iterable or
// of several arguments, with key= and default=. The first of equal
// items wins, as in CPython.
func (in *Interp) minMax(fname string, args, kwnames []Value, op CompareOp) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos == 0 {
		return Value{}, in.raise(typeErrorType, "%s expected at least 1 argument, got 0", fname)
	}
	if len(kwnames) > 2 {
		return Value{}, in.raise(typeErrorType, "%s() takes at most 2 keyword arguments (%d given)", fname, len(kwnames))
	}
	var key, dflt Value
	for j, kn := range kwnames {
		switch kn.GoString() {
		case "key":
			key = args[npos+j]
		case "default":
			dflt = args[npos+j]
		default:
			return Value{}, in.raise(typeErrorType, "'%s' is an invalid keyword argument for %s()", kn.GoString(), fname)
		}
	}
	if npos > 1 && !dflt.IsNil() {
		return Value{}, in.raise(typeErrorType, "Cannot specify a default for %s() with multiple positional arguments", fname)
	}
	if key.IsNone() {
		key = Value{}
	}
	// next yields the candidates (new references).
	var next func() (Value, bool, error)
	if npos == 1 {
		it, err := in.getIter(args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(it)
		next = func() (Value, bool, error) { return in.iterNext(it) }
	} else {
		i := 0
		next = func() (Value, bool, error) {
			if i == npos {
				return Value{}, false, nil
			}
			v := args[i]
			i++
			incRef(v)
			return v, true, nil
		}
	}
	var best, bestKey Value
	release := func() {
		in.xdecRef(best)
		in.xdecRef(bestKey)
	}
	for {
		item, ok, err := next()
		if err != nil {
			release()
			return Value{}, err
		}
		if !ok {
			break
		}
		k := item
		if key.IsNil() {
			incRef(k)
		} else if k, err = in.Call(key, []Value{item}, nil); err != nil {
			in.decRef(item)
			release()
			return Value{}, err
		}
		if best.IsNil() {
			best, bestKey = item, k
			continue
		}
		r, err := in.RichCompare(k, bestKey, op)
		var better bool
		if err == nil {
			better, err = in.Truth(r)
			in.decRef(r)
		}
		if err != nil {
			in.decRef(item)
			in.decRef(k)
			release()
			return Value{}, err
		}
		if better {
			release()
			best, bestKey = item, k
		} else {
			in.decRef(item)
			in.decRef(k)
		}
	}
	if best.IsNil() {
		if !dflt.IsNil() {
			incRef(dflt)
			return dflt, nil
		}
		return Value{}, in.raise(valueErrorType, "%s() iterable argument is empty", fname)
	}
	in.decRef(bestKey)
	return best, nil
}

// Identities of unboxed values. Heap objects are identified by their
// address, which on the 64-bit platforms Go supports lies far below
// 1<<60; None and the bools get numbers just above it, ints of moderate
// size a range above 1<<61, and other ints and floats numbers beyond
// 64 bits, so that no two distinct values share an id.
const (
	idSingletons = 1 << 60
	idInts       = 1 << 61
	idIntRange   = 1 << 58
)

func builtinID(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.oneArg("id", args, kwnames); err != nil {
		return Value{}, err
	}
	v := args[0]
	switch {
	case v.IsObject():
		return Int(int64(uintptr(v.p))), nil
	case v.IsNone():
		return Int(idSingletons), nil
	case v.IsBool():
		return Int(idSingletons + 1 + int64(v.n)), nil
	case v.IsSmallInt() && v.SmallInt() >= -idIntRange && v.SmallInt() < idIntRange:
		return Int(idInts + idIntRange + v.SmallInt()), nil
	}
	// Beyond 64 bits: the kind in the high word, the bits in the low.
	kind := int64(1)
	if v.IsFloat() {
		kind = 2
	}
	var x, lo big.Int
	x.Lsh(big.NewInt(kind), 64)
	lo.SetUint64(v.n)
	return in.newInt(x.Or(&x, &lo))
}

// ASCII is ascii(v): repr(v) with every non-ASCII character escaped.
func (in *Interp) ASCII(v Value) (Value, error) {
	r, err := in.Repr(v)
	if err != nil || asObject[Str](r).ascii {
		return r, err
	}
	s := format.ASCII(r.GoString())
	in.decRef(r)
	return in.NewStr(s)
}

func builtinChr(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.oneArg("chr", args, kwnames); err != nil {
		return Value{}, err
	}
	i, err := in.indexValue(args[0])
	if err != nil {
		return Value{}, err
	}
	if !i.IsSmallInt() || i.SmallInt() < math.MinInt32 || i.SmallInt() > math.MaxInt32 {
		in.decRef(i)
		return Value{}, in.raise(overflowErrorType, "Python int too large to convert to C int")
	}
	c := i.SmallInt()
	if c < 0 || c >= 0x110000 {
		return Value{}, in.raise(valueErrorType, "chr() arg not in range(0x110000)")
	}
	if c < utf8.RuneSelf {
		return internName(string(rune(c))), nil
	}
	return in.NewStr(string(appendCP(nil, rune(c))))
}

func builtinOrd(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.oneArg("ord", args, kwnames); err != nil {
		return Value{}, err
	}
	v := args[0]
	var n int
	switch t := v.Type(); {
	case t.IsSubtype(strType):
		s := asObject[Str](v)
		if s.length == 1 {
			r, _ := decodeCP(s.s)
			return Int(int64(r)), nil
		}
		n = s.length
	case t.IsSubtype(bytesType):
		b := asObject[Bytes](v).b
		if len(b) == 1 {
			return Int(int64(b[0])), nil
		}
		n = len(b)
	case t.IsSubtype(bytearrayType):
		b := asObject[ByteArray](v).b
		if len(b) == 1 {
			return Int(int64(b[0])), nil
		}
		n = len(b)
	default:
		return Value{}, in.raise(typeErrorType, "ord() expected string of length 1, but %s found", t.Name)
	}
	return Value{}, in.raise(typeErrorType, "ord() expected a character, but string of length %d found", n)
}

// toBase is hex(), oct() and bin(): the integer (or __index__) in base
// with its prefix, the sign before the prefix.
func (in *Interp) toBase(fname string, args, kwnames []Value, base int, prefix string) (Value, error) {
	if err := in.oneArg(fname, args, kwnames); err != nil {
		return Value{}, err
	}
	i, err := in.indexValue(args[0])
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(i)
	var digits string
	neg := false
	if i.IsSmallInt() {
		n := i.SmallInt()
		u := uint64(n)
		if n < 0 {
			neg, u = true, uint64(-n) // -MinInt64 wraps to 1<<63, as wanted
		}
		digits = strconv.FormatUint(u, base)
	} else {
		x := &asObject[BigInt](i).v
		neg = x.Sign() < 0
		var abs big.Int
		digits = abs.Abs(x).Text(base)
	}
	if neg {
		return in.NewStr("-" + prefix + digits)
	}
	return in.NewStr(prefix + digits)
}

// builtinFormat is format(value, format_spec="", /).
func builtinFormat(in *Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.checkArgCount("format", args, kwnames, 1, 2); err != nil {
		return Value{}, err
	}
	spec := ""
	if len(args) == 2 {
		if !args[1].Type().IsSubtype(strType) {
			return Value{}, in.raise(typeErrorType, "format() argument 2 must be str, not %s", args[1].Type().Name)
		}
		spec = args[1].GoString()
	}
	return in.Format(args[0], spec)
}
