def f(items):
    return [1 / i for i in items]


def g(items):
    return sum(10 % i for i in items)


try:
    f([1, 0])
except ZeroDivisionError:
    pass
g([2, 0])
