package modules

import (
	"encoding/binary"
	"math"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// The array module of CPython 3.12: the array type's storage, item
// conversions and construction (this file); its sequence protocol,
// comparisons and operators (array_seq.go); its methods and iterator
// (array_methods.go); pickling and _array_reconstructor
// (array_reduce.go). Items live in a byte buffer in the native
// (little-endian, x86-64) layout, which the buffer protocol exports
// (see interp.RegisterBuffer).

var arrayTable moduleTable

func init() { interp.RegisterModule("array", initArray) }

func initArray(in *interp.Interp, m *interp.Module) error { return arrayTable.fill(in, m) }

// arrayDesc describes a typecode: its item size, its kind ('i'
// integers, 'f' floats, 'u' characters) and its machine format code
// (for pickling).
type arrayDesc struct {
	code    byte
	size    int
	kind    byte
	signed  bool
	mformat int
}

// arrayDescs are the typecodes in CPython's order (the order
// _array_reconstructor searches them in).
var arrayDescs = []*arrayDesc{
	{'b', 1, 'i', true, 1}, {'B', 1, 'i', false, 0}, {'u', 4, 'u', false, 20},
	{'h', 2, 'i', true, 4}, {'H', 2, 'i', false, 2}, {'i', 4, 'i', true, 8}, {'I', 4, 'i', false, 6},
	{'l', 8, 'i', true, 12}, {'L', 8, 'i', false, 10}, {'q', 8, 'i', true, 12}, {'Q', 8, 'i', false, 10},
	{'f', 4, 'f', true, 14}, {'d', 8, 'f', true, 16},
}

const arrayTypecodes = "bBuhHiIlLqQfd"

// arrayDescOf returns the descriptor of typecode c, or nil.
func arrayDescOf(c rune) *arrayDesc {
	for _, d := range arrayDescs {
		if rune(d.code) == c {
			return d
		}
	}
	return nil
}

// arrayObject is an array: n items of desc in data (n*size bytes).
// allocated is the items the buffer has room for, grown and shrunk as
// CPython's array_resize does, so that __sizeof__ agrees.
type arrayObject struct {
	alloc.Header
	desc      *arrayDesc
	data      []byte
	allocated int
}

var arrayType, arrayIterType *interp.Type

func arrayOf(v Value) *arrayObject { return interp.ObjectOf[arrayObject](v) }

func isArray(v Value) bool { return interp.IsInstance(v, arrayType) }

// n is the number of items.
func (a *arrayObject) n() int { return len(a.data) / a.desc.size }

// arrayMaxBytes bounds an array's buffer; past it the array is refused
// with MemoryError before anything is allocated.
const arrayMaxBytes = 1 << 40

// resize gives the array newsize items (the new ones zero), with
// CPython's over-allocation.
func (a *arrayObject) resize(in *interp.Interp, v Value, newsize int) error {
	size := a.desc.size
	if newsize < 0 || newsize > arrayMaxBytes/size {
		return in.NoMemory()
	}
	n := a.n()
	if a.allocated >= newsize && n < newsize+16 && a.allocated > 0 {
		old := len(a.data)
		a.data = a.data[:newsize*size]
		clear(a.data[min(old, len(a.data)):])
		return nil
	}
	if newsize == 0 {
		_ = in.AccountBytes(v, -a.allocated*size)
		a.data, a.allocated = nil, 0
		return nil
	}
	alloc := newsize>>4 + newsize
	if n < 8 {
		alloc += 3
	} else {
		alloc += 7
	}
	return a.realloc(in, v, newsize, alloc)
}

// realloc moves the items (up to newsize of them) to a buffer of
// alloc items.
func (a *arrayObject) realloc(in *interp.Interp, v Value, newsize, alloc int) error {
	size := a.desc.size
	if err := in.AccountBytes(v, (alloc-a.allocated)*size); err != nil {
		return err
	}
	buf := make([]byte, newsize*size, alloc*size)
	copy(buf, a.data)
	a.data, a.allocated = buf, alloc
	return nil
}

// newArray makes an empty array of type t (array or a subclass) with
// room for exactly n zero items, as CPython's newarrayobject.
func newArray(in *interp.Interp, t *interp.Type, d *arrayDesc, n int) (Value, error) {
	if n < 0 || n > arrayMaxBytes/d.size {
		return Value{}, in.NoMemory()
	}
	a, err := interp.NewObject[arrayObject](in, t)
	if err != nil {
		return Value{}, err
	}
	a.desc = d
	v := interp.ValueOf(a)
	if n > 0 {
		if err := a.realloc(in, v, n, n); err != nil {
			in.DecRef(v)
			return Value{}, err
		}
	}
	return v, nil
}

// newArrayBytes makes an array of type array holding a copy of data.
func newArrayBytes(in *interp.Interp, d *arrayDesc, data []byte) (Value, error) {
	v, err := newArray(in, arrayType, d, len(data)/d.size)
	if err == nil {
		copy(arrayOf(v).data, data)
	}
	return v, err
}

func arrayDealloc(in *interp.Interp, v Value) {
	a := arrayOf(v)
	if a.allocated > 0 && a.desc != nil {
		_ = in.AccountBytes(v, -a.allocated*a.desc.size)
	}
	a.data, a.allocated = nil, 0
}

// raw returns the bits of item i.
func (a *arrayObject) raw(i int) uint64 {
	size := a.desc.size
	return getUint(binary.LittleEndian, a.data[i*size:(i+1)*size])
}

// setRaw stores the bits of item i.
func (a *arrayObject) setRaw(i int, u uint64) {
	size := a.desc.size
	putUint(binary.LittleEndian, a.data[i*size:(i+1)*size], u)
}

// item returns item i as a Python object.
func (a *arrayObject) item(in *interp.Interp, i int) (Value, error) {
	return arrayBox(in, a.desc, a.raw(i))
}

// arrayBox makes the Python object of an item's bits.
func arrayBox(in *interp.Interp, d *arrayDesc, u uint64) (Value, error) {
	switch d.kind {
	case 'f':
		if d.size == 4 {
			return interp.Float(float32Value(uint32(u))), nil
		}
		return interp.Float(math.Float64frombits(u)), nil
	case 'u':
		r := uint32(u)
		if r > 0x10ffff {
			return Value{}, in.Raise(interp.ValueError, "chr() arg not in range(0x110000)")
		}
		return in.NewStrRunes([]rune{rune(r)})
	}
	if d.signed {
		shift := 64 - 8*uint(d.size)
		return interp.Int(int64(u<<shift) >> shift), nil
	}
	return newUint(in, u)
}

// arrayLong is the "l" conversion of an item: an int through
// __index__, OverflowError past a C long.
func arrayLong(in *interp.Interp, v Value) (int64, error) {
	n, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	i, ok := interp.IntValue(n)
	in.DecRef(n)
	if !ok {
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
	}
	return i, nil
}

// arrayUnsigned converts an item for 'I', 'L' and 'Q': an int through
// __index__ that is not negative and fits 64 bits, with the messages of
// PyLong_AsUnsignedLong (long) or PyLong_AsUnsignedLongLong.
func arrayUnsigned(in *interp.Interp, v Value, long bool) (uint64, error) {
	n, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(n)
	if i, ok := interp.IntValue(n); ok {
		if i >= 0 {
			return uint64(i), nil
		}
	} else if b := interp.BigIntOf(n); b.Sign() > 0 {
		if b.BitLen() <= 64 {
			return b.Uint64(), nil
		}
		if long {
			return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C unsigned long")
		}
		return 0, in.Raise(interp.OverflowError, "int too big to convert")
	}
	if long {
		return 0, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
	}
	return 0, in.Raise(interp.OverflowError, "can't convert negative int to unsigned")
}

// arrayRange checks x against [lo, hi] with the message's name.
func arrayRange(in *interp.Interp, x, lo, hi int64, name string) error {
	switch {
	case x < lo:
		return in.Raise(interp.OverflowError, "%s is less than minimum", name)
	case x > hi:
		return in.Raise(interp.OverflowError, "%s is greater than maximum", name)
	}
	return nil
}

// arrayConvert converts v to the bits of an item of d, with the
// cascade of conversions (and messages) of CPython's setitem functions.
func arrayConvert(in *interp.Interp, d *arrayDesc, v Value) (uint64, error) {
	switch d.kind {
	case 'f':
		x, err := in.ToFloat(v)
		if err != nil {
			return 0, err
		}
		if d.size == 4 {
			return uint64(float32Bits(x)), nil
		}
		return math.Float64bits(x), nil
	case 'u':
		if interp.IsStr(v) {
			if rs := interp.StrRunes(v); len(rs) == 1 {
				return uint64(rs[0]), nil
			}
		}
		return 0, in.Raise(interp.TypeError, "array item must be unicode character")
	}
	switch d.code {
	case 'I', 'L', 'Q':
		u, err := arrayUnsigned(in, v, d.code != 'Q')
		if err == nil && d.code == 'I' && u > math.MaxUint32 {
			return 0, in.Raise(interp.OverflowError, "unsigned int is greater than maximum")
		}
		return u, err
	case 'q':
		n, err := in.Index(v)
		if err != nil {
			return 0, err
		}
		i, ok := interp.IntValue(n)
		in.DecRef(n)
		if !ok {
			return 0, in.Raise(interp.OverflowError, "int too big to convert")
		}
		return uint64(i), nil
	}
	x, err := arrayLong(in, v)
	if err != nil {
		return 0, err
	}
	switch d.code {
	case 'b':
		err = arrayRange(in, x, math.MinInt16, math.MaxInt16, "signed short integer")
		if err == nil {
			err = arrayRange(in, x, math.MinInt8, math.MaxInt8, "signed char")
		}
	case 'B':
		err = arrayRange(in, x, 0, math.MaxUint8, "unsigned byte integer")
	case 'h':
		err = arrayRange(in, x, math.MinInt16, math.MaxInt16, "signed short integer")
	case 'H':
		err = arrayRange(in, x, math.MinInt32, math.MaxInt32, "signed integer")
		if err == nil {
			err = arrayRange(in, x, 0, math.MaxUint16, "unsigned short")
		}
	case 'i':
		err = arrayRange(in, x, math.MinInt32, math.MaxInt32, "signed integer")
	}
	return uint64(x), err
}

// set converts v and stores it as item i.
func (a *arrayObject) set(in *interp.Interp, i int, v Value) error {
	u, err := arrayConvert(in, a.desc, v)
	if err != nil {
		return err
	}
	if i >= a.n() { // the conversion ran code that shrank the array
		return in.Raise(interp.IndexError, "array assignment index out of range")
	}
	a.setRaw(i, u)
	return nil
}

// insert converts x and inserts it before item where (CPython's ins1).
func (a *arrayObject) insert(in *interp.Interp, v Value, where int, x Value) error {
	u, err := arrayConvert(in, a.desc, x)
	if err != nil {
		return err
	}
	n := a.n()
	if where < 0 {
		where = max(where+n, 0)
	}
	where = min(where, n)
	if err := a.resize(in, v, n+1); err != nil {
		return err
	}
	size := a.desc.size
	copy(a.data[(where+1)*size:], a.data[where*size:n*size])
	a.setRaw(where, u)
	return nil
}

// arrayNew is array.__new__(typecode[, initializer]).
func arrayNew(in *interp.Interp, t *interp.Type, args []Value, kwnames []Value) (Value, error) {
	// Keywords are refused unless a subclass's own __init__ takes them.
	if t == arrayType || !in.Overrides(t, "__init__") {
		if err := in.NoKeywords("array.array", kwnames); err != nil {
			return Value{}, err
		}
	}
	args = args[:len(args)-len(kwnames)]
	switch {
	case len(args) == 0:
		return Value{}, in.Raise(interp.TypeError, "array() takes at least 1 argument (0 given)")
	case len(args) > 2:
		return Value{}, in.Raise(interp.TypeError, "array() takes at most 2 arguments (%d given)", len(args))
	}
	c, err := unicodeCharArg(in, "array() argument 1", args[0])
	if err != nil {
		return Value{}, err
	}
	var initial Value
	if len(args) > 1 {
		initial = args[1]
	}
	if !initial.IsNil() && c != 'u' {
		if interp.IsStr(initial) {
			return Value{}, in.Raise(interp.TypeError, "cannot use a str to initialize an array with typecode '%c'", c)
		}
		if isArray(initial) && arrayOf(initial).desc.code == 'u' {
			return Value{}, in.Raise(interp.TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", c)
		}
	}
	var it Value
	if !initial.IsNil() && !interp.IsInstance(initial, interp.ListType) && !interp.IsInstance(initial, interp.ByteArrayType) &&
		!interp.IsBytes(initial) && !interp.IsInstance(initial, interp.TupleType) && !(c == 'u' && interp.IsStr(initial)) &&
		!(isArray(initial) && rune(arrayOf(initial).desc.code) == c) {
		if it, err = in.Iter(initial); err != nil {
			return Value{}, err
		}
		defer in.DecRef(it)
		initial = Value{}
	}
	d := arrayDescOf(c)
	if d == nil {
		return Value{}, in.Raise(interp.ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
	}
	n := 0
	switch {
	case initial.IsNil():
	case interp.IsInstance(initial, interp.ListType):
		items, _ := interp.ListItems(initial)
		n = len(items)
	case interp.IsInstance(initial, interp.TupleType):
		items, _ := interp.TupleItems(initial)
		n = len(items)
	case isArray(initial):
		n = arrayOf(initial).n()
	}
	v, err := newArray(in, t, d, n)
	if err != nil {
		return Value{}, err
	}
	a := arrayOf(v)
	switch {
	case n > 0 && !isArray(initial):
		for i := 0; i < n; i++ {
			x, err := in.GetItem(initial, interp.Int(int64(i)))
			if err == nil {
				err = a.set(in, i, x)
				in.DecRef(x)
			}
			if err != nil {
				in.DecRef(v)
				return Value{}, err
			}
		}
	case !initial.IsNil() && (interp.IsBytes(initial) || interp.IsInstance(initial, interp.ByteArrayType)):
		b, _ := interp.BufferBytes(initial)
		if err := a.frombytes(in, v, b); err != nil {
			in.DecRef(v)
			return Value{}, err
		}
	case n > 0:
		copy(a.data, arrayOf(initial).data)
	case !initial.IsNil() && interp.IsStr(initial):
		if err := a.fromunicode(in, v, initial); err != nil {
			in.DecRef(v)
			return Value{}, err
		}
	}
	if !it.IsNil() {
		if err := a.extendIter(in, v, it); err != nil {
			in.DecRef(v)
			return Value{}, err
		}
	}
	return v, nil
}

// unicodeCharArg is the "C" argument format: a str of one character.
func unicodeCharArg(in *interp.Interp, what string, v Value) (rune, error) {
	if !interp.IsStr(v) {
		return 0, in.Raise(interp.TypeError, "%s must be a unicode character, not %s", what, v.Type().Name)
	}
	rs := interp.StrRunes(v)
	if len(rs) != 1 {
		return 0, in.Raise(interp.TypeError, "%s must be a unicode character, not %s", what, v.Type().Name)
	}
	return rs[0], nil
}

// frombytes appends the items in b.
func (a *arrayObject) frombytes(in *interp.Interp, v Value, b []byte) error {
	size := a.desc.size
	if len(b)%size != 0 {
		return in.Raise(interp.ValueError, "bytes length not a multiple of item size")
	}
	n := a.n()
	b = append([]byte(nil), b...) // b may be the array's own buffer
	if err := a.resize(in, v, n+len(b)/size); err != nil {
		return err
	}
	copy(a.data[n*size:], b)
	return nil
}

// fromunicode appends the characters of the str s ('u' arrays).
func (a *arrayObject) fromunicode(in *interp.Interp, v Value, s Value) error {
	rs := interp.StrRunes(s)
	n := a.n()
	if err := a.resize(in, v, n+len(rs)); err != nil {
		return err
	}
	for i, r := range rs {
		a.setRaw(n+i, uint64(r))
	}
	return nil
}

// extendIter appends the items of iterator it.
func (a *arrayObject) extendIter(in *interp.Interp, v, it Value) error {
	for {
		x, ok, err := in.Next(it)
		if err != nil || !ok {
			return err
		}
		err = a.insert(in, v, a.n(), x)
		in.DecRef(x)
		if err != nil {
			return err
		}
	}
}

// extend is array_do_extend: an array of the same typecode is copied,
// anything else iterated.
func (a *arrayObject) extend(in *interp.Interp, v, bb Value) error {
	if !isArray(bb) {
		it, err := in.Iter(bb)
		if err != nil {
			return err
		}
		defer in.DecRef(it)
		return a.extendIter(in, v, it)
	}
	b := arrayOf(bb)
	if b.desc != a.desc {
		return in.Raise(interp.TypeError, "can only extend with array of same kind")
	}
	src := append([]byte(nil), b.data...) // bb may be a
	n := a.n()
	if err := a.resize(in, v, n+len(src)/a.desc.size); err != nil {
		return err
	}
	copy(a.data[n*a.desc.size:], src)
	return nil
}

const arrayModuleDoc = "This module defines an object type which can efficiently represent\n" +
	"an array of basic values: characters, integers, floating point\n" +
	"numbers.  Arrays are sequence types and behave very much like lists,\n" +
	"except that the type of objects stored in them is constrained.\n"

// arrayDoc is array.array.__doc__.
const arrayDoc = "array(typecode [, initializer]) -> array\n" +
	"\n" +
	"Return a new array whose items are restricted by typecode, and\n" +
	"initialized from the optional initializer value, which must be a list,\n" +
	"string or iterable over elements of the appropriate type.\n" +
	"\n" +
	"Arrays represent basic values and behave very much like lists, except\n" +
	"the type of objects stored in them is constrained. The type is specified\n" +
	"at object creation time by using a type code, which is a single character.\n" +
	"The following type codes are defined:\n" +
	"\n" +
	"    Type code   C Type             Minimum size in bytes\n" +
	"    'b'         signed integer     1\n" +
	"    'B'         unsigned integer   1\n" +
	"    'u'         Unicode character  2 (see note)\n" +
	"    'h'         signed integer     2\n" +
	"    'H'         unsigned integer   2\n" +
	"    'i'         signed integer     2\n" +
	"    'I'         unsigned integer   2\n" +
	"    'l'         signed integer     4\n" +
	"    'L'         unsigned integer   4\n" +
	"    'q'         signed integer     8 (see note)\n" +
	"    'Q'         unsigned integer   8 (see note)\n" +
	"    'f'         floating point     4\n" +
	"    'd'         floating point     8\n" +
	"\n" +
	"NOTE: The 'u' typecode corresponds to Python's unicode character. On\n" +
	"narrow builds this is 2-bytes on wide builds this is 4-bytes.\n" +
	"\n" +
	"NOTE: The 'q' and 'Q' type codes are only available if the platform\n" +
	"C compiler used to build Python supports 'long long', or, on Windows,\n" +
	"'__int64'.\n" +
	"\n" +
	"Methods:\n" +
	"\n" +
	"append() -- append a new item to the end of the array\n" +
	"buffer_info() -- return information giving the current memory info\n" +
	"byteswap() -- byteswap all the items of the array\n" +
	"count() -- return number of occurrences of an object\n" +
	"extend() -- extend array by appending multiple elements from an iterable\n" +
	"fromfile() -- read items from a file object\n" +
	"fromlist() -- append items from the list\n" +
	"frombytes() -- append items from the string\n" +
	"index() -- return index of first occurrence of an object\n" +
	"insert() -- insert a new item into the array at a provided position\n" +
	"pop() -- remove and return item (default last)\n" +
	"remove() -- remove first occurrence of an object\n" +
	"reverse() -- reverse the order of the items in the array\n" +
	"tofile() -- write all items to a file object\n" +
	"tolist() -- return the array converted to an ordinary list\n" +
	"tobytes() -- return the array converted to a string\n" +
	"\n" +
	"Attributes:\n" +
	"\n" +
	"typecode -- the typecode character used to create the array\n" +
	"itemsize -- the length in bytes of one array item\n"
