package interp

import (
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// genResumePrograms exercise resumeSkips (a generator resumed with None
// at a yield statement steps over its RESUME 1 and POP_TOP) and each
// resume it leaves as written, and returnAt's cases (a call's frame, an
// __init__'s, a generator's, a frame with a frame object, an __init__
// that returns something), against CPython 3.12.
var genResumePrograms = map[string]string{
	"resume_shapes": `import sys
def stmt(n):
    for i in range(n):
        yield i              # a statement: RESUME 1, POP_TOP
        yield -i
def expr(n):
    got = []
    for i in range(n):
        v = yield i          # an expression: the sent value is stored
        got.append(v)
    return got
def inner(n):
    for i in range(n):
        yield i
def outer(n):
    r = yield from inner(n)  # RESUME 2 where the sub-generator resumes
    yield r
def lines():
    yield sys._getframe().f_lineno
    yield sys._getframe().f_lineno
print(list(stmt(4)), sum(stmt(50)))
g = expr(4)
print(next(g), g.send('a'), g.send(None), next(g))
try:
    g.send('z')
except StopIteration as e:
    print('stop', e.value)
s = stmt(3)
print(next(s), s.send(None), s.send(7), next(s))   # a value sent to a statement
print(list(outer(3)), [x for x in outer(2)])
print(list(lines()))
g = stmt(2)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_lasti > 0)
print(next(g), g.gi_frame.f_lineno)
def gen_locals():
    x = 1
    yield x
    x += 1
    yield sys._getframe().f_locals['x']
print(list(gen_locals()))
`,
	"resume_close_throw": `def stmt():
    try:
        while True:
            yield 1
    except GeneratorExit:
        print('closed')
    finally:
        print('finally')
g = stmt()
for _ in range(5):
    next(g)
g.close()
def catcher():
    while True:
        try:
            yield 1
        except ValueError as e:
            print('caught', e)
c = catcher()
for i in range(4):
    next(c)
    c.throw(ValueError(i))
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def holder():
    for i in range(3):
        d = D(i)
        yield i
        del d
print(list(holder()))
`,
	// send's argument errors, named as CPython's METH_O methods name
	// them, for each kind of generator and awaitable.
	"send_argument_errors": `def g():
    yield 1
async def c(): pass
async def ag():
    yield 1
co = c()
a = ag()
aw = a.asend(None)
for f in [g().send, co.send, co.__await__().send, a.asend, aw.send]:
    for args, kw in [((), {}), ((1, 2), {}), ((1,), {'x': 1})]:
        try:
            f(*args, **kw)
        except TypeError as e:
            print(e)
co.close()
aw.close()
`,
	"return_shapes": `import sys
class P:
    def __init__(self, x):
        self.x = x
class Q:
    def __init__(self, x):
        self.x = x
        return None
class Bad:
    def __init__(self):
        return 1
def framed(a):
    f = sys._getframe()
    return f.f_code.co_name, a
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def drop(n):
    a, b = D(n), D(n + 100)
    return n
def gen_ret(n):
    yield n
    return n
out = []
for i in range(40):
    out.append(P(i).x + Q(i).x)
    out.append(framed(i)[1])
print(sum(out))
for i in range(3):
    print(drop(i))
for i in range(3):
    try:
        Bad()
    except TypeError as e:
        print(e)
print([list(gen_ret(i)) for i in range(3)])
def deep(n):
    return n if n == 0 else deep(n - 1) + 1
print(deep(200))
`,
}

// callExactPrograms exercise callExact's forms, CALL_PY_WITH_DEFAULTS
// and CALL_BOUND_METHOD_EXACT_ARGS, warm and then at what their guards
// refuse, against CPython 3.12.
var callExactPrograms = map[string]string{
	"call_exact_forms": `import sys
def f(a, b=10, c=100):
    return a + b + c
def g(a, *, k=1):
    return a * k
class C:
    def __init__(self, n): self.n = n
    def m(self, a, b=2):
        return self.n + a + b
    def plain(self, a):
        return self.n * a
def make(k):
    def inner(x, y=k):
        return x + y
    return inner
out = []
c = C(5)
bm, bp, cl = c.m, c.plain, make(7)
for i in range(30):
    out.append(f(i))
    out.append(f(i, 1))
    out.append(bm(i))
    out.append(bp(i))
    out.append(cl(i))
    if i == 20:
        f.__defaults__ = (1, 2)
        bp = C(3).plain
        cl = make(8)
    if i == 25:
        bm = abs                 # not a bound method
        bp = [].append           # a bound method of a builtin
print(sum(x for x in out if isinstance(x, int)), len(out))
f.__defaults__ = (1,)
try:
    f(1)
except TypeError as e:
    print(e)
def rec(n, d=0):
    return d if n == 0 else rec(n - 1, d + 1)
print(rec(100))
sys.setrecursionlimit(80)
try:
    rec(200)
except RecursionError as e:
    print('RecursionError', e)
`,
}

// TestCallExactPrograms runs them against CPython at each threshold.
func TestCallExactPrograms(t *testing.T) { checkProgramsAtThresholds(t, callExactPrograms) }

// TestGenResumePrograms runs them against CPython at each threshold.
func TestGenResumePrograms(t *testing.T) { checkProgramsAtThresholds(t, genResumePrograms) }

// TestResumeSkips checks resumeSkips on a generator suspended at a yield
// statement: it steps over the RESUME 1 and POP_TOP when the breaker is
// clear and None is sent, and otherwise leaves the frame as it was.
func TestResumeSkips(t *testing.T) {
	in := New(Options{})
	defer in.Close()
	code := compileForTest(t, "def g():\n    yield 1\n    yield 2\n    v = yield 3\n")
	gl := execInFreshGlobals(t, in, code)
	defer in.decRef(valueOf(gl))
	fn, ok, err := in.DictGet(gl, internName("g"))
	if !ok || err != nil {
		t.Fatal("no g")
	}
	gv, err := in.Call(fn, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in.decRef(gv)
	g := asObject[Generator](gv)
	if _, err := in.genSend(g, None); err != nil { // at the first yield
		t.Fatal(err)
	}
	gf := g.frame
	pc := gf.pc
	instrs := gf.ac.instrs
	if instrs[pc] != bytecode.Instr(bytecode.RESUME)|1<<8 || instrs[pc+1].Op() != bytecode.POP_TOP {
		t.Fatalf("a yield statement resumes at %v, %v", instrs[pc], instrs[pc+1])
	}
	for _, tc := range []struct {
		name  string
		sent  Value
		quiet bool
		skip  bool
	}{
		{"None, breaker clear", None, true, true},
		{"a value sent", Int(5), true, false},
		{"breaker set", None, false, false},
	} {
		gf.pc = pc
		if got := resumeSkips(gf, tc.sent, tc.quiet); got != tc.skip {
			t.Errorf("%s: resumeSkips %v, want %v", tc.name, got, tc.skip)
		}
		want := pc
		if tc.skip {
			want = pc + 2
		}
		if gf.pc != want {
			t.Errorf("%s: pc %d, want %d", tc.name, gf.pc, want)
		}
	}
	gf.pc = pc
	// The third yield is an expression: its RESUME is followed by a store.
	for i := 0; i < 2; i++ {
		if _, err := in.genSend(g, None); err != nil {
			t.Fatal(err)
		}
	}
	gf = g.frame
	before := gf.pc
	if resumeSkips(gf, None, true) || gf.pc != before {
		t.Errorf("a yield expression's resume was skipped (pc %d, was %d)", gf.pc, before)
	}
}
