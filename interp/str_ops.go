package interp

import (
	"math"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// The str type's construction, operators (+, *, %), subscription,
// iteration and the special methods that expose its slots.

func init() {
	strType.construct = strNew
	strType.new = strNew
	strType.init = objectInit
	strType.number = &numberSlots{}
	strType.number.binary[OpAdd] = strAdd
	strType.number.binary[OpMul] = strMul
	strType.number.binary[OpRemainder] = strMod
	strType.getitem = strGetItem
	strType.iter = strIter

	defStatic(strType, "__new__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if len(args) <= len(kwnames) {
			return Value{}, in.raise(typeErrorType, "str.__new__(): not enough arguments")
		}
		if !isType(args[0]) {
			return Value{}, in.raise(typeErrorType, "str.__new__(X): X is not a type object (%s)", args[0].Type().Name)
		}
		t := (*Type)(args[0].p)
		if !t.IsSubtype(strType) {
			return Value{}, in.raise(typeErrorType, "str.__new__(%s): %s is not a subtype of str", t.Name, t.Name)
		}
		return strNew(in, t, args[1:], kwnames)
	})
	defStrDunders()
}

// strNew is str(object=”, encoding=..., errors=...) for str and its
// subclasses: str(object), or the decoding of a bytes-like object when an
// encoding or errors is given.
func strNew(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
	var obj, enc, errs Value
	if err := in.parseArgs("str", args, kwnames, []string{"object", "encoding", "errors"}, 0, &obj, &enc, &errs); err != nil {
		return Value{}, err
	}
	var r Value
	var err error
	switch {
	case enc.IsNil() && errs.IsNil():
		if obj.IsNil() {
			r = emptyStr
		} else if r, err = in.Str(obj); err != nil {
			return Value{}, err
		}
	default:
		encoding, errors, err := in.codecArgs("str", enc, errs)
		if err != nil {
			return Value{}, err
		}
		if obj.IsNil() {
			r = emptyStr
			break
		}
		// Any bytes-like object with a simple buffer decodes.
		data, ok := bytesData(obj)
		if !ok {
			if isStr(obj) {
				return Value{}, in.raise(typeErrorType, "decoding str is not supported")
			}
			return Value{}, in.raise(typeErrorType, "decoding to str: need a bytes-like object, %s found", obj.Type().Name)
		}
		if r, err = in.decodeToStr(data, encoding, errors); err != nil {
			return Value{}, err
		}
	}
	if t == strType {
		return r, nil
	}
	defer in.decRef(r)
	return in.newStrSubclass(t, r)
}

// newStrSubclass makes an instance of t, a subclass of str, holding the
// text of the str v.
func (in *Interp) newStrSubclass(t *Type, v Value) (Value, error) {
	src := strObj(v)
	o := newInstanceStruct[Str](t) // with room for the instance dict
	if err := in.account(&o.Header, t, strSize+uintptr(len(src.s))); err != nil {
		return Value{}, err
	}
	o.s, o.length, o.ascii, o.hashed = src.s, src.length, src.ascii, false
	return valueOf(o), nil
}

// reserveStr accounts a str of nbytes bytes before its text is built, so
// that a result past the memory limit fails before Go allocates it;
// finishStr then gives it its text.
func (in *Interp) reserveStr(nbytes int64) (*Str, error) {
	if err := in.checkStrSize(nbytes); err != nil {
		return nil, err
	}
	o := in.strs.Get()
	if err := in.account(&o.Header, strType, strSize+uintptr(nbytes)); err != nil {
		in.strs.Put(o)
		return nil, err
	}
	o.s, o.length, o.ascii, o.hashed = "", 0, true, false
	return o, nil
}

// finishStr gives a str reserved for nbytes bytes its text s, of n code
// points.
func (in *Interp) finishStr(o *Str, nbytes int64, s string, n int, ascii bool) Value {
	if int64(len(s)) != nbytes {
		// A smaller result only shrinks the account, which cannot fail.
		in.heap.Resize(&o.Header, uintptr(nbytes), uintptr(len(s)))
	}
	o.s, o.length, o.ascii = s, n, ascii
	return valueOf(o)
}

