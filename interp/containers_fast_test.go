package interp

import "testing"

// containersFastPrograms exercise the container fast paths against
// CPython 3.12: list slice reads by a slice object (steps 1, -1 and
// others; parts that are unboxed, bools, big ints, objects with
// __index__, a zero step), l[a:b] = a list or tuple other than l (the
// same size, growing, shrinking, more items than the stack buffer,
// replaced items whose __del__ looks at the list) and the fall-backs
// (l itself, any other iterable); `in` on sets, frozensets, tuples and
// lists with int and str keys and the fall-backs (floats, bools,
// subclasses with __eq__ and __hash__, unhashable keys, a set as a
// key); set hashes of ints at the hash modulus; and the sort of
// unboxed ints, with its fall-backs (bools, big ints, a key function,
// a list changed while it sorts); and the order in which a dying or
// cleared list, a deleted slice and a replaced one release their items.
var containersFastPrograms = map[string]string{
	"list_release_order": `class D:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n)
def f():
    t = tuple(D(i) for i in range(3)); del t; print("-t")
    t = (D(10), D(11)); del t; print("-t2")
    d = {D(20): D(21), D(22): D(23)}; del d; print("-d")
    s = [D(30), D(31)]; s.clear(); print("-clear")
    s = [D(40), D(41), D(42)]; s[:] = []; print("-slice")
    s = [D(50), D(51), D(52)]; del s[0:2]; print("-del")
    s = [D(60), D(61), D(62)]; s *= 0; print("-imul")
f()
def g():
    s = [D(i) for i in range(70, 76)]; del s[::2]; print("-ext")
    s = [D(i) for i in range(80, 84)]; del s[::-1]; print("-extneg")
    s = [D(i) for i in range(90, 94)]; del s[3:0:-1]; print("-extneg2")
    s = [D(i) for i in range(100, 104)]; s[::2] = [1, 2]; print("-extassign")
    s = [D(i) for i in range(110, 114)]; s[::-2] = [1, 2]; print("-extassignneg")
    s = [D(i) for i in range(120, 124)]; s[1:3] = (D(200),); print("-assign")
    s = [D(i) for i in range(130, 134)]; s[1:3] = iter([]); print("-assigniter")
g()
`,
	"list_slice_object_read": `p = list(range(10))
for k in range(-12, 12):
    print(k, p[k::-1], p[k::-2], p[:k:-1], p[k::3], p[k:k + 4:1])
print(p[::-1], p[::1], p[True::-1], p[2**70::-1], p[:-2**70:-1], p[::2**65])
class I:
    def __index__(self): return 3
print(p[I()::-1], p[:I()], p[::I()])
try:
    p[::0]
except ValueError as e:
    print('ValueError', e)
try:
    p[::1.5]
except TypeError as e:
    print('TypeError', e)
t = tuple(p)
print(t[5::-1], 'abcdef'[4::-1])
perm = [3, 1, 4, 0, 2]
k = perm[0]
while k:
    perm[:k + 1] = perm[k::-1]
    k = perm[0]
print(perm)
`,
	"list_store_slice_seq": `l = list(range(8))
l[2:4] = ['a', 'b']
print(l)
l[2:4] = ('x', 'y', 'z')
print(l)
l[1:6] = [0]
print(l)
l[-3:] = (7, 8)
print(l)
l[100:] = [9]
print(l)
l[:-100] = ['first']
print(l)
l[3:1] = ['mid']
print(l)
l[1:3] = l
print(l)
l[:] = l
print(l)
big = list(range(40))
big[5:35] = list(range(100, 130))
print(big)
big[0:30] = [1, 2]
print(big)
big[1:2] = list(range(50))
print(len(big), big[:5], big[-5:])
class D:
    def __init__(self, l, n): self.l, self.n = l, n
    def __del__(self):
        print('del', self.n, len(self.l), [getattr(x, 'n', x) for x in self.l])
m = []
m.extend([D(m, i) for i in range(5)])
m[1:4] = [10, 11, 12]
print([getattr(x, 'n', x) for x in m])
m[0:1] = (20, 21)
m[-1:] = []
print(m)
s = ['a', 'b', 'c']
s[0:2] = s[1:3]
print(s)
`,
	"contains_quick": `s = {1, 2, -1, 2**61 - 1, 2**61, -(2**61), 'ab', 2**70}
for k in (1, 3, -1, -2, 0, 2**61 - 1, 2**61, -(2**61), 'ab', 'abc', 1.0, True, False, 2**70, 2**61 + 0.0):
    print(repr(k), k in s, k not in s, k in frozenset(s))
print(hash(-1), hash(-(2**61)), hash(2**61 - 1), hash(2**61))
print(len({-1, -2}), len({2**61 - 1, 0}), len({-(2**61), -1, -2}))
class S(str):
    def __hash__(self): return hash(str(self))
    def __eq__(self, o):
        print('eq', str(self), o)
        return str(self) == o
print(S('ab') in s, 'ab' in {S('ab')}, 'ab' in (S('ab'),), S('zz') in ['a', 'zz'])
class H:
    def __repr__(self): return 'H()'
    def __hash__(self): return 1
    def __eq__(self, o):
        print('H.eq', o)
        return o == 1
print(1 in {H()}, H() in {1, 2}, 1 in (H(), 2), 2 in [1, H(), 2])
hs = {H(), 'x', 2}
for k in (1, 2, 'x', 'y', 1.0, H(), 3):
    print(k in hs, k not in hs)
class Del:
    def __del__(self): print('Del gone')
for i in range(3):
    print(i in {Del(), i})
print(1 in (1.0, 2), 1.0 in (1, 2), 'a' in (1, 'a'), 1 in ('a', 1), True in (1,), 2 in (True,))
print(5 in [], 'x' in (), 5 in set(), 'x' in frozenset())
try:
    [] in s
except TypeError as e:
    print('TypeError', e)
print({1, 2} in {frozenset({1, 2})}, set() in {frozenset()})
try:
    print([1] in (1, [1]), [1] in [[1]])
except TypeError as e:
    print('TypeError', e)
`,
	"set_add_discard_quick": `s = set()
for x in (-1, -2, 2**61 - 1, 0, 2**61, -(2**61), 'k', 'k', 1, True, 1.0):
    s.add(x)
print(sorted(s, key=repr), len(s))
for x in (-1, 0, 'k', 2**61):
    s.discard(x)
print(sorted(s, key=repr), len(s))
t = {i * 7 for i in range(-50, 50)}
t2 = {i - i % 3 for i in range(100)}
print(len(t), len(t2), sorted(t2)[:5], min(t), max(t))
`,
	"sort_small_ints": `x = 5
def rnd():
    global x
    x = (x * 1103515245 + 12345) % 2**31
    return x % 100 - 50
for n in (0, 1, 2, 5, 63, 64, 65, 200):
    l = [rnd() for _ in range(n)]
    a, b = sorted(l), sorted(l, reverse=True)
    c = list(l)
    c.sort()
    print(n, a == c, a[:6], b[:6], a == sorted(l, key=lambda x: x))
print(sorted([3, True, 1, False, 2, 0]), sorted([3, True, 1, False], reverse=True))
print(sorted([2**70, 3, -2**70, 1]), sorted([1.5, 1, 0.5]), sorted([3, 1, 2], key=lambda x: -x))
l = [3, 1, 2]
try:
    l.sort(key=lambda x: l.append(x) or x)
except ValueError as e:
    print('ValueError', e)
print(l)
`,
	"method_arg_checks": `l = [1]
s = {1}
for f in (lambda: l.append(), lambda: l.append(1, 2), lambda: l.append(x=1), lambda: l.pop(1, 2),
          lambda: l.pop(x=0), lambda: s.add(), lambda: s.add(1, 2), lambda: s.discard(x=1),
          lambda: l.insert(1), lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: l.index()):
    try:
        f()
    except TypeError as e:
        print(e)
l.append(2)
s.add(2)
print(l.pop(0), l, {}.get(1, 5), s)
`,
}

func TestContainersFast(t *testing.T) { checkProgramsAtThresholds(t, containersFastPrograms) }
