print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(1.0 / 3, 2 ** 0.5, 10 ** -2, 4 ** 0.5, (-8.0) ** 2)
print(0.1 + 0.7, 1 - 0.9, 3 * 0.1)
print(float('inf') - float('inf'), float('inf') * 0, float('inf') > 10 ** 400)
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, nan is nan, [nan] == [nan])
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(int(2.9), int(-2.9), float(7), 7 == 7.0, hash(7) == hash(7.0))
print(5e-324 / 2, 2.0 ** 1023 * 2 == float('inf'))
try:
    2.0 ** 1024
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(e)
