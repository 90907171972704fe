from fractions import Fraction
from decimal import Decimal
import math

pi = Fraction(math.pi)
print(pi)
for d in [1, 10, 100, 1000, 100000]:
    print(d, pi.limit_denominator(d))
print(Fraction.from_float(0.1), Fraction.from_decimal(Decimal("0.1")), Fraction(Decimal("1.25")))
print(Fraction(0.1).limit_denominator(), Fraction("0.333").limit_denominator(10))
print((0.75).as_integer_ratio(), Fraction(*(1.1).as_integer_ratio()) == Fraction(1.1))


def continued_fraction(x, n):
    terms = []
    for _ in range(n):
        i = math.floor(x)
        terms.append(i)
        if x == i:
            break
        x = 1 / (x - i)
    return terms


def convergents(terms):
    num, den = (1, terms[0]), (0, 1)
    result = [Fraction(terms[0])]
    for t in terms[1:]:
        num = (num[1], t * num[1] + num[0])
        den = (den[1], t * den[1] + den[0])
        result.append(Fraction(num[1], den[1]))
    return result


terms = continued_fraction(Fraction(415, 93), 10)
print(terms, convergents(terms))
sqrt2 = continued_fraction(Fraction(math.sqrt(2)), 8)
print(sqrt2, [str(c) for c in convergents(sqrt2)])
e_terms = continued_fraction(Fraction(math.e), 9)
print(e_terms, convergents(e_terms)[-1], float(convergents(e_terms)[-1]))
