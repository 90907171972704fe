package interp

import (
	"strings"
	"testing"
)

// shapeOf runs src as a module and returns the shape of the instance
// dict of each global named in names (nil: no shape, or no dict).
func shapesAfter(t *testing.T, src string, names ...string) (*Interp, []*shape) {
	t.Helper()
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.decRef(gv) })
	name, _ := in.NewStr("__main__")
	in.DictSet(asObject[Dict](gv), internName("__name__"), name)
	in.decRef(name)
	if err := in.ExecModule(compileForTest(t, src), asObject[Dict](gv)); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	var r []*shape
	for _, n := range names {
		v, ok, err := in.DictGet(asObject[Dict](gv), internName(n))
		if err != nil || !ok {
			t.Fatalf("no global %s", n)
		}
		if d := instanceDictOf(v); d != nil {
			r = append(r, d.shape)
		} else {
			r = append(r, nil)
		}
	}
	return in, r
}

func shapeKeys(s *shape) string {
	var k []string
	for c := s; c != nil && c.parent != nil; c = c.parent {
		k = append([]string{c.name}, k...)
	}
	return strings.Join(k, ",")
}

// TestShapeTransitions checks which dict operations keep an instance
// dict's shape, move it along the class's tree, or drop it.
func TestShapeTransitions(t *testing.T) {
	const classes = `
class C:
    def __init__(self, a, b):
        self.a = a
        self.b = b
class D: pass
`
	tests := []struct {
		name string
		src  string
		want []string // per object: its keys in shape order, or "-" for no shape
		same [][2]int // pairs of objects sharing one shape node
	}{
		{"init order shared", "x = C(1, 2)\ny = C(3, 4)\n", []string{"a,b", "a,b"}, [][2]int{{0, 1}}},
		{"value update keeps", "x = C(1, 2)\nx.a = 5\nx.__dict__['b'] = 6\n", []string{"a,b"}, nil},
		{"append through __dict__", "x = C(1, 2)\nx.__dict__['c'] = 3\nvars(x)['d'] = 4\n", []string{"a,b,c,d"}, nil},
		{"other order", "x = D()\nx.b = 1\nx.a = 2\ny = D()\ny.a = 1\ny.b = 2\n", []string{"b,a", "a,b"}, nil},
		{"del drops", "x = C(1, 2)\ndel x.a\ny = C(1, 2)\ndel y.b\ny.b = 1\n", []string{"-", "-"}, nil},
		{"pop drops", "x = C(1, 2)\nx.__dict__.pop('a')\ny = C(1, 2)\ny.__dict__.popitem()\n", []string{"-", "-"}, nil},
		{"non-str key drops", "x = C(1, 2)\nx.__dict__[1] = 2\n", []string{"-"}, nil},
		{"str subclass key drops", "class S(str): pass\nx = C(1, 2)\nx.__dict__[S('c')] = 2\n", []string{"-"}, nil},
		{"clear back to root", "x = C(1, 2)\nx.__dict__.clear()\nx.q = 1\n", []string{"q"}, nil},
		{"update appends", "x = D()\nx.__dict__.update({'m': 1, 'n': 2})\n", []string{"m,n"}, nil},
		{"too many names", "x = D()\nfor i in range(40): setattr(x, 'a%d' % i, i)\n", []string{"-"}, nil},
		{"dict assigned", "x = D()\nx.__dict__ = {'a': 1}\n", []string{"-"}, nil},
		{"class change keeps", "x = C(1, 2)\nx.__class__ = D\nx.c = 1\ny = D()\ny.a = 1\n", []string{"a,b,c", "a"}, nil},
		{"setdefault appends", "x = D()\nx.__dict__.setdefault('k', 1)\nx.__dict__.setdefault('k', 2)\n", []string{"k"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			names := []string{"x", "y"}[:len(tc.want)]
			_, shapes := shapesAfter(t, classes+tc.src, names...)
			for i, s := range shapes {
				got := "-"
				if s != nil {
					got = shapeKeys(s)
				}
				if got != tc.want[i] {
					t.Errorf("%s: shape %q, want %q", names[i], got, tc.want[i])
				}
			}
			for _, p := range tc.same {
				if shapes[p[0]] != shapes[p[1]] {
					t.Errorf("%s and %s do not share a shape", names[p[0]], names[p[1]])
				}
			}
		})
	}
}