// strReflected gives the right operand b of a op b its turn before the
// sequence fallback, as CPython tries both nb_ slots before sq_concat and
// sq_repeat: b's reflected dunder or its type's slot.
func (in *Interp) strReflected(op BinaryOp, a, b Value) (Value, error) {
	tb := b.Type()
	if tb.Flags&TypeHeapType != 0 {
		side, err := in.binarySideOf(tb, op, true)
		if err != nil || side.empty() {
			return NotImplemented, err
		}
		return in.callBinarySide(side, a, b, true)
	}
	if s := binarySlot(tb, op); s != nil {
		return s(in, a, b)
	}
	return NotImplemented, nil
}

func strAdd(in *Interp, a, b Value) (Value, error) {
	if !isStr(a) {
		return NotImplemented, nil
	}
	if !isStr(b) {
		if r, err := in.strReflected(OpAdd, a, b); err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		return Value{}, in.raise(typeErrorType, "can only concatenate str (not \"%s\") to str", b.Type().Name)
	}
	return in.strConcat(a, b)
}

// strConcat is a + b for two strs.
func (in *Interp) strConcat(a, b Value) (Value, error) {
	x, y := strObj(a), strObj(b)
	if len(y.s) == 0 {
		return in.strUnchanged(a)
	}
	if len(x.s) == 0 {
		return in.strUnchanged(b)
	}
	if err := in.checkStrSize(int64(len(x.s)) + int64(len(y.s))); err != nil {
		return Value{}, err
	}
	return in.newStrText(x.s+y.s, x.length+y.length, x.ascii && y.ascii)
}

