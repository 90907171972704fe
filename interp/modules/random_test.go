package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// checkStdlibModulePrograms is checkModulePrograms with CPython's
// standard library on sys.path, for programs that import the
// pure-Python modules (random, json, ...) built on ours.
func checkStdlibModulePrograms(t *testing.T, programs map[string]string) {
	t.Helper()
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, src := range programs {
		t.Run(name, func(t *testing.T) {
			want, wantExc := cpython(t, src)
			got, gotExc := runWithStdlib(t, lib.Dir, src)
			if got != want {
				t.Errorf("stdout:\n%s\nCPython 3.12:\n%s", got, want)
			}
			if gotExc != wantExc {
				t.Errorf("uncaught exception:\n%s\nCPython 3.12:\n%s", gotExc, wantExc)
			}
		})
	}
}

// sha2Stub lets random import where this interpreter has no _sha2 yet:
// a pure-Python SHA-512, installed only when the import fails (never in
// CPython), for random.seed(str)'s digest.
const sha2Stub = `import sys
try:
    import _sha2
except ImportError:
    class _Sha512Stub:
        M = (1 << 64) - 1
        @staticmethod
        def _root(n, k):
            x = 1 << ((n.bit_length() + k - 1) // k)
            while True:
                y = ((k - 1) * x + n // x ** (k - 1)) // k
                if y >= x: return x
                x = y
        def __init__(self, data=b''):
            primes = [p for p in range(2, 410) if all(p % d for d in range(2, int(p ** 0.5) + 1))][:80]
            self.K = [self._root(p << 192, 3) & self.M for p in primes]
            self.H = [self._root(p << 128, 2) & self.M for p in primes[:8]]
            self.data = bytes(data)
        def digest(self):
            M, K = self.M, self.K
            rot = lambda x, n: ((x >> n) | (x << (64 - n))) & M
            msg = self.data + b'\x80'
            msg += b'\x00' * ((112 - len(msg)) % 128) + (len(self.data) * 8).to_bytes(16, 'big')
            h = list(self.H)
            for off in range(0, len(msg), 128):
                w = [int.from_bytes(msg[off + 8 * i:off + 8 * i + 8], 'big') for i in range(16)]
                for i in range(16, 80):
                    s0 = rot(w[i-15], 1) ^ rot(w[i-15], 8) ^ (w[i-15] >> 7)
                    s1 = rot(w[i-2], 19) ^ rot(w[i-2], 61) ^ (w[i-2] >> 6)
                    w.append((w[i-16] + s0 + w[i-7] + s1) & M)
                a, b, c, d, e, f, g, hh = h
                for i in range(80):
                    t1 = (hh + (rot(e, 14) ^ rot(e, 18) ^ rot(e, 41)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) & M
                    t2 = ((rot(a, 28) ^ rot(a, 34) ^ rot(a, 39)) + ((a & b) ^ (a & c) ^ (b & c))) & M
                    a, b, c, d, e, f, g, hh = (t1 + t2) & M, a, b, c, (d + t1) & M, e, f, g
                h = [(x + y) & M for x, y in zip(h, [a, b, c, d, e, f, g, hh])]
            return b''.join(x.to_bytes(8, 'big') for x in h)
    _sha2 = type(sys)('_sha2')
    _sha2.sha512 = _Sha512Stub
    sys.modules['_sha2'] = _sha2
    del _sha2
`

