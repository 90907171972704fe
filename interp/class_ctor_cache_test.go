package interp

import "testing"

// ctorPrograms change __new__ and __init__ between and during calls of
// a class, so that the constructor cache (class_ctor_cache.go) must see
// every change: in the class, in a base, through a metaclass-free
// setattr, and from inside a running __new__.
var ctorPrograms = map[string]string{
	"ctor_cache_follows_changes": `class B:
    def __init__(self, v): self.v = ('B', v)
class C(B): pass
out = []
for i in range(6):
    if i == 2: B.__init__ = lambda self, v: setattr(self, 'v', ('B2', v))
    if i == 3: C.__init__ = lambda self, v: setattr(self, 'v', ('C', v))
    if i == 4: del C.__init__
    if i == 5: C.__new__ = staticmethod(lambda cls, v: 'not a C')
    out.append(getattr(C(i), 'v', None) if i < 5 else C(i))
print(out)
class D:
    def __new__(cls, v):
        D.__init__ = lambda self, v: setattr(self, 'late', v)
        return object.__new__(cls)
    def __init__(self, v): self.early = v
print(vars(D(1)), vars(D(2)))
class E:
    def __new__(cls, v):
        return object.__new__(F) if v else object.__new__(cls)
    def __init__(self, v): self.who = 'E'
class F(E):
    def __init__(self, v): self.who = 'F'
print([vars(E(v)) for v in (0, 1, 0, 1)])
class G: pass
for args in ((), (1,)):
    try: print(type(G(*args)).__name__)
    except TypeError as e: print(e)
G.__init__ = lambda self, x: None
print(type(G(1)).__name__)
G.__new__ = lambda cls, x: object.__new__(cls, x)
try: G(1)
except TypeError as e: print(e)
`,
}

func TestClassCallCache(t *testing.T) { checkProgramsAtThresholds(t, ctorPrograms) }