// TestShapeLimits checks that a class whose instances add attributes in
// many orders stops growing its tree, and that a shaped dict's entries
// are its shape's keys in order, with resizes in between.
func TestShapeLimits(t *testing.T) {
	_, shapes := shapesAfter(t, `
def perms(s):
    if len(s) <= 1: return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i+1:])]
class E: pass
objs = []
for p in perms('abcdef'):
    o = E()
    for n in p: setattr(o, n, 1)
    objs.append(o)
class F: pass
x = F()
for i in range(29): setattr(x, 'k%d' % i, i)
y = objs[-1]
`, "x", "y")
	if shapes[1] != nil {
		t.Errorf("the last of 720 orders still has a shape: the tree did not stop growing")
	}
	s := shapes[0]
	if s == nil || s.n != 29 {
		t.Fatalf("x: shape %v, want 29 keys", s)
	}
	for i, c := 28, s; c.parent != nil; i, c = i-1, c.parent {
		if c.n != i+1 || c.name != "k"+itoa(i) {
			t.Fatalf("node %d: %q n=%d", i, c.name, c.n)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// shapePrograms exercise the shape-guarded specialized forms and the
// transitions back to ordinary dicts; their output must be CPython's.
var shapePrograms = map[string]string{
	"method_after_shadowing": `class C:
    def __init__(self): self.a = 1
    def m(self): return 'method'
def f(o): return o.m()
objs = [C() for _ in range(6)]
r = []
for i, o in enumerate(objs):
    if i == 3: o.m = lambda: 'instance'
    if i == 4: o.__dict__['m'] = lambda: 'via dict'
    r.append(f(o))
    r.append(f(objs[0]))
print(r)
`,
	"store_new_attribute_paths": `class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
ps = [P(i, -i) for i in range(8)]
ps[2].__dict__.clear()
ps[3].__dict__[7] = 'seven'
del ps[4].x
for p in ps: p.z = p.__dict__.get('x', 0) * 2
print([sorted(map(str, vars(p).items())) for p in ps])
print([list(vars(p)) for p in ps])
`,
	"order_and_identity": `class Q: pass
a, b = Q(), Q()
a.x = 1; a.y = 2
b.y = 1; b.x = 2
d = a.__dict__
a.z = 3
print(list(a.__dict__), list(b.__dict__), d is a.__dict__, d)
del a.x
a.x = 9
print(list(a.__dict__), a.x)
`,
	"iteration_resize_error": `class R: pass
r = R()
r.a = 1
try:
    for k in r.__dict__:
        r.b = 2
except RuntimeError as e:
    print(e)
print(vars(r))
`,
	"slots_and_dict": `class S:
    __slots__ = ('s', '__dict__')
    def __init__(self): self.s = 1; self.d = 2
def g(o): return o.s + o.d
xs = [S() for _ in range(5)]
print([g(x) for x in xs], vars(xs[0]))
`,
	"builtin_class_calls": `r = []
for i in range(6):
    r.append((int(2.5), float('1.5'), tuple([i]), str(i), list((i,)), bool(i), set(), frozenset([1]), dict(), bytes(2), range(i), complex(1, i), slice(i), type('X', (), {}).__name__))
    try:
        int('x')
    except ValueError as e:
        r.append(str(e))
    try:
        int(1, 2, 3, 4)
    except TypeError as e:
        r.append(str(e))
    int = (lambda x: 'shadowed') if i == 3 else int
print(r)
`,
	"property_getter": `class A:
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x * 10
    @property
    def bad(self): raise ValueError('bad getter')
    @property
    def rec(self): return self.rec
def mk(k):
    @property
    def c(self): return k + self._x
    return c
A.c = mk(100)
class B(A):
    def __getattr__(self, name): return 'fallback ' + name
    @property
    def missing(self): raise AttributeError('inner')
def f(o): return o.x
r = []
a, b = A(), B()
for i in range(8):
    r.append(f(a)); r.append(f(b)); r.append(a.c)
    if i == 2: a._x = 5
    if i == 4: A.x = property(lambda self: 'lambda getter')
    if i == 5: a.__dict__['x'] = 'shadow ignored'
    if i == 6: del A.x; A.x = 7
print(r)
for i in range(3): print(b.missing)
def g(o):
    try: return o.bad
    except ValueError as e: return str(e)
print([g(a) for _ in range(3)])
try:
    a.rec
except RecursionError as e:
    print('recursion', e)
class G:
    @property
    def gen(self):
        yield 1
def gg(o): return list(o.gen)
print([gg(G()) for _ in range(3)])
class C:
    @property
    def p(self): return 1
def q(o): return o.p
print([q(C()) for _ in range(3)])
C.p.fget.__code__ = (lambda self, extra=2: extra).__code__
print([q(C()) for _ in range(3)])
`,
	"builtin_class_conversions": `def conv(xs):
    out = []
    for x in xs:
        for f in (int, float, str):
            try:
                out.append(f(x))
            except Exception as e:
                out.append(type(e).__name__ + ': ' + str(e))
    return out
vals = [True, False, -2.7, 2.7, -0.0, 1e19, -9.3e18, 9.2e18, float('nan'), float('inf'), 2**60 + 1, 2**63 - 1, -2**63, 2**64, 'x', '12', 3]
for i in range(3):
    print(conv(vals))
s = 'abc'
print(str(s) is s, int(5) is 5 or True)
`,
	"many_shapes_one_site": `class M:
    def __init__(self, n):
        for i in range(n): setattr(self, 'f%d' % i, i)
    def total(self): return sum(vars(self).values())
print([M(n).total() for n in range(40)])
`,
}

func TestShapePrograms(t *testing.T) { checkProgramsAtThresholds(t, shapePrograms) }

// TestInstanceBlockAccounting checks that instances made with their dict
// in one block (newInstanceBlock) account and free the same bytes as
// the dicts made on first store: making and dropping a batch of them,
// of each block size and with dicts grown past their block, deleted
// through, cleared, kept alive past their instance and in cycles the
// collector frees, leaves the accounted bytes where they were.
func TestInstanceBlockAccounting(t *testing.T) {
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	defer in.decRef(gv)
	g := asObject[Dict](gv)
	if err := in.ExecModule(compileForTest(t, `
class A:
    def __init__(self, n):
        for i in range(n): setattr(self, 'a%d' % i, i)
kept = []
def batch():
    for n in (1, 3, 5, 6, 9, 10, 12, 20, 21, 25, 40):
        for k in range(20):
            o = A(n)
            if k == 1: del o.a0
            if k == 2: o.__dict__.clear()
            if k == 3: o.__dict__[k] = k
            if k == 4: kept.append(o.__dict__)
            if k == 5: o.me = o
            if k == 6: o.__dict__['d'] = o.__dict__
        A(0)
    kept.clear()
batch()
`), g); err != nil {
		t.Fatal(err)
	}
	batch, ok, _ := in.DictGet(g, internName("batch"))
	if !ok {
		t.Fatal("no batch")
	}
	in.CollectCycles() // the warm-up batch's cycles
	before := in.Heap().Bytes()
	for range 3 {
		r, err := in.Call(batch, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		in.decRef(r)
		in.CollectCycles() // the self-referencing instances and dicts
	}
	if after := in.Heap().Bytes(); after != before {
		t.Errorf("accounted bytes %d before three batches, %d after", before, after)
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
}
