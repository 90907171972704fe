def f(a, b, c=3):
    pass
def g(*, key, other):
    pass
def h(x, /, y):
    pass
class C:
    def m(self, v):
        pass
tests = [
    lambda: f(),
    lambda: f(1),
    lambda: g(),
    lambda: g(key=1),
    lambda: h(),
    lambda: C().m(),
    lambda: C.m(),
    lambda: f(b=1, c=2),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
