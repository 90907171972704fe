type Point = tuple[float, float]
type Pair[T] = tuple[T, T]
type Tree[T] = T | list[Tree[T]]


def first[T](xs: list[T]) -> T:
    return xs[0]


def clamp[N: (int, float)](x: N, lo: N, hi: N) -> N:
    return max(lo, min(x, hi))


class Box[T]:
    def __init__(self, item: T):
        self.item = item

    def map[U](self, f: "Callable[[T], U]") -> "Box[U]":
        return Box(f(self.item))

    def __repr__(self):
        return f"Box({self.item!r})"


print(Point, Point.__value__, type(Point).__name__, Point.__name__)
print(Pair.__type_params__, Pair[int], Pair.__value__)
print(Tree.__value__)
print(first([3, 2]), clamp(15, 0, 10), clamp(-1.5, 0.0, 1.0))
print(first.__type_params__, clamp.__type_params__[0].__constraints__)
print(Box.__type_params__, Box(2).map(str), Box.map.__type_params__)
T0 = Box.__type_params__[0]
print(T0.__name__, type(T0).__name__, Box[int])


class Stack[T: (int, str)]:
    pass


print(Stack.__type_params__[0].__constraints__, Stack.__parameters__)


def variadic[*Ts, **P](*args: *Ts) -> None:
    pass


print(variadic.__type_params__, [type(p).__name__ for p in variadic.__type_params__])
type Lazy = UndefinedName
print(Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print("NameError:", e)
