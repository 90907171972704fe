class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'V({self.x}, {self.y})'
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return V(self.x * k, self.y * k)
        return NotImplemented
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __invert__(self):
        return V(self.y, self.x)
    def __pos__(self):
        return self
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), a @ b)
print(b / 2, b // 2, b % 2, a ** 2, ~a, +a)
try:
    a + 1
except TypeError as e:
    print(e)
try:
    'x' * a
except TypeError as e:
    print(e)
