package modules_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// The _ast tests run programs that import CPython's own Lib/ast.py over
// our _ast and compare what they print with CPython 3.12: the classes,
// ast.parse (ast.dump with positions, over the program corpus and some
// of the standard library), compile() of node trees, and CPython's
// errors for malformed trees.

// astPrograms print addresses in some messages; astAddr hides them.
var astAddr = regexp.MustCompile(`0x[0-9a-f]+`)

var astPrograms = map[string]string{
	"classes": `import ast, _ast
print(sorted(vars(ast.AST).items())[:0], ast.AST._fields, ast.AST._attributes, ast.AST.__match_args__, ast.AST.__module__, ast.AST.__doc__)
for c in [ast.mod, ast.Module, ast.expr, ast.Name, ast.Return, ast.ImportFrom, ast.Load, ast.arguments, ast.Constant, ast.Add, ast.operator, ast.TypeIgnore, ast.type_ignore, ast.comprehension, ast.keyword, ast.pattern, ast.MatchAs, ast.type_param, ast.TypeVar, ast.excepthandler, ast.ExceptHandler, ast.arg, ast.alias, ast.withitem, ast.match_case]:
    print(c.__name__, c.__qualname__, c.__module__, [b.__name__ for b in c.__mro__], {k: v for k, v in vars(c).items() if k not in ('__weakref__', '__dict__', 'n', 's', '__new__', '__getattribute__', '__setattr__', '__delattr__', '__init__', '__reduce__', '__reduce_ex__')}, repr(c.__doc__))
print(len([n for n in dir(_ast) if isinstance(getattr(_ast, n), type) and n != '__loader__']))
print([n for n in dir(_ast) if not n.startswith('__')])
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print([k for k in vars(ast.expr)], [k for k in vars(ast.keyword)], [k for k in vars(ast.Return)])
`,
	"behaviour": `import ast, copy
# constructor behaviour
for f in [lambda: ast.Name("x", ast.Load(), 3), lambda: ast.Name("x", id="y"), lambda: ast.Name(foo=1).__dict__,
          lambda: ast.Name("x").__dict__, lambda: ast.Name("x").ctx, lambda: ast.AST(1), lambda: ast.AST(x=1).__dict__,
          lambda: ast.Load(1), lambda: ast.Name("x", lineno=3).__reduce__(), lambda: ast.AST().__reduce__(),
          lambda: ast.Return().value, lambda: ast.Constant(5).kind, lambda: ast.arg("x").end_lineno,
          lambda: ast.expr().lineno, 
          lambda: ast.Load() is ast.Load(), lambda: ast.Pass().__reduce__(), lambda: type(ast.Load()).__name__,
          lambda: ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2)).right.value,
          lambda: ast.Module([ast.Pass()], []).body]:
    try:
        r = f()
        print(repr(r)[:100] if 'object at' not in repr(r) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
class MyNode(ast.AST):
    _fields = ('a', 'b')
m = MyNode(1, b=2)
print(m.a, m.b, ast.dump(m))
try: MyNode(1, 2, 3)
except TypeError as e: print(e)
try: MyNode(1, a=2)
except TypeError as e: print(e)

src = '''
def f(a, b=2, *args, c, d=4, **kw):
    """doc"""
    return a + b

class C(Base, metaclass=M):
    x: int = 5
    async def g(self):
        async with a as b, c:
            await x
        async for i in y:
            yield i
match p:
    case [1, 2, *rest] if rest: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=0) | None: pass
    case _: pass
try:
    pass
except* ValueError as e:
    raise
finally:
    del x, y[0], z.w
x = [i for i in range(3) if i] + {k: v for k, v in d} 
y = f"{x!r:>{w}} and {y=}" 
z = lambda q, /, r: (yield)
type T[X: int, *Ts, **P] = list[X]
def gen[T](x: T) -> T: ...
'''
t = ast.parse(src)
print(ast.dump(t, indent=1, include_attributes=True))
print(ast.unparse(t))
print(t.body[0].body[0].value.value)
print(ast.get_source_segment(src, t.body[0].body[1]))
print([type(n).__name__ for n in ast.walk(t)][:40])
print(list(ast.iter_fields(t.body[0]))[0])

class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'x':
            return ast.copy_location(ast.Name('y', node.ctx), node)
        return node
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.Constant(node.value * 10)
        return node
prog = ast.parse("x = 1\nprint(x + 2, 'hi')\nfor x in range(3): print(x)")
prog = ast.fix_missing_locations(Renamer().visit(prog))
ns = {}
exec(compile(prog, "<t>", "exec"), ns)
print(sorted(k for k in ns if k != '__builtins__'))
e = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
i = ast.Interactive([ast.Assign([ast.Name("zz", ast.Store())], ast.Constant(99))])
exec(compile(ast.fix_missing_locations(i), "<i>", "single"), ns)
print(ns["zz"])
t2 = ast.increment_lineno(ast.parse("a\nb"), 3)
print(t2.body[1].lineno, t2.body[1].end_lineno)
for s in ["1+2", "[1, (2, 3), {4: 5}, {6}]", "-1.5e3", "1+2j", "'a' 'b'", "b'x'", "None", "set()", "x", "1 < 2", "f()", "(1,", "()", "{**a}", "--1", "~1"]:
    try: print(repr(ast.literal_eval(s)))
    except Exception as ex: print(type(ex).__name__, ex)
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
for bad in ["x +", "def f(:", "return 1\n  x"]:
    try: ast.parse(bad)
    except SyntaxError as ex: print("SyntaxError", ex, ex.lineno, ex.offset)
print(ast.dump(ast.parse("x", mode="eval")), ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse(b"# -*- coding: latin-1 -*-\ns = '\xe9'")))
print(ast.dump(ast.parse("'\\udc80'")))
print(ast.dump(ast.parse("x = 1 # type: int", type_comments=False)))
print(ast.dump(ast.parse("12345678901234567890123 + 1.5j + ... + 0x10")))
print(compile("x", "f", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
t = ast.parse("a")
print(compile(t, "f", "exec", ast.PyCF_ONLY_AST) is t)
for m in ["eval", "single", "bogus", "func_type"]:
    try: print(compile(t, "f", m))
    except Exception as ex: print(type(ex).__name__, ex)
try: compile("x", "f", "exec", 0x1000000 * 8)
except Exception as ex: print(type(ex).__name__, ex)
try: compile(t, "f", "exec", optimize=3)
except Exception as ex: print(type(ex).__name__, ex)
match ast.parse("f(1, k=2)", mode="eval").body:
    case ast.Call(ast.Name(id=fn), [ast.Constant(value=v)], [ast.keyword(arg=k)]):
        print("matched", fn, v, k)
c = copy.copy(ast.parse("x+y").body[0].value)
print(type(c).__name__, c.left.id)
d = copy.deepcopy(ast.parse("def f(): return [1,2]"))
print(ast.unparse(d))
print(ast.dump(ast.parse("await x"), include_attributes=True))
print(ast.AST.__init__ is ast.Name.__init__, ast.Load.__module__)
`,
	"flags": `import ast
for fl in [0x1000000, 0x20000, 0x1000, 0x8000000, 1, True]:
    try:
        c = compile("def f(x: y): pass\nprint(f.__annotations__)", "f", "exec", fl)
        exec(c)
    except Exception as ex: print(hex(fl), type(ex).__name__, ex)
`,
	"recursion": `import ast
L = dict(lineno=1, col_offset=0)
def ok(n, mk):
    e = ast.Constant(1, **L)
    for i in range(n):
        e = mk(e)
    try:
        compile(ast.Expression(e), "<x>", "eval"); return "ok"
    except RecursionError as ex: return str(ex)
for n in [1495, 1496, 1497, 3000]:
    print(n, ok(n, lambda e: ast.UnaryOp(ast.USub(), e, **L)), ok(n, lambda e: ast.List([e], ast.Load(), **L)))
def deepstmt(n):
    body = [ast.Pass(**L)]
    for i in range(n):
        body = [ast.If(ast.Constant(1, **L), body, [], **L)]
    try:
        compile(ast.Module(body, []), "<x>", "exec"); return "ok"
    except RecursionError as ex: return str(ex)
for n in [740, 745, 748, 749, 750, 1000, 1496, 1497]:
    print(n, deepstmt(n))
# deep parse
src = "x = " + "(" * 200 + "1" + ")" * 200
print(ast.dump(ast.parse(src))[:50])
src = "-" * 2000 + "1"
try: print(len(ast.dump(ast.parse(src))))
except Exception as ex: print(type(ex).__name__, ex)
`,
	"malformed1": `import ast
L = dict(lineno=1, col_offset=0)
def c(t, mode="exec"):
    try:
        compile(t, "<x>", mode)
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
c(ast.Module(body=[ast.Load()], type_ignores=[]))
c(ast.Module(body=[5], type_ignores=[]))
c(ast.Module(body=[ast.Expr(value=ast.Load(), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(value=ast.Pass(**L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(value=None, **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(**L)], type_ignores=[]))
c(ast.Module(body=(), type_ignores=[]))
c(ast.Module(body=None, type_ignores=[]))
c(ast.Module(body=[]))
c(ast.Module(body=[], type_ignores=[]))
c(ast.Expression(body=ast.Constant(1, **L)))
c(ast.Expression(body=ast.Constant(1, **L)), "eval")
c(ast.Expression(body=ast.Constant([1], **L)), "eval")
c(ast.Expression(body=ast.Constant((1,2), **L)), "eval")
c(ast.Expression(body=ast.Constant(frozenset({1}), **L)), "eval")
c(ast.Expression(body=ast.Name(id="x", ctx=ast.Store(), **L)), "eval")
c(ast.Expression(body=ast.Name(id=5, ctx=ast.Load(), **L)), "eval")
c(ast.Expression(body=ast.Name(id="None", ctx=ast.Load(), **L)), "eval")
c(ast.Expression(body=ast.Name(id="x", ctx=ast.Add(), **L)), "eval")
c(ast.Expression(body=ast.Name(id="x", **L)), "eval")
c(ast.Expression(body=ast.BinOp(ast.Constant(1, **L), ast.Load(), ast.Constant(1, **L), **L)), "eval")
c(ast.Expression(body=ast.BoolOp(ast.And(), [ast.Constant(1, **L)], **L)), "eval")
c(ast.Expression(body=ast.Constant(1, lineno="x", col_offset=0)), "eval")
c(ast.Expression(body=ast.Constant(1, lineno=2**40, col_offset=0)), "eval")
c(ast.Expression(body=ast.Constant(1, kind=5, **L)), "eval")
c(ast.Expression(body=ast.Constant(1, kind=b"u", **L)), "eval")
c(ast.Expression(body=ast.Constant(1, **L)), "func_type")
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], **L)], type_ignores=[]))
c(ast.Module(body=[ast.Delete([], **L)], type_ignores=[]))
c(ast.Module(body=[ast.Assign([ast.Name("x", ast.Load(), **L)], ast.Constant(1, **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Assign([ast.Constant(1, **L)], ast.Constant(1, **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.ImportFrom("x", [ast.alias("y")], -1, **L)], type_ignores=[]))
c(ast.Module(body=[ast.ImportFrom("x", [ast.alias("y")], 0, **L)], type_ignores=[]))
c(ast.Module(body=[ast.ImportFrom("x", [ast.alias("y", **L)], "q", **L)], type_ignores=[]))
c(ast.Module(body=[ast.Raise(None, ast.Constant(1, **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Try([ast.Pass(**L)], [], [], [], **L)], type_ignores=[]))
c(ast.Module(body=[ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)], type_ignores=[]))
c(ast.Module(body=[ast.AnnAssign(ast.Attribute(ast.Name("x", ast.Load(), **L), "y", ast.Store(), **L), ast.Name("x", ast.Load(), **L), None, 1, **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.NamedExpr(ast.Constant(1, **L), ast.Constant(1, **L), **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Compare(ast.Constant(1, **L), [], [], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Compare(ast.Constant(1, **L), [ast.Eq()], [], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Dict([], [ast.Constant(1, **L)], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.ListComp(ast.Constant(1, **L), [], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, [ast.Constant(1, **L)]), ast.Constant(1, **L), **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments([], [], None, [ast.arg("x", **L)], [], None, []), ast.Constant(1, **L), **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments(), ast.Constant(1, **L), **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Call(ast.Name("f", ast.Load(), **L), [], [ast.keyword("x", ast.Constant(1, **L))], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Starred(ast.Name("f", ast.Load(), **L), ast.Load(), **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Await(ast.Name("f", ast.Load(), **L), **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Yield(None, **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Return(None, **L)], type_ignores=[]))
c(ast.Module(body=[ast.Break(**L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=0, col_offset=-5)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, lineno=5, col_offset=3, end_lineno=2, end_col_offset=0), lineno=0, col_offset=-5)], type_ignores=[]))
c(ast.Module(body=[ast.Global([], **L)], type_ignores=[]))
c(ast.Module(body=[ast.Global([5], **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.JoinedStr([ast.Constant(1, **L)], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.JoinedStr([ast.FormattedValue(ast.Constant(1, **L), 7, None, **L)], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.JoinedStr([ast.FormattedValue(ast.Constant(1, **L), 115, None, **L)], **L), **L)], type_ignores=[]))
c(ast.Module(body=[ast.Expr(ast.JoinedStr([ast.FormattedValue(ast.Constant(1, **L), "s", None, **L)], **L), **L)], type_ignores=[]))
c(ast.Interactive(body=[ast.Expr(ast.Constant(1, **L), **L)]), "single")
c(ast.Interactive(body=[ast.Expr(ast.Constant(1, **L), **L)]), "exec")
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[]), "eval")
`,
	"malformed2": `import ast
L = dict(lineno=1, col_offset=0)
def c(t, mode="exec"):
    try:
        compile(t, "<x>", mode)
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(), [ast.Pass(**L)], **L)], type_ignores=[]))
c(ast.Module(body=[ast.FunctionDef("f", None, [ast.Pass(**L)], **L)], type_ignores=[]))
c(ast.Module(body=[ast.FunctionDef("f", body=[ast.Pass(**L)], **L)], type_ignores=[]))
c(ast.Module())
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=None))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=None, col_offset=0)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=True, col_offset=0)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=1.0, col_offset=0)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=1, col_offset=0, end_lineno=None)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=3, col_offset=4, end_lineno=3, end_col_offset=1)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=-3, col_offset=4, end_lineno=3, end_col_offset=1)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=1, col_offset=-4, end_lineno=3, end_col_offset=1)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, lineno=3, col_offset=4, end_lineno=3, end_col_offset=1), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=1, col_offset=0, end_lineno=2**31)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchSingleton(5, **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchValue(ast.Constant(None, **L), **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchValue(ast.Name("x", ast.Load(), **L), **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchStar("x", **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchAs(ast.MatchAs(**L), None, **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchAs(None, "_", **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchOr([ast.MatchAs(**L)], **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchClass(ast.Constant(1, **L), [], [], [], **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(ast.MatchMapping([ast.Name("x", ast.Load(), **L)], [ast.MatchAs(**L)], None, **L), None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [], **L)]))
c(ast.Module(body=[ast.TypeAlias(ast.Constant(1, **L), [], ast.Constant(1, **L), **L)]))
c(ast.Module(body=[ast.With([], [ast.Pass(**L)], **L)]))
c(ast.Module(body=[ast.If(ast.Constant(1, **L), [], [], **L)]))
c(ast.Module(body=[ast.Import([ast.alias("None", **L)], **L)]))
c(ast.Module(body=[ast.Expr(ast.Attribute(ast.Name("x", ast.Load(), **L), "None", ast.Load(), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Call(ast.Name("x", ast.Load(), **L), [], [ast.keyword("None", ast.Constant(1, **L), **L)], **L), **L)]))
c(ast.Module(body=[ast.FunctionDef("None", ast.arguments(), [ast.Pass(**L)], **L)]))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(args=[ast.arg("None", **L)]), [ast.Pass(**L)], **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[5]))
c(ast.Module(body=[ast.Expr(ast.Constant("\udc80", **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(..., **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1j, **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(((1,2),frozenset({3})), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(((1,2),[3]), **L), **L)]))
class S(str): pass
c(ast.Module(body=[ast.Expr(ast.Constant(S("x"), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Name(S("x"), ast.Load(), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(True, **L), **L)]))
class N(ast.Name): pass
c(ast.Module(body=[ast.Expr(N("x", ast.Load(), **L), **L)]))
class Ld(ast.Load): pass
c(ast.Module(body=[ast.Expr(ast.Name("x", Ld(), **L), **L)]))
c(ast.Module(body=[ast.AugAssign(ast.Name("x", ast.Store(), **L), ast.Add, ast.Constant(1, **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Subscript(ast.Name("x", ast.Load(), **L), ast.Slice(**L), ast.Load(), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Slice(**L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)]), "exec_")
`,
	"malformed3": `import ast
L = dict(lineno=1, col_offset=0)
P = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
def c(t, mode="exec"):
    try:
        compile(t, "<x>", mode)
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def m(p):
    c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(p, None, [ast.Pass(**L)])], **L)]))
m(ast.MatchSingleton(5, **P))
m(ast.MatchValue(ast.Constant(None, **L), **P))
m(ast.MatchValue(ast.Constant(1, **L), **P))
m(ast.MatchValue(ast.Name("x", ast.Load(), **L), **P))
m(ast.MatchValue(ast.Attribute(ast.Name("x", ast.Load(), **L), "y", ast.Load(), **L), **P))
m(ast.MatchValue(ast.UnaryOp(ast.USub(), ast.Constant(1, **L), **L), **P))
m(ast.MatchValue(ast.UnaryOp(ast.USub(), ast.Name("x", ast.Load(), **L), **L), **P))
m(ast.MatchValue(ast.BinOp(ast.Constant(1, **L), ast.Add(), ast.Constant(1j, **L), **L), **P))
m(ast.MatchValue(ast.JoinedStr([], **L), **P))
m(ast.MatchStar("x", **P))
m(ast.MatchSequence([ast.MatchStar("x", **P), ast.MatchStar("y", **P)], **P))
m(ast.MatchAs(ast.MatchAs(**P), None, **P))
m(ast.MatchAs(None, "_", **P))
m(ast.MatchAs(None, "None", **P))
m(ast.MatchOr([ast.MatchAs(**P)], **P))
m(ast.MatchClass(ast.Constant(1, **L), [], [], [], **P))
m(ast.MatchClass(ast.Name("C", ast.Load(), **L), [], ["a"], [], **P))
m(ast.MatchClass(ast.Attribute(ast.Call(ast.Name("C", ast.Load(), **L), [], [], **L), "x", ast.Load(), **L), [], [], [], **P))
m(ast.MatchMapping([ast.Name("x", ast.Load(), **L)], [ast.MatchAs(**P)], None, **P))
m(ast.MatchMapping([ast.Constant(1, **L)], [], None, **P))
m(ast.MatchMapping([], [], "_", **P))
m(ast.MatchMapping([ast.Constant(1, **L), ast.Constant(1, **L)], [ast.MatchAs(**P), ast.MatchAs(**P)], None, **P))
m(ast.MatchMapping([ast.Constant(None, **L)], [ast.MatchAs(**P)], None, **P))
m(ast.MatchAs(None, "x", lineno=1, col_offset=3, end_lineno=1, end_col_offset=0))
m(ast.Load())
m(ast.MatchSequence([ast.MatchAs(None, "x", **P), ast.MatchAs(None, "x", **P)], **P))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(), [ast.Pass(**L)], type_params=[ast.TypeVar("T", **L)], **L)]))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(), [ast.Pass(**L)], type_params=[ast.TypeVar("T", **P)], **L)]))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(), [ast.Pass(**L)], type_params=[ast.TypeVar("T", ast.Name("x", ast.Store(), **L), **P)], **L)]))
c(ast.Module(body=[ast.ClassDef("C", [ast.Starred(ast.Name("x", ast.Load(), **L), ast.Load(), **L)], [], [ast.Pass(**L)], [], **L)]))
c(ast.Module(body=[ast.ClassDef("C", [], [ast.keyword(None, ast.Name("x", ast.Store(), **L), **L)], [ast.Pass(**L)], [], **L)]))
c(ast.Module(body=[ast.Assign([ast.Tuple([ast.Name("x", ast.Load(), **L)], ast.Store(), **L)], ast.Constant(1, **L), **L)]))
c(ast.Module(body=[ast.Assign([ast.Starred(ast.Name("x", ast.Load(), **L), ast.Store(), **L)], ast.Constant(1, **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Dict([None], [ast.Constant(1, **L)], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Dict([ast.Constant(1, **L)], [None], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Set([None], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.List([None], ast.Load(), **L), **L)]))
c(ast.Module(body=[None]))
c(ast.Module(body=[ast.Expr(ast.Call(ast.Name("f", ast.Load(), **L), [None], [], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments(kwonlyargs=[ast.arg("x", **L)], kw_defaults=[None]), ast.Constant(1, **L), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments(args=[ast.arg("x", **L)], defaults=[None]), ast.Constant(1, **L), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Lambda(ast.arguments(args=[ast.arg("x", ast.Name("y", ast.Store(), **L), **L)]), ast.Constant(1, **L), **L), **L)]))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(args=[ast.arg("x", ast.Name("y", ast.Store(), **L), **L)]), [ast.Pass(**L)], **L)]))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(args=[ast.arg("x", **L), ast.arg("x", **L)]), [ast.Pass(**L)], **L)]))
c(ast.Module(body=[ast.Expr(ast.Compare(ast.Constant(1, **L), [ast.Eq(), ast.Lt()], [ast.Constant(1, **L)], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Compare(ast.Constant(1, **L), [ast.Eq()], [ast.Constant(1, **L), ast.Constant(1, **L)], **L), **L)]))
c(ast.Module(body=[ast.Assert(ast.Constant(1, **L), None, **L)]))
c(ast.Module(body=[ast.ImportFrom(None, [ast.alias("x", **L)], None, **L)]))
c(ast.Module(body=[ast.ImportFrom(None, [], 1, **L)]))
c(ast.Module(body=[ast.Nonlocal(["x"], **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)]), "single")
c(ast.Expression(ast.Constant(1, **L)), "eval")
c(ast.Expression(None), "eval")
c(ast.Expression(ast.Starred(ast.Name("x", ast.Load(), **L), ast.Load(), **L)), "eval")
`,
	"malformed4": `import ast, sys
L = dict(lineno=1, col_offset=0)
P = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
x = ast.Name("x", ast.Load(), **L)
def c(t, mode="exec"):
    try:
        compile(t, "<x>", mode)
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def m(p):
    c(ast.Module(body=[ast.Match(ast.Name("x", ast.Load(), **L), [ast.match_case(p, None, [ast.Pass(**L)])], **L)]))
c(ast.Module(body=[ast.Expr(ast.Compare(x, [None], [x], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.BinOp(x, None, x, **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Name("x", None, **L), **L)]))
c(ast.Module(body=[ast.FunctionDef("f", ast.arguments(), [ast.Pass(**L)], returns=ast.Name("x", ast.Del(), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[ast.TypeIgnore(1, "x")]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[ast.TypeIgnore(1, 5)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[ast.TypeIgnore()]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[ast.Pass()]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[None]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), **L)], type_ignores=[ast.type_ignore()]))
c(ast.Module(body=[ast.stmt(**L)]))
c(ast.Module(body=[ast.Expr(ast.expr(**L), **L)]))
c(ast.mod())
c(ast.AST())
c(5)
m(None)
c(ast.Module(body=[ast.FunctionDef(None, ast.arguments(), [ast.Pass(**L)], **L)]))
c(ast.Module(body=[ast.Expr(ast.Attribute(x, None, ast.Load(), **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, kind="x", **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.FormattedValue(x, None, None, **L), **L)]))
c(ast.Module(body=[ast.AnnAssign(ast.Name("x", ast.Store(), **L), x, None, None, **L)]))
c(ast.Module(body=[ast.AnnAssign(ast.Name("x", ast.Store(), **L), x, None, 2, **L)]))
c(ast.Module(body=[ast.AnnAssign(ast.Name("x", ast.Store(), **L), x, None, True, **L)]))
c(ast.Module(body=[ast.Expr(ast.ListComp(x, [ast.comprehension(ast.Name("y", ast.Store(), **L), x, [], 5)], **L), **L)]))
c(ast.Module(body=[ast.Expr(ast.Constant(1, **L), lineno=1, col_offset=0, end_lineno=1, end_col_offset=None)]))
c(ast.Module(body=[ast.ExceptHandler(None, None, [], **L)]))
m(ast.MatchSingleton(True, **P))
m(ast.MatchValue(ast.Constant(1, **L), lineno=1, col_offset=0))
`,
	"odd_trees": `import ast
def run(t, mode="exec"):
    try:
        c = compile(ast.fix_missing_locations(t), "<x>", mode)
        ns = {"x": 5, "d": {}, "l": [1, 2, 3]}
        if mode == "eval":
            print("->", repr(eval(c, ns)))
        else:
            exec(c, ns)
            print("ok", repr(ns.get("r")))
    except Exception as e:
        print(type(e).__name__ + ":", e)
N = lambda n, ctx=None: ast.Name(n, ctx or ast.Load())
C = ast.Constant
E = lambda e: ast.Expression(e)
run(E(ast.Slice(C(1), C(2))), "eval")
run(E(ast.Subscript(N("l"), ast.Slice(C(1), None), ast.Load())), "eval")
run(E(ast.Subscript(N("l"), C((0,)), ast.Load())), "eval")
run(E(C((1, (2, 3), "a", b"b", None, ..., 1.5, 2j, True))), "eval")
run(E(C(frozenset({1}))), "eval")
run(E(ast.Compare(C(1), [ast.In()], [C(frozenset({1, 2}))])), "eval")
run(E(ast.Compare(C(1), [ast.In()], [C((1, 2))])), "eval")
run(E(C(10**30)), "eval")
run(E(ast.BinOp(C(10**30), ast.Add(), C(1))), "eval")
run(E(ast.JoinedStr([N("x")])), "eval")
run(E(ast.JoinedStr([ast.FormattedValue(N("x"), -1, C("04"))])), "eval")
run(E(ast.JoinedStr([ast.FormattedValue(N("x"), -1, ast.JoinedStr([C(">4")]))])), "eval")
run(E(ast.JoinedStr([ast.FormattedValue(N("x"), 114, None)])), "eval")
run(E(ast.JoinedStr([])), "eval")
run(E(ast.FormattedValue(N("x"), -1, None)), "eval")
run(E(ast.Starred(N("l"), ast.Load())), "eval")
run(E(ast.Tuple([ast.Starred(N("l"), ast.Load())], ast.Load())), "eval")
run(E(ast.Call(N("print"), [ast.Starred(N("l"), ast.Load())], [ast.keyword(None, N("d"))])), "eval")
run(E(ast.Dict([None, C(1)], [N("d"), C(2)])), "eval")
run(E(ast.Lambda(ast.arguments(args=[ast.arg("a")], defaults=[C(3)]), N("a"))), "eval")
run(E(ast.Yield(None)), "eval")
run(E(ast.Await(N("x"))), "eval")
run(E(ast.NamedExpr(N("y", ast.Store()), C(3))), "eval")
run(E(ast.IfExp(C(0), C(1), C(2))), "eval")
run(E(ast.Name("", ast.Load())), "eval")
run(E(ast.Attribute(N("x"), "", ast.Load())), "eval")
run(E(ast.Name("a b", ast.Load())), "eval")
run(E(ast.Constant("\udc80")), "eval")
run(E(ast.ListComp(N("i"), [ast.comprehension(N("i", ast.Store()), N("l"), [], 0)])), "eval")
run(E(ast.ListComp(N("i"), [ast.comprehension(ast.Tuple([], ast.Store()), N("l"), [], 0)])), "eval")
run(E(ast.Constant(1, kind="u")), "eval")
run(E(ast.UnaryOp(ast.Not(), C((1,)))), "eval")
run(E(ast.BoolOp(ast.And(), [C(1), C((1,)), C(frozenset())])), "eval")
M = lambda *b: ast.Module(list(b), [])
run(M(ast.Assign([N("r", ast.Store())], C((1, 2)))))
run(M(ast.Assign([ast.Tuple([N("r", ast.Store()), N("q", ast.Store())], ast.Store())], C((1, 2)))))
run(M(ast.Assign([ast.List([N("r", ast.Store()), ast.Starred(N("q", ast.Store()), ast.Store())], ast.Store())], N("l"))))
run(M(ast.AugAssign(ast.Subscript(N("l"), C(0), ast.Store()), ast.Add(), C(10)), ast.Assign([N("r", ast.Store())], N("l"))))
run(M(ast.AnnAssign(N("r", ast.Store()), N("int"), C(4), 1)))
run(M(ast.AnnAssign(ast.Attribute(N("x"), "y", ast.Store()), N("int"), None, 0)))
run(M(ast.Expr(C(1)), ast.Expr(C("doc"))))
run(M(ast.FunctionDef("f", ast.arguments(), [ast.Expr(C("doc")), ast.Return(C(1))], []), ast.Assign([N("r", ast.Store())], ast.Attribute(N("f"), "__doc__", ast.Load()))))
run(M(ast.ClassDef("K", [], [], [ast.Pass()], []), ast.Assign([N("r", ast.Store())], ast.Attribute(N("K"), "__name__", ast.Load()))))
run(M(ast.Delete([ast.Subscript(N("d"), C(1), ast.Del())])))
run(M(ast.Import([ast.alias("os.path", "p")]), ast.Assign([N("r", ast.Store())], ast.Attribute(N("p"), "sep", ast.Load()))))
run(M(ast.ImportFrom("os", [ast.alias("sep")], 0), ast.Assign([N("r", ast.Store())], N("sep"))))
run(M(ast.ImportFrom(None, [ast.alias("x")], 1)))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchValue(C(5)), None, [ast.Assign([N("r", ast.Store())], C("five"))])])))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchValue(ast.JoinedStr([C("a")])), None, [ast.Pass()])])))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchValue(ast.UnaryOp(ast.USub(), C(5))), None, [ast.Pass()])])))
run(M(ast.Match(C(-5), [ast.match_case(ast.MatchValue(ast.BinOp(ast.UnaryOp(ast.USub(), C(5)), ast.Add(), C(2j))), None, [ast.Pass()]), ast.match_case(ast.MatchAs(None, "r"), None, [ast.Pass()])])))
run(M(ast.Match(C((1, 2)), [ast.match_case(ast.MatchSequence([ast.MatchValue(C(1)), ast.MatchStar("r")]), None, [ast.Pass()])])))
run(M(ast.Match(N("d"), [ast.match_case(ast.MatchMapping([C(None)], [ast.MatchAs()], "r"), None, [ast.Pass()]), ast.match_case(ast.MatchMapping([], [], "r"), None, [ast.Pass()])])))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchClass(N("int"), [ast.MatchAs(None, "r")], [], []), None, [ast.Pass()])])))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchOr([ast.MatchSingleton(None), ast.MatchAs(None, "r")]), None, [ast.Pass()])])))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchOr([ast.MatchAs(None, "r"), ast.MatchAs(None, "q")]), None, [ast.Pass()])])))
run(M(ast.Match(C(5), [ast.match_case(ast.MatchAs(), None, [ast.Pass()]), ast.match_case(ast.MatchValue(C(1)), None, [ast.Pass()])])))
run(M(ast.Try([ast.Raise(N("ValueError"), None)], [ast.ExceptHandler(N("ValueError"), "r", [ast.Pass()])], [], [])))
run(M(ast.While(C(0), [ast.Pass()], [ast.Assign([N("r", ast.Store())], C("else"))])))
run(M(ast.For(N("r", ast.Store()), N("l"), [ast.Continue()], [ast.Break()])))
run(M(ast.With([ast.withitem(N("x"), None)], [ast.Pass()])))
run(M(ast.Global(["r"]), ast.Assign([N("r", ast.Store())], C(7))))
run(M(ast.Nonlocal(["r"])))
run(M(ast.AsyncFunctionDef("f", ast.arguments(), [ast.Expr(ast.Await(C(1)))], []), ast.Assign([N("r", ast.Store())], C(1))))
run(M(ast.FunctionDef("f", ast.arguments(), [ast.Return(ast.Yield(C(1)))], []), ast.Assign([N("r", ast.Store())], ast.Call(N("list"), [ast.Call(N("f"), [], [])], []))))
run(M(ast.Assert(C(0), C("msg"))))
run(M(ast.Raise(ast.Call(N("KeyError"), [C(1)], []), N("x"))))
run(M(ast.Expr(ast.Lambda(ast.arguments(posonlyargs=[ast.arg("a")], vararg=ast.arg("b"), kwonlyargs=[ast.arg("c")], kw_defaults=[None], kwarg=ast.arg("d")), C(1)))))
run(M(ast.TypeAlias(N("T", ast.Store()), [], C(int))))
run(M(ast.Assign([N("r", ast.Store())], ast.Set([]))))
run(M(ast.Assign([N("r", ast.Store())], ast.List([], ast.Load()))))
run(M(ast.Expr(ast.Subscript(N("l"), ast.Tuple([ast.Slice(C(1)), C(2)], ast.Load()), ast.Load()))))
run(M(ast.Assign([ast.Subscript(N("l"), ast.Slice(None, C(2)), ast.Store())], ast.List([], ast.Load())), ast.Assign([N("r", ast.Store())], N("l"))))
run(M(ast.Expr(ast.Constant(Ellipsis)), ast.Expr(ast.Constant(b"x")), ast.Pass()))
run(M(ast.If(ast.Constant(0), [ast.Assign([N("r", ast.Store())], C(1))], [ast.If(C(1), [ast.Assign([N("r", ast.Store())], C(2))], [])])))
`,
	"str_cookie": `import ast
print(ast.dump(ast.parse("# coding: latin-1\ns = 'é'")))
print(ast.dump(ast.parse("# -*- coding: latin-1 -*-\ns = 'é'", mode="exec")))
`,
	"folded_constants": `import ast
t = ast.parse("from __future__ import annotations\nx: A = 1\ndef f(a: B) -> C: pass\nprint(__annotations__, f.__annotations__)")
class T(ast.NodeTransformer):
    def visit_Name(self, n):
        if n.id in "ABC" and len(n.id) == 1:
            return ast.copy_location(ast.Constant({"A": (1, 2), "B": frozenset(), "C": ((), "s", 1.5, None, ..., 2j, b"x", 10**20)}[n.id]), n)
        return n
t = ast.fix_missing_locations(T().visit(t))
exec(compile(t, "<t>", "exec"))
t = ast.parse("x = 1\nprint(x)")
t.body[0].value = ast.Constant(frozenset({1, 2}))
ast.fix_missing_locations(t)
exec(compile(t, "<t>", "exec"))
`,
}

