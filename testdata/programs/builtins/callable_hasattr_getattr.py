class A:
    x = 1
    def m(self):
        pass
a = A()
print(callable(a), callable(A), callable(a.m), callable(len), callable(None), callable(lambda: 0))
print(hasattr(a, 'x'), hasattr(a, 'y'), hasattr(A, 'm'), hasattr(1, 'real'))
print(getattr(a, 'x'), getattr(a, 'y', None), getattr(A, '__name__'))
try:
    getattr(a, 'y')
except AttributeError as e:
    print(e)
try:
    getattr(a, 5)
except TypeError as e:
    print(e)
setattr(a, 'y', 2)
setattr(A, 'z', 3)
print(a.y, a.z, A.z)
delattr(a, 'y')
print(hasattr(a, 'y'))
try:
    delattr(a, 'y')
except AttributeError as e:
    print(e)
class Boom:
    @property
    def bad(self):
        raise KeyError('inside property')
try:
    hasattr(Boom(), 'bad')
except KeyError as e:
    print('hasattr propagates', e)
