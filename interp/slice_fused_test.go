package interp

import (
	"fmt"
	"strings"
	"testing"
)

// sliceFusedPrograms exercise BUILD_SLICE run with the BINARY_SUBSCR
// after it (sliceSubscrFused), the in-place store of a slice of the same
// length, and the generic BINARY_OP's concatenation of exact tuples and
// lists (concatQuick), each with its fall-backs, against CPython 3.12.
var sliceFusedPrograms = map[string]string{
	"fused_list_tuple": `p = list(range(10))
t = tuple(p)
for k in range(-12, 12):
    print(k, p[k::-1], t[k::-1], p[:k:-2], t[:k:-2], p[k:k + 5:2], t[k:k + 5:2], p[k::None], t[k::None])
print(p[::-1], t[::-1], p[::1], t[::3], p[::-100], t[100::-1], p[-100:100:7])
print(t[::1] is t, t[0:10:1] is t, t[:100:1] is t, t[::-1] is t, t[1::1] is t, t[5:5:1] is (), t[::-1][::-1] == t)
print(p[::1] is p, p[::1] == p)
e = ()
print(e[::-1] is (), [][::-1])
`,
	"fused_fallbacks": `p = list(range(6))
t = tuple(p)
class I:
    def __index__(self): return 2
class L(list):
    def __getitem__(self, k): return ('L', k)
class T(tuple):
    pass
x = T(p)
print(p[True::-1], t[False:3:True], p[2**70::-1], t[:-2**70:-1], p[I()::I()], t[::-I().__index__()])
print(L(p)[1::-1], type(x[::1]), x[::1] is x, x[1::2], type(x[::-1]))
print('abcdef'[4::-1], b'abcdef'[::2], range(10)[8:2:-3], memoryview(b'abc')[::-1].tobytes())
print({slice(1, None, -1): 'd'}[slice(1, None, -1)])
d = {}
try:
    d[1::-1]
except TypeError as e:
    print('TypeError', e)
for s in (0, 1.5, 'x'):
    try:
        p[::s]
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        t[::s]
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    p[1.0::-1]
except TypeError as e:
    print('TypeError', e)
q = list(range(5))
q[1:4:2] = 'ab'
del q[::-2]
print(q, p[1:5, ][::-1])
`,
	"fused_in_loops": `def fannkuch(n):
    perm = list(range(n))
    count = [0] * n
    checksum = max_flips = index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm[0] != 0:
            p = perm[:]
            flips = 0
            k = p[0]
            while k:
                p[: k + 1] = p[k::-1]
                flips += 1
                k = p[0]
            max_flips = max(max_flips, flips)
            checksum += flips if index % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            perm.insert(r, perm.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        index += 1
print(fannkuch(6))
def rev(seq, n):
    out = []
    for i in range(n):
        out.append(seq[i::-1])
    return out
print(rev([1, 2, 3], 3), rev((1, 2, 3), 3), rev('abc', 3), rev(range(3), 3))
`,
	"slice_store_same_length": `class D:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n, len(box[0]), [type(v).__name__ for v in box[0]])
box = [None]
def f():
    s = [D(i) for i in range(4)]
    box[0] = s
    s[1:3] = [D(10), D(11)]
    print("-list")
    s[0:2] = (5, 6)
    print("-tuple")
    s[2:4] = s[0:2]
    print("-self slice")
    s[:] = s
    print("-self", s)
    a, b = D(20), D(21)
    s[1:4] = [a, b, a]
    del a, b
    s[1:4] = (1, 2, 3)
    print("-repeated")
    c = D(30)
    s[0:3] = [D(31), c, D(32)]
    s[0:3] = [c, c, c]
    del c
    s[0:3] = [D(33), 0, D(34)]
    print("-kept")
    s[-1:] = [7]
    s[3:100] = [8]
    s[10:20] = []
    print([v if type(v) is int else v.n for v in s])
    box[0] = []
f()
p = list(range(20))
p[2:18] = list(range(100, 116))
p[0:17] = p[::-1][:17]
print(p)
`,
	"binary_slice_tuple": `t = tuple(range(8))
for a in (None, -10, -3, 0, 2, 8, 20):
    for b in (None, -10, -3, 0, 5, 8, 20):
        print(a, b, t[a:b], t[a:b] is t, t[a:b] is ())
class I:
    def __index__(self): return 2
class T(tuple): pass
x = T(t)
print(t[True:I()], t[2**70:], t[:-2**70], type(x[:]), x[:] is x, x[1:3])
try:
    t[1.0:]
except TypeError as e:
    print('TypeError', e)
`,
	"concat_quick": `t = (1, 2)
l = [3, 4]
e = ()
print(t + (3,), (0,) + t, t + e is t, e + t is t, e + e is e, l + [5], [] + l, l + [] is l)
u = t
u += (9,)
print(u, t)
m = l
m += [9]
print(m is l, l)
m += (10,)
print(l)
class T(tuple):
    def __add__(s, o): return 'T.add'
    def __radd__(s, o): return 'T.radd'
class L(list):
    def __radd__(s, o): return 'L.radd'
print(T((1,)) + t, t + T((1,)), [1] + L([2]), L([2]) + [1], type(L([2]) + [1]))
class T2(tuple): pass
print(type(T2((1,)) + t), type(t + T2((1,))), T2() + t is t)
for a, b in ((t, l), (l, t), (t, 1), (l, 'x'), (e, None)):
    try:
        a + b
    except TypeError as x:
        print('TypeError', x)
try:
    u += [1]
except TypeError as x:
    print('TypeError', x)
def items(n):
    out = []
    for i in range(n):
        rest = list(range(n))[:i] + list(range(n))[i + 1:]
        out.append((i,) + tuple(rest))
    return out
print(items(4))
`,
}

