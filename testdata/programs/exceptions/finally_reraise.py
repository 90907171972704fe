def f():
    try:
        raise ValueError('boom')
    finally:
        print('cleanup f')
def g():
    try:
        f()
    except ValueError as e:
        print('caught', e)
        raise
    finally:
        print('cleanup g')
try:
    g()
except ValueError as e:
    print('outer', e)
def swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            print('last iteration, exception propagates')
try:
    swallow()
except KeyError as e:
    print('KeyError', e)
