# Pickling exceptions (__reduce__, __setstate__, OSError/ImportError/AttributeError forms) and the keyword arguments ImportError, AttributeError and NameError take.
import pickle, copy
for e in [ValueError(1), OSError(2,"x"), OSError(2,"x","f"), OSError(2,"x","f",None,"g"), AttributeError("a", name="n", obj=1), AttributeError("a"), NameError("n", name="q"), StopIteration(5), SystemExit(3), KeyError("k"), UnicodeDecodeError("utf-8", b"x", 0, 1, "bad"), ImportError("m", name="n", path="p"), ImportError("m"), ModuleNotFoundError("mm", name="x")]:
    r = e.__reduce__()
    print(type(e).__name__, r)
    e2 = pickle.loads(pickle.dumps(e))
    print("  ", type(e2).__name__, e2.args, str(e2), getattr(e2, "name", "-"), getattr(e2, "filename", "-"))
e = ValueError(1); e.x = 2; print(e.__reduce__())
e.__setstate__({"y": 3}); print(e.y)
try: e.__setstate__(5)
except TypeError as x: print(x)
print(e.__setstate__(None))
e = ImportError("m", name="n", path="p"); print(e.name, e.path, e.msg, e.args, repr(e), str(e))
for bad in [lambda: ImportError("m", foo=1), lambda: ModuleNotFoundError(x=1), lambda: ValueError(x=1)]:
    try: bad()
    except TypeError as x: print(x)
class MyIE(ImportError):
    def __init__(self, *a, **k): super().__init__(*a, **k)
print(MyIE("z", name="q").name, MyIE("z", name="q").msg)
e = ImportError(); print(e.msg, e.name, e.path, e.name_from)
print(str(ImportError("a","b")), str(ImportError("a")), repr(str(ImportError())))
e = ImportError("m"); e.msg = 5; print(str(e), e.msg)
e = ImportError("a"); e.name_from = "z"; print(e.__reduce__())
class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
c = Custom(1, 2)
print(c.__reduce__())
print(copy.copy(ValueError("v")).args)
