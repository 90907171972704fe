class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __iadd__(self, other):
        print('iadd')
        self.items.extend(other)
        return self
    def __add__(self, other):
        print('add')
        return Bag(self.items + list(other))
    def __isub__(self, other):
        return NotImplemented
    def __sub__(self, other):
        print('sub fallback')
        return Bag([x for x in self.items if x not in other])
    def __repr__(self):
        return f'Bag({self.items})'
b = Bag([1, 2])
orig = b
b += [3]
print(b, b is orig)
b -= [1]
print(b, b is orig)
class Plain:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Plain(self.v + o)
p = Plain(1)
q = p
p += 5
print(p.v, q.v, p is q)
lst = [1]
alias = lst
lst += (2, 3)
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
try:
    lst = lst + (4,)
except TypeError as e:
    print(e)
