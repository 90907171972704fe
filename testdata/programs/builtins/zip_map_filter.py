print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip(*[(1, 'a'), (2, 'b')])))
print(list(zip('ab', 'cd', strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print(e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, (-1, 2))))
print(list(filter(None, [0, 1, '', 'a', None, [0]])), list(filter(lambda x: x > 1, range(4))))
m = map(int, ['1', 'x', '3'])
print(next(m))
try:
    next(m)
except ValueError as e:
    print(e)
print(type(zip()).__name__, type(map(str, [])).__name__, type(filter(None, [])).__name__)
