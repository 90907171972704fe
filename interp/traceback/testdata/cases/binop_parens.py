def f(a, b, c):
    return (a) * (b  +  c)


def g(a, b):
    return (a + b) // (a - b)


def h(a, b):
    return ((a)) ** b


try:
    f(1, 2, None)
except TypeError:
    pass
g(1, 1)
