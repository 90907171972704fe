package interp

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
	"github.com/parallel-py/parallel/interp/compile"
)

// specPrograms exercise each specialized family: the same instruction
// runs warm, then the class, the globals or the builtins change under
// it, or it meets other operand types, so its guard fails, it deopts and
// respecializes. Each is compared with CPython 3.12 (checkPrograms).
var specPrograms = map[string]string{
	"class_attr_assignment": `class C:
    k = 1
    def __init__(self): self.x = 1
    def m(self): return 1
def f(o): return o.x + o.m() + C.k
o = C()
r = []
for i in range(12):
    r.append(f(o))
    if i == 3: C.m = lambda self: 10
    if i == 6: C.k = 100
    if i == 8: C.x = property(lambda self: 1000)
print(r)
`,
	"subclass_invalidation": `class A:
    def m(self): return 'A.m'
class B(A): pass
def f(o): return o.m()
b = B()
r = []
for i in range(8):
    r.append(f(b))
    if i == 3: A.m = lambda self: 'patched'
    if i == 5: B.__bases__ = (object,) if False else B.__bases__
print(r)
`,
	"class_assignment": `class A:
    def m(self): return 'A'
class B:
    def m(self): return 'B'
o = A()
o.v = 1
def g(o): return o.m(), o.v
out = []
for i in range(8):
    out.append(g(o))
    if i == 2: o.__class__ = B
    if i == 5: o.__class__ = A
print(out)
`,
	"builtins_monkeypatch": `import builtins
def h(x): return len(x), isinstance(x, list), type(x).__name__
orig = builtins.len
out = []
for i in range(8):
    out.append(h([1, 2]))
    if i == 2: builtins.len = lambda x: 42
    if i == 4: builtins.len = orig
    if i == 5: len = lambda x: -1
print(out)
`,
	"del_global": `G = 5
def k():
    try:
        return G
    except NameError:
        return 'gone'
out = []
for i in range(8):
    out.append(k())
    if i == 2: del G
    if i == 4: G = 7
    if i == 6: globals()['G'] = 9
print(out)
`,
	"arith_types_change": `def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def lt(a, b): return a < b, a == b, a >= b
out = []
for a, b in [(1, 2), (3, 4), (2**62, 2**62), (-2**63, -1), (1.5, 2.0), (float('nan'), 1.0), ('a', 'b'), ([1], [2]), (True, 2), (10**30, 3)]:
    out.append((add(a, b), lt(a, b) if not isinstance(a, list) else None))
    if not isinstance(a, (str, list)):
        out.append((sub(a, b), mul(a, b)))
print(out)
x = 0
for i in range(100):
    x += i
    x -= 1
    x *= 1
print(x, 'b' < 'a', 'abc' == 'abc', 'é' > 'e')
def cmp(a, b): return a < b, a <= b, a == b, a != b, a > b, a >= b
print([cmp(a, b) for a, b in [(1.5, 2), (2, 1.5), (0, 0.0), (2**53 + 1, 2.0**53), (2.0**53, 2**53 + 1), (float('nan'), 0), (3, float('inf')), (-1, -1.0)]])
`,
	"int_float_ops": `def ops(a, b):
    r = []
    for f in (lambda: a // b, lambda: a % b, lambda: a & b, lambda: a | b, lambda: a ^ b,
              lambda: a << b, lambda: a >> b, lambda: a / b, lambda: a + b, lambda: a - b, lambda: a * b):
        try:
            r.append(f())
        except (ZeroDivisionError, ValueError, TypeError) as e:
            r.append(type(e).__name__ + ': ' + str(e))
    return r
out = []
for a, b in [(7, 2), (-7, 2), (7, -2), (1, 0), (-2**63, -1), (1, 70), (3, -1), (2**53 + 1, 3), (5, 2.0), (2.5, 4), (1.0, 0), (0, 0.0), (3, True), (10**20, 7)]:
    out.append(ops(a, b))
x = 1
for i in range(70):
    x = (x << 1) | 1
    x %= 1000003
print(out, x)
`,
	"containers_change": `def get(c, k): return c[k]
def put(c, k, v): c[k] = v
def has(k, c): return k in c
def unpack(s):
    a, b = s
    return a + b
def unpack3(s):
    a, b, c = s
    return a + b + c
def loop(s):
    t = 0
    for x in s: t += x
    return t
out = []
for c in [[1, 2, 3], (4, 5, 6), {0: 'a', 1: 'b', 2: 'c'}, [7, 8, 9], 'xyz']:
    out.append((get(c, 1), get(c, 2), has('y' if c == 'xyz' else 1, c)))
    try:
        out.append(get(c, -1))
    except KeyError as e:
        out.append(('KeyError', e.args))
for c in [[0, 0], {}, [0, 0]]:
    put(c, 1, 'v')
    out.append(c)
try:
    put([1], 5, 0)
except IndexError as e:
    out.append(str(e))
for s in [(1, 2), [3, 4], (5, 6), 'ab', {7: 0, 8: 0}]:
    out.append(unpack(s))
for s in [(1, 2, 3), [4, 5, 6], (7, 8, 9)]:
    out.append(unpack3(s))
try:
    unpack((1, 2, 3))
except ValueError as e:
    out.append(str(e))
for s in [range(5), [1, 2], (3, 4), {5, 6}, range(3), iter([9])]:
    out.append(loop(s))
print(out, has(3, {3}), has(3, frozenset()), 4 not in {4: 1})
def has2(k, c): return k in c
print([has2(k, {1: 2, 3: 4}) for k in range(4)], [has2(k, {1, 2}) for k in range(4)])
`,
	"compare_int_jump": `def sense(a, b):
    r = []
    if a < b: r.append('lt')
    if a <= b: r.append('le')
    if a == b: r.append('eq')
    if a != b: r.append('ne')
    if a > b: r.append('gt')
    if a >= b: r.append('ge')
    if not a < b: r.append('!lt')
    if not a == b: r.append('!eq')
    r.append('both' if a < b and b != 100 else 'not both')
    r.append('either' if a > b or b == 100 else 'neither')
    flag = a < b
    r.append(flag)
    return r
def count(n):
    i = 0
    t = 0
    while i < n:
        if i % 3 == 0:
            t += i
        i += 1
    return t
out = []
for a, b in [(1, 2), (2, 2), (3, 2), (-5, 7), (2**62, 2**62 + 1), (2**70, 3),
             (1.5, 2), (True, 1), (2, 2.0), ('a', 'b'), (1, 2), (7, 7)]:
    out.append(sense(a, b))
out.append([count(n) for n in (0, 1, 10, 2**64 // 2**62, 2.5, 12)])
try:
    sense(1, 'x')
except TypeError as e:
    out.append(str(e))
out.append(sense(4, 5))
print(out)
`,
	"contains_jump": `class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v or o == self.v
def tests(k, c):
    r = []
    if k in c: r.append('in')
    if k not in c: r.append('not in')
    if not k in c: r.append('not (in)')
    r.append('yes' if k in c and c else 'no')
    r.append(k in c)
    r.append(k not in c)
    n = 0
    while n not in c and n < 5:
        n += 1
    r.append(n)
    return r
out = []
for c in [{1, 2, 3}, frozenset({3, 4}), {1: 'a', 5: 'b'}, {'x', 'y'}, {(1, 2), 3},
          {K(2), 7}, {2: 0}, set(), {}]:
    for k in [1, 2, 3, 'x', (1, 2), K(3), 2.0, 5]:
        try:
            out.append(tests(k, c))
        except TypeError as e:
            out.append(str(e))
try:
    tests([], {1})
except TypeError as e:
    out.append(str(e))
print(out)
class D:
    def __hash__(self): return 1
    def __eq__(self, o): return o == 1
    def __del__(self): print('del')
for c in [{1}, {2}, {1: 0}, {2: 0}]:
    if D() in c:
        print('body in')
    else:
        print('else')
    print(D() not in c)
    if 5 in {D()} or 5 in {D(): 0}:
        print('body')
    print(5 not in {D()})
`,
	"subscr_local_index": `class L(list): pass
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def get(c, i):
    return c[i]
def loop(c, idx):
    r = []
    for i in idx:
        try:
            r.append(c[i])
        except (IndexError, KeyError, TypeError) as e:
            r.append(type(e).__name__)
    return r
out = []
for c in [[10, 20, 30], (1, 2, 3), L([4, 5, 6]), {0: 'a', 2: 'b'}, 'xyz', [7, 8, 9]]:
    out.append(loop(c, [0, 1, 2, -1, 3, True, 2**70, 1]))
print(out)
for i in range(3):
    print(get([D(i), D(i + 10)], i % 2).n)
def fresh(i):
    return [D(-1), D(-2)][i].n
print(fresh(0), fresh(1))
`,
	"for_item_to_local": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def total(s):
    t = 0
    for x in s:
        t += x
    return t
def names(s):
    out = []
    for d in s:
        out.append(d.n)
    return out
def pairs(s):
    r = []
    for a, b in s:
        r.append(a - b)
    return r
print([total(s) for s in ([1, 2, 3], (4, 5), [], (), [2**70, 1], range(4), {7, 8})])
print(names([D(1), D(2), D(3)]))
x = [D(10), D(11)]
print(names(x))
x.clear()
print(names((D(20), D(21))))
print(pairs([(1, 2), (5, 3)]), pairs(((9, 1),)))
def early(s):
    for v in s:
        if v > 1:
            return v
print(early([0, 1, 2, 3]), early((5,)), early([]))
def consume(s):
    out = []
    for d in s:
        out.append(d.n)
        s[len(out) - 1] = None  # the local keeps the last reference
    return out
print(consume([D(30), D(31), D(32)]))
`,
	"attrs_dicts_change": `class P:
    def __init__(self, a): self.a = a
def geta(p): return p.a
def seta(p, v): p.a = v
ps = [P(i) for i in range(5)]
out = []
for p in ps:
    seta(p, geta(p) * 2)
    out.append(geta(p))
del ps[0].a
try:
    geta(ps[0])
except AttributeError as e:
    out.append(str(e))
ps[1].b = 1
del ps[1].a
ps[1].a = 'again'
out.append(geta(ps[1]))
class S:
    __slots__ = ('a',)
s = S()
seta(s, 3)
out.append(geta(s))
class S2(S):
    __slots__ = ('b',)
    def m(self): return self.a, self.b
for o in [S(), S2(), S(), S2()]:
    try:
        out.append(geta(o))
    except AttributeError as e:
        out.append(str(e))
    seta(o, len(out))
    out.append(geta(o))
s2 = S2()
s2.a, s2.b = 1, 2
out.append(s2.m())
del s2.b
try:
    s2.m()
except AttributeError as e:
    out.append(str(e))
S.a = property(lambda self: 'shadowed')
out.append(geta(s))
import sys
sys.zz = 3
def mod(): return sys.zz > 2
out.append(mod())
out.append(mod())
sys.zz = 1
out.append(mod())
sys.other = 1
out.append(mod())
print(out)
`,
	"class_calls": `class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def make(cls, a, b): return cls(a, b)
out = []
for i in range(4):
    v = make(V, i, i + 1)
    out.append((type(v).__name__, v.x, v.y))
class Bad:
    def __init__(self, a, b):
        return 1
class Raises:
    def __init__(self, a, b):
        raise ValueError(a + b)
class New:
    def __new__(cls, a, b): return (a, b)
class Sub(V): pass
def outer():
    k = 10
    class C:
        def __init__(self, a, b): self.s = a + b + k
    return C
C = outer()
for cls in [V, V, Bad, Raises, New, Sub, C, V, dict]:
    try:
        r = make(cls, 1, 2)
        out.append(r if isinstance(r, (tuple, dict)) else (type(r).__name__, vars(r)))
    except Exception as e:
        out.append(type(e).__name__ + ': ' + str(e))
def v_init(self, x, y): self.x = -x
V.__init__ = v_init
out.append(vars(make(V, 5, 6)))
def rec(n):
    class R:
        def __init__(self, n): self.c = rec(n - 1) if n else None
    return R(n)
out.append(type(rec(30)).__name__)
print(out)
`,
	"megamorphic": `objs = []
for i in range(6):
    K = type('K%d' % i, (), {'m': lambda self, i=i: i})
    o = K()
    o.a = i
    objs.append(o)
def geta(o): return o.a + o.m()
t = 0
for _ in range(100):
    for o in objs:
        t += geta(o)
print(t)
`,
	"calls_defaults": `def f(a, b=10, c=100): return a + b + c
out = []
for i in range(3):
    out.append(f(i))
    out.append(f(i, 1))
    out.append(f(i, 1, 2))
f.__defaults__ = (20, 200)
out.append(f(1))
f.__defaults__ = (7,)
out.append(f(1, 2))
try:
    f(1)
except TypeError as e:
    out.append(str(e))
f.__defaults__ = None
try:
    f(1, 2)
except TypeError as e:
    out.append(str(e))
def outer(k):
    def inner(x, y=k): return x * y
    return inner
g = outer(3)
out.append([g(i) for i in range(4)])
class C:
    def m(self, x, y=5): return x - y
c = C()
out.append([c.m(i) for i in range(3)])
def gen(n, step=2):
    yield from range(0, n, step)
out.append([list(gen(7)) for _ in range(2)])
def h(a, b=1): return a + b
def callh(fn): return fn(10)
out.append([callh(h), callh(h), callh(lambda a, b=2: a * b), callh(h), callh(abs)])
class L(list): pass
class M(list):
    def append(self, v): list.append(self, v * 2)
def app(l, v):
    l.append(v)
    return l
for l in [L(), L(), [], L(), M(), L()]:
    out.append(app(app(l, 1), 2))
try:
    list.append(L(), 1, 2)
except TypeError as e:
    out.append(str(e))
print(out)
`,
	"calls_change": `def f(a, b): return a - b
def g(a, b=2): return a * b
class C:
    def m(self, x): return x + 1
def call(fn, *a): return fn(*a)
def two(fn): return fn(5, 3)
c = C()
out = []
for fn in [f, f, g, c.m.__func__, lambda a, b: a + b, f, max, f]:
    out.append(two(fn) if fn is not c.m.__func__ else two(C.m))
def meth(o): return o.m(1)
for o in [c, c, C()]:
    out.append(meth(o))
C.m = lambda self, x: x * 100
out.append(meth(c))
def app(l, v):
    l.append(v)
    return len(l)
l = []
for i in range(4):
    out.append(app(l, i))
class L(list): pass
out.append(app(L(), 1))
def rec(n): return n if n < 2 else rec(n - 1) + rec(n - 2)
out.append(rec(15))
def kw(a, *, b): return a + b
out.append([kw(1, b=2) for _ in range(3)])
print(out)
`,
}

// CALL_NO_KW_BOUND_NATIVE's guards: a bound built-in method, a bound
// method of any other non-Python callable, then a Python method, a
// builtin whose self its descriptor refuses, keywords, and errors
// raised inside the call.
var boundNativeProgram = `class _K:
    def f(self): pass
MethodType = type(_K().f)
out = []
def run(fn, *args):
    try:
        return fn(*args)
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
def call0(fn):
    try:
        return fn()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
def call1(fn, x):
    try:
        return fn(x)
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
lst = []
append = lst.append
for i in range(5):
    call1(append, i)
out.append(lst)
class C:
    def m(self, x): return ('C.m', x)
    def __call__(self, a, b): return ('call', a, b)
d = {1: 'one'}
for fn in [append, d.get, C().m, MethodType(len, [1, 2]), MethodType(C(), 'self'),
           MethodType(lambda s, x: (s, x), 7), [].append, print.__call__, str.upper.__get__('ab'),
           append, {}.pop, set().add, MethodType(C.m, 3)]:
    out.append(call1(fn, 1))
for fn in [[].pop, [3].pop, {}.popitem, MethodType(len, 'abc'), lst.copy, (1, 2).__len__, 'x'.upper, MethodType(dict, [(1, 2)])]:
    out.append(call0(fn))
try:
    list.append.__get__(5)
except TypeError as e:
    out.append(str(e))
pop = lst.pop
out.append([pop() for _ in range(3)])
def kw(fn):
    try:
        return fn(x=1)
    except TypeError as e:
        return str(e)
out.append([kw(append) for _ in range(3)])
print(out)
print(lst)
`

func init() { specPrograms["bound_native_calls"] = boundNativeProgram }

func TestSpecializedFamilies(t *testing.T) { checkProgramsAtThresholds(t, specPrograms) }

// checkProgramsAtThresholds checks programs against CPython with
// specialization on the first execution, at the default warm-up and off,
// so that every specialized path and every fall-back runs.
func checkProgramsAtThresholds(t *testing.T, programs map[string]string) {
	for _, threshold := range []string{"1", "2", "0"} {
		t.Run("threshold"+threshold, func(t *testing.T) {
			if threshold == "0" {
				t.Setenv("PARALLEL_NOSPECIALIZE", "1")
			} else {
				t.Setenv("PARALLEL_SPECIALIZE_THRESHOLD", threshold)
			}
			checkPrograms(t, programs)
		})
	}
}

// TestSpecializationHappens checks with the stats that the programs
// above do specialize every family head they use, hit, miss and
// deoptimize: a silent fall-back to the generic forms would pass the
// output comparison.
func TestSpecializationHappens(t *testing.T) {
	t.Setenv("PARALLEL_SPECIALIZE_THRESHOLD", "1")
	t.Setenv("PARALLEL_STATS", "1")
	var sum = map[string]SpecializationStat{}
	for name, src := range specPrograms {
		_, err, in, _ := runForTest(t, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range in.SpecializationStats() {
			s := sum[r.Family]
			s.Executions += r.Executions
			s.Hits += r.Hits
			s.Misses += r.Misses
			s.Deopts += r.Deopts
			s.Specialized += r.Specialized
			sum[r.Family] = s
		}
		in.Close()
	}
	for _, fam := range []string{"BINARY_OP", "COMPARE_OP", "LOAD_GLOBAL", "LOAD_ATTR", "STORE_ATTR", "CALL", "FOR_ITER", "UNPACK_SEQUENCE", "BINARY_SUBSCR", "STORE_SUBSCR", "CONTAINS_OP"} {
		s := sum[fam]
		if s.Specialized == 0 || s.Hits == 0 || s.Misses == 0 {
			t.Errorf("%s: %+v: want specializations, hits and misses", fam, s)
		}
	}
	if s := sum["LOAD_ATTR"]; s.Deopts == 0 {
		t.Errorf("LOAD_ATTR never deoptimized: %+v", s)
	}
}

// TestSpecializedCodeIsPerInterpreter runs one compiled function in two
// interpreters at once (under -race, this proves the shared template is
// only read): each quickens its own copy.
func TestSpecializedCodeIsPerInterpreter(t *testing.T) {
	src := `class C:
    def __init__(self, x): self.x = x
    def m(self): return self.x
def work(n):
    t = 0.0
    c = C(2)
    for i in range(n):
        t += c.m() * 0.5 + len([i]) + (i < 10)
    return t
print(work(%d))
`
	code := compileForTest(t, fmt.Sprintf(src, 2000))
	outs := runInTwoInterpreters(code)
	for _, o := range outs {
		if o != "4010.0\n" {
			t.Errorf("got %q, want 4010.0", o)
		}
	}
	for _, instr := range code.Instructions {
		if instr.Op().IsSpecialized() {
			t.Fatalf("the shared template was rewritten: %v", instr)
		}
	}
}

// TestBoundNativeCallSpecializes checks that a call of a saved bound
// built-in method, and of a bound method of another native callable,
// runs as CALL_NO_KW_BOUND_NATIVE, and that a bound Python method does
// not: the comparisons with CPython above would pass just as well on
// the generic CALL.
func TestBoundNativeCallSpecializes(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"bound builtin", "lst = []\nappend = lst.append\ndef f():\n    for i in range(5):\n        append(i)\nf()\n", true},
		{"bound native callable", "class K:\n    def f(self): pass\nM = type(K().f)\nm = M(len, 'abc')\ndef f():\n    for i in range(5):\n        m()\nf()\n", true},
		{"bound Python method", "class K:\n    def f(self): pass\nm = K().f\ndef f():\n    for i in range(5):\n        m()\nf()\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			listing := quickenedListing(t, tt.src)
			if got := strings.Contains(listing, bytecode.CALL_NO_KW_BOUND_NATIVE.String()); got != tt.want {
				t.Errorf("CALL_NO_KW_BOUND_NATIVE in the listing: %v, want %v\n%s", got, tt.want, listing)
			}
		})
	}
}

// quickenedListing runs src in a new interpreter and returns the
// listing of its module code as it left it, specialized forms included
// (what `parallel dis --adaptive` shows).
func quickenedListing(t *testing.T, src string) string {
	t.Helper()
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	defer in.Close()
	code := compileForTest(t, src)
	gv, _ := in.NewDict()
	defer in.decRef(gv)
	if err := in.ExecModule(code, asObject[Dict](gv)); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := bytecode.Disassemble(&b, in.AdaptiveListing(code), bytecode.Adaptive()); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// runInTwoInterpreters runs code, one compiled code object, at once in
// two interpreters of their own, each in fresh globals, and returns what
// each printed (or its error's text): the tests of state that code
// objects share across interpreters.
func runInTwoInterpreters(code *compile.Code) []string {
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for k := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			in := New(Options{Stdout: &b})
			defer in.Close()
			gv, _ := in.NewDict()
			if err := in.ExecModule(code, asObject[Dict](gv)); err != nil {
				outs[k] = err.Error()
				return
			}
			in.decRef(gv)
			outs[k] = b.String()
		}()
	}
	wg.Wait()
	return outs
}
