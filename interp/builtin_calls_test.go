package interp

import "testing"

// builtinCallPrograms check the paths issue 5's deepcopy work made
// faster against CPython 3.12: recycled dicts, views, iterators and bound
// methods, bound built-in calls, the classes' lookup caches and the dict
// hashes computed inline.
var builtinCallPrograms = map[string]string{
	"bound_builtins": `l = []
a = l.append
for i in range(5):
    a(i)
print(l, a.__self__ is l, a.__name__)
s = l.sort
s(reverse=True)
print(l)
g = {1: 2}.get
print(g(1), g(3), g(3, "d"))
try:
    g()
except TypeError as e:
    print(e)
new = object.__new__
print(type(new(object)).__name__)
class L(list):
    pass
m = L([3, 1, 2]).sort
m()
print(m.__self__)
try:
    list.append(5, 1)
except TypeError as e:
    print(e)
try:
    list.append.__get__(5)
except TypeError as e:
    print(e)
print(list.append.__get__(None, list) is list.append)
`,
	"dict_recycling": `ds = []
for n in range(60):
    d = {}
    for i in range(n):
        d[i] = str(i)
    ds.append(d)
    if n % 3 == 0:
        ds.pop(0)
print([len(d) for d in ds])
print(ds[-1][37], sorted(ds[5].items())[:3])
for d in ds:
    d.clear()
    d["x"] = 1
print(sum(d["x"] for d in ds))
memo = {}
for i in range(1000):
    memo[id(memo) + i] = i
print(len(memo), memo[id(memo) + 999])
del memo
it = iter({1: 2, 3: 4}.items())
print(next(it), list(it))
v = {"a": 1}.values()
print(list(v), len(v))
kw = [dict(a=i, b=i) for i in range(100)]
print(kw[99], sum(len(k) for k in kw))
`,
	"dict_hash_inline": `d = {}
d[1] = "a"
d[True] = "b"
d[1.0] = "c"
d[-1] = "m"
d[-2] = "n"
d[2**61 - 1] = "p"
d[0] = "z"
d[2**61] = "q"
d[2**62 + 5] = "r"
d[-(2**63)] = "s"
print(d)
print(d[1], d[-1], d[0], d[2**61 - 1], d[2**61], d[2**62 + 5], d[-(2**63)])
print(hash(-1), hash(2**61 - 1), hash(-(2**63)))
s = "".join(["k", "e", "y"])
d[s] = 5
print(d["key"], "key" in d, d.get(s))
del d[-1]
print(-1 in d, len(d))
`,
	"lookup_cache_invalidation": `class A:
    x = 1
    def m(self):
        return "A.m"
class B(A):
    pass
b = B()
print(getattr(b, "x", None), hasattr(b, "y"), b.m())
A.x = 2
A.y = 3
print(getattr(b, "x", None), getattr(b, "y", None), hasattr(b, "y"))
B.x = 4
print(getattr(b, "x"), getattr(A(), "x"))
del B.x
print(getattr(b, "x"))
del A.y
print(hasattr(b, "y"))
A.m = lambda self: "patched"
print(b.m())
class C:
    def m(self):
        return "C.m"
    z = 9
B.__bases__ = (C,)
print(b.m(), getattr(b, "z", None), getattr(b, "x", "gone"))
A.__doc__ = "doc A"
print(A.__doc__, B.__doc__)
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + o.v)
print((V(1) + V(2)).v)
V.__add__ = lambda self, o: V(self.v * 10 + o.v)
print((V(1) + V(2)).v)
del V.__add__
try:
    V(1) + V(2)
except TypeError as e:
    print(e)
class W(V):
    pass
V.__mul__ = lambda self, o: "mul"
print(W(1) * W(2))
class Meta(type):
    def __getattr__(cls, name):
        return "meta:" + name
class M(metaclass=Meta):
    pass
print(M.anything, getattr(M, "other"))
M.anything = "own"
print(M.anything)
`,
	"kwonly_defaults": `def f(a, *, b=1, c=2):
    return a, b, c
print(f(0), f(0, c=5))
f.__kwdefaults__ = {"b": 7}
print(f(1, c=3))
try:
    f(1)
except TypeError as e:
    print(e)
class S(str):
    pass
f.__kwdefaults__ = {S("b"): 8, "c": 9}
print(f(2))
`,
	"zip_map_paths": `print(list(zip((1, 2, 3), "ab")))
print(list(zip(*[range(3)] * 6)))
try:
    list(zip((1, 2), (1,), strict=True))
except ValueError as e:
    print(e)
def gen():
    yield 1
    raise KeyError("boom")
try:
    list(zip(gen(), gen()))
except KeyError as e:
    print("KeyError", e)
print(list(map(lambda *a: sum(a), *[range(4)] * 6)))
print(list(map(pow, [2, 3], [5, 2])))
def bad(x):
    raise ValueError(x)
try:
    list(map(bad, [7]))
except ValueError as e:
    print("ValueError", e)
for a, b in zip({1: 2}.items(), [3]):
    print(a, b)
`,
}

func TestBuiltinCallPaths(t *testing.T) { checkPrograms(t, builtinCallPrograms) }
