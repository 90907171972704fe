x = 10
x += 5; x -= 3; x *= 4; x //= 5; x **= 3; x %= 100; x <<= 2; x >>= 1; x |= 1; x &= 0xF; x ^= 3
print(x)
y = 2.0
y /= 8; y += 1; y **= 2
print(y)
big = 1
for _ in range(10):
    big *= 1000000007
print(big)
big //= 10 ** 50
print(big)
s = 'ab'; s *= 3; s += '!'
print(s)
