package interp

import (
	"strings"
	"testing"
)

// scanOffset is the reference for Str.offset: the byte offset of code
// point i found by decoding from the start.
func scanOffset(s string, i int) int {
	off := 0
	for ; i > 0; i-- {
		_, n := decodeCP(s[off:])
		off += n
	}
	return off
}

// TestCPIndexOffsets checks every offset of strs around the index's
// stride and threshold, with one- to four-byte code points and a lone
// surrogate, against a scan from the start, and that the index's memory
// is given back when the str is freed.
func TestCPIndexOffsets(t *testing.T) {
	pieces := []string{"a", "é", "∑", "😀", "\xed\xa0\x80"}
	lengths := []int{1, cpStride - 1, cpStride, cpIndexMin - 1, cpIndexMin, cpIndexMin + 1, 5*cpStride + 31, 5*cpStride + 33, 9 * cpStride}
	in := New(Options{})
	for _, n := range lengths {
		for rot := range pieces {
			var b strings.Builder
			for k := 0; k < n; k++ {
				b.WriteString(pieces[(k*7+rot)%len(pieces)])
			}
			text := b.String()
			before := in.heap.Bytes()
			v, err := in.NewStr(text)
			if err != nil {
				t.Fatal(err)
			}
			o := strObj(v)
			if o.length != n {
				t.Fatalf("length %d, want %d", o.length, n)
			}
			for _, i := range []int{n, n / 2, 0} { // out of order: not only forward
				if got, want := in.cpOffset(o, i), scanOffset(text, i); got != want {
					t.Fatalf("n=%d rot=%d: cpOffset(%d) = %d, want %d", n, rot, i, got, want)
				}
			}
			if (o.index != nil) != (n >= cpIndexMin && !o.ascii) {
				t.Errorf("n=%d rot=%d: index built = %v", n, rot, o.index != nil)
			}
			for i := 0; i <= n; i++ {
				if got, want := o.offset(i), scanOffset(text, i); got != want {
					t.Fatalf("n=%d rot=%d: offset(%d) = %d, want %d", n, rot, i, got, want)
				}
			}
			in.decRef(v)
			if after := in.heap.Bytes(); after != before {
				t.Errorf("n=%d rot=%d: %d bytes live after free, want %d", n, rot, after, before)
			}
		}
	}
}

// TestCPIndexImmortal checks that shared strs get their index at creation
// and are never written afterwards.
func TestCPIndexImmortal(t *testing.T) {
	text := strings.Repeat("añ😀", cpIndexMin)
	v := newImmortalStr(text)
	o := strObj(v)
	if o.index == nil {
		t.Fatal("immortal long non-ASCII str has no index")
	}
	for i := 0; i <= o.length; i += 7 {
		if got, want := o.offset(i), scanOffset(text, i); got != want {
			t.Fatalf("offset(%d) = %d, want %d", i, got, want)
		}
	}
	short := strObj(newImmortalStr("añ😀"))
	in := New(Options{})
	if in.cpOffset(short, 2) != 3 || short.index != nil {
		t.Errorf("short immortal str: offset %d, index %v", in.cpOffset(short, 2), short.index)
	}
}

// TestCPIndexMemoryLimit checks that a str whose index does not fit under
// the memory limit is still indexed right, by scanning, and that nothing
// stays accounted for it.
func TestCPIndexMemoryLimit(t *testing.T) {
	in := New(Options{})
	text := strings.Repeat("é", 4*cpIndexMin)
	v, err := in.NewStr(text)
	if err != nil {
		t.Fatal(err)
	}
	o := strObj(v)
	in.heap.SetLimit(in.heap.Bytes()) // no room for anything more
	for _, i := range []int{o.length - 1, 1, o.length / 2} {
		if got, want := in.cpOffset(o, i), scanOffset(text, i); got != want {
			t.Fatalf("cpOffset(%d) = %d, want %d", i, got, want)
		}
	}
	if o.index != nil {
		t.Error("index built past the memory limit")
	}
	in.heap.SetLimit(0)
	before := in.heap.Bytes()
	in.decRef(v)
	if want := before - int64(strSize) - int64(len(text)); in.heap.Bytes() != want {
		t.Errorf("%d bytes live after free, want %d", in.heap.Bytes(), want)
	}
}
