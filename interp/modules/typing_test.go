package modules_test

// CPython's own typing.py over our _typing, and PEP 695 generic classes
// (which import typing): each program runs here, with the Go modules and
// CPython's standard library on the path, and in CPython 3.12, and the
// outputs must match. (An external test package: the Go modules import
// interp.)

import (
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/internal/pyoracle"
	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

var typingPrograms = map[string]string{
	"typevars": `import typing
from typing import TypeVar, ParamSpec, TypeVarTuple, Generic
T = TypeVar('T')
S = TypeVar('S', int, str)
B = TypeVar('B', bound='int')
N = TypeVar('N', bound=None)
print(T, S, B, B.__bound__, S.__constraints__, T.__module__, N.__bound__)
print(T | int, int | T, T | 'str', T | None, T.__typing_subst__(int))
P = ParamSpec('P', bound=int)
print(P.__bound__, P | int, P.__typing_subst__([int, str]), P.__typing_prepare_subst__(typing.Callable[P, T], ([int], str)))
Ts = TypeVarTuple('Ts')
print([*Ts], list(Ts), Ts.__typing_prepare_subst__(typing.Tuple[T, *Ts], (int, str, bytes)))
for f in [lambda: TypeVar('T', bound=()), lambda: ParamSpec('P', bound=()), lambda: TypeVar('T', int, str, bound=int),
          lambda: T.__typing_subst__(typing.Unpack[Ts]), lambda: T.__typing_subst__(()), lambda: Generic[int],
          lambda: Generic[T, T], lambda: Generic[()], lambda: Generic.__class_getitem__(T, T)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
`,
	"generic classes": `import typing
from typing import Generic, TypeVar, Protocol
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box.__parameters__, Box[int].__origin__, Box(1).v, Box.__mro__, Box.__orig_bases__)
class C[X]:
    pass
print(C.__type_params__, C.__parameters__, C[int], C.__mro__, C.__orig_bases__, C.__dict__['__type_params__'])
class Sub(C[int]): pass
print(Sub.__type_params__, Sub.__parameters__, Sub.__orig_bases__)
class GP[T, *Ts, **P]: pass
print(GP.__type_params__, GP.__parameters__, GP[int, str, bool, [int]])
class Outer:
    Inner = int
    type A = Inner
    def m[T: Inner](self, x: T) -> Inner: return x
    class G[T: Inner](list[Inner]):
        attr: T
print(Outer.A.__value__, Outer.m.__type_params__[0].__bound__, Outer.m.__annotations__, Outer.G.__type_params__[0].__bound__, Outer.G.__mro__, Outer.G.__orig_bases__)
class Base:
    def __init_subclass__(cls, **kw):
        print('init_subclass', cls.__name__, kw)
        super().__init_subclass__()
class D[T](Base, flag=1):
    def who(self): return __class__
print(D().who() is D, D.__type_params__)
class Meta(type): pass
class E[T](metaclass=Meta): pass
print(type(E), E.__orig_bases__)
class Pr[T](Protocol):
    def get(self) -> T: ...
print(Pr.__parameters__, Pr[int])
for src in ["class Bad2(typing.Generic): pass", "class Bad3[T](typing.Generic[T]): pass", "class Bad4(typing.Generic[int]): pass"]:
    try:
        exec(src)
    except TypeError as e:
        print(e)
def nested():
    class Local[T]: pass
    return Local
print(nested().__qualname__, nested().__type_params__)
class Base:
    def __repr__(self): return 'Base!'
    def __eq__(self, o): return 'eq'
    def __hash__(self): return 5
T = typing.TypeVar('T')
class Y(typing.Generic[T], Base): pass
print(repr(Y()), Y() == 1, hash(Y()), sorted(typing.Generic.__dict__))
class Z(typing.Generic[T]): pass
z = Z()
print(z == z, hash(z) == hash(z), repr(z)[:20], {z: 1}[z], Z.__hash__ is object.__hash__, Z.__repr__ is object.__repr__)
`,
	"typing features": `import typing
from typing import (TypeVar, get_type_hints, Annotated, overload, Callable, Union, Optional, ParamSpec,
    Concatenate, TypeVarTuple, Unpack, List, Dict, TypedDict, Protocol)
T = TypeVar('T')
print(Union[int, str], Optional[int], Union[int, None], int | None, Callable[[int], str], Callable[..., T][int])
print(List[T][int], Dict[str, T], typing.Tuple[int, ...])
P = ParamSpec('P')
print(Callable[P, T], Callable[Concatenate[int, P], T], Callable[Concatenate[int, P], T][[str], bool])
Ts = TypeVarTuple('Ts')
print(typing.Tuple[*Ts], typing.Tuple[Unpack[Ts]], typing.Tuple[int, *Ts][str, bytes])
class Proto(Protocol):
    def meth(self) -> int: ...
class TD(TypedDict, total=False):
    a: int
    b: str
print(TD(a=1), TD.__required_keys__, sorted(TD.__optional_keys__))
def f(a: 'int', b: Annotated[str, 'meta']) -> Optional[int]: pass
print(get_type_hints(f), get_type_hints(f, include_extras=True))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), len(typing.get_overloads(g)))
print(typing.TYPE_CHECKING, typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
print(Annotated[int, 'x'], typing.Literal[1, 2], typing.Final[int], typing.ClassVar[int])
type Alias[K] = dict[K, int]
print(Alias[str], Alias.__parameters__, Alias[str].__parameters__, Alias.__value__)
print(typing.NewType('UserId', int)(5), typing.cast(int, 'x'), typing.assert_type(1, int))
def deco[**P, R](fn: Callable[P, R]) -> Callable[P, R]: return fn
print(deco(len)("ab"), deco.__type_params__)
def gf[T](x: T) -> list[T]: return [x]
print(get_type_hints(gf), gf(1))
class Node[T]:
    def __init__(self, v: T, nxt: 'Node[T] | None' = None): self.v, self.nxt = v, nxt
print(get_type_hints(Node.__init__), Node[int](3).v, Node[int].__args__)
type Rec[T] = T | list[Rec[T]]
print(Rec.__value__, Rec[int])
`,
}

// TestTypingPrograms runs typing.py over our _typing.
func TestTypingPrograms(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	// What importing typing alone leaves after teardown (objects the
	// standard library's own imports leak, if any): the programs may
	// leave no more.
	_, _, baseLive := runTyping(t, lib.Dir, "import typing")
	for name, src := range typingPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := typingCPython(t, src)
			got, gotExc, live := runTyping(t, lib.Dir, src)
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
			for class, n := range live {
				if n > baseLive[class] {
					t.Errorf("%d %s objects left after teardown (import typing alone leaves %d)", n, class, baseLive[class])
				}
			}
		})
	}
}

// runTyping runs src with the standard library at lib, closes the
// interpreter and returns the output, the uncaught exception's last line
// and the objects left alive, by class.
func runTyping(t *testing.T, lib, src string) (stdout, exc string, live map[string]int64) {
	t.Helper()
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib}})
	if err := in.RunMain(code); err != nil {
		var b strings.Builder
		if perr := in.PrintException(&b, err, nil); perr != nil {
			t.Fatalf("a non-Python error: %v", err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	in.Close()
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
	live = map[string]int64{}
	for _, c := range in.Heap().Stats().Classes {
		if c.Live > 0 {
			live[c.Name] = int64(c.Live)
		}
	}
	return out.String(), exc, live
}

// typingCPython runs src in CPython 3.12: its stdout and the last line of
// stderr when it ends with an uncaught exception.
func typingCPython(t *testing.T, src string) (stdout, exc string) {
	t.Helper()
	cmd := pyoracle.Command("-c", src)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Skipf("no CPython 3.12: %v", err)
		}
		lines := strings.Split(strings.TrimRight(errOut.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	return out.String(), exc
}
