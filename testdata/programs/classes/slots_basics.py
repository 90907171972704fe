class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print(e)
del p.y
try:
    p.y
except AttributeError as e:
    print(e)
class Q(P):
    pass
q = Q(3, 4)
q.extra = 5
print(q.extra, sorted(vars(q)))
class R(P):
    __slots__ = ('w',)
r = R(1, 2)
r.w = 0
try:
    r.v = 1
except AttributeError as e:
    print(e)
print(P.__slots__, type(P.__dict__['x']).__name__)
