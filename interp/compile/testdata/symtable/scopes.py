# Globals, nonlocals, cells, class scopes and mangling.
from os import path as _p, sep
import os.path
import collections.abc as cabc

counter = 0


def bump(step=counter, *args, key: int = 1, **kwargs) -> None:
    global counter
    counter += step
    del args


def make():
    total = 0
    names = []

    def add(n, /, *, scale=1):
        nonlocal total
        total += n * scale
        names.append(n)
        return total

    def peek():
        return total, undefined
    return add, peek


class Outer:
    __secret = 1
    _Outer__other = 2
    value = __secret + 1

    def method(self, __arg):
        __local = self.__secret
        return __arg, __local, __dunder__

    class __Inner:
        def get(self):
            return __secret

    def uses_class(self):
        return __class__

    def shadow(self):
        value = 1

        def read():
            return value
        return read


class _:
    def m(self, __x):
        return __x


def free_in_class():
    x = 1

    class K:
        y = x
        x = 2

        def m(self):
            return x
    return K


lam = lambda a, *b, c=1, **d: (a, b, c, d, lam)


def gen():
    yield 1
    return (yield from gen())


try:
    import nothing
except ImportError as exc:
    err = exc
else:
    ok = True
finally:
    done = True

with open("f") as (fa, fb):
    pass

for i, *rest in []:
    pass

match counter:
    case [1, *others]:
        pass
    case {"k": kv, **more}:
        pass
    case Outer(value=vv) | Outer(vv):
        pass
    case str() as ss:
        pass
