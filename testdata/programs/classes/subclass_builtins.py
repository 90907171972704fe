class MyList(list):
    def sum(self):
        return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.sum(), type(l + [5]).__name__, type(l[:2]).__name__, isinstance(l, list))
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
d = DefaultDict()
print(d['abc'], d, d.get('zz'), 'zz' in d)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper('hello')
print(u, len(u), u + '!', type(u + '!').__name__, u.lower())
class Int(int):
    def __add__(self, o):
        return Int(int(self) + int(o) + 1000)
print(Int(1) + 2, 2 + Int(1), type(Int(5) * 2).__name__)
