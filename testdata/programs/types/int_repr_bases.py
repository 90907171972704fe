for n in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 64) + 1]:
    print(n, hex(n), oct(n), bin(n), format(n, 'x'), format(n, '#o'), f'{n:b}')
print(0x1F, 0o17, 0b1010, 1_000, 0X_FF if False else 0xff)
print(int('-0b11', 0), int('0_7', 8), int('  0x_1f  ', 16))
try:
    hex(1.5)
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 10
print(hex(Idx()), bin(Idx()), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11][Idx()], range(Idx()))
