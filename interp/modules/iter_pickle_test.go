package modules_test

import "testing"

// Copy and pickle of the built-in iterators and of the itertools
// objects, compared with CPython 3.12: round trips through pickle (the
// pure-Python one here) at every protocol and through copy.deepcopy at
// several points of consumption, copy.copy's sharing, __setstate__'s
// clamping and its errors, the DeprecationWarning of 3.12 and the copy
// of a tuple subclass. iterPickleHelpers starts each program: rt prints
// what a round-tripped iterator and the original yield afterwards.
const iterPickleHelpers = `import pickle, copy, itertools, warnings
from itertools import islice
warnings.simplefilter("ignore", DeprecationWarning)
def items(it, n=12):
    out = []
    for x in islice(it, n):
        if isinstance(x, tuple) and len(x) == 2 and type(x[1]).__name__ == "_grouper":
            x = (x[0], list(x[1]))
        out.append(x)
    return out
def rt(name, mk, skips=(0, 1, 3)):
    for k in skips:
        res = []
        for p in range(pickle.HIGHEST_PROTOCOL + 1):
            it = mk(); items(it, k)
            c = pickle.loads(pickle.dumps(it, p))
            res.append((type(c).__name__, items(c), items(it)))
        it = mk(); items(it, k)
        d = copy.deepcopy(it)
        print(name, k, res[0], all(r == res[0] for r in res), items(d) == res[0][1])
`

