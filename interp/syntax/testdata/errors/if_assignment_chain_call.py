if f(x) = g(x):
    pass
