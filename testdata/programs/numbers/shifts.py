print(1 << 63, 1 << 64, 1 << 100, -1 << 70)
print((1 << 100) >> 99, (-(1 << 100)) >> 99, (1 << 100) >> 200, -7 >> 1, -7 >> 100)
print(0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF + 1, hex(-(2 ** 70)))
print((2 ** 70) & (2 ** 70 - 1), (2 ** 70) | 1, (2 ** 70) ^ (2 ** 70), -(2 ** 70) & 0xFFFF)
print((123456789).bit_length(), (2 ** 100).bit_length(), (-1).bit_length(), (0).bit_length())
print((255).bit_count(), (2 ** 100 - 1).bit_count())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -3
except ValueError as e:
    print(type(e).__name__, e)
