# A little of everything ast.dump prints, kept short.
import sys


def greet(name: str = "wörld", *args, **kw) -> str:
    return f"hello, {name!r:>10}"


class Counter:
    count = 0

    def bump(self, by=1):
        self.count += by
        return [i * i for i in range(self.count) if i % 2]


if __name__ == "__main__":
    print(greet(), Counter().bump(3), file=sys.stdout)
