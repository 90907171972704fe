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
