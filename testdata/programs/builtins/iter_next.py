it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
try:
    next(it)
except StopIteration:
    print('StopIteration')
data = iter([5, 4, 3, 0, 9])
print(list(iter(lambda: next(data), 0)))
count = 0
def tick():
    global count
    count += 1
    return count
print(list(iter(tick, 4)))
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5, 1)
except TypeError as e:
    print(e)
s = iter('abc')
print(iter(s) is s, list(s), list(s))
d = {'a': 1}
di = iter(d)
print(type(di).__name__, next(di))
