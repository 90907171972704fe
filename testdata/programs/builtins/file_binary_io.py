import sys
path = sys.argv[1] + '/data.bin'
payload = bytes(range(256))
with open(path, 'wb') as f:
    print(f.write(payload), f.write(b'\r\n\x00end'))
with open(path, 'rb') as f:
    head = f.read(4)
    print(head, type(head).__name__)
    print(f.tell())
    f.seek(250)
    print(f.read(6))
    print(f.read())
    print(f.read(), f.tell())
with open(path, 'rb') as f:
    data = f.read()
print(len(data), data[:3], data[-5:], data == payload + b'\r\n\x00end')
with open(path, 'ab') as f:
    f.write(bytearray(b'++'))
with open(path, 'rb') as f:
    print(f.read()[-4:])
with open(path, 'w', encoding='utf-8') as f:
    f.write('héllo\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'r+b') as f:
    f.write(b'J')
    f.seek(0)
    print(f.read())
try:
    with open(path, 'wb') as f:
        f.write('text')
except TypeError as e:
    print(e)
