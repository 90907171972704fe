"""An example for parallel dis."""


def greet(name, punctuation="!"):
    try:
        return f"Hello, {name}{punctuation}"
    except TypeError as e:
        raise ValueError(name) from e


class Greeter:
    def __init__(self, names):
        self.names = [n.title() for n in names if n]

    def __iter__(self):
        yield from (greet(n) for n in self.names)


for line in Greeter(["ada", "", "grace"]):
    print(line)
