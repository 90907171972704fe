def f(a, b=1):
    pass
def g(a, /, b):
    pass
def h(*, k):
    pass
def none():
    pass
class C:
    def m(self):
        pass
tests = [
    lambda: f(1, 2, 3),
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: g(a=1, b=2),
    lambda: g(1, 2, a=3),
    lambda: h(1),
    lambda: h(1, k=2),
    lambda: none(1),
    lambda: none(x=1),
    lambda: C().m(1),
    lambda: f(1, **{'b': 2, 'zz': 3}),
    lambda: f(**{'a': 1}, **{'a': 2}),
    lambda: f(*[1], a=2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
