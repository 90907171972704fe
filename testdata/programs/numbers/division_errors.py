cases = [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (10 ** 30, 0)]
for a, b in cases:
    for op in ('/', '//', '%'):
        try:
            r = eval(f'a {op} b')
        except ZeroDivisionError as e:
            print(repr(a), op, repr(b), '->', type(e).__name__, e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print('divmod', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('pow', e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('fpow', e)
try:
    pow(2, 5, 0)
except ValueError as e:
    print('pow3', e)
