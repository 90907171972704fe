print(float('3.5'), float('  -2.25\n'), float('1e3'), float('inf'), float('-Infinity'), float('nAn'))
print(float('1_0.5'), float(10), float(True), float(2 ** 60), float('.5'), float('5.'))
for s in ['', 'abc', '1.2.3', '1e', '0x10', '1__0']:
    try:
        float(s)
    except ValueError as e:
        print(e)
for v in [None, [1.0], '1' * 3]:
    try:
        print(float(v))
    except TypeError as e:
        print(e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (-0.75).as_integer_ratio())
print((10.0).hex(), float.fromhex('0x1.8p1'), 1e300 < 10 ** 301, 10 ** 400 > 1e308)
