o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(type(o).__name__, object.__name__, o == o, o != object(), isinstance(o, object))
def get_x(self):
    return self._x * 2
def set_x(self, v):
    self._x = v
class C:
    x = property(get_x, set_x, None, 'doc of x')
    y = property(lambda self: 'y value')
c = C()
c.x = 5
print(c.x, C.x.__doc__, c.y, C.x.fget is get_x, C.y.fset)
p = property()
try:
    p.__get__(c, C)
except AttributeError as e:
    print(e)
class D:
    @staticmethod
    def s():
        return 'static'
    @classmethod
    def c(cls):
        return cls.__name__
print(D.s(), D().s(), D.c(), D().c())
