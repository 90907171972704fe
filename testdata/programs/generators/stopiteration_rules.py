def g1():
    yield 1
    raise StopIteration('inside')
try:
    list(g1())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def g2():
    yield 1
    return 'value'
it = g2()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
def g3():
    return
    yield
print(list(g3()))
def g4():
    try:
        yield 1
    finally:
        return 'from finally'
x = g4()
next(x)
try:
    next(x)
except StopIteration as e:
    print(e.value)
gen = (i for i in range(2))
print(list(gen), list(gen))
