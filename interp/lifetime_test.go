package interp

import "testing"

// lifetimePrograms make and drop objects through the allocation,
// tracking and dealloc fast paths (account, the free lists of
// recycle.go, the collector's tuple and list walk) and through their
// fallbacks: collections that find cycles through tuples, lists and
// their subclasses, gc.disable and thresholds, objects reused from the
// free lists. Each is compared with CPython 3.12.
var lifetimePrograms = map[string]string{
	"cycles_through_tuples_and_lists": `import gc
gc.collect()
class L(list): pass
class T(tuple): pass
found = []
for kind in range(4):
    a = [] if kind != 2 else L()
    b = (a, 1, None) if kind != 3 else T((a, 1, None))
    a.append(b)
    a.append([b, "x", 2.5])
    del a, b
    found.append(gc.collect() >= 2)
print(found)
`,
	"cycles_through_instances": `import gc
gc.collect()
class P:
    pass
class S:
    __slots__ = ("a", "b")
class D(dict):
    pass
class E(Exception):
    pass
found = []
for kind in range(5):
    if kind == 0:
        x = P(); y = P(); x.y = y; y.x = x
    elif kind == 1:
        x = S(); y = S(); x.a = y; y.a = x; x.b = 1; y.b = "s"
    elif kind == 2:
        x = S(); x.a = [x]
    elif kind == 3:
        x = D(); x["self"] = x; y = P(); y.d = x
    else:
        x = E(); x.me = x
    del x
    y = None
    found.append(gc.collect() >= 1)
keep = S()
keep.a = P()
keep.a.back = keep
gc.collect()
print(found, keep.a.back is keep, gc.is_tracked(keep))
`,
	"cycle_reachable_from_outside": `import gc
keep = []
a = []
t = (a, (1, 2))
a.append(t)
keep.append(t)
del a, t
gc.collect()
print(len(keep[0][0]), keep[0][0][0] is keep[0], gc.is_tracked(keep[0]), gc.is_tracked((1, 2)))
`,
	"threshold_and_disable": `import gc
gc.collect()
gc.disable()
print(gc.isenabled(), gc.get_threshold())
junk = []
for i in range(3000):
    x = [i]
    x.append(x)
    junk.append(len(x))
del x
print(gc.isenabled(), gc.get_count()[0] >= 3000)
print(gc.collect(), gc.get_count(), sum(junk))
gc.enable()
gc.set_threshold(5, 2, 2)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
`,
	"tree_of_tuples": `import gc
def build(d):
    return (None, None) if d == 0 else (build(d - 1), build(d - 1))
def count(t):
    l, r = t
    return 1 if l is None else 1 + count(l) + count(r)
total = 0
for i in range(30):
    total += count(build(8))
keep = build(10)
gc.collect()
print(total, count(keep), gc.is_tracked(keep), gc.collect())
`,
	"recycled_objects_start_empty": `out = []
for k in range(600):
    s = {k, k + 1}
    s2 = frozenset(range(k % 7))
    r = range(k % 5, 20, 3)
    it = iter([k, k])
    g = (x * 2 for x in r)
    m = out.append
    sl = slice(k, None, 2)
    out.append((len(s), len(s2), sum(g), next(it), sl.start == k, sl.stop))
    del s, s2, r, it, g, sl, m
print(len(out), out[:3], out[-2:], sum(a + b + c for a, b, c, *_ in out))
`,
}

func TestLifetimePrograms(t *testing.T) { checkPrograms(t, lifetimePrograms) }

// TestTakeItems checks the constructors of BUILD_TUPLE and BUILD_LIST
// that take over the stack's references: on success the slots are
// emptied and the object holds the only added reference; when the memory
// limit refuses the object (the fallback) the slots keep theirs.
func TestTakeItems(t *testing.T) {
	ctors := []struct {
		name string
		take func(in *Interp, items []Value) (Value, error)
	}{
		{"tuple", (*Interp).tupleTakeItems},
		{"list", (*Interp).listTakeItems},
	}
	for _, c := range ctors {
		for _, n := range []int{0, 1, 2, 4, 5, 9} {
			in := New(Options{})
			s, err := in.NewStr("item")
			if err != nil {
				t.Fatal(err)
			}
			before := s.Header().Refs()
			items := make([]Value, n)
			for i := range items {
				incRef(s)
				items[i] = s
			}
			if n > 0 {
				in.heap.SetLimit(in.heap.Bytes()) // no room for anything new
				if _, err := c.take(in, items); err == nil {
					t.Fatalf("%s of %d past the limit: no error", c.name, n)
				} else {
					in.xdecRefErr(err)
				}
				if items[n-1] != s || s.Header().Refs() != before+int32(n) {
					t.Fatalf("%s of %d: a refused take changed the items or counts", c.name, n)
				}
				in.heap.SetLimit(0)
			}
			r, err := c.take(in, items)
			if err != nil {
				t.Fatalf("%s of %d: %v", c.name, n, err)
			}
			for i, x := range items {
				if !x.IsNil() {
					t.Fatalf("%s of %d: slot %d not emptied", c.name, n, i)
				}
			}
			if got, err := in.Len(r); err != nil || got != n {
				t.Fatalf("%s of %d: len %d (%v)", c.name, n, got, err)
			}
			if s.Header().Refs() != before+int32(n) {
				t.Fatalf("%s of %d: count %d, want %d", c.name, n, s.Header().Refs(), before+int32(n))
			}
			in.decRef(r)
			if s.Header().Refs() != before {
				t.Fatalf("%s of %d: count %d after the object died, want %d", c.name, n, s.Header().Refs(), before)
			}
			in.decRef(s)
		}
	}
}

// TestReusedTuplesUncounted checks that small tuples taken from and
// given back to their free list do not move the cycle finder's
// generation 0 count (as CPython's tuple free lists), while new ones,
// made when the free list is empty, count as allocations.
func TestReusedTuplesUncounted(t *testing.T) {
	in := New(Options{})
	in.gc.SetEnabled(false)
	newTuples := func(n int) []Value {
		ts := make([]Value, n)
		for i := range ts {
			r, err := in.NewTuple(Int(int64(i)), None)
			if err != nil {
				t.Fatal(err)
			}
			ts[i] = r
		}
		return ts
	}
	drop := func(ts []Value) {
		for _, r := range ts {
			in.decRef(r)
		}
	}
	drop(newTuples(100)) // fills the free list
	before := in.gc.Counts()[0]
	ts := newTuples(100)
	if got := in.gc.Counts()[0]; got != before {
		t.Errorf("100 tuples from the free list: count %d -> %d", before, got)
	}
	drop(ts)
	if got := in.gc.Counts()[0]; got != before {
		t.Errorf("100 tuples back to the free list: count %d -> %d", before, got)
	}
	in.inlineTuples.discard() // from now on every tuple is new and freed
	ts = newTuples(50)
	if got := in.gc.Counts()[0]; got != before+50 {
		t.Errorf("50 new tuples: count %d, want %d", got, before+50)
	}
	drop(ts)
	if got := in.gc.Counts()[0]; got != before {
		t.Errorf("50 tuples freed: count %d, want %d", got, before)
	}
}