func strMul(in *Interp, a, b Value) (Value, error) {
	s, n := a, b
	if !isStr(a) {
		// The left operand's own slot has had its turn.
		s, n = b, a
	} else if !n.IsSmallInt() && !isStr(n) {
		if r, err := in.strReflected(OpMul, a, b); err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	count, ok, err := in.repeatCount(n)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, in.raise(typeErrorType, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	return in.strRepeat(s, count)
}

// repeatCount converts the count of a repetition (PyNumber_AsSsize_t with
// OverflowError): ok is false when n has no __index__.
func (in *Interp) repeatCount(n Value) (int, bool, error) {
	if n.IsSmallInt() || n.IsBool() {
		return int(int64(n.n)), true, nil
	}
	i, ok, err := in.strIndexValue(n)
	if err != nil || !ok {
		return 0, ok, err
	}
	defer in.decRef(i)
	c, fits := strIntFits(i)
	if !fits {
		return 0, true, in.raise(overflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return int(c), true, nil
}

// strRepeat is s * count.
func (in *Interp) strRepeat(s Value, count int) (Value, error) {
	o := strObj(s)
	if count <= 0 || o.length == 0 {
		return emptyStr, nil
	}
	if count == 1 {
		return in.strUnchanged(s)
	}
	if o.length > math.MaxInt64/count {
		return Value{}, in.raise(overflowErrorType, "repeated string is too long")
	}
	if len(o.s) > maxStrBytes/count {
		return Value{}, in.memoryError()
	}
	size := int64(len(o.s) * count)
	r, err := in.reserveStr(size)
	if err != nil {
		return Value{}, err
	}
	return in.finishStr(r, size, strings.Repeat(o.s, count), o.length*count, o.ascii), nil
}

func strMod(in *Interp, a, b Value) (Value, error) {
	if !isStr(a) {
		return NotImplemented, nil
	}
	return in.strPercent(a, b)
}

// strGetItem is s[i] and s[a:b:c].
func strGetItem(in *Interp, v, key Value) (Value, error) {
	o := strObj(v)
	var i int64
	switch {
	case key.IsSmallInt() || key.IsBool():
		i = int64(key.n)
	case key.Type() == sliceType:
		return in.strSlice(v, asObject[Slice](key))
	default:
		x, ok, err := in.strIndexValue(key)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(typeErrorType, "string indices must be integers, not '%s'", key.Type().Name)
		}
		var fits bool
		i, fits = strIntFits(x)
		in.decRef(x)
		if !fits {
			return Value{}, in.raise(indexErrorType, "cannot fit 'int' into an index-sized integer")
		}
	}
	if i < 0 {
		i += int64(o.length)
	}
	if i < 0 || i >= int64(o.length) {
		return Value{}, in.raise(indexErrorType, "string index out of range")
	}
	if o.ascii {
		return latin1Chars[o.s[i]], nil
	}
	r, _ := decodeCP(o.s[in.cpOffset(o, int(i)):])
	return in.charStr(r)
}

// strSlice is s[start:stop:step].
func (in *Interp) strSlice(v Value, sl *Slice) (Value, error) {
	o := strObj(v)
	start, stop, step, err := in.sliceIndices(sl, o.length)
	if err != nil {
		return Value{}, err
	}
	n := sliceLen(start, stop, step)
	if n == 0 {
		return emptyStr, nil
	}
	if step == 1 {
		a := in.cpOffset(o, start)
		b := stop
		if !o.ascii {
			if o.index != nil && n > cpStride {
				b = o.offset(stop)
			} else {
				b = a
				for k := 0; k < n; k++ {
					_, size := decodeCP(o.s[b:])
					b += size
				}
			}
		}
		return in.strPiece(o, o.s[a:b], n)
	}
	if o.ascii {
		buf := make([]byte, n)
		for k := range buf {
			buf[k] = o.s[start+k*step]
		}
		return in.newStrText(unsafe.String(&buf[0], n), n, true)
	}
	rs := strRunes(o.s)
	var b strings.Builder
	ascii := true
	for k := 0; k < n; k++ {
		r := rs[start+k*step]
		if r >= 0x80 {
			ascii = false
		}
		writeCP(&b, r)
	}
	return in.newStrText(b.String(), n, ascii)
}

// strRunes decodes WTF-8 text to its code points.
func strRunes(s string) []rune {
	rs := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeCP(s[i:])
		rs = append(rs, r)
		i += n
	}
	return rs
}

// strIterator walks a str; the ASCII kind steps by bytes.
type strIterator struct {
	alloc.Header
	s     Value // the str, nil once exhausted
	off   int   // byte offset of the next code point
	index int   // code points produced so far
}

var (
	strIteratorType      = newBuiltinType("str_iterator", objectType, 0)
	strASCIIIteratorType = newBuiltinType("str_ascii_iterator", objectType, 0)
)

const strIteratorSize = unsafe.Sizeof(strIterator{})

func strIter(in *Interp, v Value) (Value, error) {
	t := strIteratorType
	if strObj(v).ascii {
		t = strASCIIIteratorType
	}
	it := &strIterator{s: v}
	if err := in.account(&it.Header, t, strIteratorSize); err != nil {
		return Value{}, err
	}
	incRef(v)
	return valueOf(it), nil
}

func init() {
	for _, t := range []*Type{strIteratorType, strASCIIIteratorType} {
		t.iter = selfIter
		t.dealloc = func(in *Interp, v Value) {
			it := asObject[strIterator](v)
			in.xdecRef(it.s)
			it.s = Value{}
			in.heap.Free(v.Header(), strIteratorSize)
		}
		defMethod(t, "__length_hint__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.wrapperArgs("__length_hint__", args, kwnames, 0); err != nil {
				return Value{}, err
			}
			it := asObject[strIterator](args[0])
			if it.s.IsNil() {
				return Int(0), nil
			}
			return Int(int64(strObj(it.s).length - it.index)), nil
		})
	}
	strASCIIIteratorType.next = func(in *Interp, v Value) (Value, bool, error) {
		it := asObject[strIterator](v)
		if it.s.IsNil() {
			return Value{}, false, nil
		}
		s := strObj(it.s).s
		if it.off >= len(s) {
			in.decRef(it.s)
			it.s = Value{}
			return Value{}, false, nil
		}
		c := s[it.off]
		it.off++
		it.index++
		return latin1Chars[c], true, nil
	}
	strIteratorType.next = func(in *Interp, v Value) (Value, bool, error) {
		it := asObject[strIterator](v)
		if it.s.IsNil() {
			return Value{}, false, nil
		}
		s := strObj(it.s).s
		if it.off >= len(s) {
			in.decRef(it.s)
			it.s = Value{}
			return Value{}, false, nil
		}
		r, n := decodeCP(s[it.off:])
		c, err := in.charStr(r)
		if err != nil {
			return Value{}, false, err
		}
		it.off += n
		it.index++
		return c, true, nil
	}
}

