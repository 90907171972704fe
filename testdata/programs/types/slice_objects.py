s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(None), slice(1, 2), slice(None, None, None))
print(s == slice(1, 10, 2), s.indices(6), slice(-1, None, -1).indices(5), slice(None, None, -2).indices(7))
data = list(range(12))
print(data[s], 'abcdefghijk'[s], data[slice(None, 3)])
class Probe:
    def __getitem__(self, k):
        return k
p = Probe()
print(p[1:2], p[::], p[1:2, 3], p[..., 1], p[:, ::-1])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
try:
    hash(slice(1, 2))
    print('slices hashable')
except TypeError as e:
    print(e)
