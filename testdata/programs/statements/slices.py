s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], s[::-3], s[1:9][::2])
t = 'abcdefgh'
print(t[1:6:2], t[::-1], t[-2:], t[10:20] == '', t[3::-1])
print(tuple(range(5))[1:4], range(20)[3:15:4], bytes(b'xyzw')[1:3])
sl = slice(1, 8, 3)
print(s[sl], sl.start, sl.stop, sl.step, repr(slice(5)), sl.indices(5))
print(slice(None, None, -1).indices(4), slice(-3, None).indices(10))
try:
    s[::0]
except ValueError as e:
    print(e)
try:
    s['a':]
except TypeError as e:
    print(e)
print(s[True:3], s[1.0 == 1:2])
