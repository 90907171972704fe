package interp

import "testing"

// instanceNewPrograms exercise the paths that make instances and give
// them their first attributes: CALL_ALLOC_AND_ENTER_INIT's
// newPlainInstance (a dict block, a plain block, __slots__ blocks, and
// the classes it leaves to objectNew), the new-attribute store along a
// way's cached child shape (storeNewAttrAt) and its fallbacks, the fast
// loop's STORE_ATTR_SLOT (storeAttrAt), and an instance's death with
// its block's dict (releaseBlockDict) or without it. Each runs warm,
// then meets what must fail a guard.
var instanceNewPrograms = map[string]string{
	// One store site meets dicts at the cached child's parent (append),
	// at the child itself (a store in place through a new attribute's
	// way), at other shapes, and without a shape.
	"new_attr_child_shape": `class C:
    def __init__(self, i, order):
        if order == 0:
            self.a = i
            self.b = i + 1
        elif order == 1:
            self.b = i + 1
            self.a = i
        else:
            self.a = i
            self.a = -i
            self.b = 0
def add_c(o, v): o.c = v
out = []
objs = []
for i in range(40):
    o = C(i, i % 5 == 3 and 1 or (2 if i % 7 == 6 else 0))
    add_c(o, i)
    if i % 6 == 0:
        add_c(o, -i)
    if i == 20:
        del o.a
        add_c(o, 'x')
    if i == 25:
        o.__dict__ = {'z': 1}
        add_c(o, 'y')
    objs.append(o)
    out.append(sorted(o.__dict__.items()))
for o in objs[::7]:
    add_c(o, 'again')
    out.append(list(o.__dict__))
print(out)
`,
	// Instances whose attributes outgrow the block's dict (its tables
	// then are the dict's own), die, and are made again from recycled
	// blocks; a class that gains a data descriptor under a warm site.
	"new_attr_growth": `class G:
    def __init__(self, n):
        for k in range(n):
            setattr(self, 'f%d' % k, k)
        self.last = n
class H:
    def __init__(self, v):
        self.v = v
        self.w = v * 2
out = []
for r in range(3):
    for n in (1, 4, 6, 12, 25, 3):
        g = G(n)
        out.append((len(g.__dict__), g.last, getattr(g, 'f%d' % (n - 1))))
for i in range(30):
    h = H(i)
    out.append(h.w)
    if i == 18:
        H.w = property(lambda self: 'prop', lambda self, v: out.append(('set', v)))
print(out)
`,
	// An instance dict that outlives its instance (kept, or in a cycle
	// through a value), values whose __del__ runs as the instance dies,
	// an instance resurrected by __del__, and a weak reference.
	"instance_dict_lifetimes": `import _weakref, gc
class V:
    def __init__(self, tag): self.tag = tag
    def __del__(self): out.append('V' + self.tag)
class C:
    def __init__(self, i):
        self.i = i
        self.v = V(str(i))
kept = []
saved = []
class R:
    def __init__(self, i): self.i = i
    def __del__(self):
        if self.i == 3:
            saved.append(self)
out = []
for i in range(12):
    c = C(i)
    if i % 4 == 1:
        kept.append(c.__dict__)
    if i % 4 == 2:
        c.me = c
    if i == 7:
        w = _weakref.ref(c)
    del c
    out.append(len(kept))
    R(i)
gc.collect()
out.append(w() is None)
out.append(sorted(d['i'] for d in kept))
out.append([r.i for r in saved])
saved[0].j = 5
out.append(sorted(saved[0].__dict__.items()))
print(out)
`,
	// Classes CALL_ALLOC_AND_ENTER_INIT makes instances of: none, one or
	// many __slots__ (with and without __dict__), a class with no
	// attributes yet, __init__ with a closure, and __init__ returning a
	// value.
	"alloc_init_kinds": `class E:
    def __init__(self, a): pass
class S1:
    __slots__ = ('a',)
    def __init__(self, a): self.a = a
class S3:
    __slots__ = ('a', 'b', 'c')
    def __init__(self, a): self.a = a; self.b = a + 1
class S9:
    __slots__ = tuple('s%d' % k for k in range(9))
    def __init__(self, a): self.s0 = a; self.s8 = -a
class SD:
    __slots__ = ('a', '__dict__')
    def __init__(self, a): self.a = a; self.z = a * 3
def make(k):
    class Cl:
        def __init__(self, a): self.a = a + k
    return Cl
Cl = make(100)
class Bad:
    def __init__(self, a): return a
out = []
for i in range(20):
    out.append(type(E(i)).__name__)
    out.append(S1(i).a)
    s = S3(i)
    try:
        out.append((s.a, s.b, s.c))
    except AttributeError as e:
        out.append(str(e))
    s9 = S9(i)
    out.append((s9.s0, s9.s8, hasattr(s9, 's4')))
    sd = SD(i)
    out.append((sd.a, sd.__dict__))
    out.append(Cl(i).a)
    try:
        Bad(i if i % 3 else None)
        out.append('ok')
    except TypeError as e:
        out.append(str(e))
print(out)
`,
	// A class whose CALL_ALLOC_AND_ENTER_INIT site goes stale: it becomes
	// abstract, gets a __new__, its __init__ changes, instances change
	// class, and __init__ recurses past the limit.
	"alloc_init_guards": `import sys
class A:
    def __init__(self, x): self.x = x
class B:
    def __init__(self, x): self.x = -x
def make(cls, i): return cls(i)
out = []
for i in range(24):
    try:
        o = make(A, i)
        out.append((type(o).__name__, o.x))
        if i % 5 == 0:
            o.__class__ = B
            out.append(type(o).__name__)
    except TypeError as e:
        out.append(str(e)[:40])
    if i == 6:
        A.__abstractmethods__ = frozenset({'m'})
    if i == 8:
        A.__abstractmethods__ = frozenset()
    if i == 12:
        A.__new__ = lambda cls, x: B(x * 10)
    if i == 16:
        A = type('A', (), {'__init__': lambda self, x: setattr(self, 'x', x * 3)})
    if i == 20:
        A.__init__ = lambda self, x: setattr(self, 'x', 'new')
class Deep:
    def __init__(self, n):
        self.n = n
        if n:
            Deep(n - 1)
sys.setrecursionlimit(200)
try:
    Deep(500)
except RecursionError as e:
    out.append('recursion')
Deep(20)
print(out)
`,
	// STORE_ATTR_SLOT in the fast loop: an unset slot, an old value whose
	// last reference the store drops (its __del__ runs), an owner whose
	// last reference it drops, and a site that meets another class.
	"store_slot_lifetimes": `class D:
    def __init__(self, t): self.t = t
    def __del__(self): out.append('del ' + self.t)
class P:
    __slots__ = ('x', 'y')
    def __init__(self): pass
class Q:
    __slots__ = ('y', 'x')
    def __init__(self): pass
class N:
    def __init__(self): pass
def put(o, v): o.x = v
out = []
p = P()
for i in range(12):
    put(p, D(str(i)) if i % 3 == 0 else i)
    out.append(p.x if not isinstance(p.x, D) else p.x.t)
    put(P(), D('tmp%d' % i) if i % 4 == 0 else i)
    q = Q()
    put(q, i)
    out.append((q.x, hasattr(q, 'y')))
    if i == 8:
        n = N()
        put(n, 'dict')
        out.append(n.__dict__)
try:
    P().y
except AttributeError as e:
    out.append(str(e))
print(out)
`,
	// CALL_ALLOC_AND_ENTER_INIT of an __init__ whose parameters the
	// call does not fit exactly (callAllocInit binds them as any call
	// would): defaults, *args, **kwargs, keyword-only parameters, and
	// the TypeErrors of bad calls, whose instance dies unseen.
	"init_binds_arguments": `class Rec:
    def __init__(self, name, level, msg, func=None, sinfo=None, **kwargs):
        self.name, self.level, self.msg = name, level, msg
        self.func, self.sinfo, self.kw = func, sinfo, kwargs
class Var:
    def __init__(self, *args, sep='-'):
        self.s = sep.join(map(str, args))
class Kw:
    def __init__(self, a, *, b, c=3):
        self.t = (a, b, c)
class Dying:
    def __init__(self, a, b=2):
        self.a = a
    def __del__(self):
        print('del', self.__dict__)
out = []
for i in range(12):
    r = Rec('n%d' % i, i, 'm') if i % 3 else Rec('n', i, 'm', 'f', i)
    out.append((r.name, r.level, r.func, r.sinfo, r.kw))
    out.append(Var(*range(i % 4)).s)
    out.append(Var(i, i + 1).s)
    try:
        out.append(Kw(i).t)
    except TypeError as e:
        out.append(str(e))
    try:
        Rec('only')
    except TypeError as e:
        out.append(str(e))
    try:
        Dying(i, 2, 3)
    except TypeError as e:
        out.append(str(e))
    d = Dying(i)
    out.append(d.a)
    del d
print(out)
`,
}

func TestInstanceNewPrograms(t *testing.T) { checkProgramsAtThresholds(t, instanceNewPrograms) }
