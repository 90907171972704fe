a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(7 / 2, -7 / 2, 8 / 4, type(8 / 4).__name__)
print(2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(~5, ~-1, 5 & 3, 5 | 3, 5 ^ 3, -5 & 0xFF, -1 >> 10, 1 << 10)
print(abs(-7), +7, -(-7), int(True) + True)
