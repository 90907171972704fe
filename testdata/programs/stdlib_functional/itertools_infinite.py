import itertools as it

print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.islice(it.cycle("abc"), 7)))
print(list(it.repeat("x", 3)), list(zip(range(3), it.repeat(0))))
print(list(it.takewhile(lambda x: x < 5, it.count())))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])))


def primes():
    seen = []
    for n in it.count(2):
        if all(n % p for p in seen if p * p <= n):
            seen.append(n)
            yield n


print(list(it.islice(primes(), 15)))
fizz = it.cycle(["", "", "Fizz"])
buzz = it.cycle(["", "", "", "", "Buzz"])
print([f + b or str(n) for n, f, b in zip(range(1, 16), fizz, buzz)])
print(next(it.dropwhile(lambda n: n * n < 500, it.count())))
c = it.count(3)
next(c)
print(repr(c), repr(it.repeat(1, 2)), repr(it.count(1, 2)))
squares = map(lambda x: x * x, it.count(1))
print(list(it.takewhile(lambda s: s < 60, squares)))
