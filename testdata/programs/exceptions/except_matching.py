def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup:' + type(e).__name__
    except ArithmeticError as e:
        return 'arith:' + type(e).__name__
    except Exception as e:
        return 'other:' + type(e).__name__
for exc in [KeyError('k'), IndexError, ZeroDivisionError(), OverflowError, ValueError('v'), LookupError]:
    print(classify(exc))
try:
    try:
        raise TypeError('inner')
    except ValueError:
        print('not here')
except TypeError as e:
    print('outer caught', e)
e = 'sentinel'
try:
    raise KeyError(1)
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print('NameError:', err)
