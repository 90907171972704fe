# PEP 709: list, set and dict comprehensions are inlined; generator
# expressions are not.
import sys

squares = [x * x for x in range(10)]
table = {k: v for k, v in zip("ab", "cd") if v}
flat = {y for row in [[1], [2]] for y in row}
lazy = (z for z in sys.argv)
last = [w := q for q in range(3)]


def f(a, b):
    cells = [lambda: i for i in a]
    shadow = [a for a in b]
    nested = [[j + k for j in a] for k in b]
    gen = (a + m for m in b)
    [n := 0 for _ in a]
    return cells, shadow, nested, gen, n


def g():
    x = 1
    return [lambda: x for _ in range(2)], [y for y in [x]]


class C:
    items = [v for v in range(3)]
    keys = [__class__ for _ in items]
    pairs = [(p, items) for p in range(2)]

    def method(self):
        return [super() for _ in "a"]


async def h(it):
    return [u async for u in it], [await t for t in it]


def outer():
    v = 0

    def inner():
        nonlocal v
        return [v for _ in range(v)]
    return inner
