package interp

import (
	"math/big"
	"math/bits"
)

// int(): the constructor, int's methods and attributes, and the special
// methods that expose the int slots by name (int.__add__(3, 4)).

func init() {
	intType.construct = intConstruct
	defNumberNew(intType)

	defNumNoArgs(intType, "bit_length", func(in *Interp, self Value) (Value, error) {
		if self.p == intTag || self.p == boolTag {
			i := int64(self.n)
			if i < 0 {
				return Int(int64(bits.Len64(uint64(-i)))), nil
			}
			return Int(int64(bits.Len64(uint64(i)))), nil
		}
		return Int(int64(asObject[BigInt](self).v.BitLen())), nil
	})
	defNumNoArgs(intType, "bit_count", func(in *Interp, self Value) (Value, error) {
		if self.p == intTag || self.p == boolTag {
			i := int64(self.n)
			if i < 0 {
				return Int(int64(bits.OnesCount64(uint64(-i)))), nil
			}
			return Int(int64(bits.OnesCount64(uint64(i)))), nil
		}
		n := 0
		for _, w := range asObject[BigInt](self).v.Bits() { // magnitude words
			n += bits.OnesCount(uint(w))
		}
		return Int(int64(n)), nil
	})
	defNumNoArgs(intType, "as_integer_ratio", func(in *Interp, self Value) (Value, error) {
		i, err := in.exactInt(self)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(i)
		return in.NewTuple(i, Int(1))
	})
	defNumNoArgs(intType, "is_integer", func(in *Interp, self Value) (Value, error) { return True, nil })
	for _, name := range []string{"conjugate", "__trunc__", "__floor__", "__ceil__"} {
		defNumNoArgs(intType, name, func(in *Interp, self Value) (Value, error) { return in.exactInt(self) })
	}
	defNumNoArgs(intType, "__getnewargs__", func(in *Interp, self Value) (Value, error) {
		i, err := in.exactInt(self)
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(i)
		return in.NewTuple(i)
	})
	defNumNoArgs(intType, "__sizeof__", func(in *Interp, self Value) (Value, error) {
		// CPython's size: a 24-byte header and at least one 30-bit digit
		// of 4 bytes.
		var z big.Int
		return Int(24 + 4*int64(max(1, (bigOf(self, &z).BitLen()+29)/30))), nil
	})
	defMethod(intType, "to_bytes", intToBytes)
	defClassMethod(intType, "from_bytes", intFromBytes)
	defMethod(intType, "__round__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "int.__round__() takes no keyword arguments")
		}
		if err := in.checkArgCount("__round__", args[1:], nil, 0, 1); err != nil {
			return Value{}, err
		}
		if len(args) == 1 {
			return in.exactInt(args[0])
		}
		return in.intRound(args[0], args[1])
	})
	defMethod(intType, "__format__", numberFormatMethod("int"))

	for _, name := range []string{"real", "numerator"} {
		defGetSet(intType, name, func(in *Interp, v Value) (Value, error) { return in.exactInt(v) }, nil)
	}
	defGetSet(intType, "imag", func(in *Interp, v Value) (Value, error) { return Int(0), nil }, nil)
	defGetSet(intType, "denominator", func(in *Interp, v Value) (Value, error) { return Int(1), nil }, nil)

	// The slot wrappers.
	defNumSlot0(intType, "__repr__", func(in *Interp, self Value) (Value, error) { return intRepr(in, intCopyNoRef(self)) })
	defNumSlot0(intType, "__hash__", func(in *Interp, self Value) (Value, error) {
		h, err := intHash(in, self)
		return Int(h), err
	})
	defNumSlot0(intType, "__bool__", func(in *Interp, self Value) (Value, error) {
		b, err := in.Truth(self)
		return Bool(b), err
	})
	for _, name := range []string{"__int__", "__index__"} {
		defNumSlot0(intType, name, func(in *Interp, self Value) (Value, error) { return in.exactInt(self) })
	}
	defNumSlot0(intType, "__float__", func(in *Interp, self Value) (Value, error) {
		f, err := in.intToFloat(self)
		return Float(f), err
	})
	defNumUnaryDunders(intType)
	defNumArithDunders(intType, intPow3, intDivmod)
	defNumCompareDunders(intType, isInt)

	// bool's own: its repr and the bitwise operators that keep bools.
	defNumSlot0(boolType, "__repr__", func(in *Interp, self Value) (Value, error) { return boolRepr(in, self) })
	for _, op := range []BinaryOp{OpAnd, OpOr, OpXor} {
		slot := boolType.number.binary[op]
		defNumSlot1(boolType, binaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, self, other) })
		defNumSlot1(boolType, rbinaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, other, self) })
	}
}

