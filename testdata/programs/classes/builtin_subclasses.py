class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2]).push(3)
s.label = 'stack'
print(s, s.peek(), len(s), s.label, isinstance(s, list), type(s[:1]).__name__, s == [1, 2, 3])
class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, key):
        self[key] = self[key] + 1
c = Counter()
for w in 'a b a c a b'.split():
    c.add(w)
print(sorted(c.items()), c['zzz'], 'zzz' in c, type(c).__name__)
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.x + p.y, p == (3, 4), hash(p) == hash((3, 4)), list(p), p + (5,))
try:
    p.z = 1
except AttributeError as e:
    print('AttributeError', e)
class Flag(int):
    def __repr__(self):
        return f'Flag({int(self)})'
f = Flag(6)
print(f, f + 1, type(f + 1).__name__, f & 3, int(f), isinstance(f, int), f == 6, {f: 'six'}[6])
class Tag(str):
    def shout(self):
        return self.upper() + '!'
t = Tag('hey')
print(t.shout(), t + ' you', type(t + ' you').__name__, t == 'hey', len(t), t[1:])
class Bag(set):
    pass
b = Bag([3, 1, 2])
print(sorted(b), type(b | {4}).__name__, 2 in b)
