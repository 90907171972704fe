first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
a, *mid, b = range(2)
print(a, mid, b)
(x, y), *z = [(1, 2), 3, 4]
print(x, y, z)
head, *_ = (9,)
print(head, _)
for i, *tail in [(1, 2, 3), (4,)]:
    print(i, tail)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print(e)
try:
    p, *q, r = [1]
except ValueError as e:
    print(e)
try:
    p, q = 5
except TypeError as e:
    print(e)
a = b, c = 1, 2
print(a, b, c)
