def trace(fn):
    def wrapper(*args, **kwargs):
        r = fn(*args, **kwargs)
        print(f'{fn.__name__}{args} -> {r}')
        return r
    return wrapper
def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@trace
def add(a, b):
    return a + b
@times(3)
@trace
def one():
    return 1
add(2, 3)
print(one())
print(add.__name__)
class Registry:
    items = []
    @classmethod
    def register(cls, fn):
        cls.items.append(fn.__name__)
        return fn
@Registry.register
def a(): pass
@Registry.register
def b(): pass
print(Registry.items)