// intCopyNoRef is intCopy for a caller that only reads the result: a
// bool's int value, or v itself (no reference taken).
func intCopyNoRef(v Value) Value {
	if v.p == boolTag {
		return Int(int64(v.n))
	}
	return v
}

// intConstruct is int(x=0, /, base=10).
func intConstruct(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	npos := len(args) - len(kwnames)
	if len(args) > 2 {
		return Value{}, in.raise(typeErrorType, "int() takes at most 2 arguments (%d given)", len(args))
	}
	var x, base Value
	if npos > 0 {
		x = args[0]
	}
	if npos > 1 {
		base = args[1]
	}
	for i, kn := range kwnames {
		if kn.GoString() != "base" {
			return Value{}, in.raise(typeErrorType, "'%s' is an invalid keyword argument for int()", kn.GoString())
		}
		if npos > 1 {
			return Value{}, in.raise(typeErrorType, "argument for int() given by name ('base') and position (2)")
		}
		base = args[npos+i]
	}
	if x.IsNil() {
		if !base.IsNil() {
			return Value{}, in.raise(typeErrorType, "int() missing string argument")
		}
		return Int(0), nil
	}
	if base.IsNil() {
		return in.numberLong(x)
	}
	b, err := in.indexClipped(base)
	if err != nil {
		return Value{}, err
	}
	if b != 0 && b < 2 || b > 36 {
		return Value{}, in.raise(valueErrorType, "int() base must be >= 2 and <= 36, or 0")
	}
	if !isNumberText(x) {
		return Value{}, in.raise(typeErrorType, "int() can't convert non-string with explicit base")
	}
	return in.intFromText(x, int(b))
}

// isNumberText reports whether v is a str, bytes or bytearray: what int()
// parses with an explicit base.
func isNumberText(v Value) bool {
	t := v.Type()
	return t.IsSubtype(strType) || t.IsSubtype(bytesType) || t.IsSubtype(bytearrayType)
}

// isNumberSource reports whether int(v) and float(v) parse v: a str, or
// any bytes-like object with a simple buffer (a contiguous memoryview
// too).
func isNumberSource(v Value) bool {
	if isNumberText(v) {
		return true
	}
	_, ok := bytesData(v)
	return ok
}

// numberLong is int(x), CPython's PyNumber_Long: ints as they are,
// floats truncated, then a class's __int__, __index__ or __trunc__, then
// the text of a str, bytes or bytearray.
func (in *Interp) numberLong(x Value) (Value, error) {
	switch {
	case isInt(x):
		return in.exactInt(x)
	case x.IsFloat():
		return in.floatToInt(x.FloatValue())
	}
	if isClassInstance(x) {
		r, found, err := in.callSpecial(x, "__int__")
		if err != nil {
			return Value{}, err
		}
		if found {
			defer in.decRef(r)
			if !isInt(r) {
				return Value{}, in.raise(typeErrorType, "__int__ returned non-int (type %s)", r.Type().Name)
			}
			return in.exactInt(r)
		}
		if ok, err := in.hasIndex(x); err != nil || ok {
			if err != nil {
				return Value{}, err
			}
			return in.numberIndex(x)
		}
		r, found, err = in.callSpecial(x, "__trunc__")
		if err != nil {
			return Value{}, err
		}
		if found {
			defer in.decRef(r)
			if isInt(r) {
				return in.exactInt(r)
			}
			if ok, err := in.hasIndex(r); err != nil || !ok {
				if err != nil {
					return Value{}, err
				}
				return Value{}, in.raise(typeErrorType, "__trunc__ returned non-Integral (type %s)", r.Type().Name)
			}
			return in.numberIndex(r)
		}
	}
	if isNumberSource(x) {
		return in.intFromText(x, 10)
	}
	return Value{}, in.raise(typeErrorType, "int() argument must be a string, a bytes-like object or a real number, not '%s'", x.Type().Name)
}

