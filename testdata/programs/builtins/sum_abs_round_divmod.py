print(sum([1, 2, 3]), sum([]), sum([1.5, 2.5]), sum(range(5), 10), sum([[1], [2]], []), sum([0.1] * 10))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(e)
try:
    sum(['a'])
except TypeError as e:
    print(e)
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-(10 ** 30)))
print(round(3.14159, 2), round(-2.5), round(1e15 + 0.5), round(12345, -2), round(0.5 + 1e-9))
print(divmod(7, 3), divmod(-7, 3), divmod(7.5, 2), divmod(-7.5, -2), divmod(10 ** 20, 7))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(3, 4, 5), pow(-3, 3, 7), pow(5, -1, 7), pow(2, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2.0, 2, 3)
except TypeError as e:
    print(e)
print(pow(-8, 1 / 3) if False else 'complex skipped', (-8) ** 2)
