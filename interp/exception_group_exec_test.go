package interp

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Exception groups (PEP 654), compared with CPython 3.12. Error cases
// are gathered in loops over lambdas that print each exception's type
// and message.
var exceptionGroupPrograms = map[string]string{
	"basic": `eg = ExceptionGroup('many', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg))
print(str(eg), len(eg.exceptions), eg.message, eg.args)
print(type(eg.exceptions).__name__, eg.exceptions)
print(str(ExceptionGroup('one', (KeyError('k'),))))
print(str(ExceptionGroup('', [KeyError('k')])))
print(repr(ExceptionGroup('t', (ValueError(1), ValueError(2)))))
b = BaseExceptionGroup('y', [KeyboardInterrupt()])
print(type(b).__name__, repr(b), isinstance(b, Exception))
e = BaseExceptionGroup('y', [ValueError()])
print(type(e).__name__, isinstance(e, Exception), isinstance(e, BaseExceptionGroup))
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, ExceptionGroup.__base__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
try:
    raise eg
except Exception as caught:
    print('caught as Exception', caught is eg)
try:
    raise b
except Exception:
    print('wrong')
except BaseExceptionGroup as caught:
    print('caught base group', repr(caught))
print(repr(ExceptionGroup('m', 'a' and [ValueError('x')])))
eg.args = (1, 2, 3)
print(repr(eg), str(eg), eg.message)
eg.args = ()
print(repr(eg), str(eg))
eg2 = ExceptionGroup('m', [ValueError()])
eg2.__init__(1, 2, 3)
print(repr(eg2), str(eg2), eg2.args)
print(ExceptionGroup('m', [ValueError()]).__str__())
`,
	"constructor_errors": `for f in [
    lambda: ExceptionGroup(1, [ValueError()]),
    lambda: ExceptionGroup(None, [ValueError()]),
    lambda: ExceptionGroup('m'),
    lambda: ExceptionGroup(),
    lambda: ExceptionGroup('m', [ValueError()], 3),
    lambda: ExceptionGroup('m', [ValueError()], x=3),
    lambda: BaseExceptionGroup('m', [ValueError()], x=3),
    lambda: ExceptionGroup('m', 5),
    lambda: ExceptionGroup('m', {1: 2}),
    lambda: ExceptionGroup('m', None),
    lambda: ExceptionGroup('m', (x for x in [ValueError()])),
    lambda: ExceptionGroup('m', 'ab'),
    lambda: ExceptionGroup('m', [ValueError(), 1]),
    lambda: ExceptionGroup('m', [ValueError, 1]),
    lambda: ExceptionGroup('m', ()),
    lambda: ExceptionGroup('m', []),
    lambda: ExceptionGroup('m', [KeyboardInterrupt()]),
    lambda: ExceptionGroup('m', [ValueError(), BaseExceptionGroup('b', [SystemExit()])]),
    lambda: BaseExceptionGroup.__new__(BaseExceptionGroup, 'm', [ValueError()]),
    lambda: BaseExceptionGroup.__new__(int, 'm', [ValueError()]),
    lambda: BaseExceptionGroup.__new__(ValueError, 'm', [ValueError()]),
    lambda: BaseExceptionGroup.__new__(5),
    lambda: BaseExceptionGroup.__new__(),
    lambda: ExceptionGroup.__new__(ExceptionGroup, 'm', [ValueError()], x=1),
]:
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
eg = ExceptionGroup('m', [ValueError()])
for name in ['message', 'exceptions']:
    try:
        setattr(eg, name, 1)
    except AttributeError as e:
        print(name, e)
    try:
        delattr(eg, name)
    except AttributeError as e:
        print(name, e)
`,
	"sequences": `class Seq:
    def __getitem__(self, i):
        if i < 2:
            return ValueError(i)
        raise IndexError
print(ExceptionGroup('seq', Seq()).exceptions)
print(repr(ExceptionGroup('range', [ValueError(i) for i in range(3)])))
class S(str):
    pass
g = ExceptionGroup(S('sub'), [ValueError()])
print(repr(g), str(g), type(g.message).__name__)
class M(str):
    def __str__(self):
        return 'MMM'
print(str(ExceptionGroup(M('m'), [ValueError()])))
`,
	"split_subgroup": `eg = ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('n', [ValueError(3), KeyError(4)])])
print(eg.split(ValueError))
print(eg.split((ValueError, KeyError)))
print(eg.split(lambda e: isinstance(e, ValueError)))
print(eg.split(lambda e: True)[0] is eg, eg.split(Exception)[0] is eg, eg.split(BaseExceptionGroup)[0] is eg)
print(eg.subgroup(lambda e: True) is eg, eg.subgroup(lambda e: False))
print(eg.split(OSError), eg.split(()))
print(eg.split(ExceptionGroup))
print(eg.subgroup(KeyError), eg.subgroup(TypeError), eg.subgroup(OSError))
print(eg.split(ValueError)[0].args, eg.split(ValueError)[0].exceptions[1].args)
print(eg.derive([ValueError(9)]), eg.derive([ValueError(9)]).args)
print(repr(eg.derive((KeyboardInterrupt(),))))
def pred(e):
    print('pred', repr(e))
    return False
print(eg.split(pred))
class T(tuple):
    pass
for f in [
    lambda: eg.split(int),
    lambda: eg.split((ValueError, int)),
    lambda: eg.split([ValueError]),
    lambda: eg.split(T((ValueError,))),
    lambda: eg.split(print),
    lambda: eg.split(ValueError()),
    lambda: eg.split(lambda e: 1 / 0),
    lambda: eg.split(),
    lambda: eg.split(ValueError, 1),
    lambda: eg.split(x=ValueError),
    lambda: eg.subgroup(),
    lambda: eg.subgroup(x=1),
    lambda: eg.derive(),
    lambda: eg.derive(1, 2),
    lambda: eg.derive(excs=[]),
    lambda: eg.derive(1),
    lambda: BaseExceptionGroup.derive(ValueError(), []),
    lambda: BaseExceptionGroup.split(ValueError(), ValueError),
]:
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
`,
	"split_metadata": `def fail():
    raise ExceptionGroup('all', [ValueError(1), TypeError(2), ExceptionGroup('n', [ValueError(3)])])
try:
    try:
        raise KeyError('x')
    except KeyError:
        try:
            fail()
        except ExceptionGroup as g:
            raise g from KeyError('c')
except ExceptionGroup as e:
    g = e
g.add_note('n1')
g.__suppress_context__ = False
m, r = g.split(TypeError)
print(m.__notes__, r.__notes__, m.__notes__ is g.__notes__, m.__notes__ is r.__notes__)
print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__, m.__traceback__ is not None)
print(repr(r.exceptions[1]), r.exceptions[1].__cause__, r.exceptions[1].__suppress_context__)
print(r.exceptions[1].__traceback__ is None, r.exceptions[1].exceptions[0] is g.exceptions[2].exceptions[0])
g.__notes__ = 5
m, r = g.split(TypeError)
print(hasattr(m, '__notes__'))
g.__notes__ = (1, 2)
m, r = g.split(TypeError)
print(m.__notes__, type(m.__notes__).__name__)
del g.__notes__
print(hasattr(g.subgroup(TypeError), '__notes__'))
`,
	"subclasses": `class MyEG(ExceptionGroup):
    pass
e = MyEG('m', [ValueError(1)])
print(repr(e), str(e), isinstance(e, Exception))
print(repr(e.split(ValueError)), type(e.subgroup(lambda x: not isinstance(x, MyEG))).__name__)
try:
    MyEG('m', [KeyboardInterrupt(1)])
except TypeError as err:
    print(err)
class MyBEG(BaseExceptionGroup):
    pass
print(repr(MyBEG('m', [KeyboardInterrupt(1)])), repr(MyBEG('m', [ValueError(1)])))
class Mixed(BaseExceptionGroup, ValueError):
    pass
try:
    Mixed('m', [KeyboardInterrupt(1)])
except TypeError as err:
    print(err)
print(repr(Mixed('m', [ValueError(1)])), isinstance(Mixed('m', [ValueError(1)]), ValueError))
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadDerive('x', [ValueError(), TypeError()]).split(ValueError)
except TypeError as err:
    print(err)
class Extra(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self
    def __init__(self, message, excs, extra):
        super().__init__(message, excs)
    def derive(self, excs):
        return Extra(self.message, excs, self.extra)
x = Extra('x', [ValueError(), TypeError()], 5)
print(repr(x), x.args, x.extra)
m, r = x.split(ValueError)
print(repr(m), repr(r), r.extra)
class Kw(ExceptionGroup):
    def __init__(self, message, excs, *, flag=False):
        super().__init__(message, excs)
        self.flag = flag
k = Kw('kw', [ValueError()], flag=True)
print(repr(k), k.flag)
class Str(ExceptionGroup):
    def __str__(self):
        return 'custom'
print(str(Str('s', [ValueError()])))
try:
    raise MyEG('raised', [ValueError()])
except ExceptionGroup as caught:
    print('caught', type(caught).__name__)
`,
	// No functions or classes: checkPrograms also checks that nothing
	// is left on the heap.
	"no_leaks": `eg = ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('n', [ValueError(3), KeyError(4)])])
eg.add_note('x')
try:
    try:
        raise KeyError('ctx')
    except KeyError:
        raise eg from OSError('cause')
except ExceptionGroup as caught:
    m, r = caught.split(ValueError)
    print(m, r, m.__notes__, repr(m.__cause__), repr(r.__context__))
    print(caught.subgroup(KeyError), caught.subgroup(OSError), caught.split(Exception)[0] is caught)
    print(caught.derive([ValueError(9)]), BaseExceptionGroup('b', [SystemExit(1)]))
for args in [(1, []), ('m', 5), ('m', []), ('m', [ValueError(), 1]), ('m', [KeyboardInterrupt()]), ('m',)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for cond in [int, (ValueError, 1), [ValueError]]:
    try:
        eg.split(cond)
    except TypeError as e:
        print(e)
try:
    eg.message = 'x'
except AttributeError as e:
    print(e)
`,
	"uncaught": `raise ExceptionGroup('several failures', [ValueError('bad value'), TypeError('bad type')])
`,
	"uncaught_base": `raise BaseExceptionGroup('base', [KeyboardInterrupt()])
`,
	"uncaught_split": `eg = ExceptionGroup('m', [ValueError(1), TypeError(2)])
match, rest = eg.split(TypeError)
raise rest
`,
}

