# A generator's except blocks are its own: a yield inside one does not leak sys.exception() to the caller.
import sys
def g():
    try:
        yield 1
    except:
        print("in gen:", repr(sys.exception()))
        yield 2
    print("after:", repr(sys.exception()))
    yield 3
it = g()
next(it)
print(repr(it.throw(TypeError("foo"))))
print("outside:", repr(sys.exception()))
try:
    raise KeyError("k")
except KeyError:
    print(next(it))
    print("outside2:", repr(sys.exception()))
print("outside3:", repr(sys.exception()))
def h():
    try:
        raise ValueError("in h")
    except ValueError:
        yield sys.exception()
        yield sys.exception()
try:
    raise KeyError("caller")
except KeyError:
    x = h()
    print(repr(next(x)), repr(sys.exception()))
print(repr(next(x)), repr(sys.exception()))
