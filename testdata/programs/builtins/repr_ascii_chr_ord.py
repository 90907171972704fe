print(repr('x'), repr(1), repr(1.0), repr([1, 'a']), repr({'k': (1,)}), repr(b'\x01'), repr(None), repr(...))
print(ascii('héllo'), ascii('日'), ascii(b'x'), ascii([1, 'ü']), ascii('\U0001F600'))
print(chr(65), chr(0x1F600) == '\U0001F600', chr(0), repr(chr(10)), ord('A'), ord('€'), ord(b'a'), ord(bytearray(b'z')))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord('ab'), lambda: ord(''), lambda: chr('a')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
