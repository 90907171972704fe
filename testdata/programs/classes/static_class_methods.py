class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def created(cls):
        return cls.__name__, cls.count
    @staticmethod
    def helper(x, y):
        return x * y
class Sub(Counter):
    count = 100
Counter(); Counter(); Sub()
print(Counter.created(), Sub.created(), Sub().created())
print(Counter.helper(3, 4), Counter().helper(5, 6))
print(type(Counter.__dict__['helper']).__name__, type(Counter.__dict__['created']).__name__)
print(Counter.__dict__['helper'].__func__(2, 2))
sm = staticmethod(len)
print(sm('abc'), callable(sm))