func TestSliceFused(t *testing.T) { checkProgramsAtThresholds(t, sliceFusedPrograms) }

// TestSliceSubscrFusedMakesNoSlice checks that x[a:b:c] on a list or
// tuple, run as one with its BUILD_SLICE, and x[a:b] (BINARY_SLICE)
// make no slice object: the
// output comparison cannot tell, and a silent fall-back to the generic
// pair would pass it. Each run of the loop below makes its result and,
// unfused, a slice; a list subclass, whose __getitem__ must see the
// slice, makes both.
func TestSliceSubscrFusedMakesNoSlice(t *testing.T) {
	allocs := func(src string) uint64 {
		t.Helper()
		_, err, in, _ := runForTest(t, src)
		if err != nil {
			t.Fatal(err)
		}
		return in.Heap().Stats().Allocs
	}
	for _, c := range []struct {
		setup, expr string
		want        uint64 // objects a run of the loop makes
	}{
		{"p = list(range(8))", "p[i %% 8::-1]", 1},
		{"p = tuple(range(8))", "p[i %% 8::-1]", 1},
		{"class L(list): pass\np = L(range(8))", "p[i %% 8::-1]", 2},
		// BINARY_SLICE makes no slice object either.
		{"p = list(range(8))", "p[i %% 8:]", 1},
		{"p = tuple(range(8))", "p[:i %% 7 + 1]", 1},
		{"class T(tuple): pass\np = T(range(8))", "p[i %% 8:]", 2},
	} {
		loop := c.setup + "\nfor i in range(%d):\n    r = " + c.expr + "\n"
		if got := (allocs(fmt.Sprintf(loop, 2000)) - allocs(fmt.Sprintf(loop, 1000))) / 1000; got != c.want {
			t.Errorf("%q: %s made %d objects a run, want %d", c.setup, c.expr, got, c.want)
		}
	}
}

// TestSliceSubscrFusedMemoryError checks the fused x[a:b:c]'s one error:
// a result over the memory limit raises MemoryError at the subscript,
// which the program catches with its stack whole, as from the generic
// pair.
func TestSliceSubscrFusedMemoryError(t *testing.T) {
	var stdout strings.Builder
	in := New(Options{Stdout: &stdout, MemoryLimit: 16 << 20})
	gv, err := in.NewDict()
	if err != nil {
		t.Fatal(err)
	}
	src := `p = [0] * 300000
t = tuple(p)
got = []
for x in (p, t):
    for i in range(3):
        try:
            got.append((x[::-1], x[::-1], x[::-1], x[::-1]))
        except MemoryError:
            got.clear()
            print(type(x).__name__, 'MemoryError', len(p), len(t), [y[0] for y in (p[:1], t[:1])])
            break
    got.clear()
`
	err = in.ExecModule(compileForTest(t, src), asObject[Dict](gv))
	in.decRef(gv)
	if err != nil {
		t.Fatal(err)
	}
	want := "list MemoryError 300000 300000 [0, 0]\ntuple MemoryError 300000 300000 [0, 0]\n"
	if stdout.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), want)
	}
}
