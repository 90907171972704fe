package interp

import "testing"

// Programs for the native calls copy.deepcopy makes, each fast path
// beside its fallback: isinstance and issubclass answered in the
// builtin or by IsInstance/IsSubclass, and the four-slot end of a
// native call (endNativeCall4) with arguments that die in it. (The
// reduction protocol's are in modules, which has copy.) Loops run each
// call site often enough for the specializer; checkProgramsAtThresholds
// runs them specialized at once, later, and never.
var deepcopyCallPrograms = map[string]string{
	"isinstance_paths": `class A: pass
class B(A): pass
class Prop:
    @property
    def __class__(self):
        return int
class GA:
    def __getattribute__(self, name):
        if name == '__class__':
            return int
        return object.__getattribute__(self, name)
class GA2:
    def __getattr__(self, name):
        return str
class Raises:
    @property
    def __class__(self):
        raise KeyError('no class')
class Meta(type):
    def __instancecheck__(cls, obj):
        print('check', type(obj).__name__)
        return True
    def __subclasscheck__(cls, sub):
        return sub is int
class M(metaclass=Meta): pass
class Abstract:
    __bases__ = (A,)
objs = [1, 'x', (1,), A(), B(), Prop(), GA(), GA2(), None, 2.5, True]
for i in range(60):
    r = []
    for o in objs:
        r.append((isinstance(o, A), isinstance(o, int), isinstance(o, str), isinstance(o, object), isinstance(o, (str, A))))
    if i == 0 or i == 59:
        print(r)
for i in range(30):
    m = isinstance(5, M)
print(m, isinstance('a', M))
tests = [lambda: isinstance(Raises(), str), lambda: isinstance(1, 2), lambda: isinstance(1), lambda: isinstance(1, int, 2),
    lambda: isinstance(1, cls=int), lambda: isinstance(A(), Abstract()), lambda: isinstance(1, (int, 2))]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
`,
	"issubclass_paths": `class A: pass
class B(A): pass
class Meta(type):
    def __subclasscheck__(cls, sub):
        return sub is int
class M(metaclass=Meta): pass
for i in range(60):
    r = (issubclass(B, A), issubclass(A, B), issubclass(A, type), issubclass(type, type), issubclass(Meta, type),
         issubclass(int, M), issubclass(str, M), issubclass(M, A), issubclass(bool, (str, int)))
print(r)
tests = [lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: issubclass(int), lambda: issubclass(int, object, 1),
    lambda: issubclass(int, cls=object)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
`,
	"four_slot_calls": `class D:
    def __del__(self):
        print('del')
    def __eq__(self, o):
        return self is o
    def __hash__(self):
        return 7
d = {1: 'one', 'k': 'kay'}
for i in range(40):
    a = d.get(1, None), d.get(2, 'no'), d.get('k', []), getattr(d, 'nope', 5), isinstance(i, int)
print(a)
for i in range(3):
    print(type(d.get(D(), D())).__name__)
    print(isinstance(D(), D), getattr(D(), 'x', 0))
class Bad(dict):
    def get(self, k, default=None):
        return 'sub'
for x in [d, Bad()] * 3:
    print(x.get(1, 2))
def boom():
    for i in range(30):
        d.get([], 1)
try:
    boom()
except TypeError as e:
    print(e)
`,
	"bound_append": `class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
class L(list): pass
def fill(y, n):
    append = y.append
    for i in range(n):
        r = append(i)
    return r
print(fill([], 50), fill(L(), 40))
for y in ([], L(), [1, 2]):
    fill(y, 30)
    print(type(y).__name__, len(y), y[-3:])
for i in range(25):
    getattr([], 'append')(D(i) if i in (3, 24) else i)
ext = []
e = ext.extend
for i in range(25):
    e((i,))
print(len(ext))
tests = [lambda: [].append(), lambda: [].append(1, 2), lambda: (lambda a: a())([].append), lambda: [].append(x=1)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
`,
}

func TestDeepcopyCalls(t *testing.T) { checkProgramsAtThresholds(t, deepcopyCallPrograms) }
