a = 2 ** 130 + 12345
b = -(2 ** 90) - 999
print(a & b, a | b, a ^ b, ~a, ~b)
print(a >> 64, b >> 64, a << 3, b << 3)
print(a % 1000, b % 1000, a // b, a % b, divmod(b, a))
print(-a // 3, -a % 3, a * b)
print(hex(a), oct(b), bin(2 ** 70 + 1))
print(abs(b), -b, +a == a, a > b, b < -(2 ** 89))
