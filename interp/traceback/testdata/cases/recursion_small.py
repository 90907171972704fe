def f(n):
    if n == 0:
        raise ValueError("bottom")
    f(n - 1)


def g(n):
    if n == 0:
        raise ValueError("bottom")
    g(n - 1)


try:
    f(4)
except ValueError as e:
    err = e
g(4)
