def inner():
    try:
        x = yield 1
        print('inner got', x)
        yield 2
    except KeyError as e:
        print('inner caught', repr(e))
        yield 'recovered'
        return 'inner done'
    finally:
        print('inner finally')
def outer():
    result = yield from inner()
    print('outer result', result)
    yield 'after'
g = outer()
print(next(g), g.send('hello'), g.throw(KeyError('k')), next(g))
g = outer()
next(g)
g.close()
print('closed', g.gi_frame is None)
g = outer()
next(g)
try:
    g.throw(ValueError('boom'))
except ValueError as e:
    print('propagated', e)
def counter():
    n = 0
    while True:
        try:
            step = yield n
        except GeneratorExit:
            print('exiting at', n)
            raise
        n += step or 1
c = counter()
print(next(c), c.send(5), c.send(None), c.gi_suspended)
del c
print('done')
