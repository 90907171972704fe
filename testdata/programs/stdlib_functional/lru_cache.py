import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

calls = []


@functools.lru_cache(maxsize=2)
def slow_square(x):
    calls.append(x)
    return x * x


for x in [1, 2, 1, 3, 1, 2, 2]:
    slow_square(x)
print(calls, slow_square.cache_info())
print(slow_square.cache_parameters())


@functools.lru_cache(typed=True)
def kind(x):
    calls.append(("kind", x))
    return type(x).__name__


print(kind(1), kind(1.0), kind(1), sum(1 for c in calls if isinstance(c, tuple)))


@functools.cache
def count_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return count_paths(r - 1, c) + count_paths(r, c - 1)


print(count_paths(16, 16), count_paths.cache_info().currsize)
print(fib.__name__, fib.__wrapped__.__name__, callable(fib.__wrapped__))
try:
    slow_square([1])
except TypeError as e:
    print("TypeError:", e)


@functools.lru_cache
def kw(a, b=2):
    return a + b


print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info().misses)
