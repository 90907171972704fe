def inner():
    x = yield 1
    y = yield 2
    return (x, y)
def outer():
    result = yield from inner()
    yield ('inner returned', result)
    yield from range(3)
    yield from 'ab'
g = outer()
print(next(g), g.send('X'), g.send('Y'))
print(list(g))
def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def delegate_return():
    r = yield from (i * i for i in range(3))
    print('genexpr returns', r)
    return 'done'
print(list(delegate_return()))
