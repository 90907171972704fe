def describe(v):
    match v:
        case 0 | 1:
            return 'small int'
        case int(n) if n < 0:
            return f'negative {n}'
        case [x, y]:
            return f'pair {x},{y}'
        case [x, *rest]:
            return f'list head {x} rest {rest}'
        case {'kind': 'circle', 'r': r}:
            return f'circle r={r}'
        case str() as s:
            return 'string ' + s
        case (1, _, 3):
            return 'tuple 1?3'
        case _:
            return 'other'
for v in [0, 1, -5, 7, [1, 2], [1, 2, 3], (1, 9, 3), {'kind': 'circle', 'r': 2, 'x': 0}, 'hey', None]:
    print(repr(v), '->', describe(v))
class Pt:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Pt(0, 0):
            return 'origin'
        case Pt(x=0, y=y):
            return f'on y axis at {y}'
        case Pt(x, 0):
            return f'on x axis at {x}'
        case Pt():
            return 'elsewhere'
for p in [Pt(0, 0), Pt(0, 5), Pt(3, 0), Pt(1, 1)]:
    print(where(p))
