package modules_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

var functoolsPrograms = map[string]string{
	"reduce cmp_to_key": tryAll + `import _functools as ft
print(ft.reduce(lambda a, b: a + b, [1, 2, 3]), ft.reduce(lambda a, b: a + b, [], 5), ft.reduce(lambda a, b: a * b, range(1, 6), 10), ft.reduce(max, 'hello'))
print(ft.reduce(lambda a, b: a + [b], 'ab', []), ft.reduce(lambda a, b: 1/0, [7]))
def gen():
    yield 1; yield 2; raise KeyError('x')
k = ft.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=k), sorted('bca', key=ft.cmp_to_key(lambda a, b: -1 if a > b else 1)), k(1) < k(2), k(1) == k(1), k(2) >= k(3), k(1).obj)
x = k(1); x.obj = 5; print(x.obj); del x.obj; print(x.obj)
print(type(k).__name__, type(k).__module__, type(k), type(k(1)) is type(k), str(k).split(' at ')[0], k.__hash__)
def cmp(a, b):
    print('cmp', a, b); return 'r'
class R:
    def __lt__(self, o): return 'lt'
    def __repr__(self): return 'R'
print(ft.cmp_to_key(lambda a, b: R())(1) < ft.cmp_to_key(lambda a, b: R())(2))
tryall('ft.reduce()', 'ft.reduce(1, [])', 'ft.reduce(lambda a,b:a, [])', 'ft.reduce(function=1, iterable=2)', 'ft.reduce(1, 2, 3, 4)', 'ft.reduce(len, 1)',
       'ft.reduce(lambda a, b: a + b, gen())', 'ft.reduce(1, [1, 2])', 'ft.cmp_to_key()', 'ft.cmp_to_key(1, 2)', 'ft.cmp_to_key(mycmp=None)', 'ft.cmp_to_key(x=1)',
       'k()', 'k(1, 2)', 'k(obj=3).obj', 'k(1) < 3', 'hash(k(1))', 'k(1) < ft.cmp_to_key(cmp)(2)', 'ft.cmp_to_key(cmp)(1) == ft.cmp_to_key(cmp)(2)', 'x < k(2)',
       'ft.cmp_to_key(1)(1) < ft.cmp_to_key(1)(2)', 'type(k)()')
`,
	"partial": tryAll + `import _functools as ft
def f(*a, **k): return a, k
p = ft.partial(f, 1, x=2)
print(p(3, y=4), p(x=5), p.func is f, p.args, p.keywords, repr(p).replace(hex(id(f)), 'F'), type(p), p.__dict__)
q = ft.partial(p, 3, y=4); print(q.func is f, q.args, q.keywords, q(), repr(q).replace(hex(id(f)), 'F'))
p.attr = 1; r = ft.partial(p, 9); print(r.func is p, r.args, p.attr, p.__dict__, r())
print(p.__reduce__()[0], p.__reduce__()[2][1:], ft.partial(f).__reduce__()[2][1:])
s = ft.partial(len); s.__setstate__((f, (1,), {'a': 1}, {'q': 2})); print(repr(s).replace(hex(id(f)), 'F'), s.__dict__, s())
s.__setstate__((f, [1, 2], None, None)); print(s.args, s.keywords, s.__dict__)
class P(ft.partial):
    def extra(self): return 'extra'
pp = P(f, 1); print(repr(pp).replace(hex(id(f)), 'F'), pp(2), pp.extra(), ft.partial(pp, 2).args, P(pp, 2).args, type(P(pp, 2)).__name__)
pp.a = 1; print(ft.partial(pp, 2).args)
class P2(ft.partial):
    def __call__(self, *a): return 'own call'
print(ft.partial(P2(f, 1), 2).args, P2(f)(1))
class A:
    m = ft.partial(f, 'bound?')
print(A().m(1), A.m(2))
p = ft.partial(f, a=1); print(p(a=2), p.keywords)
p.keywords['b'] = 3; print(p())
l = []; p = ft.partial(f, l); l.append(p); print(repr(p).replace(hex(id(f)), 'F'))
d = {}; p = ft.partial(f, **{'k': d}); d['p'] = p; print(repr(p).replace(hex(id(f)), 'F'))
print(ft.partial(max, 1, 2)(3), ft.partial(int, base=2)('101'), ft.partial(ft.partial(max, 1), 5)())
tryall('ft.partial()', 'ft.partial(1)', 'ft.partial(func=len)', 'p.func = 1', 'del p.args', 'p.keywords = 3', 'ft.partial(len)(1, 2)',
       'ft.partial(len).__setstate__(())', 'ft.partial(len).__setstate__((1, (), None, None))', 'ft.partial(len).__setstate__((f, (), [], None))',
       'ft.partial(len).__setstate__("x")', 'ft.partial(len).__setstate__((f, (), None))', 'ft.partial(len).__setstate__((f, 1, None, None))',
       'ft.partial[int]', 'ft.partial(len, 1).__reduce__(1)', 'ft.partial(f, x=1)(**{"x": 2})')
`,
	"lru_cache": tryAll + `import _functools as ft
def info(*a): return a
calls = []
def sq(x):
    calls.append(x); return x * x
c = ft._lru_cache_wrapper(sq, 2, False, info)
print(c(2), c(2), c(3), c(4), c(2), c.cache_info(), calls)
c.cache_clear(); print(c.cache_info(), c(3), c.cache_info())
u = ft._lru_cache_wrapper(sq, None, False, info); print([u(i % 3) for i in range(7)], u.cache_info())
z = ft._lru_cache_wrapper(sq, 0, False, info); print(z(1), z(1), z.cache_info())
n = ft._lru_cache_wrapper(sq, -5, False, info); print(n(1), n.cache_info())
t = ft._lru_cache_wrapper(lambda x: type(x).__name__, 10, True, info); print(t(1), t(1.0), t(True), t.cache_info())
t2 = ft._lru_cache_wrapper(lambda x: type(x).__name__, 10, False, info); print(t2(1), t2(1.0), t2(True), t2.cache_info())
k = ft._lru_cache_wrapper(lambda *a, **kw: (a, kw), 8, False, info); print(k(1, a=2), k(1, a=2), k(a=2), k(1, b=2), k.cache_info())
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): print('hash', self.v); return 1
    def __eq__(self, o): print('eq', self.v, o.v); return self.v == o.v
h = ft._lru_cache_wrapper(lambda x: x.v, 3, False, info); print(h(H(1)), h(H(1)), h(H(2)), h.cache_info())
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = ft._lru_cache_wrapper(fib, None, False, info); print(fib(80), fib.cache_info())
class A:
    @ft.partial(ft._lru_cache_wrapper, maxsize=4, typed=False, cache_info_type=info)
    def m(self, x): return (type(self).__name__, x)
a = A(); print(a.m(1), A.m(a, 1), A.m.cache_info(), type(A.__dict__['m']).__name__)
c.__wrapped__ = sq; c.__doc__ = 'doc'; print(c.__wrapped__ is sq, c.__doc__, sorted(c.__dict__), c.__copy__() is c, c.__deepcopy__({}) is c)
c.__qualname__ = 'sq'; print(c.__reduce__())
print(type(c), type(c).__name__, str(c).split(' at ')[0])
ex = ft._lru_cache_wrapper(lambda x: 1 / x, 2, False, info)
tryall('ex(0)', 'ex.cache_info()', 'ex([])', 'ft._lru_cache_wrapper()', 'ft._lru_cache_wrapper(1,2,3,4)', 'ft._lru_cache_wrapper(len, "a", 1, 1)',
       'ft._lru_cache_wrapper(len, 1, 1, 1, 5)', 'ft._lru_cache_wrapper(len, 1, 1, 1, x=5)', 'ft._lru_cache_wrapper(len, 1, 1, x=5)', 'ft._lru_cache_wrapper(len, 2.5, 1, 1)',
       'ft._lru_cache_wrapper(len, 2**70, 1, tuple).cache_info()', 'ft._lru_cache_wrapper(len, 1, 0, 1).cache_info()', 'c.cache_info(1)', 'c.__reduce__()',
       'ft._lru_cache_wrapper(user_function=len, maxsize=1, typed=False, cache_info_type=info)("ab")')
try:
    class S(ft._lru_cache_wrapper): pass
except TypeError as e: print(e)
`,
}

