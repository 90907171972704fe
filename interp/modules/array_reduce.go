package modules

import (
	"encoding/binary"
	"math"

	"github.com/parallel-py/parallel/interp"
)

// Pickling arrays: __reduce_ex__ and _array_reconstructor, which
// rebuilds an array from the bytes of any machine's layout (the machine
// format codes of CPython's arraymodule: the width, signedness and byte
// order of the items).

// arrayMformat describes a machine format code, indexed by the code.
// The UTF-16 and UTF-32 entries have CPython's sizes (4 and 8), which
// its length check uses.
var arrayMformats = []struct {
	size      int
	signed    bool
	bigEndian bool
}{
	{1, false, false}, {1, true, false},
	{2, false, false}, {2, false, true}, {2, true, false}, {2, true, true},
	{4, false, false}, {4, false, true}, {4, true, false}, {4, true, true},
	{8, false, false}, {8, false, true}, {8, true, false}, {8, true, true},
	{4, false, false}, {4, false, true}, // IEEE 754 float
	{8, false, false}, {8, false, true}, // IEEE 754 double
	{4, false, false}, {4, false, true}, // UTF-16
	{8, false, false}, {8, false, true}, // UTF-32
}

// The machine format codes of the floats and the characters.
const (
	mformatFloatLE  = 14
	mformatDoubleLE = 16
	mformatUTF16LE  = 18
)

// arrayReconstructorValue is the module's _array_reconstructor, which
// __reduce_ex__ names.
var arrayReconstructorValue = interp.NewBuiltin("_array_reconstructor", arrayReconstructor)

// arrayReduceEx is array.__reduce_ex__(protocol).
func arrayReduceEx(in *interp.Interp, self, value Value) (Value, error) {
	if !interp.IsInt(value) {
		return Value{}, in.Raise(interp.TypeError, "__reduce_ex__ argument should be an integer")
	}
	protocol, ok := interp.IntValue(value)
	if !ok {
		return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	}
	dict, err := in.LookupAttr(self, interp.ImmortalStr("__dict__"))
	if err != nil {
		return Value{}, err
	}
	if dict.IsNil() {
		dict = interp.None
	}
	a := arrayOf(self)
	cls := interp.TypeValue(self.Type())
	interp.IncRef(cls)
	code, err := in.NewStr(string(rune(a.desc.code)))
	if err != nil {
		in.DecRef(dict)
		in.DecRef(cls)
		return Value{}, err
	}
	var data Value
	if protocol < 3 {
		data, err = a.tolist(in)
	} else {
		data, err = in.NewBytes(a.data)
	}
	if err != nil {
		releaseAll(in, []Value{dict, cls, code})
		return Value{}, err
	}
	var args Value
	if protocol < 3 {
		if args, err = newTupleOwned(in, []Value{code, data}); err != nil {
			releaseAll(in, []Value{dict, cls})
			return Value{}, err
		}
		return newTupleOwned(in, []Value{cls, args, dict})
	}
	if args, err = newTupleOwned(in, []Value{cls, code, interp.Int(int64(a.desc.mformat)), data}); err != nil {
		in.DecRef(dict)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{arrayReconstructorValue, args, dict})
}

// arrayReconstructor is _array_reconstructor(arraytype, typecode,
// mformat_code, items).
func arrayReconstructor(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if err := in.CheckArgCount("_array_reconstructor", args, kwnames, 4, 4); err != nil {
		return Value{}, err
	}
	c, err := unicodeCharArg(in, "_array_reconstructor() argument 2", args[1])
	if err != nil {
		return Value{}, err
	}
	mformat, err := arrayCInt(in, args[2])
	if err != nil {
		return Value{}, err
	}
	t := interp.AsType(args[0])
	if t == nil {
		return Value{}, in.Raise(interp.TypeError, "first argument must be a type object, not %s", args[0].Type().Name)
	}
	if !t.IsSubtype(arrayType) {
		return Value{}, in.Raise(interp.TypeError, "%s is not a subtype of array.array", t.Name)
	}
	d := arrayDescOf(c)
	if d == nil {
		return Value{}, in.Raise(interp.ValueError, "second argument must be a valid type code")
	}
	if mformat < 0 || mformat >= len(arrayMformats) {
		return Value{}, in.Raise(interp.ValueError, "third argument must be a valid machine format code.")
	}
	items := args[3]
	if !interp.IsBytes(items) {
		return Value{}, in.Raise(interp.TypeError, "fourth argument should be bytes, not %s", items.Type().Name)
	}
	if mformat == d.mformat {
		return arrayMake(in, t, d.code, items)
	}
	mf := arrayMformats[mformat]
	b, _ := interp.BufferBytes(items)
	if len(b)%mf.size != 0 {
		return Value{}, in.Raise(interp.ValueError, "string length not a multiple of item size")
	}
	var order binary.ByteOrder = binary.LittleEndian
	if mf.bigEndian {
		order = binary.BigEndian
	}
	var converted Value
	code := d.code
	switch {
	case mformat >= mformatUTF16LE:
		enc := [...]string{"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}[mformat-mformatUTF16LE]
		encv, err := in.NewStr(enc)
		if err != nil {
			return Value{}, err
		}
		converted, err = in.CallMethod(items, "decode", []Value{encv}, nil)
		in.DecRef(encv)
		if err != nil {
			return Value{}, err
		}
	default:
		values := make([]Value, 0, len(b)/mf.size)
		for off := 0; off < len(b); off += mf.size {
			chunk := b[off : off+mf.size]
			var x Value
			switch {
			case mformat >= mformatDoubleLE:
				x = interp.Float(math.Float64frombits(order.Uint64(chunk)))
			case mformat >= mformatFloatLE:
				x = interp.Float(float32Value(order.Uint32(chunk)))
			default:
				u := getUint(order, chunk)
				if mf.signed {
					shift := 64 - 8*uint(mf.size)
					x = interp.Int(int64(u<<shift) >> shift)
				} else if x, err = newUint(in, u); err != nil {
					releaseAll(in, values)
					return Value{}, err
				}
			}
			values = append(values, x)
		}
		if mformat < mformatFloatLE {
			// The integer typecode of that width and signedness (the
			// last one, as CPython picks it) holds the items.
			for _, e := range arrayDescs {
				if e.kind == 'i' && e.size == mf.size && e.signed == mf.signed {
					code = e.code
				}
			}
		}
		l, err := in.NewList(values...)
		releaseAll(in, values)
		if err != nil {
			return Value{}, err
		}
		converted = l
	}
	defer in.DecRef(converted)
	return arrayMake(in, t, code, converted)
}

// arrayMake is CPython's make_array: array_new(t, (typecode, items)).
func arrayMake(in *interp.Interp, t *interp.Type, code byte, items Value) (Value, error) {
	c, err := in.NewStr(string(rune(code)))
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(c)
	return arrayNew(in, t, []Value{c, items}, nil)
}

// arrayCInt is the "i" argument format: an int through __index__ that
// fits a C int.
func arrayCInt(in *interp.Interp, v Value) (int, error) {
	n, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	i, ok := interp.IntValue(n)
	in.DecRef(n)
	if !ok || i < math.MinInt32 || i > math.MaxInt32 {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
	}
	return int(i), nil
}
