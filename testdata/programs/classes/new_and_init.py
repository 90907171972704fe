class Singleton:
    _inst = None
    def __new__(cls, *a):
        print('__new__', a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('__init__', v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class NotMe:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never')
print(NotMe())
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    def __repr__(self):
        return f'Pt{tuple(self)}'
print(Pt(1, 2), Pt(1, 2)[1], len(Pt(3, 4)))
try:
    object.__new__(int)
except TypeError as e:
    print(e)