func TestFunctools(t *testing.T) { checkModulePrograms(t, functoolsPrograms) }

// The pure-Python functools and operator of CPython's library, on top
// of these modules.
var stdlibFunctoolsPrograms = map[string]string{
	"functools.py": `import functools, operator, itertools
print(functools.reduce(operator.add, itertools.chain([1], [2, 3])), operator.__doc__.splitlines()[0], operator.lt is operator.__lt__)
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(50), fib.cache_info(), fib.cache_parameters(), fib.__name__, fib.__wrapped__.__name__, fib.__doc__)
@functools.lru_cache(maxsize=3, typed=True)
def sq(x):
    'square'
    return x * x
print([sq(i % 5) for i in range(12)], sq.cache_info(), sq(2.0), sq.__doc__, sq.__qualname__)
sq.cache_clear(); print(sq.cache_info())
@functools.cache
def one(x): return [x]
print(one(1) is one(1), one.cache_info())
print(operator.itemgetter(1, 0)('ab'), operator.methodcaller('upper')('x'), repr(operator.attrgetter('a', 'b.c')))
p = functools.partial(print, 'a', sep='-'); p('b')
print(repr(functools.partial(int, base=2)), functools.partial(int, base=2)('11'))
class A:
    @functools.lru_cache
    def m(self, x): return x + 1
    pm = functools.partialmethod(lambda self, a, b: (a, b), 7)
print(A().m(1), A.m.cache_info().hits, A().pm(2))
print(sorted(['b', 'A', 'c'], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return self.v == o.v
print(V(1) <= V(2), V(3) >= V(2), max(V(1), V(5)).v)
`,
}

func TestFunctoolsStdlib(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range stdlibFunctoolsPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
			if err != nil {
				t.Fatal(err)
			}
			code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib.Dir}})
			gotExc := ""
			if err := in.RunMain(code); err != nil {
				var b strings.Builder
				if perr := in.PrintException(&b, err, nil); perr != nil {
					t.Fatalf("a non-Python error: %v", err)
				}
				lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
				gotExc = lines[len(lines)-1]
			}
			if reports := in.Heap().Reports(); len(reports) > 0 {
				t.Errorf("reference-count reports: %+v", reports)
			}
			if out.String() != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", out.String(), gotExc, want, wantExc)
			}
		})
	}
}
