class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        print('get', key)
        return self.d.get(key, 0)
    def __setitem__(self, key, value):
        print('set', key, value)
        self.d[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self.d[key]
    def __len__(self):
        return len(self.d)
g = Grid()
g[1, 2] = 5
g[0] = 1
print(g[1, 2], g[9])
g[1:3] = 'x'
print(g[::2])
del g[0]
print(len(g), bool(g))
g[1, 2] += 10
print(g.d)
try:
    del g['missing']
except KeyError as e:
    print('KeyError', e)
class Empty:
    def __len__(self):
        return 0
print(bool(Empty()), not Empty())
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print(e)
