print(hex(255), oct(8), bin(5), hex(0), bin(-3), oct(-64))
print(format(3.14159, '.2f'), format(42), format(42, ''), format('x', '>3'), format(1234, ','), format(0.5, '%'))
print(format(7, 'b'), format(-7, 'b'), format(255, '02X'), format(1e10, 'g'), format(1e-10, 'G'))
print(format(True, 'b'), format(None), format([1, 2]), format(2 ** 70, 'x'))
try:
    format(None, 'd')
except TypeError as e:
    print(e)
try:
    format([1], '>5')
except TypeError as e:
    print(e)
