import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        print(f"{func.__name__}({', '.join(map(repr, args))}) -> {result!r}")
        return result
    return wrapper


@logged
def add(a, b):
    """Add two things."""
    return a + b


add(2, 3)
add("x", "y")
print(add.__name__, add.__doc__, add.__qualname__, add.__wrapped__.__name__, add.__module__)


def bare(func):
    def wrapper(*a):
        return func(*a)
    return wrapper


print(bare(add).__name__, functools.update_wrapper(bare(add), add).__name__)


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


vs = [Version(s) for s in ["1.10.0", "1.2", "1.2.0", "0.9.9", "2.0"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == Version("1.2"), a != b)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
try:
    @functools.total_ordering
    class Bad:
        pass
except ValueError as e:
    print("ValueError:", e)
