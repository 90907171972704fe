package interp

import "testing"

// attrSpecPrograms exercise the guards of the attribute forms the fast
// loop runs inline: each site runs warm on one layout, then meets
// another that must fail the guard (a dict of another shape, one
// without a shape, another type, a changed class or module), and the
// result must still be CPython's.
var attrSpecPrograms = map[string]string{
	// LOAD_ATTR_WITH_HINT's shape guard: instances whose dicts hold the
	// name at other indexes, or have no shape at all (a deleted key,
	// more keys than a shape takes, a dict set through __dict__).
	"load_attr_shapes": `class C:
    def __init__(self, first):
        if first:
            self.x = 1
            self.y = 2
        else:
            self.y = 20
            self.x = 10
def f(o): return o.x + o.y
a, b = C(True), C(False)
d = C(True)
d.z = 5
del d.z
e = C(True)
for i in range(40):
    setattr(e, 'k%d' % i, i)
g = C(False)
g.__dict__ = {'y': 7, 'x': 8}
h = C(True)
h.__dict__ = a.__dict__
out = []
for o in [a, a, a, b, b, a, d, d, a, e, e, a, g, g, b, h, a] * 2:
    out.append(f(o))
a.x = 100
out.append(f(a))
out.append(f(h))
print(out)
`,
	// A method load and a plain load of the same name at one site, and a
	// polymorphic site that fills several ways with shapes of their own.
	"load_attr_shape_ways": `class A:
    def __init__(self): self.v = 'A'
class B:
    def __init__(self): self.w = 0; self.v = 'B'
class Cc:
    def __init__(self): self.a = 1; self.b = 2; self.v = 'C'
class D(A):
    pass
def f(o): return o.v
objs = [A(), B(), Cc(), D(), A()]
out = []
for i in range(30):
    o = objs[i % len(objs)]
    out.append(f(o))
    if i == 12:
        objs[0].__dict__.clear()
        objs[0].v = 'cleared'
    if i == 20:
        B.v = property(lambda self: 'prop')
print(out)
`,
	// STORE_ATTR_WITH_HINT: existing keys under the shape guard, new keys
	// appended along the cached child shape, and dicts that leave it.
	"store_attr_shapes": `class C:
    def __init__(self, i, first):
        if first:
            self.a = i
            self.b = i + 1
        else:
            self.b = i + 1
            self.a = i
        self.c = i + 2
        self.d = [i, str(i)]
def bump(o, v): o.a = v; o.c = v
out = []
for i in range(30):
    o = C(i, i % 3 != 0)
    if i == 10: o.__dict__ = {'q': 1}
    if i == 15: del o.b
    bump(o, i * 10)
    out.append(sorted(o.__dict__.items()))
class S:
    pass
s = S()
for i in range(10):
    s.x = i
    if i == 4: del s.x
    if i == 6: s.__dict__ = {}
out.append(s.__dict__)
for i in range(6):
    o = C.__new__(C)
    if i % 2:
        o.t = 1
        del o.t
    o.__init__(i, True)
    out.append(sorted(o.__dict__.items()))
print(out)
`,
	// LOAD_ATTR_SLOT, STORE_ATTR_SLOT: an unset slot raises, another
	// class with the name at another slot, a class that changes.
	"slot_attrs": `class P:
    __slots__ = ('x', 'y')
    def __init__(self, x): self.x = x
class Q:
    __slots__ = ('y', 'x')
    def __init__(self, x): self.x = x; self.y = -x
def f(o):
    try:
        return o.x, o.y
    except AttributeError as e:
        return str(e)
def g(o, v): o.x = v
out = []
for i in range(20):
    o = P(i) if i % 4 else Q(i)
    if i % 5 == 0 and i < 12: o.y = i
    g(o, i * 2)
    out.append(f(o))
    if i == 12: P.y = 'shadow'
print(out)
`,
	// LOAD_ATTR_CLASS and LOAD_ATTR_MODULE: the class or module changes
	// under a warm site, and a site meets an owner of another kind.
	"class_and_module_attrs": `import sys
math = type(sys)('m')
math.pi = 3.14159
class K:
    k = 1
    def m(self): return 2
class L(K):
    pass
class M:
    k = 'M'
def f(c): return c.k
def g(m): return m.pi
out = []
for i in range(20):
    out.append(f(L if i % 2 else K))
    out.append(f(M) if i == 9 else 0)
    if i == 6: K.k = 10
    if i == 11: L.k = 'L'
    if i == 15: del L.k
    out.append(round(g(math), 3))
    if i == 8: math.pi = 3
    if i == 12: out.append(g(K) if hasattr(K, 'pi') else 'no pi')
print(out)
`,
	// The fast paths' other exits: a call of an attribute (the method
	// flag of LOAD_ATTR), an owner or an old value whose last reference
	// the instruction drops, and __del__ run by it.
	"attr_lifetimes": `class C:
    def __init__(self, i):
        self.x = i
        self.cb = lambda: i * 2
    def __del__(self):
        out.append('del')
class P:
    __slots__ = ('x',)
    def __init__(self, i): self.x = i
class K:
    k = 3
    def m(o): return 'm'
class V:
    def __del__(self): out.append('V')
def run(o, i):
    out.append(C(i).x)
    out.append(o.cb())
    out.append(P(i).x)
    out.append(K.m(o))
    out.append(K.k)
    C(i).x = 5
    o.x = V() if i % 3 == 0 else i
    out.append(len(out))
out = []
o = C(0)
for i in range(8):
    run(o, i)
print(out)
`,
}

func TestAttrSpecGuards(t *testing.T) { checkProgramsAtThresholds(t, attrSpecPrograms) }
