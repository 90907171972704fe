package modules_test

import (
	"strings"
	"testing"
)

// The _testcapi programs avoid the calls on which CPython itself
// crashes (a None name or dict, getbuffer_with_null_view(memoryview)).
var testcapiPrograms = map[string]string{
	// bpo-30039: the KeyboardInterrupt of a signal that arrived before
	// send() surfaces where the innermost generator resumes.
	"sigint_then_send": `import _testcapi as t
def inner():
    try:
        yield 1
    except KeyboardInterrupt:
        yield "caught inside"
def outer():
    yield from inner()
g = outer(); next(g)
print(t.raise_SIGINT_then_send_None(g))
try:
    t.raise_SIGINT_then_send_None(5)
except TypeError as e:
    print(e)
`,
	"constants": `import _testcapi as t
for n in sorted(dir(t)):
    if n.isupper() and n not in ('LIMITED_API_AVAILABLE', 'WITH_PYMALLOC', 'W_STOPCODE') and not n.startswith('PYFUNC_'):
        print(n, getattr(t, n))
print(t.FLT_MAX == 3.4028234663852886e+38, t.INT_MAX + 1 == 2**31, t.ULLONG_MAX == 2**64 - 1, type(t.DBL_MIN))
`,
	"sequence_getitem": tryAll + `import _testcapi as t, _collections as collections, array, _contextvars as contextvars
def tr(f, *a):
    try: print('OK', repr(f(*a)))
    except BaseException as e: print(type(e).__name__, e)
for obj in ([1, 2, 3], (1, 2, 3), "abc", b"abc", bytearray(b"abc"), range(3), {1: 2}, 5, None,
            memoryview(b"abc"), collections.deque([1, 2, 3]), array.array("b", [1, 2, 3])):
    for i in (0, 2, 3, -1, -3, -4, 2**63 - 1):
        print(type(obj).__name__, i, end=': '); tr(t.sequence_getitem, obj, i)
class S:
    def __getitem__(self, i): return i
class SL(S):
    def __len__(self): return 10
class L(list):
    def __len__(self): return 100
class LG(list):
    def __getitem__(self, i): return ('LG', i)
class T(tuple): pass
class DQ(collections.deque): pass
class DD(dict):
    def __getitem__(self, i): return ('DD', i)
class DL(dict):
    def __len__(self): return 3
class BL:
    def __len__(self): return -1
    def __getitem__(self, i): return i
class BL2:
    def __len__(self): raise KeyError('zz')
    def __getitem__(self, i): return i
class R:
    __getitem__ = len
for obj in (S(), SL(), L([1, 2]), LG([1, 2]), T((1, 2, 3)), DQ([1, 2, 3]), DD(), DL(), BL(), BL2(), R()):
    for i in (0, 5, -1, -4, -200):
        print(type(obj).__name__, i, end=': '); tr(t.sequence_getitem, obj, i)
class Counter(dict):
    def __missing__(self, key): return 0
for obj in (list[int], int | str, contextvars.copy_context(), type(type.__dict__),
            collections.defaultdict(), {}.keys(), iter([]), type, list, Counter()):
    print(type(obj).__name__, end=': '); tr(t.sequence_getitem, obj, 0)
tryall('t.sequence_getitem([1], 2**63)', 't.sequence_getitem([1], "x")', 't.sequence_getitem(None, "x")', 't.sequence_getitem([1], 1.0)',
       't.sequence_getitem([1])', 't.sequence_getitem([1], 1, 2)', 't.sequence_getitem()', 't.sequence_getitem([1], i=1)')
`,
	"sequence_setitem": tryAll + `import _testcapi as t, _collections as collections, array
def tr(f, *a):
    try: print('OK', repr(f(*a)), str(a[0]).split(' at 0x')[0])
    except BaseException as e: print(type(e).__name__, e)
makers = (lambda: [1, 2, 3], lambda: bytearray(b'abc'), lambda: (1, 2, 3), lambda: 'abc', lambda: range(3), lambda: {1: 2},
          lambda: 5, lambda: memoryview(bytearray(b'abc')), lambda: collections.deque([1, 2, 3]), lambda: array.array('b', [1, 2, 3]))
for mk in makers:
    for i in (0, 3, -1, -4):
        print(type(mk()).__name__, i, end=': '); tr(t.sequence_setitem, mk(), i, 120)
        print(type(mk()).__name__, i, 'del', end=': '); tr(t.sequence_delitem, mk(), i)
b = bytearray(b'abc'); tr(t.sequence_setitem, b, 0, None); print(b)
class Indexable:
    def __index__(self): return 10
b = bytearray(b'abc'); tr(t.sequence_setitem, b, 1, Indexable()); print(b)
class Boom:
    def __index__(self):
        b.clear()
        return 0
b = bytearray(b'Now you see me'); tr(t.sequence_setitem, b, 0, Boom())
class S:
    def __setitem__(self, i, v): print('set', i, v)
    def __delitem__(self, i): print('del', i)
    def __len__(self): return 10
tr(t.sequence_setitem, S(), -1, 7); tr(t.sequence_delitem, S(), -20)
class OnlySet:
    def __setitem__(self, i, v): print('set', i, v)
class OnlyDel:
    def __delitem__(self, i): print('del', i)
class G:
    def __getitem__(self, i): return i
class L(list): pass
class A(array.array): pass
class DQ(collections.deque): pass
tr(t.sequence_delitem, OnlySet(), 0); tr(t.sequence_setitem, OnlyDel(), 0, 1); tr(t.sequence_setitem, G(), 0, 1); tr(t.sequence_delitem, G(), 0)
for o in (L([1, 2, 3]), A('b', [1, 2, 3]), DQ([1, 2, 3])):
    print(type(o).__name__, end=' set '); tr(t.sequence_setitem, o, -4, 9)
    print(type(o).__name__, end=' del '); tr(t.sequence_delitem, o, -4)
tryall('t.sequence_setitem(bytearray(b"abc"), 0, 256)', 't.sequence_setitem(bytearray(b"abc"), 0, "x")', 't.sequence_setitem([1], 5, None)',
       't.sequence_setitem(None, 0, 1)', 't.sequence_delitem(None, 0)', 't.sequence_setitem([1], 0)', 't.sequence_delitem([1])',
       't.sequence_delitem([1], 1, 2)', 't.sequence_setitem([1], 0, 1, x=1)', 't.sequence_delitem([1], 2**64)')
`,
	"dict_getitem_knownhash": tryAll + `import _testcapi as t, _collections as collections
k = t.dict_getitem_knownhash
d = {'x': 1, 'y': 2, (1,): 3, -1: 4}
print(k(d, 'x', hash('x')), k(d, 'y', hash('y')), k(d, (1,), hash((1,))), k(d, -1, -2))
class BadEq:
    def __eq__(self, other): raise ValueError('eq')
    def __hash__(self): return 7
k1, k2 = BadEq(), BadEq()
d2 = {k1: 1}
print(k(d2, k1, hash(k1)))
class D(dict): pass
print(k(D(a=1), 'a', hash('a')))
tryall('k([], 1, 1)', 'k({}, 1, 1)', 'k({}, [], 1)', 'k(d, -1, -1)', 'k(d2, k2, hash(k2))',
       'k({1: 2}, 1, 2**70)', 'k({1: 2}, 1, "x")', 'k({1: 2}, 1)', 'k({1: 2}, 1, 1, x=1)', 'k(collections.defaultdict(int), "a", hash("a"))')
try:
    k({}, (1, 2), 5)
except KeyError as e:
    print(repr(e), e.args)
`,
	"object_hasattrstring": tryAll + `import _testcapi as t, sys, array
class A:
    def __init__(self): self.attr = 1
    @property
    def bad(self): raise ValueError('x')
a = A()
class BB(bytes): pass
h = t.object_hasattrstring
print(h(a, b'attr'), h(a, b'noattr'), h(a, b'bad'), h(a, 'attr'), h(a, b'attr\0x'), h(a, b'\xff'), h(a, b''),
      h(a, BB(b'attr')), h(5, b'real'), h(5, b'__class__'), h(a, '\xe9'), h(a, b'\xed\xa0\x80'), sys.exception())
tryall('h(a, bytearray(b"attr"))', 'h(a, memoryview(b"attr"))', 'h(a, array.array("b"))', 'h(a, 5)', 'h(a, 5.0)', 'h(a, "\\udc80")',
       'h(a)', 'h(a, b"x", 1)', 'h(a, name=b"x")')
`,
	"exceptions": tryAll + `import _testcapi as t
m = t.make_exception_with_doc
e1 = m('_testcapi.error1')
print(e1, type(e1), e1.__mro__, e1.__doc__, e1.__module__, e1.__qualname__)
e2 = m('_testcapi.error2', 'doc2'); print(e2.__doc__)
e3 = m('_testcapi.error3', base=e2); print(e3.__mro__)
class C: pass
e4 = m('a.b.error4', 'doc4', (e3, C)); print(e4.__mro__, e4.__doc__, e4.__module__)
e5 = m('_testcapi.error5', '', e4, {'a': 1}); print(e5.a, repr(e5.__doc__), issubclass(e5, e4))
d = {'x': 1}; m('m.n', 'doc', dict=d); print(d)
d = {'__module__': 'zz'}; print(m('m.n', '', dict=d).__module__, d)
d = {}
try: m('nodot', 'doc', dict=d)
except SystemError as e: print(e, d)
print(m('.b'), m('a.'), m('a.b', base=(ValueError,)).__mro__, m('a.b', base=()).__mro__, m('a.b', base=int).__mro__)
tryall('m("error1")', 'm("a.b", None)', 'm("a.b", 5)', 'm("a\\0.b")', 'm(b"a.b")', 'm()', 'm("a.b", "d", None, None, 1)', 'm("a.b", bogus=1)',
       'm("a.\\udc80")', 'm("a.b", "x\\0y")', 'm(5)', 'm(name="a.b", doc=None)')
print(t.error, t.error.__mro__, t.error.__module__, t.error.__doc__, repr(t.error('x')))
R = t.RecursingInfinitelyError
print(R, R.__mro__, R.__doc__, R.__module__)
try: R(1, 2)
except RecursionError as e: print(repr(e))
class Sub(R): pass
try: Sub()
except RecursionError as e: print(repr(e))
def capi1():
    class BadException(Exception):
        def __init__(self_): raise RuntimeError("can't instantiate BadException")
    try:
        t.raise_exception(BadException, 1)
    except TypeError as err:
        print(err.__traceback__.tb_frame.f_code.co_name, err)
    try:
        t.raise_exception(BadException, 0)
    except RuntimeError as err:
        tb = err.__traceback__.tb_next
        print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_back.f_code.co_name, err)
capi1()
class E(Exception):
    def __new__(cls, *a): return 5
class InvalidException: pass
tryall('t.raise_exception(ValueError, 3)', 't.raise_exception(ValueError, -1)', 't.raise_exception(ValueError, 2**40)', 't.raise_exception(ValueError, "x")',
       't.raise_exception(ValueError(1), 1)', 't.raise_exception(int, 1)', 't.raise_exception(5, 1)', 't.raise_exception(KeyError, 1)',
       't.raise_exception(E, 1)', 't.raise_exception(StopIteration, 1)', 't.raise_exception(InvalidException, 1)', 't.raise_exception(ValueError)',
       't.raise_exception()', 't.raise_exception(ValueError, 1, x=1)', 't.raise_exception(ValueError, 1.0)')
try: t.raise_exception(OSError, 2)
except OSError as e: print(type(e), e.args, e.errno)
try: t.raise_exception(GeneratorExit, 0)
except GeneratorExit as e: print(repr(e))
def mem():
    try: t.raise_memoryerror()
    except MemoryError as e: return type(e), e.args
print(mem(), mem())
tryall('t.raise_memoryerror(1)', 't.raise_memoryerror(x=1)')
`,
	"misc": tryAll + `import _testcapi as t, array
print(t.__name__, t.__doc__ is None or "subset" in t.__doc__)
tryall('t.getbuffer_with_null_view(bytearray())', 't.getbuffer_with_null_view(b"")', 't.getbuffer_with_null_view(5)',
       't.getbuffer_with_null_view(array.array("b"))', 't.getbuffer_with_null_view()', 't.getbuffer_with_null_view(1, 2)',
       't.getbuffer_with_null_view(b"", x=1)', 't.getargs_u("abc")', 't.getargs_u(None)', 't.getargs_u()', 't.getargs_u("a", 1)',
       't.getargs_u(s="a")', 't.set_nomemory()', 't.set_nomemory(1, 2, 3)', 't.set_nomemory("x")', 't.set_nomemory(2**40)',
       't.set_nomemory(-2**40)', 't.set_nomemory(2**70)', 't.set_nomemory(1, x=1)', 't.run_in_subinterp()', 't.run_in_subinterp(5)',
       't.run_in_subinterp("x\\0")', 't.run_in_subinterp("\\udc80")', 't.run_in_subinterp(code="x")',
       't.raise_SIGINT_then_send_None()', 't.raise_SIGINT_then_send_None(5)', 't.raise_SIGINT_then_send_None(None)',
       't.raise_SIGINT_then_send_None(1, 2)', 't.raise_SIGINT_then_send_None(g=1)')
print(hasattr(t, 'unicode_legacy_string'))
`,
}

func TestTestcapiModule(t *testing.T) {
	checkModulePrograms(t, testcapiPrograms)
}

// TestTestcapiNotImplemented checks what the module cannot do here:
// CPython runs these, we refuse them naming the feature.
func TestTestcapiNotImplemented(t *testing.T) {
	out, exc := runProgram(t, `import _testcapi as t
for f, a in ((t.set_nomemory, (0,)), (t.set_nomemory, (0, 5)), (t.run_in_subinterp, ('pass',))):
    try: f(*a)
    except NotImplementedError as e: print(e)
print(t.LIMITED_API_AVAILABLE, t.WITH_PYMALLOC)
`)
	if exc != "" {
		t.Fatalf("uncaught: %s", exc)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{"_testcapi.set_nomemory", "_testcapi.set_nomemory", "_testcapi.run_in_subinterp", "False False"}
	if len(lines) != len(want) {
		t.Fatalf("output:\n%s", out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want it to start with %q", i, lines[i], w)
		}
	}
}
