add = lambda a, b=1: a + b
print(add(2), add(2, 3), add.__name__)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
y = 3
f = lambda: y
y = 4
print(f())
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, z=3))
print((lambda: (yield))().__class__.__name__)
