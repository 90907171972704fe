class Meters:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'{self.v}m'
    def __add__(self, other):
        print('__add__', other)
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, int):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print('__radd__', other)
        if isinstance(other, int):
            return Meters(self.v + other)
        return NotImplemented
    def __rsub__(self, other):
        return Meters(other - self.v)
class Feet(Meters):
    def __radd__(self, other):
        print('Feet.__radd__', other)
        return Feet(-1)
print(Meters(1) + 2)
print(2 + Meters(1))
print(10 - Meters(3))
print(sum([Meters(1), Meters(2)]))
print(Meters(1) + Feet(2))
try:
    'a' + Meters(1)
except TypeError as e:
    print(e)
print(NotImplemented, type(NotImplemented).__name__, bool(1))
