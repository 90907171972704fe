package interp

import "testing"

// keywordCallPrograms call Python functions with keyword arguments in
// loops, so that each site runs at every threshold: the calls
// bindKeywords binds (keywords in any order, defaults and keyword-only
// defaults filled, methods, __init__, closures) and the ones it leaves
// to bindInto's general path (every error, keywords that are not the
// code's interned names, more than eight keywords, *args and **kwargs,
// a __kwdefaults__ edited by hand), whose results and messages must be
// CPython's.
var keywordCallPrograms = map[string]string{
	"orders": `
def f(a, b, c):
    return (a, b, c)
def g(a, b=2, *, c=3, d):
    return (a, b, c, d)
for i in range(4):
    print(f(i, c=3, b=2), f(c=i, a=1, b=2), f(1, 2, c=i))
    print(g(i, d=9), g(i, 5, d=8, c=7), g(d=i, a=0), g(a=1, b=2, c=3, d=4))
`,
	"methods": `
class P:
    def __init__(self, x, y=0, *, z=1):
        self.v = (x, y, z)
    def m(self, a, b=10):
        return (self.v, a, b)
    @staticmethod
    def s(a, b):
        return a - b
    @classmethod
    def k(cls, a=1):
        return (cls.__name__, a)
def outer(n):
    def inner(a, *, scale=2):
        return (a + n) * scale
    return inner
h = outer(5)
for i in range(4):
    p = P(i, z=7)
    q = P(x=i)
    print(p.v, q.v, p.m(b=i, a=1), P.m(p, a=2), p.s(b=1, a=i), P.k(a=i), h(i, scale=3), h(a=i))
    m = p.m
    print(m(a=i), m(i, b=i))
`,
	"errors": `
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
def po(a, b, /, c):
    return (a, b, c)
calls = [
    lambda: f(1, 2, e=5),
    lambda: f(1, 2, a=5),
    lambda: f(1, c=2),
    lambda: f(b=1, c=2),
    lambda: f(1, 2, 3, 4, d=5),
    lambda: po(1, b=2, c=3),
    lambda: po(1, 2, c=3, a=0),
    lambda: po(1, c=3),
]
for i in range(3):
    for c in calls:
        try:
            print(c())
        except TypeError as e:
            print(type(e).__name__, e)
`,
	"kwonly_missing": `
def f(a, *, b, c=1):
    return (a, b, c)
class C:
    def m(self, *, k):
        return k
for i in range(3):
    try:
        f(1, c=2)
    except TypeError as e:
        print(e)
    try:
        C().m(j=1)
    except TypeError as e:
        print(e)
    try:
        C().m()
    except TypeError as e:
        print(e)
    print(f(i, b=i), C().m(k=i))
`,
	"kwdefaults_edited": `
def f(a, *, b=1, c=2):
    return (a, b, c)
for i in range(6):
    if i == 2:
        f.__kwdefaults__ = {''.join(['b']): 10, 'c': 20}
    if i == 3:
        f.__kwdefaults__ = {'c': 30}
    if i == 4:
        f.__kwdefaults__ = None
    if i == 5:
        f.__defaults__ = (1,)
    try:
        print(f(i, c=i), f(a=i, b=i))
    except TypeError as e:
        print(e)
`,
	"uninterned_names": `
def f(a, b=1, c=2):
    return (a, b, c)
names = [''.join(['b']), ''.join(['c'])]
for i in range(3):
    print(f(i, **{names[0]: i, names[1]: -i}), f(**{''.join(['a']): i}))
    try:
        f(i, **{''.join(['z']): 1})
    except TypeError as e:
        print(e)
`,
	"many_and_varargs": `
def f(a=0, b=0, c=0, d=0, e=0, g=0, h=0, i=0, j=0, k=0):
    return a + 2*b + 3*c + 4*d + 5*e + 6*g + 7*h + 8*i + 9*j + 10*k
def v(a, *rest, b=1, **kw):
    return (a, rest, b, sorted(kw.items()))
for n in range(3):
    print(f(k=n, j=1, i=1, h=1, g=1, e=1, d=1, c=1, b=1, a=1), f(n, c=1, b=2))
    print(v(n, 1, 2, b=3, x=4), v(a=n), v(n, y=1))
`,
	"frames_reused": `
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def g(flag):
    if flag:
        x = D("x")
    return x
def h(k):
    t = (g(True), 1 / k)
    return t
for i in range(4):
    try:
        h(0)
    except ZeroDivisionError:
        print("zde")
    try:
        g(False)
    except UnboundLocalError as e:
        print(e)
    print(h(1)[1])
`,
}

func TestKeywordCalls(t *testing.T) {
	checkProgramsAtThresholds(t, keywordCallPrograms)
}