// astRun runs src here with the standard library on sys.path.
func astRun(t *testing.T, lib, src string) (stdout, exc string) {
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
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
	return out.String(), exc
}

// astCompare runs src here and in CPython and reports the first
// difference of the outputs (addresses aside).
func astCompare(t *testing.T, lib, src string) {
	t.Helper()
	want, wantExc := cpython(t, src)
	got, gotExc := astRun(t, lib, src)
	want, got = astAddr.ReplaceAllString(want, "0xADDR"), astAddr.ReplaceAllString(got, "0xADDR")
	wantExc, gotExc = astAddr.ReplaceAllString(wantExc, "0xADDR"), astAddr.ReplaceAllString(gotExc, "0xADDR")
	if got != want {
		t.Errorf("stdout differs from CPython 3.12's: %s", astFirstDiff(got, want))
	}
	if gotExc != wantExc {
		t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
	}
}

// astFirstDiff shows where two long outputs part.
func astFirstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-300)
	return fmt.Sprintf("at byte %d\n--- here:\n%s\n--- CPython:\n%s", i, got[from:min(len(got), i+300)], want[from:min(len(want), i+300)])
}

func astLib(t *testing.T) string {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	return lib.Dir
}

func TestASTPrograms(t *testing.T) {
	lib := astLib(t)
	for name, src := range astPrograms {
		t.Run(name, func(t *testing.T) { astCompare(t, lib, src) })
	}
}

