class Point:
    def __init__(self):
        self.x = 1
p = Point()
for expr in ['p.y', 'Point.z', 'p.__nope__', '(3).real.nope', 'None.x', '"s".upper.q']:
    try:
        eval(expr)
    except AttributeError as e:
        print(e)
try:
    del p.y
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    (1).x = 2
except AttributeError as e:
    print(e)
try:
    'abc'.upper = None
except AttributeError as e:
    print(e)
try:
    len.__name__ = 'x'
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(getattr(p, 'y', 'dflt'), hasattr(p, 'x'))
