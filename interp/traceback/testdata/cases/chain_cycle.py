a = ValueError("a")
b = TypeError("b")
try:
    raise a
except ValueError:
    try:
        raise b
    except TypeError:
        pass
a.__context__ = b
b.__context__ = a
raise a
