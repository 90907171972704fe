package interp

import "testing"

// Classes derived from bytes, enumerate and float, compared with CPython.
func TestSubclassBytesEnumerateFloat(t *testing.T) {
	checkPrograms(t, map[string]string{
		"bytes": `
class B(bytes): pass
b = B(b'ab'); b.x = 1
print(b, type(b), b + b'c', type(b + b'c'), b[0], B.fromhex('41'), type(B.fromhex('41')))
print(repr(b), isinstance(b, bytes), hash(b) == hash(b'ab'), b == b'ab', b.x, b.__dict__)
print(B('\xe9', 'utf-8'), B([1, 2]), B(3), B(), B(iter([65])), bytes.__new__(B, b'q'), type(bytes.__new__(B, b'q')))
print(b.upper(), type(b.upper()), type(b[:]), type(bytes(b)), type(b.__bytes__()), b.__getnewargs__())
print(b.fromhex('43'), type(b.fromhex('43')), bytes.fromhex('44'), bytearray.fromhex('45'))
class C:
    def __bytes__(self): return b'zz'
print(B(C()), type(B(C())))
class N(bytes):
    def __new__(cls, v): return super().__new__(cls, v * 2)
print(N(b'k'), type(N(b'k')))
for a in [('x',), (1, 2, 3), ('x', 'nope')]:
    try: B(*a)
    except (TypeError, LookupError) as e: print(type(e).__name__, e)
try: bytes.__new__(int)
except TypeError as e: print(e)
try: B.fromhex('4')
except ValueError as e: print(e)
`,
		"enumerate": `
class E(enumerate): pass
e = E('ab', 1); e.x = 3
print(list(E('ab', 1)), type(e), e.x, next(e), list(e), list(E(iterable='xy', start=5)))
class E2(enumerate):
    def __init__(self, it, start=0): self.s = start
    def __next__(self):
        i, v = super().__next__(); return (i * 10, v)
print(list(E2('abc', 2)), E2('a', 3).s, isinstance(E2('a'), enumerate))
class E3(enumerate):
    def __new__(cls, it): return super().__new__(cls, it, 100)
print(list(E3('pq')), list(E('a', 2**70)))
for a, k in [((), {}), (('ab', 1, 2), {}), (('ab', 'x'), {}), ((), {'iterable': 'a', 'foo': 1}), ((), {'x': 'a'})]:
    try: E(*a, **k)
    except TypeError as e: print(e)
for a in [(), ('a',)]:
    try: enumerate.__new__(*a)
    except TypeError as e: print(e)
try: enumerate.__new__(int, 'a')
except TypeError as e: print(e)
l = []; e = E(l); l.append(e); e.d = l; del l, e
import gc; gc.collect()
`,
	})
}
