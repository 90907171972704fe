package modules_test

import (
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Programs for _collections; each defines t(f), which prints f()'s repr
// or its exception.
const collectionsPrelude = `
from collections import deque, defaultdict, namedtuple, Counter
import _collections, copy
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
`

var collectionsPrograms = map[string]string{
	"deque_basic": collectionsPrelude + `
d = deque([1, 2, 3], maxlen=3); d.append(4); print(d, d.maxlen, len(d), bool(d), bool(deque()))
d.appendleft(0); print(d); print(d.pop(), d.popleft(), d)
t(lambda: deque().pop()); t(lambda: deque().popleft())
d = deque(range(6)); d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(13); print(d)
d.reverse(); print(d); d.extendleft("ab"); print(d); d.extend(d); print(d)
print(d.count(1), d.index(1), d.index(1, 5), 3 in d, "z" in d)
t(lambda: d.index("z")); t(lambda: d.remove("z")); d.remove(1); print(d)
d.insert(2, "x"); d.insert(-1, "y"); d.insert(100, "z"); d.insert(-100, "w"); print(d)
t(lambda: deque([1], maxlen=1).insert(0, 2))
d[0] = "first"; del d[-1]; print(d, d[1], d[-2])
t(lambda: d[100]); t(lambda: d[1:2]); t(lambda: d[2**70]); t(lambda: d.__getitem__(-100)); t(lambda: d.__delitem__("a"))
def setbad(): d["a"] = 1
t(setbad)
d.clear(); print(d, len(d))
t(lambda: deque(maxlen=-1)); t(lambda: deque(maxlen="a")); t(lambda: deque(1)); t(lambda: deque([], 2, 3)); t(lambda: deque(x=1))
t(lambda: deque([1]).rotate(1, 2)); t(lambda: deque([1]).index()); t(lambda: deque([1]).insert(1)); t(lambda: deque([1]).append())
t(lambda: deque([1, 2, 3]).index(3, 0, -1)); t(lambda: deque([1, 2, 3]).index(3, -1)); t(lambda: deque([1]).index(1, "a"))
q = deque([1, 2, 3], 3); q.__init__([7]); print(q)
`,
	"deque_ops": collectionsPrelude + `
t(lambda: deque([1]) + [1]); t(lambda: [1] + deque([1])); t(lambda: deque([1]) * 1.5); t(lambda: 2 * deque([1])); t(lambda: 1 + deque())
t(lambda: deque([1, 2]) + deque([3], 2)); t(lambda: deque([1, 2], 1) + deque([3, 4])); t(lambda: deque([1, 2, 3], 3) * 2); t(lambda: deque([1]) * -1)
x = deque([1, 2]); x += [3]; print(x); x *= 2; print(x); x *= 0; print(x)
y = deque([1, 2], 3); y *= 3; print(y)
t(lambda: hash(deque())); t(lambda: deque([1, 2]) < deque([1, 3])); t(lambda: deque() == []); t(lambda: deque() < [])
t(lambda: deque([1, 2]) == deque([1, 2])); t(lambda: deque([1, 2]) >= deque([1])); t(lambda: deque([1]) != deque([1, 2]))
t(lambda: deque.__class_getitem__(int)); t(lambda: deque([1]).copy()); t(lambda: copy.copy(deque([1], 4)))
class D(deque): pass
t(lambda: D([1])); t(lambda: D([1], 3).copy()); t(lambda: D([1]) + D([2])); t(lambda: D([1]) * 2)
d = deque([1]); d.append(d); print(d)
r = deque(range(5), 3).__reduce__(); print(r[:3], list(r[3]))
match deque([1, 2]):
    case [a, b]: print("seq", a, b)
import weakref; print(type(weakref.ref(deque())).__name__)
import collections.abc; print(isinstance(deque(), collections.abc.MutableSequence))
`,
	"deque_iter": collectionsPrelude + `
d = deque([1, 2, 3]); it = iter(d); print(next(it), it.__length_hint__()); d.append(4); t(lambda: next(it)); t(lambda: next(it))
print(list(reversed(deque("abc"))), type(iter(deque())), type(reversed(deque())))
t(lambda: list(_collections._deque_iterator(deque([1, 2, 3]), 1))); t(lambda: list(_collections._deque_reverse_iterator(deque([1, 2, 3]), 1)))
t(lambda: _collections._deque_iterator([1])); t(lambda: iter(deque([1, 2])).__reduce__())
class E:
    def __eq__(self, o):
        d.clear()
        return False
d = deque([E(), 1]); t(lambda: d.count(1))
d = deque([E(), 1]); t(lambda: d.remove(1))
d = deque([E(), 1]); t(lambda: 1 in d)
`,
	"defaultdict": collectionsPrelude + `
t(lambda: defaultdict(list)); t(lambda: defaultdict()); t(lambda: defaultdict(None, {1: 2}, a=3)); t(lambda: defaultdict(1))
dd = defaultdict(list); dd[1].append(2); print(dd, dd.default_factory, dd.__missing__(5), dd)
t(lambda: defaultdict()[1]); t(lambda: dd.copy()); t(lambda: type(copy.copy(dd)))
t(lambda: dd | {9: 9}); t(lambda: {9: 9} | dd); t(lambda: type({9: 9} | dd)); t(lambda: dd | 1)
x = defaultdict(int); x |= {1: 1}; x[2] += 5; print(x, type(x), isinstance(x, dict), x == {1: 1, 2: 5})
class DD(defaultdict): pass
y = DD(int); y[3] += 1; y.z = 5; print(y, y.copy(), type(y.copy()).__name__, y.__dict__)
r = defaultdict(); r.default_factory = lambda: r; r[1]; print(repr(r).count("{...}"))
t(lambda: defaultdict.__class_getitem__(int)); rd = dd.__reduce__(); print(rd[:4], list(rd[4]))
dd.default_factory = None; t(lambda: dd[7]); t(lambda: defaultdict.fromkeys([1, 2]))
t(lambda: defaultdict(default_factory=list)); print(defaultdict.__mro__, defaultdict.__module__)
match defaultdict(int, a=1):
    case {"a": v}: print("map", v)
`,
	"helpers": collectionsPrelude + `
m = {}; _collections._count_elements(m, "abca"); print(m)
t(lambda: _collections._count_elements(m, 1)); t(lambda: _collections._count_elements(1, "a")); t(lambda: _collections._count_elements(m))
class M(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 10)
mm = M(); _collections._count_elements(mm, "aab"); print(mm)
print(Counter("abracadabra").most_common(2))
tg = _collections._tuplegetter(1, "doc")
t(lambda: tg); t(lambda: tg.__doc__); t(lambda: tg.__get__((1, 2))); t(lambda: tg.__get__(None, tuple)); t(lambda: tg.__get__((1,), tuple))
t(lambda: tg.__get__([1, 2])); t(lambda: tg.__set__((1, 2), 3)); t(lambda: tg.__delete__((1, 2))); t(lambda: tg.__reduce__())
t(lambda: _collections._tuplegetter(1)); t(lambda: _collections._tuplegetter("a", 1))
P = namedtuple("P", "x y"); p = P(1, 2); print(p, p.x, P.x, P.x.__doc__, type(P.x))
def st(): p.x = 5
t(st)
print(p._replace(x=3), P._make([5, 6]), p._asdict())
`,
}

// TestCollections runs the programs with CPython's standard library on
// the path (collections is pure Python over _collections).
func TestCollections(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range collectionsPrograms {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
			if err != nil {
				t.Fatal(err)
			}
			code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib.Dir}})
			gotExc := ""
			if err := in.RunMain(code); err != nil {
				var b strings.Builder
				if perr := in.PrintException(&b, err, nil); perr != nil {
					t.Fatalf("a non-Python error: %v", err)
				}
				lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
				gotExc = lines[len(lines)-1]
			}
			if reports := in.Heap().Reports(); len(reports) > 0 {
				t.Errorf("reference-count reports: %+v", reports)
			}
			if out.String() != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", out.String(), gotExc, want, wantExc)
			}
		})
	}
}
