package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// fastPrograms exercise the fast loop (eval_fast.go) where it hands over
// to runFrom mid-instruction or calls out: a release that runs __del__
// (which must see its caller's frame whole and at the right line), the
// superinstructions with equal operands, guards that fail (an overflow,
// a zero divisor, an object whose truth is asked, another type), and a
// store that raises. Each is compared with CPython 3.12 at the warm-up
// thresholds 1 and 2 and with specialization off.
var fastPrograms = map[string]string{
	"del_sees_caller_line": `import sys
class D:
    def __init__(self, tag): self.tag = tag
    def __del__(self):
        f = sys._getframe(1)
        print('del', self.tag, f.f_code.co_name, f.f_lineno)
def store():
    x = D('store')
    x = 1
    return x
def pop():
    D('pop')
    return 2
def is_none():
    return D('is') is None
def subscr():
    a = [D('old')]
    a[0] = 5
    return a
def unpack():
    a, b = (D('u1'), 2)
    a = b = None
    return 3
for i in range(3):
    print(store(), pop(), is_none(), subscr(), unpack())
`,
	"superinstruction_operands": `class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
def f():
    a, a = D(1), D(2)
    print('a is', a.n)
    b = c = D(3)
    b, c = c, b
    x = 10
    y = x
    x = y
    return a.n + b.n + c.n + x + y
for i in range(3):
    print(f())
`,
	"guards_fail_midloop": `def g(xs):
    total = 0
    for x in xs:
        total = total + x
        total = total * 3
        if total:
            total = total - 1
    return total
print(g([1, 2, 3]))
print(g([1, 2**62, 3]))
print(g([1.5, 2, 3]))
print(g([True, False]))
class Z:
    def __bool__(self): return False
    def __add__(self, o): return self
    def __mul__(self, o): return self
    def __sub__(self, o): return 0
print(g([Z(), 1]))
def h(n):
    r = []
    for i in range(n):
        r.append(1.0 / (i - 2) if i != 2 else 0.0)
    return r
print(h(5))
def z(n):
    t = 0.0
    for i in range(n):
        t = t + 1.0 / (n - i - 3)
    return t
try:
    z(5)
except ZeroDivisionError as e:
    import traceback
    print('caught', e, traceback.extract_tb(e.__traceback__)[-1].lineno)
`,
	"attributes_polymorphic": `class A:
    def __init__(self): self.x = 1; self.y = 2
class B:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 10; self.y = 20
class C:
    x = property(lambda self: 100)
    y = 5
def get(o): return o.x + o.y
def put(o, v):
    o.x = v
    return o.x
objs = [A(), B(), A(), B()]
for i in range(6):
    print([get(o) for o in objs], [put(o, i) for o in objs])
print(get(C()))
b = B()
del b.x
try:
    get(b)
except AttributeError as e:
    print('AttributeError', e)
`,
	"frame_record_reused": `def leaf(x):
    return [x][0]
def text(s):
    return s.upper() + str(len(s))
def mid(x):
    y = leaf(x)
    return text('ab') + str(y)
def tree(depth, start):
    if depth == 0:
        return start
    return [tree(depth - 1, start * 2), tree(depth - 1, start * 2 + 1)]
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
out = []
for i in range(6):
    out.append(mid(i))
    out.append(sum(flatten(tree(5, i))))
print(out)
`,
	"generators_inline": `def gen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print('got', x)
    return 'done'
def outer():
    r = yield from gen(3)
    print('inner returned', r)
    yield 'last'
print(list(outer()))
g = outer()
print(next(g), g.send('a'), g.send('b'))
def bad():
    yield 1
    raise ValueError('boom')
try:
    for v in bad():
        print('v', v)
except ValueError as e:
    print('caught', e)
def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield 'bottom'
print(list(deep(50)))
try:
    print(len(list(deep(5000))))
except RecursionError:
    print('RecursionError')
def pairs():
    for a in (x * 2 for x in range(4)):
        yield a, -a
print([p for p in pairs()], sum(b for _, b in pairs()))
`,
	"iterators_end": `def f():
    out = []
    for i in range(3):
        for x in [i, i + 1]:
            for y in (x, -x):
                out.append(y)
    it = iter([1, 2])
    for v in it:
        out.append(v)
    for v in it:
        out.append('never')
    return out
for _ in range(3):
    print(f())
`,
}

func TestFastLoop(t *testing.T) { checkProgramsAtThresholds(t, fastPrograms) }

// TestSuperinstructionsFused checks that quickening fuses the pairs
// CPython 3.12 fuses, and only with specialization on.
func TestSuperinstructionsFused(t *testing.T) {
	src := `def f(a, b):
    c = a + 1
    d = c
    e, g = a, b
    return a + b + c + d + e + g
for i in range(3):
    f(i, 2)
`
	for _, off := range []bool{false, true} {
		if off {
			t.Setenv("PARALLEL_NOSPECIALIZE", "1")
		}
		var stdout strings.Builder
		in := New(Options{Stdout: &stdout})
		code := compileForTest(t, src)
		gv, _ := in.NewDict()
		if err := in.ExecModule(code, asObject[Dict](gv)); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := bytecode.Disassemble(&b, in.AdaptiveListing(code), bytecode.Adaptive()); err != nil {
			t.Fatal(err)
		}
		listing := b.String()
		for _, op := range []bytecode.Op{bytecode.LOAD_FAST__LOAD_FAST, bytecode.LOAD_FAST__LOAD_CONST, bytecode.STORE_FAST__LOAD_FAST, bytecode.STORE_FAST__STORE_FAST} {
			if has := strings.Contains(listing, op.String()); has == off {
				t.Errorf("specialization off %v: %v in the listing: %v\n%s", off, op, has, listing)
			}
		}
		in.decRef(gv)
	}
}

// TestFastOpsMatchTheLoop reads runFastIn's switch from eval_fast.go and
// checks that fastOps marks exactly its cases: an op missing from the
// table would never reach the fast loop, an extra one would cost a call
// for nothing.
func TestFastOpsMatchTheLoop(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "eval_fast.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]bool{}
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "runFastIn" {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || sw.Init == nil { // the dispatch: switch op := instr.Op(); op
				return true
			}
			for _, st := range sw.Body.List {
				for _, e := range st.(*ast.CaseClause).List {
					if sel, ok := e.(*ast.SelectorExpr); ok {
						cases[sel.Sel.Name] = true
					}
				}
			}
			return false
		})
	}
	if len(cases) < 20 {
		t.Fatalf("found only %d cases in runFastIn's switch", len(cases))
	}
	for i, marked := range fastOps {
		name := bytecode.Op(i).String()
		if marked != cases[name] {
			t.Errorf("%s: in fastOps %v, a case of runFastIn %v", name, marked, cases[name])
		}
	}
}
