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

// CPython 3.12: l = [1]; l.append(l) -> "[1, [...]]"; d = {}; d['a'] = d
// -> "{'a': {...}}"; ([1, [...]],) for (l,); and a list nested 100,000
// deep raises "RecursionError: maximum recursion depth exceeded while
// getting the repr of an object".
func TestReprOfRecursiveAndDeepContainers(t *testing.T) {
	in := New(Options{})
	lv, _ := in.NewList(Int(1))
	l := asObject[List](lv)
	in.Append(l, lv)
	dv, _ := in.NewDict()
	a, _ := in.NewStr("a")
	in.DictSet(asObject[Dict](dv), a, dv)
	tv, _ := in.NewTuple(lv)
	for _, c := range []struct {
		v    Value
		want string
	}{{lv, "[1, [...]]"}, {dv, "{'a': {...}}"}, {tv, "([1, [...]],)"}} {
		r, err := in.Repr(c.v)
		if err != nil {
			t.Fatal(err)
		}
		if r.GoString() != c.want {
			t.Errorf("repr = %s, want %s", r.GoString(), c.want)
		}
		in.decRef(r)
	}

	deep, _ := in.NewList()
	for i := 0; i < 100000; i++ {
		outer, _ := in.NewList(deep)
		in.decRef(deep)
		deep = outer
	}
	_, err := in.Repr(deep)
	if err == nil || err.Error() != "RecursionError: maximum recursion depth exceeded while getting the repr of an object" {
		t.Fatalf("repr of a 100,000-deep list: %v", err)
	}
	if in.cDepth != 0 || len(in.reprStack) != 0 {
		t.Errorf("recursion state not unwound: depth %d, repr stack %d", in.cDepth, len(in.reprStack))
	}
	in.decRef(valueOf(err.(*Exception)))
	// Releasing the outermost list frees all 100,001 lists.
	before := in.Heap().Stats().Live
	in.decRef(deep)
	if freed := before - in.Heap().Stats().Live; freed != 100001 {
		t.Errorf("releasing the deep list freed %d objects, want 100001", freed)
	}
}
