def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(c=1, a=2))
def g(x, /, y, *, z):
    return x, y, z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*, only):
    return only
print(h(only='k'))
def k(a, b=[], *, c={}):
    return a, b, c
print(k(0), k.__defaults__, k.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, g.__code__.co_posonlyargcount)
