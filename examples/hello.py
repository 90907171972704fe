"""A small tour of the Python that `parallel ast` already understands."""

from dataclasses import dataclass


@dataclass
class Shape:
    kind: str
    size: float

    def area(self) -> float:
        match self.kind:
            case "square":
                return self.size**2
            case "circle":
                return 3.14159 * self.size**2
            case _:
                raise ValueError(f"unknown shape {self.kind!r}")


def describe(shapes: list[Shape]) -> str:
    total = sum(s.area() for s in shapes)
    names = sorted({s.kind for s in shapes})
    return f"{len(shapes)} shapes ({', '.join(names)}), total area {total:.2f}"


def fib(n: int) -> list[int]:
    a, b, out = 0, 1, []
    while len(out) < n:
        out.append(a)
        a, b = b, a + b
    return out


def main() -> None:
    shapes = [Shape("square", 2), Shape("circle", 1.5), Shape("square", 0.5)]
    print(describe(shapes))
    evens = [x for x in fib(15) if x % 2 == 0]
    print("even Fibonacci numbers:", *evens)
    try:
        Shape("hexagon", 1).area()
    except ValueError as e:
        print("error:", e)


if __name__ == "__main__":
    main()
