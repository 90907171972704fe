package interp

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// blockPrograms make and drop instances whose blocks are recycled
// (instance_blocks.go) in every way their dict and slots can outlive,
// leave or change them, and check that a new instance made in a
// recycled block starts empty.
var blockPrograms = map[string]string{
	"blocks_reused_start_empty": `class P:
    def __init__(self, n):
        for i in range(n): setattr(self, 'a%d' % i, i * 10)
class S2:
    __slots__ = ('x', 'y')
class S3:
    __slots__ = ('x', 'y', 'z')
class S6:
    __slots__ = ('x', 'y', 'a', 'b', 'c', 'd')
class S9:
    __slots__ = tuple('s%d' % i for i in range(9))
class E: pass
out = []
for round in range(3):
    for n in (0, 1, 4, 5, 6, 12, 30):
        for k in range(40):
            o = P(n)
            if k == 39: out.append((n, sorted(vars(o).items())[:3], len(vars(o))))
    for cls in (S2, S3, S6, S9):
        for k in range(40):
            o = cls()
            if k == 0: o.x = round
            if k == 39:
                out.append((cls.__name__, hasattr(o, 'x'), hasattr(o, 'y')))
    for k in range(40):
        e = E()
        if k == 39: out.append(('E', vars(e)))
for line in out: print(line)
`,
	"blocks_dict_outlives_instance": `class A:
    def __init__(self, v): self.v = v; self.w = [v]
kept = []
for i in range(200):
    a = A(i)
    if i % 3 == 0: kept.append(a.__dict__)
    if i % 7 == 0:
        d = a.__dict__
        del a
        kept.append(d)
for i in range(200): A(-i)
print(len(kept), kept[0], kept[-1], sum(d['v'] for d in kept))
for d in kept: d['extra'] = 1
print(sorted(kept[5]))
`,
	"blocks_dict_replaced_or_grown": `class A:
    def __init__(self, v): self.v = v
objs = []
for i in range(300):
    a = A(i)
    if i % 4 == 0: a.__dict__ = {'v': -i, 'q': 1}
    if i % 4 == 1:
        for j in range(30): setattr(a, 'g%d' % j, j)
    if i % 4 == 2: a.__dict__.clear()
    if i % 5 == 0: objs.append(a)
for i in range(300): A(i)
print([sorted(vars(o))[:3] for o in objs[:6]], sum(len(vars(o)) for o in objs))
`,
	"blocks_in_cycles": `import gc
class N:
    def __init__(self, other): self.other = other; self.me = self
class Q:
    __slots__ = ('peer',)
def make():
    for i in range(500):
        n = N(None); m = N(n); n.other = m
        q = Q(); r = Q(); q.peer = r; r.peer = q
        if i % 50 == 0: keep.append(m.__dict__)
keep = []
for r in range(3):
    make()
    print(gc.collect() > 0)
print(len(keep), all(d['me'].other.other is d['me'] for d in keep))
for i in range(100): N(i)
print(sorted(keep[0]))
`,
	"blocks_class_assignment": `class A:
    def __init__(self): self.a = 1
class B:
    def __init__(self):
        for i in range(12): setattr(self, 'b%d' % i, i)
objs = []
for i in range(100):
    a = A(); b = B()
    if i % 2: a.__class__, b.__class__ = B, A
    objs.append((type(a).__name__, len(vars(a)), type(b).__name__, len(vars(b))))
    del a, b
for i in range(100): A(); B()
print(objs[:4], len(objs))
`,
	"blocks_weakrefs_and_del": `from _weakref import ref
saved = []
class D:
    def __init__(self, i): self.i = i
    def __del__(self):
        if self.i % 10 == 0: saved.append(self)
class W:
    __slots__ = ('v', '__weakref__')
refs = []
for i in range(100):
    D(i)
    w = W(); w.v = i
    refs.append(ref(w))
    del w
for i in range(100): D(-1); W()
print(len(saved), [s.i for s in saved], all(r() is None for r in refs))
`,
	// A block's dict stays private (flagDictPrivate) until something
	// asks for it: cycles through private dicts' values, through
	// published ones (__dict__, vars(), __class__ assignment, copy), and
	// what the gc module reports of both.
	"blocks_private_dict_cycles": `import gc
gc.disable()
out = []
class N:
    def __init__(self, name):
        self.name = name
        self.other = None
class D:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        out.append('del ' + self.name + ' other=' + (self.other.name if self.other is not None and hasattr(self.other, 'name') else repr(self.other)))
for i in range(3):
    N('warm')  # the class learns its shape: later instances get block dicts
    D('warm')
gc.collect()
out.clear()

def check(label):
    n = gc.collect()
    print(label, n, sorted(out))
    out.clear()

# a -> b -> a
a, b = N('a'), N('b'); a.other, b.other = b, a
del a, b
check('pair')
# self-cycle
a = N('self'); a.other = a
del a
check('self')
# cycle through a list attribute
a = N('l'); a.other = [1, a, 'x']
del a
check('list')
# cycle through an escaped __dict__
a = N('esc'); d = a.__dict__; d['me'] = a
print(gc.is_tracked(d))
del a, d
check('escaped')
# dict kept alive after its instance dies in a cycle
a = N('keep'); b = N('k2'); a.other = b; b.other = a; kept = a.__dict__
del a, b
check('kept')
print(sorted(k for k in kept), kept['other'].name, kept['other'].other is not None)
kept['other'].other = None
del kept
check('kept-free')
# __del__ pair
a, b = D('x'), D('y'); a.other, b.other = b, a
del a, b
check('del-pair')
# resurrection
saved = []
class R:
    def __init__(self): self.other = None; self.data = [1, 2]
    def __del__(self): saved.append(self)
R(); R()
r = R(); r.other = r
del r
check('resurrect')
print(len(saved), saved[0].data, saved[0].other is saved[0])
saved.clear()
check('resurrect-again')
# a cycle through the dict of an old instance and a young one
old = N('old')
gc.collect()
y = N('young'); y.other = old; old.other = y
del y
check('old-young-alive')
old.other = None
# __dict__ replaced
a = N('rep'); a.__dict__ = {'other': None}; a.other = a
del a
check('replaced')
# __class__ assignment keeps the dict
class M(N): pass
a = N('cls'); a.__class__ = M; a.other = a
del a
check('class')
# vars() escapes too
a = N('vars'); v = vars(a); v['x'] = [a]
print(gc.is_tracked(v))
del a, v
check('vars')
# weakref callback
from _weakref import ref as weakref_ref
gc.collect()
a = N('w'); a.other = a
r = weakref_ref(a, lambda ref: out.append('cb'))
del a
check('weak')
# referents and referrers
a = N('ref'); a.other = [1]
print([type(x).__name__ for x in gc.get_referents(a)])
print([type(x).__name__ for x in gc.get_referrers(a.other)])
print(gc.is_tracked(a))
gc.collect()
c = a.__dict__.copy(); print(c['name'], c['other'] is a.other)
print([type(x).__name__ for x in gc.get_referents(a)])
del a, c
check('end')
`,
	// An instance with its private dict counts as one allocation toward
	// generation 0's threshold, as in CPython 3.12; and a class with more
	// attributes than blockDict21 holds gets blockDict42.
	"blocks_private_dict_counts": `import gc
gc.disable()
class P:
    def __init__(self): self.a = 1; self.b = [2]
class Big:
    def __init__(self):
        for i in range(25): setattr(self, 'a%d' % i, i)
warm = [P(), P(), Big(), Big()]
ps = [None] * 100
gc.collect()
before = gc.get_count()[0]
for i in range(100):
    ps[i] = P()
print(gc.get_count()[0] - before)
print(gc.is_tracked(ps[0]), sum(1 for o in gc.get_objects() if type(o) is dict and 'b' in o and o.get('a') == 1))
d = ps[1].__dict__
print(gc.is_tracked(d))
b = Big(); b.extra = [b]
print(len(vars(b)), gc.is_tracked(vars(b)))
del b
print(gc.collect())
ps = None
print(gc.collect())
`,
	// A block's dict holds as many entries as its class's instances have
	// had attributes: an instance that gets more, or reuses its last
	// entries after deletions, grows its dict out of the block, by each
	// way of storing (the specialized store, setattr, the __dict__, a
	// non-str key), and a class whose instances grew makes bigger blocks.
	"blocks_sized_to_keys": `class V:
    def __init__(self, n):
        self.a = 1; self.b = 2; self.c = 3; self.d = 4; self.e = 5; self.f = 6; self.g = 7
        for i in range(n): setattr(self, 'x%d' % i, i)
class W:
    def __init__(self): self.p = 1; self.q = 2; self.r = 3
out = []
for round in range(4):
    vs = [V(0) for _ in range(30)]
    for k, v in enumerate(vs):
        if k % 5 == 1: v.h = 8; v.i = 9; v.j = 10; v.k = 11
        if k % 5 == 2: del v.b; v.z = 26; del v.c; v.y = 25; v.b = 'b'
        if k % 5 == 3: v.__dict__[1] = 2; v.__dict__['m'] = 'm'
        if k % 5 == 4: v.__class__ = W; v.s = 's'
    out.append([sorted(map(str, vars(v).items())) for v in vs[:5]])
    out.append([v.a + v.g for v in vs])
    big = [V(round * 9) for _ in range(10)]
    out.append(list(vars(big[-1]).items())[-3:])
    ws = [W() for _ in range(20)]
    for w in ws[::3]: w.__class__ = V; w.t = 't'; w.u = 'u'; w.v = 'v'; w.w = 'w'; w.x = 'x'
    out.append([list(vars(w)) for w in ws[:4]])
    del vs, big, ws
for line in out: print(line)
`,
}