// intRound is int.__round__(ndigits): the int itself for ndigits >= 0,
// else rounded to a multiple of 10**-ndigits, ties to even.
func (in *Interp) intRound(self, ndigits Value) (Value, error) {
	nd, err := in.numberIndex(ndigits)
	if err != nil {
		return Value{}, err
	}
	defer in.decRef(nd)
	var zn big.Int
	k := bigOf(nd, &zn)
	if k.Sign() >= 0 {
		return in.exactInt(self)
	}
	var zx big.Int
	x := bigOf(self, &zx)
	// 10**-ndigits > 2**(3*-ndigits); once that is at least 2*|x| the
	// result is 0 (a tie included: 0 is even), so huge ndigits never
	// compute their power of ten.
	if !k.IsInt64() || -k.Int64() >= int64(x.BitLen()+1)/3+1 {
		return Int(0), nil
	}
	var p big.Int
	p.Exp(big.NewInt(10), big.NewInt(-k.Int64()), nil)
	var q, r big.Int
	q.QuoRem(x, &p, &r) // truncated: r has x's sign
	var twice big.Int
	twice.Abs(&r).Lsh(&twice, 1)
	if c := twice.Cmp(&p); c > 0 || c == 0 && q.Bit(0) == 1 {
		if x.Sign() < 0 {
			q.Sub(&q, big.NewInt(1))
		} else {
			q.Add(&q, big.NewInt(1))
		}
	}
	return in.newInt(q.Mul(&q, &p))
}

// clinicKwOnlyArgs parses the arguments of a method whose first maxPos
// parameters may be positional and the rest keyword-only, with argument
// clinic's messages.
func (in *Interp) clinicKwOnlyArgs(fname string, args []Value, kwnames []Value, names []string, maxPos, required int, out ...*Value) error {
	if npos := len(args) - len(kwnames); npos > maxPos {
		return in.raise(typeErrorType, "%s() takes at most %d positional argument%s (%d given)", fname, maxPos, pluralS(maxPos), npos)
	}
	return in.parseArgs(fname, args, kwnames, names, required, out...)
}

// intByteOrder reads the byteorder argument of to_bytes and from_bytes:
// little is true for 'little', false for 'big' or when not given.
func (in *Interp) intByteOrder(fname string, v Value) (little bool, err error) {
	if v.IsNil() {
		return false, nil
	}
	if v.Type() != strType {
		return false, in.raise(typeErrorType, "%s() argument 'byteorder' must be str, not %s", fname, v.Type().Name)
	}
	switch v.GoString() {
	case "little":
		return true, nil
	case "big":
		return false, nil
	}
	return false, in.raise(valueErrorType, "byteorder must be either 'little' or 'big'")
}

// intToBytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func intToBytes(in *Interp, args []Value, kwnames []Value) (Value, error) {
	var length, order, signed Value
	if err := in.clinicKwOnlyArgs("to_bytes", args[1:], kwnames, []string{"length", "byteorder", "signed"}, 2, 0, &length, &order, &signed); err != nil {
		return Value{}, err
	}
	n := int64(1)
	if !length.IsNil() {
		var err error
		if n, err = in.indexSize(length); err != nil {
			return Value{}, err
		}
	}
	if !order.IsNil() && order.Type() != strType {
		return in.intByteOrderError("to_bytes", order)
	}
	isSigned := false
	if !signed.IsNil() {
		var err error
		if isSigned, err = in.Truth(signed); err != nil {
			return Value{}, err
		}
	}
	little, err := in.intByteOrder("to_bytes", order)
	if err != nil {
		return Value{}, err
	}
	if n < 0 {
		return Value{}, in.raise(valueErrorType, "length argument must be non-negative")
	}
	var zx big.Int
	x := bigOf(args[0], &zx)
	if x.Sign() < 0 && !isSigned {
		return Value{}, in.raise(overflowErrorType, "can't convert negative int to unsigned")
	}
	fits := false
	switch {
	case !isSigned:
		fits = int64(x.BitLen()) <= 8*n
	case x.Sign() >= 0:
		fits = int64(x.BitLen()) < 8*n
	default:
		var m big.Int
		m.Neg(x).Sub(&m, big.NewInt(1))
		fits = int64(m.BitLen()) < 8*n
	}
	if !fits {
		return Value{}, in.raise(overflowErrorType, "int too big to convert")
	}
	if n > maxIntBits {
		return Value{}, in.memoryError()
	}
	buf := make([]byte, n)
	if x.Sign() < 0 {
		var m big.Int
		m.Lsh(big.NewInt(1), uint(8*n)).Add(&m, x) // two's complement
		m.FillBytes(buf)
	} else {
		x.FillBytes(buf)
	}
	if little {
		reverseByteSlice(buf)
	}
	return in.newBytes(buf)
}

