package interp

import (
	"math"
	"math/big"
	"strings"
	"unicode/utf8"
)

// Helpers shared by the str implementation: finding code points by
// index, making str results without rescanning text whose length is
// known, and converting integer arguments the way CPython's argument
// parsers do. Decoding and encoding WTF-8 code points is in
// codec_wtf8.go.

// maxStrBytes bounds the text of a str built by an operation (repetition,
// padding, joining...): beyond it the operation raises MemoryError before
// asking Go for the memory, which the allocator could not account first.
const maxStrBytes = 1 << 32

// isStr reports whether v is a str or an instance of a subclass of str
// (PyUnicode_Check): they all share Str's layout.
func isStr(v Value) bool { return v.Type().layout == strType }

// strObj returns the Str of a str value (or of a str subclass instance).
func strObj(v Value) *Str { return asObject[Str](v) }

// offset returns the byte offset of code point i (0 <= i <= length) of
// o: direct for ASCII text, a short scan from the nearest entry of o's
// code point index when it has one (Interp.cpOffset builds it), else a
// scan from the nearer end.
func (o *Str) offset(i int) int {
	if o.ascii {
		return i
	}
	if o.index != nil {
		return o.indexedOffset(i)
	}
	s := o.s
	if i <= o.length/2 {
		off := 0
		for ; i > 0; i-- {
			off++
			for off < len(s) && s[off]&0xc0 == 0x80 {
				off++
			}
		}
		return off
	}
	off := len(s)
	for i = o.length - i; i > 0; i-- {
		off--
		for off > 0 && s[off]&0xc0 == 0x80 {
			off--
		}
	}
	return off
}

// latin1Chars are the one-character strs of U+0000..U+00FF, shared as
// CPython shares them: indexing and iterating over such text allocates
// nothing.
var latin1Chars = func() (t [256]Value) {
	for i := range t {
		t[i] = newImmortalStr(string(appendCP(nil, rune(i))))
	}
	return t
}()

// emptyStr is the empty str.
var emptyStr = newImmortalStr("")

// newStrText makes a str whose code point count and ASCII-ness the caller
// knows, skipping NewStr's scan.
func (in *Interp) newStrText(s string, n int, ascii bool) (Value, error) {
	if len(s) == 0 {
		return emptyStr, nil
	}
	if n == 1 && s[0] < utf8.RuneSelf {
		return latin1Chars[s[0]], nil
	}
	o := in.strs.Get()
	if err := in.account(&o.Header, strType, strSize+uintptr(len(s))); err != nil {
		in.strs.Put(o)
		return Value{}, err
	}
	o.s = s
	o.length, o.ascii = n, ascii
	o.hashed = false
	return valueOf(o), nil
}

// newStrOf makes a str of s, scanning it; the empty and one-character
// results are the shared ones.
func (in *Interp) newStrOf(s string) (Value, error) {
	if len(s) <= 1 {
		if len(s) == 0 {
			return emptyStr, nil
		}
		return latin1Chars[s[0]], nil
	}
	return in.NewStr(s)
}

// charStr returns the one-character str of r.
func (in *Interp) charStr(r rune) (Value, error) {
	if r < 256 {
		return latin1Chars[r], nil
	}
	return in.newStrText(string(appendCP(nil, r)), 1, false)
}

// checkStrSize raises MemoryError for a result of n bytes too large to
// build.
func (in *Interp) checkStrSize(n int64) error {
	if n > maxStrBytes || n < 0 {
		return in.memoryError()
	}
	return nil
}

// substr returns a piece of a str's text for a new str. A piece much
// smaller than its source is copied, so that a small str never keeps a
// large one's memory alive unaccounted.
func substr(src, piece string) string {
	if len(piece)*8 < len(src) {
		return strings.Clone(piece)
	}
	return piece
}

// strPiece makes a str of piece, which is part of o's text, with the
// code point count n.
func (in *Interp) strPiece(o *Str, piece string, n int) (Value, error) {
	if n == 1 {
		if r, _ := decodeCP(piece); r < 256 {
			return latin1Chars[r], nil
		}
	}
	if n == o.length && valueOf(o).Type() == strType {
		incRef(valueOf(o))
		return valueOf(o), nil
	}
	return in.newStrText(substr(o.s, piece), n, o.ascii || len(piece) == n)
}

// strUnchanged is CPython's unicode_result_unchanged: the str itself when
// it is exactly a str, else an exact copy of a subclass instance's text.
func (in *Interp) strUnchanged(v Value) (Value, error) {
	if v.Type() == strType {
		incRef(v)
		return v, nil
	}
	o := strObj(v)
	return in.newStrText(o.s, o.length, o.ascii)
}

// strIndexValue converts v with __index__ (PyNumber_Index): ok is false when
// v has none. The result is a new reference to an int.
func (in *Interp) strIndexValue(v Value) (Value, bool, error) {
	if isInt(v) {
		incRef(v)
		return v, true, nil
	}
	if v.Type().Flags&TypeHeapType != 0 {
		r, found, err := in.callSpecial(v, "__index__")
		if err != nil || !found {
			return Value{}, found, err
		}
		if !isInt(r) {
			err := in.raise(typeErrorType, "__index__ returned non-int (type %s)", r.Type().Name)
			in.decRef(r)
			return Value{}, true, err
		}
		return r, true, nil
	}
	return Value{}, false, nil
}

// intFits returns the value of the int v when it fits in an int64.
func strIntFits(v Value) (int64, bool) {
	if v.IsSmallInt() || v.IsBool() {
		return int64(v.n), true
	}
	var z big.Int
	if x := bigOf(v, &z); x.IsInt64() {
		return x.Int64(), true
	}
	return 0, false
}

// ssizeArg converts an argument CPython reads as a Py_ssize_t: an int or
// an object with __index__; too large gives OverflowError.
func (in *Interp) ssizeArg(v Value) (int, error) {
	if v.IsSmallInt() || v.IsBool() {
		return int(int64(v.n)), nil
	}
	i, ok, err := in.strIndexValue(v)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, in.raise(typeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	defer in.decRef(i)
	if n, ok := strIntFits(i); ok {
		return int(n), nil
	}
	return 0, in.raise(overflowErrorType, "Python int too large to convert to C ssize_t")
}

// cIntArg converts an argument CPython reads as a C int.
func (in *Interp) cIntArg(v Value) (int, error) {
	if v.IsFloat() {
		return 0, in.raise(typeErrorType, "'float' object cannot be interpreted as an integer")
	}
	n, err := in.ssizeArg(v)
	if err != nil {
		if e, ok := err.(*Exception); ok && valueOf(e).Type() == overflowErrorType {
			in.decRef(valueOf(e))
			return 0, in.raise(overflowErrorType, "Python int too large to convert to C int")
		}
		return 0, err
	}
	if n > math.MaxInt32 || n < math.MinInt32 {
		return 0, in.raise(overflowErrorType, "Python int too large to convert to C int")
	}
	return n, nil
}
