class Res:
    opened = 0
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        Res.opened += 1
        print('open', self.n, 'total', Res.opened)
        return self
    def __exit__(self, *exc):
        Res.opened -= 1
        print('close', self.n, exc[0].__name__ if exc[0] else '-')
        return False
with Res(1) as r1, Res(2) as r2:
    print('using', r1.n, r2.n)
with (Res(3) as a,
      Res(4) as b):
    print('parenthesized', a.n + b.n)
try:
    with Res(5):
        with Res(6):
            1 / 0
except ZeroDivisionError:
    print('zde')
print(Res.opened)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
