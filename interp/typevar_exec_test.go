package interp

import (
	"errors"
	"strings"
	"testing"
)

// PEP 695 programs that need no standard library: generic functions,
// type aliases, the _typing objects made directly, and their errors.
// (Generic classes import typing: see typevar_typing_test.go.) Each runs
// here and in CPython 3.12, with identical output.
var typeVarPrograms = map[string]string{
	"generic function": `def f[T: int, *Ts, **P](a: T, b=1, *, c=2) -> T:
    return a
print(f.__type_params__, f(3), f.__annotations__, f.__defaults__, f.__kwdefaults__)
T, Ts, P = f.__type_params__
print(T.__bound__, T.__name__, T.__module__, T.__constraints__, T.__covariant__, T.__contravariant__, T.__infer_variance__)
print(type(T).__name__, type(Ts).__name__, type(P).__name__, Ts.__name__, P.__name__, P.__bound__)
print(P.args, P.kwargs, P.args.__origin__ is P, P.args == P.args, P.args == P.kwargs, P.args != P.args)
def h[T:(int,str)](): pass
print(h.__type_params__[0].__constraints__, h.__type_params__[0].__bound__, h.__qualname__, h.__name__)
def plain(): pass
print(plain.__type_params__)
plain.__type_params__ = (1,)
print(plain.__type_params__)
for bad in ([1], None):
    try:
        plain.__type_params__ = bad
    except TypeError as e:
        print(e)
try:
    del plain.__type_params__
except TypeError as e:
    print(e)
`,
	"lazy bound": `calls = []
def bound():
    calls.append(1)
    return int
def f[T: bound()](): pass
T = f.__type_params__[0]
print(calls)
print(T.__bound__, T.__bound__, calls)
def g[T: undefined_name](): pass
try:
    g.__type_params__[0].__bound__
except NameError as e:
    print(e)
undefined_name = str
print(g.__type_params__[0].__bound__)
def k[T: (undefined2, int)](): pass
undefined2 = float
print(k.__type_params__[0].__constraints__)
`,
	"nested and closures": `def outer():
    x = 1
    def f[T](y=x) -> T:
        return x + y
    return f
f = outer()
print(f(), f.__qualname__, f.__type_params__, f.__annotations__)
class C:
    def m[T](self, a: T) -> T:
        return a
    def __p[__U](self): return __U
    type Alias = list[C]
print(C().m(5), C.m.__type_params__, C.m.__qualname__, C._C__p.__type_params__)
print(C.Alias.__value__, C.Alias.__module__)
`,
	"type alias": `type A = int
print(A, A.__value__, A.__type_params__, A.__parameters__, A.__module__, A.__name__, type(A))
type B[X, *Ys, **Z] = dict[X, Z]
print(B.__type_params__, B.__value__, B.__reduce__())
type Lazy = undefined_thing
try:
    Lazy.__value__
except NameError as e:
    print(e)
undefined_thing = 3
print(Lazy.__value__)
print(A | int, int | A, A | None, type(A | int).__name__)
try:
    A[int]
except TypeError as e:
    print(e)
try:
    A.__name__ = 'x'
except AttributeError as e:
    print(e)
try:
    A.__value__ = 1
except AttributeError as e:
    print(e)
try:
    A.foo = 1
except AttributeError as e:
    print(e)
type Rec = list[Rec]
print(Rec.__value__)
`,
	"constructors": `from _typing import TypeVar, ParamSpec, TypeVarTuple, ParamSpecArgs, ParamSpecKwargs, TypeAliasType, Generic, _idfunc
T = TypeVar('T')
print(T, T.__module__, repr(TypeVar('T', covariant=True)), repr(TypeVar('T', contravariant=True)), repr(TypeVar('T', infer_variance=True)))
print(TypeVar('T', bound=None).__bound__, TypeVar('T', None, None).__constraints__)
P = ParamSpec('P')
print(P, P.args, P.kwargs, ParamSpec('P', covariant=True), ParamSpecArgs(3), ParamSpecKwargs(T))
Ts = TypeVarTuple('Ts')
print(Ts, Ts.__name__, Ts.__module__)
A = TypeAliasType('A', int)
print(A, A.__value__, A.__type_params__, A.__module__)
A2 = TypeAliasType('A2', int, type_params=())
print(A2[int], A2.__type_params__)
print(_idfunc(3), Generic.__module__, Generic.__qualname__, Generic.__mro__)
print(T.__reduce__(), P.__reduce__(), Ts.__reduce__(), A.__reduce__())
T.foo = 5
print(T.foo)
del T.__module__
print(T.__module__, TypeVar.__module__, TypeVar.__name__, TypeAliasType.__module__)
print(hasattr(T, '__dict__'))
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: TypeVar('T', int), lambda: TypeVar('T', covariant=True, contravariant=True),
          lambda: TypeVar('T', covariant=True, infer_variance=True), lambda: TypeVar(1),
          lambda: TypeAliasType(1, int), lambda: TypeAliasType('A', int, type_params=[]), lambda: hash(P.args),
          lambda: ParamSpecArgs(1, 2), lambda: ParamSpecArgs(), lambda: TypeVarTuple(3), lambda: TypeVar(), lambda: TypeVar('T', bogus=1),
          lambda: T.__mro_entries__(()), lambda: P.__mro_entries__(()), lambda: Ts.__mro_entries__(()), lambda: P.args.__mro_entries__(()),
          lambda: P.kwargs.__mro_entries__(()), lambda: Ts | int, lambda: setattr(T, '__name__', 'x'),
          lambda: setattr(T, '__bound__', 1), lambda: setattr(A, '__module__', 1), lambda: type('X', (TypeVar,), {}),
          lambda: Ts.__typing_subst__(int), lambda: A.__mro_entries__, lambda: ParamSpec(1), lambda: ParamSpec('P', 1),
          lambda: TypeAliasType('A'), lambda: TypeAliasType('A', int, (T,)), lambda: TypeVarTuple('Ts', 1),
          lambda: _idfunc(), lambda: P.args < P.args, lambda: TypeVar('T', covariant=[]).__covariant__]:
    t(f)
class G: pass
print(G.__type_params__, int.__type_params__)
G.__type_params__ = [1]
print(G.__type_params__, G.__dict__['__type_params__'])
t(lambda: delattr(G, '__type_params__'))
t(lambda: setattr(int, '__type_params__', ()))
t(lambda: delattr(int, '__type_params__'))
`,
	"syntax errors": `for src in ["def f[T, T](): pass", "class C[T]:\n  def f(self):\n    nonlocal T", "type A[T] = (yield)",
            "def f[T: (yield)](): pass", "class C[T: (x := 1)]: pass", "type A = (x := 3)", "def f[T](x: (yield)): pass",
            "class C[__debug__]: pass", "type A[T: (await x)] = int", "def f[T: (lambda: (yield))](): pass",
            "class C[T](x for x in y): pass", "def f[**P, *T](): pass", "type X[T] = [x for x in (yield)]",
            "def f[T: (yield from x)](): pass", "class A:\n  type X = (yield)", "def f[T]()[U](): pass", "type 1 = int"]:
    try:
        compile(src, '<s>', 'exec')
        print('OK', repr(src))
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
`,
}