var randomPrograms = map[string]string{
	"_random": tryAll + `import _random
R = _random.Random
print(R.__module__, R.__name__, sorted(set(dir(R)) - set(dir(object))))
for s in [0, 1, -1, 5, -5, 42, 2**31, 2**32 - 1, 2**32, -2**32, 2**64 + 5, 2**100 + 7, -(3**200), True, False, 1.5, -2.0, 0.0, 2**64 + 3.0, (1, 2)]:
    r = R(s)
    print(s if not isinstance(s, int) or abs(s) < 2**70 else 'big', r.random(), r.getrandbits(65), r.getrandbits(1), r.getrandbits(32), r.getrandbits(33), r.getrandbits(200), r.getstate()[-1])
r = R(7); print([r.getrandbits(k) for k in range(0, 70, 3)])
r = R(3); [r.random() for _ in range(700)]; print(r.getstate()[-1], r.getstate()[:3], r.random())
z = R.__new__(R, 1, 2, x=3); print(z.random(), z.getrandbits(40), z.getstate()[-1], z.getstate()[:3])
s = R(5).getstate(); x = R(); x.setstate(s); print(x.random(), x.getstate()[-1], len(s), type(s))
x.setstate((2**32 + 5, 2**64 - 1) + (0,) * 622 + (624,)); print(x.getstate()[:2], x.getrandbits(32))
x.setstate((True,) * 625); print(x.getstate()[0], x.getstate()[-1], x.random())
class I(int):
    def __abs__(self): return 7
print(R(I(-3)).random() == R(3).random())
class H:
    def __hash__(self): return -2
print(R(H()).random() == R(2**64 - 2).random())
class S(R): pass
print(S(3).random() == R(3).random(), S.__mro__)
class S2(R):
    def __init__(self, *a, **k): super().__init__()
print(0 <= S2(1, 2, x=3).random() < 1)
r = R(); r.seed(9); print(r.random() == R(9).random()); r.seed(); r.seed(None); print(len(r.getstate()))
tryall('R(1, 2)', 'R(x=1)', 'R().seed(1, 2)', 'R().seed(n=3)', 'R().getrandbits(-1)', 'R().getrandbits(1.5)', 'R().getrandbits("a")', 'R().getrandbits()',
       'R().getrandbits(1, 2)', 'R().getrandbits(k=2)', 'R().getrandbits(2**64)', 'R().getrandbits(-2**64)', 'R().getrandbits(2**31)', 'R().setstate(1)',
       'R().setstate((1,) * 3)', 'R().setstate((1,) * 624 + (625,))', 'R().setstate((1,) * 624 + (-1,))', 'R().setstate((-1,) * 625)', 'R().setstate((2**64,) * 625)',
       'R().setstate(("a",) * 625)', 'R().setstate([1] * 625)', 'R().random(1)', 'R().getstate(1)', 'R().setstate()', 'R().seed([])',
       'R().setstate((1.0,) * 625)', 'R().setstate((1,) * 624 + (2**70,))', 'R().setstate((1,) * 624 + (1.0,))', 'R().setstate((-1,) * 624 + (1.0,))',
       'R.seed(1)', 'R.random(1)', 'R.__new__(int)', 'R().x', 'R.getrandbits(R(), 0)')
`,
	"random module": sha2Stub + `import random
for s in [42, 0, -1, 2**32, -2**32, 2**100 + 7, -(10**50), 'hello', '', 'h\u00e9llo w\u00f6rld \U0001f600', b'bytes', b'', bytearray(b'ba'), 3.25, -0.5, True]:
    random.seed(s)
    out = [random.random(), random.randrange(100), random.randrange(-5, 10**20, 3), random.getrandbits(100), random.randint(1, 6)]
    l = list(range(20)); random.shuffle(l); out.append(l)
    out += [random.choice('abcdefg'), random.sample(range(1000), 5), random.gauss(0, 1), random.uniform(1, 2), random.choices('abc', weights=[1, 2, 3], k=5)]
    out += [random.expovariate(1.5), random.normalvariate(), random.betavariate(2, 3), random.triangular(), random.vonmisesvariate(1, 2)]
    out += [random.gammavariate(0.5, 1), random.gammavariate(3, 2), random.lognormvariate(0, 1), random.binomialvariate(20, 0.3), random.randbytes(7)]
    out += [random.getrandbits(32), random.getrandbits(33), random.getrandbits(64), random.getrandbits(1), random.randrange(2**70)]
    print(repr(s), out)
for v in (1, 2):
    random.seed('abc', version=v); print(v, random.random())
    random.seed(b'abc', version=v); print(v, random.random())
random.seed(5); st = random.getstate(); a = [random.random() for _ in range(700)]; random.setstate(st); b = [random.random() for _ in range(700)]
print(a == b, st[0], len(st[1]), st[1][-1], st[2])
r = random.Random(7); print(r.random(), random.Random(7).getstate() == r.getstate())
class MyR(random.Random):
    def random(self): return 0.5
print(MyR(1).choice([1, 2, 3]), MyR(1).randrange(10))
print(type(random.SystemRandom().random()), 0 <= random.Random().random() < 1)
r = random.Random(11); c = random.Random(); c.setstate(r.getstate()); print(r.random() == c.random(), r.__reduce__()[0] is random.Random)
try: random.seed([1])
except TypeError as e: print(e)
`,
}

func TestRandom(t *testing.T) { checkStdlibModulePrograms(t, randomPrograms) }
