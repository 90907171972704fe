package modules

import (
	"encoding/binary"
	"math"
	"math/big"

	"github.com/parallel-py/parallel/interp"
)

// Packing and unpacking the items of a compiled struct format, with
// CPython 3.12's conversions and messages, and the IEEE conversions the
// array module shares: half floats rounded to nearest even, and NaNs
// kept as the x86-64 conversions keep them.

// order returns the byte order of the format's items.
func (f *structFormat) order() binary.ByteOrder {
	if f.big {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// pack writes args (len(args) == f.nitems) into buf (f.size bytes,
// zeroed).
func (f *structFormat) pack(in *interp.Interp, buf []byte, args []Value) error {
	k := 0
	for _, code := range f.codes {
		switch code.c {
		case 's', 'p':
			if err := packString(in, buf[code.offset:code.offset+code.size], code.c, args[k]); err != nil {
				return err
			}
			k++
			continue
		}
		for r := 0; r < code.repeat; r++ {
			off := code.offset + r*code.size
			if err := f.packItem(in, buf[off:off+code.size], code.c, args[k]); err != nil {
				return err
			}
			k++
		}
	}
	return nil
}

// packString packs an 's' or 'p' item into dst.
func packString(in *interp.Interp, dst []byte, c byte, v Value) error {
	if !interp.IsBytes(v) && !interp.IsInstance(v, interp.ByteArrayType) {
		return structError(in, "argument for '%c' must be a bytes object", c)
	}
	b, _ := interp.BufferBytes(v)
	if c == 's' {
		copy(dst, b)
		return nil
	}
	n := min(len(b), len(dst)-1)
	if n < 0 {
		return nil // '0p' packs nothing
	}
	copy(dst[1:], b[:n])
	dst[0] = byte(min(n, 255))
	return nil
}

// packItem packs one item of format character c into dst.
func (f *structFormat) packItem(in *interp.Interp, dst []byte, c byte, v Value) error {
	switch c {
	case 'c':
		if b, ok := interp.BufferBytes(v); ok && interp.IsBytes(v) && len(b) == 1 {
			dst[0] = b[0]
			return nil
		}
		return structError(in, "char format requires a bytes object of length 1")
	case '?':
		t, err := in.Truth(v)
		if err != nil {
			return err
		}
		if t {
			dst[0] = 1
		}
		return nil
	case 'e', 'f', 'd':
		x, err := in.ToFloat(v)
		if err != nil {
			if !interp.ErrorIs(err, interp.BaseException) {
				return err
			}
			in.DiscardError(err)
			return structError(in, "required argument is not a float")
		}
		switch c {
		case 'e':
			h, ok := halfBits(x)
			if !ok {
				return in.Raise(interp.OverflowError, "float too large to pack with e format")
			}
			f.order().PutUint16(dst, h)
		case 'f':
			y := float32Bits(x)
			if !f.native && math.IsInf(float64(math.Float32frombits(y)), 0) && !math.IsInf(x, 0) {
				return in.Raise(interp.OverflowError, "float too large to pack with f format")
			}
			f.order().PutUint32(dst, y)
		default:
			f.order().PutUint64(dst, math.Float64bits(x))
		}
		return nil
	case 'P':
		return packPointer(in, dst, v)
	}
	// The integer formats.
	n, err := structInt(in, v)
	if err != nil {
		return err
	}
	size := len(dst)
	signed := c >= 'a' && c <= 'z'
	var u uint64
	if i, ok := interp.IntValue(n); ok {
		in.DecRef(n)
		switch {
		case signed && size < 8 && (i < -1<<(8*size-1) || i > 1<<(8*size-1)-1),
			!signed && (i < 0 || size < 8 && i >= 1<<(8*size)):
			return structRangeError(in, c, size, signed)
		}
		u = uint64(i)
	} else {
		b := interp.BigIntOf(n)
		in.DecRef(n)
		if signed || b.Sign() < 0 || b.BitLen() > 8*size {
			return structRangeError(in, c, size, signed)
		}
		u = b.Uint64()
	}
	putUint(f.order(), dst, u)
	return nil
}

// putUint writes the low len(dst) bytes of u.
func putUint(order binary.ByteOrder, dst []byte, u uint64) {
	switch len(dst) {
	case 1:
		dst[0] = byte(u)
	case 2:
		order.PutUint16(dst, uint16(u))
	case 4:
		order.PutUint32(dst, uint32(u))
	default:
		order.PutUint64(dst, u)
	}
}

// getUint reads an unsigned integer of len(src) bytes.
func getUint(order binary.ByteOrder, src []byte) uint64 {
	switch len(src) {
	case 1:
		return uint64(src[0])
	case 2:
		return uint64(order.Uint16(src))
	case 4:
		return uint64(order.Uint32(src))
	}
	return order.Uint64(src)
}

// structRangeError is the struct.error of an integer out of the range
// of its format.
func structRangeError(in *interp.Interp, c byte, size int, signed bool) error {
	if signed {
		return structError(in, "'%c' format requires %d <= number <= %d", c, int64(-1)<<(8*size-1), uint64(1)<<(8*size-1)-1)
	}
	max := uint64(math.MaxUint64)
	if size < 8 {
		max = 1<<(8*size) - 1
	}
	return structError(in, "'%c' format requires 0 <= number <= %d", c, max)
}

// structInt is CPython's get_pylong: an int, through __index__ for
// other types that have it, else struct.error.
func structInt(in *interp.Interp, v Value) (Value, error) {
	if interp.IsInt(v) {
		return in.Index(v)
	}
	m, err := in.LookupSpecial(v.Type(), "__index__")
	if err != nil {
		return Value{}, err
	}
	if m.IsNil() {
		return Value{}, structError(in, "required argument is not an integer")
	}
	return in.Index(v)
}

// packPointer packs a 'P' item: PyLong_AsVoidPtr's conversion, whose
// OverflowError becomes struct.error when the item is an int.
func packPointer(in *interp.Interp, dst []byte, v Value) error {
	n, err := structInt(in, v)
	if err != nil {
		return err
	}
	var u uint64
	if i, ok := interp.IntValue(n); ok {
		u = uint64(i)
	} else {
		b := interp.BigIntOf(n)
		msg := "Python int too large to convert to C unsigned long"
		if b.Sign() < 0 {
			msg = "Python int too large to convert to C long"
		}
		if b.Sign() < 0 || b.BitLen() > 64 {
			in.DecRef(n)
			if interp.IsInt(v) {
				return structError(in, "int too large to convert")
			}
			return in.Raise(interp.OverflowError, "%s", msg)
		}
		u = b.Uint64()
	}
	in.DecRef(n)
	binary.LittleEndian.PutUint64(dst, u)
	return nil
}

// unpack returns the tuple of the items in b (f.size bytes).
func (f *structFormat) unpack(in *interp.Interp, b []byte) (Value, error) {
	if f.nitems < 0 { // a Struct never initialized: CPython's PyTuple_New(-1)
		return Value{}, in.Raise(interp.ExcType("SystemError"), "Objects/tupleobject.c:36: bad argument to internal function")
	}
	items := make([]Value, 0, f.nitems)
	for _, code := range f.codes {
		for r := 0; r < code.repeat; r++ {
			off := code.offset + r*code.size
			v, err := f.unpackItem(in, b[off:off+code.size], code.c)
			if err != nil {
				releaseAll(in, items)
				return Value{}, err
			}
			items = append(items, v)
		}
	}
	return newTupleOwned(in, items)
}

// unpackItem reads one item of format character c from src.
func (f *structFormat) unpackItem(in *interp.Interp, src []byte, c byte) (Value, error) {
	order := f.order()
	switch c {
	case 'c', 's':
		return in.NewBytes(src)
	case 'p':
		if len(src) == 0 {
			return Value{}, in.Raise(interp.ExcType("SystemError"), "Negative size passed to PyBytes_FromStringAndSize")
		}
		n := min(int(src[0]), len(src)-1)
		return in.NewBytes(src[1 : 1+n])
	case '?':
		return interp.Bool(src[0] != 0), nil
	case 'e':
		return interp.Float(halfFloat(order.Uint16(src))), nil
	case 'f':
		return interp.Float(float32Value(order.Uint32(src))), nil
	case 'd':
		return interp.Float(math.Float64frombits(order.Uint64(src))), nil
	case 'P':
		return newUint(in, binary.LittleEndian.Uint64(src))
	}
	u := getUint(order, src)
	if c >= 'a' && c <= 'z' {
		shift := 64 - 8*uint(len(src))
		return interp.Int(int64(u<<shift) >> shift), nil
	}
	return newUint(in, u)
}

// newUint returns the int u.
func newUint(in *interp.Interp, u uint64) (Value, error) {
	if u <= math.MaxInt64 {
		return interp.Int(int64(u)), nil
	}
	return in.NewInt(new(big.Int).SetUint64(u))
}

// float32Bits converts x to a float32 as the x86-64 conversion does:
// rounded to nearest even, infinite past the range, and a NaN keeping
// its sign and the top of its payload, made quiet.
func float32Bits(x float64) uint32 {
	if math.IsNaN(x) {
		b := math.Float64bits(x)
		return uint32(b>>63)<<31 | 0x7fc00000 | uint32(b>>29)&0x3fffff
	}
	return math.Float32bits(float32(x))
}

// float32Value widens the float32 of bits u, a NaN keeping its sign and
// payload, made quiet.
func float32Value(u uint32) float64 {
	if u&0x7f800000 == 0x7f800000 && u&0x7fffff != 0 {
		return math.Float64frombits(uint64(u>>31)<<63 | 0x7ff8000000000000 | uint64(u&0x3fffff)<<29)
	}
	return float64(math.Float32frombits(u))
}

// quietNaN is the NaN C's NAN macro makes (math.NaN's payload differs).
const quietNaN = 0x7ff8000000000000

// halfBits converts x to IEEE 754 half precision, rounding to nearest
// even; ok is false when x is finite but too large. A NaN becomes the
// quiet NaN of its sign, as CPython 3.12's PyFloat_Pack2 makes it.
func halfBits(x float64) (h uint16, ok bool) {
	var sign uint16
	if math.Signbit(x) {
		sign = 0x8000
	}
	switch {
	case math.IsNaN(x):
		return sign | 0x7e00, true
	case math.IsInf(x, 0):
		return sign | 0x7c00, true
	case x == 0:
		return sign, true
	}
	x = math.Abs(x)
	frac, exp := math.Frexp(x) // x = frac * 2**exp, frac in [0.5, 1)
	frac *= 2
	exp--
	var e int
	switch {
	case exp >= 16:
		return 0, false
	case exp < -25:
		frac, e = 0, 0 // below half the smallest subnormal
	case exp < -14:
		frac, e = math.Ldexp(frac, 14+exp), 0 // subnormal
	default:
		frac, e = frac-1, exp+15
	}
	frac *= 1024
	bits := uint16(frac)
	rest := frac - float64(bits)
	if rest > 0.5 || rest == 0.5 && bits%2 == 1 {
		bits++
		if bits == 1024 {
			bits = 0
			e++
			if e == 31 {
				return 0, false
			}
		}
	}
	return sign | uint16(e)<<10 | bits, true
}

// halfFloat widens the half-precision float h.
func halfFloat(h uint16) float64 {
	neg := h&0x8000 != 0
	e := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	var x float64
	switch {
	case e == 0x1f && frac == 0:
		x = math.Inf(1)
	case e == 0x1f:
		x = math.Float64frombits(quietNaN)
	case e == 0:
		x = math.Ldexp(frac/1024, -14)
	default:
		x = math.Ldexp(1+frac/1024, e-15)
	}
	if neg {
		x = -x
	}
	return x
}
