class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a == Version(1, 2), a != Version(1, 2), a == 'x', a != 'x')
print(sorted([Version(2), Version(1, 5), Version(1)]), max(a, b))
try:
    a < 3
except AttributeError as e:
    print('AttributeError', e)
class Only:
    pass
try:
    Only() < Only()
except TypeError as e:
    print(e)
x = Only()
print(x == x, x != x, x == Only())
