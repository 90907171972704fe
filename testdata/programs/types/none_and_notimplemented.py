print(None, repr(None), type(None)(), bool(None), None.__class__.__name__)
print(NotImplemented, repr(NotImplemented), Ellipsis, type(NotImplemented)() is NotImplemented)
def f():
    pass
print(f() is None, [None] * 2, {None: None})
n = None
try:
    n()
except TypeError as e:
    print(e)
try:
    n[0]
except TypeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
try:
    iter(None)
except TypeError as e:
    print(e)
try:
    None.attr = 1
except AttributeError as e:
    print(e)
