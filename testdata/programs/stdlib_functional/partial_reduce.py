import functools
import operator

def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r

square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=7)
print(square(9), cube_mod(4), square.func is power, square.args, square.keywords)
print(repr(functools.partial(max, 1, key=abs)).replace(repr(max), "max"))
p2 = functools.partial(square, mod=10)
print(p2(7), p2.func is power, p2.keywords)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.mul, range(1, 6), 10))
print(functools.reduce(lambda acc, x: acc + [acc[-1] + x], [1, 2, 3], [0]))
print(functools.reduce(lambda a, b: a if len(a) >= len(b) else b, "a bbb cc dddd ee".split()))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)


class Cell:
    def __init__(self):
        self.v = 0

    def set(self, v):
        self.v = v
        return self

    reset = functools.partialmethod(set, 0)
    bump = functools.partialmethod(set, 99)


c = Cell().set(5)
print(c.v, c.bump().v, c.reset().v)
pipeline = functools.reduce(lambda f, g: lambda x: g(f(x)), [str.strip, str.lower, str.split])
print(pipeline("  Hello Big World  "))
