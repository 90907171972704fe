# __context__ is set when an exception is raised, not each time it passes out of a call; throw() raises anew.
def g():
    try:
        raise KeyError("k")
    except KeyError:
        yield
it = g(); next(it)
try:
    it.throw(ValueError("v"))
except ValueError as e:
    print("throw:", repr(e.__context__))
e0 = ValueError("pre")
e0.__context__ = None
it = g(); next(it)
try:
    it.throw(e0)
except ValueError as e:
    print("throw existing:", repr(e.__context__))

def raiser(exc):
    raise exc
try:
    raise KeyError("outer")
except KeyError:
    try:
        x = TypeError("t")
        try:
            raiser(x)
        finally:
            x.__context__ = None
    except TypeError as e:
        print("finally cleared:", repr(e.__context__))
try:
    raise KeyError("outer")
except KeyError:
    try:
        int("zz")
    except ValueError as e:
        print("builtin:", repr(e.__context__))
try:
    raise KeyError("outer")
except KeyError:
    try:
        sorted([3, 1], key=lambda v: 1 / 0)
    except ZeroDivisionError as e:
        print("via builtin:", repr(e.__context__))
def gen2():
    yield 1
    raise ValueError("from gen")
try:
    raise KeyError("outer2")
except KeyError:
    try:
        list(gen2())
    except ValueError as e:
        print("gen:", repr(e.__context__))
