package interp

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// Programs for the fast paths of list slicing and slice assignment,
// list and tuple concatenation, range(), set tables, generators,
// starred unpacking and big-int arithmetic, compared with CPython 3.12.
var containerSpeedPrograms = map[string]string{
	"list_slices": `p = list(range(10))
for k in range(10):
    q = p[:]
    q[: k + 1] = q[k::-1]
    print(q)
a = [1, 2, 3, 4, 5]
a[1:3] = ['x', 'y', 'z', 'w']; print(a)
a[1:5] = []; print(a)
a[len(a):] = (7, 8); print(a)
a[:0] = a; print(a)
a[2:] = a; print(a)
a[::2] = 'abcd'[:len(a[::2])]; print(a)
a[::-1] = list(a); print(a)
a[5:2] = [0]; print(a)
a[-100:100] = iter([9, 8]); print(a)
b = list(range(10))
b[1::3] = b[:3]; print(b)
del b[::2]; print(b)
del b[::-2]; print(b)
del b[10:]; print(b)
print(b[::-1], b[100:], b[-2:], b[1:-1:2], b[::-3])
for bad in ([1, 2], 5):
    try:
        b[::2] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b[1:2] = 5
except TypeError as e:
    print(e)
try:
    b[::0]
except ValueError as e:
    print(e)
`,
	"slice_index_mutates": `class I:
    def __init__(self, l, v):
        self.l, self.v = l, v
    def __index__(self):
        self.l.clear()
        return self.v
l = list(range(10))
print(l[I(l, 2):8])
l = list(range(10))
l[I(l, 2):8] = [1, 2]
print(l)
l = list(range(10))
del l[I(l, 0):3]
print(l)
`,
	"concat": `print([1, 2] + [3], [] + [], [1] + [], ((1,) + (2, 3)), () + (), (1,) + ())
t = (4, 5)
print(() + t is t, t + () is t)
class T(tuple): pass
print(type(() + T((1,))).__name__, () + T((1,)))
print(list(range(3)) + [list(range(2))])
`,
	"ranges": `print(list(range(5)), list(range(2, 9, 3)), list(range(9, 2, -3)), list(range(0)), list(range(5, 1)))
print(len(range(-2**63, 2**63 - 1)), len(range(2**63 - 1, -2**63, -1)))
print(len(range(-2**63, 2**63 - 1, 2)), range(-2**63, 2**63 - 1, 3)[-1])
print(range(3, 10, 2)[1:], range(1, 4) == range(1, 4, 1), range(True, 3))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
`,
	"set_churn": `s = set()
for i in range(200):
    s.add(i)
    s.add(i + 1000)
    s.discard(i)
    if i % 7 == 0:
        print(len(s), sorted(s)[:3], list(s)[:5])
print(s)
u = {1, 2, 3}
for i in range(100):
    u.add(-i)
    u.discard(-i)
print(u, len(u))
print({i * 8 for i in range(40)})
f = frozenset(range(50))
print(len(f), hash(f) == hash(frozenset(range(50))))
`,
	"generators": `def gen(n):
    for i in range(n):
        yield i
def deleg(n):
    r = yield from gen(n)
    yield -1
    return r
print(list(deleg(5)), sum(gen(100)))
def extend(cols, n):
    if len(cols) == n:
        yield tuple(cols)
        return
    for c in range(n):
        if c in cols:
            continue
        cols.append(c)
        yield from extend(cols, n)
        cols.pop()
print(len(list(extend([], 5))), next(extend([], 4)))
def boom():
    yield 1
    raise KeyError('x')
g = boom()
print(next(g))
try:
    next(g)
except KeyError as e:
    print('KeyError', e)
print(list(g))
g = gen(10)
print(next(g), next(g))
g.close()
print(list(g))
`,
	"unpack_ex": `for src in ([1], (1,), [1, 2, 3], [], [1, 2], 'ab', iter([1]), list(range(12)), tuple(range(5))):
    try:
        a, b, *c, d = src
        print(a, b, c, d)
    except ValueError as e:
        print(e)
*init, tail = (1, 2, 3); print(init, tail)
head, *rest = [5]; print(head, rest)
*all_, = range(3); print(all_)
try:
    a, *b = 5
except TypeError as e:
    print(e)
`,
	"big_ints": `q, r, t = 1, 0, 1
for k in range(1, 200):
    m = 2 * k + 1
    r = (2 * q + r) * m
    q *= k
    t *= m
print(q % 1000007, r % 1000007, t % 1000007, q > r, r > t, q == q * 1, -q < q)
d, rem = divmod(3 * q + r, t); print(d, rem % 97)
d, rem = divmod(-(3 * q + r), t); print(d, rem % 97)
d, rem = divmod(3 * q + r, -t); print(d, rem % 97)
x = 2**100
print(x - x, x // x, x % x, (x + 1) - x, x * 0, -x // 3, -x % 7, x // -7, x & (x - 1), x | 1, x ^ x)
print(2**64 > 2**63, 2**64 < 1.5, 2**64 == 2.0**64, 10**30 >= 10**30, True < 2**70, 3 == 3.0, 2**70 != 2**70 + 1)
big = [2**200 + i for i in range(5)]
print(sum(big) - 5 * 2**200, max(big) - min(big))
`,
}

