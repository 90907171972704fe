print(3 + 0.5, 10 - 2.5, 4 * 2.5, 10 / 4, 10 // 4.0, 10 % 4.0, 2 ** 0.5 * 2 ** 0.5)
print(2 ** 100 + 0.0, 2 ** 100 / 2 ** 99, 10 ** 30 / 10 ** 10, (10 ** 400) // 10 ** 399)
try:
    (10 ** 400) / 1.0
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 3
except OverflowError as e:
    print(e)
print(10 ** 400 // 3 > 0, 1 / (2 ** 1100) if False else 'skip', 7 / 7, 0 / 5, -0 / 5, 0 * -1.0)
print(float(2 ** 1023) * 2, int(1e308) == 10 ** 308, int(1e308) % 10 ** 290)
