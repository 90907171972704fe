import math
values = [4, 9, 16, 20]
roots = [r for v in values if (r := math.isqrt(v)) ** 2 == v]
print(roots)
n = 0
while (n := n + 1) < 5:
    pass
print(n)
if (m := len('hello')) > 3:
    print('long', m)
print((y := 10) + y, y)
data = iter([1, 2, 0, 3])
total = 0
while (item := next(data)) != 0:
    total += item
print(total, item)
def f():
    return [(z := i) for i in range(3)], z
print(f())
print(x := 5, x)
