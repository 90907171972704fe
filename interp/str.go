package interp

import (
	"hash/maphash"
	"math/bits"
	"strings"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Str is a str object: the text as UTF-8 (WTF-8 for lone surrogates, as
// the front end stores them), its length in code points, and whether it
// is all ASCII, which makes indexing and slicing O(1) byte operations
// (docs/design/objects.md).
type Str struct {
	alloc.Header
	s      string
	length int
	ascii  bool
	hashed bool  // hash is valid
	hash   int64 // cached hash; computed at creation for immortal strings

	// index maps every cpStride-th code point to its byte offset, so that
	// indexing long non-ASCII text is not a scan from one end
	// (str_index.go). Nil until built; built at creation for immortal
	// strings, which are shared and never written afterwards.
	index *cpIndex
}

var strType = newBuiltinType("str", objectType, TypeBaseType)

const strSize = unsafe.Sizeof(Str{})

func init() {
	// Instances of str and of its subclasses are Str structs.
	strType.layout = strType
	strType.repr = strRepr
	// str() of a subclass instance is an exact str (unicode_str).
	strType.str = func(in *Interp, v Value) (Value, error) { return in.strUnchanged(v) }
	strType.dealloc = strDealloc
	strType.hash = strHash
	strType.compare = strCompare
}

// strSeed keys the str hash for the whole process, so that immortal
// strings shared by interpreters hash alike everywhere. Like CPython's
// randomized hashing it differs from run to run.
var strSeed = maphash.MakeSeed()

func hashString(s string) int64 {
	if s == "" {
		return 0 // as CPython: the empty str and bytes hash to 0
	}
	// Below the int hash modulus, non-negative (so never -1): a class's
	// __hash__ returning str.__hash__(self) then hashes alike, since an
	// int's hash of such a value is the value.
	if hashFixed {
		return int64(fixedStringHash(s) % hashModulus)
	}
	return int64(maphash.String(strSeed, s) % hashModulus)
}

func strHash(in *Interp, v Value) (int64, error) {
	o := asObject[Str](v)
	if !o.hashed {
		// Only mortal strings get here: their owner is the only writer.
		o.hash, o.hashed = hashString(o.s), true
	}
	return o.hash, nil
}

// strCompare compares code point by code point; UTF-8 byte order is code
// point order, also for the WTF-8 encoding of lone surrogates.
func strCompare(in *Interp, a, b Value, op CompareOp) (Value, error) {
	if b.Type() != strType && !b.Type().IsSubtype(strType) {
		return NotImplemented, nil
	}
	return compareResult(strings.Compare(a.GoString(), b.GoString()), op), nil
}

// codePoints counts the code points of UTF-8 or WTF-8 text: every byte
// that is not a continuation byte starts one.
func codePoints(s string) (n int, ascii bool) {
	ascii = true
	// Eight bytes at a time: a continuation byte has bit 7 set and bit 6
	// clear, which w &^ (w << 1) shows in bit 7 of each byte.
	const high = 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		t := s[i : i+8] // one bounds check, so the eight loads combine into one
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		if w&high == 0 {
			n += 8
			continue
		}
		ascii = false
		n += 8 - bits.OnesCount64(w&^(w<<1)&high)
	}
	for ; i < len(s); i++ {
		b := s[i]
		if b >= 0x80 {
			ascii = false
		}
		if b&0xc0 != 0x80 {
			n++
		}
	}
	return n, ascii
}

// NewStr returns a new str holding s (valid UTF-8, or WTF-8).
func (in *Interp) NewStr(s string) (Value, error) {
	o := in.strs.Get()
	if err := in.account(&o.Header, strType, strSize+uintptr(len(s))); err != nil {
		in.strs.Put(o)
		return Value{}, err
	}
	o.s = s
	o.length, o.ascii = codePoints(s)
	o.hashed = false
	return valueOf(o), nil
}

// newImmortalStr makes a str shared by every interpreter (code constants,
// interned names): it is never counted, accounted or freed.
func newImmortalStr(s string) Value {
	o := &Str{s: s}
	o.Header.Type = unsafe.Pointer(strType)
	alloc.MakeImmortal(&o.Header)
	o.length, o.ascii = codePoints(s)
	o.hash, o.hashed = hashString(s), true
	if o.length >= cpIndexMin && !o.ascii {
		o.index = buildCPIndex(s, o.length)
	}
	return valueOf(o)
}

func strDealloc(in *Interp, v Value) {
	o := asObject[Str](v)
	in.heap.Free(&o.Header, strSize+uintptr(len(o.s))+o.index.bytes())
	o.index = nil
	in.strs.Put(o)
}

func strRepr(in *Interp, v Value) (Value, error) {
	return in.NewStr(syntax.ReprString(asObject[Str](v).s))
}

// GoString returns the text of a str value; v must be a str.
func (v Value) GoString() string { return asObject[Str](v).s }

func init() {
	strType.length = func(in *Interp, v Value) (int, error) { return asObject[Str](v).length, nil }
	strType.contains = func(in *Interp, v, key Value) (bool, error) {
		if !isStr(key) {
			return false, in.raise(typeErrorType, "'in <string>' requires string as left operand, not %s", key.Type().Name)
		}
		return strings.Contains(v.GoString(), key.GoString()), nil
	}
	strType.boolean = func(in *Interp, v Value) (bool, error) { return asObject[Str](v).length > 0, nil }
}