func TestContainerSpeedPrograms(t *testing.T) { checkPrograms(t, containerSpeedPrograms) }

// The bench programs' hot paths, one iteration of each per loop pass.
var containerLoopBodies = map[string]string{
	"fannkuch_flip": "p = list(range(9))\nfor i in range(%d):\n    k = i %% 9\n    p[: k + 1] = p[k::-1]\n",
	"list_copy":     "p = list(range(9))\nfor i in range(%d):\n    q = p[:]\n",
	"tuple_concat":  "t = (1, 2, 3)\nfor i in range(%d):\n    u = (i,) + t\n",
	"set_comp":      "p = list(range(9))\nfor i in range(%d):\n    s = {p[j] + j for j in range(9)}\n",
	"gen_loop":      "def g(n):\n    for i in range(n):\n        yield i\nfor i in range(%d):\n    for x in g(3):\n        pass\n",
	"unpack_ex":     "d = list(range(12))\nfor i in range(%d):\n    a, *b, c = d\n",
	"bigint_mul":    "q = 3**2000\nfor i in range(%d):\n    r = q * 7 + q\n",
	"bigint_cmp":    "q = 3**2000\nr = q + 1\nfor i in range(%d):\n    q < r\n",
}

func BenchmarkContainers(b *testing.B) { benchLoops(b, containerLoopBodies, 10000) }

// TestRecyclersAcrossInterpreters runs interpreters on several
// goroutines at once, all making and dropping the objects the
// recyclers keep, per interpreter or process-wide (slices, sets and
// tables, ranges, iterators, generators, big-int arrays), and checks
// that each gets the
// same answers: a recycled object must carry nothing from its last use.
// Run it with -race.
func TestRecyclersAcrossInterpreters(t *testing.T) {
	const src = `def g(n):
    for i in range(n):
        yield i * 3
acc = 0
for k in range(300):
    p = list(range(12))
    p[: k % 12 + 1] = p[k % 12::-1]
    s = {x + k for x in p}
    s.discard(k)
    q = 7 ** 40 + k
    acc = (acc * 31 + sum(g(k % 9)) + len(s) + p[0] + (q * q) % 1000003 + divmod(q, 12345)[1]) % 1000000007
print(acc)
`
	code := compileForTest(t, src)
	run := func() (string, error) {
		var out strings.Builder
		in := New(Options{Stdout: &out})
		gv, err := in.NewDict()
		if err != nil {
			return "", err
		}
		err = in.ExecModule(code, asObject[Dict](gv))
		in.decRef(gv)
		return out.String(), err
	}
	want, err := run()
	if err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 4, 5
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				got, err := run()
				if err != nil || got != want {
					errs <- fmt.Sprintf("got %q (%v), want %q", got, err, want)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
