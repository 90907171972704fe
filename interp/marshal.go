package interp

import (
	"encoding/binary"
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/parallel-py/parallel/alloc"
)

// The marshal module: CPython's serialization of constants (format
// version 4), for the values marshal can carry. Code objects cannot be
// marshalled yet: our bytecode is not CPython's, and importlib never asks
// for it (sys.implementation.cache_tag is None). dumps marks objects for
// back-references (FLAG_REF) as CPython does for objects with more than
// one reference, which for the values we hold unboxed is approximated
// as: the outermost value, and small ints, which CPython caches.

const (
	marshalVersion = 4
	marshalFlagRef = 0x80
)

type marshalWriter struct {
	in      *Interp
	buf     []byte
	version int
	refs    map[any]int // object -> index, for FLAG_REF
	depth   int
}

func (w *marshalWriter) byte1(b byte) { w.buf = append(w.buf, b) }
func (w *marshalWriter) int32(n int32) {
	w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(n))
}
func (w *marshalWriter) float(f float64) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(f))
}

// ref writes v's back-reference if it was written before and reports
// true; otherwise it remembers v and returns the flag to add.
func (w *marshalWriter) ref(key any, flagged bool) (byte, bool) {
	if w.version < 3 || !flagged {
		return 0, false
	}
	if i, ok := w.refs[key]; ok {
		w.byte1('r')
		w.int32(int32(i))
		return 0, true
	}
	w.refs[key] = len(w.refs)
	return marshalFlagRef, false
}

