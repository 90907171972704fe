def sign(x):
    return 'neg' if x < 0 else 'zero' if x == 0 else 'pos'
print([sign(v) for v in (-2, 0, 3)])
print(0 or [] or 'last', 1 and 2 and 3, None and 1 / 0, 'a' or 1 / 0)
print(not 0, not 'x', (lambda: 5 if True else 6)())
x = [] or None
print(x)
print(1 if [] else 2, 3 if [0] else 4)
