package interp

import "testing"

// fastCallOutPrograms exercise the instructions the fast loop runs by
// calling out (execPlain's, the guarded dict, set and str forms, the
// generic family heads and FOR_ITER over any iterator), the ends it took
// over from runFrom (a FOR_ITER loop that ends, an unbound local, an
// __init__'s return), the call forms (bound methods made and dropped at
// the call, defaults, closures, class calls, the recursion limit) and
// STORE_ATTR's inline way (the old value is released before the owner,
// as in CPython), and the locals a return releases (after the frame is
// gone, as in CPython: their __del__ sees the caller). Each releases an object whose __del__ looks at its
// caller's line, raises mid-way, or fails its guard after warming up (a
// dict subclass, a frozenset, a list, a str subclass, an int divided by
// zero, a property), at thresholds 1 and 2 and with specialization off,
// against CPython 3.12.
var fastCallOutPrograms = map[string]string{
	"call_outs_generic_heads": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        f = sys._getframe(1)
        print('del', self.tag, f.f_code.co_name, f.f_lineno)
class V:
    def __init__(self, n): self.n = n
    def __add__(self, o): return V(self.n + o.n)
    def __lt__(self, o): return self.n < o.n
    def __getitem__(self, k):
        if k == 3: raise IndexError('three')
        return k * 2
    def __setitem__(self, k, v):
        if k == 3: raise KeyError(k)
    def __contains__(self, k): return k == 2
    def __repr__(self): return 'V(%d)' % self.n
def ops(a, b, k):
    try:
        s = a + b
        c = a < b
        g = a[k]
        a[k] = 1
        h = k in a
        return s, c, g, h
    except (IndexError, KeyError, TypeError) as e:
        return type(e).__name__, str(e)
def its(n):
    out = []
    for i, x in enumerate(range(n)):
        out.append(i * x)
    for a, b in zip('ab', [D('z1'), D('z2')]):
        out.append(a)
    b = None
    def gen():
        yield 1
        raise ValueError('gen')
    try:
        for v in gen():
            out.append(v)
    except ValueError as e:
        out.append(str(e))
    for v in {n: 1}:
        out.append(v)
    return out
class Init:
    def __init__(self, n):
        self.n = n
        D('init%d' % n)
        if n == 3:
            return None
        if n == 4:
            return n
class Slotted:
    __slots__ = ('a',)
    def __init__(self, a):
        self.a = a
for i in range(5):
    print(ops((1, 2), (i,), 0))
    print(ops([1, 2], [i], 1))
    print(ops(V(i), V(2), i))
    print(ops((1,), 'x', 0))
    print(its(i))
    try:
        print(Init(i).n, Slotted(i).a)
    except TypeError as e:
        print('init', e)
`,
	"call_outs_guarded": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        f = sys._getframe(1)
        print('del', self.tag, f.f_code.co_name, f.f_lineno)
def check(i):
    if i > 1:
        x = 1
    return x
def ints(a, b):
    try:
        return a // b, a % b, a << b, a >> 1, a & b, a | b, a ^ b
    except ZeroDivisionError as e:
        return 'zero', str(e)
class K:
    def __init__(self, n): self.n = n
    def __hash__(self):
        if self.n < 0: raise RuntimeError('bad hash')
        return self.n
    def __eq__(self, o): return isinstance(o, K) and o.n == self.n
    def __repr__(self): return 'K(%d)' % self.n
class Sub(dict):
    def __missing__(self, k): return 'missing'
def dicts(d, k):
    try:
        v = d[k]
    except KeyError as e:
        v = 'KeyError %r' % (e.args,)
    except RuntimeError as e:
        v = 'RuntimeError %s' % e
    try:
        d[k] = D('val')
    except RuntimeError as e:
        print('store', e)
    except TypeError as e:
        print('store', e)
    try:
        d[k] = 0
    except RuntimeError as e:
        print('store', e)
    try:
        return v, k in d, k not in d
    except RuntimeError as e:
        return v, 'RuntimeError', str(e)
def sets(s, k):
    try:
        return k in s, k not in s
    except TypeError as e:
        return 'TypeError', str(e)
class S(str):
    def __lt__(self, o): return 'sub-lt'
def strs(a, b):
    return a < b, a == b, a != b, a >= b
for i in range(5):
    try:
        print(check(i))
    except UnboundLocalError as e:
        print('unbound', e)
    print(ints(100 + i, 3 - i if i < 4 else 70))
    print(dicts({1: 2, K(3): 4}, i))
    print(dicts({1: 2, K(3): 4}, K(3 - i)))
    print(dicts(Sub(a=1), 'a' if i < 3 else 'b'))
    print(sets({1, 2, 3} if i < 3 else frozenset([3]), i))
    print(sets([1, 2] if i == 4 else {2}, [i] if i == 3 else i))
    print(strs('a%d' % i, 'a2'))
    print(strs(S('x') if i == 3 else 'x', 'y' if i < 4 else 5) if i < 4 else 'skip')
    try:
        strs('x', 5)
    except TypeError as e:
        print('cmp', e)
`,
	"call_outs_plain": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        f = sys._getframe(1)
        print('del', self.tag, f.f_code.co_name, f.f_lineno)
G = None
def glob(i):
    global G
    G = D('g%d' % i)
    t = (i, i + 1)
    l = [i, t]
    c = [x * 2 for x in l[:1]]
    s = {x for x in range(i)}
    return t, l, c, sorted(s)
def slices(i):
    a = list(range(8))
    a[1:3] = [9]
    b = a[i:]
    c = a[::2]
    a[::2] = [0] * len(a[::2])
    try:
        n = 5
        n[i:]
    except TypeError as e:
        print('slice', e)
    try:
        a[::2] = [1]
    except ValueError as e:
        print('store', e)
    return a, b, c
def closure(i):
    def inner():
        return v + 1
    try:
        inner()
    except NameError as e:
        print('deref', e)
    v = i
    r = inner()
    def setter():
        nonlocal v
        v = D('cell%d' % i)
    setter()
    v = None
    return r
def setadd(i):
    try:
        return {x for x in [1, [i]]}
    except TypeError as e:
        print('setadd', e)
class BadIter:
    def __iter__(self):
        raise ValueError('no iter')
def getiter(i):
    try:
        for x in BadIter():
            pass
    except ValueError as e:
        print('iter', e, i)
    for x in [D('item%d' % i)]:
        x = None
    print('after loop')
    for k in range(2):
        pass
    for k in (1, 2):
        pass
    return x
for i in range(4):
    print(glob(i))
    print(slices(i))
    print(closure(i))
    print(setadd(i))
    print(getiter(i))
G = None
`,
	"calls_and_inits": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        print('del', self.tag)
class C:
    def __init__(self, n):
        self.n = n
    def m(self, a, b=10):
        return self.n + a + b
def deep(n):
    return deep(n + 1)
def outer(k):
    def inner(a, b=2):
        return a + b + k
    return inner
def sets(i):
    x = 'outer'
    s = {x for x in range(i)}
    t = {i, i + 1, 'a'}
    try:
        u = {[i]}
    except TypeError as e:
        print('set', e)
    return sorted(s), len(t), x
def calls(i):
    o = C(i)
    bm = o.m
    r = [bm(1), bm(1, 2), getattr(o, 'm')(3), C(i + 1).m(4), outer(i)(5), outer(i)(5, 6)]
    f = C.m
    r.append(f(o, 7))
    r.append(f(o, 7, 8))
    try:
        f(o)
    except TypeError as e:
        r.append(str(e))
    return r
sys.setrecursionlimit(100)
for i in range(4):
    print(calls(i))
    print(sets(i))
    try:
        deep(0)
    except RecursionError as e:
        print('recursion', e)
    try:
        C()
    except TypeError as e:
        print('init', e)
    print(C(D('arg%d' % i)).n.tag)
`,
	"return_releases_see_caller": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        f = sys._getframe(1)
        print('del', self.tag, f.f_code.co_name, f.f_lineno)
def local(i):
    x = D('local%d' % i)
    return i
def cell(i):
    v = D('cell%d' % i)
    def inner():
        return v
    return inner() is not None
class Init:
    def __init__(self, i):
        t = D('init%d' % i)
        self.i = i
def gen(i):
    x = D('gen%d' % i)
    yield i
for i in range(4):
    print(local(i))
    print(cell(i))
    print(Init(i).i)
    print(list(gen(i)))
`,
	"store_attr_release_order": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        f = sys._getframe(1)
        print('del', self.tag, f.f_code.co_name, f.f_lineno)
class P:
    def __init__(self):
        self.x = 0
        self.y = 0
class Q:
    def __init__(self):
        self.y = 0
        self.x = 0
def make(tag):
    p = P()
    p.x = D(tag)
    return p
def store(o, v):
    o.x = v
    return o.x
def temp(i):
    make('old%d' % i).x = D('new%d' % i)
    return i
class Prop(P):
    @property
    def x(self): return 'prop'
    @x.setter
    def x(self, v): print('setter', v)
for i in range(4):
    p = P()
    print(store(p, D('a%d' % i)).tag, store(p, i))
    print(store(Q(), i))
    print(temp(i))
    o = P()
    o.__dict__.clear()
    print(store(o, i))
    o.__dict__['x'] = 5
    print(store(o, i + 1))
    print(store(Prop(), i))
    p = None
class S:
    __slots__ = ('x',)
def sstore(o, v):
    o.x = v
    return 1
def mk(i):
    s = S()
    s.x = D('sold%d' % i)
    return s
def stemp(i):
    mk(i).x = D('snew%d' % i)
    s = mk(i + 10)
    sstore(s, D('snew%d' % (i + 10)))
    s = None
    return i
for i in range(4):
    print(stemp(i))
`,
}

func TestFastLoopCallOuts(t *testing.T) { checkProgramsAtThresholds(t, fastCallOutPrograms) }