var iterPicklePrograms = map[string]string{
	"builtin iterators": iterPickleHelpers + `class S:
    def __getitem__(self, i):
        if i > 4: raise IndexError
        return i * i
class R:
    def __len__(self): return 4
    def __getitem__(self, i): return "abcd"[i]
d = {1: "a", 2: "b", 3: "c", 4: "d"}
l = [5, 6, 7, 8, 9]
for name, mk in [("list", lambda: iter(l)), ("tuple", lambda: iter(tuple(l))), ("range", lambda: iter(range(3, 20, 4))),
                 ("longrange", lambda: iter(range(2**65, 2**65 + 9, 2))), ("revrange", lambda: reversed(range(7))),
                 ("str", lambda: iter("hello")), ("ustr", lambda: iter("h\u00e9ll\u20ac")), ("bytes", lambda: iter(b"bytes")),
                 ("bytearray", lambda: iter(bytearray(b"array"))), ("keys", lambda: iter(d)), ("values", lambda: iter(d.values())),
                 ("items", lambda: iter(d.items())), ("rkeys", lambda: reversed(d)), ("rvalues", lambda: reversed(d.values())),
                 ("ritems", lambda: reversed(d.items())), ("set", lambda: iter({1, 2, 3, 4})), ("frozenset", lambda: iter(frozenset({5, 6, 7}))),
                 ("revlist", lambda: reversed(l)), ("reversed", lambda: reversed("abcde")), ("revseq", lambda: reversed(R())),
                 ("seqiter", lambda: iter(S())), ("enumerate", lambda: enumerate("abcde", 3)), ("bigenumerate", lambda: enumerate("abc", 2**64)),
                 ("map", lambda: map(pow, l, [2] * 5)), ("filter", lambda: filter(None, [0, 1, 0, 2, 3, 0])),
                 ("zip", lambda: zip("abcd", l)), ("zipstrict", lambda: zip("abcde", l, strict=True)),
                 ("callable", lambda: iter(list(l).pop, 6))]:
    rt(name, mk)
it = zip("ab", "abc", strict=True); next(it); c = pickle.loads(pickle.dumps(it))
try: list(c)
except ValueError as e: print(e)
it = iter(l); c = copy.copy(it); next(c); print(list(c), list(it))
it = map(str, iter(l)); next(it); c = copy.copy(it); print(next(c), next(it))
`,
	"itertools round trips": iterPickleHelpers + `from itertools import *
import operator
l = [3, 1, 4, 1, 5, 9, 2, 6]
def lt4(x): return x < 4
def lt5(x): return x < 5
def second(a, b): return b
def odd(x): return x % 2
for name, mk in [("count", lambda: count()), ("count2", lambda: count(2**63 + 2)), ("countstep", lambda: count(1.5, 0.5)),
                 ("countbig", lambda: count(2**70, -3)), ("cycle", lambda: cycle("abc")), ("cycle0", lambda: cycle("")),
                 ("repeat", lambda: repeat("x")), ("repeat3", lambda: repeat("x", 3)),
                 ("accumulate", lambda: accumulate(l)), ("accmul", lambda: accumulate(l, operator.mul)),
                 ("accinit", lambda: accumulate(l, initial=100)), ("accnone", lambda: accumulate([None, 1, 2], second)),
                 ("chain", lambda: chain("ab", [], "cde")), ("chainfrom", lambda: chain.from_iterable(["ab", "cd"])),
                 ("compress", lambda: compress("abcdef", [1, 0, 1, 1, 0, 1])), ("dropwhile", lambda: dropwhile(lt4, l)),
                 ("takewhile", lambda: takewhile(lt5, l)), ("filterfalse", lambda: filterfalse(None, [0, 1, 0, 2])),
                 ("starmap", lambda: starmap(pow, [(2, 3), (3, 2), (4, 0)])), ("islice", lambda: islice(l, 1, 7, 2)),
                 ("islice2", lambda: islice(count(), 3, None)), ("islicestop", lambda: islice("abcdef", 4)),
                 ("groupby", lambda: groupby("aabbbcdd")), ("groupbykey", lambda: groupby(l, odd)),
                 ("product", lambda: product("ab", range(3))), ("productrep", lambda: product("ab", repeat=3)),
                 ("product0", lambda: product()), ("productempty", lambda: product("ab", "")),
                 ("permutations", lambda: permutations("abcd", 2)), ("permutations0", lambda: permutations("abc")),
                 ("combinations", lambda: combinations("abcde", 3)), ("combinations0", lambda: combinations("abc", 0)),
                 ("cwr", lambda: combinations_with_replacement("abc", 2)), ("zip_longest", lambda: zip_longest("abcd", "xy", fillvalue="-")),
                 ("tee", lambda: tee(l)[1]), ("teebig", lambda: tee(range(200))[0])]:
    rt(name, mk, (0, 1, 3, 30))
a, b = tee(range(100)); list(islice(a, 60))
for p in range(6):
    a2, b2 = pickle.loads(pickle.dumps((a, b), p))
    print(p, next(a2), next(b2), list(islice(b2, 58))[-1], next(b2), next(a2))
for f in (pairwise("abc"), batched("abcd", 2)):
    try: pickle.dumps(f)
    except TypeError as e: print(e)
    try: copy.copy(f)
    except TypeError as e: print(e)
g = groupby("aabbc"); k, gr = next(g); next(gr)
g2 = pickle.loads(pickle.dumps(g)); print(items(g2))
g = groupby("aabbc"); k, gr = next(g)
gr2 = pickle.loads(pickle.dumps(gr)); print(type(gr2).__name__, list(gr2))
k, gr3 = next(g); print(type(pickle.loads(pickle.dumps(gr))).__name__, list(pickle.loads(pickle.dumps(gr))))
c = cycle("ab"); next(c); c2 = copy.copy(c); print(items(c2, 5), items(c, 5))
c = cycle("ab"); next(c); c2 = copy.deepcopy(c); print(items(c2, 5), items(c, 5))
a = accumulate([1, 2, 3]); a2 = copy.copy(a); next(a2); print(list(a), list(a2))
t = tee("abc")[0]; t2 = copy.copy(t); next(t); print(list(t), list(t2))
`,
	"itertools setstate and warnings": iterPickleHelpers + `import itertools, warnings, copy, pickle
from itertools import *
T = type(tee("a")[0])
warnings.simplefilter("ignore")
D = type(tee("a")[0].__reduce__()[2][0])
checks = [
    lambda: cycle("ab").__setstate__(5), lambda: cycle("ab").__setstate__(("x", 1)), lambda: cycle("ab").__setstate__((["x"], "y")),
    lambda: cycle("ab").__setstate__((["x"], 2**40)), lambda: cycle("ab").__setstate__((["x"], -2**40)), lambda: cycle("ab").__setstate__((["x"], 2**70)),
    lambda: cycle("ab").__setstate__((["x"], 1, 2)), lambda: cycle("ab").__setstate__((["x"],)), lambda: cycle("ab").__setstate__(),
    lambda: chain("a").__setstate__(("xy",)), lambda: chain("a").__setstate__((iter("x"), "q")), lambda: chain("a").__setstate__([iter("x")]),
    lambda: chain("a").__setstate__(()), lambda: chain("a").__setstate__((1, 2, 3)),
    lambda: islice("abc", 1).__setstate__("x"), lambda: islice("abc", 1).__setstate__(2**70), lambda: islice("abc", 1).__setstate__(1.5),
    lambda: groupby("ab").__setstate__(["a", "b", "c"]), lambda: groupby("ab").__setstate__(("a", "b")),
    lambda: combinations("abcd", 2).__setstate__([1, 3]), lambda: combinations("abcd", 2).__setstate__((1,)),
    lambda: combinations("abcd", 2).__setstate__((1, "x")), lambda: combinations("abcd", 2).__setstate__((1, 2**70)),
    lambda: combinations_with_replacement("abc", 2).__setstate__((5,)),
    lambda: permutations("abc", 2).__setstate__(((2, 1, 0), (1,))), lambda: permutations("abc", 2).__setstate__(((2, 1), (1, 1))),
    lambda: permutations("abc", 2).__setstate__([(2, 1, 0), (1, 1)]), lambda: permutations("abc", 2).__setstate__(((2, 1, 0),)),
    lambda: permutations("abc", 2).__setstate__(([2, 1, 0], (1, 1))), lambda: permutations("abc", 2).__setstate__(((2, 1, 0), [1, 1])),
    lambda: permutations("abc", 2).__setstate__(((2, 1, "x"), (1, 1))),
    lambda: product("ab", "cd").__setstate__((1,)), lambda: product("ab", "cd").__setstate__([1, 0]), lambda: product("ab", "cd").__setstate__((1, "x")),
    lambda: T("abc").__setstate__(5), lambda: T("abc").__setstate__((1,)), lambda: T("abc").__setstate__((1, 2)),
    lambda: T("abc").__setstate__((D(iter(""), [], None), 58)), lambda: T("abc").__setstate__((D(iter(""), [], None), -1)),
    lambda: T("abc").__setstate__((D(iter(""), [], None), "x")), lambda: T(), lambda: T(1), lambda: T([1], 2),
    lambda: D(iter("abc"), ["x"]), lambda: D(iter("abc"), "x", None), lambda: D(iter("abc"), ["x"] * 58, None),
    lambda: D(iter("abc"), ["x"] * 57, 5), lambda: D(iter("abc"), ["x"] * 5, D(iter("abc"), [], None)),
    lambda: D(it=1, values=[], next=None), lambda: count().__reduce__(1), lambda: accumulate("a").__setstate__(),
    lambda: dropwhile(bool, []).__setstate__(1, 2),
]
for f in checks:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(len(D(iter("abc"), ["x"] * 57, D(iter("abc"), [], None)).__reduce__()[1][1]))
t = T(()); t.__setstate__((D(iter("abc"), ["x"], None), 0)); print(list(t))
print(list(T([1, 2])), list(T(iter([1, 2]))))
c = combinations("abcd", 2); c.__setstate__((1, 3)); print(list(c))
c = combinations("abcd", 2); c.__setstate__((5, 9)); print(list(c))
c = combinations("abcd", 2); c.__setstate__((-5, -9)); print(list(c))
c = combinations("abcd", 2); list(c); c.__setstate__((0, 1)); print(list(c))
w = combinations_with_replacement("abc", 2); w.__setstate__((5, -3)); print(list(w))
p = permutations("abc", 2); p.__setstate__(((9, -1, 0), (9, -1))); print(list(p))
p = permutations("abc", 2); list(p); p.__setstate__(((0, 1, 2), (1, 1))); print(list(p))
pr = product("ab", "cd"); pr.__setstate__((9, -9)); print(list(pr))
pr = product("ab", ""); pr.__setstate__((1, 0)); print(pr.__reduce__(), list(pr))
pr = product("ab", ""); list(pr); print(pr.__reduce__())
c = combinations("ab", 3); list(c); print(c.__reduce__())
i = islice("abcdef", 1, 4); i.__setstate__(-1); print(list(i))
c = cycle("ab"); c.__setstate__((["x", "y"], True)); print(list(islice(c, 6)))
c = cycle("ab"); c.__setstate__((["x", "y"], 0)); print(list(islice(c, 6)))
ch = chain("ab"); ch.__setstate__((iter(["xy", "z"]), iter("q"))); print(list(ch))
a = accumulate([1, 2, 3], initial=5); a.__setstate__(7); print(list(a))
a = accumulate([1, 2, 3]); a.__setstate__(7); print(list(a))
a = accumulate([1, 2, 3]); a.__setstate__(None)
try: list(a)
except TypeError as e: print(e)
d = dropwhile(bool, [1, 0, 2]); d.__setstate__([1]); print(list(d))
t = takewhile(bool, [1, 0, 2]); t.__setstate__(()); print(list(t))
z = zip_longest("ab", "c"); z.__setstate__(5); print(list(z))
g = groupby("aabbc"); g.__setstate__(("a", "b", "c")); print(items(g))
warnings.simplefilter("error")
for f in [lambda: cycle("a").__setstate__(5), lambda: count().__reduce__(), lambda: copy.copy(count()),
          lambda: copy.deepcopy(repeat(1)), lambda: pickle.dumps(chain()), lambda: next(groupby("a"))[1].__reduce__(),
          lambda: tee("a")[0].__reduce__(), lambda: copy.copy(tee("a")[0]), lambda: T(()), lambda: D(iter(""), [], None).__reduce__(),
          lambda: iter([]).__reduce__(), lambda: enumerate("").__reduce__()]:
    try: print(type(f()).__name__)
    except Exception as e: print(type(e).__name__, e)
warnings.resetwarnings()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    pickle.loads(pickle.dumps(product("ab", "cd"))); copy.copy(count()); copy.deepcopy(cycle("a"))
    accumulate("a").__setstate__(1); copy.copy(tee("a")[0])
print([(x.category.__name__, str(x.message)) for x in w][:1], len(w))
import weakref
a, b = tee("abc"); r = weakref.ref(a); print(r() is a); del a; print(r())
`,
	"tuple subclass copy": `import copy, pickle
class C(tuple): pass
class D(tuple):
    def __new__(cls, items, tag="t"):
        self = super().__new__(cls, items); self.tag = tag; return self
c = C([1, [2, 3]]); c.x = 5
for o in (copy.copy(c), copy.deepcopy(c)) + tuple(pickle.loads(pickle.dumps(c, p)) for p in range(6)):
    print(type(o).__name__, o, o.x, o[1] is c[1])
print(c.__reduce_ex__(2)[1:], c.__reduce_ex__(4)[1:])
d = D([1, 2], "q"); print(copy.copy(d).tag, copy.deepcopy(d), pickle.loads(pickle.dumps(d, 2)).tag)
print(C().__getnewargs__(), copy.copy(C()))
`,
}

func TestIterPickle(t *testing.T) { checkStdlibPrograms(t, iterPicklePrograms) }
