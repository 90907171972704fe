"""Classes, closures, decorators and comprehensions at module level."""
from __future__ import annotations

import functools
from collections import namedtuple as nt

x: int = 1
y: list[int]
squares = [i * i for i in range(10)]
table = {k: [v for v in range(k) if v % 2] for k in range(5)}


class Base:
    """A base."""
    count: int = 0
    __private = 1

    def __init__(self, name: str, *args: int, **kw) -> None:
        self.name = name
        self.__private = args

    @property
    def private(self):
        return self.__private

    @classmethod
    def make(cls, *a, **k):
        return cls(*a, **k)

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    values = [count for _ in range(3)]


class Child(Base, metaclass=type):
    def __init__(self, *a):
        super().__init__(*a)
        self.items = {i: i for i in a}

    def method(self):
        def helper():
            return __class__
        return helper, super().__repr__()


def counter():
    n = 0

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def cells(a, b):
    fs = [lambda: a + i for i in range(b)]
    return fs, [c for c in a if (d := c)], d


print(Base.make("b"), Child("c").method()[0](), counter()(), fib(20), nt)
