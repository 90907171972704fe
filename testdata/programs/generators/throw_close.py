def worker():
    try:
        while True:
            try:
                x = yield
                print('got', x)
            except ValueError as e:
                print('handled', e)
                yield 'recovered'
    except GeneratorExit:
        print('closing')
        raise
    finally:
        print('finally')
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError('oops')))
next(w)
w.close()
w.close()
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def simple():
    yield 1
s = simple()
try:
    s.throw(KeyError('k'))
except KeyError as e:
    print('unstarted throw raises', repr(e))
print(list(s))