// TestBlockDictKinds checks that each dict kind's block holds the
// entries its number of attributes needs, with dictGrow's index table
// for them, and that blockDict finds the dict and tables where the
// block's type has them.
func TestBlockDictKinds(t *testing.T) {
	for n := 1; n < len(blockDictKinds); n++ {
		kind := blockDictKinds[n]
		sz := blockDictSizes[kind]
		if int(sz.ents) < n || int(sz.idx)*2/3 < int(sz.ents) || sz.idx > minIndices && int(sz.idx)/2*2/3 >= n {
			t.Errorf("%d attributes: kind %d with %d entries and %d index slots", n, kind, sz.ents, sz.idx)
		}
		if n > 1 && blockDictKinds[n-1] > kind {
			t.Errorf("%d attributes: kind %d after %d", n, kind, blockDictKinds[n-1])
		}
	}
	for kind := uint8(blockDictMin); kind <= blockDict42; kind++ {
		o := newInstanceBlock(&Type{}, kind)
		d, ents, idx := blockDict(o, kind)
		end := uintptr(unsafe.Pointer(&idx[len(idx)-1])) + 4
		base := uintptr(unsafe.Pointer(o))
		if uintptr(unsafe.Pointer(d)) != base+instanceSize || uintptr(unsafe.Pointer(unsafe.SliceData(ents))) != base+instanceSize+dictSize ||
			end-base > blockSizes[kind] || blockSizes[kind]-(end-base) >= 8 || cap(ents) != int(blockDictSizes[kind].ents) {
			t.Errorf("kind %d: dict at +%d, entries at +%d (cap %d), tables end at +%d, block size %d", kind,
				uintptr(unsafe.Pointer(d))-base, uintptr(unsafe.Pointer(unsafe.SliceData(ents)))-base, cap(ents), end-base, blockSizes[kind])
		}
	}
}

