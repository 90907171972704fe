package modules_test

import "testing"

// Classes derived from float (boxed floats in package interp) and bytes,
// with the modules they meet: math, pickle, copy, enum, json, datetime.
// Compared with CPython.
func TestSubclassFloat(t *testing.T) {
	checkModulePrograms(t, map[string]string{
		"float": `
import math
class F(float): pass
f = F(1.5); f.x = 2
print(f, repr(f), f + 1, type(f + 1), F('2.5'), float(f), f == 1.5, hash(f) == hash(1.5), round(f), int(f), math.floor(f), '%.2f' % f, f'{f:.3}', isinstance(f, float), F.fromhex('0x1p1'), type(F.fromhex('0x1p1')))
print(type(float(f)), -f, type(-f), +f, type(+f), abs(F(-2.0)), f * 2, 2 * f, f / 2, 3 / f, f // 1, f % 1, divmod(f, 1), f ** 2, 2 ** f, pow(f, 2), pow(f, 2, None))
print(f < 2, f > 1, 2 > f, f == F(1.5), f != 1, f == 1.5 + 0j, 1.5 + 0j == f, 1j + f, f + 1j, complex(f), str(f), format(f, 'e'), f.x, f.__dict__)
print(f.is_integer(), f.as_integer_ratio(), f.hex(), f.real, type(f.real), f.imag, f.conjugate(), type(f.conjugate()), math.ceil(f), math.trunc(f), round(f, 1), type(round(f, 1)))
print(f.__getnewargs__(), math.sqrt(F(4.0)), math.isclose(f, 1.5), sum([f, f]), max(f, 1), min([F(3.0), 2.0]), sorted([F(2.0), 1.0, F(0.5)]), bool(F(0.0)), bool(f))
print(float.__new__(F, 2), type(float.__new__(F, '3')), F(), F(True), F(10**3), F(-0.0), F('nan') != F('nan'), F('inf'))
print(1.5 .__eq__(f), f.__eq__(1.5), f.__lt__(2), f.__radd__(1), f.__rpow__(2), f.__mod__(F(1)), type(f.__add__(f)), f.__format__('.1%'))
print({1.5: 'a'}[f], {f: 1}[1.5], f in {1.5}, b'%.1f' % f, '%d %s %r' % (f, f, f), '{:>6}'.format(f))
match f:
    case float(x): print('m', x, type(x))
try: float.__new__(int)
except TypeError as e: print(e)
try: F('x')
except ValueError as e: print(e)
try: F(1, 2)
except TypeError as e: print(e)
try: [1][F(0.0)]
except TypeError as e: print(e)
`,
		"float overrides": `
import math
class G(float):
    def __new__(cls, v, extra=0): return super().__new__(cls, v + extra)
    def __init__(self, v, extra=0): self.e = extra
    def __repr__(self): return 'G(%s)' % float.__repr__(self)
g = G(1, 2); print(g, repr(g), g.e, str(g), [g], f'{g}')
class H(float):
    def __float__(self): return 9.0
    def __int__(self): return 7
    def __lt__(self, o): return True
h = H(1.5)
print(float(h), math.sqrt(h), h + 1, '%s' % h, '%f' % h, b'%f' % h, '%d' % h, int(h), round(h), math.floor(h))
print(sorted([H(1.0), H(2.0)]), complex(h))
class R(float):
    def __float__(self): return F(3.0)
class F(float): pass
print(float(R(1.0)))
`,
	})
}

// TestSubclassStdlib runs the programs that need CPython's standard
// library (pickle, copy, enum, json, datetime) on sys.path.
func TestSubclassStdlib(t *testing.T) {
	checkBinStdlibPrograms(t, map[string]string{
		"bytes pickle copy enum": `
import pickle, copy, enum
class B(bytes): pass
b = B(b'ab'); b.x = 1
for p in range(6):
    c = pickle.loads(pickle.dumps(b, p)); print(p, c, type(c), c.__dict__)
for c in [copy.copy(b), copy.deepcopy(b)]: print(c, type(c), c.__dict__)
class BE(bytes, enum.Enum):
    A = b'a'
print(BE.A, repr(BE.A), BE.A.value, BE(b'a'), BE.A + b'x')
`,
		"float pickle copy enum json": `
import pickle, copy, enum, json, datetime
class F(float): pass
f = F(1.5); f.x = 2
for p in range(6):
    c = pickle.loads(pickle.dumps(f, p)); print(p, c, type(c), c.__dict__)
for c in [copy.copy(f), copy.deepcopy(f)]: print(c, type(c), c.__dict__)
class FE(float, enum.Enum):
    A = 1.5
    B = 2.0
print(FE.A, repr(FE.A), FE.A.value, FE(1.5), FE.A + 1, FE.B * 2, isinstance(FE.A, float), float(FE.A), type(FE.A.value))
try: format(FE.B, '.1f')
except ValueError as e: print(e)
print(f'{FE.A}', str(FE.A), json.dumps([f, FE.A, {f: 1}]), datetime.timedelta(seconds=f))
`,
	}, nil)
}