// wrapperArgs checks the arguments of a special method that wraps a slot
// (CPython's wrapper_descriptor): n positional arguments, no keywords.
func (in *Interp) wrapperArgs(name string, args []Value, kwnames []Value, n int) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "wrapper %s() takes no keyword arguments", name)
	}
	if len(args)-1 != n {
		return in.raise(typeErrorType, "expected %d argument%s, got %d", n, pluralS(n), len(args)-1)
	}
	return nil
}

// defStrDunders defines the special methods of str that expose its slots,
// so that subclasses can call them through super().
func defStrDunders() {
	unary := func(name string, fn func(in *Interp, v Value) (Value, error)) {
		defMethod(strType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.wrapperArgs(name, args, kwnames, 0); err != nil {
				return Value{}, err
			}
			return fn(in, args[0])
		})
	}
	binary := func(name string, fn func(in *Interp, a, b Value) (Value, error)) {
		defMethod(strType, name, func(in *Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.wrapperArgs(name, args, kwnames, 1); err != nil {
				return Value{}, err
			}
			return fn(in, args[0], args[1])
		})
	}
	unary("__len__", func(in *Interp, v Value) (Value, error) { return Int(int64(strObj(v).length)), nil })
	unary("__repr__", strRepr)
	unary("__str__", strType.str)
	unary("__iter__", strIter)
	unary("__hash__", func(in *Interp, v Value) (Value, error) {
		h, err := strHash(in, v)
		return Int(h), err
	})
	binary("__getitem__", strGetItem)
	binary("__contains__", func(in *Interp, v, key Value) (Value, error) {
		ok, err := strType.contains(in, v, key)
		return Bool(ok), err
	})
	binary("__add__", strAdd)
	binary("__mod__", strMod)
	binary("__rmod__", func(in *Interp, a, b Value) (Value, error) { return strMod(in, b, a) })
	repeat := func(in *Interp, a, b Value) (Value, error) {
		count, ok, err := in.repeatCount(b)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", b.Type().Name)
		}
		return in.strRepeat(a, count)
	}
	binary("__mul__", repeat)
	binary("__rmul__", repeat)
	for op, name := range compareDunders {
		op := CompareOp(op)
		binary(name, func(in *Interp, a, b Value) (Value, error) { return strCompare(in, a, b, op) })
	}
	defMethod(strType, "__sizeof__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.strNoArgs("__sizeof__", args, kwnames); err != nil {
			return Value{}, err
		}
		return Int(strSizeOf(args[0])), nil
	})
	defMethod(strType, "__getnewargs__", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.strNoArgs("__getnewargs__", args, kwnames); err != nil {
			return Value{}, err
		}
		s, err := in.strUnchanged(args[0])
		if err != nil {
			return Value{}, err
		}
		defer in.decRef(s)
		return in.NewTuple(s)
	})
}

// strNoArgs checks the arguments of a str method that takes none.
func (in *Interp) strNoArgs(name string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "str.%s() takes no keyword arguments", name)
	}
	if len(args) > 1 {
		return in.raise(typeErrorType, "str.%s() takes no arguments (%d given)", name, len(args)-1)
	}
	return nil
}

// strOneArg checks the arguments of a str method that takes exactly one
// positional argument (METH_O).
func (in *Interp) strOneArg(name string, args []Value, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.raise(typeErrorType, "str.%s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return in.raise(typeErrorType, "str.%s() takes exactly one argument (%d given)", name, len(args)-1)
	}
	return nil
}
