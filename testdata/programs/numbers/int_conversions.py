print(int('42'), int(' -17 '), int('+5'), int('1_000_000'), int('0'))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0), int('z', 36))
print(int('777', 8), int('11', 2), int(3.99), int(-3.99), int(True), int(1e20))
print(int(b'12'), int(bytearray(b'-3')))
bad = ['', '1.5', 'abc', '0x', '12a', '1__0', ' ', '٣']
for s in bad:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(e)
for args in [('12', 2), ('9', 8), ('1', 1), ('1', 37)]:
    try:
        print(int(*args))
    except ValueError as e:
        print(e)
for v in [float('inf'), float('nan'), None, [1]]:
    try:
        int(v)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(e)
