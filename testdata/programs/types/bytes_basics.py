b = b'hello world'
print(b, b[0], b[-1], b[1:4], len(b), b.upper(), b.split(), b.replace(b'o', b'0'), b.find(b'o'))
print(bytes(3), bytes([65, 66, 67]), bytes('é', 'utf-8'), bytes(range(5)), bytes.fromhex('deadbeef'), b'\x00\xff'.hex())
print(b'abc' + b'def', b'ab' * 3, b'a' in b'cat', 97 in b'cat', list(b'hi'), b'%d' % 5)
print(repr(b'\t\n\r\x00\x7f\x80\'"\\'), repr(b"it's"), b'abc'.decode(), b'\xc3\xa9'.decode('utf-8'))
print(b'  x '.strip(), b'a,b'.split(b','), b'-'.join([b'a', b'b']), b'abc'.startswith(b'ab'), b'ABC'.isupper())
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b'a' + 'b'
except TypeError as e:
    print(e)
try:
    bytes('x')
except TypeError as e:
    print(e)
try:
    b'x'[0] = 1
except TypeError as e:
    print(e)
print(b'abc' == b'abc', b'abc' < b'abd', b'' == bytes(), hash(b'x') == hash(b'x'), b'a'.decode() == 'a')
