package interp

import "testing"

// The match statement (PEP 634) run against CPython 3.12: every pattern
// kind, guards, failed matches and the errors raised at run time. Error
// cases print "Type: message" from inside a try so that one program
// checks many.
var matchPrograms = map[string]string{
	"values": `
class Color:
    RED = 1
    GREEN = 'g'
class math:
    pi = 3.141592653589793
def f(x):
    match x:
        case 1:
            return 'one'
        case -2:
            return 'minus two'
        case 1.5:
            return 'one and a half'
        case 2j:
            return '2j'
        case -1-2j:
            return 'complex'
        case 'ab' 'c':
            return 'abc'
        case b'xy':
            return 'bytes'
        case Color.RED:
            return 'red?'
        case Color.GREEN:
            return 'green'
        case math.pi:
            return 'pi'
        case None:
            return 'none'
        case True:
            return 'true'
        case False:
            return 'false'
    return 'no match'
for v in [1, 1.0, True, -2, -2.0, 1.5, 2j, -1-2j, 'abc', b'xy', bytearray(b'xy'), 'g', math.pi, None, 0, False, [], 'x', 3]:
    print(repr(v), f(v))
`,
	"singletons": `
def f(x):
    match x:
        case True:
            return 'T'
        case False:
            return 'F'
        case None:
            return 'N'
        case _:
            return '?'
print(f(1), f(0), f(True), f(False), f(None), f(1.0), f(''))
`,
	"capture and wildcard": `
def f(x):
    match x:
        case y:
            return ('captured', y)
print(f(3), f([1]), f(None))
def g(x):
    match x:
        case 0:
            r = 'zero'
        case _:
            r = 'other'
    return r
print(g(0), g(1))
match 5:
    case _:
        print('wildcard at module level')
match 6:
    case n:
        print('module capture', n)
print(n)
`,
	"guards": `
def f(x):
    match x:
        case n if n < 0:
            return 'neg'
        case n if n == 0:
            return 'zero'
        case [a, b] if a == b:
            return 'pair equal'
        case [a, b] if a and b or not a:
            return 'pair truthy or falsy first'
        case [a, b]:
            return 'pair'
        case _ if x == 'default':
            return 'guarded default'
    return 'none'
for v in [-1, 0, 1, [2, 2], [1, 2], [0, 5], [1, 0], 'default', 'x']:
    print(v, f(v))
# A guard that fails leaves captures bound (as CPython does).
match [1, 2]:
    case [p, q] if p > q:
        pass
    case _:
        print('guard failed', p, q)
`,
	"sequences": `
def f(x):
    match x:
        case []:
            return 'empty'
        case [_]:
            return 'one'
        case [a, b]:
            return f'two {a} {b}'
        case [a, *rest, z] if len(rest) > 2:
            return f'long {a} {rest} {z}'
        case [1, *_, 3]:
            return 'one..three'
        case [*_, 'last']:
            return 'ends with last'
        case ['first', *_]:
            return 'starts with first'
        case [a, *_, b, c]:
            return f'at least three {a} {b} {c}'
    return 'other'
for v in [[], (), [1], (1,), [1, 2], (1, 2), range(2), [1, 2, 3, 4, 5], [1, 9, 3], (1, 7, 7, 3),
          ['x', 'last'], ['first', 'y', 'z'], [5, 6, 7], range(10), 'ab', b'ab', bytearray(b'ab'),
          {1: 2}, {1, 2}, 12]:
    print(repr(v), f(v))
match [1, [2, 3], (4, [5])]:
    case [a, [b, c], (d, [e])]:
        print(a, b, c, d, e)
match (1, 2, 3):
    case (*head, tail):
        print(head, tail, type(head).__name__)
match [1, 2, 3]:
    case [first, *body]:
        print(first, body)
match range(5):
    case [*all_]:
        print(all_)
match memoryview(b'abc'):
    case [x, y, z]:
        print(x, y, z)
match 'abc':
    case [*chars]:
        print('str is a sequence?')
    case str():
        print('str is not a sequence pattern subject')
`,
	"sequence subclasses and negative indexes": `
class L(list):
    def __getitem__(self, i):
        print('getitem', i)
        return list.__getitem__(self, i)
class T(tuple):
    pass
match L([1, 2, 3, 4]):
    case [a, *_, b]:
        print(a, b)
match T((1, 2)):
    case (x, y):
        print('tuple subclass', x, y)
class NotSeq:
    def __len__(self): return 2
    def __getitem__(self, i): return i
match NotSeq():
    case [a, b]:
        print('wrong')
    case _:
        print('not a sequence')
`,
	"mappings": `
def f(x):
    match x:
        case {}:
            return 'mapping'
print(f({}), f({1: 2}), f([]))
def g(x):
    match x:
        case {'a': 1, 'b': b}:
            return f'a1 b={b}'
        case {'a': a, **rest}:
            return f'a={a} rest={rest}'
        case {None: n, b'k': k}:
            return f'none={n} k={k}'
        case {**rest}:
            return f'just rest {rest}'
for v in [{'a': 1, 'b': 2}, {'a': 1}, {'a': 2, 'c': 3, 'd': 4}, {None: 0, b'k': 1}, {'z': 0}, {}]:
    try:
        print(v, g(v))
    except Exception as e:
        print(type(e).__name__, e)
class K:
    key = 'k'
match {'k': 5, 'j': 6}:
    case {K.key: v, **others}:
        print(v, others, type(others).__name__)
class WithX:
    x = 1
match WithX.__dict__:
    case {'x': x}:
        print('mappingproxy', x)
class D(dict):
    def __missing__(self, key):
        print('missing', key)
        return 0
d = D(a=1)
match d:
    case {'a': a, 'b': b}:
        print('wrong')
    case {'a': a}:
        print('D', a, d)
class G(dict):
    def get(self, key, default=None):
        print('get', key)
        return dict.get(self, key, default)
match G(p=1, q=2):
    case {'q': q, 'p': p, **rest}:
        print(q, p, rest)
match {'x': {'y': [1, 2]}}:
    case {'x': {'y': [a, b]}}:
        print(a, b)
`,
	"classes": `
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def f(p):
    match p:
        case Point3(0, 0, 0):
            return 'origin3'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=y):
            return f'y axis {y}'
        case Point(x, 0):
            return f'x axis {x}'
        case Point3(_, _, z=z) if z > 5:
            return f'high {z}'
        case Point(x, y=y):
            return f'point {x} {y}'
        case int(i) | float(i):
            return f'number {i}'
        case str() as s:
            return f'str {s}'
        case bool(b):
            return 'unreachable'
        case list([a, *_]) | tuple([a, *_]):
            return f'list or tuple starting {a}'
        case dict({'k': v}):
            return f'dict {v}'
        case object(real=r):
            return f'has real {r}'
    return 'other'
for v in [Point3(0, 0, 0), Point(0, 0), Point(0, 4), Point(3, 0), Point3(1, 2, 9), Point(1, 2), 7, 2.5, True,
          'hi', [1, 2], (3,), {'k': 1}, 1j, None]:
    print(f(v))
class Bare:
    pass
match Bare():
    case Bare():
        print('bare matched')
b = Bare()
b.a = 1
match b:
    case Bare(a=1, missing=2):
        print('wrong')
    case Bare(a=x):
        print('kw only', x)
for t in (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple):
    v = t()
    match v:
        case bool(x) | bytearray(x) | bytes(x) | dict(x) | float(x) | frozenset(x) | int(x) | list(x) | set(x) | str(x) | tuple(x):
            print(t.__name__, x is v)
class MyInt(int):
    pass
match MyInt(5):
    case MyInt(n):
        print('subclass of int matches itself', n, type(n).__name__)
class MyInt2(int):
    __match_args__ = ('real',)
match MyInt2(6):
    case MyInt2(r):
        print('redefined', r, type(r).__name__)
`,
	"class errors": `
class C:
    pass
class A:
    __match_args__ = ['a']
class S:
    __match_args__ = (1,)
class Two:
    __match_args__ = ('a', 'b')
    a = 1
    b = 2
class Meta(type):
    @property
    def __match_args__(cls):
        raise RuntimeError('boom')
class M(metaclass=Meta):
    pass
not_a_class = 3
def run(code):
    try:
        exec(code)
    except Exception as e:
        print(type(e).__name__ + ':', e)
run('''
match C():
    case C(1):
        pass
''')
run('''
match 1:
    case int(1, 2):
        pass
''')
run('''
match A():
    case A(1):
        pass
''')
run('''
match S():
    case S(1):
        pass
''')
run('''
match Two():
    case Two(1, 2, 3):
        pass
''')
run('''
match Two():
    case Two(x, a=y):
        pass
''')
run('''
match M():
    case M(1):
        pass
''')
run('''
match 1:
    case not_a_class():
        pass
''')
run('''
match 'x':
    case not_a_class():
        pass
''')
run('''
match Two():
    case Two(a=1, b=2):
        print('kw ok')
''')
run('''
class Bad:
    def __getattr__(self, name):
        raise KeyError(name)
match Bad():
    case Bad(x=1):
        pass
''')
run('''
class Z:
    __match_args__ = ()
match Z():
    case Z(1, 2):
        pass
''')
`,
	"mapping errors": `
class Unhashable:
    __hash__ = None
    x = []
def run(code):
    try:
        exec(code)
    except Exception as e:
        print(type(e).__name__ + ':', e)
class K:
    a = 'x'
    b = 'x'
run('''
match {'x': 1}:
    case {K.a: 1, K.b: 2}:
        pass
''')
run('''
match {'x': 1}:
    case {Unhashable.x: 1}:
        pass
''')
class BadGet(dict):
    def get(self, k, d):
        raise ValueError('bad get')
run('''
match BadGet(a=1):
    case {'a': 1}:
        pass
''')
class NoGet(dict):
    get = None
run('''
match NoGet(a=1):
    case {'a': 1}:
        pass
''')
`,
	"or patterns": `
def f(x):
    match x:
        case 1 | 2 | 3:
            return 'small'
        case [a, 1] | [1, a]:
            return f'pair with one, other {a}'
        case (a, b, c) | {'a': a, 'b': b, 'c': c}:
            return f'abc {a} {b} {c}'
        case [a, (1 | 2) as b] | [(3 | 4) as b, a]:
            return f'nested {a} {b}'
        case ([a, b] | [b, a, _]) as whole:
            return f'as {a} {b} {whole}'
        case str() | bytes():
            return 'text'
    return 'other'
for v in [1, 3, [5, 1], [1, 6], (7, 8, 9), {'a': 1, 'b': 2, 'c': 3}, [9, 2], [4, 9], [10, 11], [12, 13, 14], 'x', b'y', 4.5]:
    print(repr(v), f(v))
def g(x):
    match x:
        case [a, b, c] | [c, b, a, 0] | [b, c, a, 1] | [c, a, b, 2]:
            return a, b, c
print(g([1, 2, 3]), g([3, 2, 1, 0]), g([2, 3, 1, 1]), g([3, 1, 2, 2]), g(5))
`,
	"as patterns": `
match [1, 2]:
    case [1 as one, (2 | 3) as two] as whole:
        print(one, two, whole)
match {'k': [1]}:
    case {'k': [_] as inner} as outer:
        print(inner, outer)
`,
	"bindings only on success": `
x = 'unset'
match [1, 2, 3]:
    case [x, 2, 4]:
        pass
    case _:
        pass
print(x)
match [1, 2]:
    case [a, b]:
        pass
print(a, b)
`,
	"loops and functions": `
def classify(items):
    out = []
    for it in items:
        match it:
            case 'stop':
                break
            case 'skip':
                continue
            case int() | float():
                out.append('num')
            case _:
                out.append('?')
    return out
print(classify([1, 2.0, 'skip', 'x', 'stop', 3]))
def closure(v):
    match v:
        case [a, b]:
            return lambda: a + b
print(closure([1, 2])())
def gen(vs):
    for v in vs:
        match v:
            case [x, *_]:
                yield x
print(list(gen([[1], [2, 3], [], 'ab'])))
class InClass:
    match (1, 2):
        case (p, q):
            total = p + q
print(InClass.total, InClass.p)
`,
	"subject evaluation": `
def subj():
    print('evaluated once')
    return [1, 2]
match subj():
    case [3, _]:
        pass
    case [1, x]:
        print('x', x)
match 1, 2:
    case (a, b):
        print(a + b)
match -3:
    case -3:
        print('negative literal')
`,
	"eq and len called": `
class Eq:
    def __eq__(self, other):
        print('eq called with', other)
        return True
match Eq():
    case 42:
        print('matched 42')
class Len(list):
    def __len__(self):
        print('len')
        return list.__len__(self)
match Len([1, 2]):
    case [1]:
        pass
    case [1, 2]:
        print('two')
class BadEq:
    def __eq__(self, other):
        raise ValueError('no eq')
try:
    match BadEq():
        case 1:
            pass
except ValueError as e:
    print('ValueError', e)
`,
}

func TestMatchExec(t *testing.T) {
	checkPrograms(t, matchPrograms)
}
