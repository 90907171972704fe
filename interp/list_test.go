package interp

import "testing"

// CPython 3.12: l = [1, 'a', [2.5, None], (True,)]; l.append(2**64)
// repr(l) == "[1, 'a', [2.5, None], (True,), 18446744073709551616]"
func TestListReprAndRelease(t *testing.T) {
	in := New(Options{})
	base := in.Heap().Baseline()
	a, _ := in.NewStr("a")
	inner, _ := in.NewList(Float(2.5), None)
	tup, _ := in.NewTuple(True)
	lv, err := in.NewList(Int(1), a, inner, tup)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []Value{a, inner, tup} {
		in.decRef(v)
	}
	big, _ := in.BinaryOp(OpPow, Int(2), Int(64))
	if err := in.Append(asObject[List](lv), big); err != nil {
		t.Fatal(err)
	}
	in.decRef(big)
	for i := 0; i < 100; i++ {
		if err := in.Append(asObject[List](lv), Int(int64(i))); err != nil {
			t.Fatal(err)
		}
	}
	asObject[List](lv).items = asObject[List](lv).items[:5] // drop the ints (unboxed: nothing to release)
	r, err := in.Repr(lv)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.GoString(), "[1, 'a', [2.5, None], (True,), 18446744073709551616]"; got != want {
		t.Errorf("repr = %s, want %s", got, want)
	}
	in.decRef(r)
	in.decRef(lv)
	if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
		t.Errorf("leaks: %+v", leaks)
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

func TestMemoryLimitRaisesMemoryError(t *testing.T) {
	in := New(Options{MemoryLimit: 1 << 16})
	lv, err := in.NewList()
	if err != nil {
		t.Fatal(err)
	}
	l := asObject[List](lv)
	for i := 0; ; i++ {
		err = in.Append(l, Int(int64(i)))
		if err != nil {
			break
		}
		if i > 1<<20 {
			t.Fatal("a 64 KiB limit let a list grow past a million items")
		}
	}
	if err.Error() != "MemoryError" {
		t.Fatalf("error = %v, want MemoryError", err)
	}
	in.decRef(valueOf(err.(*Exception)))
	in.decRef(lv)
	if in.Heap().Bytes() > 1<<16 {
		t.Errorf("heap holds %d bytes, over its limit", in.Heap().Bytes())
	}
}
