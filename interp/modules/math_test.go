package modules_test

import "testing"

var mathPrograms = map[string]string{
	"constants and elementary": `import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(10), math.log10(1000), math.log2(8), math.log(8, 2), math.log(100, 10))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.erf(0.5), math.erfc(0.5), math.gamma(0.5), math.lgamma(0.5), math.gamma(5), math.gamma(-1.5), math.lgamma(-1.5))
print(math.gamma(171.5), math.gamma(1e-300), math.lgamma(1e10), math.gamma(-200.5), math.lgamma(-2.5))
print(math.cbrt(27), math.cbrt(-27.0), math.exp2(10), math.exp2(0.5), math.expm1(1e-10), math.log1p(1e-10))
print(math.exp(-745.2), math.exp(709), math.exp(-1), math.log(1e-300), math.log10(2), math.log2(3))
print(math.sin(1e22), math.cos(1e300), math.tan(math.pi / 2), math.atan2(-0.0, -1), math.atan2(1e-300, 1e300))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(10, -300), math.pow(1.0000001, 1e8))
print(math.pow(float('nan'), 0), math.pow(1, float('nan')), math.pow(float('-inf'), 3), math.pow(0.5, float('inf')))
print(math.log(2**2000), math.log10(10**500), math.log2(2**3000 + 1), math.log(10**400, 10))
print(math.degrees(1), math.radians(180), math.hypot(3, 4), math.hypot(1e308, 1e308), math.hypot(), math.hypot(-3))
print(math.dist([1, 2], (4, 6)), math.dist((0.1, 0.2, 0.3), (1, 2, 3)), math.hypot(1e-320, 1e-320))
`,
	"rounding and parts": `import math
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5), math.floor(-2.5), math.ceil(1e300) > 0, math.floor(True), math.trunc(2**70))
print(math.copysign(1, -0.0), math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(1, float('inf')))
print(math.remainder(5, 2), math.remainder(-5, 2), math.remainder(7, 2), math.remainder(1e300, 3), math.remainder(3, float('inf')))
print(math.modf(-3.5), math.modf(-0.5), math.modf(float('-inf')), math.frexp(8.0), math.frexp(0.0), math.frexp(-1e-310))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(3, -1076), math.ldexp(1.5, True), math.ldexp(1.0, -2**70))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(float('inf'), float('inf')))
print(math.isfinite(1), math.isinf(float('-inf')), math.isnan(float('nan')), math.isnan(2**1000))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 2.0, steps=3))
print(math.nextafter(-0.0, 1.0, steps=2), math.nextafter(1.0, 2.0, steps=2**70), math.nextafter(5e-324, -1.0, steps=3), math.nextafter(1.0, 1.0, steps=5))
print(math.ulp(1.0), math.ulp(-0.0), math.ulp(float('inf')), math.ulp(1e308), math.ulp(2**1023 * 1.9999999999999998))
`,
	"integers": `import math
print(math.factorial(0), math.factorial(20), math.factorial(30), math.factorial(100) % 10**10)
print(math.comb(10, 3), math.comb(3, 5), math.comb(100, 50), math.comb(2**70, 2), math.comb(10, 10))
print(math.perm(5), math.perm(5, 2), math.perm(3, 5), math.perm(2**70, 2), math.perm(5, None))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**1001))
print(math.gcd(), math.gcd(-12), math.gcd(12, 18, -30), math.gcd(2**100, 2**80 * 3), math.gcd(0, 0), math.gcd(True, 4))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, -8), math.lcm(0, 5), math.lcm(2**64, 3))
print(math.prod([]), math.prod([1, 2, 3], start=2), math.prod([], start=2.5), math.prod([2, 3.5]), math.prod(range(1, 30)), math.prod(['a', 2]))
print(math.fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]))
print(math.fsum([]), math.fsum([float('inf'), 1.0]), math.fsum(x / 10 for x in range(10)), math.fsum([2**1000, -(2**1000)]))
print(math.sumprod([1, 2.5], [3, 4]), math.sumprod([1, 2**70, 3.0], [2, 3, 4]), math.sumprod([0.1] * 10, [0.1] * 10))
print(math.sumprod([], []), math.sumprod([True, 2], [True, 3.5]), math.sumprod([2**62, 2**62], [2, 2]), math.sumprod([1e308, 1e308], [10, -10]))
class Int(int):
    def __mul__(self, o): return Int(int(self) * int(o))
    __rmul__ = __mul__
    def __add__(self, o): return Int(int(self) + int(o))
    __radd__ = __add__
    def __repr__(self): return f"Int({int(self)})"
print(math.sumprod((Int(7),), (1.5,)), math.sumprod((1.5,), (Int(7),)), math.sumprod((2.0, Int(3)), (0.5, 2.5)))
`,
	"errors": `import math
for expr in ['math.sqrt(-1)', 'math.log(0)', 'math.log(-5)', 'math.log(0.0)', 'math.exp(1000)', 'math.expm1(1000)', 'math.cosh(1000)',
             'math.atanh(1)', 'math.acosh(0)', 'math.sin(math.inf)', 'math.fmod(math.inf, 1)', 'math.fmod(1, 0)', 'math.remainder(1, 0)',
             'math.remainder(math.inf, 1)', 'math.factorial(-1)', 'math.factorial(5.0)', 'math.factorial(2**70)', 'math.factorial("a")',
             'math.comb(-1, 2)', 'math.comb(5, -2)', 'math.comb(5.0, 2)', 'math.comb(2**70, 2**65)', 'math.perm(-1, 2)', 'math.perm(2**70, 2**65)',
             'math.isqrt(-1)', 'math.isqrt(4.0)', 'math.gcd(4.0)', 'math.gcd(a=1)', 'math.gcd(1, "a")', 'math.sqrt("a")', 'math.sqrt(1, 2)',
             'math.sqrt()', 'math.sqrt(x=1)', 'math.atan2(1)', 'math.atan2(1, x=2)', 'math.pow(1)', 'math.pow(0, -1)', 'math.pow(-1, 0.5)',
             'math.pow(10, 400)', 'math.pow(2**2000, 2)', 'math.gamma(0)', 'math.gamma(-1)', 'math.gamma(200)', 'math.gamma(5e-324)',
             'math.lgamma(0)', 'math.lgamma(-3)', 'math.lgamma(1e308)', 'math.log(10, 1)', 'math.log(1, 2, 3)', 'math.log()', 'math.log("x")',
             'math.log(1, base=2)', 'math.ldexp(1.0, 2.0)', 'math.ldexp(1.0, 2**70)', 'math.ldexp(1e308, 10)', 'math.trunc("a")', 'math.floor(math.inf)',
             'math.floor(math.nan)', 'math.floor("a")', 'math.isclose(1, 1, rel_tol=-1)', 'math.isclose(1, 1, 1)', 'math.isclose(1)',
             'math.nextafter(1.0, 2.0, steps=-1)', 'math.nextafter(1.0, 2.0, steps=3.0)', 'math.nextafter(1)', 'math.nextafter(1, 2, z=3)',
             'math.fsum([math.inf, -math.inf])', 'math.fsum([1e308, 1e308])', 'math.fsum(["a"])', 'math.fsum([1], 2)', 'math.prod([1, 2], 2)',
             'math.prod()', 'math.prod([1], foo=3)', 'math.sumprod([1, 2], [3])', 'math.sumprod([1])', 'math.dist([1, 2], [3])', 'math.dist(1, 2)',
             'math.hypot(x=1)', 'math.hypot("a")', 'math.exp2(1024)', 'math.sqrt(10**400)', 'math.factorial(1, 2)', 'math.perm()', 'math.perm(1, 2, 3)',
             'math.comb(1)', 'math.degrees(1, 2)', 'math.fabs("a")']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
`,
	"classes": `import math
class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 7
class R:
    def __floor__(self):
        return 'floor'
    def __ceil__(self):
        return 'ceil'
    def __trunc__(self):
        return 'trunc'
    def __float__(self):
        return 1.5
print(math.sqrt(F()), math.factorial(I()), math.floor(F()), math.floor(R()), math.ceil(R()), math.trunc(R()), math.sqrt(I()), math.gcd(I(), 21))
class Bad:
    def __float__(self):
        return 'x'
try:
    math.sqrt(Bad())
except TypeError as e:
    print(e)
print(type(math.sqrt), math.sqrt, math.__name__)
`,
}

func TestMathPrograms(t *testing.T) { checkModulePrograms(t, mathPrograms) }
