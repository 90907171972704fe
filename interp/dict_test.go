package interp

import (
	"testing"
)

// Expectations below are CPython 3.12's output for the same operations
// (see the comment of each test).

// d = {}; d[1] = 'a'; d['x'] = 2; d[1.0] = 'b'; d[True] = 'c'
// d[2**70] = None; del d['x']; d['x'] = 3.5; d[-1] = -2
// repr(d) == "{1: 'c', 1180591620717411303424: None, 'x': 3.5, -1: -2}"
func TestDictEqualKeysAndOrder(t *testing.T) {
	in := New(Options{})
	base := in.Heap().Baseline()
	str := func(s string) Value {
		v, err := in.NewStr(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	dv, err := in.NewDict()
	must(err)
	d := asObject[Dict](dv)
	a, b, c, x := str("a"), str("b"), str("c"), str("x")
	big, err := in.BinaryOp(OpPow, Int(2), Int(70))
	must(err)
	must(in.DictSet(d, Int(1), a))
	must(in.DictSet(d, x, Int(2)))
	must(in.DictSet(d, Float(1.0), b))
	must(in.DictSet(d, True, c))
	must(in.DictSet(d, big, None))
	if ok, err := in.DictDelete(d, x); !ok || err != nil {
		t.Fatalf("del d['x'] = %v, %v", ok, err)
	}
	must(in.DictSet(d, x, Float(3.5)))
	must(in.DictSet(d, Int(-1), Int(-2)))
	for _, v := range []Value{a, b, c, x, big} {
		in.decRef(v)
	}
	r, err := in.Repr(dv)
	must(err)
	if got, want := r.GoString(), "{1: 'c', 1180591620717411303424: None, 'x': 3.5, -1: -2}"; got != want {
		t.Errorf("repr = %s, want %s", got, want)
	}
	in.decRef(r)
	if d.Len() != 4 {
		t.Errorf("len = %d, want 4", d.Len())
	}
	in.decRef(dv)
	if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
		t.Errorf("leaks: %+v", leaks)
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

// e = {}
// for i in range(1000): e[i*7 % 1009] = i
// for i in range(0, 1000, 3): del e[i*7 % 1009]
// len(e) == 666; first items (7, 1), (14, 2), (28, 4); last (932, 998)
// e.get(14) == 2; e.get(21) is None
func TestDictGrowAndDelete(t *testing.T) {
	in := New(Options{})
	dv, _ := in.NewDict()
	d := asObject[Dict](dv)
	for i := int64(0); i < 1000; i++ {
		if err := in.DictSet(d, Int(i*7%1009), Int(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := int64(0); i < 1000; i += 3 {
		if ok, err := in.DictDelete(d, Int(i*7%1009)); !ok || err != nil {
			t.Fatalf("delete %d: %v %v", i*7%1009, ok, err)
		}
	}
	if d.Len() != 666 {
		t.Fatalf("len = %d, want 666", d.Len())
	}
	var items [][2]int64
	for _, e := range d.entries {
		if !e.key.IsNil() {
			items = append(items, [2]int64{e.key.SmallInt(), e.value.SmallInt()})
		}
	}
	if items[0] != [2]int64{7, 1} || items[1] != [2]int64{14, 2} || items[2] != [2]int64{28, 4} || items[len(items)-1] != [2]int64{932, 998} {
		t.Errorf("order: first %v, last %v", items[:3], items[len(items)-1])
	}
	if v, ok, _ := in.DictGet(d, Int(14)); !ok || v.SmallInt() != 2 {
		t.Errorf("e.get(14) = %v %v", v, ok)
	}
	if _, ok, _ := in.DictGet(d, Int(21)); ok {
		t.Error("e.get(21) found a deleted key")
	}
	in.decRef(dv)
}

func TestDictUnhashableKey(t *testing.T) {
	in := New(Options{})
	dv, _ := in.NewDict()
	err := in.DictSet(asObject[Dict](dv), dv, None)
	if err == nil || err.Error() != "TypeError: unhashable type: 'dict'" {
		t.Fatalf("d[d] = None: %v", err)
	}
	in.decRef(valueOf(err.(*Exception)))
	in.decRef(dv)
}