// intByteOrderError raises the TypeError of a byteorder that is not a str.
func (in *Interp) intByteOrderError(fname string, v Value) (Value, error) {
	_, err := in.intByteOrder(fname, v)
	return Value{}, err
}

func reverseByteSlice(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

// intFromBytes is the class method int.from_bytes(bytes, byteorder='big',
// *, signed=False); a subclass (bool) gets cls(the int).
func intFromBytes(in *Interp, args []Value, kwnames []Value) (Value, error) {
	cls := (*Type)(args[0].p)
	var data, order, signed Value
	if err := in.clinicKwOnlyArgs("from_bytes", args[1:], kwnames, []string{"bytes", "byteorder", "signed"}, 2, 1, &data, &order, &signed); err != nil {
		return Value{}, err
	}
	if !order.IsNil() && order.Type() != strType {
		return in.intByteOrderError("from_bytes", order)
	}
	isSigned := false
	if !signed.IsNil() {
		var err error
		if isSigned, err = in.Truth(signed); err != nil {
			return Value{}, err
		}
	}
	little, err := in.intByteOrder("from_bytes", order)
	if err != nil {
		return Value{}, err
	}
	b, err := in.bytesLikeContent(data)
	if err != nil {
		return Value{}, err
	}
	if little {
		b = append([]byte(nil), b...)
		reverseByteSlice(b)
	}
	var z big.Int
	z.SetBytes(b)
	if isSigned && len(b) > 0 && b[0]&0x80 != 0 {
		var m big.Int
		z.Sub(&z, m.Lsh(big.NewInt(1), uint(8*len(b))))
	}
	v, err := in.newInt(&z)
	if err != nil || cls == intType {
		return v, err
	}
	defer in.decRef(v)
	return in.Call(valueOf(cls), []Value{v}, nil)
}

// bytesLikeContent is the content of bytes(v) for a bytes-like object, a class
// with __bytes__, or an iterable of ints in range(256) (CPython's
// PyObject_Bytes). The result must not be modified.
func (in *Interp) bytesLikeContent(v Value) ([]byte, error) {
	t := v.Type()
	switch {
	case t.IsSubtype(bytesType):
		return asObject[Bytes](v).b, nil
	case t.IsSubtype(bytearrayType):
		return asObject[ByteArray](v).b, nil
	case t == memoryviewType:
		// Any view, as bytes(view) copies it.
		if b, ok := bytesDataFull(v); ok {
			return b, nil
		}
		return nil, in.releasedViewError()
	case t.IsSubtype(strType):
		return nil, in.raise(typeErrorType, "cannot convert '%s' object to bytes", t.Name)
	}
	if isClassInstance(v) {
		r, found, err := in.callSpecial(v, "__bytes__")
		if err != nil {
			return nil, err
		}
		if found {
			defer in.decRef(r)
			if !r.Type().IsSubtype(bytesType) {
				return nil, in.raise(typeErrorType, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
			}
			// A copy: the object is released before the bytes are used.
			return append([]byte(nil), asObject[Bytes](r).b...), nil
		}
	}
	it, err := in.getIter(v)
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type().IsSubtype(typeErrorType) {
			in.decRef(valueOf(e))
			return nil, in.raise(typeErrorType, "cannot convert '%s' object to bytes", t.Name)
		}
		return nil, err
	}
	defer in.decRef(it)
	var out []byte
	for {
		x, ok, err := in.iterNext(it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		i, err := in.indexClipped(x)
		in.decRef(x)
		if err != nil {
			return nil, err
		}
		if i < 0 || i > 255 {
			return nil, in.raise(valueErrorType, "bytes must be in range(0, 256)")
		}
		out = append(out, byte(i))
	}
}

// numberFormatMethod is int.__format__ and float.__format__.
func numberFormatMethod(owner string) MethodFunc {
	return func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "%s.__format__() takes no keyword arguments", owner)
		}
		if len(args) != 2 {
			return Value{}, in.raise(typeErrorType, "%s.__format__() takes exactly one argument (%d given)", owner, len(args)-1)
		}
		if args[1].Type() != strType {
			return Value{}, in.raise(typeErrorType, "__format__() argument must be str, not %s", args[1].Type().Name)
		}
		return in.Format(args[0], args[1].GoString())
	}
}

