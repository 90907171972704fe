# __slots__ in exception subclasses: members, the instance dict beside them, cycles through slots.
import gc
class E(Exception):
    __slots__ = ("a", "b")
e = E("x"); e.a = 1
print(e.a, e.args, hasattr(e, "b"))
try:
    e.b
except AttributeError as x:
    print(x)
e.c = 3
print(e.__dict__)
class F(E):
    __slots__ = ("d",)
f = F(); f.d = [f]; f.a = f
del f
print(gc.collect() >= 1)
class G(ValueError):
    __slots__ = ("g",)
try:
    raise G("v")
except G as g:
    g.g = 7
    print(g.g, repr(g))
