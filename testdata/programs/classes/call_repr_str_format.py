class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f'Money({self.cents})'
    def __str__(self):
        return f'${self.cents / 100:.2f}'
    def __format__(self, spec):
        if spec == 'c':
            return f'{self.cents}c'
        return format(str(self), spec)
    def __call__(self, factor):
        return Money(self.cents * factor)
m = Money(1234)
print(m, repr(m), str(m), [m], (m,), {'k': m})
print(f'{m}', f'{m!r}', f'{m:c}', f'{m:>10}|', '{:*^12}'.format(m), format(m, 'c'))
print(m(2), callable(m), callable(Money))
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
print(OnlyRepr(), str(OnlyRepr()), f'{OnlyRepr()}')
try:
    format(OnlyRepr(), 'x')
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print(e)
