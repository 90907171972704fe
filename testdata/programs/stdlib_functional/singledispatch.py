import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal


@functools.singledispatch
def describe(obj):
    return f"object {type(obj).__name__}"


@describe.register
def _(obj: int):
    return f"int {obj}"


@describe.register(float)
@describe.register(Decimal)
def _(obj):
    return f"number {obj}"


@describe.register
def _(obj: bool):
    return f"bool {obj}"


@describe.register
def _(obj: Mapping):
    return "mapping " + ", ".join(f"{k}={describe(v)}" for k, v in obj.items())


@describe.register
def _(obj: Sequence):
    return "seq [" + "; ".join(describe(x) for x in obj) + "]"


@describe.register
def _(obj: str):
    return f"str {obj!r}"


@describe.register(int | None.__class__)
def _(obj):
    return "int-or-none"


print(describe(3), describe(True), describe(2.5), describe(Decimal("1.1")))
print(describe({"a": 1, "b": [1, "x"]}))
print(describe((1, None)), describe(None), describe(object()))
print(describe.dispatch(list).__name__, describe.registry[object].__name__)


class Shape:
    @functools.singledispatchmethod
    def area(self, arg):
        raise NotImplementedError(f"cannot handle {type(arg).__name__}")

    @area.register
    def _(self, arg: int):
        return arg * arg

    @area.register
    def _(self, arg: tuple):
        return arg[0] * arg[1]


s = Shape()
print(s.area(4), s.area((2, 5)))
try:
    s.area("x")
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    describe.register(5)
except TypeError as e:
    print("TypeError:", e)