func TestInstanceBlockPrograms(t *testing.T) { checkProgramsAtThresholds(t, blockPrograms) }

// TestInstanceBlocksReused checks that a dead instance's block goes to
// its class's free list and is what the next instance is made in, for a
// class with a dict block and one with slots, and that the accounted
// bytes come back to where they were.
func TestInstanceBlocksReused(t *testing.T) {
	_, err, in, _ := runForTest(t, `
class P:
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z
class S:
    __slots__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        self.x = x; self.y = y; self.z = z
for i in range(10): P(i, i, i); S(i, i, i)
`)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	for _, tc := range []struct {
		name string
		kind uint8
	}{{"P", blockDict3}, {"S", blockSlots4}} {
		cls := in.heapTypeForTest(t, tc.name)
		cv := valueOf(cls)
		if f := cls.freeBlocks; f.kind != tc.kind || len(f.blocks) == 0 {
			t.Fatalf("%s: free list of kind %d with %d blocks, want kind %d and some", tc.name, f.kind, len(f.blocks), tc.kind)
		}
		before := in.Heap().Bytes()
		next := cls.freeBlocks.blocks[len(cls.freeBlocks.blocks)-1]
		o, err := in.Call(cv, []Value{Int(1), Int(2), Int(3)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if (*Instance)(o.p) != next {
			t.Errorf("%s: the new instance is not in the last free block", tc.name)
		}
		r, err := in.Repr(o)
		if err != nil || !strings.Contains(asObject[Str](r).s, tc.name+" object") {
			t.Errorf("%s: repr %v, %v", tc.name, r, err)
		}
		in.decRef(r)
		in.decRef(o)
		if after := in.Heap().Bytes(); after != before {
			t.Errorf("%s: accounted bytes %d before, %d after", tc.name, before, after)
		}
		if got := cls.freeBlocks.blocks[len(cls.freeBlocks.blocks)-1]; got != next {
			t.Errorf("%s: the dead instance's block was not kept", tc.name)
		}
		if tc.kind >= blockDictMin {
			d, _, _ := blockDict(next, tc.kind)
			if d.Header.Refs() != 0 || len(d.entries) != 0 || d.indices != nil {
				t.Errorf("%s: kept block's dict not zeroed", tc.name)
			}
		}
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

// TestInstanceBlockBudget checks that a class keeps as many blocks as
// maxFreeBlockBytes allows, and no more, when more instances die at
// once.
func TestInstanceBlockBudget(t *testing.T) {
	n := maxFreeBlockBytes/blockSizes[blockSlots2] + 1000
	_, err, in, _ := runForTest(t, fmt.Sprintf(`
class S:
    __slots__ = ('a',)
    def __init__(self): self.a = None
xs = [S() for i in range(%d)]
del xs
`, n))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	f := in.heapTypeForTest(t, "S").freeBlocks
	if f.kind != blockSlots2 || uintptr(len(f.blocks)) != maxFreeBlockBytes/blockSizes[blockSlots2] {
		t.Errorf("free list of kind %d with %d blocks, want kind %d and as many as %d bytes hold", f.kind, len(f.blocks), blockSlots2, maxFreeBlockBytes)
	}
}

// TestInstanceBlockMemoryLimit makes instances whose block's dict cannot
// be accounted (the memory limit is reached between the instance and its
// dict, or by the dict's tables): the instance goes without a dict, its
// block is still recycled, and the counts stay right. Then the limit
// leaves room for exactly the block: the dict is there.
func TestInstanceBlockMemoryLimit(t *testing.T) {
	_, err, in, _ := runForTest(t, `
class P: pass
def keep(): return P  # a cycle through the globals keeps P
for i in range(10):
    p = P(); p.a = i
del p
`)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cls := in.heapTypeForTest(t, "P")
	for _, room := range []uintptr{8, dictSize + 8, dictSize + 5*unsafe.Sizeof(dictEntry{}) + 8*4} {
		before := in.Heap().Bytes()
		in.Heap().SetLimit(before + int64(instanceSize+room))
		o, err := in.Call(valueOf(cls), nil, nil)
		if err != nil {
			t.Fatalf("room %d: %v", room, err)
		}
		fits := room > dictSize+8
		if got := !asObject[Instance](o).dict.IsNil(); got != fits {
			t.Errorf("room %d: the instance has a dict: %v, want %v", room, got, fits)
		}
		n := len(cls.freeBlocks.blocks)
		in.decRef(o)
		in.Heap().SetLimit(0)
		if got := len(cls.freeBlocks.blocks); got != n+1 {
			t.Errorf("room %d: %d free blocks after the instance died, want %d", room, got, n+1)
		}
		if after := in.Heap().Bytes(); after != before {
			t.Errorf("room %d: accounted bytes %d before, %d after", room, before, after)
		}
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}

// TestPrivateDictGuard checks the guard on a private dict's values
// (privateDict): while something besides its instance holds the dict (a
// path that handed it out without publishDict), the instance does not
// visit its values, so a cycle through them is kept, never freed while
// the dict can still reach it; once only the instance holds the dict,
// the cycle is found. publishDict then makes the dict tracked.
func TestPrivateDictGuard(t *testing.T) {
	_, err, in, _ := runForTest(t, `
class N:
    def __init__(self): self.items = []
for i in range(3): N()
`)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cls := in.heapTypeForTest(t, "N")
	incRef(valueOf(cls)) // keeps the module alive too
	defer in.decRef(valueOf(cls))
	in.CollectCycles()
	o, err := in.Call(valueOf(cls), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	dv := asObject[Instance](o).dict
	if h := dv.Header(); h.Flags()&flagDictPrivate == 0 || in.gc.Tracked(h) {
		t.Fatalf("a new instance's dict is not private: flags %#x, tracked %v", h.Flags(), in.gc.Tracked(h))
	}
	items, ok, err := in.DictGet(asObject[Dict](dv), internName("items"))
	if !ok || err != nil {
		t.Fatalf("items: %v %v", ok, err)
	}
	if err := in.Append(asObject[List](items), o); err != nil { // o.items = [o]
		t.Fatal(err)
	}
	incRef(dv) // held elsewhere
	in.decRef(o)
	if n := in.CollectCycles(); n != 0 {
		t.Fatalf("collected %d objects while the dict is held elsewhere", n)
	}
	if l := asObject[List](items); len(l.items) != 1 || l.items[0] != o || o.Header().Refs() != 1 {
		t.Fatalf("the cycle changed while the dict is held elsewhere")
	}
	in.decRef(dv)
	if n := in.CollectCycles(); n != 2 {
		t.Fatalf("collected %d objects, want the instance and its list", n)
	}

	o, err = in.Call(valueOf(cls), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	dv = asObject[Instance](o).dict
	in.publishDict(dv)
	if h := dv.Header(); h.Flags()&flagDictPrivate != 0 || !in.gc.Tracked(h) {
		t.Errorf("a published dict: flags %#x, tracked %v", h.Flags(), in.gc.Tracked(h))
	}
	in.decRef(o)
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}
