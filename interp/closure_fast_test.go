package interp

import "testing"

// closureFastPrograms exercise the closure instructions the fast loop
// runs (LOAD_DEREF, LOAD_CLOSURE, COPY_FREE_VARS, and MAKE_FUNCTION and
// MAKE_CELL through execPlain) and LOAD_DEREF's fallback to runFrom, an
// empty cell, against CPython 3.12.
var closureFastPrograms = map[string]string{
	"deref_loop": `def outer(n):
    a, b = 3, 'x'
    def f(i):
        return a * i + len(b)
    t = 0
    for i in range(n):
        t += f(i) + a
    return t
print(outer(100))
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
inc = counter()
print([inc() for _ in range(5)])
`,
	"make_closures": `def adders(n):
    fs = []
    for i in range(n):
        def add(x, i=i):
            return x + i
        fs.append(add)
        k = i * 2
        fs.append(lambda x: x + k)
    return fs
print([f(1) for f in adders(6)])
def cells(n):
    out = []
    for i in range(n):
        def mk(v):
            def get():
                return v
            def put(w):
                nonlocal v
                v = w
            return get, put
        g, p = mk(i)
        p(g() * 10)
        out.append(g())
    return out
print(cells(5))
def gen_closure(n):
    step = 2
    def g():
        for i in range(n):
            yield i * step
    return list(g()), sum(g())
print(gen_closure(5))
`,
	"deref_empty": `def free_empty():
    def inner():
        return x
    for i in range(3):
        try:
            inner()
        except NameError as e:
            print(type(e).__name__, e, e.name)
    x = 5
    print(inner())
free_empty()
def cell_empty():
    def inner():
        return y
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
    print(y, inner())
    del y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
cell_empty()
`,
}

// TestClosureFastPrograms runs them against CPython at each threshold.
func TestClosureFastPrograms(t *testing.T) { checkProgramsAtThresholds(t, closureFastPrograms) }
