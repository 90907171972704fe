# raise calls an exception class (its __init__ runs); __context__ is set at each raise even over an earlier one.
class E(Exception):
    def __init__(self):
        self.x = 5
try:
    raise E
except E as e:
    print(e.x)
class B(Exception):
    def __new__(cls):
        return 5
try:
    raise B
except TypeError as e:
    print(e)
class C(Exception):
    def __init__(self):
        self.y = 1
try:
    raise ValueError from C
except ValueError as e:
    print(e.__cause__.y)
e = TypeError()
e.__context__ = ValueError()
try:
    raise KeyError
except KeyError:
    try:
        raise e
    except TypeError as t:
        print(repr(t.__context__))
def gen():
    yield 1
    return 2
try:
    raise KeyError("k")
except KeyError:
    g = (x for x in [1])
    try:
        next(g); next(g)
    except StopIteration as s:
        print(repr(s.__context__))
