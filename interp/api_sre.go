package interp

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// More of the exported API, for the _sre module (interp/modules/sre*.go),
// which matches code points, slices its subjects and calls back into the
// re package: str as code points, a few Unicode predicates with str's
// meanings, and access to objects the module returns (mapping proxies,
// callable iterators) or imports.

// StrRunes returns the code points of the str v (lone surrogates
// included, as Python sees them).
func StrRunes(v Value) []rune {
	o := asObject[Str](v)
	s := o.s
	rs := make([]rune, o.length)
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	if o.ascii {
		// Eight bytes a round: the loop's own count and bounds checks
		// were most of the cost of a byte (a json text is decoded
		// whole, hundreds of kilobytes, once per loads).
		r := rs[:len(b)]
		for len(b) >= 8 && len(r) >= 8 {
			r[0], r[1], r[2], r[3] = rune(b[0]), rune(b[1]), rune(b[2]), rune(b[3])
			r[4], r[5], r[6], r[7] = rune(b[4]), rune(b[5]), rune(b[6]), rune(b[7])
			b, r = b[8:], r[8:]
		}
		for i, c := range b[:len(r)] {
			r[i] = rune(c)
		}
		return rs
	}
	// The ASCII bytes of a mixed text are most of it: they are stored
	// without decodeCP's call, and the array has its final length, so
	// no append checks capacity.
	// Runs of eight ASCII bytes are widened a word at a time.
	i, j := 0, 0
	for i < len(b) && j < len(rs) {
		if i+8 <= len(b) && j+8 <= len(rs) {
			w := b[i : i+8 : i+8]
			if binary.LittleEndian.Uint64(w)&0x8080808080808080 == 0 {
				r := rs[j : j+8 : j+8]
				r[0], r[1], r[2], r[3] = rune(w[0]), rune(w[1]), rune(w[2]), rune(w[3])
				r[4], r[5], r[6], r[7] = rune(w[4]), rune(w[5]), rune(w[6]), rune(w[7])
				i, j = i+8, j+8
				continue
			}
		}
		if c := b[i]; c < utf8.RuneSelf {
			rs[j] = rune(c)
			i, j = i+1, j+1
			continue
		}
		r, n := decodeCP(s[i:])
		rs[j] = r
		i, j = i+n, j+1
	}
	return rs[:j]
}

// StrText returns the text of the str v (UTF-8) and whether it is all
// ASCII, when its bytes are its code points and can be matched in place.
func StrText(v Value) (text string, ascii bool) {
	o := asObject[Str](v)
	return o.s, o.ascii
}

// NewASCIIStr returns a str of a copy of the ASCII text s: a slice of a
// long text does not keep all of it alive.
func (in *Interp) NewASCIIStr(s string) (Value, error) {
	if len(s) <= 1 {
		return in.newStrText(s, len(s), true) // the shared strs
	}
	return in.newStrText(strings.Clone(s), len(s), true)
}

// NewStrRunes returns the str of the code points rs.
func (in *Interp) NewStrRunes(rs []rune) (Value, error) {
	if len(rs) == 0 {
		return emptyStr, nil
	}
	// One pass for ASCII text, the commonest: each code point stored
	// as a byte while the pass checks it is one; the first that is not
	// starts the encoding over.
	ascii := true
	b := make([]byte, len(rs))
	for i, r := range rs {
		if uint32(r) >= utf8.RuneSelf {
			ascii = false
			break
		}
		b[i] = byte(r)
	}
	if !ascii {
		b = b[:0]
		for _, r := range rs {
			b = appendCP(b, r)
		}
	}
	// b is the str's own text from here on: no copy.
	return in.newStrText(unsafe.String(&b[0], len(b)), len(rs), ascii)
}

// IsDecimalCP is str.isdecimal for one code point.
func IsDecimalCP(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return isDecimalCP(r)
}

// IsAlnumCP is str.isalnum for one code point (a letter, or a digit or
// numeric character).
func IsAlnumCP(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlphaASCII(byte(r)) || isDigitASCII(byte(r))
	}
	return unicode.IsLetter(r) || isNumericCP(r)
}

// ImportModule imports the module of that absolute dotted name and
// returns it (import name; sys.modules[name]).
func (in *Interp) ImportModule(name string) (Value, error) { return in.importModule(name) }

// NewMappingProxy returns types.MappingProxyType(mapping): a read-only
// view of the mapping.
func (in *Interp) NewMappingProxy(mapping Value) (Value, error) {
	return in.newMappingProxy(mapping)
}

// NewCallableIterator returns iter(fn, sentinel): an iterator that calls
// fn until it returns sentinel.
func (in *Interp) NewCallableIterator(fn, sentinel Value) (Value, error) {
	c := &callIterObject{}
	if err := in.account(&c.Header, callIterType, callIterObjSize); err != nil {
		return Value{}, err
	}
	c.Header.SetFlags(alloc.FlagContainer)
	incRef(fn)
	incRef(sentinel)
	c.fn, c.sentinel = fn, sentinel
	return valueOf(c), nil
}

// mappingproxy(mapping): types.MappingProxyType, which enum's
// __members__ (and so re's flags) calls, and str(proxy). Each is set
// only when the type has none yet, so that fuller ones in
// mappingproxy.go win.
func init() {
	if mappingProxyType.str == nil {
		// str(proxy) is str(mapping), as CPython's mappingproxy_str.
		mappingProxyType.str = func(in *Interp, v Value) (Value, error) {
			return in.Str(asObject[mappingProxy](v).mapping)
		}
	}
	if mappingProxyType.construct != nil {
		return
	}
	mappingProxyType.construct = func(in *Interp, t *Type, args []Value, kwnames []Value) (Value, error) {
		var mapping Value
		if err := in.parseArgs("mappingproxy", args, kwnames, []string{"mapping"}, 1, &mapping); err != nil {
			return Value{}, err
		}
		mt := mapping.Type()
		if mt.getitem == nil || mt.IsSubtype(listType) || mt.IsSubtype(tupleType) {
			return Value{}, in.raise(typeErrorType, "mappingproxy() argument must be a mapping, not %s", mt.Name)
		}
		return in.newMappingProxy(mapping)
	}
}
