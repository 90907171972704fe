try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def reraiser():
    try:
        raise ValueError('first')
    except ValueError:
        try:
            raise KeyError('second')
        except KeyError:
            pass
        raise
try:
    reraiser()
except Exception as e:
    print(repr(e))
try:
    raise 42
except TypeError as e:
    print(e)
try:
    raise int
except TypeError as e:
    print(e)
class NotAnException:
    pass
try:
    try:
        pass
    except NotAnException:
        pass
    raise ValueError
except ValueError as e:
    print('ok', repr(e))