// defNumNoArgs adds a method taking no arguments (METH_NOARGS), with its
// messages naming the type.
func defNumNoArgs(t *Type, name string, fn func(in *Interp, self Value) (Value, error)) {
	defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.raise(typeErrorType, "%s.%s() takes no keyword arguments", t.Name, name)
		}
		if len(args) != 1 {
			return Value{}, in.raise(typeErrorType, "%s.%s() takes no arguments (%d given)", t.Name, name, len(args)-1)
		}
		return fn(in, args[0])
	})
}

// numSlotWrapperArgs checks the arguments of a slot wrapper (int.__neg__,
// int.__add__): no keywords and exactly n positional arguments.
func (in *Interp) numSlotWrapperArgs(name string, args []Value, kwnames []Value, n int) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "wrapper %s() takes no keyword arguments", name)
	}
	if len(args)-1 != n {
		return in.raise(typeErrorType, "expected %d argument%s, got %d", n, pluralS(n), len(args)-1)
	}
	return nil
}

// defNumSlot0 adds a slot wrapper taking no arguments.
func defNumSlot0(t *Type, name string, fn func(in *Interp, self Value) (Value, error)) {
	defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.numSlotWrapperArgs(name, args, kwnames, 0); err != nil {
			return Value{}, err
		}
		return fn(in, args[0])
	})
}

// defNumSlot1 adds a slot wrapper taking one argument.
func defNumSlot1(t *Type, name string, fn func(in *Interp, self, other Value) (Value, error)) {
	defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.numSlotWrapperArgs(name, args, kwnames, 1); err != nil {
			return Value{}, err
		}
		return fn(in, args[0], args[1])
	})
}

// defNumUnaryDunders adds __neg__, __pos__, __abs__ and __invert__ for the
// unary slots t has.
func defNumUnaryDunders(t *Type) {
	n := t.number
	for _, u := range []struct {
		name string
		fn   func(in *Interp, v Value) (Value, error)
	}{{"__neg__", n.neg}, {"__pos__", n.pos}, {"__abs__", n.abs}, {"__invert__", n.invert}} {
		if u.fn != nil {
			defNumSlot0(t, u.name, u.fn)
		}
	}
}

// defNumArithDunders adds the binary special methods of t's number slots:
// __add__ and __radd__ and so on, __pow__ and __rpow__ with their
// optional modulus (pow3), and __divmod__ and __rdivmod__.
func defNumArithDunders(t *Type, pow3 func(in *Interp, a, b, c Value) (Value, error), divmod func(in *Interp, a, b Value) (Value, error)) {
	for op, slot := range t.number.binary {
		if slot == nil || BinaryOp(op) == OpPow {
			continue
		}
		defNumSlot1(t, binaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, self, other) })
		defNumSlot1(t, rbinaryDunders[op], func(in *Interp, self, other Value) (Value, error) { return slot(in, other, self) })
	}
	defNumSlot1(t, "__divmod__", func(in *Interp, self, other Value) (Value, error) { return divmod(in, self, other) })
	defNumSlot1(t, "__rdivmod__", func(in *Interp, self, other Value) (Value, error) { return divmod(in, other, self) })
	for _, reflected := range []bool{false, true} {
		name := "__pow__"
		if reflected {
			name = "__rpow__"
		}
		defMethod(t, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if len(kwnames) > 0 {
				return Value{}, in.raise(typeErrorType, "wrapper %s() takes no keyword arguments", name)
			}
			if err := in.checkArgCount("", args[1:], nil, 1, 2); err != nil {
				return Value{}, err
			}
			mod := None
			if len(args) == 3 {
				mod = args[2]
			}
			if reflected {
				return pow3(in, args[1], args[0], mod)
			}
			return pow3(in, args[0], args[1], mod)
		})
	}
}

// defNumCompareDunders adds __eq__, __lt__ and the others, answering
// NotImplemented when accepts rejects the other operand.
func defNumCompareDunders(t *Type, accepts func(v Value) bool) {
	for op, name := range compareDunders {
		op := CompareOp(op)
		defNumSlot1(t, name, func(in *Interp, self, other Value) (Value, error) {
			if !accepts(other) {
				return NotImplemented, nil
			}
			return numberCompare(in, self, other, op)
		})
	}
}
