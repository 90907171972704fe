package runtime

import (
	"context"
	"testing"

	"github.com/parallel-py/parallel/channels"
	"github.com/parallel-py/parallel/interp"
)

// copyPrelude runs in both interpreters of a copy test: a queue q made
// by the sender, shared with the receiver, and the classes the cases
// send (defined in both, as a module would be, so the receiver finds
// them by module and qualified name).
const copyPrelude = `
from concurrent import interpreters as I
import collections, dataclasses, enum, fractions, datetime, types
class Color(enum.Enum):
    RED = 1
@dataclasses.dataclass(frozen=True)
class Key:
    a: int
    b: str
class Slots:
    __slots__ = ('x', 'y')
class Custom:
    def __init__(self, n): self.n = n
    def __getstate__(self): return {'n2': self.n * 2}
    def __setstate__(self, st): self.n = st['n2'] // 2
class Reduced:
    def __init__(self, a, b): self.a, self.b = a, b
    def __reduce__(self): return (Reduced, (self.a, self.b))
class Node:
    def __init__(self, v, nxt=None): self.v, self.next = v, nxt
def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)
`

// Objects that are not shareable as they are cross a queue as copies,
// made in the sending interpreter and rebuilt in the receiving one, with
// shared references, cycles, classes and instances kept.
func TestCopyOnSend(t *testing.T) {
	for _, c := range []struct{ name, send, check, want string }{
		{"containers", `q.put([1, 'two', (3, [4]), {5: {6}}, frozenset({7}), {'k': None}, [], {}, set()])`,
			`print(q.get())`, "[1, 'two', (3, [4]), {5: {6}}, frozenset({7}), {'k': None}, [], {}, set()]\n"},
		{"shared and cyclic", `
a = [1]
d = {'x': a, 'y': a}
d['self'] = d
t = (a, a)
q.put([d, t, t])`, `
d, t1, t2 = q.get()
print(d['x'] is d['y'], d['self'] is d, t1 is t2, t1[0] is d['x'], d['x'])`, "True True True True [1]\n"},
		{"a tuple of tuples of ... stays linear", `
t = ()
for i in range(200):
    t = (t, t)
q.put([t])`, `
t = q.get()[0]
n = 0
while t:
    assert t[0] is t[1]
    t = t[0]; n += 1
print(n)`, "200\n"},
		{"instances", `
s = Slots(); s.x = [1]
q.put([Key(1, 'a'), {Key(2, 'b'): 'v'}, Color.RED, s, Custom(21), Reduced(1, [2]), types.SimpleNamespace(a=1)])`, `
k, kd, color, s, cu, r, ns = q.get()
print(k, kd, color is Color.RED, s.x, hasattr(s, 'y'), cu.n, r.a, r.b, ns)`,
			"Key(a=1, b='a') {Key(a=2, b='b'): 'v'} True [1] False 21 1 [2] namespace(a=1)\n"},
		{"standard library objects", `
q.put([collections.OrderedDict(a=1), collections.defaultdict(list, b=[2]), collections.deque([1, 2], 3),
       collections.Counter('aab'), fractions.Fraction(1, 3), datetime.date(2020, 1, 2), bytearray(b'xy')])`, `
for x in q.get():
    print(type(x).__name__, x)`, "OrderedDict OrderedDict({'a': 1})\ndefaultdict defaultdict(<class 'list'>, {'b': [2]})\n" +
			"deque deque([1, 2], maxlen=3)\nCounter Counter({'a': 2, 'b': 1})\nFraction 1/3\ndate 2020-01-02\nbytearray bytearray(b'xy')\n"},
		{"lists and sets of ints", `
a = [1, -2, 2**62]
q.put([a, a, list(range(40)), {3, 4}, frozenset({5}), [1, 2.5], [1, 2**70], [True, 1], [[i, i + 1] for i in range(20)]])`, `
a, b, r, s, f, mixed, big, bools, pairs = q.get()
print(a is b, a, r == list(range(40)), s, f, mixed, big, bools)
for p in pairs:
    p.append(-1)
pairs[0][1] = 'x'
print(pairs[:3], all(p[2] == -1 and len(p) == 3 for p in pairs))
a.append(9)
print(b, r[39])`, "True [1, -2, 4611686018427387904] True {3, 4} frozenset({5}) [1, 2.5] [1, 1180591620717411303424] [True, 1]\n" +
			"[[0, 'x', -1], [1, 2, -1], [2, 3, -1]] True\n[1, -2, 4611686018427387904, 9] 39\n"},
		{"a linked list", `
n = None
for i in range(500):
    n = Node(i, n)
q.put(n)`, `
n, total = q.get(), 0
while n:
    total += n.v; n = n.next
print(total)`, "124750\n"},
		{"classes and functions by name", `q.put([Color, Node, len, collections.OrderedDict, fractions.Fraction.from_float])`, `
got = q.get()
print(got[0] is Color, got[1] is Node, got[2] is len, got[3] is collections.OrderedDict, got[4](0.5))`, "True True True True 1/2\n"},
		{"what cannot be copied", `
def local():
    class Local: pass
    return Local
for bad in [[1, {'a': (2, (x for x in ()))}], Node(1, Node(2, I)), [lambda: 1], [local()], {1: open}]:
    show(q.put, bad)
q.put('end')`, `print(q.get()[1] is open, q.get())`,
			"NotShareableError: 'generator' object does not support cross-interpreter data: cannot pickle 'generator' object (at [1]['a'][1])\n" +
				"NotShareableError: 'module' object does not support cross-interpreter data: modules cannot be copied (at .next.next)\n" +
				"NotShareableError: 'function' object does not support cross-interpreter data: it is not importable by module and qualified name (__main__.<lambda>) (at [0])\n" +
				"NotShareableError: 'type' object does not support cross-interpreter data: it is not importable by module and qualified name (__main__.local.<locals>.Local) (at [0])\n" +
				"None\nTrue end\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := copyPrelude + "q = I.create_queue()\n" + c.send + "\nsub = I.create()\nsub.prepare_main(q=q)\n" +
				"sub.exec(\"\"\"" + copyPrelude + c.check + "\n\"\"\")\n"
			if got := runPython(t, src); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// The size limit per item refuses a big object before it is copied, and
// the receiver of a class it lacks gets AttributeError, not a wrong
// object; refusing objects with syncobj=True (3.13's keyword) still
// works.
func TestCopyLimitsAndFailures(t *testing.T) {
	rt := newRuntime(t, Options{MaxItemSize: 10_000})
	var out safeBuffer
	it := newInterpreter(t, rt, InterpreterOptions{Stdout: &out, Stderr: &out})
	mustExec(t, it, copyPrelude+`
q = I.create_queue()
show(q.put, [b'x' * 5000, b'y' * 6000])
show(q.put, b'z' * 20000)
show(q.put, ('s' * 20000,))
show(q.put, [[0] * 300 for _ in range(100)])
show(q.put, [1], syncobj=True)
show(q.put, [b'x' * 5000])
print(len(q.get()[0]))
class OnlyHere:
    pass
q.put([OnlyHere()])
sub = I.create()
sub.prepare_main(q=q)
try:
    sub.exec('q.get()')
except I.ExecutionFailed as e:
    print(e.excinfo.type.__name__, e.excinfo.msg)
print(q.qsize())
`)
	want := "ValueError: the object is too large to share: more than 10000 bytes (the limit per item)\n" +
		"ValueError: the object is too large to share: more than 10000 bytes (the limit per item)\n" +
		"ValueError: the object is too large to share: more than 10000 bytes (the limit per item)\n" +
		"ValueError: the object is too large to share: more than 10000 bytes (the limit per item)\n" +
		"NotShareableError: [1] does not support cross-interpreter data\n" +
		"None\n5000\n" +
		"AttributeError cannot rebuild the shared object: __main__ has no attribute OnlyHere here\n0\n"
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Copies leave nothing behind in either interpreter: live objects return
// to what they were once the copies are dropped.
func TestCopyNoLeaks(t *testing.T) {
	rt := newRuntime(t, Options{})
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, copyPrelude+`
q = I.create_queue()
def roundtrip(n):
    for i in range(n):
        a = [i, 'x', (1, [2])]
        d = {'a': a, 'b': a, 'k': Key(i, 'k'), 's': {1, 2}, 'f': frozenset({3})}
        d['self'] = d
        q.put([d, Node(i, Node(i + 1)), Color.RED, collections.deque([1]), Custom(3)])
        got = q.get()
        got[0]['self'] = None
        d['self'] = None
import gc
roundtrip(5)
gc.collect()
`)
	live := func() int64 {
		var n int64
		if err := it.Do(context.Background(), func(in *interp.Interp) error {
			for _, c := range in.Heap().Stats().Classes {
				n += c.Live
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := live()
	mustExec(t, it, "roundtrip(200)\ngc.collect()\n")
	if after := live(); after != before {
		t.Fatalf("live objects went from %d to %d", before, after)
	}
}

// Go sends slices and maps, Python receives lists and dicts; Python
// sends them back and Go receives []any and map[string]any, cycles kept.
func TestCopyGoAndPython(t *testing.T) {
	rt := newRuntime(t, Options{})
	q, err := rt.Channels().NewQueue(channels.GoOwner, channels.QueueOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Channels().Release(q.Handle(), channels.GoOwner)
	ctx := context.Background()
	x, err := channels.ItemOf(map[string]any{"xs": []int{1, 2, 3}, "set": channels.Set{"a"}, "k": channels.Dict{Keys: []any{channels.Tuple{1, 2}}, Values: []any{"v"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Put(ctx, x); err != nil {
		t.Fatal(err)
	}
	it := newInterpreter(t, rt, InterpreterOptions{})
	mustExec(t, it, `
def echo(q):
    d = q.get()
    assert d == {'k': {(1, 2): 'v'}, 'set': {'a'}, 'xs': [1, 2, 3]}, d
    d['xs'].append(d['xs'])
    q.put(d)
`)
	if _, err := it.Call(ctx, "echo", q.Handle()); err != nil {
		t.Fatal(err)
	}
	got, err := q.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := got.Value().(map[string]any)
	if !ok {
		t.Fatalf("got %T", got.Value())
	}
	xs := m["xs"].([]any)
	if len(xs) != 4 || xs[0] != int64(1) || &xs[3].([]any)[0] != &xs[0] {
		t.Fatalf("xs = %v", xs[:3])
	}
	k := m["k"].(channels.Dict)
	if k.Keys[0].(channels.Tuple)[1] != int64(2) || k.Values[0] != "v" {
		t.Fatalf("k = %v", k)
	}
}
