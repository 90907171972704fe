package modules_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// _contextvars against CPython 3.12, then the standard library modules
// on top of it (contextvars, and decimal through _pydecimal, which keeps
// its context in a ContextVar).

var contextvarsPrograms = map[string]string{
	"basics": tryAll + `import _contextvars as cv
v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
c = cv.copy_context()
def addr(x, s): return s.replace(hex(id(x)), 'X')
tryall('cv.Context(1)', 'cv.Context(a=1)', 'cv.ContextVar()', 'cv.ContextVar(1)', 'cv.ContextVar("a", 1)', 'cv.ContextVar("a", default=2, x=1)', 'cv.ContextVar(name="n")',
       'cv.ContextVar("a", x=1)', 'cv.Token()', 'cv.Token.MISSING', 'type(cv.Token.MISSING)', 'type(cv.Token.MISSING).__name__', 'type(cv.Token.MISSING).__module__', 'type(cv.Token.MISSING)()',
       'type(c.keys())', 'type(c.values())', 'type(c.items())', 'type(iter(c))', 'hash(c)', 'hash(v) == hash(v)', 'c == cv.Context()', 'c == 1', 'c != c.copy()', 'c < c',
       'c.get(1)', 'c[1]', 'w in c', '1 in c', 'len(c)', 'c.get()', 'c.get(w, 5)', 'c.get(w)', 'c.get(w, default=5)', 'c.get(var=w)', 'v.get()', 'w.get(3)',
       'w.get(default=3)', 'v.get(1, 2)', 'v.name', 'w.name', 'cv.ContextVar[int]', 'cv.Token[int]', 'cv.Context[int]', 'v.set()', 'v.reset()', 'v.reset(1)', 'v.set(1, 2)',
       'setattr(v, "name", "x")', 'v.foo', 'c.run()', 'c.run(1)', 'c.run(len, [1,2])', 'c.run(dict, a=1)', 'cv.copy_context(1)', 'cv.copy_context(a=1)', 'cv.ContextVar.__module__',
       'cv.Context.__name__', 'v.__class__', 'cv.ContextVar("a", default=None).get()', 'c.__hash__', 'cv.__doc__', 'c.copy() is c', 'str(cv.Token.MISSING)', 'c.keys(1)', 'c.copy(1)',
       'c.__eq__(1)', 'c.__eq__(c)', 'v.__class_getitem__(int)')
for src in ['class X(cv.ContextVar): pass', 'class Y(cv.Context): pass', 'class Z(cv.Token): pass']:
    try: exec(src)
    except TypeError as e: print(e)
print(addr(v, repr(v)), addr(w, repr(w)), repr(cv.ContextVar('q', default=[1])).split(' at ')[0], repr(cv.ContextVar('q', default='s')).split(' at ')[0])
`,
	"tokens and run": `import _contextvars as cv
v = cv.ContextVar('v', default=1)
w = cv.ContextVar('w')
def addr(s, *objs):
    for o, n in zip(objs, 'ABCD'):
        s = s.replace(hex(id(o)), n)
    return s
t = v.set(5)
print(addr(repr(t), t, v), t.var is v, t.old_value, type(t).__name__, t.old_value is cv.Token.MISSING)
v.reset(t)
print(addr(repr(t), t, v), v.get())
try: v.reset(t)
except Exception as e: print(type(e).__name__, addr(str(e), t, v))
t2 = w.set(1)
try: v.reset(t2)
except Exception as e: print(type(e).__name__, addr(str(e), t2, w))
t3 = v.set(2)
print(t3.old_value is cv.Token.MISSING)
def f():
    try: v.reset(t3)
    except Exception as e: print(type(e).__name__, addr(str(e), t3, v))
    print(v.get(), w.get())
    v.set(9)
    return 'ret'
ctx = cv.copy_context()
print(ctx.run(f), v.get(), ctx[v], ctx.get(v), len(ctx), sorted(x.name for x in ctx), sorted(ctx.values()), sorted((k.name, x) for k, x in ctx.items()))
def rec():
    ctx.run(lambda: None)
try: ctx.run(rec)
except Exception as e: print(type(e).__name__, addr(str(e), ctx))
try: ctx[cv.ContextVar('zz')]
except KeyError as e: print('KeyError', repr(e.args[0]).split(' at ')[0])
try: cv.ContextVar('zz').get()
except LookupError as e: print(type(e).__name__, repr(e.args[0]).split(' at ')[0], type(e.args[0]).__name__)
print(v.reset(t3), v.get())
g = (v.get() for _ in range(2))
print(next(g)); v.set(100); print(next(g))
t4 = v.set(7); t5 = v.set(8); v.reset(t5); print(v.get()); v.reset(t4); print(v.get())
k = ctx.keys(); print(len(k), len(list(k)), list(k), iter(k) is k, len(k))
it = iter(ctx); ctx.run(w.set, 50); print(len(it), len(list(it)), len(ctx), ctx[w])
def boom():
    v.set('inside')
    raise ValueError('boom')
c2 = cv.Context()
try: c2.run(boom)
except ValueError as e: print('caught', e, c2[v], v.get())
print(c2.run(cv.copy_context) == c2, cv.copy_context() == c2, c2 == c2.copy())
# nested runs of different contexts
c3, c4 = cv.Context(), cv.Context()
def inner():
    v.set('c4'); return v.get()
def outer():
    v.set('c3'); return c4.run(inner), v.get()
print(c3.run(outer), c3[v], c4[v], v.get())
class E:
    def __eq__(self, o): return 'truthy'
a, b = cv.Context(), cv.Context()
a.run(v.set, E()); b.run(v.set, E())
print(a == b, a != b)
lst = []; cyc = cv.ContextVar('cyc', default=lst); lst.append(cyc); print(repr(cyc).split(' at ')[0][:30])
c5 = cv.Context(); c5.run(v.set, c5); del c5
import gc; gc.collect(); print('ok')
`,
}

