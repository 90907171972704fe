# Keyword arguments in the constructors of classes derived from built-in types (bpo-43413): refused unless the class overrides the other of __new__/__init__.
def attempt(label, f):
    try:
        r = f()
        print(label, type(r).__name__, r, getattr(r, "newarg", "-"))
    except TypeError as e:
        print(label, "TypeError:", e)
for base in (list, tuple, set, frozenset, float, bytes, str, dict, int, complex):
    arg = {float: 2.5, int: 3, complex: 1j, str: "ab", bytes: b"ab", bytearray: b"ab", dict: {1: 2}}.get(base, [1])
    class plain(base):
        pass
    class with_init(base):
        def __init__(self, a=None, newarg=None):
            self.newarg = newarg
    class with_new(base):
        def __new__(cls, a, newarg=None):
            self = super().__new__(cls, a)
            self.newarg = newarg
            return self
    attempt(base.__name__ + " plain", lambda: plain(arg, x=1))
    attempt(base.__name__ + " init", lambda: with_init(arg, newarg=3))
    attempt(base.__name__ + " new", lambda: with_new(arg, newarg=3))
