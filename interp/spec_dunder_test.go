package interp

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode"
)

// binaryOpPyProgram runs BINARY_OP_PY's cases warm and then breaks
// their guards: NotImplemented from the left method (with and without
// a reflected method on the right), a subclass on the right whose
// reflected method goes first, the method replaced on the class and its
// __code__ replaced, __class__ assignment, callables that are not
// functions, a raising method (the traceback and f_back), recursion, a
// generator method, __iadd__ and its NotImplemented, and a built-in left
// operand with a Python reflected method on the right.
const binaryOpPyProgram = `import sys

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        return NotImplemented
    def __mul__(self, k):
        return V(self.x * k)
    __rmul__ = __mul__
    def __sub__(self, o):
        return V(self.x - o.x)
    def __repr__(self):
        return "V(%r)" % (self.x,)

class W:
    def __radd__(self, o):
        return "W.radd"

class Sub(V):
    def __radd__(self, o):
        return "Sub.radd"

def loop(f, n=40):
    r = None
    for i in range(n):
        r = f(i)
    return r

v, w = V(1), V(2)
print(loop(lambda i: v + w))
print(loop(lambda i: v * 2.0))
print(loop(lambda i: 3 * v))
print(loop(lambda i: 2.5 * v))
# NotImplemented from the left method, then the right's reflected
def add(a, b):
    return a + b
for i in range(40):
    add(v, w)
print(add(v, W()))
for i in range(40):
    add(v, w)
try:
    add(v, 5)
except TypeError as e:
    print("TypeError:", e)
# same class NotImplemented -> TypeError
class N:
    def __add__(self, o):
        return NotImplemented
def addn(a, b):
    return a + b
n1 = N()
for i in range(40):
    try:
        addn(n1, n1)
    except TypeError as e:
        last = e
print("TypeError:", last)
# subclass overriding reflected goes first
for i in range(40):
    add(v, w)
print(add(v, Sub(3)))
# method replaced after specialization
for i in range(40):
    add(v, w)
V.__add__ = lambda self, o: "replaced"
print(add(v, w))
def plus(self, o):
    return "plus"
V.__add__ = plus
for i in range(40):
    add(v, w)
print(add(v, w))
# non-function callables
class S:
    __add__ = staticmethod(lambda a, b: "static")
    class C:
        def __call__(self, *a):
            return "callobj"
    __sub__ = C()
s = S()
def sub(a, b):
    return a - b
print(loop(lambda i: add(S, 1) if False else 0))
try:
    print(loop(lambda i: add(s, s)))
except TypeError as e:
    print("TypeError:", e)
print(loop(lambda i: sub(s, s)))
# raising method: traceback
class R:
    def __add__(self, o):
        raise ValueError("boom %d" % sys._getframe().f_back.f_lineno)
def addr(a, b):
    return a + b
r = R()
for i in range(40):
    try:
        addr(r, r)
    except ValueError as e:
        last = e
tb = last.__traceback__
while tb:
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
    tb = tb.tb_next
print(type(last).__name__, last)
# recursion
class Rec:
    def __add__(self, o):
        return self + o
rc = Rec()
try:
    rc + rc
except RecursionError as e:
    print("RecursionError:", e)
# generator method
class G:
    def __add__(self, o):
        yield 1
g = G()
print(loop(lambda i: list(g + g)))
# __iadd__
class I:
    def __init__(self):
        self.n = 0
    def __iadd__(self, o):
        self.n += o
        return self
    def __repr__(self):
        return "I(%d)" % self.n
def iadd(a, b):
    a += b
    return a
it = I()
for i in range(40):
    iadd(it, 1)
print(it)
class INI:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "INI.add"
x = INI()
for i in range(40):
    r = iadd(x, 1)
print(r)
class INI2:
    def __iadd__(self, o):
        return NotImplemented
y = INI2()
for i in range(40):
    try:
        iadd(y, 1)
    except TypeError as e:
        last = e
print("TypeError:", last)
class NoI:
    def __add__(self, o):
        return NotImplemented
z = NoI()
for i in range(40):
    try:
        iadd(z, 1)
    except TypeError as e:
        last = e
print("TypeError:", last)
# reflected declines
class RN:
    def __rmul__(self, o):
        return NotImplemented
rn = RN()
def mul(a, b):
    return a * b
for i in range(40):
    try:
        mul(2, rn)
    except TypeError as e:
        last = e
print("TypeError:", last)
# f_back of the dunder frame is the caller
class FB:
    def __add__(self, o):
        return sys._getframe().f_back.f_code.co_name
fb = FB()
def caller_name(a, b):
    return a + b
print(loop(lambda i: caller_name(fb, fb)))
# __class__ assignment
class A1:
    def __add__(self, o):
        return "A1"
class A2:
    def __add__(self, o):
        return "A2"
a = A1()
res = []
for i in range(60):
    if i == 50:
        a.__class__ = A2
    res.append(add(a, a))
print(res[-12:])
# __code__ reassigned on the function
def f1(self, o):
    return "f1"
def f2(self, o, extra=5):
    return "f2"
class CC:
    __add__ = f1
cc = CC()
for i in range(40):
    add(cc, cc)
f1.__code__ = f2.__code__
f1.__defaults__ = (7,)
print(add(cc, cc))
# ints and floats are untouched
print(loop(lambda i: add(i, 2.5)), loop(lambda i: add("a", "b")))
# a subclass of float on the right of a float
class F(float):
    def __radd__(self, o):
        return "F.radd"
print(loop(lambda i: add(1.0, F(2))))
class P:
    def __radd__(self, o):
        return ("P.radd", o)
print(loop(lambda i: add(i, P())))
print(loop(lambda i: add(True, P())))
`