// isIdentifierText reports whether s is ASCII identifier text, which
// CPython's compiler interns (so marshal writes it as interned).
func isIdentifierText(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func (w *marshalWriter) write(v Value, outer bool) error {
	in := w.in
	w.depth++
	defer func() { w.depth-- }()
	if w.depth > 2000 {
		return in.raise(valueErrorType, "object too deeply nested to marshal")
	}
	switch {
	case v.IsNone():
		w.byte1('N')
		return nil
	case v.IsBool():
		if v.BoolValue() {
			w.byte1('T')
		} else {
			w.byte1('F')
		}
		return nil
	case v.Is(ellipsisObject):
		w.byte1('.')
		return nil
	case v.Is(valueOf(stopIterationType)):
		w.byte1('S')
		return nil
	}
	t := v.Type()
	heapFlagged := v.IsObject() && (outer || v.Header().Has(alloc.FlagImmortal) || v.Header().Refs() > 1)
	switch {
	case t == intType || t == boolType:
		if v.IsSmallInt() && v.SmallInt() >= math.MinInt32 && v.SmallInt() <= math.MaxInt32 {
			n := v.SmallInt()
			flag, done := w.ref(n, outer || n >= -5 && n <= 256)
			if done {
				return nil
			}
			w.byte1('i' | flag)
			w.int32(int32(n))
			return nil
		}
		var z big.Int
		b := bigOf(v, &z)
		var key any = b.String()
		flag, done := w.ref(key, heapFlagged || v.IsSmallInt() && outer)
		if done {
			return nil
		}
		w.byte1('l' | flag)
		// 15-bit digits, least significant first; the count's sign is
		// the number's.
		abs := new(big.Int).Abs(b)
		var digits []uint16
		mask := big.NewInt(0x7fff)
		for abs.Sign() > 0 {
			digits = append(digits, uint16(new(big.Int).And(abs, mask).Int64()))
			abs.Rsh(abs, 15)
		}
		n := int32(len(digits))
		if b.Sign() < 0 {
			n = -n
		}
		w.int32(n)
		for _, d := range digits {
			w.buf = binary.LittleEndian.AppendUint16(w.buf, d)
		}
		return nil
	case t == floatType:
		f := v.FloatValue()
		flag, done := w.ref(math.Float64bits(f), outer)
		if done {
			return nil
		}
		w.byte1('g' | flag)
		w.float(f)
		return nil
	case t == complexType:
		c := asObject[Complex](v)
		flag, done := w.ref(v.p, heapFlagged)
		if done {
			return nil
		}
		w.byte1('y' | flag)
		w.float(c.re)
		w.float(c.im)
		return nil
	case t == strType:
		s := asObject[Str](v)
		text := v.GoString()
		var key any = v.p
		interned := isIdentifierText(text)
		if interned {
			key = "str:" + text
		}
		flag, done := w.ref(key, heapFlagged || interned)
		if done {
			return nil
		}
		switch {
		case s.ascii && len(text) < 256:
			if interned {
				w.byte1('Z' | flag)
			} else {
				w.byte1('z' | flag)
			}
			w.byte1(byte(len(text)))
		case s.ascii:
			if interned {
				w.byte1('A' | flag)
			} else {
				w.byte1('a' | flag)
			}
			w.int32(int32(len(text)))
		default:
			w.byte1('u' | flag)
			w.int32(int32(len(text))) // WTF-8 is UTF-8 with surrogatepass
		}
		w.buf = append(w.buf, text...)
		return nil
	case isBytesValue(v) || isByteArray(v): // classes derived from them too (buffers)
		b, _ := bytesData(v)
		flag, done := w.ref(v.p, heapFlagged)
		if done {
			return nil
		}
		w.byte1('s' | flag)
		w.int32(int32(len(b)))
		w.buf = append(w.buf, b...)
		return nil
	case t == tupleType:
		items := asObject[Tuple](v).items
		flag, done := w.ref(v.p, heapFlagged)
		if done {
			return nil
		}
		if w.version >= 4 && len(items) < 256 {
			w.byte1(')' | flag)
			w.byte1(byte(len(items)))
		} else {
			w.byte1('(' | flag)
			w.int32(int32(len(items)))
		}
		for _, x := range items {
			if err := w.write(x, false); err != nil {
				return err
			}
		}
		return nil
	case t == listType:
		items := asObject[List](v).items
		flag, done := w.ref(v.p, heapFlagged)
		if done {
			return nil
		}
		w.byte1('[' | flag)
		w.int32(int32(len(items)))
		for i := 0; i < len(asObject[List](v).items); i++ {
			if err := w.write(asObject[List](v).items[i], false); err != nil {
				return err
			}
		}
		return nil
	case t == dictType:
		d := asObject[Dict](v)
		flag, done := w.ref(v.p, heapFlagged)
		if done {
			return nil
		}
		w.byte1('{' | flag)
		for i := 0; i < len(d.entries); i++ {
			e := d.entries[i]
			if e.key.IsNil() {
				continue
			}
			if err := w.write(e.key, false); err != nil {
				return err
			}
			if err := w.write(e.value, false); err != nil {
				return err
			}
		}
		w.byte1('0')
		return nil
	case t == setType || t == frozensetType:
		flag, done := w.ref(v.p, heapFlagged)
		if done {
			return nil
		}
		if t == setType {
			w.byte1('<' | flag)
		} else {
			w.byte1('>' | flag)
		}
		items, err := in.iterateAll(v)
		if err != nil {
			return err
		}
		defer func() {
			for _, x := range items {
				in.decRef(x)
			}
		}()
		w.int32(int32(len(items)))
		for _, x := range items {
			if err := w.write(x, false); err != nil {
				return err
			}
		}
		return nil
	case t == codeType:
		return in.raise(notImplementedErrorType, "marshalling code objects is not implemented yet")
	}
	return in.raise(valueErrorType, "unmarshallable object")
}

// marshalReader reads marshal data from a byte slice, or from a file
// through its read method (exactly as many bytes as it needs).
type marshalReader struct {
	in    *Interp
	data  []byte
	pos   int
	file  Value // read from this file instead, when set
	refs  []Value
	depth int
}

func (r *marshalReader) bad(what string) error {
	return r.in.raise(valueErrorType, "bad marshal data (%s)", what)
}

func (r *marshalReader) eof() error {
	return r.in.raise(exceptionTypes["EOFError"], "EOF read where object expected")
}

func (r *marshalReader) read(n int) ([]byte, error) {
	if n < 0 {
		return nil, r.bad("bytes object size out of range")
	}
	if !r.file.IsNil() {
		if n == 0 {
			return nil, nil
		}
		b, err := r.in.CallMethod(r.file, "read", []Value{Int(int64(n))}, nil)
		if err != nil {
			return nil, err
		}
		defer r.in.decRef(b)
		data, ok := bytesData(b)
		if !ok {
			return nil, r.in.raise(typeErrorType, "file.read() returned not bytes but %s", b.Type().Name)
		}
		if len(data) != n {
			return nil, r.in.raise(exceptionTypes["EOFError"], "marshal data too short")
		}
		return append([]byte(nil), data...), nil
	}
	if r.pos+n > len(r.data) {
		return nil, r.in.raise(exceptionTypes["EOFError"], "marshal data too short")
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b, nil
}

func (r *marshalReader) int32() (int32, error) {
	b, err := r.read(4)
	if err != nil {
		return 0, err
	}
	return int32(binary.LittleEndian.Uint32(b)), nil
}

func (r *marshalReader) float() (float64, error) {
	b, err := r.read(8)
	if err != nil {
		return 0, err
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b)), nil
}

// object reads one object; a new reference.
func (r *marshalReader) object() (Value, error) {
	code, err := r.read(1)
	if err != nil {
		if ErrorIs(err, exceptionTypes["EOFError"]) {
			r.in.decRef(valueOf(err.(*Exception)))
			return Value{}, r.eof()
		}
		return Value{}, err
	}
	return r.objectWithCode(code[0])
}

// objectWithCode reads the object whose type code was just read.
func (r *marshalReader) objectWithCode(code byte) (Value, error) {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > 2000 {
		return Value{}, r.bad("recursion limit exceeded")
	}
	typ, flag := code&^marshalFlagRef, code&marshalFlagRef != 0
	slot := -1
	if flag {
		slot = len(r.refs)
		r.refs = append(r.refs, Value{})
	}
	v, err := r.body(typ, slot)
	if err != nil {
		return Value{}, err
	}
	if slot >= 0 && r.refs[slot].IsNil() {
		r.refs[slot] = v // borrowed: the result owns it
	}
	return v, nil
}

func (r *marshalReader) body(typ byte, slot int) (Value, error) {
	in := r.in
	switch typ {
	case 'N':
		return None, nil
	case 'T':
		return True, nil
	case 'F':
		return False, nil
	case '.':
		return ellipsisObject, nil
	case 'S':
		return valueOf(stopIterationType), nil
	case '0':
		return Value{}, r.bad("NULL object in marshal data for object")
	case 'i':
		n, err := r.int32()
		return Int(int64(n)), err
	case 'l':
		n, err := r.int32()
		if err != nil {
			return Value{}, err
		}
		neg := n < 0
		if neg {
			n = -n
		}
		if n < 0 || n > 1<<26 {
			return Value{}, r.bad("long size out of range")
		}
		z := new(big.Int)
		digits := make([]uint16, n)
		for i := range digits {
			b, err := r.read(2)
			if err != nil {
				return Value{}, err
			}
			d := binary.LittleEndian.Uint16(b)
			if d > 0x7fff {
				return Value{}, r.bad("digit out of range in long")
			}
			digits[i] = d
		}
		if n > 0 && digits[n-1] == 0 {
			return Value{}, r.bad("unnormalized long data")
		}
		for i := len(digits) - 1; i >= 0; i-- {
			z.Lsh(z, 15)
			z.Or(z, big.NewInt(int64(digits[i])))
		}
		if neg {
			z.Neg(z)
		}
		return in.newInt(z)
	case 'g':
		f, err := r.float()
		return Float(f), err
	case 'y':
		re, err := r.float()
		if err != nil {
			return Value{}, err
		}
		im, err := r.float()
		if err != nil {
			return Value{}, err
		}
		return in.newComplex(re, im)
	case 's':
		n, err := r.int32()
		if err != nil {
			return Value{}, err
		}
		b, err := r.read(int(n))
		if err != nil {
			return Value{}, err
		}
		return in.newBytes(append([]byte(nil), b...))
	case 'u', 't', 'a', 'A', 'z', 'Z':
		var n int
		if typ == 'z' || typ == 'Z' {
			b, err := r.read(1)
			if err != nil {
				return Value{}, err
			}
			n = int(b[0])
		} else {
			m, err := r.int32()
			if err != nil {
				return Value{}, err
			}
			n = int(m)
		}
		b, err := r.read(n)
		if err != nil {
			return Value{}, err
		}
		if typ == 'u' || typ == 't' {
			if !validWTF8(b) {
				return Value{}, in.raise(exceptionTypes["UnicodeDecodeError"], "'utf-8' codec can't decode marshal data")
			}
		} else {
			for _, c := range b {
				if c >= 0x80 {
					return Value{}, r.bad("non-ASCII byte in an ASCII string")
				}
			}
		}
		return in.NewStr(string(b))
	case '(', ')', '[', '<', '>':
		var n int
		if typ == ')' {
			b, err := r.read(1)
			if err != nil {
				return Value{}, err
			}
			n = int(b[0])
		} else {
			m, err := r.int32()
			if err != nil {
				return Value{}, err
			}
			if m < 0 {
				return Value{}, r.bad("size out of range")
			}
			n = int(m)
		}
		items := make([]Value, 0, min(n, 1<<16))
		defer func() {
			for _, x := range items {
				in.decRef(x)
			}
		}()
		for i := 0; i < n; i++ {
			x, err := r.object()
			if err != nil {
				return Value{}, err
			}
			items = append(items, x)
		}
		switch typ {
		case '(', ')':
			return in.NewTuple(items...)
		case '[':
			return in.NewList(items...)
		}
		t := setType
		if typ == '>' {
			t = frozensetType
		}
		s, err := in.newSetObject(t)
		if err != nil {
			return Value{}, err
		}
		for _, x := range items {
			if err := in.setAddKey(s, x); err != nil {
				in.decRef(valueOf(s))
				return Value{}, err
			}
		}
		return valueOf(s), nil
	case '{':
		dv, err := in.NewDict()
		if err != nil {
			return Value{}, err
		}
		if slot >= 0 {
			r.refs[slot] = dv
		}
		for {
			peek, err := r.read(1)
			if err != nil {
				in.decRef(dv)
				return Value{}, err
			}
			if peek[0] == '0' {
				return dv, nil
			}
			k, err := r.objectWithCode(peek[0])
			if err != nil {
				in.decRef(dv)
				return Value{}, err
			}
			v, err := r.object()
			if err != nil {
				in.decRef(k)
				in.decRef(dv)
				return Value{}, err
			}
			err = in.DictSet(asObject[Dict](dv), k, v)
			in.decRef(k)
			in.decRef(v)
			if err != nil {
				in.decRef(dv)
				return Value{}, err
			}
		}
	case 'r':
		n, err := r.int32()
		if err != nil {
			return Value{}, err
		}
		if n < 0 || int(n) >= len(r.refs) || r.refs[n].IsNil() {
			return Value{}, r.bad("invalid reference")
		}
		v := r.refs[n]
		incRef(v)
		return v, nil
	case 'c':
		return Value{}, in.raise(notImplementedErrorType, "unmarshalling code objects is not implemented yet")
	}
	return Value{}, r.bad("unknown type code")
}

// validWTF8 accepts UTF-8 with lone surrogates (surrogatepass).
func validWTF8(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			if len(b) >= 3 && b[0] == 0xed && b[1] >= 0xa0 && b[1] <= 0xbf && b[2] >= 0x80 && b[2] <= 0xbf {
				n = 3
			} else {
				return false
			}
		}
		b = b[n:]
	}
	return true
}

