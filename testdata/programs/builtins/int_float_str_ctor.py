print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray())
print(int('  12  '), int(12.9), int('-0x1A', 16), int('1010', base=2), float(' 1e-3 '), float('-inf'))
print(str(12), str(-1.5), str('x'), str(b'ab', 'ascii'), str(bytearray(b'hi'), encoding='utf-8'), str([None]))
print(bool([]), bool([0]), bool(0.0), bool(-0.0), bool('False'), bool(float('nan')))
print(list('ab'), list((1,)), tuple([1]), dict(a=1, b=2), set('aab') == {'a', 'b'}, frozenset([1]) == {1})
print(list(map(int, '1 2 3'.split())), [float(x) for x in ['1', '2.5', '-3e2']])
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as e:
    print(e.reason, e.start)