func TestContextvars(t *testing.T) { checkModulePrograms(t, contextvarsPrograms) }

var contextvarsStdlibPrograms = map[string]string{
	"decimal": `import sys
sys.modules['_decimal'] = None  # CPython too runs _pydecimal
import decimal
decimal.getcontext().prec = 50
print(decimal.Decimal(1) / 7)
from decimal import Decimal, localcontext, getcontext, setcontext, Context
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(2).sqrt(), getcontext().prec)
print(getcontext().prec, Decimal('1.1') + Decimal('2.2'), Decimal(2) ** Decimal('0.5'))
print(Decimal('3.14159').quantize(Decimal('0.01')), Decimal(10).ln(), Decimal('1e-3').exp(), Decimal(1).exp())
setcontext(Context(prec=10, rounding=decimal.ROUND_DOWN)); print(Decimal(2) / 3, getcontext())
import contextvars
print(contextvars.Context, contextvars.copy_context().run(lambda: getcontext().prec))
try: Decimal(1) / 0
except decimal.DivisionByZero as e: print('DivisionByZero', e)
`,
	"contextvars": `import contextvars, functools
v = contextvars.ContextVar('v', default=0)
def work(n):
    v.set(v.get() + n)
    return v.get()
ctxs = [contextvars.copy_context() for _ in range(3)]
print([c.run(work, i) for i, c in enumerate(ctxs)], [c[v] for c in ctxs], v.get())
print(contextvars.ContextVar[int], contextvars.__all__)
`,
}

func TestContextvarsStdlib(t *testing.T) { checkProgramsOnLib(t, contextvarsStdlibPrograms) }

// checkProgramsOnLib is checkModulePrograms with CPython's standard
// library on sys.path.
func checkProgramsOnLib(t *testing.T, programs map[string]string) {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range programs {
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
