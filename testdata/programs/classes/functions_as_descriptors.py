class A:
    def f(self, x):
        return (self.__class__.__name__, x)
a = A()
bound = A.f.__get__(a, A)
print(bound(1), bound.__self__ is a, A.f.__get__(None, A) is A.f)
def external(self):
    return 'external on ' + type(self).__name__
A.g = external
print(a.g())
a.h = external
try:
    a.h()
except TypeError as e:
    print(e)
print(a.h(a))
print(A.f(a, 2), a.f(3))
m1, m2 = a.f, a.f
print(m1 == m2, m1 is m2)
