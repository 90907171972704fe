# Assigning a function's __code__ (types.coroutine does), and what it refuses.
import types
def f(): return 1
def g(): return 2
f.__code__ = g.__code__
print(f(), f.__name__)
def outer():
    x = 1
    def inner(): return x
    return inner
try:
    f.__code__ = outer().__code__
except ValueError as e:
    print(e)
try:
    f.__code__ = 5
except TypeError as e:
    print(e)
try:
    del f.__code__
except TypeError as e:
    print(e)
@types.coroutine
def c():
    yield 1
print(c.__code__.co_flags & 0x100)
