print(bytes(b'ab'), bytes([1, 2]), bytes((255,)), bytes(2), bytes('ü', 'utf-8'), bytes(bytearray(b'z')))
print(bytearray(), bytearray(b'q'), bytearray([1]), bytearray(2), bytearray('ä', 'utf-8'), bytearray(range(65, 68)))
print(bytes.fromhex('41 42'), bytearray.fromhex('ff'), b'ab'.hex(':'), bytes(memoryview(b'mv')))
for bad in [lambda: bytes('x', 'nope'), lambda: bytes([-1]), lambda: bytes(-1), lambda: bytes(1.5), lambda: bytearray('x')]:
    try:
        bad()
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