func TestExceptionGroupPrograms(t *testing.T) { checkPrograms(t, exceptionGroupPrograms) }

// Programs whose whole stderr is compared with CPython's: the traceback
// of an uncaught group with its margins and separators. They run as
// `python3 -c`, so the file is "<string>" and no source lines show.
var exceptionGroupTracebacks = map[string]string{
	"plain": `def run():
    raise ExceptionGroup('several failures', [ValueError('bad value'), TypeError('bad type')])
run()
`,
	"nested": `def fail(exc):
    raise exc
def collect(*excs):
    out = []
    for e in excs:
        try:
            fail(e)
        except BaseException as caught:
            out.append(caught)
    return out
inner = ExceptionGroup('inner', collect(KeyError('k'), ZeroDivisionError('z')))
middle = ExceptionGroup('middle', collect(inner, ValueError('v')))
last = ExceptionGroup('last', collect(ExceptionGroup('deepest', collect(ValueError(2)))))
raise ExceptionGroup('outer', collect(middle, TypeError('t'), last))
`,
	"chains": `def f():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('converted') from z
def g():
    try:
        {}['missing']
    except KeyError:
        raise RuntimeError('while handling')
excs = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        excs.append(e)
try:
    raise ExceptionGroup('children with chains', excs)
except ExceptionGroup as eg:
    try:
        raise ExceptionGroup('wrapper', [TypeError('inside')]) from eg
    except ExceptionGroup as w:
        raise ExceptionGroup('final', [w, excs[0]])
`,
	"wide": `raise ExceptionGroup('wide', [ExceptionGroup('sixteen', [ValueError(i) for i in range(16)])] + [KeyError(i) for i in range(20)])
`,
	"deep": `eg = ExceptionGroup('level 0', [ValueError('leaf')])
for i in range(1, 13):
    try:
        raise eg
    except ExceptionGroup as e:
        eg = ExceptionGroup(f'level {i}', [e, TypeError(i)] if i % 3 == 0 else [e])
raise eg
`,
	"notes": `class Bad:
    def __str__(self):
        raise RuntimeError('no str')
a = ValueError('a')
a.add_note('one line')
a.add_note('two\nlines')
a.add_note('')
a.add_note('ends in newline\n')
a.__notes__.append(Bad())
a.__notes__.append('odd\x0bbreaks\rhere\x1cand\u2028there')
b = KeyError('b')
b.__notes__ = 'not a list'
c = TypeError('multi\nline\nmessage')
c.add_note('c note')
eg = ExceptionGroup('noted', [a, b, c])
eg.add_note('group note\nsecond line')
raise eg
`,
	"recursion": `def rec(n):
    if n == 0:
        return 1 + 'x'
    return rec(n - 1)
try:
    rec(10)
except TypeError as e:
    raise ExceptionGroup('deep', [e, ValueError('v')])
`,
	"in_context": `try:
    raise ExceptionGroup('first', [ValueError(1), ExceptionGroup('sub', [TypeError(2)])])
except ExceptionGroup:
    raise RuntimeError('after the group')
`,
	"same_child": `try:
    raise KeyError('ctx')
except KeyError:
    try:
        raise ValueError('shared')
    except ValueError as v:
        e = v
raise ExceptionGroup('twice', [e, e, ExceptionGroup('again', [e])])
`,
	"split": `def fail():
    raise ExceptionGroup('all', [ValueError(1), TypeError(2), ExceptionGroup('nested', [ValueError(3), KeyError(4)])])
try:
    try:
        fail()
    except ExceptionGroup as eg:
        eg.add_note('split me')
        match, rest = eg.split(ValueError)
        raise rest
except ExceptionGroup as r:
    raise match from r
`,
	"subclass": `class MyGroup(BaseExceptionGroup):
    pass
def main():
    raise MyGroup('mine', [KeyboardInterrupt(), SystemExit(3), BaseExceptionGroup('plain', [ValueError(1)])])
main()
`,
	"syntax": `excs = []
for src in ['x = (', 'def f(:\n  pass']:
    try:
        compile(src, 'fake.py', 'exec')
    except SyntaxError as e:
        excs.append(e)
raise ExceptionGroup('bad sources', excs)
`,
}

