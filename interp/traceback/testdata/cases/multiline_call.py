def f(a, b):
    raise ValueError(a + b)


x = f(
    1,
    2,
)
