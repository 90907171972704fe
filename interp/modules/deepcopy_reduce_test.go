package modules_test

import "testing"

// The reduction protocol as copy.deepcopy drives it (interp/reduce.go):
// object.__reduce_ex__ with a class's own __reduce__, __getstate__,
// __getnewargs__ or __getnewargs_ex__ and without them, __slots__,
// list and dict subclasses, copyreg's dispatch table and a replaced
// copyreg.__newobj__, and the errors of bad reduction methods. The
// copies run often enough for each class's remembered methods to be
// used, and the patches show that they are looked up again.
var deepcopyReducePrograms = map[string]string{
	"reduce_protocol": `import copy, copyreg, sys
class Plain:
    def __init__(self):
        self.a = [1]
        self.b = 'x'
class Slots:
    __slots__ = ('s', 't')
    def __init__(self):
        self.s = [2]
class Both(Plain):
    __slots__ = ('u',)
    def __init__(self):
        super().__init__()
        self.u = 3
class GetState(Plain):
    def __getstate__(self):
        print('getstate')
        return {'a': ['g']}
class NewArgs:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o
    def __getnewargs__(self):
        return (1, 2)
class NewArgsEx:
    def __new__(cls, *args, **kw):
        o = super().__new__(cls)
        o.kw = kw
        return o
    def __getnewargs_ex__(self):
        return ((), {'k': 9})
class Reduce:
    def __reduce__(self):
        return (Reduce, ())
class Empty: pass
class ListSub(list): pass
class DictSub(dict): pass
objs = [Plain(), Slots(), Both(), GetState(), NewArgs(), NewArgsEx(), Reduce(), Empty(), ListSub([1, [2]]), DictSub(a=[1])]
for i in range(25):
    cs = [copy.deepcopy(o) for o in objs]
for o, c in zip(objs, cs):
    print(type(c).__name__, c is not o, getattr(c, '__dict__', None), [getattr(c, n, None) for n in ('s', 't', 'u', 'args', 'kw')],
          list(c) if isinstance(c, list) else dict(c) if isinstance(c, dict) else '')
for o in objs[:4]:
    r = o.__reduce_ex__(4)
    print(r[0].__name__, r[1][0].__name__, r[2], r[3:])
print(objs[5].__reduce_ex__(2)[0].__name__, objs[0].__reduce_ex__(1)[0].__name__, Plain().__reduce__()[0].__name__)
copyreg.dispatch_table[Empty] = lambda o: (Empty, (), {'via': 'table'})
print(copy.deepcopy(Empty()).__dict__)
del copyreg.dispatch_table[Empty]
saved = copyreg.__newobj__
def newobj(cls, *args):
    print('patched newobj', cls.__name__)
    return saved(cls, *args)
copyreg.__newobj__ = newobj
for i in range(2):
    print(copy.deepcopy(Plain()).a)
copyreg.__newobj__ = saved
class Sub(Plain): pass
for i in range(3):
    print(getattr(copy.deepcopy(Sub()), 'a', 'none'), getattr(copy.deepcopy(Plain()), 'a', 'none'))
    if i == 0:
        Plain.__getstate__ = lambda self: {'a': 'patched'}
    elif i == 1:
        del Plain.__getstate__
        Plain.__reduce__ = lambda self: (Empty, ())
print(type(copy.deepcopy(Sub())).__name__)
del Plain.__reduce__
print(type(copy.deepcopy(Sub())).__name__)
del sys.modules['copyreg']
print(Plain().__reduce_ex__(2)[0].__name__, sys.modules['copyreg'] is not copyreg)
sys.modules['copyreg'] = copyreg
class NotTuple:
    def __getnewargs__(self):
        return [1]
class BadEx:
    def __getnewargs_ex__(self):
        return ((), [])
tests = [lambda: NotTuple().__reduce_ex__(2), lambda: BadEx().__reduce_ex__(2), lambda: (1).__reduce_ex__(),
    lambda: Plain().__reduce_ex__('x'), lambda: type(copy.deepcopy(iter([]))).__name__,
    lambda: (1).__reduce_ex__(protocol=2), lambda: (1).__reduce_ex__(1, 2)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
`,
}

func TestDeepcopyReduce(t *testing.T) { checkStdlibPrograms(t, deepcopyReducePrograms) }
