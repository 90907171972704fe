class Shape:
    def __init__(self, name, **kw):
        self.name = name
        super().__init__(**kw)
class Colored:
    def __init__(self, color='black', **kw):
        self.color = color
        super().__init__(**kw)
class Square(Shape, Colored):
    def __init__(self, side, **kw):
        self.side = side
        super().__init__(**kw)
s = Square(3, name='sq', color='red')
print(s.name, s.color, s.side)
print(sorted(vars(s).items()))
try:
    Square(1, name='x', weight=3)
except TypeError as e:
    print(e)
