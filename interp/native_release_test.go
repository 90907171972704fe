package interp

import "testing"

// nativeReleasePrograms check, against CPython 3.12, how a specialized
// native call (CALL_NO_KW_BUILTIN_FAST, _METHOD_DESCRIPTOR_FAST, _LEN,
// _TYPE_1, CALL_BUILTIN_CLASS, _BOUND_NATIVE) releases its stack slots:
// an argument whose last reference was the stack's is freed there, in
// argument order and before the result is used, also when the call
// raised; and dict lookups that find an identical key without a
// comparison, or fall back to one (equal but distinct keys, a key
// whose __eq__ changes the dict); and dicts that grow with and without
// deleted entries (a bulk copy or a compacting one).
var nativeReleasePrograms = map[string]string{
	"native_call_frees_args": `from _weakref import ref
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
    def __len__(self):
        return self.n
for i in range(4):
    print(len(D(i + 1)))
    print(isinstance(D(10 + i), D))
    print(type(D(20 + i)).__name__)
    print(getattr(D(30 + i), "n", D(40 + i)))
    print("abc".count("b", D(50 + i).n - 50 - i))
    print(str(D(60 + i).n))
class E:
    def __init__(self, n, other=None):
        self.n = n
        self.other = ref(other) if other is not None else None
    def __del__(self):
        o = self.other() if self.other is not None else None
        print("del", self.n, "sees", o.n if o is not None else None)
for i in range(3):
    b = E(2)
    print(getattr(E(1, b), "n", b))
    del b
`,
	"native_call_error_frees_args": `class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
for i in range(4):
    try:
        len(D(i))
    except TypeError as e:
        print("caught", e)
    try:
        "abc".count(D(10 + i))
    except TypeError as e:
        print("caught", e)
    g = {}.get
    try:
        g(D(20 + i), D(30 + i), D(40 + i))
    except TypeError as e:
        print("caught", e)
    print(g(D(50 + i)))
    try:
        int(D(60 + i))
    except TypeError as e:
        print("caught", type(e).__name__)
`,
	"bound_native_release": `class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
for i in range(4):
    d = {i: "x"}
    g = d.get
    print(g(i), g(D(i)), g(D(10 + i), "dflt"))
    a = [].append
    a(D(20 + i))
    del a
    print(d.get(D(30 + i)))
    del g, d
`,
	"dict_get_keys": `class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, K) and o.v == self.v or o == self.v
class S(str):
    pass
class Mut:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 7
    def __eq__(self, o):
        if self.d:
            self.d.clear()
            self.d[7] = "after"
            self.d = None
        return o == 7
for i in range(4):
    k = "".join(["a", "b"])
    d = {k: 1, 1: "one", 2.5: "f", (1, 2): "t", S("s"): "sub", K(3): "k3", -1: "m1", 2**61 - 1: "big", 2**70: "huge"}
    print(d.get("ab"), d.get(True), d.get(1.0), d.get(2.5), d.get((1, 2)))
    print(d.get("s"), d.get(S("ab")), d.get(K(3)), d.get(3), d.get(K(4), "none"))
    print(d.get(-1), d.get(2**61 - 1), d.get(2**70), d.get(2**61), d.get(-2, "no"))
    print(d[k], d[1], d[(1, 2)], d[-1], d[2**70])
    m = {7: "before"}
    print(m.get(Mut(m)), m)
    try:
        d.get()
    except TypeError as e:
        print(e)
    try:
        d.get(1, 2, 3)
    except TypeError as e:
        print(e)
    try:
        d.get(key=1)
    except TypeError as e:
        print(e)
    try:
        d.get([])
    except TypeError as e:
        print(e)
`,
	"dict_growth": `for n in (5, 6, 11, 12, 40, 100):
    d = {}
    for i in range(n):
        d["k%d" % i] = i
    print(n, list(d.items())[:3], list(d)[-2:], len(d))
    for i in range(0, n, 3):
        del d["k%d" % i]
    for i in range(n, 2 * n):
        d[i] = -i
    print(len(d), list(d.items())[:3], list(d)[-2:], d.get("k1"), d.get("k0"), d.get(2 * n - 1))
    e = dict.fromkeys(range(n))
    e.update((i, i * i) for i in range(n, n + 20))
    print(len(e), sum(k for k in e), e[n + 19])
`,
}

func TestNativeReleasePaths(t *testing.T) { checkProgramsAtThresholds(t, nativeReleasePrograms) }