// astLibFiles are the standard library modules whose trees the tests
// compare, besides the corpus.
var astLibFiles = []string{
	"ast.py", "typing.py", "dataclasses.py", "enum.py", "functools.py", "argparse.py",
	"inspect.py", "pathlib.py", "textwrap.py", "contextlib.py", "collections/__init__.py",
	"asyncio/tasks.py", "json/decoder.py", "re/_parser.py", "string.py",
}

// astCorpus lists the program corpus and astLibFiles.
func astCorpus(t *testing.T, lib string) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/programs/*/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus programs: %v", err)
	}
	sort.Strings(files)
	for i, f := range files {
		if files[i], err = filepath.Abs(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range astLibFiles {
		files = append(files, filepath.Join(lib, f))
	}
	return files
}

// TestASTDumpCorpus compares ast.dump(ast.parse(src),
// include_attributes=True) with CPython's for every corpus program and
// some standard library modules, then ast.unparse of the library ones.
func TestASTDumpCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: dumps about 10 MB of trees")
	}
	lib := astLib(t)
	files := astCorpus(t, lib)
	var list strings.Builder
	for _, f := range files {
		fmt.Fprintf(&list, "    %q,\n", f)
	}
	src := `import ast
files = [
` + list.String() + `]
for path in files:
    with open(path, 'rb') as f:
        src = f.read()
    try:
        tree = ast.parse(src, path)
        d = ast.dump(tree, include_attributes=True)
    except SyntaxError as e:
        d = 'SyntaxError: ' + str(e)
    print('===', path)
    print(d)
    if '/testdata/' not in path:
        print(ast.unparse(tree))
`
	astCompare(t, lib, src)
}

// TestASTNoneInLists checks the errors for None in the lists where
// CPython 3.12 crashes.
func TestASTNoneInLists(t *testing.T) {
	lib := astLib(t)
	src := `import ast
L = dict(lineno=1, col_offset=0)
P = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
def c(t):
    try:
        compile(ast.fix_missing_locations(t), "<x>", "exec")
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)
c(ast.Module([ast.Global(["x", None], **L)]))
c(ast.Module([ast.Try([ast.Pass(**L)], [None], [], [], **L)]))
c(ast.Module([ast.FunctionDef("f", ast.arguments(), [ast.Pass(**L)], type_params=[None], **L)]))
c(ast.Module([ast.Match(ast.Name("x", ast.Load()), [ast.match_case(ast.MatchSequence([None], **P), None, [ast.Pass()])])]))
c(ast.Module([ast.Match(ast.Name("x", ast.Load()), [ast.match_case(ast.MatchMapping([None], [ast.MatchAs(**P)], **P), None, [ast.Pass()])])]))
c(ast.Module([ast.ImportFrom("", [ast.alias("x")], 0)]))
`
	want := `ValueError: None disallowed in identifier list
ValueError: None disallowed in excepthandler list
ValueError: None disallowed in type_param list
ValueError: None disallowed in pattern list
ValueError: None disallowed in expression list
NotImplementedError: an empty str in the optional field 'module' of ImportFrom is not implemented yet
`
	got, exc := astRun(t, lib, src)
	if got != want || exc != "" {
		t.Errorf("got:\n%s%s\nwant:\n%s", got, exc, want)
	}
}

// TestASTGenUpToDate checks that ast_gen.go is what mkast.go makes of
// the current syntax tree declarations.
func TestASTGenUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	gocmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gocmd); err != nil {
		if gocmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command")
		}
	}
	out := filepath.Join(t.TempDir(), "ast_gen.go")
	cmd := exec.Command(gocmd, "run", "mkast.go", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run mkast.go: %v\n%s", err, msg)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("ast_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, have) {
		t.Fatalf("ast_gen.go is stale; run go generate in interp/modules: %s", astFirstDiff(string(have), string(want)))
	}
}
