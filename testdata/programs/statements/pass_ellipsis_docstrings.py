def f():
    """doc"""
def g():
    ...
class C:
    """class doc"""
    pass
print(f(), g(), f.__doc__, C.__doc__, g.__doc__)
print(..., Ellipsis is ..., type(...).__name__)
x = [1, ..., 3]
print(x)
if True:
    pass
print(__doc__)