func (in *Interp) marshalVersionArg(v Value) (int, error) {
	if v.IsNil() {
		return marshalVersion, nil
	}
	return in.cIntArg(v)
}

func init() {
	registerModule("marshal", func(in *Interp, m *Module) error {
		if err := in.setGlobal(m, "version", Int(marshalVersion)); err != nil {
			return err
		}
		for _, fn := range []Value{
			newBuiltin("dumps", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.noKeywords("dumps", kwnames); err != nil {
					return Value{}, err
				}
				if err := in.checkArgCount("dumps", args, nil, 1, 2); err != nil {
					return Value{}, err
				}
				var ver Value
				if len(args) == 2 {
					ver = args[1]
				}
				version, err := in.marshalVersionArg(ver)
				if err != nil {
					return Value{}, err
				}
				w := &marshalWriter{in: in, version: version, refs: map[any]int{}}
				if err := w.write(args[0], true); err != nil {
					return Value{}, err
				}
				return in.newBytes(w.buf)
			}),
			newBuiltin("loads", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.noKeywords("loads", kwnames); err != nil {
					return Value{}, err
				}
				if err := in.checkArgCount("loads", args, nil, 1, 1); err != nil {
					return Value{}, err
				}
				data, ok := bytesDataFull(args[0])
				if !ok {
					return Value{}, in.raise(typeErrorType, "a bytes-like object is required, not '%s'", args[0].Type().Name)
				}
				r := &marshalReader{in: in, data: data}
				return r.object()
			}),
			newBuiltin("dump", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.noKeywords("dump", kwnames); err != nil {
					return Value{}, err
				}
				if err := in.checkArgCount("dump", args, nil, 2, 3); err != nil {
					return Value{}, err
				}
				var ver Value
				if len(args) == 3 {
					ver = args[2]
				}
				version, err := in.marshalVersionArg(ver)
				if err != nil {
					return Value{}, err
				}
				w := &marshalWriter{in: in, version: version, refs: map[any]int{}}
				if err := w.write(args[0], true); err != nil {
					return Value{}, err
				}
				b, err := in.newBytes(w.buf)
				if err != nil {
					return Value{}, err
				}
				defer in.decRef(b)
				return in.CallMethod(args[1], "write", []Value{b}, nil)
			}),
			newBuiltin("load", func(in *Interp, args []Value, kwnames []Value) (Value, error) {
				if err := in.noKeywords("load", kwnames); err != nil {
					return Value{}, err
				}
				if err := in.checkArgCount("load", args, nil, 1, 1); err != nil {
					return Value{}, err
				}
				r := &marshalReader{in: in, file: args[0]}
				return r.object()
			}),
		} {
			if err := in.setGlobal(m, asObject[Builtin](fn).name, fn); err != nil {
				return err
			}
		}
		return nil
	})
}
