import numbers
from fractions import Fraction
from decimal import Decimal

values = [True, 7, 2.5, 1 + 2j, Fraction(1, 3), Decimal("1.5"), "7"]
for v in values:
    print(f"{v!r:20}", [isinstance(v, t) for t in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(numbers.Integral, numbers.Rational), issubclass(int, numbers.Integral))


class Money(numbers.Real):
    def __init__(self, cents):
        self.cents = int(cents)

    def __repr__(self):
        return f"Money({self.cents / 100:.2f})"

    def __float__(self):
        return self.cents / 100

    def __add__(self, other):
        return Money(self.cents + Money._c(other))

    __radd__ = __add__

    @staticmethod
    def _c(o):
        return o.cents if isinstance(o, Money) else round(o * 100)

    def __neg__(self): return Money(-self.cents)
    def __pos__(self): return self
    def __abs__(self): return Money(abs(self.cents))
    def __mul__(self, o): return Money(self.cents * o)
    __rmul__ = __mul__
    def __truediv__(self, o): return Money(self.cents / o)
    def __rtruediv__(self, o): return NotImplemented
    def __floordiv__(self, o): return Money(self.cents // o)
    def __rfloordiv__(self, o): return NotImplemented
    def __mod__(self, o): return Money(self.cents % o)
    def __rmod__(self, o): return NotImplemented
    def __pow__(self, o): return NotImplemented
    def __rpow__(self, o): return NotImplemented
    def __lt__(self, o): return self.cents < Money._c(o)
    def __le__(self, o): return self.cents <= Money._c(o)
    def __eq__(self, o): return self.cents == Money._c(o)
    def __trunc__(self): return self.cents // 100
    def __floor__(self): return self.cents // 100
    def __ceil__(self): return -(-self.cents // 100)
    def __round__(self, n=None): return round(float(self), n)
    __hash__ = None


m = Money(1050)
print(m + 2.25, 1 + m, m * 3, -m, m < 11, m == 10.5, isinstance(m, numbers.Complex))
print(m.real, m.imag, m.conjugate(), complex(m), m // 3, int(m.__trunc__()))


class Register:
    pass


numbers.Integral.register(Register)
print(isinstance(Register(), numbers.Number), numbers.Number.__abstractmethods__)
try:
    numbers.Real()
except TypeError as e:
    print("TypeError:", str(e).split(" with ")[0])
