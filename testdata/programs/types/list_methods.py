l = [3, 1, 4, 1, 5]
l.append(9); l.extend([2, 6]); l.insert(0, 0); l.insert(100, 7); l.insert(-1, 8)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.count(1), l.index(1, 2))
l.sort()
print(l)
l.sort(reverse=True, key=lambda v: v % 3)
print(l)
l.reverse()
print(l, l.copy() == l, l.copy() is l)
l.clear()
print(l, [1, 2] + [3], [0] * 3, [[]] * 2, list('ab'), list(range(3)), list({'k': 1}))
for call in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].index(2), lambda: [1].remove(9), lambda: [1, 'a'].sort(), lambda: [1][1]]:
    try:
        call()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
x = [1, 2]
x.append(x)
print(x, x == x)
print([1, 2] == [1, 2], [1, 2] is [1, 2], [1, [2]] < [1, [3]], [] * 5)
