package interp

import "testing"

// Classes derived from bytearray, zip, map, filter, reversed and
// SimpleNamespace, and the built-in types that refuse to be bases,
// compared with CPython.
func TestSubclassMoreBuiltins(t *testing.T) {
	checkPrograms(t, map[string]string{
		"bytearray": `
import _weakref as weakref, gc
class B(bytearray): pass
b = B(b'ab'); b.x = 1
print(repr(b), b, type(b), b.x, b.__dict__, isinstance(b, bytearray), type(b) is B)
print(type(b + b'c'), type(b[:]), type(b.copy()), type(b * 2), type(b.upper()), type(b.split()[0]), type(B.fromhex('41')), B.fromhex('41'))
b += b'z'; print(type(b), b)
print(B('\xe9', 'utf-8'), B('\xe9', encoding='latin-1'), B(source='x', encoding='ascii', errors='strict'), B(3), B(), B([1, 2]), B(iter([7])))
print(bytearray.__new__(B, b'xyz'), type(bytearray.__new__(B)), bytearray.__new__(bytearray, 1, 2, x=3))
c = bytearray(b'abc'); c.__init__(b'q'); print(c)
c.__init__(); print(c)
c.__init__('zz', 'ascii'); print(c)
c.__init__(2); print(c)
for a, k in [(('x',), {}), ((1, 2, 3, 4), {}), (('x', 'nope'), {}), ((), {'foo': 1}), ((b'a',), {'encoding': 'utf-8'}),
             ((-1,), {}), ((), {'errors': 'strict'}), ((1.5,), {}), (([256],), {}), ((['a'],), {}), (('x', 1), {})]:
    try: B(*a, **k)
    except Exception as e: print(type(e).__name__, e)
class N(bytearray):
    def __init__(self, v, extra=None): super().__init__(v); self.extra = extra
print(N(b'k', extra=5), N(b'k', extra=5).extra)
class M(bytearray):
    def __new__(cls, *a, **k): return super().__new__(cls)
try: print(M(b'x', foo=1))
except TypeError as e: print(e)
print(M(b'x'))
b.y = [1]
r = weakref.ref(b); print(r() is b)
class S(bytearray): __slots__ = ('a',)
s = S(b'z'); s.a = 3; print(s.a, hasattr(s, '__dict__'))
try: s.b = 1
except AttributeError as e: print(e)
try: weakref.ref(s)
except TypeError as e: print(e)
x = B(b'cycle'); x.self = x; r = weakref.ref(x); del x; gc.collect(); print(r())
m = memoryview(b)
try: b.__init__(b'longer one')
except BufferError as e: print(e)
m.release()
try: hash(b)
except TypeError as e: print(e)
print(b == bytearray(b'abz'), b == b'abz', B.__hash__)
class E(bytearray):
    def __repr__(self): return 'E!'
print(repr(E(b'1')), str(E(b'1')), E(b'1').__str__(), bytearray.__str__(E(b'2')))
print(B(b'ab') < B(b'b'), B(b'12').decode(), int(B(b'12')), float(B(b'1.5')), bytes(B(b'q')), b'' + B(b'r'))
def g():
    for i in range(1, 20):
        yield i
        assert len(d) == i and d.__alloc__() > len(d)
d = bytearray(); d.__init__(g()); print(len(d), d.__alloc__() > 19, bytearray().__alloc__())
class I(bytes):
    def __index__(self): raise TypeError
print(bytearray(I(b'buf')), B(I(b'buf')))
import marshal; print(marshal.loads(marshal.dumps(B(b'mm'))))
print(B(b'x').__sizeof__() == bytearray(b'x').__sizeof__(), S().__sizeof__() - bytearray().__sizeof__())
for a in [(), (1,)]:
    try: bytearray.__new__(*a)
    except TypeError as e: print(e)
try: bytearray.__init__(1)
except TypeError as e: print(type(e).__name__)
`,
		"zip map filter": `
import _weakref as weakref, gc
class Z(zip): pass
class M(map): pass
class F(filter): pass
z = Z('ab', [1, 2]); z.x = 1
print(type(z), z.x, z.__dict__, list(z), isinstance(z, zip), repr(Z())[:16])
print(list(Z('ab', 'cd', strict=True)), list(M(str.upper, 'ab')), list(F(None, [0, 1, 2])), list(M(pow, [2, 3], [3, 2])))
for f, a, k in [(Z, ('a',), {'foo': 1}), (Z, ('a',), {'strict': 1, 'x': 2}), (M, (str,), {}), (M, (str, 'a'), {'k': 1}),
                (M, (), {}), (F, (None,), {}), (F, (None, 'a', 'b'), {}), (F, (None, 'a'), {'k': 1}), (F, (), {}),
                (map, (str,), {}), (filter, (None,), {}), (zip, ('a',), {'foo': 1}), (Z, (1,), {}), (M, (str, 1), {}), (F, (None, 1), {})]:
    try: print(f(*a, **k))
    except Exception as e: print(f.__name__, type(e).__name__, e)
try: list(Z('ab', 'c', strict=True))
except ValueError as e: print(e)
class Zi(zip):
    def __init__(self, *a, **k): self.k = k
try: Zi('a', 'b', foo=3)
except TypeError as e: print('Zi', e)
print(list(Zi('a', 'b', strict=True)))
class Mi(map):
    def __init__(self, *a, **k): self.k = k
mi = Mi(str, 'ab', foo=3); print(list(mi), mi.k)
class Fi(filter):
    def __init__(self, *a, **k): self.k = k
fi = Fi(None, [0, 5], foo=3); print(list(fi), fi.k)
class Mn(map):
    def __new__(cls, *a, **k): return super().__new__(cls, *a)
print(list(Mn(str, 'ab', q=1)))
class Fn(filter):
    def __new__(cls, it): return super().__new__(cls, None, it)
print(list(Fn([0, 3, 0, 4])))
class Zn(zip):
    def __new__(cls, *a): return super().__new__(cls, *a, strict=True)
try: print(list(Zn('ab', 'c')))
except ValueError as e: print(e)
class Mnext(map):
    def __next__(self): return 2 * super().__next__()
print(list(Mnext(int, '12')))
objs = [Z('ab', 'cd', strict=True), M(ord, 'ab'), F(None, [0, 1, 2])]
for o in objs:
    o.attr = [1]
    for p in range(6):
        f, args = o.__reduce_ex__(p)[:2]; print(p, f.__name__, len(o.__reduce_ex__(p)))
    f, args = o.__reduce__()[:2]
    c = f(*args)
    if len(o.__reduce__()) > 2: c.__setstate__(o.__reduce__()[2])
    print(type(c).__name__, c.__dict__, list(c), list(o))
    r = weakref.ref(o); print(r() is o)
del objs, o, c
for make in [lambda: Z('ab'), lambda: M(ord, 'ab'), lambda: F(None, 'ab')]:
    o = make()
    o.cyc = o
    r = weakref.ref(o)
    del o
    gc.collect()
    print('freed', r())
zz = Z('ab', 'c', strict=True)
f, args, state = zz.__reduce__(); c = f(*args); c.__setstate__(state)
try: print(list(c))
except ValueError as e: print(e)
class ZS(zip): __slots__ = ('a', 'b')
zs = ZS('a'); zs.a = 1; print(zs.a, hasattr(zs, '__dict__'))
try: weakref.ref(zs)
except TypeError as e: print(e)
for t in (zip, map, filter, reversed):
    for a in [(int,), (), (1,)]:
        try: t.__new__(*a)
        except TypeError as e: print(e)
print(list(zip.__new__(Z, 'ab', 'cd')), type(map.__new__(M, str, 'a')), list(filter.__new__(F, None, [1, 0])))
`,
		"reversed namespace": `
import _weakref as weakref, gc, sys
SimpleNamespace = type(sys.implementation)
class R(reversed): pass
r = R((1, 2, 3)); r.x = 1
print(type(r), r.__dict__, list(r), type(R(range(3))), list(R(range(3))), r.__length_hint__())
class Rv:
    def __reversed__(self): return iter('xy')
print(type(R(Rv())))
for a, k in [((), {}), (([1], [2]), {}), (([1],), {'k': 1}), ((1,), {}), (({},), {})]:
    try: R(*a, **k)
    except TypeError as e: print(e)
class Ri(reversed):
    def __init__(self, seq, k=None): self.k = k
print(list(Ri('ab', k=2)), Ri('ab', k=2).k)
o = R('abc'); next(o); o.q = 1
f, args, state = o.__reduce__(); c = f(*args); c.__setstate__(state)
print(f.__name__, state, type(c).__name__, c.__dict__, list(c), o.__reduce_ex__(2)[0].__name__)
o.cyc = o; w = weakref.ref(o); del o; gc.collect(); print(w())
l = [1]; ro = reversed(l[:] and (1, 2)); print(list(ro))
class NS(SimpleNamespace): pass
n = NS(a=1, b=2); print(n, type(n), n.__dict__, n == SimpleNamespace(a=1, b=2), repr(NS()))
try: NS(1)
except TypeError as e: print(e)
try: SimpleNamespace(1)
except TypeError as e: print(e)
try: hash(n)
except TypeError as e: print(e)
class NSi(SimpleNamespace):
    def __init__(self, x, **k): super().__init__(**k); self.x = x
print(NSi(3, y=4))
class NSn(SimpleNamespace):
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
print(NSn(q=1))
print(SimpleNamespace.__new__(NS, 1, 2, z=3))
s = SimpleNamespace(a=1); s.__init__(b=2); print(s, s.__reduce__())
f, args, state = n.__reduce__(); c = f(*args); c.__dict__.update(state)
print(c, type(c).__name__, n.__reduce__(), n.__reduce_ex__(2))
n.cyc = n; w = weakref.ref(n); del n; gc.collect(); print(w())
class NSs(SimpleNamespace): __slots__ = ('a',)
ns = NSs(); ns.a = 1; print(ns.a, ns, ns.__dict__)
class Q(SimpleNamespace):
    def __setattr__(self, k, v): print('setattr', k); super().__setattr__(k, v)
q = Q(z=1); q.w = 2; print(q)
`,
		"refused bases": `
import _weakref, sys
def f(): pass
for t in [bool, memoryview, range, slice, type(f), type(f.__code__), _weakref.ProxyType, type(int | str), type(sys.flags), type(None), type(Ellipsis)]:
    try:
        class X(t): pass
        print('ok', t.__name__)
    except TypeError as e: print(e)
`,
	})
}
