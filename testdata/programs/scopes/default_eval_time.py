val = 1
def f(a=val, b=[]):
    b.append(a)
    return b
val = 2
print(f(), f(), f(5))
print(f.__defaults__)
def g(*, k=val):
    return k
print(g(), g.__kwdefaults__)
