def a():
    raise ValueError('root cause')
def b():
    try:
        a()
    except ValueError as e:
        raise KeyError('second') from e
def c():
    try:
        b()
    except KeyError:
        x = None
        x.attr
c()
