print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\xff\xff', 'big', signed=True))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(e)
print((7).as_integer_ratio(), (10).real, (10).imag, (10).numerator, (10).denominator, (5).conjugate())
print(int.__name__, (3).__add__(4), (3).__radd__(4), (3).__add__(4.0), (3).__truediv__(2))
print(int('-0'), -0, 0 == -0, 10 ** 18 * 10, -(10 ** 19) // 10)
