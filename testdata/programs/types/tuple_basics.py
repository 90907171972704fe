t = (1, 'a', [2], None)
print(t, len(t), t[1], t[-1], t[1:3], t.index('a'), t.count(None), (1,), (), tuple('ab'), tuple(range(3)))
print((1, 2) + (3,), (0,) * 3, 1 in t, (1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 3))
t[2].append(3)
print(t)
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.index(42)
except ValueError as e:
    print(e)
try:
    (1, 2)[5]
except IndexError as e:
    print(e)
a, b = divmod(7, 2)
print(a, b, type(divmod(7, 2)).__name__, repr((1,)), repr(((),)), str((1, 'x')))
try:
    (1, 2) + [3]
except TypeError as e:
    print(e)
