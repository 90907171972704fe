class AppError(Exception):
    pass
def load(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise AppError(f'missing {k}') from e
try:
    load({}, 'x')
except AppError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('no cause') from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        {}['a']
    except KeyError:
        raise RuntimeError('implicit')
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise ValueError('x') from 5
except TypeError as e:
    print(e)
