ba = bytearray(b'abc')
ba.append(100)
ba.extend(b'ef')
ba[0] = 65
print(ba, len(ba), ba[1], ba[-2:], bytes(ba))
ba.insert(0, 33)
print(ba.pop(), ba.pop(0), ba)
ba.remove(98)
print(ba, ba.find(b'd'), ba.upper(), ba.decode())
del ba[0]
ba += b'!!'
print(ba, ba * 2, bytearray(3), bytearray(range(3)), bytearray('hé', 'utf-8'))
ba.reverse()
print(ba, ba.count(b'!'), ba.hex(), b'x' in ba)
try:
    ba[0] = 300
except ValueError as e:
    print(e)
try:
    ba.append('a')
except TypeError as e:
    print(e)
try:
    ba.remove(1)
except ValueError as e:
    print(e)
try:
    hash(ba)
except TypeError as e:
    print(e)
ba.clear()
print(ba, bytearray(b'x') == b'x')
