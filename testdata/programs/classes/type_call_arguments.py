# type(name, bases, namespace) accepts subclasses of str, tuple and dict; bad arguments.
class D(dict): pass
X = type("X", (), D(a=1))
print(X.a, type(X.__dict__).__name__)
class S(str): pass
class T(tuple): pass
Y = type(S("Y"), T((X,)), {})
print(Y.__name__, Y.__bases__)
for args in [("X", (5,), {}), (1, (), {}), ("X", [], {}), ("X", (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print(e)
