package interp

import "testing"

// callExPrograms call through CALL_FUNCTION_EX (f(*args, **kwargs)):
// Python functions and bound methods, which get their frame in the
// same loop, and what falls back to the generic call (builtins, a
// non-tuple *args, a mapping that is not a dict), with every way the
// binding can fail raising CPython's TypeError.
var callExPrograms = map[string]string{
	"call_ex_python": `def f(a, b=2, *rest, c=3, **kw):
    return a, b, rest, c, sorted(kw.items())
class C:
    def m(self, x, **kw):
        return type(self).__name__, x, kw
    @classmethod
    def k(cls, *a):
        return cls.__name__, a
def outer(n):
    def inner(*a, **k):
        return n, a, k
    return inner
args, kwargs = (1,), {'c': 5, 'z': 6}
r = []
for i in range(6):
    r.append(f(*args, **kwargs))
    r.append(f(*(i, i + 1, i + 2)))
    r.append(C().m(*(i,), **{'y': i}))
    r.append(C.k(*[i, i]))
    r.append(outer(i)(*(), **{}))
    r.append(max(*(i, 3)))
print(r)
def gen(*a, **k):
    yield from a
    yield sorted(k)
print(list(gen(*(1, 2), **{'q': 1, 'p': 2})))
def fact(n, **k):
    return 1 if n <= 1 else n * fact(*(n - 1,), **k)
print(fact(*(20,), **{'x': 1}))
class M:
    def keys(self): return ['a']
    def __getitem__(self, k): return 10
def two(a, b=0): return a, b
for call in [lambda: two(*(1,), **{'a': 2}), lambda: two(*(1, 2, 3)), lambda: two(**{'c': 1}),
             lambda: two(*(1,), **{1: 2}), lambda: two(*(1,), **M()), lambda: two(*5),
             lambda: two(*iter([7]), **{'b': 8})]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError:', e)
def deep(n):
    return deep(*(n + 1,))
try:
    deep(0)
except RecursionError as e:
    print('RecursionError')
import sys
def lasti():
    return sys._getframe().f_back.f_lasti > 0
def via():
    return lasti(*())
print(via())
def boom(x):
    raise ValueError(x)
def caller():
    return boom(*('bad',))
try:
    caller()
except ValueError as e:
    tb, names = e.__traceback__, []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
`,
}

func TestCallEx(t *testing.T) { checkProgramsAtThresholds(t, callExPrograms) }
