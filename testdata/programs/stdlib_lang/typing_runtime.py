from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal, NamedTuple, Optional,
                    Protocol, TypedDict, TypeVar, Union, get_args, get_origin, get_type_hints,
                    runtime_checkable, cast, overload, Annotated, Tuple)

T = TypeVar("T")
K = TypeVar("K", str, bytes)
N = TypeVar("N", bound=int)
print(T, K.__constraints__, N.__bound__, T.__name__)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(3)
print(s.pop(), Stack[int], Stack[int].__origin__ is Stack, Stack.__parameters__)
print(Optional[int], Union[int, str], Union[int, None] == Optional[int], int | str, List[int], Dict[str, List[int]])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(int | str), get_args(Optional[str]))
print(get_args(Callable[[int, str], bool]), get_origin(Literal["a"]), get_args(Literal["a", 1]))
print(Annotated[int, "meta"], get_args(Annotated[int, "meta"]), Tuple[int, ...])


def f(a: int, b: "list[str]", c: Optional[float] = None) -> dict[str, int]:
    return {}


print(get_type_hints(f))


class Movie(TypedDict, total=False):
    title: str
    year: int


print(Movie(title="x"), Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie.__total__)


class Pt(NamedTuple):
    x: int
    y: int = 0


print(Pt(1), Pt.__annotations__)


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closer), isinstance(3, Closer), cast(int, "not really"))


class C:
    limit: ClassVar[int] = 3
    name: Final = "c"


print(get_type_hints(C), Any, Literal[1, 2] == Literal[2, 1])


@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x * 2


print(g(2), g("ab"))
try:
    isinstance(3, List[int])
except TypeError as e:
    print("TypeError:", e)