func TestExceptionGroupTracebacks(t *testing.T) {
	for name, src := range exceptionGroupTracebacks {
		t.Run(name, func(t *testing.T) {
			cmd := pyoracle.Command("-c", src)
			var errOut strings.Builder
			cmd.Stderr = &errOut
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Skipf("no CPython 3.12 (or the program did not fail): %v", err)
			}
			want := errOut.String()

			in := New(Options{Stdout: &strings.Builder{}})
			gv, gerr := in.NewDict()
			if gerr != nil {
				t.Fatal(gerr)
			}
			modName, _ := in.NewStr("__main__")
			in.DictSet(asObject[Dict](gv), internName("__name__"), modName)
			in.decRef(modName)
			mod, perr := syntax.Parse("<string>", []byte(src), syntax.ModeExec)
			if perr != nil {
				t.Fatal(perr)
			}
			code, cerr := compile.Compile(mod, "<string>", syntax.ModeExec, compile.Options{})
			if cerr != nil {
				t.Fatal(cerr)
			}
			runErr := in.ExecModule(code, asObject[Dict](gv))
			in.decRef(gv)
			var e *Exception
			if !errors.As(runErr, &e) {
				t.Fatalf("no Python exception: %v", runErr)
			}
			var got strings.Builder
			if err := in.PrintException(&got, e, nil); err != nil {
				t.Fatal(err)
			}
			in.decRef(valueOf(e))
			if got.String() != want {
				t.Errorf("stderr:\n%s\nCPython 3.12:\n%s", got.String(), want)
			}
		})
	}
}
