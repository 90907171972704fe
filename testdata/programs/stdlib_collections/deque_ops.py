from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1])
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.pop(), d.popleft())
print(d.index(3), d.count(2), 3 in d)
d.remove(3)
d.insert(1, 99)
print(d)
d.reverse()
print(d, list(reversed(d)))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), sum(window) / len(window))
print(window, window.maxlen)
window.appendleft(100)
print(window)
h = deque("abc", 2)
print(h, h * 2, h + deque("z"))
print(deque() == deque([]), deque([1]) < deque([2]))
d2 = d.copy()
d2.clear()
print(d2, bool(d2), d)
del d[0]
d[0] = "new"
print(d)


def tail(lines, n):
    return list(deque(lines, maxlen=n))


print(tail(range(100), 3))
empty = deque()
print(len(empty))
empty.popleft()
