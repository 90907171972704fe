# Generator __name__/__qualname__ assignment, gi_yieldfrom, throw()'s argument forms and warnings, and the frame stack while yield from passes a throw on.
import sys, warnings
warnings.simplefilter("always")
def g():
    yield 1
x = g()
x.__name__ = "renamed"; x.__qualname__ = "Q.renamed"
print(x.__name__, x.__qualname__, repr(x)[:27])
for bad in (1, None):
    try:
        x.__name__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    del x.__qualname__
except TypeError as e:
    print("TypeError", e)

def inner():
    yield 1
    yield 2
def outer():
    yield from inner()
o = outer()
print(o.gi_yieldfrom)
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__)

class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls
b = g()
try:
    b.throw(E)
except TypeError as e:
    print("TypeError", e)
try:
    next(b)
except StopIteration:
    print("finished by the thrown TypeError")
def catcher():
    try:
        yield
    except TypeError as e:
        print("caught inside:", e)
c = catcher(); next(c)
try:
    c.throw(E)
except StopIteration:
    print("StopIteration")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        g().throw(TypeError, TypeError(24), None)
    except TypeError as e:
        print(repr(e), [str(x.message) for x in w], [x.category.__name__ for x in w])
try:
    g().throw(ValueError, "foo", 23)
except TypeError as e:
    print("TypeError", e)
try:
    g().throw(ValueError("v"), 1)
except TypeError as e:
    print("TypeError", e)
try:
    g().throw(3)
except TypeError as e:
    print("TypeError", e)
try:
    raise KeyError("k")
except KeyError as k:
    tb = k.__traceback__
try:
    g().throw(ValueError, ValueError("with tb"), tb)
except ValueError as e:
    print(repr(e), e.__traceback__.tb_next is not None)

def f2():
    print([fr.f_code.co_name for fr in [sys._getframe(), sys._getframe(1)]])
    yield
def g2():
    yield from f2()
gen = g2(); next(gen)
def f3():
    try:
        yield
    except RuntimeError:
        print("names:", sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name)
    yield
def g3():
    yield from f3()
gen = g3(); next(gen); gen.throw(RuntimeError)
