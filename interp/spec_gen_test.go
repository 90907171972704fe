package interp

import (
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// genSuperPrograms exercise FOR_ITER_GEN, SEND_GEN, RETURN_GENERATOR in
// the fast loop, LOAD_SUPER_ATTR_ATTR and _METHOD and
// BINARY_SUBSCR_GETITEM: each site runs warm (a hit), then meets what its
// guard refuses (a miss: another iterator, a running generator, a
// rebound super, a changed class, a __getitem__ that no longer fits), in
// the shapes the generic forms handle, against CPython 3.12.
var genSuperPrograms = map[string]string{
	"for_iter_gen": `def count(n):
    for i in range(n):
        yield i
    return 'done'
def total(it):
    s = 0
    for x in it:
        s += x
    return s
out = []
for k in range(6):
    out.append(total(count(k)))
out.append(total([1, 2, 3]))       # the same site over a list: a miss
out.append(total(iter((4, 5))))
out.append(total(x * 2 for x in range(5)))
out.append(total(count(3)))
print(out)
def raising():
    yield 1
    raise ValueError('boom')
for k in range(3):
    try:
        print(total(raising()))
    except ValueError as e:
        print('caught', e)
def reentrant():
    for x in g:
        yield x
g = reentrant()
try:
    for x in g:
        pass
except ValueError as e:
    print(e)
def with_exc():
    try:
        raise KeyError('k')
    except KeyError:
        yield 1
        import sys
        yield repr(sys.exception())
    yield repr(__import__('sys').exception())
try:
    raise IndexError('outer')
except IndexError:
    for v in with_exc():
        print(v)
print(list(count(4)), sum(count(10)))
`,
	"send_gen": `def inner(n):
    got = []
    for i in range(n):
        got.append((yield i))
    return got
def outer(n):
    r = yield from inner(n)
    yield r
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration(self.i)
        return self.i
def deleg(src):
    r = yield from src
    yield ('ret', r)
for k in range(4):
    g = outer(k)
    out = []
    try:
        out.append(next(g))
        while True:
            out.append(g.send(len(out)))
    except StopIteration:
        pass
    print(out)
print([list(deleg(inner(2))) for _ in range(3)])
print(list(deleg(It())))        # not a generator: SEND_GEN misses
print(list(deleg([7, 8])))
def fresh():
    yield 1
def send_fresh():
    g = fresh()
    r = yield from g
    return r
print(list(send_fresh()), list(send_fresh()))
def thrower():
    try:
        yield 1
        yield 2
    except ZeroDivisionError:
        yield 'handled'
def outer_throw():
    yield from thrower()
g = outer_throw()
print(next(g), g.throw(ZeroDivisionError), list(g))
g = outer_throw()
next(g)
g.close()
print('closed')
async def leaf(x):
    return x * 2
async def mid(x):
    return await leaf(x) + 1
def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value
print([run(mid(i)) for i in range(5)])
`,
	"generator_creation": `def gen(a, b=2):
    yield a
    yield b
def make():
    return [list(gen(i)) for i in range(4)]
print(make(), make())
class C:
    def items(self):
        yield from (1, 2)
print([list(C().items()) for _ in range(3)])
def deep(n):
    if n:
        yield from deep(n - 1)
    yield n
print(list(deep(50)))
def rec(n):
    yield from rec(n + 1)
try:
    list(rec(0))
except RecursionError as e:
    print('RecursionError')
`,
	"super_forms": `class A:
    k = 'A.k'
    def m(self, x): return ('A.m', x)
    @property
    def p(self): return 'A.p'
    @classmethod
    def cm(cls): return ('A.cm', cls.__name__)
    @staticmethod
    def sm(): return 'A.sm'
class B(A):
    def m(self, x): return ('B', super().m(x))
    def attrs(self): return (super().k, super().p, super().cm(), super().sm())
    def two(self): return super(B, self).m(0)
    def cls_of(self): return super().__class__
class C(B):
    pass
out = []
for i in range(6):
    c = C()
    out.append(c.m(i))
    out.append(c.attrs())
    out.append(c.two())
    if i == 2:
        A.m = lambda self, x: ('patched', x)
    if i == 3:
        A.k = 'new k'
    if i == 4:
        B.m2 = B.m
print(out)
print(B().cls_of())
class D(A):
    def m(self, x): return ('D', super().m(x))
b = B()
for i in range(3):
    out.append(b.m(i))
    if i == 1:
        b.__class__ = D     # another type at the same site
print(out[-3:])
class E(A):
    def missing(self): return super().nope
for i in range(3):
    try:
        E().missing()
    except AttributeError as e:
        print(e)
class F(A):
    @classmethod
    def make(cls): return super().cm()
    def __init__(self, v):
        super().__init__()
        self.v = v
print([F.make() for _ in range(3)], [F(i).v for i in range(3)])
class G(A):
    def m(self, x):
        return super().m(x)
g = G()
print(g.m(1))
# The global super rebound (through globals(): an assignment would make
# the compiler call it as a plain function, as CPython's does).
globals()['super'] = lambda *a: A()
print(g.m(2))
del globals()['super']
print(g.m(3))
import builtins
real = builtins.super
builtins.super = lambda *a: B()
print(g.m(4))
builtins.super = real
print(g.m(5))
`,
	"getitem_forms": `class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
class Sub(Seq):
    pass
def get(s, i): return s[i]
out = []
for i in range(5):
    out.append(get(Seq(9), i))
    out.append(get(Sub(9), i))
out.append(get([1, 2, 3], 1))     # a list at the same site: a miss
out.append(get({'a': 1}, 'a'))
try:
    get(Seq(2), 5)
except IndexError as e:
    out.append(('IndexError', e.args))
out.append(list(Seq(3)))          # the old iteration protocol
Seq.__getitem__ = lambda self, i: -i
out.append([get(Seq(1), i) for i in range(3)])
class Cl:
    def __init__(self, k): self.k = k
    def __getitem__(self, i):
        k = self.k
        def inner(): return k + i
        return inner()
out.append([get(Cl(100), i) for i in range(3)])
class Defaults:
    def __getitem__(self, i, extra=1): return i + extra
out.append([get(Defaults(), i) for i in range(3)])
class Code:
    def __getitem__(self, i): return 'one'
for i in range(4):
    out.append(get(Code(), i))
    if i == 1:
        Code.__getitem__.__code__ = (lambda self, i, j=0: 'two').__code__
class Inst:
    def __getitem__(self, i): return 'class'
o = Inst()
o.__getitem__ = lambda i: 'instance'
out.append([get(o, i) for i in range(3)])
class Gen:
    def __getitem__(self, i):
        yield i
out.append([list(get(Gen(), i)) for i in range(3)])
class Rec:
    def __getitem__(self, i): return self[i + 1]
try:
    Rec()[0]
except RecursionError:
    out.append('RecursionError')
print(out)
class Key:
    def __getitem__(self, k): return {'a': 1}[k]
def look(k): return Key()[k]
for k in ['a', 'a', 'b']:
    try:
        print(look(k))
    except KeyError as e:
        print('KeyError', e)
`,
}

func TestGenSuperGetitemForms(t *testing.T) { checkProgramsAtThresholds(t, genSuperPrograms) }

// TestGenSuperGetitemSpecialize checks with the stats that the programs
// above do run each new form, and miss it: a silent fall-back to the
// generic forms would pass the output comparison.
func TestGenSuperGetitemSpecialize(t *testing.T) {
	t.Setenv("PARALLEL_SPECIALIZE_THRESHOLD", "1")
	t.Setenv("PARALLEL_STATS", "1")
	hit, miss := map[bytecode.Op]uint64{}, map[bytecode.Op]uint64{}
	for name, src := range genSuperPrograms {
		_, _, in, _ := runForTest(t, src)
		s := in.spec.stats
		if s == nil {
			t.Fatalf("%s: no stats", name)
		}
		for op := range s.hit {
			hit[bytecode.Op(op)] += s.hit[op]
			miss[bytecode.Op(op)] += s.miss[op]
		}
		in.Close()
	}
	for _, op := range []bytecode.Op{bytecode.FOR_ITER_GEN, bytecode.SEND_GEN, bytecode.LOAD_SUPER_ATTR_ATTR,
		bytecode.LOAD_SUPER_ATTR_METHOD, bytecode.BINARY_SUBSCR_GETITEM} {
		if hit[op] == 0 || miss[op] == 0 {
			t.Errorf("%s: %d hits, %d misses: want both", op, hit[op], miss[op])
		}
	}
}
