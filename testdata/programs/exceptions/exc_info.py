import sys
print(sys.exc_info())
try:
    raise KeyError('x')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, tb.tb_lineno)
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())
def inner():
    return sys.exception()
try:
    raise ValueError(1)
except ValueError:
    print(repr(inner()))
    try:
        raise TypeError(2)
    except TypeError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
