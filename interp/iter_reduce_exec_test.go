package interp

import "testing"

// Programs taking the built-in iterators apart as copy and pickle do
// (__reduce__, then the callable over the arguments and __setstate__
// with the state), with their __length_hint__ and bad __setstate__
// arguments, compared with CPython 3.12. The round trips through pickle
// itself are in interp/modules (iter_pickle_test.go), where pickle's
// imports are registered.
var iterReducePrograms = map[string]string{
	"list and tuple iterators": `for seq in ([1, 2, 3], (1, 2, 3), [], ()):
    it = iter(seq)
    print(it.__reduce__(), it.__length_hint__())
    next(it, None)
    r = it.__reduce__(); c = r[0](*r[1])
    if len(r) > 2: c.__setstate__(r[2])
    print(r, list(c), it.__length_hint__(), list(it), it.__reduce__(), it.__length_hint__())
it = iter([1, 2, 3]); it.__setstate__(-5); print(list(it))
it = iter([1, 2, 3]); it.__setstate__(2); print(list(it))
it = iter((1, 2, 3)); it.__setstate__(50); print(it.__reduce__(), list(it))
it = iter([1, 2, 3]); it.__setstate__(True); print(list(it))
l = [1, 2, 3]; it = iter(l); it.__setstate__(2); l.clear(); print(it.__length_hint__(), it.__reduce__())
for bad in ["x", 1.0, None, 2**70, -2**70]:
    try: iter([1]).__setstate__(bad)
    except Exception as e: print(type(e).__name__, e)
for args in [(), (1, 2)]:
    try: iter([1]).__setstate__(*args)
    except TypeError as e: print(e)
try: iter([1]).__reduce__(1)
except TypeError as e: print(e)
`,
	"range iterators": `for t in [(5,), (1, 10, 2), (10, 0, -3), (0,), (2**65, 2**65 + 10, 3), (-2**65, 0, 2**63),
          (1, 2, 2**63 - 1), (-1, -2, -2**63), (2**63 - 2, 2**63 - 1, 2), (-2**63 + 1, -2**63, -2),
          (1, 2**63 - 1, 2**63 - 1), (-2**63, 0, 5), (2**63 - 1, 0, -5), (0, 10, -2**63)]:
    for it in (iter(range(*t)), reversed(range(*t))):
        n = it.__length_hint__()
        r = it.__reduce__(); c = r[0](*r[1])
        print(type(it).__name__, n, r, type(c).__name__, [x for x, _ in zip(c, range(3))])
        if next(it, None) is not None:
            r = it.__reduce__(); c = r[0](*r[1])
            print(r, [x for x, _ in zip(c, range(3))] == [x for x, _ in zip(it, range(3))])
it = iter(range(5)); it.__setstate__(3); print(list(it))
it = iter(range(1, 10, 2)); next(it); it.__setstate__(2); print(it.__reduce__(), list(it))
it = iter(range(5)); it.__setstate__(-3); print(list(it))
it = iter(range(5)); it.__setstate__(30); print(list(it), it.__reduce__())
it = iter(range(2**65, 2**65 + 10)); it.__setstate__(3); print(list(it))
it = iter(range(2**65, 2**65 + 10)); it.__setstate__(-3); print(it.__length_hint__())
it = iter(range(2**65, 2**65 + 10)); it.__setstate__(300); print(list(it), it.__reduce__())
it = iter(range(2**65, 2**65 + 10)); it.__setstate__(True); print(it.__reduce__())
it = iter(range(2**65, 2**65 + 10)); it.__setstate__(2**70); print(list(it))
it = iter(range(2**32 + 2)); it.__setstate__(2**32 + 1); print(list(it))
for r in (range(5), range(2**65, 2**65 + 10)):
    for bad in ["a", None, 2**70] + [1.5] * (r.start == 0):
        try: iter(r).__setstate__(bad); print("ok")
        except Exception as e: print(type(e).__name__, e)
    try: type(iter(r))(1, 3, 1)
    except TypeError as e: print(e)
    try: iter(r).__setstate__()
    except TypeError as e: print(e)
`,
	"str and bytes iterators": `for s in ("abc", "a\u00e9\u20acx", "", b"abc", bytearray(b"abc"), b""):
    it = iter(s)
    print(type(it).__name__, it.__reduce__(), it.__length_hint__())
    next(it, None)
    r = it.__reduce__(); c = r[0](*r[1])
    if len(r) > 2: c.__setstate__(r[2])
    print(r, list(c), list(it), it.__reduce__())
    for n in (2, -5, 50):
        it = iter(s); it.__setstate__(n); print(n, it.__reduce__(), it.__length_hint__(), list(it))
for s in ("a", "\u00e9", b"a", bytearray(b"a")):
    for bad in ["x", 1.0, 2**70]:
        try: iter(s).__setstate__(bad)
        except Exception as e: print(type(e).__name__, e)
ba = bytearray(b"abc"); it = iter(ba); it.__setstate__(2); ba.clear(); print(it.__length_hint__(), it.__reduce__())
for s in ("a", "\u00e9", b"a", bytearray(b"a")):
    try: type(iter(s))()
    except TypeError as e: print(e)
`,
	"dict and set iterators": `d = {1: "a", 2: "b", 3: "c"}
for it in (iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()), reversed(d.items())):
    print(type(it).__name__, it.__length_hint__(), it.__reduce__())
    next(it)
    r = it.__reduce__(); c = r[0](*r[1])
    print(it.__length_hint__(), r, list(c), list(it), it.__reduce__(), it.__length_hint__())
    try: type(it)()
    except TypeError as e: print(e)
d = {1: 2, 3: 4}; it = iter(d); d[5] = 6
print(it.__length_hint__())
try: it.__reduce__()
except RuntimeError as e: print(e)
d = {1: 2, 3: 4}; it = iter(d); next(it); d[5] = 6; del d[5]; print(it.__reduce__(), list(it))
s = {1, 2, 3}; it = iter(s); next(it)
r = it.__reduce__(); print(len(r[1][0]), sorted(r[1][0] + list(it)))
s = frozenset(); it = iter(s); print(it.__reduce__())
s = {1, 2}; it = iter(s); s.add(3)
try: it.__reduce__()
except RuntimeError as e: print(e)
s = {1, 2}; it = iter(s); list(it); print(it.__reduce__())
m = d.keys().mapping; d[7] = 8; print(m, type(d.items().mapping).__name__, d.values().mapping == d)
`,
	"reversed and the sequence iterator": `class R:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
class S:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
it = reversed(R()); print(it.__reduce__()[2:], it.__length_hint__()); next(it); print(it.__reduce__()[2:], it.__length_hint__())
print(list(it), it.__reduce__(), it.__length_hint__())
for n in (1, 10, -10, -1):
    it = reversed(R()); it.__setstate__(n); print(n, it.__length_hint__(), list(it))
for seq in ("abc", [1, 2, 3], (1, 2), []):
    it = reversed(seq)
    print(type(it).__name__, it.__reduce__(), it.__length_hint__())
    next(it, None)
    r = it.__reduce__(); c = r[0](*r[1])
    if len(r) > 2: c.__setstate__(r[2])
    print(r, list(c), list(it), it.__reduce__(), it.__length_hint__())
it = reversed([1, 2, 3]); it.__setstate__(0); print(list(it))
it = reversed([1, 2, 3]); it.__setstate__(10); print(list(it))
it = reversed([1, 2, 3]); it.__setstate__(-10); print(list(it), it.__reduce__())
l = [1, 2, 3]; it = reversed(l); it.__setstate__(1); l.clear(); print(it.__length_hint__(), it.__reduce__())
for it in (reversed([1]), reversed("a"), iter(S())):
    for bad in ["x", 1.0, 2**70]:
        try: it.__setstate__(bad)
        except Exception as e: print(type(e).__name__, e)
it = iter(S()); print(it.__reduce__()[2:], it.__length_hint__()); next(it); print(it.__reduce__()[2])
it.__setstate__(-2); print(list(it), it.__reduce__())
it = iter(S()); it.__setstate__(2); print(list(it))
it = iter(R()); it.__setstate__(1); print(it.__length_hint__(), list(it))
it = iter(R()); it.__setstate__(7); print(it.__length_hint__(), list(it))
class W:
    called = False
    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError
    def __getitem__(self, i): return i
r = reversed(W())
try: r.__length_hint__()
except ZeroDivisionError: print("ZeroDivisionError")
try: r.__setstate__(1)
except ZeroDivisionError: print("ZeroDivisionError")
`,
	"lazy builtins": `it = enumerate("abc", 5); next(it)
r = it.__reduce__(); print(r[0], [type(x).__name__ for x in r[1]], r[1][1])
c = r[0](*r[1]); print(list(c), list(it))
it = enumerate("abc", 2**70); next(it); r = it.__reduce__(); print(r[1][1], list(r[0](*r[1])))
it = enumerate("abc", -3); print(it.__reduce__()[1][1])
it = map(pow, [1, 2, 3], [2, 2, 2]); next(it)
r = it.__reduce__(); print(r[0], len(r), [type(x).__name__ for x in r[1]], list(r[0](*r[1])), list(it))
it = filter(None, [1, 0, 2, 0, 3]); next(it)
r = it.__reduce__(); print(r[0], r[1][0], list(r[0](*r[1])), list(it))
for it in (zip("ab", "cd"), zip("ab", "cd", strict=True), zip(), zip("a", strict=False)):
    r = it.__reduce__(); print(r[0], len(r[1]), r[2:], list(r[0](*r[1])))
it = zip("ab", "c"); it.__setstate__(True); r = it.__reduce__(); print(r[2:])
c = r[0](*r[1]); c.__setstate__(r[2])
try: list(c)
except ValueError as e: print(e)
it = zip("a"); it.__setstate__(0); print(it.__reduce__()[2:])
it = zip("a"); it.__setstate__("x"); print(it.__reduce__()[2:])
try: zip().__setstate__()
except TypeError as e: print(e)
l = [1, 2, 3]; it = iter(l.pop, 1)
r = it.__reduce__(); print(r[0], r[1][1], list(it), it.__reduce__())
try: type(it)()
except TypeError as e: print(e)
`,
	"tuple subclass": `class C(tuple): pass
c = C([1, 2])
print(c.__getnewargs__(), type(c.__getnewargs__()[0]), (1, 2).__getnewargs__())
try: (1,).__getnewargs__(1)
except TypeError as e: print(e)
`,
	// CPython looks builtins.iter up before it reads the iterator
	// (issue 101765): the lookup may exhaust it.
	"builtins looked up first": `import builtins
orig = {"iter": iter, "reversed": reversed}
class EmptyIter:
    def __len__(self): return 0
    def __getitem__(self, i): raise StopIteration
def run(name, item, sentinel=None):
    it = iter(item) if sentinel is None else iter(item, sentinel)
    class Key:
        def __hash__(self): return hash(name)
        def __eq__(self, other):
            list(it)
            return other == name
    del builtins.__dict__[name]
    builtins.__dict__[Key()] = orig[name]
    return it.__reduce__()
try:
    print(run("iter", "xyz"), run("iter", "\u00e9"), run("iter", [1, 2, 3]), run("reversed", reversed(list(range(8)))))
    for case in [(EmptyIter(),), (bytes(8),), (bytearray(8),), ((1, 2, 3),), (lambda: 0, 0), ({1: 2},), ({3},)]:
        print(run("iter", *case))
finally:
    for key, func in orig.items():
        del builtins.__dict__[key]
        builtins.__dict__[key] = func
`,
}

func TestIterReduce(t *testing.T) { checkPrograms(t, iterReducePrograms) }
