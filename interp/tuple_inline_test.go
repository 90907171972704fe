package interp

import (
	"testing"

	"github.com/parallel-py/parallel/alloc"
)

// tupleInlinePrograms exercise tuples of every inline size (1 to 4) and
// the first sizes past it, made every way (displays, tuple(), slicing,
// concatenation, divmod, zip), dropped in trees and reused from the free
// lists; and the cycle finder's untracking of tuples of atomic values
// (gc.is_tracked before and after a collection, nested tuples, tuples
// holding containers, a cycle through a tuple), against CPython 3.12.
var tupleInlinePrograms = map[string]string{
	"tuple_sizes_and_reuse": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def build(d):
    if d == 0:
        return (None, None)
    return (build(d - 1), build(d - 1))
def count(t):
    a, b = t
    return 1 if a is None else 1 + count(a) + count(b)
for r in range(3):
    print(count(build(10)))
ts = [tuple(range(n)) for n in range(8)]
print(ts, [len(t) for t in ts], [hash(t) == hash(tuple(list(t))) for t in ts])
print(ts[4][1:3], ts[5] + ts[2], ts[3] * 2, divmod(17, 5), list(zip('ab', 'cd')))
x = (D(1), D(2), D(3))
y = (D(4),)
del x
print('after x')
y = None
z = tuple(D(i) for i in range(5, 9))
print(len(z), z[1].n)
z = ()
print('end')
`,
	"tuple_untracked_after_collect": `import gc
class C:
    pass
def f():
    pass
atomic = [(1, 2), ('a', 'b', 'c'), (None,), ((1, 2), (3, (4.5, 'x'))), (1, 2, 3, 4, 5, 6), (True, b'x', 2**80), ((),)]
holders = [([],), ({},), (C(),), (f,), ((1, []),), (1, 2, {1: 2}), (set(),)]
print([gc.is_tracked(t) for t in atomic])
print([gc.is_tracked(t) for t in holders])
gc.collect()
print([gc.is_tracked(t) for t in atomic])
print([gc.is_tracked(t) for t in holders])
l = []
t = (l, 1)
l.append(t)
del l, t
print(gc.collect() >= 2)
`,
}

func TestTupleInline(t *testing.T) { checkProgramsAtThresholds(t, tupleInlinePrograms) }

// TestInlineTupleFreeLists checks that small tuples come from and go back
// to their size's free list, and that a tuple past the inline sizes does
// not.
func TestInlineTupleFreeLists(t *testing.T) {
	in := New(Options{})
	base := in.Heap().Baseline()
	for n := 1; n <= maxInlineTuple+1; n++ {
		items := make([]Value, n)
		for i := range items {
			items[i] = Int(int64(i))
		}
		a, err := in.NewTuple(items...)
		if err != nil {
			t.Fatal(err)
		}
		o := asObject[Tuple](a)
		inline := o.Header.Flags()&flagTupleInline != 0
		if inline != (n <= maxInlineTuple) || len(o.items) != n {
			t.Fatalf("size %d: inline %v, %d items", n, inline, len(o.items))
		}
		in.decRef(a)
		b, err := in.NewTuple(items...)
		if err != nil {
			t.Fatal(err)
		}
		if n <= maxInlineTuple && !alloc.Debug && asObject[Tuple](b) != o {
			t.Errorf("size %d: a new tuple did not reuse the dead one", n)
		}
		if got := asObject[Tuple](b).items; len(got) != n || got[n-1] != Int(int64(n-1)) {
			t.Errorf("size %d: items %v", n, got)
		}
		in.decRef(b)
	}
	if leaks := in.Heap().LeaksSince(base); len(leaks) > 0 {
		t.Errorf("leaks: %+v", leaks)
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}