func init() { specPrograms["binary_op_py"] = binaryOpPyProgram }

// TestBinaryOpPySpecializes checks which operator sites become
// BINARY_OP_PY: the comparisons with CPython pass just as well on the
// generic BINARY_OP.
func TestBinaryOpPySpecializes(t *testing.T) {
	const classes = `class V:
    def __add__(self, o): return self
    def __mul__(self, k): return self
    __rmul__ = __mul__
    def __iadd__(self, o): return self
    def __sub__(self, o, extra=1): return self
class G:
    def __add__(self, o):
        yield 1
class Call:
    def __call__(self, o): return o
class S:
    __add__ = staticmethod(lambda o: o)
    __sub__ = Call()
    __mul__ = len
class Sub(V):
    def __radd__(self, o): return o
class Plain:
    pass
v, w, g, s, sub, p = V(), V(), G(), S(), Sub(), Plain()
`
	tests := []struct {
		name, expr string
		want       bool
	}{
		{"left method", "r = v + w", true},
		{"left method, float on the right", "r = v * 2.0", true},
		{"reflected method, float on the left", "r = 2.0 * v", true},
		{"reflected method, int on the left", "r = 3 * v", true},
		{"in-place method", "r = v\n    r += w", true},
		{"in-place without __iadd__", "r = v\n    r *= 2", true},
		{"defaults", "r = v - w", false},
		{"generator method", "r = g + g", false},
		{"staticmethod", "r = s + s", false},
		{"callable object", "r = s - s", false},
		{"builtin", "try:\n        r = s * s\n    except TypeError:\n        pass", false},
		{"subclass reflected first", "r = v + sub", false},
		{"no method", "try:\n        r = p + p\n    except TypeError:\n        pass", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			listing := quickenedListing(t, classes+"for i in range(20):\n    "+tt.expr+"\n")
			if got := strings.Contains(listing, bytecode.BINARY_OP_PY.String()); got != tt.want {
				t.Errorf("BINARY_OP_PY in the listing: %v, want %v\n%s", got, tt.want, listing)
			}
		})
	}
}

// polymorphicNumbersProgram runs + - * / at sites that see ints and
// floats by turns, as raytrace's Vec methods do, with the ints' edge
// cases: a result too big for an unboxed int, big ints, a zero divisor.
const polymorphicNumbersProgram = `def dot(a, b):
    return a[0] * b[0] + a[1] * b[1]
out = []
vs = [(1, 2), (0.5, 1.5), (3, 4.0), (2**62, 4), (7, 0.25), (2**70, 3)]
for i in range(600):
    v = vs[i % 6]
    out.append(dot(v, v))
print(out[-12:])
def sub(a, b):
    return a - b
print([sub(x, y) for x, y in [(1, 2), (1.5, 2), (3, 0.5), (-2**63, 1), (5, 5)] * 80][-10:])
def div(a, b):
    return a / b
print([div(x, y) for x, y in [(1, 2), (1.5, 2), (3, 0.5), (2**60 + 1, 3)] * 80][-8:])
try:
    for x, y in [(1.0, 2.0), (1, 2), (1, 0)] * 80:
        div(x, y)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
`

func init() { specPrograms["polymorphic_numbers"] = polymorphicNumbersProgram }

// TestPolymorphicNumbersSpecialize checks that a site that has seen ints
// and floats ends as BINARY_OP_MIXED_FLOAT, which keeps both, rather
// than going back and forth between the int and float forms.
func TestPolymorphicNumbersSpecialize(t *testing.T) {
	src := "ops = [(1, 2), (1.5, 2.5)]\nfor i in range(2000):\n    a, b = ops[i % 2]\n    r = a * b\n"
	listing := quickenedListing(t, src)
	if !strings.Contains(listing, bytecode.BINARY_OP_MIXED_FLOAT.String()) {
		t.Errorf("no BINARY_OP_MIXED_FLOAT in the listing:\n%s", listing)
	}
}
