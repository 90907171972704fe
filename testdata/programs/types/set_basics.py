s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s, set(), set([1, 1, 2]), {x % 4 for x in range(10)})
s.add(10); s.add(1); s.discard(99); s.remove(3)
print(s, sorted(s))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print(a <= b, {3} <= a, {3} < a, a >= {1}, a.isdisjoint({7}), a.issubset(range(10)), a == {4, 3, 2, 1})
c = {5, 6}
c |= {7}; c &= {6, 7}; c -= {6}
print(c, c.pop(), c)
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    {1}.remove(2)
except KeyError as e:
    print(repr(e))
try:
    {[1]}
except TypeError as e:
    print(e)
print(set(range(20, 0, -3)), {-1, -2, 0}, {100, 1, 64, 32}, set('aaa'))
