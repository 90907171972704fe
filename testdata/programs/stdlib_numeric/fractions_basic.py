from fractions import Fraction as F
import math

a, b = F(1, 3), F(3, 4)
print(a + b, a - b, a * b, a / b, a ** 2, b ** -1, -a, abs(F(-2, 5)))
print(F(6, -8), F("3/7"), F(" -1.25 "), F("1e-3"), F(5), F(0.5), F(2, 4) == F(1, 2))
print(a + 1, 1 - a, a * 2.0, a == F(2, 6), a < b, a > 0.3, F(1, 2) == 0.5)
print(a.numerator, a.denominator, (a + b).as_integer_ratio(), F(7, 2).is_integer(), F(4, 2).is_integer())
print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 3), int(F(-7, 2)))
print(float(F(1, 3)), str(F(3, 1)), repr(F(3, 1)), F(1, 3) // F(1, 10), F(1, 3) % F(1, 10), divmod(F(7, 2), 1))
print(sum(F(1, n) for n in range(1, 11)))
print(F(2, 3) ** F(1, 1), F(4, 9) ** 0.5, 2 ** F(2))
print(f"{F(1, 3):.5f} {F(22, 7):10.3e} {F(-1, 8):%}")
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), sorted([F(1, 2), 0.4, 1, F(1, 3)]))
for bad in [lambda: F(1, 0), lambda: F("1/0"), lambda: F("abc"), lambda: F(1.5, 2)]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
