package interp

import (
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// attrWaysProgram runs the LOAD_ATTR forms the fast loop inlines over
// every way of their cache: five classes at one site (four ways hit
// inline, the fifth misses to loadAttrCached), a key moved in one
// instance dict (WITH_HINT probes), an instance attribute that shadows
// the method (a dict of another shape), a class patched under a warm
// site (its version changes), empty and slotted instances (the method
// forms without a dict to check) and attributes deleted under a warm
// site (the generic form raises).
const attrWaysProgram = `class A:
    def __init__(self): self.x = 'A'; self.y = 1
    def m(self): return 'A.m'
class B:
    def __init__(self): self.y = 2; self.x = 'B'
    def m(self): return 'B.m'
class C:
    def __init__(self): self.z = 0; self.y = 3; self.x = 'C'
    def m(self): return 'C.m'
class D(A):
    def m(self): return 'D.m'
class E:
    def __init__(self): self.x = 'E'
    def m(self): return 'E.m'
class Empty:
    def m(self): return 'Empty.m'
class S:
    __slots__ = ('x',)
    def __init__(self): self.x = 'S'
    def m(self): return 'S.m'
class T:
    __slots__ = ()
    def m(self): return 'T.m'
def get(o): return o.x
def call(o): return o.m()
objs = [A(), B(), C(), D(), E()]
r = []
for i in range(12):
    for o in objs:
        r.append(get(o))
        r.append(call(o))
    if i == 4:
        del objs[1].x
        objs[1].x = 'B moved'
    if i == 6:
        objs[0].m = lambda: 'instance m'
    if i == 8:
        C.m = lambda self: 'C patched'
    if i == 9:
        del objs[0].m
print(r)
r = []
others = [Empty(), S(), T(), Empty(), A()]
for i in range(10):
    for o in others:
        r.append(call(o))
    if i == 5:
        others[0].m = lambda: 'late instance m'
    if i == 7:
        T.m = lambda self: 'T patched'
print(r)
def getx(o):
    try:
        return o.x
    except AttributeError as e:
        return 'AttributeError'
r = []
for i in range(8):
    for o in [A(), B(), C(), D(), E(), S()]:
        if i == 5 and type(o) is not S:
            del o.x
        r.append(getx(o))
print(r)
`

func init() { specPrograms["attr_ways"] = attrWaysProgram }

// TestAttrWayLayout keeps attrWay's four unrolled ways equal to
// LOAD_ATTR's cache size in opcodes.def, and checks that it finds each
// way and nothing else.
func TestAttrWayLayout(t *testing.T) {
	if n := bytecode.LOAD_ATTR.CacheSize(); n != 9 {
		t.Fatalf("LOAD_ATTR has %d cache entries; attrWay reads the counter and four ways of two", n)
	}
	var c [9]cacheEntry
	for w := 1; w < len(c); w += 2 {
		c[w].n = uint64(100+w) | 7<<32
	}
	for w := 1; w < len(c); w += 2 {
		if e := c[0].attrWay(uint32(100 + w)); e != &c[w] {
			t.Errorf("attrWay(%d) = %p, want way at %d (%p)", 100+w, e, w, &c[w])
		}
	}
	for _, v := range []uint32{0, 7, 102, 200} {
		if e := c[0].attrWay(v); e != nil {
			t.Errorf("attrWay(%d) = %p, want nil", v, e)
		}
	}
}

// TestCacheAtMatchesLayout checks that every adaptive code's cacheAt
// points at the cache the template's layout gives each instruction.
func TestCacheAtMatchesLayout(t *testing.T) {
	_, err, in, _ := runForTest(t, attrWaysProgram)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	seen := 0
	for _, ac := range in.spec.codes {
		if ac == nil {
			continue
		}
		seen++
		if len(ac.cacheAt) != len(ac.instrs) {
			t.Fatalf("cacheAt has %d entries for %d instructions", len(ac.cacheAt), len(ac.instrs))
		}
		for pc, instr := range ac.instrs {
			var want *cacheEntry
			if instr.Op().CacheSize() > 0 {
				want = &ac.caches[ac.offsets[pc]]
			}
			if ac.cacheAt[pc] != want {
				t.Errorf("pc %d (%v): cacheAt %p, want %p", pc, instr, ac.cacheAt[pc], want)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no adaptive code")
	}
}
