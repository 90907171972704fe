a = list(range(8))
a[2:4] = ['x', 'y', 'z']
print(a)
a[1:1] = [100, 101]
print(a)
a[:3] = []
print(a)
a[::2] = 'ABCD'[:len(a[::2])]
print(a)
a[-1:] = range(3)
print(a)
b = [0, 1, 2, 3, 4, 5]
b[::-2] = [10, 30, 50]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(e)
try:
    b[1:2] = 5
except TypeError as e:
    print(e)
b[len(b):] = [9]
del b[::3]
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
ba = bytearray(b'hello')
ba[1:3] = b'EY'
ba[::2] = b'123'
print(ba)
try:
    ba[::2] = b'12'
except ValueError as e:
    print(e)
