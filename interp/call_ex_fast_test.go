package interp

// callExFastProgram runs CALL_FUNCTION_EX (f(*args), f(a, *args, **kw)) warm
// in the fast loop: Python functions (exact, with defaults, kw-only,
// varargs, bound), built-ins and types, object.__new__ and the
// built-in types' __new__ through a class, and every error the call
// raises: not an iterable after *, not a mapping after **, a duplicate
// keyword, a bad arity, object.__new__'s excess arguments. The callees
// change under it halfway. (testdata/programs/calls/call_ex_fast.py has
// the same with copy.deepcopy, an abstract class and a traceback.)
const callExFastProgram = `def exact(a, b, c): return (a, b, c)
def dflt(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=None):
    return (x, memo, func, args, state, listiter, dictiter, deepcopy)
def var(a, *rest, k=1, **kw): return (a, rest, k, sorted(kw.items()))
class C:
    def m(self, a, b=2): return (self.__class__.__name__, a, b)
class N:
    def __init__(self, x): self.x = x
class I(int): pass
class T(tuple): pass
class D(dict): pass
class OwnNew:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o
class P:
    def __init__(self, x, y): self.x, self.y, self.tags = x, y, [x, y]
def gen(n):
    yield from range(n)
def show(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    out.append(r)
out = []
rv = (1, 2, 3)
kw = {'k': 5, 'z': 6}
for i in range(6):
    out.append(exact(*rv))
    out.append(exact(*[4, 5, 6]))
    out.append(exact(*gen(3)))
    out.append(exact(*[1], *(2,), 3))
    out.append(((0, *rv), (*[],), (*(), *()), (*rv[:i],), [0, *rv]))
    out.append(exact(0, *{1: 'a', 2: 'b'}))
    out.append(dflt(1, None, *rv))
    out.append(dflt(1, None, *rv, *rv[:1]))
    out.append(var(*rv, **kw))
    out.append(var(0, *(), **{}))
    out.append(C().m(*rv[:1]))
    out.append(C.m(C(), *rv[:2]))
    out.append(max(*rv))
    out.append(len(*['abc']))
    out.append(N.__new__(N, *()).__class__.__name__)
    out.append(I.__new__(I, *(5,)) + 1)
    out.append(T.__new__(T, *([1, 2],)))
    out.append(type(D.__new__(D, *())).__name__)
    out.append(OwnNew.__new__(OwnNew, *rv).args)
    out.append(object.__new__(*(C,)).m(7))
    show(exact, *rv[:2])
    show(exact, *rv, *rv)
    show(lambda: exact(*5))
    show(lambda: exact(*None))
    show(lambda: var(1, **[1]))
    show(lambda: var(1, **kw, **{'k': 2}))
    show(lambda: var(1, *rv, **{1: 2}))
    show(lambda: type(object.__new__(*(N, 1))).__name__)
    show(lambda: object.__new__(*(C, 1)))
    show(lambda: object.__new__(*(1,)))
    show(lambda: object.__new__(*()))
    show(lambda: int.__new__(*(N,)))
    out.append((D.get(D(a=1), 'a'), list.append.__name__))
    if i == 2:
        N.__new__ = staticmethod(lambda cls, *a: 'own __new__')
        D.get = lambda self, k: 'own get'
    if i == 3:
        exact = lambda a, b, c: ('patched', a, b, c)
        C.m = lambda self, *a: ('new m',) + a
for r in out:
    print(r)
`

func init() { specPrograms["call_ex_fast"] = callExFastProgram }
