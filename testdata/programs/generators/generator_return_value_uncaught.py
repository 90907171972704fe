def g():
    x = yield 1
    return x * 2
it = g()
next(it)
it.send(21)
