def describe(**kw):
    return list(kw.items())
print(describe(z=1, a=2, m=3))
print(describe(**{'b': 1}, a=2))
def mixed(a, b, /, c, d=4, *rest, e, f=6, **others):
    return dict(a=a, b=b, c=c, d=d, rest=rest, e=e, f=f, others=others)
print(mixed(1, 2, 3, e=5))
print(mixed(1, 2, d=40, c=30, e=50, g=70, a=100))
print(mixed(1, 2, 3, 4, 5, 6, e=7))
