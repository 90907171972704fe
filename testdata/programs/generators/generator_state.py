def g():
    yield 1
    yield 2
it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_suspended)
next(it)
print(it.gi_suspended, it.gi_frame.f_lineno)
list(it)
print(it.gi_frame)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)
print(g.__name__, it.__name__, it.__qualname__)
print(iter(it) is it, hasattr(it, '__next__'), hasattr(it, 'send'))
