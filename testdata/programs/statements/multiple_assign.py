a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
(a, b), c = 'xy', 3
print(a, b, c)
[p, q] = (q, p) = 5, 6
print(p, q)
a, b = b, a
print(a, b)
