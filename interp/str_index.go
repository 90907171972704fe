package interp

import (
	"unsafe"

	"github.com/parallel-py/parallel/alloc"
)

// Code point index of long non-ASCII strs. Str keeps its text as UTF-8,
// so finding code point i means counting code points from one end: a
// loop that indexes a long non-ASCII str (s[i] for i in range(0, n, k))
// is quadratic. Like PyPy's UTF-8 strings, a str that is indexed keeps the
// byte offset of every cpStride-th code point, built once by one scan; a
// lookup then decodes at most cpStride/2 code points. The index costs at
// most 4 bytes per cpStride bytes of text, accounted with the str.

const (
	// cpStride is the number of code points between two index entries.
	cpStride = 64

	// cpIndexMin is the shortest str given an index: below it a scan
	// from the nearer end is as fast as the lookup.
	cpIndexMin = 4 * cpStride
)

// cpIndex holds the byte offset of code point k*cpStride at [k]. Offsets
// fit in 32 bits: a str's text is at most maxStrBytes long and every
// entry is the offset of a code point that starts inside it.
type cpIndex []uint32

// bytes returns the memory of the index accounted to its str (0 for none).
func (x *cpIndex) bytes() uintptr {
	if x == nil {
		return 0
	}
	return unsafe.Sizeof(*x) + uintptr(cap(*x))*4
}

// buildCPIndex scans s, of n code points, for its index.
func buildCPIndex(s string, n int) *cpIndex {
	x := make(cpIndex, 0, (n+cpStride-1)/cpStride)
	cp := 0
	for off := 0; off < len(s); off++ {
		if s[off]&0xc0 == 0x80 {
			continue
		}
		if cp%cpStride == 0 {
			x = append(x, uint32(off))
		}
		cp++
	}
	return &x
}

// cpOffset is o.offset(i) for a caller that may index o again: a long
// non-ASCII str gets its index on the first call. When the memory limit
// leaves no room for the index the lookup scans, as without one.
func (in *Interp) cpOffset(o *Str, i int) int {
	if o.ascii {
		return i
	}
	if o.index == nil && o.length >= cpIndexMin && !o.Header.Has(alloc.FlagImmortal) {
		x := buildCPIndex(o.s, o.length)
		if in.heap.Resize(&o.Header, 0, x.bytes()) == nil {
			o.index = x
		}
	}
	return o.offset(i)
}

// indexedOffset finds code point i with o's index: from the entry at or
// below i forward, or from the next entry (or the end) backward,
// whichever is nearer.
func (o *Str) indexedOffset(i int) int {
	x := *o.index
	s := o.s
	if i >= o.length {
		return len(s)
	}
	k := i / cpStride
	ahead := i - k*cpStride
	if ahead <= cpStride/2 {
		off := int(x[k])
		for ; ahead > 0; ahead-- {
			off++
			for off < len(s) && s[off]&0xc0 == 0x80 {
				off++
			}
		}
		return off
	}
	off, back := len(s), o.length-i
	if k+1 < len(x) {
		off, back = int(x[k+1]), (k+1)*cpStride-i
	}
	for ; back > 0; back-- {
		off--
		for off > 0 && s[off]&0xc0 == 0x80 {
			off--
		}
	}
	return off
}