func TestTypeVarPrograms(t *testing.T) { checkPrograms(t, typeVarPrograms) }

// TestTypeVarTeardown checks that the programs' objects, cycles through
// lazily evaluated bounds and alias values included, are all freed when
// the interpreter is closed.
func TestTypeVarTeardown(t *testing.T) {
	for name, src := range typeVarPrograms {
		t.Run(name, func(t *testing.T) {
			var stdout strings.Builder
			in := New(Options{Stdout: &stdout})
			if err := in.RunMain(compileForTest(t, src)); err != nil {
				t.Fatalf("%v", err)
			}
			in.Close()
			for _, r := range in.Heap().Reports() {
				t.Errorf("reference-count report: %v", r)
			}
			if leaks := liveObjects(in.Heap()); len(leaks) > 0 {
				t.Errorf("objects left after teardown: %s", strings.Join(leaks, ", "))
			}
		})
	}
}

// TestTypeVarCycles checks that the cycle finder frees a TypeVar whose
// bound refers to itself and an alias whose value does.
func TestTypeVarCycles(t *testing.T) {
	src := `def mk():
    def f[T: list[T], **P, *Ts](a: T) -> T: pass
    type Rec[U] = list[Rec[U]]
    Rec.__value__
    f.__type_params__[0].__bound__
    return f.__type_params__, Rec
ps, alias = mk()
del ps, alias, mk
`
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout})
	defer in.Close()
	if err := in.RunMain(compileForTest(t, src)); err != nil {
		t.Fatalf("%v", err)
	}
	in.CollectCycles()
	for _, c := range in.Heap().Stats().Classes {
		if strings.HasPrefix(c.Name, "typing.") && c.Live > 0 {
			t.Errorf("%d %s objects left after collecting cycles", c.Live, c.Name)
		}
	}
}

// TestGenericInstance checks that making an instance of typing.Generic
// itself says it is not implemented.
func TestGenericInstance(t *testing.T) {
	_, err, in, _ := runForTest(t, "from _typing import Generic\nGeneric()\n")
	var e *Exception
	if !errors.As(err, &e) || !strings.HasPrefix(e.Error(), "NotImplementedError: instances of typing.Generic itself") {
		t.Errorf("got %v", err)
	}
	if e != nil {
		in.decRef(valueOf(e))
	}
}
